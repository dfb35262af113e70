/**
 * The SQLite access log (append-only: triggers refuse UPDATE and DELETE).
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
import type { SqliteDatabase } from './database.ts';

/**
 * An {@link AccessLog} in a SQLite database. Obtain it from {@link openSqliteStore}.
 * The table refuses UPDATE and DELETE, so even direct SQL cannot rewrite history.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: ':memory:' });
 * const mine = await store.accessLog.bySubject({ type: 'personal-id', value: '038190012345' });
 * await store.close();
 * ```
 * @category Store
 */
export class SqliteAccessLog implements AccessLog {
  readonly #db: SqliteDatabase;

  /** @internal Obtained from openSqliteStore. */
  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Record one look-up (a retried append of the same entry is a no-op). */
  async append(entry: AccessLogEntry): Promise<void> {
    const json = stableStringify(entry);
    const subject = ownerKey(entry.subject);
    const atMs = epochMsOf(entry.at, 'entry.at');
    const result = this.#db
      .statement(
        'INSERT INTO access_log (id, subject_key, at_ms, entry) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      )
      .run(entry.id, subject, atMs, json);
    if (result.changes === 1) return;
    const row = this.#db.statement('SELECT entry FROM access_log WHERE id = ?').get(entry.id) as { entry: string };
    if (row.entry !== json) {
      throw new ReuseError(
        'LOG_ENTRY_CONFLICT',
        `access-log entry ${JSON.stringify(entry.id)} exists with other content`,
      );
    }
  }

  /** The subject's entries, newest first. */
  async bySubject(subject: Identity, query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    const where = ['subject_key = ?'];
    const params: Array<string | number> = [ownerKey(subject)];
    if (query.since !== undefined) {
      where.push('at_ms >= ?');
      params.push(epochMsOf(query.since, 'since'));
    }
    if (query.until !== undefined) {
      where.push('at_ms < ?');
      params.push(epochMsOf(query.until, 'until'));
    }
    params.push(checkLimit(query.limit));
    const rows = this.#db
      .statement(`SELECT entry FROM access_log WHERE ${where.join(' AND ')} ORDER BY at_ms DESC, id LIMIT ?`)
      .all(...params) as Array<{ entry: string }>;
    return rows.map((r) => JSON.parse(r.entry) as AccessLogEntry);
  }
}
