/**
 * The DVCQG code lists (danh mục mã) and the zod schema that checks a value against one.
 *
 * Codes travel as strings (`"1"` … `"10"`). Some C#/Java DTOs declare them as integers
 * and serialize numbers, so the schemas accept a number whose decimal form is in the list
 * and normalise it to the string the portal expects.
 *
 * @module
 */
import { z } from 'zod';

/**
 * `TrangThaiHoSo` — dossier status (trạng thái hồ sơ), also used for progress rows'
 * `TrangThai`. dvcqg-wire.md §4.1 (implementations: Thanh Hóa, Hà Giang).
 *
 * | Code | Meaning |
 * |---|---|
 * | `1` | Mới đăng ký (submitted, not yet received) |
 * | `2` | Được tiếp nhận (received) |
 * | `3` | Không được tiếp nhận (rejected at reception) |
 * | `4` | Đang xử lý (processing) |
 * | `5` | Yêu cầu bổ sung giấy tờ (supplement requested) |
 * | `6` | Yêu cầu thực hiện nghĩa vụ tài chính (fee/tax requested) |
 * | `7` | Công dân yêu cầu rút hồ sơ (withdrawn) |
 * | `8` | Dừng xử lý (processing stopped) |
 * | `9` | Đã xử lý xong (processing finished) |
 * | `10` | Đã trả kết quả (result returned) |
 *
 * `0` (unmapped internal status) is not a DVCQG status and is rejected (§4.2).
 *
 * @example
 * ```ts
 * import { TRANG_THAI_HO_SO } from '@motcua/schemas/dvcqg';
 * TRANG_THAI_HO_SO.includes('10'); // true
 * ```
 * @category DVCQG
 */
export const TRANG_THAI_HO_SO: readonly ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
];

/**
 * A dossier status code (mã trạng thái hồ sơ), see {@link TRANG_THAI_HO_SO}.
 *
 * @example
 * ```ts
 * import type { TrangThaiHoSo } from '@motcua/schemas/dvcqg';
 * const done: TrangThaiHoSo = '10';
 * ```
 * @category DVCQG
 */
export type TrangThaiHoSo = (typeof TRANG_THAI_HO_SO)[number];

/**
 * `KenhThucHien` — submission channel (kênh thực hiện): `1` trực tiếp (in person),
 * `2` trực tuyến (online), `3` bưu chính công ích (public postal service).
 * dvcqg-wire.md §4.4 (implementations: Thanh Hóa); 766 counts null as in person.
 *
 * @example
 * ```ts
 * import { KENH_THUC_HIEN } from '@motcua/schemas/dvcqg';
 * KENH_THUC_HIEN; // ['1', '2', '3']
 * ```
 * @category DVCQG
 */
export const KENH_THUC_HIEN: readonly ['1', '2', '3'] = ['1', '2', '3'];

/**
 * A channel code, see {@link KENH_THUC_HIEN}.
 *
 * @example
 * ```ts
 * import type { KenhThucHien } from '@motcua/schemas/dvcqg';
 * const online: KenhThucHien = '2';
 * ```
 * @category DVCQG
 */
export type KenhThucHien = (typeof KENH_THUC_HIEN)[number];

/**
 * `LoaiDoiTuong` — applicant type (loại đối tượng): `1` công dân (citizen), `2` doanh
 * nghiệp (business), `3` cơ quan nhà nước (state agency), `4` tổ chức/khác (other).
 * dvcqg-wire.md §4.4 (implementations: Thanh Hóa, OpenCPS).
 *
 * @example
 * ```ts
 * import { LOAI_DOI_TUONG } from '@motcua/schemas/dvcqg';
 * LOAI_DOI_TUONG.length; // 4
 * ```
 * @category DVCQG
 */
export const LOAI_DOI_TUONG: readonly ['1', '2', '3', '4'] = ['1', '2', '3', '4'];

/**
 * An applicant-type code, see {@link LOAI_DOI_TUONG}.
 *
 * @example
 * ```ts
 * import type { LoaiDoiTuong } from '@motcua/schemas/dvcqg';
 * const citizen: LoaiDoiTuong = '1';
 * ```
 * @category DVCQG
 */
export type LoaiDoiTuong = (typeof LOAI_DOI_TUONG)[number];

/**
 * `DinhDanhCHS[].LoaiDinhDanh` — kind of owner identifier (loại định danh): `1` the
 * 12-digit personal identification number (số định danh cá nhân / CCCD), `2` the 9-digit
 * CMND. dvcqg-wire.md §4.4, identifiers.md §6 (implementations: Thanh Hóa).
 *
 * @example
 * ```ts
 * import { LOAI_DINH_DANH } from '@motcua/schemas/dvcqg';
 * LOAI_DINH_DANH; // ['1', '2']
 * ```
 * @category DVCQG
 */
