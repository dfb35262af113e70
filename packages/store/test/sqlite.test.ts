import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { InMemoryAccessLog, InMemorySequenceStore, InMemoryWarehouseStore } from '@motcua/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.ts';
import { describeStoreContract } from './contract.ts';
import { ManualClock, makeDocument, makeEntry } from './fixtures.ts';
import { type HammerLogRow, hammer } from './multi-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'motcua-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeStoreContract(
  'in-memory (core)',
  async (clock) => ({
    warehouse: new InMemoryWarehouseStore({ clock }),
    accessLog: new InMemoryAccessLog(),
    sequences: new InMemorySequenceStore(),
    close: async () => {},
  }),
  ['warehouse', 'accessLog', 'sequences'],
);

describeStoreContract('sqlite :memory:', async (clock) => openSqliteStore({ path: ':memory:', clock }), [
  'warehouse',
  'accessLog',
  'sequences',
  'outbox',
  'dossiers',
]);

/** Makes every outbox INSERT on the file fail (a trigger added through another connection). */
async function breakOutboxInserts(path: string): Promise<() => Promise<void>> {
  const raw = new DatabaseSync(path);
  raw.exec(
    "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'injected outbox failure'); END",
  );
  raw.close();
  return async () => {
    const db = new DatabaseSync(path);
    db.exec('DROP TRIGGER outbox_broken');
    db.close();
  };
}

describeStoreContract(
  'sqlite file (WAL)',
  async (clock) => {
    const path = join(dir, `c${n++}.db`);
    const store = openSqliteStore({ path, clock });
    return {
      warehouse: store.warehouse,
      accessLog: store.accessLog,
      sequences: store.sequences,
      outbox: store.outbox,
      dossiers: store.dossiers,
      breakOutboxInserts: () => breakOutboxInserts(path),
      close: () => store.close(),
    };
  },
  ['warehouse', 'accessLog', 'sequences', 'outbox', 'dossiers'],
);

describe('sqlite specifics', () => {
  it('uses WAL, records its migrations once, and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const clock = new ManualClock('2025-07-01T08:00:00+07:00');
    const a = openSqliteStore({ path, clock });
    await a.warehouse.put(makeDocument({ id: 'gtsh-1' }));
    await a.sequences.next('000.00.00.H56', '2025-07-01');
    await a.close();
    const b = openSqliteStore({ path, clock });
    expect((await b.warehouse.get('gtsh-1'))?.document.id).toBe('gtsh-1');
    expect(await b.sequences.next('000.00.00.H56', '2025-07-01')).toBe(2);
    await b.close();
    const raw = new DatabaseSync(path);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(raw.prepare('SELECT version, name FROM motcua_migrations').all()).toEqual([
      { version: 1, name: 'warehouse, access log, dossier sequences, outbox' },
      { version: 2, name: 'local dossiers, their progress rows and applied changes' },
    ]);
    raw.close();
  });

  it('refuses UPDATE and DELETE on the access log even through raw SQL', async () => {
    const path = join(dir, 'append-only.db');
    const store = openSqliteStore({ path });
    await store.accessLog.append(makeEntry({ id: 'e1' }));
    await store.close();
    const raw = new DatabaseSync(path);
    expect(() => raw.exec("UPDATE access_log SET entry = '{}'")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM access_log')).toThrow(/append-only/);
    raw.close();
  });

  it('refuses a database migrated by a newer version', async () => {
    const path = join(dir, 'newer.db');
    await openSqliteStore({ path }).close();
    const raw = new DatabaseSync(path);
    raw.prepare("INSERT INTO motcua_migrations VALUES (999, 'future', '2030-01-01')").run();
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
  });

  it('throws CLOSED after close and checks sequence keys', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await expect(store.sequences.next('', '2025-07-01')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.sequences.next('000.00.00.H56', '01/07/2025')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await store.close();
    await expect(store.sequences.next('000.00.00.H56', '2025-07-01')).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('keeps sequences and the outbox exact under 3 OS processes sharing one database file', async () => {
    const path = join(dir, 'hammer.db');
    await openSqliteStore({ path }).close();
    const raw = new DatabaseSync(path);
    raw.exec(
      'CREATE TABLE hammer_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, worker TEXT, message_id TEXT, key TEXT, n INTEGER)',
    );
    raw.close();
    const result = await hammer(
      'sqlite',
      path,
      '-',
      { workers: 3, sequencesPerWorker: 100, messagesPerWorker: 90, keysPerWorker: 5 },
      async () => {
        const db = new DatabaseSync(path);
        const rows = db
          .prepare('SELECT worker, message_id, key, n FROM hammer_log ORDER BY seq')
          .all() as unknown as HammerLogRow[];
        db.close();
        return rows;
      },
    );
    expect(result.pids).toBe(3);
  });
});
