/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy rather than
 * from a table:
 *
 * 1. a month starts on the Vietnamese civil day (UTC+7) that contains the new moon;
 * 2. the 11th month is the month containing the winter solstice (Đông chí, the Sun at 270°);
 * 3. when 13 months separate two 11th months, the first of them after the 11th month
 *    with no major solar term (trung khí, the Sun at a multiple of 30°) is the leap
 *    month (tháng nhuận) and repeats the number of the month before it.
 *
 * These are the rules of the Chinese calendar since 1645; Vietnam applies them for its
 * own meridian (UTC+7), which is why Tết differs from the Chinese New Year in some
 * years (1985, 2007). The same convention — Hồ Ngọc Đức's, and the North's since
 * 1968 — is used for every year here: before 1968 printed Vietnamese almanacs followed
 * the Chinese calendar (UTC+8), so dates computed for earlier years can differ from
 * the almanacs of the time (Tết Mậu Thân 1968 itself fell on 29 January in the North and
 * 30 January in the South).
 *
 * @module
 */
import {
  epochDayOfJdUt,
  jdeToJdUt,
  jdUtOfMidnight,
  jdUtToJde,
  lunationNear,
  newMoonJde,
  solarLongitudeCrossing,
  sunApparentLongitude,
} from './astronomy.ts';
import {
  type CalendarResult,
  formatLocalDate,
  fromEpochDay,
  type LocalDate,
  type LocalDateInput,
  toEpochDay,
  toLocalDate,
} from './local-date.ts';

/**
 * A date in the Vietnamese lunar calendar. `year` is the Gregorian number of the year
 * in which that lunar year begins (Tết Ất Tỵ is lunar year 2025); `leap` marks a day of
 * a leap month (tháng nhuận).
 *
 * @example
 * ```ts
 * import type { LunarDate } from '@motcua/core/calendar';
 * const hungKings2025: LunarDate = { day: 10, month: 3, year: 2025, leap: false };
 * ```
 * @category Calendar
 */
export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

/**
 * One month of a lunar year: its number, whether it is the leap month, its first day
 * (mùng 1) in the Gregorian calendar and its length (29: tháng thiếu, 30: tháng đủ).
 *
 * @example
 * ```ts
 * import type { LunarMonth } from '@motcua/core/calendar';
 * const m: LunarMonth = { month: 6, leap: true, start: { year: 2025, month: 7, day: 25 }, length: 29 };
 * ```
 * @category Calendar
 */
export interface LunarMonth {
  readonly month: number;
  readonly leap: boolean;
  readonly start: LocalDate;
  readonly length: number;
}

/**
 * The Gregorian dates the lunar conversions accept: 1 January 1800 to 31 December 2199.
 * Outside it the extrapolated ΔT makes the astronomy untested.
 *
 * @example
 * ```ts
 * import { LUNAR_SUPPORTED_RANGE } from '@motcua/core/calendar';
 * LUNAR_SUPPORTED_RANGE.from; // '1800-01-01'
 * ```
 * @category Calendar
 */
export const LUNAR_SUPPORTED_RANGE: { readonly from: string; readonly to: string } = {
  from: '1800-01-01',
  to: '2199-12-31',
};

const MIN_EPOCH_DAY = toEpochDay({ year: 1800, month: 1, day: 1 });
const MAX_EPOCH_DAY = toEpochDay({ year: 2199, month: 12, day: 31 });

/**
 * Options of the lunar conversions.
 *
 * @example
 * ```ts
 * import { lunarNewYear, type LunarOptions } from '@motcua/core/calendar';
 * const china: LunarOptions = { utcOffsetHours: 8 };
 * lunarNewYear(1985, china); // { year: 1985, month: 2, day: 20 } — the Chinese New Year
 * ```
 * @category Calendar
 */
export interface LunarOptions {
  /**
   * The meridian the calendar is computed for, as hours east of UTC. Default 7
   * (Vietnam). 8 gives the Chinese calendar, which Vietnamese almanacs followed
   * before 1968 (in the South until 1975). A multiple of 0.25 in −12..14.
   */
  readonly utcOffsetHours?: number;
}