export const LOAI_DINH_DANH: readonly ['1', '2'] = ['1', '2'];

/**
 * An owner-identifier kind, see {@link LOAI_DINH_DANH}.
 *
 * @example
 * ```ts
 * import type { LoaiDinhDanh } from '@motcua/schemas/dvcqg';
 * const cccd: LoaiDinhDanh = '1';
 * ```
 * @category DVCQG
 */
export type LoaiDinhDanh = (typeof LOAI_DINH_DANH)[number];

/**
 * `DuocThanhToanTrucTuyen` — paid online (được thanh toán trực tuyến): `1` on DVCQG, `2` on
 * the ministry's/province's own payment portal (both counted by 766 indicator 3.6);
 * `0` and `3` are sent by Thanh Hóa with unconfirmed meaning. dvcqg-wire.md §4.4.
 *
 * @example
 * ```ts
 * import { DUOC_THANH_TOAN_TRUC_TUYEN } from '@motcua/schemas/dvcqg';
 * DUOC_THANH_TOAN_TRUC_TUYEN.includes('1'); // true
 * ```
 * @category DVCQG
 */
export const DUOC_THANH_TOAN_TRUC_TUYEN: readonly ['0', '1', '2', '3'] = ['0', '1', '2', '3'];

/**
 * An online-payment code, see {@link DUOC_THANH_TOAN_TRUC_TUYEN}.
 *
 * @example
 * ```ts
 * import type { DuocThanhToanTrucTuyen } from '@motcua/schemas/dvcqg';
 * const onDvcqg: DuocThanhToanTrucTuyen = '1';
 * ```
 * @category DVCQG
 */
export type DuocThanhToanTrucTuyen = (typeof DUOC_THANH_TOAN_TRUC_TUYEN)[number];

/**
 * `TaiLieuNop[].DuocTaiSuDung` — reuse flag (được tái sử dụng): `0` not reused, `1`
 * reused, `2` reused and replaced by an existing result named in `MaKetQuaThayThe`.
 * dvcqg-wire.md §4.4, §15.3 (implementations: Thanh Hóa; exact meaning of `2` unconfirmed).
 *
 * @example
 * ```ts
 * import { DUOC_TAI_SU_DUNG } from '@motcua/schemas/dvcqg';
 * DUOC_TAI_SU_DUNG; // ['0', '1', '2']
 * ```
 * @category DVCQG
 */
export const DUOC_TAI_SU_DUNG: readonly ['0', '1', '2'] = ['0', '1', '2'];

/**
 * A reuse-flag code, see {@link DUOC_TAI_SU_DUNG}.
 *
 * @example
 * ```ts
 * import type { DuocTaiSuDung } from '@motcua/schemas/dvcqg';
 * const replaced: DuocTaiSuDung = '2';
 * ```
 * @category DVCQG
 */
export type DuocTaiSuDung = (typeof DUOC_TAI_SU_DUNG)[number];

/**
 * `DanhSachLePhi[].HinhThucThu` — when a fee is collected (hình thức thu): `1` on
 * reception, `2` on supplement, `4` when the result is returned. dvcqg-wire.md §4.4
 * (implementations; no `3` has been seen, so it is rejected).
 *
 * @example
 * ```ts
 * import { HINH_THUC_THU } from '@motcua/schemas/dvcqg';
 * HINH_THUC_THU; // ['1', '2', '4']
 * ```
 * @category DVCQG
 */
export const HINH_THUC_THU: readonly ['1', '2', '4'] = ['1', '2', '4'];

/**
 * A fee-collection-time code, see {@link HINH_THUC_THU}.
 *
 * @example
 * ```ts
 * import type { HinhThucThu } from '@motcua/schemas/dvcqg';
 * const onReception: HinhThucThu = '1';
 * ```
 * @category DVCQG
 */
export type HinhThucThu = (typeof HINH_THUC_THU)[number];

/**
 * `LoaiPhiLePhi` — fee type (loại phí, lệ phí): `1` ordinary, `2` appraisal/licensing,
 * `3` extension. dvcqg-wire.md §4.4 (implementations).
 *
 * @example
 * ```ts
 * import { LOAI_PHI_LE_PHI } from '@motcua/schemas/dvcqg';
 * LOAI_PHI_LE_PHI; // ['1', '2', '3']
 * ```
 * @category DVCQG
 */
export const LOAI_PHI_LE_PHI: readonly ['1', '2', '3'] = ['1', '2', '3'];

