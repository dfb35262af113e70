/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR code (vietqr.md), for
 * showing payers a NAPAS247 transfer to the agency's account or card.
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import { crc16CcittFalse, encodeTlv, parseTlv, type TlvField } from './tlv.ts';

/**
 * The NAPAS GUID in tag 38 → 00 (vietqr.md §3).
 *
 * @example
 * ```ts
 * import { NAPAS_GUID } from '@motcua/adapters/vietqr';
 * NAPAS_GUID; // 'A000000727'
 * ```
 * @category VietQR
 */
export const NAPAS_GUID = 'A000000727';

const SERVICE_CODES = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const;

/**
 * The additional data of tag 62 (vietqr.md §4); each value ≤ 25 ASCII characters.
 *
 * @example
 * ```ts
 * import type { VietQrAdditionalData } from '@motcua/adapters/vietqr';
 * const a: VietQrAdditionalData = { billNumber: 'NPS6869', purpose: 'thanh toan don hang' };
 * ```
 * @category VietQR
 */
export interface VietQrAdditionalData {
  /** 01 bill number. */
  billNumber?: string | undefined;
  /** 02 mobile number. */
  mobileNumber?: string | undefined;
  /** 03 store label. */
  storeLabel?: string | undefined;
  /** 04 loyalty number. */
  loyaltyNumber?: string | undefined;
  /** 05 reference label. */
  referenceLabel?: string | undefined;
  /** 06 customer label. */
  customerLabel?: string | undefined;
  /** 07 terminal label. */
  terminalLabel?: string | undefined;
  /** 08 purpose of transaction: the transfer memo. */
  purpose?: string | undefined;
  /** 09 additional consumer data request. */
  consumerDataRequest?: string | undefined;
}

const ADDITIONAL_IDS: ReadonlyArray<[keyof VietQrAdditionalData, string]> = [
  ['billNumber', '01'],
  ['mobileNumber', '02'],
  ['storeLabel', '03'],
  ['loyaltyNumber', '04'],
  ['referenceLabel', '05'],
  ['customerLabel', '06'],
  ['terminalLabel', '07'],
  ['purpose', '08'],
  ['consumerDataRequest', '09'],
];

/**
 * What to put in a VietQR code.
 *
 * @example
 * ```ts
 * import type { VietQrInput } from '@motcua/adapters/vietqr';
 * const input: VietQrInput = { bankBin: '970403', accountNumber: '0011012345678', amount: 180000, additional: { billNumber: 'NPS6869', purpose: 'thanh toan don hang' } };
 * ```
 * @category VietQR
 */
export interface VietQrInput {
  /** Acquirer / bank BIN, 6 digits (e.g. `970403`). */
  bankBin: string;
  /** Beneficiary account or card number, ≤ 19 characters. */
  accountNumber: string;
  /** `account` (QRIBFTTA, default) or `card` (QRIBFTTC). */
  service?: 'account' | 'card' | undefined;
  /** Amount in whole VND; makes the code dynamic (one-time, tag 01 = 12). */
  amount?: number | undefined;
  /** Static (`11`) or dynamic (`12`); default dynamic exactly when an amount is given. */
  initiation?: 'static' | 'dynamic' | undefined;
  /** Tag 62 data. */
  additional?: VietQrAdditionalData | undefined;
  /** 52 merchant category code (4 digits). */
  merchantCategoryCode?: string | undefined;
  /** 59 merchant name, ≤ 25. */
  merchantName?: string | undefined;
  /** 60 merchant city, ≤ 15. */
  merchantCity?: string | undefined;
  /** 61 postal code. */
  postalCode?: string | undefined;
}

/**
 * A decoded VietQR code.
 *
 * @example
 * ```ts
 * import type { VietQrData } from '@motcua/adapters/vietqr';
 * declare const qr: VietQrData;
 * qr.bankBin; // '970403'
 * ```
 * @category VietQR
 */
