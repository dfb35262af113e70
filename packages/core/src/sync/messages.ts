/**
 * The outbox messages of the DVCQG sync: one dossier change becomes a `DongBoHoSoMC`
 * message (the dossier as it now is) followed by a `CapNhatTienDoHoSoMC` message (the new
 * progress rows), both keyed by `MaHoSo` so they are delivered in order, and after every
 * earlier change of the same dossier.
 *
 * @module
 */
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { CoreError } from '../errors.ts';
import type { OutboxMessageInput } from './ports.ts';

/**
 * Message type of a dossier upsert.
 *
 * @example
 * ```ts
 * import { DVCQG_DOSSIER_MESSAGE } from '@motcua/core';
 * DVCQG_DOSSIER_MESSAGE; // 'dvcqg.DongBoHoSoMC'
 * ```
 * @category Sync
 */
export const DVCQG_DOSSIER_MESSAGE = 'dvcqg.DongBoHoSoMC' as const;

/**
 * Message type of progress rows.
 *
 * @example
 * ```ts
 * import { DVCQG_PROGRESS_MESSAGE } from '@motcua/core';
 * DVCQG_PROGRESS_MESSAGE; // 'dvcqg.CapNhatTienDoHoSoMC'
 * ```
 * @category Sync
 */
export const DVCQG_PROGRESS_MESSAGE = 'dvcqg.CapNhatTienDoHoSoMC' as const;

/**
 * Payload of a {@link DVCQG_DOSSIER_MESSAGE}. A bare dossier object (with `MaHoSo` at the
 * top) is accepted too.
 *
 * @example
 * ```ts
 * import type { DvcqgDossierPayload } from '@motcua/core';
 * const p: DvcqgDossierPayload = {
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000' },
 *   exists: true,
 * };
 * ```
 * @category Sync
 */
export interface DvcqgDossierPayload {
  /** The dossier as it is after the change (wire form). */
  dossier: DvcqgDossier;
  /** `false` on the dossier's first change (create), `true` after it; a hint for the sender. */
  exists?: boolean | undefined;
}

/**
 * Payload of a {@link DVCQG_PROGRESS_MESSAGE}.
 *
 * @example
 * ```ts
 * import type { DvcqgProgressPayload } from '@motcua/core';
 * const p: DvcqgProgressPayload = {
 *   rows: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: '2', NoiDungXuLy: 'Tiếp nhận hồ sơ' }],
 * };
 * ```
 * @category Sync
 */
export interface DvcqgProgressPayload {
  /** The rows, in order; all of one dossier. */
  rows: DvcqgProgress[];
}

/**
 * One dossier change to put in the outbox.
 *
 * @example
 * ```ts
 * import type { DossierChange } from '@motcua/core';
 * const change: DossierChange = {
 *   changeId: '3',
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250702090000', TrangThai: '4', NoiDungXuLy: 'Thụ lý' }],
 *   first: false,
 * };
 * ```
 * @category Sync
 */
export interface DossierChange {
  /**
   * Identifies the change within its dossier (the lifecycle history length, an event id…):
   * the message ids derive from it, so recording the same change twice enqueues nothing
   * new.
   */
  changeId: string;
  /** The dossier as it is after the change. */
  dossier: DvcqgDossier;
  /** The progress rows the change adds (usually one). */
  progress?: readonly DvcqgProgress[] | undefined;
  /** `true` when this is the dossier's first change (the portal does not have it yet). */
  first?: boolean | undefined;
}

/**
 * The outbox messages of one dossier change: the upsert, then (when there are rows) the
 * progress, both keyed by `MaHoSo`. Ids are `dvcqg:<MaHoSo>:<changeId>:dossier` and
 * `…:progress`. Throws `CoreError` `INVALID_ARGUMENT` when a row belongs to another
 * dossier or `MaHoSo` / `changeId` is empty.
 *
 * @example
 * ```ts
 * import { dossierChangeMessages } from '@motcua/core';
 * const messages = dossierChangeMessages({
 *   changeId: '1',
 *   first: true,
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: '2', NoiDungXuLy: 'Tiếp nhận hồ sơ' }],
 * });
 * messages.map((m) => m.type); // ['dvcqg.DongBoHoSoMC', 'dvcqg.CapNhatTienDoHoSoMC']
 * ```
 * @category Sync
 */
