/**
 * The transactional side of the outbox: a dossier's new local state and the outbox
 * messages of the change must commit together, or a crash between the two loses the
 * update (state saved, nothing to send) or sends one that never happened.
 *
 * @module
 */
import type { DossierChange } from './messages.ts';
import type { LocalDossierRecord } from './reconcile.ts';

/**
 * What a store offers so that every dossier change reaches the outbox in the same
 * transaction as the change itself. `@motcua/store` implements it for SQLite and
 * PostgreSQL next to its `OutboxStore`; an application keeping dossiers in its own tables
 * implements it by writing its row and inserting the messages of
 * {@link dossierChangeMessages} in one database transaction.
 *
 * Contract:
 * - `commitDossierChange` stores the dossier and its new progress rows **and** enqueues
 *   `dossierChangeMessages(change)` atomically; repeating the same `changeId` changes
 *   nothing and enqueues nothing;
 * - `getDossier` / `listDossiers` return the local state (`listDossiers` in `MaHoSo`
 *   order, after `after`), for {@link reconcile}.
 *
 * @example
 * ```ts
 * import type { DossierChangeStore } from '@motcua/core';
 * declare const store: DossierChangeStore;
 * await store.commitDossierChange({
 *   changeId: '2',
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250702090000', TrangThai: '4', NoiDungXuLy: 'Thụ lý' }],
 * });
 * ```
 * @category Sync
 */
export interface DossierChangeStore {
  /** Saves the change and enqueues its messages in one transaction. */
  commitDossierChange(change: DossierChange): Promise<{ committed: boolean }>;
  /** The local record of one dossier. */
  getDossier(maHoSo: string): Promise<LocalDossierRecord | undefined>;
  /** Local records in `MaHoSo` order, starting after `after`. */
  listDossiers(options: { after?: string | undefined; limit: number }): Promise<LocalDossierRecord[]>;
}

/**
 * Every local record of a {@link DossierChangeStore}, page by page (for {@link reconcile}).
 *
 * @example
 * ```ts
 * import { allLocalDossiers, reconcile, type DossierChangeStore, type PortalSender } from '@motcua/core';
 * declare const store: DossierChangeStore;
 * declare const portal: PortalSender;
 * const report = await reconcile(allLocalDossiers(store), portal);
 * ```
 * @category Sync
 */
export async function* allLocalDossiers(
  store: Pick<DossierChangeStore, 'listDossiers'>,
  pageSize = 500,
): AsyncGenerator<LocalDossierRecord> {
  let after: string | undefined;
  for (;;) {
    const page = await store.listDossiers({ after, limit: pageSize });
    for (const r of page) yield r;
    if (page.length < pageSize) return;
    after = page[page.length - 1]?.dossier.MaHoSo;
  }
}
