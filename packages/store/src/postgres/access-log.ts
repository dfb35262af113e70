/**
 * The PostgreSQL access log (append-only: triggers refuse UPDATE, DELETE and TRUNCATE).
 *
 * @module
 */
import {
  type AccessLog,
  type AccessLogQuery,
  checkLimit,
  epochMsOf,
  ownerKey,
  ReuseError,
  stableStringify,
} from '@motcua/core';
import type { AccessLogEntry, Identity } from '@motcua/schemas';
import type { PgDatabase } from './database.ts';

/**
 * An {@link AccessLog} in PostgreSQL. Obtain it from `openPostgresStore`. Triggers
 * refuse UPDATE, DELETE and TRUNCATE on the table.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * const mine = await store.accessLog.bySubject({ type: 'personal-id', value: '038190012345' });
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresAccessLog implements AccessLog {
  readonly #db: PgDatabase;

  /** @internal Obtained from openPostgresStore. */
  constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Record one look-up (a retried append of the same entry is a no-op). */
  async append(entry: AccessLogEntry): Promise<void> {
    const json = stableStringify(entry);
    const subject = ownerKey(entry.subject);
    const atMs = epochMsOf(entry.at, 'entry.at');
    const result = await this.#db.query(
      'INSERT INTO {s}.access_log (id, subject_key, at_ms, entry) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [entry.id, subject, atMs, json],
    );
    if (result.rowCount === 1) return;
    const { rows } = await this.#db.query<{ entry: string }>('SELECT entry FROM {s}.access_log WHERE id = $1', [
      entry.id,
    ]);
    if (rows[0]?.entry !== json) {
      throw new ReuseError(
        'LOG_ENTRY_CONFLICT',
        `access-log entry ${JSON.stringify(entry.id)} exists with other content`,
      );
    }
  }

  /** The subject's entries, newest first. */
  async bySubject(subject: Identity, query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    const params: unknown[] = [ownerKey(subject)];
    const where = ['subject_key = $1'];
    if (query.since !== undefined) {
      params.push(epochMsOf(query.since, 'since'));
      where.push(`at_ms >= $${params.length}`);
    }
    if (query.until !== undefined) {
      params.push(epochMsOf(query.until, 'until'));
      where.push(`at_ms < $${params.length}`);
    }
    params.push(checkLimit(query.limit));
    const { rows } = await this.#db.prepared<{ entry: string }>(
      `SELECT entry FROM {s}.access_log WHERE ${where.join(' AND ')} ORDER BY at_ms DESC, id LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => JSON.parse(r.entry) as AccessLogEntry);
  }
}
