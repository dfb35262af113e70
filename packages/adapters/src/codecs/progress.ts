/**
 * The progress codec: a dossier's status history (canonical `StatusChange[]`, which a
 * core `DossierLifecycle.history` also is) ⇄ `CapNhatTienDoHoSoMC` rows
 * (dvcqg-wire.md §6).
 *
 * Every status change becomes one row with its **real** status: a supplement request
 * stays `5`, a financial obligation `6`, a stop `8`. Thanh Hóa collapses these to `9`
 * and adds synthetic rows; that is a local workaround the SDK does not copy (§6,
 * §11.3.3), because 766 reads the end of processing from these statuses (§4.3).
 *
 * @module
 */
import { type Actor, DOSSIER_STATUS_TO_DVCQG, DVCQG_TO_DOSSIER_STATUS, type StatusChange } from '@motcua/schemas';
import { type DvcqgProgress, dvcqgProgressSchema } from '@motcua/schemas/dvcqg';
import { AdapterError } from '../errors.ts';
import { instantToWireDate, normalizeInstantForWire, wireDateToVietnamInstant } from './instant.ts';
import { OPENCPS_PROFILE, truncateWireText, type WireProfile } from './profile.ts';

/**
 * The `CapNhatTienDoHoSoMC` rows of a dossier's status history, one per change, in
 * history order: `NguoiXuLy` (truncated to the profile's 50 characters), `ChucDanh`,
 * `PhongBanXuLy`, `NoiDungXuLy` from the actor and the note, `ThoiDiemXuLy` in Vietnam
 * time, and the real `TrangThai`. Each row is checked with the wire schema; a bad one
 * throws {@link AdapterError} `CODEC_WIRE_INVALID`.
 *
 * @example
 * ```ts
 * import { progressToWire } from '@motcua/adapters/dvcqg';
 * const rows = progressToWire('000.00.00.H56-250701-0001', [
 *   { status: 'received', at: '2025-07-01T08:30:00+07:00', actor: { name: 'Lê Thị Hoa' }, note: 'Tiếp nhận hồ sơ' },
 *   { status: 'supplement-requested', at: '2025-07-01T10:00:00+07:00', actor: { name: 'Lê Thị Hoa' } },
 * ]);
 * rows.map((r) => r.TrangThai); // ['2', '5']
 * ```
 * @category Codecs
 */
export function progressToWire(
  dossierCode: string,
  history: readonly StatusChange[],
  profile: WireProfile = OPENCPS_PROFILE,
): DvcqgProgress[] {
  return history.map((change, i) => {
    const row: DvcqgProgress = {
      MaHoSo: dossierCode,
      NguoiXuLy: truncateWireText(change.actor.name, profile.truncate.handler),
      ThoiDiemXuLy: instantToWireDate(change.at),
      TrangThai: DOSSIER_STATUS_TO_DVCQG[change.status],
    };
    if (change.actor.position !== undefined) row.ChucDanh = change.actor.position;
    if (change.actor.department !== undefined) row.PhongBanXuLy = change.actor.department;
    if (change.note !== undefined) row.NoiDungXuLy = change.note;
    const checked = dvcqgProgressSchema.safeParse(row);
    if (!checked.success) {
      throw new AdapterError('CODEC_WIRE_INVALID', `progress row ${i} of ${dossierCode} fails the wire schema`, {
        details: { index: i, issues: checked.error.issues.map((x) => ({ path: x.path.join('.'), code: x.code })) },
      });
    }
    return orderRow(row);
  });
}

function orderRow(row: DvcqgProgress): DvcqgProgress {
  // Wire order of dvcqg-wire.md §6.
  const out: Record<string, unknown> = {};
  for (const k of ['MaHoSo', 'NguoiXuLy', 'ChucDanh', 'ThoiDiemXuLy', 'PhongBanXuLy', 'NoiDungXuLy', 'TrangThai']) {
    if (row[k] !== undefined) out[k] = row[k];
  }
  return out as DvcqgProgress;
}

