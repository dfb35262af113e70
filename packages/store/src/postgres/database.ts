/**
 * A PostgreSQL connection pool scoped to one schema, with transactions and migrations.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { StoreError } from '../errors.ts';
import { type PgMigration, POSTGRES_MIGRATIONS } from './migrations.ts';

/** Something that runs queries: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The pool, the schema and helpers. */
export class PgDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** `"schema".` — prefix for table names. */
  readonly s: string;
  readonly #ownsPool: boolean;
  readonly #names = new Map<string, string>();
  #closed = false;

  constructor(pool: pg.Pool, schema: string, ownsPool: boolean) {
    if (!SCHEMA_NAME.test(schema)) {
      throw new StoreError('INVALID_ARGUMENT', 'schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*)');
    }
    this.pool = pool;
    this.schema = schema;
    this.s = `"${schema}"`;
    this.#ownsPool = ownsPool;
  }

  /** SQL with `{s}` replaced by the schema. */
  sql(text: string): string {
    return text.replaceAll('{s}', this.s);
  }

  /** One statement on the pool. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    this.assertOpen();
    return this.pool.query<R>(this.sql(text), values);
  }

  /**
   * One statement on the pool, prepared once per connection under a name derived from its
   * text (for hot paths: look-ups, sequences, claims).
   */
  async prepared<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    this.assertOpen();
    const sql = this.sql(text);
    let name = this.#names.get(sql);
    if (name === undefined) {
      name = `motcua_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
      this.#names.set(sql, name);
    }
    return this.pool.query<R>({ name, text: sql, values });
  }

  /** Runs `fn` in one transaction on one client; rolls back on any error. */
  async transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    this.assertOpen();
    const client = await this.pool.connect();
    const q: Queryable = { query: (text, values) => client.query(this.sql(text), values) };
    try {
      await client.query('BEGIN');
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  assertOpen(): void {
    if (this.#closed) throw new StoreError('CLOSED', 'the PostgreSQL store is closed');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsPool) await this.pool.end();
  }

  /**
   * Brings the schema to the current version. Serialized across processes by a
   * transaction-scoped advisory lock, so many workers starting at once migrate once.
   */
  async migrate(migrations: readonly PgMigration[] = POSTGRES_MIGRATIONS): Promise<void> {
    const latest = migrations.at(-1)?.version ?? 0;
    try {
      await this.transaction(async (q) => {
        await q.query("SELECT pg_advisory_xact_lock(hashtext('motcua.store.migrate'))");
        await q.query('CREATE SCHEMA IF NOT EXISTS {s}');
        await q.query(
          'CREATE TABLE IF NOT EXISTS {s}.motcua_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        const { rows } = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM {s}.motcua_migrations');
        const current = rows[0]?.v ?? 0;
        if (current > latest) {
          throw new StoreError(
            'SCHEMA_TOO_NEW',
            `database schema version ${current} is newer than this @motcua/store supports (${latest})`,
          );
        }
        for (const m of migrations) {
          if (m.version <= current) continue;
          await q.query(m.sql);
          await q.query('INSERT INTO {s}.motcua_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
      });
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('MIGRATION_FAILED', 'could not migrate the PostgreSQL schema', { cause: error });
    }
  }
}
