/**
 * Messages of the DVCQG payment platform (Nền tảng thanh toán trực tuyến,
 * dvcqg-wire.md §16): `INIT`, `QUERY`, `GET_BILL`, each signed with the `MaXacThuc`
 * checksum — lower-case hex SHA-256 of the listed values joined with `|`, ending with
 * the partner's secret (§16.2).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  type DVCQG_PAYMENT_CHECKSUM_FIELDS,
  type DvcqgPaymentInit,
  type DvcqgPaymentQuery,
  type DvcqgThongTinBienLai,
  dvcqgPaymentInitSchema,
  dvcqgPaymentQuerySchema,
  paymentChecksumInput,
  wireDateFromInstant,
} from '@motcua/schemas/dvcqg';
import { AdapterError } from '../errors.ts';

/**
 * The kinds of checksummed payment message.
 *
 * @example
 * ```ts
 * import type { PaymentMessageKind } from '@motcua/adapters/payment';
 * const kind: PaymentMessageKind = 'CALLBACK';
 * ```
 * @category Payment
 */
export type PaymentMessageKind = keyof typeof DVCQG_PAYMENT_CHECKSUM_FIELDS;

/**
 * The partner's identity at the platform (§16.1). The secret is used only inside the
 * checksum; it is never sent.
 *
 * @example
 * ```ts
 * import type { PaymentPartner } from '@motcua/adapters/payment';
 * const partner: PaymentPartner = { partnerCode: 'THANHHOA', secret: process.env.PAYMENT_SECRET ?? '' };
 * ```
 * @category Payment
 */
export interface PaymentPartner {
  /** `MaDoiTac`. */
  partnerCode: string;
  /** The secret key of the checksum. */
  secret: string;
  /** `PhienBan` (default `"1.0.6"`, both sources). */
  version?: string | undefined;
}

/**
 * `MaXacThuc` of a payment message: lower-case hex SHA-256 (UTF-8) of the §16.2 fields of
 * `kind`, in order, joined with `|`, then `|` and the secret. Values are used exactly as
 * they are in `message` (numbers as written by `String`); absent values count as `""`.
 *
 * @example
 * ```ts
 * import { paymentChecksum } from '@motcua/adapters/payment';
 * paymentChecksum('QUERY', { LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: 'THANHHOA', MaThamChieu: 'dvc1', ThoiGianGD: '20250703090000' }, 's3cret');
 * // sha256('QUERY|1.0.6|THANHHOA|dvc1|20250703090000|s3cret') as lower-case hex
 * ```
 * @category Payment
 */
export function paymentChecksum(
  kind: PaymentMessageKind,
  message: Readonly<Record<string, unknown>>,
  secret: string,
): string {
  return createHash('sha256')
    .update(paymentChecksumInput(kind, message, secret), 'utf8')
    .digest('hex');
}

/**
 * What to pay: the `INIT` inputs that change per payment.
 *
 * @example
 * ```ts
 * import type { PaymentInitInput } from '@motcua/adapters/payment';
 * const input: PaymentInitInput = {
 *   reference: 'dvc0000000H56250701000120250703090000',
 *   amount: 8000,
 *   description: 'Phi cap ban sao trich luc khai sinh',
 *   ip: '203.0.113.7',
 * };
 * ```
 * @category Payment
 */
export interface PaymentInitInput {
  /** `MaThamChieu`: unique per payment (see {@link paymentReference}). */
  reference: string;
  /** `SoTien`: whole VND, at least 1. */
  amount: number;
  /** `ThongTinGiaoDich`. */
  description: string;
  /** `Ip`: the payer's address. */
  ip: string;
  /** `ThoiGianGD` (default: now). */
  at?: Date | undefined;
  /** `ThongTinBienLai` (§16.4). */
  receipt?: DvcqgThongTinBienLai | undefined;
  /** `NgonNgu` (default `"vi-VN"`). */
  language?: string | undefined;
  /** `MaKenhThanhToan` (default `"1"`). */
  channelCode?: string | undefined;
  /** `MaThietBi` (default `"1"`). */
  deviceCode?: string | undefined;
  /** `MaNganHang` (default `"PAYMENT"`). */
  bankCode?: string | undefined;
}

function invalid(what: string, issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): AdapterError {
  return new AdapterError(
    'PAYMENT_INVALID',
    `${what} is not valid: ${issues.map((i) => i.path.join('.')).join(', ')}`,
    {
      details: { issues: issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code })) },
    },
  );
}

