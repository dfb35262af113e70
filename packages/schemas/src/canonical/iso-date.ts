/**
 * Calendar dates (`YYYY-MM-DD`) and the proleptic Gregorian arithmetic the canonical
 * schemas use to compare them with instants.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';

/**
 * Ngày (a calendar date) in ISO 8601 extended form `YYYY-MM-DD`, with no time and no
 * offset. Dates of papers (ngày ban hành, thời hạn hiệu lực) are Vietnamese calendar
 * dates, so they compare with instants taken in Vietnam time (UTC+07:00).
 *
 * @example
 * ```ts
 * import type { IsoDate } from '@motcua/schemas';
 * const issueDate: IsoDate = '2025-07-01';
 * ```
 * @category Canonical
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Format label put in the params of `DATE_INVALID` issues about dates.
 *
 * @internal
 */
export const ISO_DATE_FORMAT = 'YYYY-MM-DD';

/**
 * Number of days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
 *
 * @internal
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `true` when year/month/day name a real day (month 1–12, day within the month).
 *
 * @internal
 */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 of a civil date (H. Hinnant's `days_from_civil`).
 *
 * @internal
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
 *
 * @internal
 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Splits a `YYYY-MM-DD` string naming a real day; `undefined` otherwise.
 *
 * @internal
 */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Zod schema of an {@link IsoDate}: `YYYY-MM-DD` naming a day that exists (no
 * `2025-02-29`, no month 13). Anything else is reported as `DATE_INVALID`.
 *
 * @example
 * ```ts
 * import { isoDateSchema } from '@motcua/schemas';
 * isoDateSchema.safeParse('2024-02-29').success; // true (leap year)
 * isoDateSchema.safeParse('2025-02-29').success; // false (DATE_INVALID)
 * ```
 * @category Canonical
 */
export const isoDateSchema: z.ZodType<IsoDate> = z
  .string()
  .superRefine((value, ctx) => {
    if (parseIsoDate(value) === undefined) ctx.addIssue(customIssue('DATE_INVALID', { format: ISO_DATE_FORMAT }));
  })
  .meta({
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: 'Calendar date YYYY-MM-DD (ngày).',
    examples: ['2025-07-01'],
  });