export function dossierChangeMessages(change: DossierChange): OutboxMessageInput[] {
  const code = change.dossier?.MaHoSo;
  if (typeof code !== 'string' || code === '') {
    throw new CoreError('INVALID_ARGUMENT', 'dossier change: the dossier has no MaHoSo');
  }
  if (typeof change.changeId !== 'string' || change.changeId === '') {
    throw new CoreError('INVALID_ARGUMENT', `dossier change of ${code}: changeId is empty`);
  }
  const rows = change.progress ?? [];
  for (const r of rows) {
    if (r.MaHoSo !== code) {
      throw new CoreError(
        'INVALID_ARGUMENT',
        `dossier change of ${code}: a progress row belongs to ${String(r.MaHoSo)}`,
      );
    }
  }
  const base = `dvcqg:${code}:${change.changeId}`;
  const payload: DvcqgDossierPayload = {
    dossier: change.dossier,
    ...(change.first === undefined ? {} : { exists: !change.first }),
  };
  const out: OutboxMessageInput[] = [{ id: `${base}:dossier`, key: code, type: DVCQG_DOSSIER_MESSAGE, payload }];
  if (rows.length > 0) {
    const progress: DvcqgProgressPayload = { rows: [...rows] };
    out.push({ id: `${base}:progress`, key: code, type: DVCQG_PROGRESS_MESSAGE, payload: progress });
  }
  return out;
}

/**
 * Reads the payload of a {@link DVCQG_DOSSIER_MESSAGE}: `{ dossier, exists? }`, or a bare
 * dossier. Throws `CoreError` `INVALID_ARGUMENT` for anything else.
 *
 * @example
 * ```ts
 * import { readDossierPayload } from '@motcua/core';
 * readDossierPayload({ MaHoSo: 'HS-1', MaTTHC: '1.001193', TrangThaiHoSo: '2' }).dossier.MaHoSo; // 'HS-1'
 * ```
 * @category Sync
 */
export function readDossierPayload(payload: unknown): DvcqgDossierPayload {
  if (payload !== null && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    const d = p.dossier;
    if (d !== null && typeof d === 'object' && typeof (d as Record<string, unknown>).MaHoSo === 'string') {
      return {
        dossier: d as DvcqgDossier,
        ...(typeof p.exists === 'boolean' ? { exists: p.exists } : {}),
      };
    }
    if (typeof p.MaHoSo === 'string') return { dossier: p as DvcqgDossier };
  }
  throw new CoreError('INVALID_ARGUMENT', 'not a DongBoHoSoMC payload: expected { dossier: { MaHoSo, … } }');
}

/**
 * Reads the payload of a {@link DVCQG_PROGRESS_MESSAGE}: `{ rows }`, or a bare array of
 * rows. Throws `CoreError` `INVALID_ARGUMENT` for anything else.
 *
 * @example
 * ```ts
 * import { readProgressPayload } from '@motcua/core';
 * readProgressPayload([{ MaHoSo: 'HS-1', ThoiDiemXuLy: '20250701083000', TrangThai: '2' }]).rows.length; // 1
 * ```
 * @category Sync
 */
export function readProgressPayload(payload: unknown): DvcqgProgressPayload {
  const rows = Array.isArray(payload)
    ? payload
    : payload !== null && typeof payload === 'object'
      ? (payload as Record<string, unknown>).rows
      : undefined;
  if (Array.isArray(rows) && rows.every((r) => r !== null && typeof r === 'object')) {
    return { rows: rows as DvcqgProgress[] };
  }
  throw new CoreError('INVALID_ARGUMENT', 'not a CapNhatTienDoHoSoMC payload: expected { rows: [...] }');
}
