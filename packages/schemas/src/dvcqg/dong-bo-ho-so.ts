/**
 * `DongBoHoSoMC` (đồng bộ hồ sơ một cửa): the dossier object one-stop systems sync to
 * Cổng DVCQG, its sub-objects and the whole request (dvcqg-wire.md §5, §3, §11).
 *
 * Strict where the portal would reject the payload or the data is meaningless (code
 * lists, real `yyyyMMddHHmmss` instants, owner identifiers, downloadable file links,
 * whole non-negative amounts, cross-field date order); lenient where real systems differ
 * (numbers for codes, `""`/`null` for absent values, boolean-like forms, vendor extras).
 * Legal data that will hurt the Decision 766 indicators is reported by
 * {@link dvcqgDossierWarnings} as warnings, never as errors.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema, parsePersonalId } from '../ids/index.ts';
import type { ValidationResult } from '../issues.ts';
import { customIssue, localizeIssues, type RawIssue, type ValidateOptions, validateWith } from '../validate.ts';
import {
  codeListSchema,
  DUOC_TAI_SU_DUNG,
  DUOC_THANH_TOAN_TRUC_TUYEN,
  type DuocTaiSuDung,
  type DuocThanhToanTrucTuyen,
  HINH_THUC_THU,
  type HinhThucThu,
  KENH_THUC_HIEN,
  type KenhThucHien,
  LOAI_DINH_DANH,
  LOAI_DOI_TUONG,
  LOAI_PHI_LE_PHI,
  type LoaiDinhDanh,
  type LoaiDoiTuong,
  type LoaiPhiLePhi,
  opaqueIdSchema,
  openCodeSchema,
  TRANG_THAI_HO_SO,
  type TrangThaiHoSo,
} from './code-lists.ts';
import { fastDossierShape } from './fast-dossier.ts';
import { fileLinkSchema, hasFileLink } from './file-link.ts';
import { identifierShapeWarnings, isCleanPersonalId, warn } from './identifier-warnings.ts';
import { unknownFieldWarnings } from './unknown-fields.ts';
import { wireAmountSchema } from './wire-amount.ts';
import { wireBoolSchema, wireFlagSchema } from './wire-bool.ts';
import { hasWireDate, optionalWireDateSchema } from './wire-date.ts';

/** Optional free text: `null` (C# DTOs) and absence are both accepted. */
const text = z.string().nullish();

// ---------------------------------------------------------------------------------------
// §5.2 TaiLieuNop
// ---------------------------------------------------------------------------------------

/**
 * One submitted file (tài liệu nộp), `DongBoHoSoMC → data[].TaiLieuNop[]`
 * (dvcqg-wire.md §5.2; sources OpenCPS, Thanh Hóa, Hà Giang).
 *
 * @example
 * ```ts
 * import type { DvcqgTaiLieuNop } from '@motcua/schemas/dvcqg';
 * const file: DvcqgTaiLieuNop = {
 *   TepDinhKemId: '8f1c2a',
 *   TenTepDinhKem: 'Đơn đề nghị cấp bản sao văn bằng.pdf',
 *   IsDeleted: false,
 *   MaThanhPhanHoSo: 'TPHS-01',
 *   DuongDanTaiTepTin: 'https://motcua.thanhhoa.gov.vn/tep/8f1c2a?download=true',
 *   DuocSoHoa: '1',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgTaiLieuNop {
  /** File id in the sender's system (O, T, H); string or number, kept verbatim. */
  TepDinhKemId?: string | number | null | undefined;
  /** File name (O, T, H); Thanh Hóa truncates to 4000 characters — longer is a warning. */
  TenTepDinhKem?: string | null | undefined;
  /** Deleted flag (O: `"True"`/`"False"`, T: `0`/`1`); every boolean-like form read, output a boolean. */
  IsDeleted?: boolean | null | undefined;
  /** Dossier-component code from the catalogue `THANHPHANHOSO` (O, T, H). */
  MaThanhPhanHoSo?: string | null | undefined;
  /** Public download URL DVCQG fetches itself (§8); absolute http(s); `""` = no file. */
  DuongDanTaiTepTin?: string | null | undefined;
  /** `"1"` = digitized (T; 766 indicator 4.3); boolean-like forms read, output `"0"`/`"1"`. */
  DuocSoHoa?: '0' | '1' | null | undefined;
  /** Reuse flag `0`/`1`/`2` (T, §4.4); `2` requires `MaKetQuaThayThe`. Numbers accepted. */
  DuocTaiSuDung?: DuocTaiSuDung | null | undefined;
  /** `"1"` = taken from the DVCQG data store (T; 766 indicators 4.4, 4.5); boolean-like forms read. */
  DuocLayTuKhoDMQG?: '0' | '1' | null | undefined;
  /** Result code (`MAKETQUA`) that replaces this component (T, §15.3). */
  MaKetQuaThayThe?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgTaiLieuNop}.
 *
 * @example
 * ```ts
 * import { dvcqgTaiLieuNopSchema } from '@motcua/schemas/dvcqg';
 * dvcqgTaiLieuNopSchema.parse({ IsDeleted: 'False', DuocSoHoa: 1 }); // { IsDeleted: false, DuocSoHoa: '1' }
 * ```
 * @category DVCQG
 */
export const dvcqgTaiLieuNopSchema: z.ZodType<DvcqgTaiLieuNop, unknown> = z.looseObject({
  TepDinhKemId: opaqueIdSchema.nullish(),
  TenTepDinhKem: text,
  IsDeleted: wireBoolSchema.nullish(),
  MaThanhPhanHoSo: text,
  DuongDanTaiTepTin: fileLinkSchema,
  DuocSoHoa: wireFlagSchema.nullish(),
  DuocTaiSuDung: codeListSchema(
    DUOC_TAI_SU_DUNG,
    'Được tái sử dụng: 0 không, 1 có, 2 có và thay bằng kết quả',
  ).nullish(),
  DuocLayTuKhoDMQG: wireFlagSchema.nullish(),
  MaKetQuaThayThe: text,
});

// ---------------------------------------------------------------------------------------
// §5.3 DanhSachLePhi
// ---------------------------------------------------------------------------------------

