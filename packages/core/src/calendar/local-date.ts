/**
 * Plain calendar dates (no time, no zone) in the proleptic Gregorian calendar, and the
 * fixed Vietnamese civil offset used to turn instants into dates.
 *
 * @module
 */

/**
 * A calendar date with no time of day and no time zone, e.g. the day a holiday falls on.
 * `month` is 1–12, `day` 1–31.
 *
 * @example
 * ```ts
 * import type { LocalDate } from '@motcua/core/calendar';
 * const tet2025: LocalDate = { year: 2025, month: 1, day: 29 };
 * ```
 * @category Calendar
 */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * A date given either as a {@link LocalDate} or as an ISO `YYYY-MM-DD` string.
 * Functions taking one throw a `RangeError` when it is not a real date (a programmer
 * error: validate user input with {@link parseLocalDate} first).
 *
 * @example
 * ```ts
 * import type { LocalDateInput } from '@motcua/core/calendar';
 * const a: LocalDateInput = '2025-09-02';
 * const b: LocalDateInput = { year: 2025, month: 9, day: 2 };
 * ```
 * @category Calendar
 */
export type LocalDateInput = LocalDate | string;

/**
 * The outcome of parsing or converting something supplied by a user: never thrown,
 * always returned; the error is worded in Vietnamese and English.
 *
 * @example
 * ```ts
 * import { parseLocalDate, type CalendarResult, type LocalDate } from '@motcua/core/calendar';
 * const r: CalendarResult<LocalDate> = parseLocalDate('2025-02-30');
 * if (!r.ok) console.log(r.error.en); // '2025-02-30 is not a date in the calendar'
 * ```
 * @category Calendar
 */
export type CalendarResult<T> = { ok: true; value: T } | { ok: false; error: { vi: string; en: string } };

/**
 * Vietnam's civil offset from UTC in minutes: UTC+7 (Asia/Ho_Chi_Minh), fixed since
 * 13 June 1975 and used for every civil date here. (The South used UTC+8 from 1959 to
 * 1975; working days before 1975 are out of scope.)
 *
 * @example
 * ```ts
 * import { VIETNAM_UTC_OFFSET_MINUTES } from '@motcua/core/calendar';
 * VIETNAM_UTC_OFFSET_MINUTES / 60; // 7
 * ```
 * @category Calendar
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether a `{ year, month, day }` is a real Gregorian date with a four-digit year.
 *
 * @example
 * ```ts
 * import { isValidLocalDate } from '@motcua/core/calendar';
 * isValidLocalDate({ year: 2024, month: 2, day: 29 }); // true
 * isValidLocalDate({ year: 2025, month: 2, day: 29 }); // false
 * ```
 * @category Calendar
 */
export function isValidLocalDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Parses an ISO `YYYY-MM-DD` date typed by a user. Never throws.
 *
 * @example
 * ```ts
 * import { parseLocalDate } from '@motcua/core/calendar';
 * parseLocalDate('2025-01-29'); // { ok: true, value: { year: 2025, month: 1, day: 29 } }
 * parseLocalDate('29/01/2025').ok; // false
 * ```
 * @category Calendar
 */
export function parseLocalDate(text: string): CalendarResult<LocalDate> {
  const m = ISO_DATE.exec(text);
  if (m === null) {
    return {
      ok: false,
      error: {
        vi: `'${clip(text)}' không phải ngày dạng YYYY-MM-DD`,
        en: `'${clip(text)}' is not a date in the form YYYY-MM-DD`,
      },
    };
  }
  const value = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidLocalDate(value)) {
    return {
      ok: false,
      error: { vi: `Không có ngày ${text} trong lịch`, en: `${text} is not a date in the calendar` },
    };
  }
  return { ok: true, value };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Formats a date as ISO `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { formatLocalDate } from '@motcua/core/calendar';
 * formatLocalDate({ year: 2025, month: 9, day: 2 }); // '2025-09-02'
 * ```
 * @category Calendar
 */
