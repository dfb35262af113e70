/**
 * DVCQG payment platform (Nền tảng thanh toán trực tuyến) messages, dvcqg-wire.md §16
 * (Thanh Hóa `DvcPaymentService`, OpenCPS `PayGateTerm`). The platform's own
 * specification was not available; constants below are what both sources send.
 *
 * Amounts (`SoTien`) are checked (whole, non-negative VND, as a number or a digit string)
 * but kept verbatim, because `MaXacThuc` is a SHA-256 over the received text.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue, type RawIssue } from '../validate.ts';
import { warn } from './identifier-warnings.ts';
import { parseWireAmount, verbatimAmountSchema } from './wire-amount.ts';
import { wireDateSchema } from './wire-date.ts';

const text = z.string().nullish();
const LOWER_HEX_64 = /^[0-9a-f]{64}$/;
const ANY_HEX_64 = /^[0-9a-fA-F]{64}$/;

/** `MaXacThuc`: lower-case hex SHA-256 (§16.2); `DVCQG_CHECKSUM_FORMAT` otherwise. */
const checksumSchema = z
  .string()
  .refine((s) => LOWER_HEX_64.test(s), { params: { motcuaCode: 'DVCQG_CHECKSUM_FORMAT' } });
/** Received checksums: any-case hex, compared by the caller after recomputation. */
const receivedChecksumSchema = z
  .string()
  .refine((s) => ANY_HEX_64.test(s), { params: { motcuaCode: 'DVCQG_CHECKSUM_FORMAT' } });

/** A payable amount: a whole VND amount of at least 1. */
const payableAmountSchema = verbatimAmountSchema.superRefine((v, ctx) => {
  if (parseWireAmount(v) === 0) ctx.addIssue(customIssue('NUMBER_TOO_SMALL', { minimum: 1 }));
});

/**
 * A fee line of the receipt (`ThongTinBienLai.PhiLePhi[]`).
 *
 * @example
 * ```ts
 * import type { DvcqgBienLaiPhiLePhi } from '@motcua/schemas/dvcqg';
 * const line: DvcqgBienLaiPhiLePhi = { LoaiPhiLePhi: '1', MaPhiLePhi: 'LP01', TenPhiLePhi: 'Lệ phí cấp bản sao', SoTien: '20000' };
 * ```
 * @category DVCQG
 */