/**
 * One fee line (phí, lệ phí), `data[].DanhSachLePhi[]` (dvcqg-wire.md §5.3; O, T).
 *
 * @example
 * ```ts
 * import type { DvcqgLePhi } from '@motcua/schemas/dvcqg';
 * const fee: DvcqgLePhi = { TenPhiLePhi: 'Lệ phí cấp bản sao', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: 20000, LoaiPhiLePhi: '1' };
 * ```
 * @category DVCQG
 */
export interface DvcqgLePhi {
  /** Fee name (O, T). */
  TenPhiLePhi?: string | null | undefined;
  /** Fee code (O, T). */
  MaPhiLePhi?: string | null | undefined;
  /** When collected: `1` reception, `2` supplement, `4` result (§4.4); numbers accepted. */
  HinhThucThu?: HinhThucThu | null | undefined;
  /** Amount in whole VND (O, T); integer or digit string accepted, output a number; `0` = no fee (766 3.6). */
  Gia: number;
  /** Fee type: `1` ordinary, `2` appraisal/licensing, `3` extension (§4.4); numbers accepted. */
  LoaiPhiLePhi?: LoaiPhiLePhi | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgLePhi}. `Gia` is required: a fee line without an amount says
 * nothing (766 indicator 3.6 reads it).
 *
 * @example
 * ```ts
 * import { dvcqgLePhiSchema } from '@motcua/schemas/dvcqg';
 * dvcqgLePhiSchema.parse({ Gia: '20000', LoaiPhiLePhi: 1 }); // { Gia: 20000, LoaiPhiLePhi: '1' }
 * ```
 * @category DVCQG
 */
export const dvcqgLePhiSchema: z.ZodType<DvcqgLePhi, unknown> = z.looseObject({
  TenPhiLePhi: text,
  MaPhiLePhi: text,
  HinhThucThu: codeListSchema(
    HINH_THUC_THU,
    'Hình thức thu: 1 khi tiếp nhận, 2 khi bổ sung, 4 khi trả kết quả',
  ).nullish(),
  Gia: wireAmountSchema,
  LoaiPhiLePhi: codeListSchema(
    LOAI_PHI_LE_PHI,
    'Loại phí, lệ phí: 1 thường, 2 thẩm định/cấp phép, 3 gia hạn',
  ).nullish(),
});

// ---------------------------------------------------------------------------------------
// DanhSachTepDinhKemKhac
// ---------------------------------------------------------------------------------------

/**
 * Another attachment (tệp đính kèm khác), `data[].DanhSachTepDinhKemKhac[]`
 * (dvcqg-wire.md §5.1; O, T).
 *
 * @example
 * ```ts
 * import type { DvcqgTepDinhKemKhac } from '@motcua/schemas/dvcqg';
 * const other: DvcqgTepDinhKemKhac = { TenGiayTo: 'Giấy ủy quyền', SoLuong: 1, LoaiGiayTo: '1' };
 * ```
 * @category DVCQG
 */
export interface DvcqgTepDinhKemKhac {
  /** Document name. */
  TenGiayTo?: string | null | undefined;
  /** Number of copies; integer or digit string, output a number. */
  SoLuong?: number | null | undefined;
  /** Document kind; code list unconfirmed, any short code accepted. */
  LoaiGiayTo?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgTepDinhKemKhac}.
 *
 * @example
 * ```ts
 * import { dvcqgTepDinhKemKhacSchema } from '@motcua/schemas/dvcqg';
 * dvcqgTepDinhKemKhacSchema.parse({ TenGiayTo: 'Giấy ủy quyền', SoLuong: '2' }).SoLuong; // 2
 * ```
 * @category DVCQG
 */
export const dvcqgTepDinhKemKhacSchema: z.ZodType<DvcqgTepDinhKemKhac, unknown> = z.looseObject({
  TenGiayTo: text,
  SoLuong: wireAmountSchema.nullish(),
  LoaiGiayTo: openCodeSchema('Loại giấy tờ (danh mục chưa xác nhận)').nullish(),
});

// ---------------------------------------------------------------------------------------
// §5.4 DanhSachHoSoBoSung
// ---------------------------------------------------------------------------------------

/**
 * One supplement round (lần yêu cầu bổ sung hồ sơ), `data[].DanhSachHoSoBoSung[]`
 * (dvcqg-wire.md §5.4; O, T). 766 indicator 2.1 subtracts supplement time; more than one
 * round counts the dossier as late.
 *
 * @example
 * ```ts
 * import type { DvcqgHoSoBoSung } from '@motcua/schemas/dvcqg';
 * const round: DvcqgHoSoBoSung = {
 *   HoSoBoSungId: 'BS-01',
 *   NguoiYeuCauBoSung: 'Lê Thị Hoa',
 *   NoiDungBoSung: 'Bổ sung bản sao giấy khai sinh',
 *   NgayBoSung: '20250703090000',
 *   NgayHenTraTruoc: '20250710170000',
 *   NgayHenTraMoi: '20250715170000',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgHoSoBoSung {
  /** Supplement round id; string or number, kept verbatim. */
  HoSoBoSungId?: string | number | null | undefined;
  /** Officer who requested the supplement. */
  NguoiYeuCauBoSung?: string | null | undefined;
  /** What must be supplemented. */
  NoiDungBoSung?: string | null | undefined;
  /** Date of the request, `yyyyMMddHHmmss`; `""`/`null` = absent. */
  NgayBoSung?: string | null | undefined;
  /** Officer who received the supplement. */
  NguoiTiepNhanBoSung?: string | null | undefined;
  /** Reception information. */
  ThongTinTiepNhan?: string | null | undefined;
  /** Date the supplement was received, `yyyyMMddHHmmss`; `""`/`null` = absent. */
  NgayTiepNhanBoSung?: string | null | undefined;
  /** Supplement status; code list unconfirmed, any short code accepted. */
  TrangThaiBoSung?: string | null | undefined;
  /** Supplemented documents; structure unconfirmed, kept as received. */
  DanhSachGiayToBoSung?: unknown[] | null | undefined;
  /** Fees for the supplement; structure unconfirmed, kept as received. */
  DanhSachLePhiBoSung?: unknown[] | null | undefined;
  /** Due date before the supplement, `yyyyMMddHHmmss`. */
  NgayHenTraTruoc?: string | null | undefined;
  /** New due date, `yyyyMMddHHmmss`. */
  NgayHenTraMoi?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgHoSoBoSung}.
 *
 * @example
 * ```ts
 * import { dvcqgHoSoBoSungSchema } from '@motcua/schemas/dvcqg';
 * dvcqgHoSoBoSungSchema.safeParse({ NgayBoSung: '20250230090000' }).success; // false (30 February)
 * ```
 * @category DVCQG
 */