export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Reads a {@link LocalDateInput}; throws a `RangeError` naming `what` when it is not a
 * real date (programmer error).
 *
 * @example
 * ```ts
 * import { toLocalDate } from '@motcua/core/calendar';
 * toLocalDate('2025-04-30'); // { year: 2025, month: 4, day: 30 }
 * ```
 * @category Calendar
 */
export function toLocalDate(input: LocalDateInput, what = 'date'): LocalDate {
  if (typeof input === 'string') {
    const r = parseLocalDate(input);
    if (!r.ok) throw new RangeError(`${what}: ${r.error.en}`);
    return r.value;
  }
  if (typeof input !== 'object' || input === null || !isValidLocalDate(input)) {
    throw new RangeError(`${what}: ${JSON.stringify(input)} is not a valid { year, month, day } date`);
  }
  return { year: input.year, month: input.month, day: input.day };
}

/**
 * Days since 1970-01-01 (negative before it): the integer all date arithmetic runs on.
 *
 * @example
 * ```ts
 * import { toEpochDay } from '@motcua/core/calendar';
 * toEpochDay({ year: 1970, month: 1, day: 2 }); // 1
 * ```
 * @category Calendar
 */
export function toEpochDay(date: LocalDate): number {
  // Howard Hinnant's days_from_civil.
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date `epochDay` days after 1970-01-01; inverse of {@link toEpochDay}.
 *
 * @example
 * ```ts
 * import { fromEpochDay } from '@motcua/core/calendar';
 * fromEpochDay(20117); // { year: 2025, month: 1, day: 29 }
 * ```
 * @category Calendar
 */
export function fromEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The date `days` days later (earlier when negative), in plain calendar days.
 *
 * @example
 * ```ts
 * import { addDays } from '@motcua/core/calendar';
 * addDays({ year: 2024, month: 2, day: 28 }, 2); // { year: 2024, month: 3, day: 1 }
 * ```
 * @category Calendar
 */
export function addDays(date: LocalDateInput, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days: ${days} is not an integer`);
  return fromEpochDay(toEpochDay(toLocalDate(date)) + days);
}

/**
 * ISO day of the week: 1 = Monday (thứ Hai) … 6 = Saturday (thứ Bảy), 7 = Sunday (Chủ nhật).
 *
 * @example
 * ```ts
 * import { isoDayOfWeek } from '@motcua/core/calendar';
 * isoDayOfWeek('2025-09-02'); // 2 (a Tuesday)
 * ```
 * @category Calendar
 */
export function isoDayOfWeek(date: LocalDateInput): number {
  return isoDayOfWeekOfEpochDay(toEpochDay(toLocalDate(date)));
}

/** ISO weekday of an epoch day (1970-01-01 was a Thursday). */
export function isoDayOfWeekOfEpochDay(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/**
 * Compares two dates: negative when `a` is earlier, 0 when equal, positive when later.
 *
 * @example
 * ```ts
 * import { compareLocalDates } from '@motcua/core/calendar';
 * compareLocalDates('2025-01-28', '2025-01-29'); // -1
 * ```
 * @category Calendar
 */
export function compareLocalDates(a: LocalDateInput, b: LocalDateInput): number {
  return Math.sign(toEpochDay(toLocalDate(a, 'a')) - toEpochDay(toLocalDate(b, 'b')));
}

/**
 * The Vietnamese civil date (UTC+7) of an instant.
 *
 * @example
 * ```ts
 * import { vietnamDateOf } from '@motcua/core/calendar';
 * vietnamDateOf(new Date('2025-01-28T18:30:00Z')); // { year: 2025, month: 1, day: 29 } (01:30 in Hà Nội)
 * ```
 * @category Calendar
 */
export function vietnamDateOf(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('instant: invalid Date');
  return fromEpochDay(Math.floor((ms + VIETNAM_UTC_OFFSET_MINUTES * 60_000) / MS_PER_DAY));
}