export interface DvcqgBienLaiPhiLePhi {
  /** Fee type. */
  LoaiPhiLePhi?: string | number | null | undefined;
  /** Fee code. */
  MaPhiLePhi?: string | null | undefined;
  /** Fee name. */
  TenPhiLePhi?: string | null | undefined;
  /** Amount, whole VND, kept verbatim. */
  SoTien: string | number;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Receipt information (thông tin biên lai) sent with `INIT`, dvcqg-wire.md §16.4. Every
 * field is optional: which groups apply depends on the service (fees or fines).
 *
 * @example
 * ```ts
 * import type { DvcqgThongTinBienLai } from '@motcua/schemas/dvcqg';
 * const receipt: DvcqgThongTinBienLai = {
 *   MaDichVu: '2',
 *   MaDVC: '1.001193.01',
 *   MaTTHC: '1.001193',
 *   MaDonVi: '000.00.00.H56',
 *   MaHoSo: '000.00.00.H56-250701-0001',
 *   NoiDungThanhToan: 'Lệ phí cấp bản sao văn bằng',
 *   HoTenNguoiNop: 'Nguyễn Văn An',
 *   PhiLePhi: [{ LoaiPhiLePhi: '1', MaPhiLePhi: 'LP01', TenPhiLePhi: 'Lệ phí cấp bản sao', SoTien: '20000' }],
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgThongTinBienLai {
  /** Service: `"2"` = fees and charges (OpenCPS comment). */
  MaDichVu?: string | null | undefined;
  /** Public-service code, procedure code + `".01"` (identifiers.md §4). */
  MaDVC?: string | null | undefined;
  /** Public-service name. */
  TenDVC?: string | null | undefined;
  /** Procedure code. */
  MaTTHC?: string | null | undefined;
  /** Procedure name. */
  TenTTHC?: string | null | undefined;
  /** Agency identifier. */
  MaDonVi?: string | null | undefined;
  /** Agency name. */
  TenDonVi?: string | null | undefined;
  /** Dossier code. */
  MaHoSo?: string | null | undefined;
  /** Beneficiary account. */
  TKThuHuong?: string | null | undefined;
  /** Beneficiary bank code. */
  MaNHThuHuong?: string | null | undefined;
  /** Beneficiary account name. */
  TenTKThuHuong?: string | null | undefined;
  /** Fine type code. */
  MaLoaiHinhThuPhat?: string | null | undefined;
  /** Fine type name. */
  TenLoaiHinhThuPhat?: string | null | undefined;
  /** Deciding body code. */
  MaCoQuanQD?: string | null | undefined;
  /** Deciding body name. */
  TenCoQuanQD?: string | null | undefined;
  /** Treasury (kho bạc). */
  KhoBac?: string | null | undefined;
  /** Decision date; format unconfirmed. */
  NgayQD?: string | null | undefined;
  /** Decision number. */
  SoQD?: string | null | undefined;
  /** Violation time; format unconfirmed. */
  ThoiGianViPham?: string | null | undefined;
  /** Violation place. */
  DiaDiemViPham?: string | null | undefined;
  /** Violator. */
  TenNguoiViPham?: string | null | undefined;
  /** State-budget account. */
  TaiKhoanThuNSNN?: string | null | undefined;
  /** Payment content. */
  NoiDungThanhToan?: string | null | undefined;
  /** Payer's name. */
  HoTenNguoiNop?: string | null | undefined;
  /** Payer's ID number. */
  SoCMNDNguoiNop?: string | null | undefined;
  /** Payer's address. */
  DiaChiNguoiNop?: string | null | undefined;
  /** Payer's district (may be empty after the 2025 reform). */
  HuyenNguoiNop?: string | null | undefined;
  /** Payer's province. */
  TinhNguoiNop?: string | null | undefined;
  /** Fee lines. */
  PhiLePhi?: DvcqgBienLaiPhiLePhi[] | null | undefined;
  /** Payment items. */
  DSKhoanNop?:
    | Array<{ NoiDung?: string | null | undefined; SoTien: string | number; [extra: string]: unknown }>
    | null
    | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

const THONG_TIN_BIEN_LAI_TEXT_FIELDS = [
  'MaDichVu',
  'MaDVC',
  'TenDVC',
  'MaTTHC',
  'TenTTHC',
  'MaDonVi',
  'TenDonVi',
  'MaHoSo',
  'TKThuHuong',
  'MaNHThuHuong',
  'TenTKThuHuong',
  'MaLoaiHinhThuPhat',
  'TenLoaiHinhThuPhat',
  'MaCoQuanQD',
  'TenCoQuanQD',
  'KhoBac',
  'NgayQD',
  'SoQD',
  'ThoiGianViPham',
  'DiaDiemViPham',
  'TenNguoiViPham',
  'TaiKhoanThuNSNN',
  'NoiDungThanhToan',
  'HoTenNguoiNop',
  'SoCMNDNguoiNop',
  'DiaChiNguoiNop',
  'HuyenNguoiNop',
  'TinhNguoiNop',
] as const;

/**
 * Schema of {@link DvcqgThongTinBienLai}.
 *
 * @example
 * ```ts
 * import { dvcqgThongTinBienLaiSchema } from '@motcua/schemas/dvcqg';
 * dvcqgThongTinBienLaiSchema.safeParse({ PhiLePhi: [{ SoTien: -5 }] }).success; // false
 * ```
 * @category DVCQG
 */
export const dvcqgThongTinBienLaiSchema: z.ZodType<DvcqgThongTinBienLai, unknown> = z.looseObject({
  ...(Object.fromEntries(THONG_TIN_BIEN_LAI_TEXT_FIELDS.map((k) => [k, text])) as Record<
    (typeof THONG_TIN_BIEN_LAI_TEXT_FIELDS)[number],
    typeof text
  >),
  PhiLePhi: z
    .array(
      z.looseObject({
        LoaiPhiLePhi: z.union([z.string(), z.number()]).nullish(),
        MaPhiLePhi: text,
        TenPhiLePhi: text,
        SoTien: verbatimAmountSchema,
      }),
    )
    .nullish(),
  DSKhoanNop: z.array(z.looseObject({ NoiDung: text, SoTien: verbatimAmountSchema })).nullish(),
});

/**
 * Initiate payment (khởi tạo thanh toán), `LoaiBanTin = "INIT"`, POST to `InitUrl`
 * (§16.2). Fields in checksum order.
 *
 * @example
 * ```ts
 * import type { DvcqgPaymentInit } from '@motcua/schemas/dvcqg';
 * const init: DvcqgPaymentInit = {
 *   LoaiBanTin: 'INIT', PhienBan: '1.0.6', MaDoiTac: 'THANHHOA', MaThamChieu: 'dvc0000000H56250701000120250701090000',
 *   SoTien: '20000', LoaiHinhThanhToan: 'PAY', MaKenhThanhToan: '1', MaThietBi: '1', NgonNgu: 'vi-VN',
 *   MaTienTe: 'VND', MaNganHang: 'PAYMENT', ThongTinGiaoDich: 'Thanh toán lệ phí hồ sơ 000.00.00.H56-250701-0001',
 *   ThoiGianGD: '20250701090000', Ip: '10.0.0.12', MaXacThuc: '3f1d…64 hex…',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgPaymentInit {
  /** Always `INIT`. */
  LoaiBanTin: 'INIT';
  /** Protocol version; both sources send `"1.0.6"`. */
  PhienBan: string;
  /** Partner code at the platform. */
  MaDoiTac: string;
  /** Reference (Thanh Hóa: `"dvc"` + `MaHoSo` without non-word characters + timestamp). */
  MaThamChieu: string;
  /** Amount, whole VND ≥ 1; number or digit string, kept verbatim (checksum input). */
  SoTien: string | number;
  /** Always `PAY`. */
  LoaiHinhThanhToan: 'PAY';
  /** Payment channel; both sources send `"1"`. */
  MaKenhThanhToan: string;
  /** Device; both sources send `"1"`. */
  MaThietBi: string;
  /** Language, e.g. `"vi-VN"`. */
  NgonNgu: string;
  /** Always `VND`. */
  MaTienTe: 'VND';
  /** Bank code; both sources send `"PAYMENT"`. */
  MaNganHang: string;
  /** Transaction description. */
  ThongTinGiaoDich: string;
  /** Transaction time, `yyyyMMddHHmmss` with a 24-hour `HH` (§16.3); strict, the SDK generates it. */
  ThoiGianGD: string;
  /** Payer's IP address. */
  Ip: string;
  /** Lower-case hex SHA-256 checksum (§16.2). */
  MaXacThuc: string;
  /** Receipt information (§16.4). */
  ThongTinBienLai?: DvcqgThongTinBienLai | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgPaymentInit}.
 *
 * @example
 * ```ts
 * import { dvcqgPaymentInitSchema } from '@motcua/schemas/dvcqg';
 * dvcqgPaymentInitSchema.safeParse({ LoaiBanTin: 'INIT' }).success; // false
 * ```
 * @category DVCQG
 */
export const dvcqgPaymentInitSchema: z.ZodType<DvcqgPaymentInit, unknown> = z.looseObject({
  LoaiBanTin: z.literal('INIT'),
  PhienBan: z.string().min(1),
  MaDoiTac: z.string().min(1),
  MaThamChieu: z.string().min(1),
  SoTien: payableAmountSchema,
  LoaiHinhThanhToan: z.literal('PAY'),
  MaKenhThanhToan: z.string().min(1),
  MaThietBi: z.string().min(1),
  NgonNgu: z.string().min(1),
  MaTienTe: z.literal('VND'),
  MaNganHang: z.string().min(1),
  ThongTinGiaoDich: z.string(),
  ThoiGianGD: wireDateSchema,
  Ip: z.string().min(1),
  MaXacThuc: checksumSchema,
  ThongTinBienLai: dvcqgThongTinBienLaiSchema.nullish(),
});

/**
 * Warning rules of an `INIT` message: the receipt's fee lines do not add up to `SoTien`
 * (`DVCQG_PAYMENT_TOTAL_MISMATCH`; the payer would see a receipt that disagrees with the
 * charge).
 *
 * @example
 * ```ts
 * import { dvcqgPaymentInitWarnings, type DvcqgPaymentInit } from '@motcua/schemas/dvcqg';
 * declare const init: DvcqgPaymentInit;
 * dvcqgPaymentInitWarnings(init); // [] when the lines add up
 * ```
 * @category DVCQG
 */
export function dvcqgPaymentInitWarnings(m: DvcqgPaymentInit): RawIssue[] {
  const lines = m.ThongTinBienLai?.PhiLePhi ?? [];
  if (lines.length === 0) return [];
  let sum = 0;
  for (const l of lines) sum += parseWireAmount(l.SoTien) ?? 0;
  const total = parseWireAmount(m.SoTien) ?? 0;
  return sum === total ? [] : [warn('DVCQG_PAYMENT_TOTAL_MISMATCH', ['ThongTinBienLai', 'PhiLePhi'], { sum, total })];
}

/**
 * Query status (`QUERY`, POST `CheckConfirmUrl`) or get the receipt PDF (`GET_BILL`, POST
 * `InitReceiptUrl`) — the same fields (§16.2).
 *
 * @example
 * ```ts
 * import type { DvcqgPaymentQuery } from '@motcua/schemas/dvcqg';
 * const q: DvcqgPaymentQuery = {
 *   LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: 'THANHHOA',
 *   MaThamChieu: 'dvc0000000H56250701000120250701090000', ThoiGianGD: '20250701091500', MaXacThuc: '9a0b…64 hex…',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgPaymentQuery {
  /** `QUERY` or `GET_BILL`. */
  LoaiBanTin: 'QUERY' | 'GET_BILL';
  /** Protocol version. */
  PhienBan: string;
  /** Partner code. */
  MaDoiTac: string;
  /** Reference of the `INIT`. */
  MaThamChieu: string;
  /** Time, `yyyyMMddHHmmss` (24-hour); strict. */
  ThoiGianGD: string;
  /** Lower-case hex SHA-256 checksum. */
  MaXacThuc: string;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgPaymentQuery}.
 *
 * @example
 * ```ts
 * import { dvcqgPaymentQuerySchema } from '@motcua/schemas/dvcqg';
 * dvcqgPaymentQuerySchema.safeParse({ LoaiBanTin: 'REFUND' }).success; // false
 * ```
 * @category DVCQG
 */
export const dvcqgPaymentQuerySchema: z.ZodType<DvcqgPaymentQuery, unknown> = z.looseObject({
  LoaiBanTin: z.enum(['QUERY', 'GET_BILL']),
  PhienBan: z.string().min(1),
  MaDoiTac: z.string().min(1),
  MaThamChieu: z.string().min(1),
  ThoiGianGD: wireDateSchema,
  MaXacThuc: checksumSchema,
});

/**
 * The confirm callback (DVCQG → one-stop system, xác nhận thanh toán), §16.2. Received
 * data, so it is read leniently: `ThoiGianGD` is any text (Thanh Hóa formats it with a
 * 12-hour clock; hash it as received), `MaXacThuc` any-case hex, fields that may be empty
 * on failure are optional. The caller must recompute `MaXacThuc` and compare in constant
 * time before trusting anything here.
 *
 * @example
 * ```ts
 * import type { DvcqgPaymentCallback } from '@motcua/schemas/dvcqg';
 * const cb: DvcqgPaymentCallback = {
 *   LoaiBanTin: 'CONFIRM', MaLoi: '00', MaDoiTac: 'THANHHOA', MaThamChieu: 'dvc0000000H56250701000120250701090000',
 *   SoTien: '20000', MaTienTe: 'VND', MaGiaoDich: 'GD250701000123', MaNganHang: 'VCB',
 *   ThoiGianGD: '20250701091012', ThongTinGiaoDich: 'Thanh toán lệ phí', MaXacThuc: 'c4e1…64 hex…',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgPaymentCallback {
  /** Message type, set by DVCQG (value unconfirmed). */
  LoaiBanTin: string;
  /** Result code; `"00"` = success (both sources). String or number, kept verbatim. */
  MaLoi: string | number;
  /** Partner code. */
  MaDoiTac: string;
  /** Reference of the `INIT`. */
  MaThamChieu: string;
  /** Amount, whole VND; kept verbatim (checksum input). */
  SoTien: string | number;
  /** Currency. */
  MaTienTe?: string | null | undefined;
  /** Platform transaction id. */
  MaGiaoDich?: string | null | undefined;
  /** Bank code. */
  MaNganHang?: string | null | undefined;
  /** Transaction time as sent (format not enforced). */
  ThoiGianGD?: string | null | undefined;
  /** Transaction description. */
  ThongTinGiaoDich?: string | null | undefined;
  /** Hex SHA-256 checksum (any case accepted). */
  MaXacThuc: string;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgPaymentCallback}.
 *
 * @example
 * ```ts
 * import { dvcqgPaymentCallbackSchema } from '@motcua/schemas/dvcqg';
 * dvcqgPaymentCallbackSchema.safeParse({ MaLoi: '00' }).success; // false (fields missing)
 * ```
 * @category DVCQG
 */
