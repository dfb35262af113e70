/**
 * The PostgreSQL dossier-code sequence store.
 *
 * @module
 */
import type { SequenceStore } from '@motcua/core';
import { checkSequenceKey } from '../sequence-key.ts';
import type { PgDatabase } from './database.ts';

/**
 * A {@link SequenceStore} in PostgreSQL: one `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * per number; the row lock makes numbers unique across any number of processes and
 * machines.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * await store.sequences.next('000.00.00.H56', '2025-07-01');
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresSequenceStore implements SequenceStore {
  readonly #db: PgDatabase;

  /** @internal Obtained from openPostgresStore. */
  constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Increment and return the counter of `(agencyCode, day)`; the first call returns 1. */
  async next(agencyCode: string, day: string): Promise<number> {
    checkSequenceKey(agencyCode, day);
    const { rows } = await this.#db.prepared<{ value: number }>(
      `INSERT INTO {s}.dossier_sequences AS t (agency_code, day, value) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET value = t.value + 1 RETURNING value`,
      [agencyCode, day],
    );
    return (rows[0] as { value: number }).value;
  }
}
