/**
 * Opening a SQLite database for motcua: pragmas, migrations, transactions.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { StoreError } from '../errors.ts';
import { type Migration, SQLITE_MIGRATIONS } from './migrations.ts';

/**
 * The background checkpointer's code (a worker thread with its own connection to the
 * file). It sleeps on a shared flag: bit 1 asks for a PASSIVE checkpoint, bit 2 to close.
 * Slot 1 is set when it has closed its connection.
 */
const CHECKPOINTER = `
const { DatabaseSync } = require('node:sqlite');
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.signal);
let db;
try {
  db = new DatabaseSync(workerData.path, { timeout: workerData.busyTimeoutMs });
  db.exec('PRAGMA synchronous = ' + workerData.synchronous);
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  for (;;) {
    Atomics.wait(flag, 0, 0);
    const v = Atomics.exchange(flag, 0, 0);
    if (v & 1) {
      try { checkpoint.get(); } catch {}
    }
    if (v & 2) break;
  }
} finally {
  try { db?.close(); } catch {}
  Atomics.store(flag, 1, 1);
  Atomics.notify(flag, 1);
}
`;

/**
 * WAL frames the writer may leave for the background checkpointer before it checkpoints
 * by itself (SQLite's own threshold is 1,000 pages): the safety net when the worker lags.
 */
const BACKGROUND_AUTOCHECKPOINT_PAGES = 8000;

/**
 * WAL file size beyond which a bulk writer stops leaving the copy to the background
 * checkpointer and checkpoints (RESTART) itself: the worker copies while the writer
 * appends, so on a busy machine it can fall behind, and the WAL would keep growing.
 */
const WAL_RESTART_BYTES = 1024 * 1024 * 1024;

/** After a checkpoint restarts the WAL, its file is truncated to this size. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** A database handle with a prepared-statement cache and a transaction helper. */
export class SqliteDatabase {
  readonly db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #options: OpenDatabaseOptions | undefined;
  #checkpointer: { worker: Worker; flag: Int32Array } | undefined;
  #depth = 0;
  #closed = false;

  constructor(db: DatabaseSync, options?: OpenDatabaseOptions) {
    this.db = db;
    this.#options = options;
  }

  /**
   * Asks for a WAL checkpoint on a background thread, so that a bulk writer does not copy
   * the WAL into the database file (and wait for its fsyncs) on its own thread. Started on
   * first use; no-op for in-memory databases. The writer keeps a checkpoint threshold of its
   * own ({@link BACKGROUND_AUTOCHECKPOINT_PAGES}) in case the worker falls behind.
   */
  checkpointInBackground(): void {
    const o = this.#options;
    if (this.#closed || o === undefined || o.path === ':memory:' || o.path === '') return;
    if (this.#checkpointer === undefined) {
      const signal = new SharedArrayBuffer(8);
      const worker = new Worker(CHECKPOINTER, {
        eval: true,
        workerData: { path: o.path, busyTimeoutMs: o.busyTimeoutMs, synchronous: pragmaSynchronous(o), signal },
        stdout: false,
        stderr: false,
      });
      worker.unref();
      // A worker that could not start or died: the writer checkpoints by itself again.
      worker.on('exit', () => {
        if (this.#checkpointer?.worker === worker) this.#stopCheckpointer(false);
      });
      this.#checkpointer = { worker, flag: new Int32Array(signal) };
      this.db.exec(`PRAGMA wal_autocheckpoint = ${BACKGROUND_AUTOCHECKPOINT_PAGES}`);
    }
    const wal = statSync(`${o.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (wal > (o.walRestartBytes ?? WAL_RESTART_BYTES)) {
      this.db.exec('PRAGMA wal_checkpoint(RESTART)');
      return;
    }
    const { flag } = this.#checkpointer;
    Atomics.or(flag, 0, 1);
    Atomics.notify(flag, 0);
  }

  #stopCheckpointer(wait = true): void {
    const c = this.#checkpointer;
    if (c === undefined) return;
    this.#checkpointer = undefined;
    Atomics.or(c.flag, 0, 2);
    Atomics.notify(c.flag, 0);
    // Wait for the worker to close its connection, so the file is left as a single-connection
    // close leaves it (WAL checkpointed and removed by the last connection).
    if (wait) Atomics.wait(c.flag, 1, 0, this.#options?.busyTimeoutMs ?? 5000);
    void c.worker.terminate();
    if (!this.#closed) this.db.exec('PRAGMA wal_autocheckpoint = 1000');
  }

  /** A prepared statement, cached by its SQL text. */
  statement(sql: string): StatementSync {
    this.assertOpen();
    let s = this.#statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `fn` in one write transaction (`BEGIN IMMEDIATE`: the write lock is taken at
   * once, so concurrent processes queue on the busy timeout instead of failing at
   * commit). Nested calls join the outer transaction.
   */
  write<T>(fn: () => T): T {
    this.assertOpen();
    if (this.#depth > 0) return fn();
    this.db.exec('BEGIN IMMEDIATE');
    this.#depth++;
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.#depth--;
    }
  }

  assertOpen(): void {
    if (this.#closed) throw new StoreError('CLOSED', 'the SQLite store is closed');
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopCheckpointer();
    this.#statements.clear();
    this.db.close();
  }
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  path: string;
  busyTimeoutMs: number;
  synchronous: 'full' | 'normal';
  cacheSizeMb: number;
  /** Tests only: the WAL size from which a bulk writer checkpoints by itself (default 1 GiB). */
  walRestartBytes?: number | undefined;
}

function pragmaSynchronous(options: OpenDatabaseOptions): 'NORMAL' | 'FULL' {
  return options.synchronous === 'normal' ? 'NORMAL' : 'FULL';
}

/** Opens (creating if needed) and migrates a database. */
export function openDatabase(options: OpenDatabaseOptions): SqliteDatabase {
  const db = new DatabaseSync(options.path, { timeout: options.busyTimeoutMs, enableForeignKeyConstraints: true });
  const handle = new SqliteDatabase(db, options);
  try {
    // 16 KiB pages (only takes effect on a new, empty file): a digitized paper's JSON is
    // about 1 KB, and bigger pages made bulk imports ~1.6x cheaper in CPU in our measurements.
    db.exec('PRAGMA page_size = 16384');
    if (options.path !== ':memory:' && options.path !== '') {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    }
    db.exec(`PRAGMA synchronous = ${pragmaSynchronous(options)}`);
    db.exec('PRAGMA temp_store = MEMORY');
    db.exec(`PRAGMA cache_size = -${Math.round(options.cacheSizeMb * 1024)}`);
    migrate(handle, SQLITE_MIGRATIONS);
    return handle;
  } catch (error) {
    handle.close();
    throw error;
  }
}

/** Applies the migrations the database lacks, in one transaction. */
export function migrate(handle: SqliteDatabase, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  try {
    handle.write(() => {
      handle.db.exec(
        'CREATE TABLE IF NOT EXISTS motcua_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const row = handle.db.prepare('SELECT max(version) AS v FROM motcua_migrations').get() as { v: number | null };
      const current = row.v ?? 0;
      if (current > latest) {
        throw new StoreError(
          'SCHEMA_TOO_NEW',
          `database schema version ${current} is newer than this @motcua/store supports (${latest})`,
        );
      }
      for (const m of migrations) {
        if (m.version <= current) continue;
        handle.db.exec(m.sql);
        handle.db
          .prepare('INSERT INTO motcua_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      }
    });
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('MIGRATION_FAILED', 'could not migrate the SQLite database', { cause: error });
  }
}