export const dvcqgHoSoBoSungSchema: z.ZodType<DvcqgHoSoBoSung, unknown> = z.looseObject({
  HoSoBoSungId: opaqueIdSchema.nullish(),
  NguoiYeuCauBoSung: text,
  NoiDungBoSung: text,
  NgayBoSung: optionalWireDateSchema,
  NguoiTiepNhanBoSung: text,
  ThongTinTiepNhan: text,
  NgayTiepNhanBoSung: optionalWireDateSchema,
  TrangThaiBoSung: openCodeSchema('Trạng thái bổ sung (danh mục chưa xác nhận)').nullish(),
  DanhSachGiayToBoSung: z.array(z.unknown()).nullish(),
  DanhSachLePhiBoSung: z.array(z.unknown()).nullish(),
  NgayHenTraTruoc: optionalWireDateSchema,
  NgayHenTraMoi: optionalWireDateSchema,
});

// ---------------------------------------------------------------------------------------
// §5.5 DanhSachGiayToKetQua
// ---------------------------------------------------------------------------------------

/**
 * One result document (giấy tờ kết quả), `data[].DanhSachGiayToKetQua[]`
 * (dvcqg-wire.md §5.5; O, T, H). 766 indicators 3.3 and 4.1 count an electronic result
 * when the result code and `DuongDanTepTinKetQua` are both present.
 *
 * @example
 * ```ts
 * import type { DvcqgGiayToKetQua } from '@motcua/schemas/dvcqg';
 * const result: DvcqgGiayToKetQua = {
 *   TenGiayTo: 'Bản sao văn bằng tốt nghiệp THPT',
 *   GiayToId: 'KQ-0001',
 *   DuongDanTepTinKetQua: 'https://motcua.thanhhoa.gov.vn/ket-qua/KQ-0001.pdf',
 *   MaGiayToKetQua: 'KQ.G03.10',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgGiayToKetQua {
  /** Document name. */
  TenGiayTo?: string | null | undefined;
  /** Dossier-component code. */
  MaThanhPhanHoSo?: string | null | undefined;
  /** Document id; string or number, kept verbatim. */
  GiayToId?: string | number | null | undefined;
  /** Public download URL of the result file (§8); absolute http(s); `""` = no file. */
  DuongDanTepTinKetQua?: string | null | undefined;
  /** Result code (`MAKETQUA` of the catalogue; Thanh Hóa sends the main result code). */
  MaGiayToKetQua?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgGiayToKetQua}.
 *
 * @example
 * ```ts
 * import { dvcqgGiayToKetQuaSchema } from '@motcua/schemas/dvcqg';
 * dvcqgGiayToKetQuaSchema.safeParse({ DuongDanTepTinKetQua: 'ket-qua/KQ-0001.pdf' }).success; // false (relative)
 * ```
 * @category DVCQG
 */
export const dvcqgGiayToKetQuaSchema: z.ZodType<DvcqgGiayToKetQua, unknown> = z.looseObject({
  TenGiayTo: text,
  MaThanhPhanHoSo: text,
  GiayToId: opaqueIdSchema.nullish(),
  DuongDanTepTinKetQua: fileLinkSchema,
  MaGiayToKetQua: text,
});

// ---------------------------------------------------------------------------------------
// DinhDanhCHS, DSKetNoiCSDL
// ---------------------------------------------------------------------------------------

/**
 * One identifier of the dossier owner (định danh chủ hồ sơ), `data[].DinhDanhCHS[]`
 * (dvcqg-wire.md §5.1, §4.4; T).
 *
 * @example
 * ```ts
 * import type { DvcqgDinhDanhCHS } from '@motcua/schemas/dvcqg';
 * const id: DvcqgDinhDanhCHS = { LoaiDinhDanh: '1', SoDinhDanh: '038190012345' };
 * ```
 * @category DVCQG
 */
export interface DvcqgDinhDanhCHS {
  /** `1` 12-digit personal identification number, `2` 9-digit CMND; numbers accepted. */
  LoaiDinhDanh: LoaiDinhDanh;
  /** The number; must match `LoaiDinhDanh` (error otherwise); `000000001` is a placeholder and rejected. */
  SoDinhDanh: string;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgDinhDanhCHS}. The number-versus-kind rule is checked by the
 * dossier schema, which reports it at `DinhDanhCHS.<i>.SoDinhDanh`.
 *
 * @example
 * ```ts
 * import { dvcqgDinhDanhCHSSchema } from '@motcua/schemas/dvcqg';
 * dvcqgDinhDanhCHSSchema.parse({ LoaiDinhDanh: 1, SoDinhDanh: '038190012345' }).LoaiDinhDanh; // '1'
 * ```
 * @category DVCQG
 */
export const dvcqgDinhDanhCHSSchema: z.ZodType<DvcqgDinhDanhCHS, unknown> = z.looseObject({
  LoaiDinhDanh: codeListSchema(LOAI_DINH_DANH, 'Loại định danh: 1 số định danh cá nhân (12 số), 2 CMND (9 số)'),
  SoDinhDanh: z.string().min(1),
});

/**
 * One national database consulted (kết nối cơ sở dữ liệu quốc gia), `data[].DSKetNoiCSDL[]`
 * (dvcqg-wire.md §4.4; T; 766 indicator 4.5 counts the population database's code).
 *
 * @example
 * ```ts
 * import type { DvcqgKetNoiCSDL } from '@motcua/schemas/dvcqg';
 * const db: DvcqgKetNoiCSDL = { MaCSDL: '7' };
 * ```
 * @category DVCQG
 */
export interface DvcqgKetNoiCSDL {
  /** Database code; list unconfirmed (Thanh Hóa always sends `"7"`), any short code accepted. */
  MaCSDL: string;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgKetNoiCSDL}.
 *
 * @example
 * ```ts
 * import { dvcqgKetNoiCSDLSchema } from '@motcua/schemas/dvcqg';
 * dvcqgKetNoiCSDLSchema.parse({ MaCSDL: 7 }); // { MaCSDL: '7' }
 * ```
 * @category DVCQG
 */