export interface VietQrData {
  /** Tag 01: `11` static, `12` dynamic. */
  initiation: 'static' | 'dynamic';
  /** Bank BIN (38 → 01 → 00). */
  bankBin: string;
  /** Account or card number (38 → 01 → 01). */
  accountNumber: string;
  /** `account`, `card`, or `other` for another service code. */
  service: 'account' | 'card' | 'other';
  /** 38 → 02 as written (`QRIBFTTA`, `QRIBFTTC`, …). */
  serviceCode: string;
  /** Tag 53 (`704` = VND). */
  currency: string;
  /** Tag 54 as a number, when present. */
  amount?: number | undefined;
  /** Tag 58. */
  country?: string | undefined;
  /** Tag 52. */
  merchantCategoryCode?: string | undefined;
  /** Tag 59. */
  merchantName?: string | undefined;
  /** Tag 60. */
  merchantCity?: string | undefined;
  /** Tag 61. */
  postalCode?: string | undefined;
  /** Tag 62. */
  additional: VietQrAdditionalData;
  /** Tag 63. */
  crc: string;
  /** Every root object, templates parsed, unknown tags kept. */
  fields: TlvField[];
}

/**
 * Why a payload is not a valid VietQR code.
 *
 * | Code | Meaning |
 * |---|---|
 * | `NOT_ASCII` | a character outside printable ASCII |
 * | `TLV_MALFORMED` | the root objects do not parse |
 * | `CRC_NOT_LAST` | tag 63 is missing, not last, or not 4 characters |
 * | `CRC_MISMATCH` | the CRC does not match the payload |
 * | `TEMPLATE_MALFORMED` | tag 38, 62 or 64 does not parse (e.g. NAPAS vector 6.1.1, vietqr.md §5.3) |
 * | `NOT_VIETQR` | a required object is missing or wrong (format indicator, tag 38 GUID, BIN, account, currency) |
 *
 * @example
 * ```ts
 * import type { VietQrErrorCode } from '@motcua/adapters/vietqr';
 * const code: VietQrErrorCode = 'CRC_MISMATCH';
 * ```
 * @category VietQR
 */
export type VietQrErrorCode =
  | 'NOT_ASCII'
  | 'TLV_MALFORMED'
  | 'CRC_NOT_LAST'
  | 'CRC_MISMATCH'
  | 'TEMPLATE_MALFORMED'
  | 'NOT_VIETQR';

/**
 * The result of {@link decodeVietQr}.
 *
 * @example
 * ```ts
 * import type { VietQrDecodeResult } from '@motcua/adapters/vietqr';
 * declare const r: VietQrDecodeResult;
 * if (!r.ok) console.warn(r.error.code, r.error.message);
 * ```
 * @category VietQR
 */
export type VietQrDecodeResult =
  | { ok: true; value: VietQrData }
  | { ok: false; error: { code: VietQrErrorCode; message: string; position?: number | undefined } };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function check(cond: boolean, message: string): void {
  if (!cond) throw new AdapterError('VIETQR_INVALID', message);
}

/**
 * Encodes a VietQR payload (vietqr.md §2–§6): tags in ascending order, currency `704`,
 * country `VN`, tag 63 last with the upper-case CRC over everything before it including
 * `6304`. Values must be printable ASCII (use {@link toVietQrText} for Vietnamese text);
 * a value that breaks a rule throws {@link AdapterError} `VIETQR_INVALID` — nothing is
 * silently cut.
 *
 * @example
 * ```ts
 * import { encodeVietQr } from '@motcua/adapters/vietqr';
 * encodeVietQr({ bankBin: '970403', accountNumber: '0011012345678', amount: 180000, additional: { billNumber: 'NPS6869', purpose: 'thanh toan don hang' } });
 * // '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E'
 * ```
 * @category VietQR
 */
