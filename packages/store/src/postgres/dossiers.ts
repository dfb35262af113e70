/**
 * The PostgreSQL dossier-change store: local dossiers, written together with their
 * outbox messages.
 *
 * @module
 */
import type { Clock, DossierChange, DossierChangeStore, LocalDossierRecord } from '@motcua/core';
import { checkChange, checkList, recordOf } from '../dossier-rules.ts';
import type { PgDatabase } from './database.ts';
import { insertOutboxMessage } from './outbox.ts';

/**
 * A {@link DossierChangeStore} in PostgreSQL: `commitDossierChange` writes the dossier's
 * new state, appends its progress rows and inserts its outbox messages in one
 * transaction on one connection — all of it commits, or none of it. Changes of one
 * dossier committed concurrently are serialized on the dossier's row, so their messages
 * are enqueued (and delivered) in commit order. The messages go through the same insert
 * as `store.outbox.enqueue`.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * await store.dossiers.commitDossierChange({
 *   changeId: '2',
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250702090000', TrangThai: '4', NoiDungXuLy: 'Thụ lý' }],
 * });
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresDossierChangeStore implements DossierChangeStore {
  readonly #db: PgDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openPostgresStore. */
  constructor(db: PgDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /**
   * Saves the change and enqueues its messages in one transaction; `{ committed: false }`
   * (and nothing written) when this `changeId` of the dossier was already committed.
   */
  async commitDossierChange(change: DossierChange): Promise<{ committed: boolean }> {
    const c = checkChange(change);
    const now = this.#clock.now().getTime();
    return this.#db.transaction(async (q) => {
      const applied = await q.query(
        'INSERT INTO {s}.dossier_changes (ma_ho_so, change_id, applied_at_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [c.maHoSo, c.changeId, now],
      );
      if (applied.rowCount === 0) return { committed: false };
      await q.query(
        `INSERT INTO {s}.dossiers AS d (ma_ho_so, dossier, version, updated_at_ms) VALUES ($1, $2, 1, $3)
         ON CONFLICT (ma_ho_so) DO UPDATE SET dossier = EXCLUDED.dossier, version = d.version + 1,
           updated_at_ms = EXCLUDED.updated_at_ms`,
        [c.maHoSo, c.dossier, now],
      );
      if (c.progress.length > 0) {
        await q.query(
          'INSERT INTO {s}.dossier_progress (ma_ho_so, row) SELECT $1, r FROM unnest($2::text[]) WITH ORDINALITY AS t(r, i) ORDER BY i',
          [c.maHoSo, c.progress],
        );
      }
      for (const m of c.messages) await insertOutboxMessage(q, m, now);
      return { committed: true };
    });
  }

  /** The local record of one dossier: its latest state and every progress row, in order. */
  async getDossier(maHoSo: string): Promise<LocalDossierRecord | undefined> {
    const { rows } = await this.#db.query<{ dossier: string; progress: string[] | null }>(
      `SELECT d.dossier, (SELECT array_agg(p.row ORDER BY p.seq) FROM {s}.dossier_progress p WHERE p.ma_ho_so = d.ma_ho_so) AS progress
       FROM {s}.dossiers d WHERE d.ma_ho_so = $1`,
      [maHoSo],
    );
    const row = rows[0];
    return row === undefined ? undefined : recordOf(row.dossier, row.progress ?? []);
  }

  /** How many changes of the dossier were committed (0 when it has none). */
  async dossierVersion(maHoSo: string): Promise<number> {
    const { rows } = await this.#db.query<{ version: number }>('SELECT version FROM {s}.dossiers WHERE ma_ho_so = $1', [
      maHoSo,
    ]);
    return rows[0]?.version ?? 0;
  }

  /** Local records in `MaHoSo` order (bytewise), starting after `after`. */
  async listDossiers(options: { after?: string | undefined; limit: number }): Promise<LocalDossierRecord[]> {
    const { after, limit } = checkList(options);
    const { rows } = await this.#db.query<{ dossier: string; progress: string[] | null }>(
      `SELECT d.dossier, (SELECT array_agg(p.row ORDER BY p.seq) FROM {s}.dossier_progress p WHERE p.ma_ho_so = d.ma_ho_so) AS progress
       FROM {s}.dossiers d WHERE d.ma_ho_so > $1 ORDER BY d.ma_ho_so LIMIT $2`,
      [after ?? '', limit],
    );
    return rows.map((r) => recordOf(r.dossier, r.progress ?? []));
  }
}