export const dvcqgKetNoiCSDLSchema: z.ZodType<DvcqgKetNoiCSDL, unknown> = z.looseObject({
  MaCSDL: openCodeSchema('Mã CSDL quốc gia (danh mục chưa xác nhận; Thanh Hóa gửi "7")'),
});

// ---------------------------------------------------------------------------------------
// §5.1 The dossier
// ---------------------------------------------------------------------------------------

/**
 * One dossier as synced with `DongBoHoSoMC` (hồ sơ đồng bộ lên Cổng DVCQG),
 * `data[]` of the request (dvcqg-wire.md §5.1). Sources: O = OpenCPS, T = Thanh Hóa,
 * H = Hà Giang; "766" = read by DVCQG's indicator formulas.
 *
 * Leniencies common to every field: optional fields accept `null` (C# DTOs serialize
 * nulls) and absence alike; code fields accept numbers and output strings; vendor extras
 * are kept.
 *
 * @example
 * ```ts
 * import type { DvcqgDossier } from '@motcua/schemas/dvcqg';
 * const d: DvcqgDossier = {
 *   MaHoSo: '000.00.00.H56-250701-0001',
 *   MaTTHC: '1.001193',
 *   TenTTHC: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
 *   MaLinhVuc: 'G03-GD10',
 *   KenhThucHien: '2',
 *   ChuHoSo: 'Nguyễn Văn An',
 *   LoaiDoiTuong: '1',
 *   NgayTiepNhan: '20250701083000',
 *   NgayHenTra: '20250704170000',
 *   TrangThaiHoSo: '4',
 *   DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038190012345' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgDossier {
  /** Dossier code (mã số hồ sơ), identifiers.md §1 (O, T, H; M). Other shapes are kept, with a warning. */
  MaHoSo: string;
  /** DVCQG procedure code (mã TTHC), identifiers.md §4 (O, T, H; M). Unknown shapes: warning. */
  MaTTHC: string;
  /** Procedure name, from `LayThuTuc` (O, T, H). */
  TenTTHC?: string | null | undefined;
  /** Field code `MX1X2-LV`, e.g. `G03-GD10` (O, T, H). Unknown shapes: warning. */
  MaLinhVuc?: string | null | undefined;
  /** Field name, e.g. "Giáo dục Trung học" (O, T, H). */
  TenLinhVuc?: string | null | undefined;
  /** Channel `1`/`2`/`3` (T; 766 3.3). `null` is accepted (counts as in person) with a warning. */
  KenhThucHien?: KenhThucHien | null | undefined;
  /** Receipt number (O, H; ko bb). */
  SoBienNhan?: string | null | undefined;
  /** Owner's name (O, T, H). */
  ChuHoSo?: string | null | undefined;
  /** Owner's ID number (T); free text because its kind is not declared. */
  SoGiayToChuHoSo?: string | null | undefined;
  /** Applicant type `1`..`4` (T, O). */
  LoaiDoiTuong?: LoaiDoiTuong | null | undefined;
  /** Applicant's DVCQG account id (TechID) (O, T; Thanh Hóa sends it for online dossiers). */
  MaDoiTuong?: string | null | undefined;
  /** Other information (O, T; ko bb). */
  ThongTinKhac?: string | null | undefined;
  /** Contact e-mail (O, T); not format-checked (real data holds placeholders). */
  Email?: string | null | undefined;
  /** Contact phone (O, T). */
  SoDienThoai?: string | null | undefined;
  /** Fax (O, T; ko bb). */
  Fax?: string | null | undefined;
  /** Summary (trích yếu); over 1000 characters is a warning (Thanh Hóa truncates, §11.3). */
  TrichYeuHoSo?: string | null | undefined;
  /** Date received, `yyyyMMddHHmmss` (O, T, H; M; 766 1.4, 4.3). Required unless the status is `1`. */
  NgayTiepNhan?: string | null | undefined;
  /** Due date (ngày hẹn trả) (O, T, H; 766 2.1); `""` = none. Must not precede `NgayTiepNhan`. */
  NgayHenTra?: string | null | undefined;
  /** Status `1`..`10` (§4.1; O, T, H; M). Numbers accepted. */
  TrangThaiHoSo: TrangThaiHoSo;
  /** Date the result was returned (O, T); required with status `10`; not before `NgayTiepNhan`. */
  NgayTra?: string | null | undefined;
  /** Return information (O, T; ko bb). */
  ThongTinTra?: string | null | undefined;
  /** Result delivery: OpenCPS `1` by post, else `0`; full list unconfirmed, any short code accepted. */
  HinhThuc?: string | null | undefined;
  /** Processing end date (O, T; 766 2.1); not before `NgayTiepNhan`. */
  NgayKetThucXuLy?: string | null | undefined;
  /** Name of the handling agency (O, T, H). */
  DonViXuLy?: string | null | undefined;
  /** Note (O, T; ko bb). */
  GhiChu?: string | null | undefined;
  /** Submitted files (§5.2; O, T, H). */
  TaiLieuNop?: DvcqgTaiLieuNop[] | null | undefined;
  /** Fees (§5.3; O, T; 766 3.5, 3.6). */
  DanhSachLePhi?: DvcqgLePhi[] | null | undefined;
  /** Other attachments (O, T). */
  DanhSachTepDinhKemKhac?: DvcqgTepDinhKemKhac[] | null | undefined;
  /** Supplement rounds (§5.4; O, T; 766 2.1). */
  DanhSachHoSoBoSung?: DvcqgHoSoBoSung[] | null | undefined;
  /** Result documents (§5.5; O, T, H; 766 3.3, 4.1, 4.2). */
  DanhSachGiayToKetQua?: DvcqgGiayToKetQua[] | null | undefined;
  /** Where submitted (T always `"2"`; 766 3.2); list unconfirmed, any short code accepted. */
  NoiNopHoSo?: string | null | undefined;
  /** `"1"` = has digitized components (T; 766 4.3); boolean-like forms read, output `"0"`/`"1"`. */
  HoSoCoThanhPhanSoHoa?: '0' | '1' | null | undefined;
  /** `"1"` = applicant's account is VNeID-authenticated (T; 766 4.5); boolean-like forms read. */
  TaiKhoanDuocXacThucVoiVNeID?: '0' | '1' | null | undefined;
  /** Paid online `0`..`3` (§4.4; T; 766 3.6 counts `1` and `2`). Numbers accepted. */
  DuocThanhToanTrucTuyen?: DuocThanhToanTrucTuyen | null | undefined;
  /** Rejection date (T); not before `NgayTiepNhan`. */
  NgayTuChoi?: string | null | undefined;
  /** Owner identifiers (T); each number must match its `LoaiDinhDanh`. */
  DinhDanhCHS?: DvcqgDinhDanhCHS[] | null | undefined;
  /** Submission date (T; 766 uses it when `NgayTiepNhan` is missing). */
  NgayNopHoSo?: string | null | undefined;
  /** National databases consulted (T; 766 4.5). */
  DSKetNoiCSDL?: DvcqgKetNoiCSDL[] | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

