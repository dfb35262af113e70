/**
 * The DVCQG digitization store (Kho số hóa DVCQG): look up a person's or organisation's
 * digitized results by identity, and download a file (dvcqg-wire.md §15.2; Thanh Hóa
 * `KhoSoHoaDVCQGService`). The request carries no purpose field: callers must record the
 * purpose in their own access log (once-only.md §7).
 *
 * @module
 */
import { z } from 'zod';
import { parsePersonalId, parseTaxCode } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { codeListSchema } from './code-lists.ts';
import { type DvcqgErrorCode, dvcqgErrorCodeSchema } from './envelope.ts';
import { identifierShapeWarnings } from './identifier-warnings.ts';

const text = z.string().nullish();
const TWELVE_DIGITS = /^[0-9]{12}$/;

/**
 * One wanted result (`DanhSachDanhMucKetQua[]`): the result code from `LayThuTuc →
 * KETQUATHUCHIEN.MAKETQUA` and an optional reference number.
 *
 * @example
 * ```ts
 * import type { DvcqgDanhMucKetQua } from '@motcua/schemas/dvcqg';
 * const wanted: DvcqgDanhMucKetQua = { MaKetQua: 'KQ.G03.10', SoKyHieu: '' };
 * ```
 * @category DVCQG
 */
