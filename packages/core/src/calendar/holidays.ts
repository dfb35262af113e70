/**
 * Public holidays (ngày nghỉ lễ, tết) and the default rule that places them in a year
 * when no official announcement is known.
 *
 * Bộ luật Lao động 2019 Điều 112 khoản 1 gives 11 paid days off: Tết Dương lịch (1
 * January), Tết Âm lịch (5 days), Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month),
 * Ngày Chiến thắng (30 April), Ngày Quốc tế Lao động (1 May) and Quốc khánh (2 September
 * plus one adjacent day). Điều 112 khoản 3 lets the Prime Minister fix the exact Tết and
 * National Day days each year; Điều 111 khoản 3 moves a holiday that falls on the weekly
 * rest day to the next working day (nghỉ bù). Public administrations rest on Saturday and
 * Sunday (the 40-hour week of QĐ 188/1999/QĐ-TTg).
 *
 * @module
 */
import { formatLocalDate, fromEpochDay, isoDayOfWeekOfEpochDay, type LocalDate, toEpochDay } from './local-date.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

/**
 * A text in Vietnamese and English.
 *
 * @example
 * ```ts
 * import type { BilingualText } from '@motcua/core/calendar';
 * const name: BilingualText = { vi: 'Quốc khánh', en: 'National Day' };
 * ```
 * @category Calendar
 */
export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

/**
 * The statutory holidays of Bộ luật Lao động 2019 Điều 112 khoản 1:
 * `new-year` (Tết Dương lịch), `tet` (Tết Nguyên Đán), `hung-kings` (Giỗ Tổ Hùng Vương),
 * `victory-day` (30/4), `labour-day` (1/5), `national-day` (Quốc khánh, 2/9).
 *
 * @example
 * ```ts
 * import type { HolidayId } from '@motcua/core/calendar';
 * const h: HolidayId = 'national-day';
 * ```
 * @category Calendar
 */
export type HolidayId = 'new-year' | 'tet' | 'hung-kings' | 'victory-day' | 'labour-day' | 'national-day';

/**
 * Every {@link HolidayId}, in calendar order.
 *
 * @example
 * ```ts
 * import { HOLIDAY_IDS } from '@motcua/core/calendar';
 * HOLIDAY_IDS.includes('tet'); // true
 * ```
 * @category Calendar
 */
export const HOLIDAY_IDS: readonly HolidayId[] = [
  'new-year',
  'tet',
  'hung-kings',
  'victory-day',
  'labour-day',
  'national-day',
];

/**
 * Names of the statutory holidays (Bộ luật Lao động 2019 Điều 112).
 *
 * @example
 * ```ts
 * import { HOLIDAY_NAMES } from '@motcua/core/calendar';
 * HOLIDAY_NAMES['hung-kings'].vi; // 'Giỗ Tổ Hùng Vương'
 * ```
 * @category Calendar
 */
export const HOLIDAY_NAMES: Readonly<Record<HolidayId, BilingualText>> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch (Tết Nguyên Đán)', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  'victory-day': { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' },
  'labour-day': { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1 May)' },
  'national-day': { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' },
};

/**
 * What a listed day of a holiday schedule is:
 *
 * - `holiday`: a statutory holiday day (it may fall on a weekend, then a `compensation` follows);
 * - `compensation`: nghỉ bù, the working day off that replaces a holiday lost to a weekend
 *   (Bộ luật Lao động 2019 Điều 111 khoản 3) or to another holiday;
 * - `swap-day-off`: hoán đổi, a working day given off to bridge holidays, worked back on a Saturday;
 * - `swap-working-day`: làm bù, the Saturday worked in exchange.
 *
 * @example
 * ```ts
 * import type { ScheduleDayKind } from '@motcua/core/calendar';
 * const k: ScheduleDayKind = 'swap-working-day';
 * ```
 * @category Calendar
 */
export type ScheduleDayKind = 'holiday' | 'compensation' | 'swap-day-off' | 'swap-working-day';

/**
 * One listed day of a year's holiday schedule. `date` is ISO `YYYY-MM-DD` so that
 * schedules read and write as JSON. `relatedDate` is the holiday a `compensation`
 * makes up for, or the other half of a swap.
 *
 * @example
 * ```ts
 * import type { ScheduleDay } from '@motcua/core/calendar';
 * const day: ScheduleDay = { date: '2023-09-04', kind: 'compensation', holiday: 'national-day', relatedDate: '2023-09-02' };
 * ```
 * @category Calendar
 */
export interface ScheduleDay {
  readonly date: string;
  readonly kind: ScheduleDayKind;
  /** The occasion, when it is a statutory one. */
  readonly holiday?: HolidayId;
  /** A name for a day that is not one of the statutory holidays (local or new holidays). */
  readonly name?: BilingualText;
  readonly relatedDate?: string;
}

/**
 * A holiday that recurs on the same Gregorian date every year and is not (yet) in the
 * Labour Code — for example Ngày Văn hóa Việt Nam (24 November), which the Politburo
 * decided in 2026 to make a paid day off pending an amendment of Điều 112. It gets the
 * same weekend compensation as the statutory holidays.
 *
 * @example
 * ```ts
 * import type { AnnualHoliday } from '@motcua/core/calendar';
 * const cultureDay: AnnualHoliday = {
 *   month: 11, day: 24, fromYear: 2026,
 *   name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
 * };
 * ```
 * @category Calendar
 */
export interface AnnualHoliday {
  readonly month: number;
  readonly day: number;
  readonly name: BilingualText;
  /** First year it applies to (inclusive); every year when absent. */
  readonly fromYear?: number;
  /** Last year it applies to (inclusive); every later year when absent. */
  readonly toYear?: number;
}