const DOSSIER_SHAPE = {
  MaHoSo: z.string().min(1),
  MaTTHC: z.string().min(1),
  TenTTHC: text,
  MaLinhVuc: text,
  TenLinhVuc: text,
  KenhThucHien: codeListSchema(
    KENH_THUC_HIEN,
    'Kênh thực hiện: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích',
  ).nullish(),
  SoBienNhan: text,
  ChuHoSo: text,
  SoGiayToChuHoSo: text,
  LoaiDoiTuong: codeListSchema(
    LOAI_DOI_TUONG,
    'Loại đối tượng: 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức/khác',
  ).nullish(),
  MaDoiTuong: text,
  ThongTinKhac: text,
  Email: text,
  SoDienThoai: text,
  Fax: text,
  TrichYeuHoSo: text,
  NgayTiepNhan: optionalWireDateSchema,
  NgayHenTra: optionalWireDateSchema,
  TrangThaiHoSo: codeListSchema(TRANG_THAI_HO_SO, 'Trạng thái hồ sơ "1".."10" (dvcqg-wire.md §4.1)'),
  NgayTra: optionalWireDateSchema,
  ThongTinTra: text,
  HinhThuc: openCodeSchema('Hình thức trả kết quả (OpenCPS: 1 bưu chính, 0 khác)').nullish(),
  NgayKetThucXuLy: optionalWireDateSchema,
  DonViXuLy: text,
  GhiChu: text,
  TaiLieuNop: z.array(dvcqgTaiLieuNopSchema).nullish(),
  DanhSachLePhi: z.array(dvcqgLePhiSchema).nullish(),
  DanhSachTepDinhKemKhac: z.array(dvcqgTepDinhKemKhacSchema).nullish(),
  DanhSachHoSoBoSung: z.array(dvcqgHoSoBoSungSchema).nullish(),
  DanhSachGiayToKetQua: z.array(dvcqgGiayToKetQuaSchema).nullish(),
  NoiNopHoSo: openCodeSchema('Nơi nộp hồ sơ (danh mục chưa xác nhận; Thanh Hóa gửi "2")').nullish(),
  HoSoCoThanhPhanSoHoa: wireFlagSchema.nullish(),
  TaiKhoanDuocXacThucVoiVNeID: wireFlagSchema.nullish(),
  DuocThanhToanTrucTuyen: codeListSchema(
    DUOC_THANH_TOAN_TRUC_TUYEN,
    'Được thanh toán trực tuyến: 1 trên DVCQG, 2 trên cổng bộ/tỉnh',
  ).nullish(),
  NgayTuChoi: optionalWireDateSchema,
  DinhDanhCHS: z.array(dvcqgDinhDanhCHSSchema).nullish(),
  NgayNopHoSo: optionalWireDateSchema,
  DSKetNoiCSDL: z.array(dvcqgKetNoiCSDLSchema).nullish(),
};

/**
 * The field names of a `DongBoHoSoMC` dossier, in wire order (dvcqg-wire.md §5.1).
 *
 * @example
 * ```ts
 * import { DVCQG_DOSSIER_FIELDS } from '@motcua/schemas/dvcqg';
 * DVCQG_DOSSIER_FIELDS.includes('NgayHenTra'); // true
 * ```
 * @category DVCQG
 */
export const DVCQG_DOSSIER_FIELDS: readonly string[] = Object.freeze(Object.keys(DOSSIER_SHAPE));

// Thanh Hóa's fallback `{2, "000000001"}` (identifiers.md §6); 000000000 is the same stand-in.
const OWNER_ID_PLACEHOLDER = /^0{8}[01]$/;
const NINE_DIGITS = /^[0-9]{9}$/;
const TWELVE_DIGITS = /^[0-9]{12}$/;

type Issues = { addIssue(issue: ReturnType<typeof customIssue>): void };

/**
 * Checks one owner identifier against its kind. Reported as errors: a number of the other
 * kind's length (`DVCQG_OWNER_ID_MISMATCH`), the placeholder (`DVCQG_OWNER_ID_PLACEHOLDER`),
 * and any error of the identifier parser (`ID_…`, e.g. a future birth year).
 */
function checkOwnerId(entry: unknown, index: number, ctx: Issues): void {
  if (entry === null || typeof entry !== 'object') return;
  const { LoaiDinhDanh: kind, SoDinhDanh: no } = entry as Record<string, unknown>;
  if (typeof no !== 'string' || (kind !== '1' && kind !== '2')) return;
  const path = ['DinhDanhCHS', index, 'SoDinhDanh'];
  if (kind === '2' && OWNER_ID_PLACEHOLDER.test(no)) {
    ctx.addIssue(customIssue('DVCQG_OWNER_ID_PLACEHOLDER', undefined, path));
    return;
  }
  const expected = kind === '1' ? TWELVE_DIGITS : NINE_DIGITS;
  if (!expected.test(no)) {
    ctx.addIssue(customIssue('DVCQG_OWNER_ID_MISMATCH', { LoaiDinhDanh: kind, digits: kind === '1' ? 12 : 9 }, path));
    return;
  }
  // A nine-digit CMND has no further error rule; a clean personal ID has no problem at all.
  if (kind === '2' || isCleanPersonalId(no)) return;
  const parsed = parsePersonalId(no);
  for (const p of parsed.problems) {
    if (p.severity === 'error') ctx.addIssue(customIssue(p.code, p.params, path));
  }
}

function checkAfterReceived(
  v: Record<string, unknown>,
  field: 'NgayTra' | 'NgayKetThucXuLy' | 'NgayTuChoi',
  received: string,
  ctx: Issues,
): void {
  const d = v[field];
  if (hasWireDate(d) && d < received) {
    ctx.addIssue(customIssue('DVCQG_DATE_BEFORE_RECEIVED', { field, received }, [field]));
  }
}