/** The months from one 11th month (inclusive) to the next (exclusive). */
interface Cycle {
  /** Lunation number of the first 11th month. */
  readonly k0: number;
  /** Epoch day of each month's first day, plus the next 11th month's: 13 or 14 entries. */
  readonly starts: readonly number[];
  /** Index of the leap month in `starts`, or -1. */
  readonly leapIndex: number;
}

/** The calendar for one meridian, with caches: every cached value is a pure function of its key. */
class LunarEngine {
  readonly offsetDays: number;
  readonly #newMoons = new Map<number, number>();
  readonly #cycles = new Map<number, Cycle>();

  constructor(offsetHours: number) {
    this.offsetDays = offsetHours / 24;
  }

  /** Epoch day of the civil date containing new moon `k`. */
  newMoonDay(k: number): number {
    let day = this.#newMoons.get(k);
    if (day === undefined) {
      day = epochDayOfJdUt(jdeToJdUt(newMoonJde(k)), this.offsetDays);
      this.#newMoons.set(k, day);
    }
    return day;
  }

  /** Lunation number of the month containing an epoch day. */
  lunationContaining(epochDay: number): number {
    let k = lunationNear(jdUtOfMidnight(epochDay, this.offsetDays) + 0.5);
    while (this.newMoonDay(k) > epochDay) k--;
    while (this.newMoonDay(k + 1) <= epochDay) k++;
    return k;
  }

  /** Index of the 30° sector the Sun is in at 00:00 civil time on an epoch day. */
  sunSectorAtMidnight(epochDay: number): number {
    return Math.floor(sunApparentLongitude(jdUtToJde(jdUtOfMidnight(epochDay, this.offsetDays))) / 30);
  }

  /** Lunation number of the 11th month of `year`: the month containing that December's solstice. */
  month11Lunation(year: number): number {
    const guess = jdUtOfMidnight(toEpochDay({ year, month: 12, day: 21 }), this.offsetDays);
    const solsticeDay = epochDayOfJdUt(solarLongitudeCrossing(270, guess), this.offsetDays);
    return this.lunationContaining(solsticeDay);
  }

  /** The months from the 11th month of `year` to the 11th month of `year + 1`. */
  cycle(year: number): Cycle {
    let cycle = this.#cycles.get(year);
    if (cycle !== undefined) return cycle;
    const k0 = this.month11Lunation(year);
    const k1 = this.month11Lunation(year + 1);
    const starts: number[] = [];
    for (let k = k0; k <= k1; k++) starts.push(this.newMoonDay(k));
    let leapIndex = -1;
    if (k1 - k0 === 13) {
      // The first month after the 11th without a major solar term: the Sun stays in one
      // 30° sector from its first midnight to the next month's first midnight.
      for (let i = 1; i < 13; i++) {
        if (this.sunSectorAtMidnight(starts[i] as number) === this.sunSectorAtMidnight(starts[i + 1] as number)) {
          leapIndex = i;
          break;
        }
      }
    }
    cycle = { k0, starts, leapIndex };
    this.#cycles.set(year, cycle);
    return cycle;
  }
}

const engines = new Map<number, LunarEngine>();

function engineFor(options: LunarOptions | undefined): LunarEngine {
  const hours = options?.utcOffsetHours ?? 7;
  if (!Number.isFinite(hours) || hours < -12 || hours > 14 || !Number.isInteger(hours * 4)) {
    throw new RangeError(`utcOffsetHours: ${hours} is not a multiple of 0.25 in -12..14`);
  }
  let engine = engines.get(hours);
  if (engine === undefined) {
    engine = new LunarEngine(hours);
    engines.set(hours, engine);
  }
  return engine;
}

/** Month number and leap flag of the month at `index` of a cycle. */
function monthAt(cycle: Cycle, index: number): { month: number; leap: boolean } {
  const shifted = cycle.leapIndex >= 0 && index >= cycle.leapIndex ? index - 1 : index;
  return { month: ((10 + shifted) % 12) + 1, leap: index === cycle.leapIndex };
}