/** A statutory day before compensation is worked out. */
interface StatutoryDay {
  readonly epochDay: number;
  readonly holiday?: HolidayId;
  readonly name?: BilingualText;
}

/**
 * The adjacent National Day holiday of the default rule: the Government has always
 * picked the side that joins 2 September to a weekend — 3 September when the 2nd is
 * a Sunday, Monday or Thursday (2024: Monday → 3/9; 2021: Thursday → 3/9), 1 September
 * otherwise (2025: Tuesday → 1/9; 2022: Friday → 1/9; 2023: Saturday → 1/9; 2026:
 * Wednesday → 1/9).
 */
function nationalDayAdjacent(year: number): number {
  const second = toEpochDay({ year, month: 9, day: 2 });
  const dow = isoDayOfWeekOfEpochDay(second);
  return dow === 7 || dow === 1 || dow === 4 ? second + 1 : second - 1;
}

/** The statutory days of a year, before compensation (rule set in force that year). */
function statutoryDays(year: number, exclude: ReadonlySet<HolidayId>, extra: readonly AnnualHoliday[]): StatutoryDay[] {
  const days: StatutoryDay[] = [];
  const add = (holiday: HolidayId, date: LocalDate): void => {
    if (!exclude.has(holiday)) days.push({ epochDay: toEpochDay(date), holiday });
  };
  add('new-year', { year, month: 1, day: 1 });
  // Tết: the last day of the old lunar year and the first four of the new one.
  const tet = toEpochDay(lunarNewYear(year));
  for (let i = -1; i <= 3; i++) add('tet', fromEpochDay(tet + i));
  const hungKings = lunarToSolar({ year, month: 3, day: 10 });
  if (hungKings.ok) add('hung-kings', hungKings.value);
  add('victory-day', { year, month: 4, day: 30 });
  add('labour-day', { year, month: 5, day: 1 });
  add('national-day', { year, month: 9, day: 2 });
  // Bộ luật Lao động 2019 (in force from 2021) added the adjacent day; the 2012 Code had one day.
  if (year >= 2021) add('national-day', fromEpochDay(nationalDayAdjacent(year)));
  for (const h of extra) {
    if ((h.fromYear !== undefined && year < h.fromYear) || (h.toYear !== undefined && year > h.toYear)) continue;
    if (h.month === 2 && h.day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) continue;
    days.push({ epochDay: toEpochDay({ year, month: h.month, day: h.day }), name: h.name });
  }
  return days.sort((a, b) => a.epochDay - b.epochDay);
}

function isWeekendEpochDay(epochDay: number): boolean {
  return isoDayOfWeekOfEpochDay(epochDay) >= 6;
}

/**
 * Places holidays with the default rule and works out compensation (internal; see
 * {@link defaultHolidaySchedule}).
 *
 * `taken` holds days already off for another reason (announced schedules): a
 * compensation day never lands on one of them.
 */
export function placeStatutoryDays(
  year: number,
  options: { exclude?: ReadonlySet<HolidayId>; taken?: ReadonlySet<number>; extra?: readonly AnnualHoliday[] } = {},
): ScheduleDay[] {
  const statutory = statutoryDays(year, options.exclude ?? new Set(), options.extra ?? []);
  const statutoryDates = new Set(statutory.map((d) => d.epochDay));
  const taken = new Set(options.taken ?? []);
  const out: ScheduleDay[] = [];
  for (const d of statutory) {
    const label = d.holiday === undefined ? { name: d.name as BilingualText } : { holiday: d.holiday };
    out.push({ date: formatLocalDate(fromEpochDay(d.epochDay)), kind: 'holiday', ...label });
    if (!isWeekendEpochDay(d.epochDay) && !taken.has(d.epochDay)) {
      taken.add(d.epochDay);
      continue;
    }
    // Điều 111 khoản 3: a holiday on the weekly rest day is taken on the next working
    // day. Two holidays on one day are treated the same way (our reading: the worker
    // keeps the 11 days of Điều 112).
    let c = d.epochDay + 1;
    while (isWeekendEpochDay(c) || taken.has(c) || statutoryDates.has(c)) c++;
    taken.add(c);
    out.push({
      date: formatLocalDate(fromEpochDay(c)),
      kind: 'compensation',
      ...label,
      relatedDate: formatLocalDate(fromEpochDay(d.epochDay)),
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The holidays of a year by the default rule alone, ignoring official announcements:
 *
 * - the six statutory holidays of Bộ luật Lao động 2019 Điều 112 khoản 1;
 * - Tết = the last day of the old lunar year and the first four days of the new one;
 * - Quốc khánh = 2 September and the adjacent day on the side of the nearest weekend
 *   (3 September when the 2nd is a Sunday, Monday or Thursday, else 1 September) —
 *   from 2021; before 2021 (Bộ luật Lao động 2012) 2 September only;
 * - Giỗ Tổ Hùng Vương = 10th day of the (non-leap) 3rd lunar month;
 * - a holiday on a Saturday or Sunday, or on another holiday, is compensated on the next
 *   working day (Điều 111 khoản 3), in date order.
 *
 * `extra` adds recurring holidays that are not in the Code. Years 1800–2199.
 *
 * @example
 * ```ts
 * import { defaultHolidaySchedule } from '@motcua/core/calendar';
 * defaultHolidaySchedule(2023).filter((d) => d.kind === 'compensation').map((d) => d.date);
 * // ['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']
 * // (the Government split Tết 2023 differently: see OFFICIAL_ANNOUNCEMENTS)
 * ```
 * @category Calendar
 */
export function defaultHolidaySchedule(year: number, extra: readonly AnnualHoliday[] = []): ScheduleDay[] {
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`defaultHolidaySchedule: year ${year} is outside the supported range 1800..2199`);
  }
  return placeStatutoryDays(year, { extra });
}
