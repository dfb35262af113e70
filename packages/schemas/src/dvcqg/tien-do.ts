/**
 * `CapNhatTienDoHoSoMC` (cập nhật tiến độ hồ sơ): processing-progress rows sent after a
 * successful `DongBoHoSoMC` (dvcqg-wire.md §6, §11). Decision 766 derives the end of
 * processing from these rows' statuses (§4.3), so they must reflect real events.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { codeListSchema, TRANG_THAI_HO_SO, type TrangThaiHoSo } from './code-lists.ts';
import { identifierShapeWarnings, warn } from './identifier-warnings.ts';
import { unknownFieldWarnings } from './unknown-fields.ts';
import { hasWireDate, optionalWireDateSchema, wireDateSchema } from './wire-date.ts';

const text = z.string().nullish();

/**
 * One progress row (dòng tiến độ xử lý), `CapNhatTienDoHoSoMC → data[]`
 * (dvcqg-wire.md §6; sources OpenCPS, Thanh Hóa).
 *
 * @example
 * ```ts
 * import type { DvcqgProgress } from '@motcua/schemas/dvcqg';
 * const row: DvcqgProgress = {
 *   MaHoSo: '000.00.00.H56-250701-0001',
 *   NguoiXuLy: 'Lê Thị Hoa',
 *   ChucDanh: 'Chuyên viên',
 *   ThoiDiemXuLy: '20250701083000',
 *   PhongBanXuLy: 'Bộ phận Một cửa',
 *   NoiDungXuLy: 'Tiếp nhận hồ sơ',
 *   TrangThai: '2',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgProgress {
  /** Dossier code (O, T); other shapes kept, with a warning. */
  MaHoSo: string;
  /** Handler (O, T); Thanh Hóa truncates to 50 characters and defaults to "Chuyên viên" — longer is a warning. */
  NguoiXuLy?: string | null | undefined;
  /** Job title (O, T; ko bb). */
  ChucDanh?: string | null | undefined;
  /** Time of the step, `yyyyMMddHHmmss` (O, T); required: 766 reads the end of processing from it. */
  ThoiDiemXuLy: string;
  /** Department (O, T; ko bb). */
  PhongBanXuLy?: string | null | undefined;
  /** What was done (O, T). */
  NoiDungXuLy?: string | null | undefined;
  /** Status `1`..`10`, the `TrangThaiHoSo` list (§4.1); numbers accepted, output a string. */
  TrangThai: TrangThaiHoSo;
  /** Step start, `yyyyMMddHHmmss` (O, T; ko bb); `""`/`null` = absent. */
  NgayBatDau?: string | null | undefined;
  /** Statutory step end, `yyyyMMddHHmmss` (O, T; ko bb); not before `NgayBatDau`. */
  NgayKetThucTheoQuyDinh?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

const PROGRESS_SHAPE = {
  MaHoSo: z.string().min(1),
  NguoiXuLy: text,
  ChucDanh: text,
  ThoiDiemXuLy: wireDateSchema,
  PhongBanXuLy: text,
  NoiDungXuLy: text,
  TrangThai: codeListSchema(TRANG_THAI_HO_SO, 'Trạng thái "1".."10" (danh mục TrangThaiHoSo)'),
  NgayBatDau: optionalWireDateSchema,
  NgayKetThucTheoQuyDinh: optionalWireDateSchema,
};

const PROGRESS_KNOWN: ReadonlySet<string> = new Set(Object.keys(PROGRESS_SHAPE));

function progressCrossFieldRules(value: unknown, ctx: { addIssue(i: ReturnType<typeof customIssue>): void }): void {
  const v = value as Record<string, unknown>;
  const start = v.NgayBatDau;
  const end = v.NgayKetThucTheoQuyDinh;
  if (hasWireDate(start) && hasWireDate(end) && end < start) {
    ctx.addIssue(customIssue('DVCQG_STEP_END_BEFORE_START', { start }, ['NgayKetThucTheoQuyDinh']));
  }
}

/**
 * Schema of {@link DvcqgProgress}. Cross-field rule: `NgayKetThucTheoQuyDinh` before
 * `NgayBatDau` is an error (`DVCQG_STEP_END_BEFORE_START`).
 *
 * @example
 * ```ts
 * import { dvcqgProgressSchema } from '@motcua/schemas/dvcqg';
 * dvcqgProgressSchema.parse({ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: 2 }).TrangThai; // '2'
 * ```
 * @category DVCQG
 */