/**
 * A fee-type code, see {@link LOAI_PHI_LE_PHI}.
 *
 * @example
 * ```ts
 * import type { LoaiPhiLePhi } from '@motcua/schemas/dvcqg';
 * const ordinary: LoaiPhiLePhi = '1';
 * ```
 * @category DVCQG
 */
export type LoaiPhiLePhi = (typeof LOAI_PHI_LE_PHI)[number];

type Ctx = z.core.ParsePayload<unknown>;

/**
 * A zod schema for one code list. Accepts the code as a string or as a number whose
 * decimal form is in the list (C#/Java integer DTOs), and outputs the string.
 * A missing value is `REQUIRED`, anything else outside the list `VALUE_NOT_ALLOWED`.
 * The JSON Schema (input side) is `anyOf` the string enum and the integer enum.
 *
 * @example
 * ```ts
 * import { codeListSchema, KENH_THUC_HIEN } from '@motcua/schemas/dvcqg';
 * const kenh = codeListSchema(KENH_THUC_HIEN, 'Kênh thực hiện');
 * kenh.parse(2); // '2'
 * kenh.safeParse('9').success; // false
 * ```
 * @category DVCQG
 */
export function codeListSchema<const T extends string>(
  values: readonly T[],
  description: string,
): z.ZodType<T, unknown> {
  const accepted = new Set<unknown>(values);
  const numbers: number[] = [];
  for (const v of values) {
    const n = Number(v);
    accepted.add(n);
    numbers.push(n);
  }
  const listed = [...values];
  return z
    .any()
    .check((ctx: Ctx) => {
      const v = ctx.value;
      if (accepted.has(v)) return;
      if (typeof v === 'string' || typeof v === 'number') {
        ctx.issues.push({ code: 'invalid_value', values: listed, input: v });
      } else {
        ctx.issues.push({ code: 'invalid_type', expected: 'string', input: v });
      }
    })
    .overwrite((v: string | number) => (typeof v === 'string' ? v : String(v)) as T)
    .meta({
      description,
      anyOf: [
        { type: 'string', enum: listed },
        { type: 'integer', enum: numbers },
      ],
    }) as unknown as z.ZodType<T, unknown>;
}

const SHORT_CODE = /^[0-9A-Za-z._-]{1,20}$/;

/**
 * A zod schema for a code whose list is not known (dvcqg-wire.md §18: `NoiNopHoSo`,
 * `HinhThuc`, `MaCSDL`, …): a short code of letters, digits, `.`, `_` or `-`, sent as a
 * string or a number, output as a string. Values are not checked against a list because
 * rejecting a code the portal may accept would block real traffic.
 *
 * @example
 * ```ts
 * import { openCodeSchema } from '@motcua/schemas/dvcqg';
 * openCodeSchema('Nơi nộp hồ sơ').parse(2); // '2'
 * ```
 * @category DVCQG
 */
export function openCodeSchema(description: string): z.ZodType<string, unknown> {
  return z
    .any()
    .check((ctx: Ctx) => {
      const v = ctx.value;
      if (typeof v === 'string' ? SHORT_CODE.test(v) : typeof v === 'number' && Number.isInteger(v) && v >= 0) return;
      if (typeof v === 'string') {
        ctx.issues.push({ code: 'invalid_format', format: 'regex', pattern: SHORT_CODE.source, input: v });
      } else {
        ctx.issues.push({ code: 'invalid_type', expected: 'string', input: v });
      }
    })
    .overwrite((v: string | number) => (typeof v === 'string' ? v : String(v)))
    .meta({
      description,
      anyOf: [
        { type: 'string', pattern: SHORT_CODE.source },
        { type: 'integer', minimum: 0 },
      ],
    }) as unknown as z.ZodType<string, unknown>;
}

/**
 * An opaque identifier of a row in the sender's system (`TepDinhKemId`, `GiayToId`,
 * `HoSoBoSungId`): a string or a finite number (OpenCPS uses numeric Liferay ids), kept
 * verbatim. DVCQG does not interpret it.
 *
 * @example
 * ```ts
 * import { opaqueIdSchema } from '@motcua/schemas/dvcqg';
 * opaqueIdSchema.parse(40213); // 40213
 * ```
 * @category DVCQG
 */
export const opaqueIdSchema: z.ZodType<string | number, unknown> = z
  .any()
  .check((ctx: Ctx) => {
    const v = ctx.value;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return;
    ctx.issues.push({ code: 'invalid_type', expected: 'string', input: v });
  })
  .meta({
    description: 'Opaque id (string or number)',
    anyOf: [{ type: 'string' }, { type: 'number' }],
  }) as unknown as z.ZodType<string | number, unknown>;