export interface DvcqgDanhMucKetQua {
  /** Result code (`MAKETQUA`); required. */
  MaKetQua: string;
  /** Reference number (số ký hiệu); may be `""`. */
  SoKyHieu?: string | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * The look-up request (yêu cầu tra cứu kho số hóa), POST to `GetKetQuaGiayTo`.
 *
 * @example
 * ```ts
 * import type { DvcqgKhoSoHoaRequest } from '@motcua/schemas/dvcqg';
 * const req: DvcqgKhoSoHoaRequest = {
 *   SoDinhDanhChuSoHuu: '038190012345',
 *   HoTenNguoiYeuCau: 'Lê Thị Hoa',
 *   KenhThucHien: '1',
 *   SoDinhDanhNguoiYeuCau: '038085004321',
 *   MaThuTuc: '1.001193',
 *   DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.G03.10', SoKyHieu: '' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgKhoSoHoaRequest {
  /** Owner's 12-digit personal identification number or tax code; checked (error when neither). */
  SoDinhDanhChuSoHuu: string;
  /** Requester's name. */
  HoTenNguoiYeuCau?: string | null | undefined;
  /** `1` officer at the counter, `2` citizen online; numbers accepted. */
  KenhThucHien?: '1' | '2' | null | undefined;
  /** Requester's identifier. */
  SoDinhDanhNguoiYeuCau?: string | null | undefined;
  /** Procedure code (`MaTTHC`); unknown shapes are a warning. */
  MaThuTuc: string;
  /** Results wanted; at least one. */
  DanhSachDanhMucKetQua: DvcqgDanhMucKetQua[];
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgKhoSoHoaRequest}. `SoDinhDanhChuSoHuu` is read as a personal
 * identification number when it has 12 digits and as a tax code otherwise; the
 * identifier parser's errors are reported with their `ID_…` codes.
 *
 * @example
 * ```ts
 * import { dvcqgKhoSoHoaRequestSchema } from '@motcua/schemas/dvcqg';
 * dvcqgKhoSoHoaRequestSchema.safeParse({
 *   SoDinhDanhChuSoHuu: '0100109106', MaThuTuc: '1.001193', DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.G03.10' }],
 * }).success; // true (a tax code)
 * ```
 * @category DVCQG
 */
export const dvcqgKhoSoHoaRequestSchema: z.ZodType<DvcqgKhoSoHoaRequest, unknown> = z
  .looseObject({
    SoDinhDanhChuSoHuu: z.string().min(1),
    HoTenNguoiYeuCau: text,
    KenhThucHien: codeListSchema(['1', '2'] as const, 'Kênh: 1 cán bộ tại quầy, 2 công dân trực tuyến').nullish(),
    SoDinhDanhNguoiYeuCau: text,
    MaThuTuc: z.string().min(1),
    DanhSachDanhMucKetQua: z.array(z.looseObject({ MaKetQua: z.string().min(1), SoKyHieu: text })).min(1),
  })
  .superRefine(
    (v, ctx) => {
      const no = (v as Record<string, unknown>).SoDinhDanhChuSoHuu;
      if (typeof no !== 'string' || no === '') return;
      const parsed = TWELVE_DIGITS.test(no) ? parsePersonalId(no) : parseTaxCode(no);
      for (const p of parsed.problems) {
        if (p.severity === 'error') ctx.addIssue(customIssue(p.code, p.params, ['SoDinhDanhChuSoHuu']));
      }
    },
    { when: (p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value) },
  );

/**
 * Warning rules of a look-up request: `MaThuTuc` shape (`DVCQG_IDENTIFIER_SHAPE`).
 *
 * @example
 * ```ts
 * import { dvcqgKhoSoHoaRequestWarnings } from '@motcua/schemas/dvcqg';
 * dvcqgKhoSoHoaRequestWarnings({ SoDinhDanhChuSoHuu: '0100109106', MaThuTuc: 'CAPBANSAO', DanhSachDanhMucKetQua: [] }).length; // 1
 * ```
 * @category DVCQG
 */
export function dvcqgKhoSoHoaRequestWarnings(req: DvcqgKhoSoHoaRequest): RawIssue[] {
  const out: RawIssue[] = [];
  identifierShapeWarnings(out, 'MaThuTuc', req.MaThuTuc, 'procedure-code');
  return out;
}

/**
 * A file of a stored result (`DanhSachTepDinhKem[]`). `DuongDan` is a path in the store,
 * fetched with {@link DvcqgKhoSoHoaFileRequest}, not necessarily a URL.
 *
 * @example
 * ```ts
 * import type { DvcqgKhoSoHoaTep } from '@motcua/schemas/dvcqg';
 * const f: DvcqgKhoSoHoaTep = { TenTep: 'bang-tot-nghiep.pdf', DuongDan: '/2024/09/ab12cd.pdf' };
 * ```
 * @category DVCQG
 */
export interface DvcqgKhoSoHoaTep {
  /** File name. */
  TenTep?: string | null | undefined;
  /** Path in the store. */
  DuongDan?: string | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A stored result (giấy tờ kết quả trong kho), `result.DanhSachGiayToKetQua[]`.
 *
 * @example
 * ```ts
 * import type { DvcqgKhoSoHoaGiayTo } from '@motcua/schemas/dvcqg';
 * const g: DvcqgKhoSoHoaGiayTo = {
 *   MaKetQua: 'KQ.G03.10', TenGiayTo: 'Bằng tốt nghiệp THPT', SoKyHieu: 'B0123456', CoQuanChuQuan: '000.00.00.H56',
 *   DanhSachTepDinhKem: [{ TenTep: 'bang-tot-nghiep.pdf', DuongDan: '/2024/09/ab12cd.pdf' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgKhoSoHoaGiayTo {
  /** Result code. */
  MaKetQua?: string | null | undefined;
  /** Document name. */
  TenGiayTo?: string | null | undefined;
  /** Reference number. */
  SoKyHieu?: string | null | undefined;
  /** Owning agency; needed to download a file. */
  CoQuanChuQuan?: string | null | undefined;
  /** Files. */
  DanhSachTepDinhKem?: DvcqgKhoSoHoaTep[] | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * The look-up answer (kết quả tra cứu kho số hóa). Note the camelCase `errorCode`, unlike
 * `error_code` elsewhere (§15.2).
 *
 * @example
 * ```ts
 * import type { DvcqgKhoSoHoaResponse } from '@motcua/schemas/dvcqg';
 * const r: DvcqgKhoSoHoaResponse = { errorCode: '0', message: 'Thành công', signature: 'MEUCIQ…', result: { DanhSachGiayToKetQua: [] } };
 * ```
 * @category DVCQG
 */
export interface DvcqgKhoSoHoaResponse {
  /** Raw error code (camelCase here); number or string, `0`/`"0"`/`"00"` read as success. */
  errorCode: DvcqgErrorCode;
  /** Message. */
  message?: string | null | undefined;
  /** Signature; format unknown (§18.6), kept verbatim. */
  signature?: string | null | undefined;
  /** The results; absent or `null` on failure. */
  result?:
    | { DanhSachGiayToKetQua?: DvcqgKhoSoHoaGiayTo[] | null | undefined; [extra: string]: unknown }
    | null
    | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgKhoSoHoaResponse}.
 *
 * @example
 * ```ts
 * import { dvcqgKhoSoHoaResponseSchema } from '@motcua/schemas/dvcqg';
 * dvcqgKhoSoHoaResponseSchema.safeParse({ error_code: 0 }).success; // false (errorCode is camelCase here)
 * ```
 * @category DVCQG
 */
export const dvcqgKhoSoHoaResponseSchema: z.ZodType<DvcqgKhoSoHoaResponse, unknown> = z.looseObject({
  errorCode: dvcqgErrorCodeSchema,
  message: text,
  signature: text,
  result: z
    .looseObject({
      DanhSachGiayToKetQua: z
        .array(
          z.looseObject({
            MaKetQua: text,
            TenGiayTo: text,
            SoKyHieu: text,
            CoQuanChuQuan: text,
            DanhSachTepDinhKem: z.array(z.looseObject({ TenTep: text, DuongDan: text })).nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});

/**
 * The file-download request (tải tệp từ kho số hóa), POST to `GetGiayToByUrl`:
 * `{CoQuanChuQuan, DuongDan[, TenTep]}`.
 *
 * @example
 * ```ts
 * import type { DvcqgKhoSoHoaFileRequest } from '@motcua/schemas/dvcqg';
 * const req: DvcqgKhoSoHoaFileRequest = { CoQuanChuQuan: '000.00.00.H56', DuongDan: '/2024/09/ab12cd.pdf', TenTep: 'bang-tot-nghiep.pdf' };
 * ```
 * @category DVCQG
 */
export interface DvcqgKhoSoHoaFileRequest {
  /** Owning agency, from the look-up answer. */
  CoQuanChuQuan: string;
  /** Path in the store, from the look-up answer. */
  DuongDan: string;
  /** File name. */
  TenTep?: string | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgKhoSoHoaFileRequest}.
 *
 * @example
 * ```ts
 * import { dvcqgKhoSoHoaFileRequestSchema } from '@motcua/schemas/dvcqg';
 * dvcqgKhoSoHoaFileRequestSchema.safeParse({ CoQuanChuQuan: '000.00.00.H56' }).success; // false (DuongDan missing)
 * ```
 * @category DVCQG
 */
export const dvcqgKhoSoHoaFileRequestSchema: z.ZodType<DvcqgKhoSoHoaFileRequest, unknown> = z.looseObject({
  CoQuanChuQuan: z.string().min(1),
  DuongDan: z.string().min(1),
  TenTep: text,
});
