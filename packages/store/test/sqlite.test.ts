import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { InMemoryAccessLog, InMemorySequenceStore, InMemoryWarehouseStore } from '@motcua/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.ts';
import { openDatabase } from '../src/sqlite/database.ts';
import { describeStoreContract } from './contract.ts';
import { ManualClock, makeDocument, makeEntry, OWNER_ID } from './fixtures.ts';
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

  it('orders look-up results as SQLite orders them, code points beyond U+FFFF included', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    // JavaScript's < puts U+E000 after the surrogate pair of U+1F600; SQLite (UTF-8 bytes) before.
    const ids = ['b\u{1F600}', 'b\u{E000}', 'a', 'b', 'c-undated', 'c-old'];
    await store.warehouse.putMany(
      ids.map((id) =>
        makeDocument({
          id,
          issueDate: id === 'c-undated' ? undefined : id === 'c-old' ? '2020-01-01' : '2025-01-01',
        }),
      ),
    );
    const owner = { type: 'personal-id' as const, value: OWNER_ID };
    // The whole set is sorted in JavaScript; limit 5 makes SQLite order and cut it.
    const all = (await store.warehouse.find({ owner })).map((s) => s.document.id);
    const cut = (await store.warehouse.find({ owner, limit: 5 })).map((s) => s.document.id);
    expect(all).toEqual(['a', 'b', 'b\u{E000}', 'b\u{1F600}', 'c-old', 'c-undated']);
    expect(cut).toEqual(all.slice(0, 5));
    await store.close();
  });

  it('checkpoints a bulk import on a background thread and leaves a clean file on close', async () => {
    const path = join(dir, 'bulk.db');
    const store = openSqliteStore({ path, clock: new ManualClock('2025-07-01T08:00:00+07:00') });
    const before = statSync(path).size;
    const docs = Array.from({ length: 1500 }, (_, i) => makeDocument({ id: `bulk-${i}` }));
    expect(store.warehouse.putManySync(docs).every((r) => r.outcome === 'inserted')).toBe(true);
    // The writer leaves up to 8,000 WAL pages to the worker: only a checkpoint on another
    // thread grows the database file while the store stays open.
    const deadline = Date.now() + 10_000;
    while (statSync(path).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(path).size).toBeGreaterThan(before);
    expect(store.warehouse.putManySync(docs).every((r) => r.outcome === 'unchanged')).toBe(true);
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openSqliteStore({ path });
    expect((await again.warehouse.get('bulk-1499'))?.document.id).toBe('bulk-1499');
    await again.close();
  });

  it('checkpoints on the writer itself once the WAL outgrows the cap, and bounds the WAL file', async () => {
    const path = join(dir, 'wal-cap.db');
    const db = openDatabase({ path, busyTimeoutMs: 5000, synchronous: 'full', cacheSizeMb: 8, walRestartBytes: 1 });
    expect(db.db.prepare('PRAGMA journal_size_limit').get()).toEqual({ journal_size_limit: 64 * 1024 * 1024 });
    db.db.exec('CREATE TABLE t (x TEXT)');
    db.checkpointInBackground(); // starts the worker
    const before = statSync(path).size;
    db.write(() => {
      const insert = db.statement('INSERT INTO t VALUES (?)');
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(10_000));
    });
    // Over the cap: the WAL was copied into the file before the call returned, not later.
    db.checkpointInBackground();
    expect(statSync(path).size).toBeGreaterThan(before + 200 * 10_000);
    db.close();
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
