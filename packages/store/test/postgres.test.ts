import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.ts';
import { describeStoreContract } from './contract.ts';
import { makeEntry } from './fixtures.ts';
import { type HammerLogRow, hammer } from './multi-process.ts';
import { freshSchema, startTestPostgres, type TestPostgres } from './pg-server.ts';

let server: TestPostgres;
let admin: pg.Pool;

beforeAll(() => {
  server = startTestPostgres();
  admin = new pg.Pool({ connectionString: server.url, max: 2 });
}, 120_000);

afterAll(async () => {
  await admin?.end();
  server?.stop();
}, 60_000);

async function dropSchema(schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

describeStoreContract(
  'postgresql',
  async (clock) => {
    const schema = freshSchema();
    const store = await openPostgresStore({ connectionString: server.url, schema, clock, poolConfig: { max: 8 } });
    return {
      warehouse: store.warehouse,
      accessLog: store.accessLog,
      sequences: store.sequences,
      outbox: store.outbox,
      dossiers: store.dossiers,
      breakOutboxInserts: async () => {
        await admin.query(
          `CREATE FUNCTION "${schema}".broken_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'injected outbox failure'; END $$;
           CREATE TRIGGER outbox_broken BEFORE INSERT ON "${schema}".outbox
             FOR EACH ROW EXECUTE FUNCTION "${schema}".broken_outbox();`,
        );
        return async () => {
          await admin.query(`DROP TRIGGER outbox_broken ON "${schema}".outbox`);
        };
      },
      close: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  },
  ['warehouse', 'accessLog', 'sequences', 'outbox', 'dossiers'],
);

describe('postgresql specifics', () => {
  it('migrates once when many stores open the same schema at the same time', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 6 }, () =>
        openPostgresStore({ connectionString: server.url, schema, poolConfig: { max: 1 } }),
      ),
    );
    const { rows } = await admin.query(`SELECT version, name FROM "${schema}".motcua_migrations`);
    expect(rows).toEqual([
      { version: 1, name: 'warehouse, access log, dossier sequences, outbox' },
      { version: 2, name: 'local dossiers, their progress rows and applied changes' },
    ]);
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the access log even through raw SQL', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore({ connectionString: server.url, schema });
    await store.accessLog.append(makeEntry({ id: 'e1' }));
    await expect(admin.query(`UPDATE "${schema}".access_log SET entry = '{}'`)).rejects.toThrow(/append-only/);
    await expect(admin.query(`DELETE FROM "${schema}".access_log`)).rejects.toThrow(/append-only/);
    await expect(admin.query(`TRUNCATE "${schema}".access_log`)).rejects.toThrow(/append-only/);
    await store.close();
    await dropSchema(schema);
  });

  it('refuses an unsafe schema name and fails to open with a clear error when the server is unreachable', async () => {
    await expect(openPostgresStore({ connectionString: server.url, schema: 'x"; drop' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', schema: 'motcua_unreachable' }),
    ).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
  });

  it('keeps sequences and the outbox exact under 4 OS processes sharing one database', async () => {
    const schema = freshSchema('motcua_hammer');
    const store = await openPostgresStore({ connectionString: server.url, schema });
    await store.close();
    await admin.query(
      `CREATE TABLE "${schema}".hammer_log (seq bigserial PRIMARY KEY, worker text, message_id text, key text, n integer)`,
    );
    const result = await hammer(
      'postgres',
      server.url,
      schema,
      { workers: 4, sequencesPerWorker: 150, messagesPerWorker: 120, keysPerWorker: 6 },
      async () =>
        (await admin.query<HammerLogRow>(`SELECT worker, message_id, key, n FROM "${schema}".hammer_log ORDER BY seq`))
          .rows,
    );
    expect(result.pids).toBe(4);
    // Every worker took part in delivery, not only in producing.
    expect(result.processedPerWorker.every((n) => n > 0)).toBe(true);
    await dropSchema(schema);
  });
});