function checkSolarRange(epochDay: number, what: string): void {
  if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw new RangeError(
      `${what}: ${formatLocalDate(fromEpochDay(epochDay))} is outside the supported range ${LUNAR_SUPPORTED_RANGE.from}..${LUNAR_SUPPORTED_RANGE.to}`,
    );
  }
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar (computed for UTC+7).
 * Throws a `RangeError` outside {@link LUNAR_SUPPORTED_RANGE} or for an invalid date.
 *
 * @example
 * ```ts
 * import { solarToLunar } from '@motcua/core/calendar';
 * solarToLunar('2025-01-29'); // { day: 1, month: 1, year: 2025, leap: false } — Tết Ất Tỵ
 * solarToLunar('1985-01-21'); // { day: 1, month: 1, year: 1985, leap: false } — a month before China's
 * solarToLunar('2025-08-01'); // { day: 8, month: 6, year: 2025, leap: true }
 * ```
 * @category Calendar
 */
export function solarToLunar(date: LocalDateInput, options?: LunarOptions): LunarDate {
  const engine = engineFor(options);
  const epochDay = toEpochDay(toLocalDate(date));
  checkSolarRange(epochDay, 'solarToLunar');
  const year = fromEpochDay(epochDay).year;
  let cycleYear = year;
  let cycle = engine.cycle(year);
  if (epochDay < (cycle.starts[0] as number)) {
    cycleYear = year - 1;
    cycle = engine.cycle(cycleYear);
  }
  const k = engine.lunationContaining(epochDay);
  const { month, leap } = monthAt(cycle, k - cycle.k0);
  return { day: epochDay - engine.newMoonDay(k) + 1, month, year: month >= 11 ? cycleYear : cycleYear + 1, leap };
}

/**
 * What a lunar date may look like when asked for: `leap` defaults to `false`.
 *
 * @example
 * ```ts
 * import type { LunarDateInput } from '@motcua/core/calendar';
 * const tet: LunarDateInput = { year: 2026, month: 1, day: 1 };
 * ```
 * @category Calendar
 */
export interface LunarDateInput {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap?: boolean;
}

/**
 * Converts a Vietnamese lunar date to the Gregorian calendar. A lunar date that does
 * not exist (day 30 of a 29-day month, a leap month the year does not have, a month
 * out of 1–12) is reported, not thrown: the result is `{ ok: false, error }` with the
 * reason in Vietnamese and English.
 *
 * @example
 * ```ts
 * import { lunarToSolar } from '@motcua/core/calendar';
 * lunarToSolar({ year: 2026, month: 1, day: 1 }); // { ok: true, value: { year: 2026, month: 2, day: 17 } }
 * lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }); // { ok: true, value: { year: 2025, month: 7, day: 25 } }
 * lunarToSolar({ year: 2024, month: 4, day: 1, leap: true }).ok; // false: 2024 has no leap 4th month
 * ```
 * @category Calendar
 */