/**
 * What a status history becomes after a trip through the wire: instants in `+07:00`
 * whole seconds, the handler's name truncated, the actor's account id dropped (the wire
 * has no field for it).
 *
 * @example
 * ```ts
 * import { progressWireView } from '@motcua/adapters/dvcqg';
 * progressWireView([{ status: 'received', at: '2025-07-01T01:30:00.5Z', actor: { name: 'Lê Thị Hoa', id: 'cb-0042' } }]);
 * // [{ status: 'received', at: '2025-07-01T08:30:00+07:00', actor: { name: 'Lê Thị Hoa' } }]
 * ```
 * @category Codecs
 */
export function progressWireView(
  history: readonly StatusChange[],
  profile: WireProfile = OPENCPS_PROFILE,
): StatusChange[] {
  return history.map((c) => {
    const actor: Actor = { name: truncateWireText(c.actor.name, profile.truncate.handler) };
    if (c.actor.position !== undefined) actor.position = c.actor.position;
    if (c.actor.department !== undefined) actor.department = c.actor.department;
    const out: StatusChange = { status: c.status, at: normalizeInstantForWire(c.at), actor };
    if (c.note !== undefined) out.note = c.note;
    return out;
  });
}

/**
 * Reads `CapNhatTienDoHoSoMC` rows back into status changes (lenient inputs such as
 * numeric `TrangThai` accepted). A row without `NguoiXuLy` gets the handler
 * `"Chuyên viên"` (Thanh Hóa's default, §6). Throws {@link AdapterError}
 * `CODEC_WIRE_INVALID` for a row that fails the wire schema.
 *
 * @example
 * ```ts
 * import { progressFromWire } from '@motcua/adapters/dvcqg';
 * progressFromWire([{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701100000', TrangThai: 5 }]);
 * // [{ status: 'supplement-requested', at: '2025-07-01T10:00:00+07:00', actor: { name: 'Chuyên viên' } }]
 * ```
 * @category Codecs
 */
export function progressFromWire(rows: readonly unknown[]): StatusChange[] {
  return rows.map((raw, i) => {
    const checked = dvcqgProgressSchema.safeParse(raw);
    if (!checked.success) {
      throw new AdapterError('CODEC_WIRE_INVALID', `progress row ${i} fails the wire schema`, {
        details: { index: i, issues: checked.error.issues.map((x) => ({ path: x.path.join('.'), code: x.code })) },
      });
    }
    const r = checked.data;
    const name = typeof r.NguoiXuLy === 'string' && r.NguoiXuLy !== '' ? r.NguoiXuLy : 'Chuyên viên';
    const actor: Actor = { name };
    if (typeof r.ChucDanh === 'string' && r.ChucDanh !== '') actor.position = r.ChucDanh;
    if (typeof r.PhongBanXuLy === 'string' && r.PhongBanXuLy !== '') actor.department = r.PhongBanXuLy;
    const change: StatusChange = {
      status: DVCQG_TO_DOSSIER_STATUS[r.TrangThai],
      at: wireDateToVietnamInstant(r.ThoiDiemXuLy) as string,
      actor,
    };
    if (typeof r.NoiDungXuLy === 'string' && r.NoiDungXuLy !== '') change.note = r.NoiDungXuLy;
    return change;
  });
}

/**
 * A stable key of a progress row — dossier, time and status — for outbox idempotency
 * keys and de-duplication. Two rows with the same key are the same fact.
 *
 * @example
 * ```ts
 * import { progressRowKey } from '@motcua/adapters/dvcqg';
 * progressRowKey({ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701100000', TrangThai: '5' });
 * // '000.00.00.H56-250701-0001|20250701100000|5'
 * ```
 * @category Codecs
 */
export function progressRowKey(row: Pick<DvcqgProgress, 'MaHoSo' | 'ThoiDiemXuLy' | 'TrangThai'>): string {
  return `${row.MaHoSo}|${row.ThoiDiemXuLy}|${row.TrangThai}`;
}
