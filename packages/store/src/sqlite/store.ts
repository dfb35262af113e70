/**
 * Opening the SQLite store.
 *
 * @module
 */
import { type Clock, systemClock } from '@motcua/core';
import type { MotcuaStore } from '../motcua-store.ts';
import { SqliteAccessLog } from './access-log.ts';
import { openDatabase, type SqliteDatabase } from './database.ts';
import { SqliteDossierChangeStore } from './dossiers.ts';
import { SqliteOutboxStore } from './outbox.ts';
import { SqliteSequenceStore } from './sequences.ts';
import { SqliteWarehouseStore } from './warehouse.ts';

/**
 * Options of {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * import type { SqliteStoreOptions } from '@motcua/store';
 * const o: SqliteStoreOptions = { path: '/var/lib/motcua/motcua.db', busyTimeoutMs: 10_000 };
 * ```
 * @category Store
 */
export interface SqliteStoreOptions {
  /** Database file (created if missing), or `:memory:`. */
  path: string;
  /** "Now" for provenance, leases and enqueue times (default: the system clock). */
  clock?: Clock | undefined;
  /** How long a writer waits for another process's write lock, in ms (default 5000). */
  busyTimeoutMs?: number | undefined;
  /**
   * `full` (default): every commit is on disk before it returns — a dossier number is
   * never handed out twice, even after a power cut. `normal`: faster commits; the last
   * transactions may be lost on power failure (never corrupted). Use `normal` only for
   * re-creatable data such as a bulk import.
   */
  synchronous?: 'full' | 'normal' | undefined;
  /**
   * Page cache of this connection in MiB (default 64). Raise it for bulk imports into a
   * large warehouse: the owner index then stays in memory.
   */
  cacheSizeMb?: number | undefined;
}

/**
 * The SQLite store: the embedded default, zero setup. One file holds the warehouse, the
 * access log, the dossier-code sequences, the outbox and the local dossiers; WAL mode lets readers run
 * while one writer writes, and several processes may share the file (writes queue on
 * `busyTimeoutMs`). For many machines, use `@motcua/store/postgres`.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: 'motcua.db' });
 * console.log(store.path); // 'motcua.db'
 * await store.close();
 * ```
 * @category Store
 */
export class SqliteStore implements MotcuaStore {
  /** The database file. */
  readonly path: string;
  /** Digitized papers. */
  readonly warehouse: SqliteWarehouseStore;
  /** Who looked up whose data. */
  readonly accessLog: SqliteAccessLog;
  /** Dossier-code counters. */
  readonly sequences: SqliteSequenceStore;
  /** Outbound messages. */
  readonly outbox: SqliteOutboxStore;
  /** Local dossiers, each change committed with its outbox messages. */
  readonly dossiers: SqliteDossierChangeStore;
  readonly #db: SqliteDatabase;

  constructor(options: SqliteStoreOptions) {
    const clock = options.clock ?? systemClock;
    this.path = options.path;
    this.#db = openDatabase({
      path: options.path,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      synchronous: options.synchronous ?? 'full',
      cacheSizeMb: options.cacheSizeMb ?? 64,
    });
    this.warehouse = new SqliteWarehouseStore(this.#db, clock);
    this.accessLog = new SqliteAccessLog(this.#db);
    this.sequences = new SqliteSequenceStore(this.#db);
    this.outbox = new SqliteOutboxStore(this.#db, clock);
    this.dossiers = new SqliteDossierChangeStore(this.#db, clock);
  }

  /** Close the database file. Further calls throw `StoreError` `CLOSED`. */
  async close(): Promise<void> {
    this.#db.close();
  }
}

/**
 * Opens (creating and migrating if needed) a SQLite store.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: ':memory:' });
 * await store.sequences.next('000.00.00.H56', '2025-07-01'); // 1
 * await store.close();
 * ```
 * @category Store
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}