/**
 * The cross-field rules of a dossier (errors). They run even when other fields failed, on
 * whatever could be read, so one pass reports every problem.
 */
function dossierCrossFieldRules(value: unknown, ctx: Issues): void {
  const v = value as Record<string, unknown>;
  const status = v.TrangThaiHoSo;
  const received = v.NgayTiepNhan;
  if (hasWireDate(received)) {
    const due = v.NgayHenTra;
    // 766 indicator 2.1 compares NgayKetThucXuLy with NgayHenTra: a due date before reception is meaningless.
    if (hasWireDate(due) && due < received) {
      ctx.addIssue(customIssue('DVCQG_DUE_BEFORE_RECEIVED', { received }, ['NgayHenTra']));
    }
    checkAfterReceived(v, 'NgayTra', received, ctx);
    checkAfterReceived(v, 'NgayKetThucXuLy', received, ctx);
    checkAfterReceived(v, 'NgayTuChoi', received, ctx);
  } else if (
    typeof status === 'string' &&
    status !== '1' &&
    (received === undefined || received === null || received === '')
  ) {
    // "M" in §5.1: always sent by OpenCPS and Thanh Hóa; 766 excludes dossiers without it (1.4, 4.3).
    // Status 1 (mới đăng ký) is submitted but not yet received, so it may lack the date.
    ctx.addIssue(customIssue('DVCQG_RECEIVED_DATE_REQUIRED', { status }, ['NgayTiepNhan']));
  }
  if (status === '10' && (v.NgayTra === undefined || v.NgayTra === null || v.NgayTra === '')) {
    ctx.addIssue(customIssue('DVCQG_RETURNED_WITHOUT_DATE', undefined, ['NgayTra']));
  }
  const files = v.TaiLieuNop;
  if (Array.isArray(files)) {
    for (let i = 0; i < files.length; i++) {
      const f = files[i] as Record<string, unknown> | null;
      if (f !== null && typeof f === 'object' && f.DuocTaiSuDung === '2') {
        const code = f.MaKetQuaThayThe;
        if (typeof code !== 'string' || code.trim() === '') {
          ctx.addIssue(customIssue('DVCQG_REUSE_WITHOUT_RESULT_CODE', undefined, ['TaiLieuNop', i, 'MaKetQuaThayThe']));
        }
      }
    }
  }
  const ids = v.DinhDanhCHS;
  if (Array.isArray(ids)) for (let i = 0; i < ids.length; i++) checkOwnerId(ids[i], i, ctx);
}

const isObjectPayload = (payload: { value: unknown }): boolean =>
  payload.value !== null && typeof payload.value === 'object' && !Array.isArray(payload.value);

/**
 * Schema of {@link DvcqgDossier} (hồ sơ `DongBoHoSoMC`), with the cross-field rules:
 *
 * | Code | Rule | Basis |
 * |---|---|---|
 * | `DVCQG_RECEIVED_DATE_REQUIRED` | `NgayTiepNhan` missing while the status is not `1` | §5.1 "M"; 766 1.4, 4.3 |
 * | `DVCQG_DUE_BEFORE_RECEIVED` | `NgayHenTra` before `NgayTiepNhan` | 766 2.1 |
 * | `DVCQG_DATE_BEFORE_RECEIVED` | `NgayTra`, `NgayKetThucXuLy` or `NgayTuChoi` before `NgayTiepNhan` | meaningless order |
 * | `DVCQG_RETURNED_WITHOUT_DATE` | status `10` (result returned) without `NgayTra` | §4.1, §5.1 |
 * | `DVCQG_REUSE_WITHOUT_RESULT_CODE` | `DuocTaiSuDung = "2"` without `MaKetQuaThayThe` | §4.4, §15.3 |
 * | `DVCQG_OWNER_ID_MISMATCH` | `SoDinhDanh` not 12 digits for `LoaiDinhDanh` 1, not 9 for 2 | §4.4, identifiers.md §5–6 |
 * | `DVCQG_OWNER_ID_PLACEHOLDER` | `{2, "000000001"}` (Thanh Hóa's stand-in) | §5.1 "do not send it" |
 * | `ID_…` | other identifier errors (e.g. a future birth year) | identifiers.md §5 |
 *
 * Not enforced, by decision: `NgayTuChoi` for status `3` (single source, no rule reads it);
 * `LoaiDinhDanh` versus `LoaiDoiTuong` (both `LoaiDinhDanh` kinds are personal documents,
 * and a business's or agency's dossier may legitimately carry its representative's ID).
 *
 * @example
 * ```ts
 * import { dvcqgDossierSchema } from '@motcua/schemas/dvcqg';
 * const r = dvcqgDossierSchema.safeParse({
 *   MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4',
 *   NgayTiepNhan: '20250701083000', NgayHenTra: '20250630170000',
 * });
 * r.success; // false (DVCQG_DUE_BEFORE_RECEIVED at NgayHenTra)
 * ```
 * @category DVCQG
 */
export const dvcqgDossierSchema: z.ZodType<DvcqgDossier, unknown> = z
  .looseObject(DOSSIER_SHAPE)
  .superRefine(dossierCrossFieldRules, { when: isObjectPayload });

// ---------------------------------------------------------------------------------------
// Warnings (Decision 766 indicators, production truncations)
// ---------------------------------------------------------------------------------------

/** Production truncations (dvcqg-wire.md §11.3.5); official maximum lengths are unknown. */
const MAX_TRICH_YEU = 1000;
const MAX_TEN_TEP = 4000;
const FINISHED: ReadonlySet<string> = new Set(['9', '10']);
/** Statuses where no payment is expected (not yet received, rejected, withdrawn). */
const NO_PAYMENT_EXPECTED: ReadonlySet<string> = new Set(['1', '3', '7']);
/** Statuses before a due date exists (not yet received, rejected at reception). */
const NO_DUE_DATE_EXPECTED: ReadonlySet<string> = new Set(['1', '3']);