export const dvcqgProgressSchema: z.ZodType<DvcqgProgress, unknown> = z
  .looseObject(PROGRESS_SHAPE)
  .superRefine(progressCrossFieldRules, {
    when: (p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value),
  });

/** Thanh Hóa's truncation of `NguoiXuLy` (dvcqg-wire.md §6, §11.3.5). */
const MAX_NGUOI_XU_LY = 50;

/**
 * Warning rules of a progress row: `MaHoSo` shape (`DVCQG_IDENTIFIER_SHAPE`),
 * `NguoiXuLy` over 50 characters (`DVCQG_TEXT_TOO_LONG`), typo'd keys
 * (`DVCQG_UNKNOWN_FIELD`).
 *
 * @example
 * ```ts
 * import { dvcqgProgressWarnings } from '@motcua/schemas/dvcqg';
 * dvcqgProgressWarnings({ MaHoSo: 'HS-01', ThoiDiemXuLy: '20250701083000', TrangThai: '2' })[0]?.code; // 'DVCQG_IDENTIFIER_SHAPE'
 * ```
 * @category DVCQG
 */
export function dvcqgProgressWarnings(row: DvcqgProgress): RawIssue[] {
  const out: RawIssue[] = [];
  identifierShapeWarnings(out, 'MaHoSo', row.MaHoSo, 'dossier-code');
  if (typeof row.NguoiXuLy === 'string' && row.NguoiXuLy.length > MAX_NGUOI_XU_LY) {
    out.push(
      warn('DVCQG_TEXT_TOO_LONG', ['NguoiXuLy'], {
        field: 'NguoiXuLy',
        length: row.NguoiXuLy.length,
        maximum: MAX_NGUOI_XU_LY,
      }),
    );
  }
  unknownFieldWarnings(out, row, PROGRESS_KNOWN);
  return out;
}

/**
 * The whole `CapNhatTienDoHoSoMC` request (yêu cầu cập nhật tiến độ), dvcqg-wire.md §3:
 * `{session, madonvi, service: "CapNhatTienDoHoSoMC", data: [row, …]}`. Thanh Hóa sends
 * rows in chunks of 10 (§11.2); the schema does not limit the count.
 *
 * @example
 * ```ts
 * import type { DvcqgCapNhatTienDoRequest } from '@motcua/schemas/dvcqg';
 * const req: DvcqgCapNhatTienDoRequest = {
 *   madonvi: '000.00.00.H56',
 *   service: 'CapNhatTienDoHoSoMC',
 *   data: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: '2' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgCapNhatTienDoRequest {
  /** Session token from the login (§1.4). */
  session?: string | undefined;
  /** Sending agency code (mã đơn vị), identifiers.md §2; strict. */
  madonvi: string;
  /** Always `CapNhatTienDoHoSoMC`. */
  service: 'CapNhatTienDoHoSoMC';
  /** The progress rows; at least one. */
  data: DvcqgProgress[];
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

const ENVELOPE_SHAPE = {
  session: z.string().min(1).optional(),
  madonvi: agencyCodeSchema,
  service: z.literal('CapNhatTienDoHoSoMC'),
};

/**
 * Schema of {@link DvcqgCapNhatTienDoRequest}.
 *
 * @example
 * ```ts
 * import { dvcqgCapNhatTienDoRequestSchema } from '@motcua/schemas/dvcqg';
 * dvcqgCapNhatTienDoRequestSchema.safeParse({ madonvi: '000.00.00.H56', service: 'CapNhatTienDoHoSoMC', data: [] }).success; // false
 * ```
 * @category DVCQG
 */
export const dvcqgCapNhatTienDoRequestSchema: z.ZodType<DvcqgCapNhatTienDoRequest, unknown> = z.looseObject({
  ...ENVELOPE_SHAPE,
  data: z.array(dvcqgProgressSchema).min(1),
});

/**
 * The envelope of a `CapNhatTienDoHoSoMC` request without its rows (used to validate a
 * batch row by row).
 *
 * @example
 * ```ts
 * import { dvcqgCapNhatTienDoEnvelopeSchema } from '@motcua/schemas/dvcqg';
 * dvcqgCapNhatTienDoEnvelopeSchema.safeParse({ madonvi: '000.00.00.H56', service: 'CapNhatTienDoHoSoMC', data: [{}] }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgCapNhatTienDoEnvelopeSchema: z.ZodType<
  Omit<DvcqgCapNhatTienDoRequest, 'data'> & { data: unknown[] },
  unknown
> = z.looseObject({ ...ENVELOPE_SHAPE, data: z.array(z.unknown()).min(1) });
