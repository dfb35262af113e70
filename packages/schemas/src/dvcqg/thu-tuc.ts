/**
 * `LayThuTuc` (lấy thủ tục): the procedure record of the national TTHC catalogue as
 * DVCQG returns it in `result[0]` (dvcqg-wire.md §9; OpenCPS `syncServiceInfo`). Field
 * names are upper case on this service.
 *
 * This is data DVCQG sends, so the schema parses leniently: scalars may be strings or
 * numbers (catalogues differ), nested lists may be absent or `null`, extras are kept.
 * Only `MATTHC` is required and only `KENH` is checked against its code list.
 *
 * @module
 */
import { z } from 'zod';
import type { RawIssue } from '../validate.ts';
import { codeListSchema, KENH_THUC_HIEN, type KenhThucHien, openCodeSchema } from './code-lists.ts';
import { identifierShapeWarnings, warn } from './identifier-warnings.ts';

/** Scalar of a catalogue record: text or number, `null` accepted, kept verbatim. */
const scalar = z.union([z.string(), z.number()]).nullish();

/**
 * A catalogue scalar: text or number, kept verbatim (`"15"` and `15` both occur).
 *
 * @example
 * ```ts
 * import type { DvcqgCatalogueScalar } from '@motcua/schemas/dvcqg';
 * const days: DvcqgCatalogueScalar = 15;
 * ```
 * @category DVCQG
 */
export type DvcqgCatalogueScalar = string | number | null | undefined;

/**
 * A fee of a processing-time option (`PHILEPHI[]`).
 *
 * @example
 * ```ts
 * import type { DvcqgThuTucPhiLePhi } from '@motcua/schemas/dvcqg';
 * const fee: DvcqgThuTucPhiLePhi = { MAPHILEPHI: 'LP01', SOTIEN: 20000, DONVI: 'Đồng/bản', MOTA: 'Lệ phí cấp bản sao' };
 * ```
 * @category DVCQG
 */