export const dvcqgPaymentCallbackSchema: z.ZodType<DvcqgPaymentCallback, unknown> = z.looseObject({
  LoaiBanTin: z.string().min(1),
  MaLoi: z.union([z.string().min(1), z.number()]),
  MaDoiTac: z.string().min(1),
  MaThamChieu: z.string().min(1),
  SoTien: verbatimAmountSchema,
  MaTienTe: text,
  MaGiaoDich: text,
  MaNganHang: text,
  ThoiGianGD: text,
  ThongTinGiaoDich: text,
  MaXacThuc: receivedChecksumSchema,
});

/**
 * `true` when a payment `MaLoi` means success: `"00"` (both sources, §16.3). The number
 * `0` is also read as success, since a JSON number cannot keep the leading zero.
 *
 * @example
 * ```ts
 * import { isDvcqgPaymentSuccess } from '@motcua/schemas/dvcqg';
 * isDvcqgPaymentSuccess('00'); // true
 * isDvcqgPaymentSuccess('07'); // false
 * ```
 * @category DVCQG
 */
export function isDvcqgPaymentSuccess(maLoi: unknown): boolean {
  return maLoi === '00' || maLoi === 0;
}

/**
 * The fields whose values, joined with `|` and followed by the partner's secret, make the
 * `MaXacThuc` checksum input of each payment message (§16.2).
 *
 * @example
 * ```ts
 * import { DVCQG_PAYMENT_CHECKSUM_FIELDS } from '@motcua/schemas/dvcqg';
 * DVCQG_PAYMENT_CHECKSUM_FIELDS.QUERY.join('|'); // 'LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD'
 * ```
 * @category DVCQG
 */