/**
 * The warning rules of a dossier, derived from the Decision 766 indicator formulas
 * (indicators-766.md §2–3) and production practice. They never make a dossier invalid;
 * each message names the indicator it affects. Runs in a single pass over a dossier that
 * already passed {@link dvcqgDossierSchema}.
 *
 * | Code | When | Indicator |
 * |---|---|---|
 * | `DVCQG_IDENTIFIER_SHAPE` | `MaHoSo`, `MaTTHC` or `MaLinhVuc` not in the legal shape | identifiers.md |
 * | `DVCQG_CHANNEL_MISSING` | `KenhThucHien` null or absent | 3.3 (counted as in person) |
 * | `DVCQG_DUE_DATE_MISSING` | received dossier without `NgayHenTra` | 2.1 |
 * | `DVCQG_NO_E_RESULT` | status 9/10 without a result carrying `MaGiayToKetQua` and a file link | 3.3 (online), 4.1, 4.2 |
 * | `DVCQG_NO_COMPONENT_FILE` | no submitted file with a download link | 4.2 |
 * | `DVCQG_NO_DIGITIZED_COMPONENT` | no component digitized/reused and `HoSoCoThanhPhanSoHoa` not `1` | 4.3 |
 * | `DVCQG_DIGITIZED_FLAG_INCONSISTENT` | `HoSoCoThanhPhanSoHoa = 1` but no component flagged | 4.3 |
 * | `DVCQG_FEE_NOT_PAID_ONLINE` | online dossier with a fee > 0 and `DuocThanhToanTrucTuyen` not 1/2 | 3.6 |
 * | `DVCQG_NO_POPULATION_DATA` | citizen dossier with no VNeID, store or national-database flag | 4.5 |
 * | `DVCQG_SUPPLEMENT_MISSING` | status 5 without `DanhSachHoSoBoSung` | 2.1 |
 * | `DVCQG_MULTIPLE_SUPPLEMENTS` | more than one supplement round | 2.1 (counts late) |
 * | `DVCQG_TEXT_TOO_LONG` | `TrichYeuHoSo` > 1000, `TenTepDinhKem` > 4000 characters | §11.3 truncations |
 * | `DVCQG_UNKNOWN_FIELD` | a top-level key that differs from a known field only by case or one edit | typo |
 * | `ID_…` (warnings) | identifier warnings, e.g. unknown birth-province code | identifiers.md §5 |
 *
 * @example
 * ```ts
 * import { dvcqgDossierWarnings, dvcqgDossierSchema } from '@motcua/schemas/dvcqg';
 * const d = dvcqgDossierSchema.parse({
 *   MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000',
 * });
 * dvcqgDossierWarnings(d).map((w) => w.code); // ['DVCQG_CHANNEL_MISSING', 'DVCQG_DUE_DATE_MISSING', …]
 * ```
 * @category DVCQG
 */
export function dvcqgDossierWarnings(d: DvcqgDossier): RawIssue[] {
  const out: RawIssue[] = [];
  identifierShapeWarnings(out, 'MaHoSo', d.MaHoSo, 'dossier-code');
  identifierShapeWarnings(out, 'MaTTHC', d.MaTTHC, 'procedure-code');
  if (typeof d.MaLinhVuc === 'string' && d.MaLinhVuc !== '') {
    identifierShapeWarnings(out, 'MaLinhVuc', d.MaLinhVuc, 'field-code');
  }
  const status = d.TrangThaiHoSo;
  const online = d.KenhThucHien === '2';
  if (d.KenhThucHien === undefined || d.KenhThucHien === null)
    out.push(warn('DVCQG_CHANNEL_MISSING', ['KenhThucHien']));
  if (!NO_DUE_DATE_EXPECTED.has(status) && !hasWireDate(d.NgayHenTra)) {
    out.push(warn('DVCQG_DUE_DATE_MISSING', ['NgayHenTra']));
  }
  if (typeof d.TrichYeuHoSo === 'string' && d.TrichYeuHoSo.length > MAX_TRICH_YEU) {
    out.push(
      warn('DVCQG_TEXT_TOO_LONG', ['TrichYeuHoSo'], {
        field: 'TrichYeuHoSo',
        length: d.TrichYeuHoSo.length,
        maximum: MAX_TRICH_YEU,
      }),
    );
  }

  // One pass over the components: files, digitization and reuse flags.
  let hasFile = false;
  let flagged = false;
  let fromStore = false;
  const files = d.TaiLieuNop ?? [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (f === undefined) continue;
    const name = f.TenTepDinhKem;
    if (typeof name === 'string' && name.length > MAX_TEN_TEP) {
      out.push(
        warn('DVCQG_TEXT_TOO_LONG', ['TaiLieuNop', i, 'TenTepDinhKem'], {
          field: 'TenTepDinhKem',
          length: name.length,
          maximum: MAX_TEN_TEP,
        }),
      );
    }
    if (f.IsDeleted === true) continue;
    if (hasFileLink(f.DuongDanTaiTepTin)) hasFile = true;
    if (f.DuocLayTuKhoDMQG === '1') fromStore = true;
    if (f.DuocSoHoa === '1' || f.DuocLayTuKhoDMQG === '1' || f.DuocTaiSuDung === '1' || f.DuocTaiSuDung === '2') {
      flagged = true;
    }
  }
  if (!hasFile) out.push(warn('DVCQG_NO_COMPONENT_FILE', ['TaiLieuNop']));
  const dossierFlag = d.HoSoCoThanhPhanSoHoa === '1';
  if (!flagged && !dossierFlag) out.push(warn('DVCQG_NO_DIGITIZED_COMPONENT', ['HoSoCoThanhPhanSoHoa']));
  if (dossierFlag && !flagged) out.push(warn('DVCQG_DIGITIZED_FLAG_INCONSISTENT', ['HoSoCoThanhPhanSoHoa']));

  if (FINISHED.has(status)) {
    let eResult = false;
    for (const r of d.DanhSachGiayToKetQua ?? []) {
      if (typeof r.MaGiayToKetQua === 'string' && r.MaGiayToKetQua !== '' && hasFileLink(r.DuongDanTepTinKetQua)) {
        eResult = true;
        break;
      }
    }
    if (!eResult) {
      out.push(
        warn('DVCQG_NO_E_RESULT', ['DanhSachGiayToKetQua'], { indicators: online ? '3.3, 4.1, 4.2' : '4.1, 4.2' }),
      );
    }
  }

  if (online && !NO_PAYMENT_EXPECTED.has(status)) {
    const paid = d.DuocThanhToanTrucTuyen === '1' || d.DuocThanhToanTrucTuyen === '2';
    if (!paid && (d.DanhSachLePhi ?? []).some((fee) => fee.Gia > 0)) {
      out.push(warn('DVCQG_FEE_NOT_PAID_ONLINE', ['DuocThanhToanTrucTuyen']));
    }
  }

  if (
    d.LoaiDoiTuong === '1' &&
    d.TaiKhoanDuocXacThucVoiVNeID !== '1' &&
    !fromStore &&
    (d.DSKetNoiCSDL ?? []).length === 0
  ) {
    out.push(warn('DVCQG_NO_POPULATION_DATA', ['DSKetNoiCSDL']));
  }

  const rounds = (d.DanhSachHoSoBoSung ?? []).length;
  if (status === '5' && rounds === 0) out.push(warn('DVCQG_SUPPLEMENT_MISSING', ['DanhSachHoSoBoSung']));
  if (rounds > 1) out.push(warn('DVCQG_MULTIPLE_SUPPLEMENTS', ['DanhSachHoSoBoSung'], { count: rounds }));

  const ids = d.DinhDanhCHS ?? [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id?.LoaiDinhDanh !== '1' || isCleanPersonalId(id.SoDinhDanh)) continue;
    for (const p of parsePersonalId(id.SoDinhDanh).problems) {
      if (p.severity === 'warning') out.push(warn(p.code, ['DinhDanhCHS', i, 'SoDinhDanh'], p.params));
    }
  }

  unknownFieldWarnings(out, d, DOSSIER_KNOWN);
  return out;
}

