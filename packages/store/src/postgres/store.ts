/**
 * Opening the PostgreSQL store.
 *
 * @module
 */
import { type Clock, systemClock } from '@motcua/core';
import pg from 'pg';
import type { MotcuaStore } from '../motcua-store.ts';
import { PostgresAccessLog } from './access-log.ts';
import { PgDatabase } from './database.ts';
import { PostgresDossierChangeStore } from './dossiers.ts';
import { PostgresOutboxStore } from './outbox.ts';
import { PostgresSequenceStore } from './sequences.ts';
import { PostgresWarehouseStore } from './warehouse.ts';

/**
 * Options of {@link openPostgresStore}: a connection string, a pool configuration, or a
 * pool you already have (then `close()` leaves it open).
 *
 * @example
 * ```ts
 * import type { PostgresStoreOptions } from '@motcua/store/postgres';
 * const o: PostgresStoreOptions = { connectionString: 'postgres://motcua@127.0.0.1:5432/motcua', schema: 'motcua' };
 * ```
 * @category Store
 */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  connectionString?: string | undefined;
  /** Full `pg` pool configuration (merged over `connectionString`). */
  poolConfig?: pg.PoolConfig | undefined;
  /** An existing pool to use instead of creating one. */
  pool?: pg.Pool | undefined;
  /** Schema holding motcua's tables (default `motcua`); created and migrated on open. */
  schema?: string | undefined;
  /** "Now" for provenance, leases and enqueue times (default: the system clock). */
  clock?: Clock | undefined;
}

/**
 * The PostgreSQL store: for servers, and for deployments where many worker processes
 * on many machines share one database. Every port is safe under concurrency across
 * processes (row locks, `SKIP LOCKED`, advisory-locked migrations).
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * console.log(store.schema); // 'motcua'
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresStore implements MotcuaStore {
  /** The schema holding the tables. */
  readonly schema: string;
  /** Digitized papers. */
  readonly warehouse: PostgresWarehouseStore;
  /** Who looked up whose data. */
  readonly accessLog: PostgresAccessLog;
  /** Dossier-code counters. */
  readonly sequences: PostgresSequenceStore;
  /** Outbound messages. */
  readonly outbox: PostgresOutboxStore;
  /** Local dossiers, each change committed with its outbox messages. */
  readonly dossiers: PostgresDossierChangeStore;
  /** The connection pool (for health checks and metrics). */
  readonly pool: pg.Pool;
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase, clock: Clock) {
    this.#db = db;
    this.schema = db.schema;
    this.pool = db.pool;
    this.warehouse = new PostgresWarehouseStore(db, clock);
    this.accessLog = new PostgresAccessLog(db);
    this.sequences = new PostgresSequenceStore(db);
    this.outbox = new PostgresOutboxStore(db, clock);
    this.dossiers = new PostgresDossierChangeStore(db, clock);
  }

  /** Connects, creates the schema if needed and migrates it. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool =
      options.pool ??
      new pg.Pool({
        ...(options.connectionString === undefined ? {} : { connectionString: options.connectionString }),
        ...options.poolConfig,
      });
    const db = new PgDatabase(pool, options.schema ?? 'motcua', options.pool === undefined);
    try {
      await db.migrate();
    } catch (error) {
      await db.close();
      throw error;
    }
    return new PostgresStore(db, options.clock ?? systemClock);
  }

  /** Close the pool (unless it was passed in). Further calls throw `StoreError` `CLOSED`. */
  async close(): Promise<void> {
    await this.#db.close();
  }
}

/**
 * Opens a PostgreSQL store: connects, creates the schema if needed and brings it to the
 * current version (once, even when many processes start together).
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * await store.sequences.next('000.00.00.H56', '2025-07-01');
 * await store.close();
 * ```
 * @category Store
 */
export function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  return PostgresStore.open(options);
}
