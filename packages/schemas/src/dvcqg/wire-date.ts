/**
 * DVCQG wire dates: `yyyyMMddHHmmss`, 24-hour clock, Asia/Ho_Chi_Minh (UTC+07:00, no
 * daylight saving). dvcqg-wire.md §7 (implementations: OpenCPS `LUCENE_DATE_FORMAT`,
 * Thanh Hóa and Hà Giang `.ToString("yyyyMMddHHmmss")`).
 *
 * Because every wire date has exactly 14 digits, comparing two of them as strings
 * compares them in time; the cross-field rules rely on that.
 *
 * @module
 */
import { z } from 'zod';

/**
 * The format name used in `DATE_INVALID` messages.
 *
 * @example
 * ```ts
 * import { WIRE_DATE_FORMAT } from '@motcua/schemas/dvcqg';
 * WIRE_DATE_FORMAT; // 'yyyyMMddHHmmss'
 * ```
 * @category DVCQG
 */
export const WIRE_DATE_FORMAT = 'yyyyMMddHHmmss' as const;

/**
 * Smallest year accepted. `00010101000000` is what C#'s `default(DateTime)` formats to
 * (a missing date leaking into the payload), so years before 1900 are rejected as not a
 * real instant of an administrative procedure.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/**
 * The calendar fields of a wire date, in Vietnam local time.
 *
 * @example
 * ```ts
 * import type { WireDateParts } from '@motcua/schemas/dvcqg';
 * const p: WireDateParts = { year: 2025, month: 7, day: 1, hour: 8, minute: 30, second: 0 };
 * ```
 * @category DVCQG
 */