export function encodeVietQr(input: VietQrInput): string {
  check(/^[0-9]{6}$/.test(input.bankBin), 'bankBin must be 6 digits');
  check(/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber), 'accountNumber must be 1–19 letters or digits');
  const service = input.service ?? 'account';
  const initiation = input.initiation ?? (input.amount === undefined ? 'static' : 'dynamic');
  const root: Array<{ id: string; value: string }> = [
    { id: '00', value: '01' },
    { id: '01', value: initiation === 'static' ? '11' : '12' },
    {
      id: '38',
      value: encodeTlv([
        { id: '00', value: NAPAS_GUID },
        {
          id: '01',
          value: encodeTlv([
            { id: '00', value: input.bankBin },
            { id: '01', value: input.accountNumber },
          ]),
        },
        { id: '02', value: SERVICE_CODES[service] },
      ]),
    },
  ];
  if (input.merchantCategoryCode !== undefined) {
    check(/^[0-9]{4}$/.test(input.merchantCategoryCode), 'merchantCategoryCode must be 4 digits');
    root.push({ id: '52', value: input.merchantCategoryCode });
  }
  root.push({ id: '53', value: '704' });
  if (input.amount !== undefined) {
    check(Number.isSafeInteger(input.amount) && input.amount > 0, 'amount must be a positive whole number of VND');
    const amount = String(input.amount);
    check(amount.length <= 13, 'amount must be at most 13 characters');
    root.push({ id: '54', value: amount });
  }
  root.push({ id: '58', value: 'VN' });
  const text = (id: string, value: string | undefined, max: number, what: string): void => {
    if (value === undefined) return;
    check(value.length > 0 && value.length <= max, `${what} must be 1–${max} characters`);
    check(PRINTABLE_ASCII.test(value), `${what} must be printable ASCII (see toVietQrText)`);
    root.push({ id, value });
  };
  text('59', input.merchantName, 25, 'merchantName');
  text('60', input.merchantCity, 15, 'merchantCity');
  text('61', input.postalCode, 10, 'postalCode');
  const additional: Array<{ id: string; value: string }> = [];
  for (const [key, id] of ADDITIONAL_IDS) {
    const v = input.additional?.[key];
    if (v === undefined) continue;
    check(v.length > 0 && v.length <= 25, `additional.${key} must be 1–25 characters`);
    check(PRINTABLE_ASCII.test(v), `additional.${key} must be printable ASCII (see toVietQrText)`);
    additional.push({ id, value: v });
  }
  if (additional.length > 0) root.push({ id: '62', value: encodeTlv(additional) });
  const body = `${encodeTlv(root)}6304`;
  return body + crc16CcittFalse(body);
}

/**
 * Decodes and checks a VietQR payload: printable ASCII, root objects, tag 63 last with
 * 4 characters, the CRC (compared case-insensitively) before any field is used, then
 * templates 38, 62 and 64 parsed strictly (inner length errors are reported, never
 * repaired). Unknown tags are kept in `fields`. Never throws.
 *
 * @example
 * ```ts
 * import { decodeVietQr } from '@motcua/adapters/vietqr';
 * const r = decodeVietQr('00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E');
 * r.ok && r.value.amount; // 180000
 * r.ok && r.value.additional.purpose; // 'thanh toan don hang'
 * ```
 * @category VietQR
 */