/**
 * Builds a signed `INIT` message in the field order of §16.2. `ThoiGianGD` uses the
 * 24-hour `yyyyMMddHHmmss` in Vietnam time (§16.3: Thanh Hóa's 12-hour `hh` is a bug).
 * The message is checked with the wire schema ({@link AdapterError} `PAYMENT_INVALID`).
 *
 * @example
 * ```ts
 * import { buildPaymentInit } from '@motcua/adapters/payment';
 * const init = buildPaymentInit(
 *   { partnerCode: 'THANHHOA', secret: 's3cret' },
 *   { reference: 'dvc1', amount: 8000, description: 'Phi ban sao', ip: '203.0.113.7', at: new Date('2025-07-03T02:00:00Z') },
 * );
 * init.ThoiGianGD; // '20250703090000'
 * init.MaXacThuc.length; // 64
 * ```
 * @category Payment
 */
export function buildPaymentInit(partner: PaymentPartner, input: PaymentInitInput): DvcqgPaymentInit {
  const unsigned: Record<string, unknown> = {
    LoaiBanTin: 'INIT',
    PhienBan: partner.version ?? '1.0.6',
    MaDoiTac: partner.partnerCode,
    MaThamChieu: input.reference,
    SoTien: input.amount,
    LoaiHinhThanhToan: 'PAY',
    MaKenhThanhToan: input.channelCode ?? '1',
    MaThietBi: input.deviceCode ?? '1',
    NgonNgu: input.language ?? 'vi-VN',
    MaTienTe: 'VND',
    MaNganHang: input.bankCode ?? 'PAYMENT',
    ThongTinGiaoDich: input.description,
    ThoiGianGD: thoiGianGD(input.at),
    Ip: input.ip,
  };
  const message: Record<string, unknown> = {
    ...unsigned,
    MaXacThuc: paymentChecksum('INIT', unsigned, partner.secret),
  };
  if (input.receipt !== undefined) message.ThongTinBienLai = input.receipt;
  const checked = dvcqgPaymentInitSchema.safeParse(message);
  if (!checked.success) throw invalid('INIT', checked.error.issues);
  return message as DvcqgPaymentInit;
}

/**
 * Builds a signed `QUERY` (transaction status) or `GET_BILL` (receipt PDF) message for a
 * reference (§16.2).
 *
 * @example
 * ```ts
 * import { buildPaymentQuery } from '@motcua/adapters/payment';
 * const q = buildPaymentQuery({ partnerCode: 'THANHHOA', secret: 's3cret' }, 'QUERY', 'dvc1', new Date('2025-07-03T02:05:00Z'));
 * q.LoaiBanTin; // 'QUERY'
 * ```
 * @category Payment
 */
export function buildPaymentQuery(
  partner: PaymentPartner,
  kind: 'QUERY' | 'GET_BILL',
  reference: string,
  at?: Date,
): DvcqgPaymentQuery {
  const unsigned = {
    LoaiBanTin: kind,
    PhienBan: partner.version ?? '1.0.6',
    MaDoiTac: partner.partnerCode,
    MaThamChieu: reference,
    ThoiGianGD: thoiGianGD(at),
  };
  const message = { ...unsigned, MaXacThuc: paymentChecksum(kind, unsigned, partner.secret) };
  const checked = dvcqgPaymentQuerySchema.safeParse(message);
  if (!checked.success) throw invalid(kind, checked.error.issues);
  return message;
}

function thoiGianGD(at: Date | undefined): string {
  try {
    return wireDateFromInstant(at ?? new Date());
  } catch (cause) {
    throw new AdapterError('PAYMENT_INVALID', 'ThoiGianGD: not a valid time', { cause });
  }
}

/**
 * A payment reference (`MaThamChieu`) the way Thanh Hóa builds it (§16.3): `"dvc"`, the
 * dossier code without non-word characters, and the time as `yyyyMMddHHmmss`.
 *
 * @example
 * ```ts
 * import { paymentReference } from '@motcua/adapters/payment';
 * paymentReference('000.00.00.H56-250701-0001', new Date('2025-07-03T02:00:00Z'));
 * // 'dvc0000000H56250701000120250703090000'
 * ```
 * @category Payment
 */
export function paymentReference(dossierCode: string, at: Date = new Date()): string {
  return `dvc${dossierCode.replace(/\W/g, '')}${thoiGianGD(at)}`;
}