export interface WireDateParts {
  /** Four-digit year, 1900–2999. */
  year: number;
  /** Month, 1–12. */
  month: number;
  /** Day of month, 1–28/29/30/31 depending on the month. */
  day: number;
  /** Hour, 0–23 (24-hour clock). */
  hour: number;
  /** Minute, 0–59. */
  minute: number;
  /** Second, 0–59 (no leap seconds). */
  second: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function partsAreReal(p: WireDateParts): boolean {
  return (
    p.year >= MIN_YEAR &&
    p.year <= MAX_YEAR &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour >= 0 &&
    p.hour <= 23 &&
    p.minute >= 0 &&
    p.minute <= 59 &&
    p.second >= 0 &&
    p.second <= 59
  );
}

/**
 * Parses a `yyyyMMddHHmmss` wire date (thời điểm dạng yyyyMMddHHmmss) into its calendar
 * fields. Returns `undefined` for anything that is not a real instant: wrong length,
 * non-digits, month 13, 30 February, hour 24, minute 60, years before 1900. Never throws.
 *
 * @example
 * ```ts
 * import { parseWireDate } from '@motcua/schemas/dvcqg';
 * parseWireDate('20250701083000'); // { year: 2025, month: 7, day: 1, hour: 8, minute: 30, second: 0 }
 * parseWireDate('20250230083000'); // undefined (30 February)
 * ```
 * @category DVCQG
 */
export function parseWireDate(s: unknown): WireDateParts | undefined {
  if (typeof s !== 'string' || s.length !== 14) return undefined;
  const parts: WireDateParts = {
    year: digits(s, 0, 4),
    month: digits(s, 4, 6),
    day: digits(s, 6, 8),
    hour: digits(s, 8, 10),
    minute: digits(s, 10, 12),
    second: digits(s, 12, 14),
  };
  return partsAreReal(parts) ? parts : undefined;
}

/**
 * `true` when `s` is a `yyyyMMddHHmmss` wire date denoting a real instant. Allocation-free,
 * for hot paths.
 *
 * @example
 * ```ts
 * import { isWireDate } from '@motcua/schemas/dvcqg';
 * isWireDate('20250701083000'); // true
 * isWireDate('20251301083000'); // false (month 13)
 * ```
 * @category DVCQG
 */
export function isWireDate(s: string): boolean {
  if (s.length !== 14) return false;
  for (let i = 0; i < 14; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const d = (i: number): number => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(4) * 10 + d(5);
  const day = d(6) * 10 + d(7);
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    d(8) * 10 + d(9) <= 23 &&
    d(10) * 10 + d(11) <= 59 &&
    d(12) * 10 + d(13) <= 59
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats calendar fields as a `yyyyMMddHHmmss` wire date. Generation is strict: throws a
 * `RangeError` when the fields are not a real instant (the SDK never sends one).
 *
 * @example
 * ```ts
 * import { formatWireDate } from '@motcua/schemas/dvcqg';
 * formatWireDate({ year: 2025, month: 7, day: 1, hour: 8, minute: 30, second: 0 }); // '20250701083000'
 * ```
 * @category DVCQG
 */
export function formatWireDate(parts: WireDateParts): string {
  const p = parts;
  const allIntegers = [p.year, p.month, p.day, p.hour, p.minute, p.second].every(Number.isInteger);
  if (!allIntegers || !partsAreReal(p)) {
    throw new RangeError(`Not a real instant for ${WIRE_DATE_FORMAT}: ${JSON.stringify(parts)}`);
  }
  return pad(p.year, 4) + pad(p.month, 2) + pad(p.day, 2) + pad(p.hour, 2) + pad(p.minute, 2) + pad(p.second, 2);
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Formats an instant as a wire date in Vietnam time (UTC+07:00; Vietnam has no daylight
 * saving). Throws a `RangeError` for an invalid `Date` or a year outside 1900–2999.
 *
 * @example
 * ```ts
 * import { wireDateFromInstant } from '@motcua/schemas/dvcqg';
 * wireDateFromInstant(new Date('2025-07-01T01:30:00Z')); // '20250701083000'
 * ```
 * @category DVCQG
 */
export function wireDateFromInstant(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const d = new Date(t + VN_OFFSET_MS);
  return formatWireDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  });
}

/**
 * The instant a wire date denotes (read as Vietnam time, UTC+07:00), or `undefined` when
 * it is not a real instant.
 *
 * @example
 * ```ts
 * import { wireDateToInstant } from '@motcua/schemas/dvcqg';
 * wireDateToInstant('20250701083000')?.toISOString(); // '2025-07-01T01:30:00.000Z'
 * ```
 * @category DVCQG
 */
export function wireDateToInstant(s: unknown): Date | undefined {
  const p = parseWireDate(s);
  if (p === undefined) return undefined;
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - VN_OFFSET_MS);
}

const WIRE_DATE_PATTERN = '^[0-9]{14}$';
const DATE_PARAMS = { motcuaCode: 'DATE_INVALID', format: WIRE_DATE_FORMAT };

/**
 * A required wire date (`yyyyMMddHHmmss`, a real instant). Reports `DATE_INVALID`.
 *
 * @example
 * ```ts
 * import { wireDateSchema } from '@motcua/schemas/dvcqg';
 * wireDateSchema.safeParse('20250701083000').success; // true
 * wireDateSchema.safeParse('20250701240000').success; // false (hour 24)
 * ```
 * @category DVCQG
 */
export const wireDateSchema: z.ZodType<string> = z
  .string()
  .refine(isWireDate, { params: DATE_PARAMS })
  .meta({ description: 'yyyyMMddHHmmss, Asia/Ho_Chi_Minh', pattern: WIRE_DATE_PATTERN });

/**
 * An optional wire date. Lenient where real systems differ: `""` (how Thanh Hóa and
 * OpenCPS send an absent `NgayHenTra`, dvcqg-wire.md §7) and `null` (C# DTOs) are accepted
 * and mean "absent"; they are kept verbatim in the output.
 *
 * @example
 * ```ts
 * import { optionalWireDateSchema } from '@motcua/schemas/dvcqg';
 * optionalWireDateSchema.parse(''); // ''
 * optionalWireDateSchema.safeParse('2025-07-01').success; // false
 * ```
 * @category DVCQG
 */
export const optionalWireDateSchema: z.ZodType<string | null | undefined> = z
  .string()
  .refine((s) => s === '' || isWireDate(s), { params: DATE_PARAMS })
  .meta({ description: 'yyyyMMddHHmmss, Asia/Ho_Chi_Minh, or "" when absent', pattern: '^([0-9]{14})?$' })
  .nullish();

/**
 * `true` when an optional wire-date value carries a real date (not `undefined`, `null`, `""`
 * or garbage).
 *
 * @example
 * ```ts
 * import { hasWireDate } from '@motcua/schemas/dvcqg';
 * hasWireDate(''); // false
 * hasWireDate('20250701083000'); // true
 * ```
 * @category DVCQG
 */
export function hasWireDate(v: unknown): v is string {
  return typeof v === 'string' && isWireDate(v);
}