export function lunarToSolar(lunar: LunarDateInput, options?: LunarOptions): CalendarResult<LocalDate> {
  const engine = engineFor(options);
  const { year, month, day } = lunar;
  const leap = lunar.leap === true;
  const label = `${day}/${month}${leap ? ' nhuận' : ''}/${year}`;
  const labelEn = `${year}-${month}-${day}${leap ? ' (leap month)' : ''}`;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    return {
      ok: false,
      error: {
        vi: `Ngày âm lịch ${label} không hợp lệ: tháng 1–12, ngày 1–30`,
        en: `Lunar date ${labelEn} is invalid: month 1–12, day 1–30`,
      },
    };
  }
  if (year < 1799 || year > 2199) {
    return {
      ok: false,
      error: {
        vi: `Năm âm lịch ${year} nằm ngoài phạm vi hỗ trợ (1800–2199)`,
        en: `Lunar year ${year} is outside the supported range (1800–2199)`,
      },
    };
  }
  const cycle = engine.cycle(month >= 11 ? year : year - 1);
  let index = month >= 11 ? month - 11 : month + 1;
  if (leap) {
    const leapMonth = cycle.leapIndex >= 0 ? monthAt(cycle, cycle.leapIndex).month : 0;
    if (leapMonth !== month) {
      const has =
        cycle.leapIndex >= 0 ? { vi: `nhuận tháng ${leapMonth}`, en: `its leap month is ${leapMonth}` } : null;
      return {
        ok: false,
        error: {
          vi: `Năm âm lịch ${year} không có tháng ${month} nhuận${has === null ? ' (năm không nhuận)' : ` (${has.vi})`}`,
          en: `Lunar year ${year} has no leap month ${month}${has === null ? ' (no leap month that year)' : ` (${has.en})`}`,
        },
      };
    }
    index = cycle.leapIndex;
  } else if (cycle.leapIndex >= 0 && index >= cycle.leapIndex) {
    index += 1;
  }
  const start = cycle.starts[index] as number;
  const length = (cycle.starts[index + 1] as number) - start;
  if (day > length) {
    return {
      ok: false,
      error: {
        vi: `Tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} chỉ có ${length} ngày`,
        en: `Lunar month ${month}${leap ? ' (leap)' : ''} of ${year} has only ${length} days`,
      },
    };
  }
  const epochDay = start + day - 1;
  if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    return {
      ok: false,
      error: {
        vi: `Ngày âm lịch ${label} nằm ngoài phạm vi hỗ trợ (${LUNAR_SUPPORTED_RANGE.from}..${LUNAR_SUPPORTED_RANGE.to})`,
        en: `Lunar date ${labelEn} is outside the supported range (${LUNAR_SUPPORTED_RANGE.from}..${LUNAR_SUPPORTED_RANGE.to})`,
      },
    };
  }
  return { ok: true, value: fromEpochDay(epochDay) };
}

/**
 * The months of a lunar year in order, from tháng Giêng (month 1) to tháng Chạp (month
 * 12), the leap month after the month it repeats. 12 or 13 entries. Throws a
 * `RangeError` for a year outside 1800–2199.
 *
 * @example
 * ```ts
 * import { lunarYearMonths } from '@motcua/core/calendar';
 * const months = lunarYearMonths(2023);
 * months.length; // 13
 * months[2]; // { month: 2, leap: true, start: { year: 2023, month: 3, day: 22 }, length: 29 }
 * ```
 * @category Calendar
 */
export function lunarYearMonths(year: number, options?: LunarOptions): LunarMonth[] {
  const engine = engineFor(options);
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`lunarYearMonths: year ${year} is outside the supported range 1800..2199`);
  }
  const result: LunarMonth[] = [];
  const collect = (cycleYear: number, wantLate: boolean): void => {
    const cycle = engine.cycle(cycleYear);
    for (let i = 0; i < cycle.starts.length - 1; i++) {
      const { month, leap } = monthAt(cycle, i);
      if (month >= 11 !== wantLate) continue;
      const start = cycle.starts[i] as number;
      result.push({ month, leap, start: fromEpochDay(start), length: (cycle.starts[i + 1] as number) - start });
    }
  };
  collect(year - 1, false);
  collect(year, true);
  return result;
}

/**
 * Tết Nguyên Đán: the Gregorian date of the first day of the lunar year `year`.
 * Throws a `RangeError` for a year outside 1800–2199.
 *
 * @example
 * ```ts
 * import { lunarNewYear } from '@motcua/core/calendar';
 * lunarNewYear(2007); // { year: 2007, month: 2, day: 17 } (China: 18 February)
 * ```
 * @category Calendar
 */
export function lunarNewYear(year: number, options?: LunarOptions): LocalDate {
  const engine = engineFor(options);
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`lunarNewYear: year ${year} is outside the supported range 1800..2199`);
  }
  const cycle = engine.cycle(year - 1);
  const index = cycle.leapIndex >= 0 && cycle.leapIndex <= 2 ? 3 : 2;
  return fromEpochDay(cycle.starts[index] as number);
}
