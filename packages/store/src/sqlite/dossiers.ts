/**
 * The SQLite dossier-change store: local dossiers, written together with their outbox
 * messages.
 *
 * @module
 */
import type { Clock, DossierChange, DossierChangeStore, LocalDossierRecord } from '@motcua/core';
import { checkChange, checkList, recordOf } from '../dossier-rules.ts';
import type { SqliteDatabase } from './database.ts';
import { insertOutboxMessage } from './outbox.ts';

/**
 * A {@link DossierChangeStore} in a SQLite database: `commitDossierChange` writes the
 * dossier's new state, appends its progress rows and inserts its outbox messages in one
 * `BEGIN IMMEDIATE` transaction — all of it commits, or none of it. The messages go
 * through the same insert as `store.outbox.enqueue`, so workers claim them like any other.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: ':memory:' });
 * await store.dossiers.commitDossierChange({
 *   changeId: '1',
 *   first: true,
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: '2', NoiDungXuLy: 'Tiếp nhận hồ sơ' }],
 * }); // { committed: true }
 * (await store.outbox.counts()).pending; // 2
 * await store.close();
 * ```
 * @category Store
 */
export class SqliteDossierChangeStore implements DossierChangeStore {
  readonly #db: SqliteDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openSqliteStore. */
  constructor(db: SqliteDatabase, clock: Clock) {
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
    return this.#db.write(() => {
      const applied = this.#db
        .statement(
          'INSERT INTO dossier_changes (ma_ho_so, change_id, applied_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(c.maHoSo, c.changeId, now);
      if (applied.changes === 0) return { committed: false };
      this.#db
        .statement(
          `INSERT INTO dossiers (ma_ho_so, dossier, version, updated_at_ms) VALUES (?, ?, 1, ?)
           ON CONFLICT (ma_ho_so) DO UPDATE SET dossier = excluded.dossier, version = dossiers.version + 1,
             updated_at_ms = excluded.updated_at_ms`,
        )
        .run(c.maHoSo, c.dossier, now);
      const progress = this.#db.statement('INSERT INTO dossier_progress (ma_ho_so, row) VALUES (?, ?)');
      for (const row of c.progress) progress.run(c.maHoSo, row);
      for (const m of c.messages) insertOutboxMessage(this.#db, m, now);
      return { committed: true };
    });
  }

  /** The local record of one dossier: its latest state and every progress row, in order. */
  async getDossier(maHoSo: string): Promise<LocalDossierRecord | undefined> {
    const row = this.#db.statement('SELECT dossier FROM dossiers WHERE ma_ho_so = ?').get(maHoSo) as
      | { dossier: string }
      | undefined;
    if (row === undefined) return undefined;
    const progress = this.#db
      .statement('SELECT row FROM dossier_progress WHERE ma_ho_so = ? ORDER BY seq')
      .all(maHoSo) as Array<{ row: string }>;
    return recordOf(
      row.dossier,
      progress.map((p) => p.row),
    );
  }

  /** How many changes of the dossier were committed (0 when it has none). */
  async dossierVersion(maHoSo: string): Promise<number> {
    const row = this.#db.statement('SELECT version FROM dossiers WHERE ma_ho_so = ?').get(maHoSo) as
      | { version: number }
      | undefined;
    return row?.version ?? 0;
  }

  /** Local records in `MaHoSo` order (bytewise), starting after `after`. */
  async listDossiers(options: { after?: string | undefined; limit: number }): Promise<LocalDossierRecord[]> {
    const { after, limit } = checkList(options);
    {
      const dossiers = this.#db
        .statement('SELECT ma_ho_so, dossier FROM dossiers WHERE ma_ho_so > ? ORDER BY ma_ho_so LIMIT ?')
        .all(after ?? '', limit) as Array<{ ma_ho_so: string; dossier: string }>;
      if (dossiers.length === 0) return [];
      const last = dossiers[dossiers.length - 1]?.ma_ho_so ?? '';
      const rows = this.#db
        .statement(
          'SELECT ma_ho_so, row FROM dossier_progress WHERE ma_ho_so > ? AND ma_ho_so <= ? ORDER BY ma_ho_so, seq',
        )
        .all(after ?? '', last) as Array<{ ma_ho_so: string; row: string }>;
      const byCode = new Map<string, string[]>();
      for (const r of rows) {
        const list = byCode.get(r.ma_ho_so);
        if (list === undefined) byCode.set(r.ma_ho_so, [r.row]);
        else list.push(r.row);
      }
      return dossiers.map((d) => recordOf(d.dossier, byCode.get(d.ma_ho_so) ?? []));
    }
  }
}