export function decodeVietQr(payload: string): VietQrDecodeResult {
  const fail = (code: VietQrErrorCode, message: string, position?: number): VietQrDecodeResult => ({
    ok: false,
    error: position === undefined ? { code, message } : { code, message, position },
  });
  if (typeof payload !== 'string' || !PRINTABLE_ASCII.test(payload)) {
    return fail('NOT_ASCII', 'the payload must be printable ASCII');
  }
  const root = parseTlv(payload);
  if (!root.ok) return fail('TLV_MALFORMED', root.error.message, root.error.position);
  const fields = root.fields;
  const last = fields.at(-1);
  if (
    last === undefined ||
    last.id !== '63' ||
    last.value.length !== 4 ||
    fields.filter((f) => f.id === '63').length !== 1
  ) {
    return fail('CRC_NOT_LAST', 'tag 63 (CRC, 4 characters) must be the last object');
  }
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (expected !== last.value.toUpperCase()) {
    return fail('CRC_MISMATCH', `CRC ${last.value} does not match the payload (expected ${expected})`);
  }
  // Templates, parsed strictly.
  let offset = 0;
  for (const f of fields) {
    if (f.id === '38' || f.id === '62' || f.id === '64') {
      const inner = parseTlv(f.value, offset + 4);
      if (!inner.ok) return fail('TEMPLATE_MALFORMED', `tag ${f.id}: ${inner.error.message}`, inner.error.position);
      f.children = inner.fields;
      if (f.id === '38') {
        let at = offset + 4;
        for (const child of inner.fields) {
          if (child.id !== '01') {
            at += 4 + child.value.length;
            continue;
          }
          const beneficiary = child;
          const deeper = parseTlv(beneficiary.value, at + 4);
          if (!deeper.ok) {
            return fail('TEMPLATE_MALFORMED', `tag 38 → 01: ${deeper.error.message}`, deeper.error.position);
          }
          beneficiary.children = deeper.fields;
          break;
        }
      }
    }
    offset += 4 + f.value.length;
  }
  const get = (id: string): string | undefined => fields.find((f) => f.id === id)?.value;
  if (fields[0]?.id !== '00' || fields[0].value !== '01') return fail('NOT_VIETQR', 'tag 00 must be first and "01"');
  const poi = get('01');
  if (poi !== '11' && poi !== '12') return fail('NOT_VIETQR', 'tag 01 must be "11" or "12"');
  const t38 = fields.find((f) => f.id === '38')?.children;
  if (t38 === undefined) return fail('NOT_VIETQR', 'tag 38 (VietQR merchant account) is missing');
  if (t38.find((c) => c.id === '00')?.value !== NAPAS_GUID)
    return fail('NOT_VIETQR', `tag 38 → 00 is not ${NAPAS_GUID}`);
  const beneficiary = t38.find((c) => c.id === '01')?.children;
  const bankBin = beneficiary?.find((c) => c.id === '00')?.value;
  const accountNumber = beneficiary?.find((c) => c.id === '01')?.value;
  if (bankBin === undefined || !/^[0-9]{6}$/.test(bankBin))
    return fail('NOT_VIETQR', 'tag 38 → 01 → 00 (BIN) is missing or not 6 digits');
  if (accountNumber === undefined || accountNumber === '' || accountNumber.length > 19) {
    return fail('NOT_VIETQR', 'tag 38 → 01 → 01 (account) is missing or longer than 19');
  }
  const serviceCode = t38.find((c) => c.id === '02')?.value ?? '';
  const currency = get('53');
  if (currency === undefined) return fail('NOT_VIETQR', 'tag 53 (currency) is missing');
  const value: VietQrData = {
    initiation: poi === '11' ? 'static' : 'dynamic',
    bankBin,
    accountNumber,
    service: serviceCode === SERVICE_CODES.account ? 'account' : serviceCode === SERVICE_CODES.card ? 'card' : 'other',
    serviceCode,
    currency,
    additional: {},
    crc: last.value,
    fields,
  };
  const amount = get('54');
  if (amount !== undefined) {
    if (!/^[0-9]+(\.[0-9]+)?$/.test(amount)) return fail('NOT_VIETQR', 'tag 54 (amount) is not a number');
    value.amount = Number(amount);
  }
  const optional: ReadonlyArray<[keyof VietQrData, string]> = [
    ['country', '58'],
    ['merchantCategoryCode', '52'],
    ['merchantName', '59'],
    ['merchantCity', '60'],
    ['postalCode', '61'],
  ];
  for (const [key, id] of optional) {
    const v = get(id);
    if (v !== undefined) (value as unknown as Record<string, unknown>)[key] = v;
  }
  const t62 = fields.find((f) => f.id === '62')?.children ?? [];
  for (const [key, id] of ADDITIONAL_IDS) {
    const v = t62.find((c) => c.id === id)?.value;
    if (v !== undefined) value.additional[key] = v;
  }
  return { ok: true, value };
}

/**
 * Vietnamese text as VietQR memo text: diacritics removed (đ → d, Đ → D), anything but
 * letters, digits and spaces dropped, spaces collapsed, cut to `max` characters
 * (default 25, vietqr.md §6).
 *
 * @example
 * ```ts
 * import { toVietQrText } from '@motcua/adapters/vietqr';
 * toVietQrText('Lệ phí hộ tịch – Đặng Thị Ánh'); // 'Le phi ho tich Dang Thi A'
 * ```
 * @category VietQR
 */
export function toVietQrText(text: string, max = 25): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}