export const DVCQG_PAYMENT_CHECKSUM_FIELDS: {
  readonly INIT: readonly string[];
  readonly QUERY: readonly string[];
  readonly GET_BILL: readonly string[];
  readonly CALLBACK: readonly string[];
} = {
  INIT: [
    'LoaiBanTin',
    'PhienBan',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'LoaiHinhThanhToan',
    'MaKenhThanhToan',
    'MaThietBi',
    'NgonNgu',
    'MaTienTe',
    'MaNganHang',
    'ThongTinGiaoDich',
    'ThoiGianGD',
    'Ip',
  ],
  QUERY: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  GET_BILL: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  CALLBACK: [
    'LoaiBanTin',
    'MaLoi',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'MaTienTe',
    'MaGiaoDich',
    'MaNganHang',
    'ThoiGianGD',
    'ThongTinGiaoDich',
  ],
};

/**
 * Builds the text whose SHA-256 (lower-case hex, UTF-8 — the encoding is unconfirmed) is
 * `MaXacThuc`: the values of {@link DVCQG_PAYMENT_CHECKSUM_FIELDS} for `kind`, exactly as
 * in `message` (absent values as `""`), joined with `|`, then `|` and the secret. Hashing
 * is left to the caller (no crypto in this package).
 *
 * @example
 * ```ts
 * import { paymentChecksumInput } from '@motcua/schemas/dvcqg';
 * paymentChecksumInput('QUERY', {
 *   LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: 'THANHHOA', MaThamChieu: 'dvc01', ThoiGianGD: '20250701091500',
 * }, 'bi-mat');
 * // 'QUERY|1.0.6|THANHHOA|dvc01|20250701091500|bi-mat'
 * ```
 * @category DVCQG
 */
export function paymentChecksumInput(
  kind: keyof typeof DVCQG_PAYMENT_CHECKSUM_FIELDS,
  message: Readonly<Record<string, unknown>>,
  secret: string,
): string {
  const parts = DVCQG_PAYMENT_CHECKSUM_FIELDS[kind].map((k) => {
    const v = message[k];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
  parts.push(secret);
  return parts.join('|');
}