const DOSSIER_KNOWN: ReadonlySet<string> = new Set(DVCQG_DOSSIER_FIELDS);

/**
 * Validates one dossier object (the NDJSON fast path: one line, one item). Never throws.
 * Paths are relative to the item unless `options.pathPrefix` is given.
 *
 * Same verdict, issues and value as `validateWith(dvcqgDossierSchema, item,
 * dvcqgDossierWarnings, options)`, but valid items are checked by a hand-written pass
 * (`fast-dossier.ts`) and only items it cannot accept go through zod. On that path the
 * value is normalised copy-on-write: an item already in normal form is returned as the
 * same object, not a copy.
 *
 * @example
 * ```ts
 * import { validateDvcqgDossier } from '@motcua/schemas/dvcqg';
 * const r = validateDvcqgDossier(
 *   { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: 11 },
 *   { lang: 'en' },
 * );
 * r.ok; // false
 * r.issues[0]?.path; // 'TrangThaiHoSo'
 * ```
 * @category DVCQG
 */
export function validateDvcqgDossier(item: unknown, options: ValidateOptions = {}): ValidationResult<DvcqgDossier> {
  const fast = fastDossierShape(item);
  if (fast !== undefined) {
    // The structure is valid, so zod would report exactly what the cross-field rules add.
    let errors: RawIssue[] | undefined;
    dossierCrossFieldRules(fast, {
      addIssue: (issue) => {
        const { motcuaCode, ...params } = issue.params;
        const raw: RawIssue = { code: String(motcuaCode), path: issue.path ?? [] };
        errors ??= [];
        errors.push(Object.keys(params).length === 0 ? raw : { ...raw, params });
      },
    });
    if (errors !== undefined) return { ok: false, issues: localizeIssues(errors, options) };
    const value = fast as DvcqgDossier;
    const warnings = dvcqgDossierWarnings(value);
    return { ok: true, value, issues: warnings.length === 0 ? [] : localizeIssues(warnings, options) };
  }
  return validateWith(dvcqgDossierSchema, item, dvcqgDossierWarnings, options);
}

// ---------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------

/**
 * The whole `DongBoHoSoMC` request (yêu cầu đồng bộ hồ sơ), dvcqg-wire.md §3, §2.1:
 * `{session, madonvi, service: "DongBoHoSoMC", isUpdating, data: [dossier, …]}`.
 *
 * @example
 * ```ts
 * import type { DvcqgDongBoHoSoRequest } from '@motcua/schemas/dvcqg';
 * const req: DvcqgDongBoHoSoRequest = {
 *   session: 'c2Vzc2lvbg',
 *   madonvi: '000.00.00.H56',
 *   service: 'DongBoHoSoMC',
 *   isUpdating: false,
 *   data: [{ MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgDongBoHoSoRequest {
  /** Session token from the login (§1.4); optional because LGSP proxies authenticate otherwise (§12). */
  session?: string | undefined;
  /** Sending agency code (mã đơn vị), QCVN 102:2016 or QĐ 20/2020 (identifiers.md §2); strict. */
  madonvi: string;
  /** Always `DongBoHoSoMC`. */
  service: 'DongBoHoSoMC';
  /** `"True"` update / `"False"` create (O); every boolean-like form read, output a boolean. */
  isUpdating: boolean;
  /** The dossiers; at least one. */
  data: DvcqgDossier[];
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

const REQUEST_ENVELOPE_SHAPE = {
  session: z.string().min(1).optional(),
  madonvi: agencyCodeSchema,
  service: z.literal('DongBoHoSoMC'),
  isUpdating: wireBoolSchema,
};

/**
 * Schema of {@link DvcqgDongBoHoSoRequest}.
 *
 * @example
 * ```ts
 * import { dvcqgDongBoHoSoRequestSchema } from '@motcua/schemas/dvcqg';
 * dvcqgDongBoHoSoRequestSchema.safeParse({ madonvi: '000.00.00.H56', service: 'DongBoHoSoMC', isUpdating: 'False', data: [] }).success; // false (empty data)
 * ```
 * @category DVCQG
 */
export const dvcqgDongBoHoSoRequestSchema: z.ZodType<DvcqgDongBoHoSoRequest, unknown> = z.looseObject({
  ...REQUEST_ENVELOPE_SHAPE,
  data: z.array(dvcqgDossierSchema).min(1),
});

/**
 * The envelope of a `DongBoHoSoMC` request without its items (used to validate a batch
 * item by item).
 *
 * @example
 * ```ts
 * import { dvcqgDongBoHoSoEnvelopeSchema } from '@motcua/schemas/dvcqg';
 * dvcqgDongBoHoSoEnvelopeSchema.safeParse({ madonvi: '000.00.00.H56', service: 'DongBoHoSoMC', isUpdating: 'True', data: [{}] }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgDongBoHoSoEnvelopeSchema: z.ZodType<
  Omit<DvcqgDongBoHoSoRequest, 'data'> & { data: unknown[] },
  unknown
> = z.looseObject({ ...REQUEST_ENVELOPE_SHAPE, data: z.array(z.unknown()).min(1) });
