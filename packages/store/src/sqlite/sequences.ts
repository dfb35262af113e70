/**
 * The SQLite dossier-code sequence store.
 *
 * @module
 */
import type { SequenceStore } from '@motcua/core';
import { checkSequenceKey } from '../sequence-key.ts';
import type { SqliteDatabase } from './database.ts';

/**
 * A {@link SequenceStore} in a SQLite database: one upsert statement per number, so
 * numbers are unique even when several processes share the database file.
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
export class SqliteSequenceStore implements SequenceStore {
  readonly #db: SqliteDatabase;

  /** @internal Obtained from openSqliteStore. */
  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Increment and return the counter of `(agencyCode, day)`; the first call returns 1. */
  async next(agencyCode: string, day: string): Promise<number> {
    checkSequenceKey(agencyCode, day);
    const row = this.#db
      .statement(
        `INSERT INTO dossier_sequences (agency_code, day, value) VALUES (?, ?, 1)
         ON CONFLICT (agency_code, day) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .get(agencyCode, day) as { value: number };
    return row.value;
  }
}