export interface DvcqgThuTucPhiLePhi {
  /** Fee code. */
  MAPHILEPHI?: DvcqgCatalogueScalar;
  /** Amount; free text in some catalogues ("Không"), so kept verbatim. */
  SOTIEN?: DvcqgCatalogueScalar;
  /** Unit. */
  DONVI?: DvcqgCatalogueScalar;
  /** Description. */
  MOTA?: DvcqgCatalogueScalar;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A processing-time option of a channel (`THOIGIAN[]`); `DONVITINH` is the time unit
 * 766 indicator 2.2 uses.
 *
 * @example
 * ```ts
 * import type { DvcqgThuTucThoiGian } from '@motcua/schemas/dvcqg';
 * const t: DvcqgThuTucThoiGian = { THOIGIANGIAIQUYET: 3, DONVITINH: 'Ngày làm việc', MOTA: '', PHILEPHI: [] };
 * ```
 * @category DVCQG
 */
export interface DvcqgThuTucThoiGian {
  /** Processing time. */
  THOIGIANGIAIQUYET?: DvcqgCatalogueScalar;
  /** Time unit (766 2.2). */
  DONVITINH?: DvcqgCatalogueScalar;
  /** Description. */
  MOTA?: DvcqgCatalogueScalar;
  /** Fees. */
  PHILEPHI?: DvcqgThuTucPhiLePhi[] | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A channel of the procedure (`CACHTHUCTHUCHIEN[]`).
 *
 * @example
 * ```ts
 * import type { DvcqgThuTucCachThuc } from '@motcua/schemas/dvcqg';
 * const online: DvcqgThuTucCachThuc = { KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: 3, DONVITINH: 'Ngày làm việc' }] };
 * ```
 * @category DVCQG
 */
export interface DvcqgThuTucCachThuc {
  /** `1` trực tiếp, `2` trực tuyến, `3` bưu chính công ích; numbers accepted. */
  KENH?: KenhThucHien | null | undefined;
  /** Processing-time options. */
  THOIGIAN?: DvcqgThuTucThoiGian[] | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A document of a dossier component (`THANHPHANHOSO[].GIAYTO[]`).
 *
 * @example
 * ```ts
 * import type { DvcqgThuTucGiayTo } from '@motcua/schemas/dvcqg';
 * const g: DvcqgThuTucGiayTo = { MAGIAYTO: 'GT01', TENGIAYTO: 'Đơn đề nghị', TENMAUDON: 'Mẫu 01', URL: 'https://dichvucong.gov.vn/mau/01.docx' };
 * ```
 * @category DVCQG
 */
export interface DvcqgThuTucGiayTo {
  /** Document code. */
  MAGIAYTO?: DvcqgCatalogueScalar;
  /** Document name. */
  TENGIAYTO?: DvcqgCatalogueScalar;
  /** Form-template name. */
  TENMAUDON?: DvcqgCatalogueScalar;
  /** Form-template link; not checked (the portal's own data). */
  URL?: DvcqgCatalogueScalar;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * The `LayThuTuc` procedure record (bản ghi thủ tục hành chính), dvcqg-wire.md §9.
 *
 * @example
 * ```ts
 * import type { DvcqgProcedure } from '@motcua/schemas/dvcqg';
 * const p: DvcqgProcedure = {
 *   MATTHC: '1.001193',
 *   TENTTHC: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
 *   LINHVUCTHUCHIEN: [{ MALINHVUC: 'G03-GD10', TENLINHVUC: 'Giáo dục Trung học' }],
 *   KETQUATHUCHIEN: [{ MAKETQUA: 'KQ.G03.10', TENKETQUA: 'Bản sao văn bằng' }],
 *   TRANGTHAI: '1',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgProcedure {
  /** Procedure code (mã TTHC), identifiers.md §4; required. */
  MATTHC: string;
  /** Procedure name. */
  TENTTHC?: DvcqgCatalogueScalar;
  /** Code of the publishing agency. */
  MACOQUANCONGBO?: DvcqgCatalogueScalar;
  /** Fields; `LINHVUCTHUCHIEN[0]` fills `MaLinhVuc`/`TenLinhVuc` of a dossier. */
  LINHVUCTHUCHIEN?:
    | Array<{ MALINHVUC?: DvcqgCatalogueScalar; TENLINHVUC?: DvcqgCatalogueScalar; [extra: string]: unknown }>
    | null
    | undefined;
  /** Steps per case. */
  TRINHTUTHUCHIEN?:
    | Array<{
        TRUONGHOP?: DvcqgCatalogueScalar;
        TRINHTU?: Array<{ TENTRINHTU?: DvcqgCatalogueScalar; [extra: string]: unknown }> | null | undefined;
        [extra: string]: unknown;
      }>
    | null
    | undefined;
  /** Channels with processing time and fees. */
  CACHTHUCTHUCHIEN?: DvcqgThuTucCachThuc[] | null | undefined;
  /** Conditions. */
  YEUCAU?: DvcqgCatalogueScalar;
  /** Applicant types. */
  DOITUONGTHUCHIEN?: Array<{ TENDOITUONG?: DvcqgCatalogueScalar; [extra: string]: unknown }> | null | undefined;
  /** Applicant types, older catalogues. */
  MOTADOITUONGTHUCHIEN?: DvcqgCatalogueScalar;
  /** Result types with their result codes (`MAKETQUA`, used for digitization and reuse, §15). */
  KETQUATHUCHIEN?:
    | Array<{ MAKETQUA?: DvcqgCatalogueScalar; TENKETQUA?: DvcqgCatalogueScalar; [extra: string]: unknown }>
    | null
    | undefined;
  /** Legal basis. */
  CANCUPHAPLY?:
    | Array<{ SOVANBAN?: DvcqgCatalogueScalar; TENVANBAN?: DvcqgCatalogueScalar; [extra: string]: unknown }>
    | null
    | undefined;
  /** `1` = public; other values unconfirmed, any short code accepted. */
  TRANGTHAI?: string | null | undefined;
  /** Handling agencies. */
  COQUANTHUCHIEN?:
    | Array<{ TENDONVI?: DvcqgCatalogueScalar; MADONVI?: DvcqgCatalogueScalar; [extra: string]: unknown }>
    | null
    | undefined;
  /** Dossier components and their documents / form templates. */
  THANHPHANHOSO?:
    | Array<{ GIAYTO?: DvcqgThuTucGiayTo[] | null | undefined; [extra: string]: unknown }>
    | null
    | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

/**
 * Schema of {@link DvcqgProcedure}.
 *
 * @example
 * ```ts
 * import { dvcqgProcedureSchema } from '@motcua/schemas/dvcqg';
 * dvcqgProcedureSchema.parse({ MATTHC: '1.001193', CACHTHUCTHUCHIEN: [{ KENH: 2 }] }).CACHTHUCTHUCHIEN?.[0]?.KENH; // '2'
 * ```
 * @category DVCQG
 */
export const dvcqgProcedureSchema: z.ZodType<DvcqgProcedure, unknown> = z.looseObject({
  MATTHC: z.string().min(1),
  TENTTHC: scalar,
  MACOQUANCONGBO: scalar,
  LINHVUCTHUCHIEN: list(z.looseObject({ MALINHVUC: scalar, TENLINHVUC: scalar })),
  TRINHTUTHUCHIEN: list(z.looseObject({ TRUONGHOP: scalar, TRINHTU: list(z.looseObject({ TENTRINHTU: scalar })) })),
  CACHTHUCTHUCHIEN: list(
    z.looseObject({
      KENH: codeListSchema(KENH_THUC_HIEN, 'Kênh: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích').nullish(),
      THOIGIAN: list(
        z.looseObject({
          THOIGIANGIAIQUYET: scalar,
          DONVITINH: scalar,
          MOTA: scalar,
          PHILEPHI: list(z.looseObject({ MAPHILEPHI: scalar, SOTIEN: scalar, DONVI: scalar, MOTA: scalar })),
        }),
      ),
    }),
  ),
  YEUCAU: scalar,
  DOITUONGTHUCHIEN: list(z.looseObject({ TENDOITUONG: scalar })),
  MOTADOITUONGTHUCHIEN: scalar,
  KETQUATHUCHIEN: list(z.looseObject({ MAKETQUA: scalar, TENKETQUA: scalar })),
  CANCUPHAPLY: list(z.looseObject({ SOVANBAN: scalar, TENVANBAN: scalar })),
  TRANGTHAI: openCodeSchema('Trạng thái công khai: 1 = công khai').nullish(),
  COQUANTHUCHIEN: list(z.looseObject({ TENDONVI: scalar, MADONVI: scalar })),
  THANHPHANHOSO: list(
    z.looseObject({
      GIAYTO: list(z.looseObject({ MAGIAYTO: scalar, TENGIAYTO: scalar, TENMAUDON: scalar, URL: scalar })),
    }),
  ),
});

/**
 * Warning rules of a procedure record: `MATTHC` shape (`DVCQG_IDENTIFIER_SHAPE`), and no
 * result code in `KETQUATHUCHIEN` (`DVCQG_PROCEDURE_NO_RESULT_CODE`: without `MAKETQUA`
 * there is nothing to ask the digitization store for, §9, §15.2, and no result code to
 * send for 766 indicators 3.3/4.1).
 *
 * @example
 * ```ts
 * import { dvcqgProcedureWarnings } from '@motcua/schemas/dvcqg';
 * dvcqgProcedureWarnings({ MATTHC: '1.001193' })[0]?.code; // 'DVCQG_PROCEDURE_NO_RESULT_CODE'
 * ```
 * @category DVCQG
 */
export function dvcqgProcedureWarnings(p: DvcqgProcedure): RawIssue[] {
  const out: RawIssue[] = [];
  identifierShapeWarnings(out, 'MATTHC', p.MATTHC, 'procedure-code');
  const results = p.KETQUATHUCHIEN ?? [];
  const hasCode = results.some(
    (r) => (typeof r.MAKETQUA === 'string' && r.MAKETQUA !== '') || typeof r.MAKETQUA === 'number',
  );
  if (!hasCode) out.push(warn('DVCQG_PROCEDURE_NO_RESULT_CODE', ['KETQUATHUCHIEN']));
  return out;
}
