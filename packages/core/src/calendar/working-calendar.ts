/**
 * The working-day calendar of Vietnamese public administration: which days are worked,
 * how many working days separate two dates, and when a dossier is due.
 *
 * @module
 */
import {
  type AnnualHoliday,
  type BilingualText,
  HOLIDAY_NAMES,
  type HolidayId,
  placeStatutoryDays,
  type ScheduleDay,
} from './holidays.ts';
import { type InstantInput, toInstant } from './instant.ts';
import {
  formatLocalDate,
  fromEpochDay,
  isoDayOfWeekOfEpochDay,
  type LocalDate,
  type LocalDateInput,
  toEpochDay,
  toLocalDate,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './local-date.ts';
import { type LunarDate, solarToLunar } from './lunar.ts';
import { type HolidayAnnouncement, OFFICIAL_ANNOUNCEMENTS } from './official-schedules.ts';
import {
  type CalendarOverrides,
  type OfficeInterval,
  type OverrideDay,
  officeHoursWellFormed,
  parseClockTime,
} from './overrides.ts';

/**
 * Why a day is, or is not, a working day:
 * `weekend` (Saturday/Sunday), `holiday` (a statutory holiday day), `compensation`
 * (nghỉ bù), `swap-day-off` (hoán đổi: a weekday given off), `swap-working-day` (làm
 * bù: a Saturday worked), `override` (a date set by the deployment's overrides).
 *
 * @example
 * ```ts
 * import type { DayReasonKind } from '@motcua/core/calendar';
 * const k: DayReasonKind = 'compensation';
 * ```
 * @category Calendar
 */
export type DayReasonKind = 'weekend' | 'holiday' | 'compensation' | 'swap-day-off' | 'swap-working-day' | 'override';

/**
 * One reason in a {@link DayExplanation}.
 *
 * @example
 * ```ts
 * import type { DayReason } from '@motcua/core/calendar';
 * const r: DayReason = {
 *   kind: 'compensation',
 *   name: { vi: 'Nghỉ bù Quốc khánh (2/9) ngày 02/09/2023', en: 'Compensatory day off for National Day (2 September) of 2023-09-02' },
 *   holiday: 'national-day',
 *   relatedDate: '2023-09-02',
 * };
 * ```
 * @category Calendar
 */
export interface DayReason {
  readonly kind: DayReasonKind;
  readonly name: BilingualText;
  readonly holiday?: HolidayId;
  /** The holiday a compensation makes up for, or the other half of a swap. */
  readonly relatedDate?: string;
  /** Where the schedule comes from: a document, `overrides`, or the default rule. */
  readonly source?: string;
}

/**
 * The verdict on one date with its reasons, in order: weekend first, then schedule
 * entries, then overrides. A date with no reason is an ordinary working day.
 *
 * @example
 * ```ts
 * import { explainDay, type DayExplanation } from '@motcua/core/calendar';
 * const e: DayExplanation = explainDay('2023-09-04');
 * e.working; // false
 * e.reasons.map((r) => r.kind); // ['compensation']
 * ```
 * @category Calendar
 */
export interface DayExplanation {
  readonly date: LocalDate;
  readonly working: boolean;
  /** ISO day of the week: 1 = Monday … 7 = Sunday. */
  readonly dayOfWeek: number;
  readonly lunar: LunarDate;
  readonly reasons: readonly DayReason[];
}

/**
 * Units of a processing time (thời hạn giải quyết): working days (ngày làm việc),
 * calendar days (ngày), or working hours (giờ làm việc, counted in office hours).
 *
 * @example
 * ```ts
 * import type { ProcessingTimeUnit } from '@motcua/core/calendar';
 * const u: ProcessingTimeUnit = 'working-days';
 * ```
 * @category Calendar
 */
export type ProcessingTimeUnit = 'working-days' | 'days' | 'hours';

/**
 * A processing time as published for a procedure: `{ amount: 5, unit: 'working-days' }`.
 * `amount` is a non-negative integer for days, a non-negative number for hours.
 *
 * @example
 * ```ts
 * import type { ProcessingTime } from '@motcua/core/calendar';
 * const t: ProcessingTime = { amount: 3, unit: 'working-days' };
 * ```
 * @category Calendar
 */
export interface ProcessingTime {
  readonly amount: number;
  readonly unit: ProcessingTimeUnit;
}

/**
 * Options of {@link createCalendar}. Explicit options win over `overrides.localRules`,
 * which win over the defaults.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarOptions } from '@motcua/core/calendar';
 * const options: CalendarOptions = { afternoonCutoff: '16:00', saturdayMorningReception: true };
 * const calendar = createCalendar(options);
 * ```
 * @category Calendar
 */
export interface CalendarOptions {
  /** A deployment's overrides, usually from {@link parseCalendarOverrides}. */
  readonly overrides?: CalendarOverrides;
  /** Announced schedules to apply; {@link OFFICIAL_ANNOUNCEMENTS} by default, `[]` for the default rule only. */
  readonly announcements?: readonly HolidayAnnouncement[];
  /**
   * `HH:MM` from which a dossier counts as received the next working day. `null`: no
   * afternoon cutoff, only arrivals after the close of office hours move. Default `'16:30'`.
   */
  readonly afternoonCutoff?: string | null;
  /** Office hours of a working day. Default 07:30–11:30 and 13:00–17:00. */
  readonly officeHours?: readonly OfficeInterval[];
  /** Dossiers received on a Saturday morning count as received that day. Default `false`. */
  readonly saturdayMorningReception?: boolean;
}

/**
 * The rules a calendar runs with, after defaults and overrides are merged.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarRules } from '@motcua/core/calendar';
 * const rules: CalendarRules = createCalendar().rules;
 * rules.afternoonCutoff; // '16:30'
 * ```
 * @category Calendar
 */
export interface CalendarRules {
  readonly afternoonCutoff: string | null;
  readonly officeHours: readonly OfficeInterval[];
  readonly saturdayMorningReception: boolean;
}

/**
 * A date with its explanation, as listed by {@link WorkingCalendar.holidays}.
 *
 * @example
 * ```ts
 * import { createCalendar, type CalendarDay } from '@motcua/core/calendar';
 * const days: CalendarDay[] = createCalendar().holidays(2025);
 * days[0]?.date; // { year: 2025, month: 1, day: 1 } — Tết Dương lịch
 * ```
 * @category Calendar
 */
export type CalendarDay = DayExplanation;

/**
 * A working-day calendar: the statutory holidays, the announced schedules, the
 * deployment's overrides and its reception rules. Dates are Vietnamese civil dates
 * (UTC+7); supported dates are 1800-01-01 to 2199-12-31 (a `RangeError` outside, or for
 * a malformed date — validate user input with {@link parseLocalDate} first).
 *
 * @example
 * ```ts
 * import { createCalendar } from '@motcua/core/calendar';
 * const cal = createCalendar();
 * cal.isWorkingDay('2025-05-02'); // false — swapped with Saturday 26/4
 * cal.addWorkingDays('2025-04-29', 1); // { year: 2025, month: 5, day: 5 }
 * cal.dueDate('2025-04-29T09:00:00+07:00', { amount: 3, unit: 'working-days' }); // 2025-05-07T17:00:00+07:00
 * ```
 * @category Calendar
 */
export interface WorkingCalendar {
  /** The merged reception rules. */
  readonly rules: CalendarRules;
  /** Whether public administrations work on that date. */
  isWorkingDay(date: LocalDateInput): boolean;
  /** Whether the date is worked, and every reason why (weekend, holiday, compensation, swap, override). */
  explainDay(date: LocalDateInput): DayExplanation;
  /**
   * The `n`-th working day after `date` (before it when `n` is negative); `date` itself
   * when `n` is 0. For a working day `d`, `addWorkingDays(addWorkingDays(d, n), -n)` is `d`.
   */
  addWorkingDays(date: LocalDateInput, n: number): LocalDate;
  /**
   * Working days from `from` to `to`: when `to` is later, the working days after `from`
   * up to and including `to`; when earlier, minus the working days from `to` up to but
   * excluding `from`. So `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every
   * date `d` and integer `n`.
   */
  workingDaysBetween(from: LocalDateInput, to: LocalDateInput): number;
  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: LocalDateInput): LocalDate;
  /**
   * The day a dossier counts as received: the day it arrived if that is a working day
   * and it arrived before the afternoon cutoff (or a Saturday morning with
   * `saturdayMorningReception`), else the next working day. Counting starts the day after.
   */
  receptionDate(receivedAt: InstantInput): LocalDate;
  /** When a dossier received at `receivedAt` is due; see {@link dueDate} for the exact rules. */
  dueDate(receivedAt: InstantInput, processingTime: ProcessingTime): Date;
  /** Every listed date of a year (holidays, compensations, swaps, overrides), explained, in date order. */
  holidays(year: number): CalendarDay[];
}

/** Default office hours: 07:30–11:30 and 13:00–17:00 (8 hours, QĐ 188/1999/QĐ-TTg's 40-hour week). */
const DEFAULT_OFFICE_HOURS: readonly OfficeInterval[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

const DEFAULT_RULE_SOURCE = 'Bộ luật Lao động 2019 Điều 111–112 (quy tắc mặc định / default rule)';
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const MIN_EPOCH_DAY = toEpochDay({ year: 1800, month: 1, day: 1 });
const MAX_EPOCH_DAY = toEpochDay({ year: 2199, month: 12, day: 31 });

interface Entry extends ScheduleDay {
  readonly source: string;
}

function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function entryName(entry: ScheduleDay): BilingualText {
  if (entry.name !== undefined) return entry.name;
  if (entry.holiday !== undefined) return HOLIDAY_NAMES[entry.holiday];
  return { vi: 'Ngày nghỉ', en: 'Day off' };
}

function reasonOf(entry: Entry): DayReason {
  const base = entryName(entry);
  const related = entry.relatedDate;
  let name: BilingualText;
  switch (entry.kind) {
    case 'holiday':
      name = base;
      break;
    case 'compensation':
      name =
        related === undefined
          ? { vi: `Nghỉ bù ${base.vi}`, en: `Compensatory day off for ${base.en}` }
          : {
              vi: `Nghỉ bù ${base.vi} ngày ${vnDate(related)}`,
              en: `Compensatory day off for ${base.en} of ${related}`,
            };
      break;
    case 'swap-day-off':
      name =
        related === undefined
          ? { vi: `Nghỉ hoán đổi dịp ${base.vi}`, en: `Day off swapped for the ${base.en} break` }
          : {
              vi: `Nghỉ hoán đổi dịp ${base.vi}, làm bù ngày ${vnDate(related)}`,
              en: `Day off swapped for the ${base.en} break, worked back on ${related}`,
            };
      break;
    case 'swap-working-day':
      name =
        related === undefined
          ? { vi: `Làm bù dịp ${base.vi}`, en: `Working day in exchange for the ${base.en} break` }
          : {
              vi: `Làm bù cho ngày nghỉ ${vnDate(related)} dịp ${base.vi}`,
              en: `Working day in exchange for ${related} (${base.en} break)`,
            };
      break;
  }
  return {
    kind: entry.kind,
    name,
    ...(entry.holiday === undefined ? {} : { holiday: entry.holiday }),
    ...(related === undefined ? {} : { relatedDate: related }),
    source: entry.source,
  };
}

const WEEKEND_REASONS: Readonly<Record<number, DayReason>> = {
  6: { kind: 'weekend', name: { vi: 'Thứ Bảy (nghỉ hằng tuần)', en: 'Saturday (weekly rest day)' } },
  7: { kind: 'weekend', name: { vi: 'Chủ nhật (nghỉ hằng tuần)', en: 'Sunday (weekly rest day)' } },
};

const KIND_ORDER: Readonly<Record<ScheduleDay['kind'], number>> = {
  holiday: 0,
  compensation: 1,
  'swap-day-off': 2,
  'swap-working-day': 3,
};

function checkEpochDay(epochDay: number, what: string): void {
  if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw new RangeError(
      `${what}: ${formatLocalDate(fromEpochDay(epochDay))} is outside the supported range 1800-01-01..2199-12-31`,
    );
  }
}

function minutesOf(time: string, what: string): number {
  const m = parseClockTime(time);
  if (m === undefined) throw new RangeError(`${what}: '${time}' is not a time HH:MM`);
  return m;
}

/**
 * Creates a working-day calendar. Without options it is the calendar of public
 * administrations under Bộ luật Lao động 2019 (Điều 111–112) with the shipped
 * announcements ({@link OFFICIAL_ANNOUNCEMENTS}), office hours 07:30–11:30 and
 * 13:00–17:00, and a 16:30 afternoon cutoff. Throws a `RangeError` for malformed
 * options (a time that is not `HH:MM`, overlapping office hours); validate an
 * overrides file with {@link parseCalendarOverrides} first.
 *
 * @example
 * ```ts
 * import { createCalendar } from '@motcua/core/calendar';
 * const hanoi = createCalendar({
 *   officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
 *   afternoonCutoff: null,
 * });
 * hanoi.isWorkingDay('2026-01-10'); // true — Saturday worked back for Friday 2 January 2026
 * ```
 * @category Calendar
 */
export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const overrides = options.overrides ?? {};
  const local = overrides.localRules ?? {};
  const rules: CalendarRules = {
    afternoonCutoff:
      options.afternoonCutoff !== undefined
        ? options.afternoonCutoff
        : local.afternoonCutoff !== undefined
          ? local.afternoonCutoff
          : '16:30',
    officeHours: [...(options.officeHours ?? local.officeHours ?? DEFAULT_OFFICE_HOURS)],
    saturdayMorningReception: options.saturdayMorningReception ?? local.saturdayMorningReception ?? false,
  };
  if (!officeHoursWellFormed(rules.officeHours)) {
    throw new RangeError(
      `officeHours: ${JSON.stringify(rules.officeHours)} must be non-empty HH:MM intervals, in order, not overlapping`,
    );
  }
  const intervalsMs = rules.officeHours.map((h) => ({
    start: minutesOf(h.start, 'officeHours') * MS_PER_MINUTE,
    end: minutesOf(h.end, 'officeHours') * MS_PER_MINUTE,
  }));
  const closeMs = (intervalsMs[intervalsMs.length - 1] as { end: number }).end;
  // Without an afternoon cutoff, a dossier arriving after closing still counts from the next working day.
  const cutoffMs =
    rules.afternoonCutoff === null ? closeMs : minutesOf(rules.afternoonCutoff, 'afternoonCutoff') * MS_PER_MINUTE;
  const morningEndMs = (intervalsMs[0] as { end: number }).end;

  // User announcements replace shipped ones for the same year and holiday.
  const announcements = new Map<string, HolidayAnnouncement>();
  for (const a of options.announcements ?? OFFICIAL_ANNOUNCEMENTS) announcements.set(`${a.year}/${a.holiday}`, a);
  for (const a of overrides.announcements ?? []) announcements.set(`${a.year}/${a.holiday}`, a);
  const yearOverrides = new Map((overrides.years ?? []).map((y) => [y.year, y]));
  const extra: readonly AnnualHoliday[] = overrides.annualHolidays ?? [];
  const dayOverride = (list: readonly OverrideDay[] | undefined): Map<number, OverrideDay> =>
    new Map((list ?? []).map((d) => [toEpochDay(toLocalDate(d.date, 'overrides')), d]));
  const overrideOff = dayOverride(overrides.daysOff);
  const overrideWorking = dayOverride(overrides.workingDays);

  const years = new Map<number, Map<number, Entry[]>>();

  function buildYear(year: number): Map<number, Entry[]> {
    let entries: Entry[];
    const replaced = yearOverrides.get(year);
    if (replaced !== undefined) {
      entries = replaced.days.map((d) => ({ ...d, source: replaced.source ?? 'overrides' }));
    } else {
      entries = [];
      const exclude = new Set<HolidayId>();
      const taken = new Set<number>();
      for (const a of announcements.values()) {
        if (a.year !== year) continue;
        exclude.add(a.holiday);
        for (const d of a.days) {
          entries.push({ ...d, source: a.source });
          if (d.kind !== 'swap-working-day') taken.add(toEpochDay(toLocalDate(d.date, 'announcement')));
        }
      }
      for (const d of placeStatutoryDays(year, { exclude, taken, extra })) {
        entries.push({ ...d, source: DEFAULT_RULE_SOURCE });
      }
    }
    const table = new Map<number, Entry[]>();
    for (const e of entries) {
      const day = toEpochDay(toLocalDate(e.date, 'schedule'));
      const list = table.get(day);
      if (list === undefined) table.set(day, [e]);
      else list.push(e);
    }
    for (const list of table.values()) list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    return table;
  }

  function entriesOf(epochDay: number): readonly Entry[] {
    checkEpochDay(epochDay, 'date');
    const year = fromEpochDay(epochDay).year;
    let table = years.get(year);
    if (table === undefined) {
      table = buildYear(year);
      years.set(year, table);
    }
    return table.get(epochDay) ?? [];
  }

  function isWorking(epochDay: number): boolean {
    const entries = entriesOf(epochDay);
    if (overrideWorking.has(epochDay)) return true;
    if (overrideOff.has(epochDay)) return false;
    if (entries.some((e) => e.kind === 'swap-working-day')) return true;
    if (entries.length > 0) return false;
    return isoDayOfWeekOfEpochDay(epochDay) < 6;
  }

  /**
   * A Saturday off only because it is a Saturday: no holiday or override on it, and not
   * inside a holiday break (the Friday before and the Monday after are worked) — the
   * desk does not open on a Saturday of the Tết break.
   */
  function isPlainSaturday(epochDay: number): boolean {
    return (
      isoDayOfWeekOfEpochDay(epochDay) === 6 &&
      !overrideOff.has(epochDay) &&
      !overrideWorking.has(epochDay) &&
      entriesOf(epochDay).length === 0 &&
      isWorking(epochDay - 1) &&
      isWorking(epochDay + 2)
    );
  }

  function explain(epochDay: number): DayExplanation {
    const entries = entriesOf(epochDay);
    const dow = isoDayOfWeekOfEpochDay(epochDay);
    const reasons: DayReason[] = [];
    const weekend = WEEKEND_REASONS[dow];
    if (weekend !== undefined) reasons.push(weekend);
    for (const e of entries) reasons.push(reasonOf(e));
    for (const d of [overrideOff.get(epochDay), overrideWorking.get(epochDay)]) {
      if (d !== undefined) reasons.push({ kind: 'override', name: d.name, source: 'overrides' });
    }
    const date = fromEpochDay(epochDay);
    return { date, working: isWorking(epochDay), dayOfWeek: dow, lunar: solarToLunar(date), reasons };
  }

  function nextWorking(epochDay: number): number {
    let d = epochDay + 1;
    while (!isWorking(d)) d++;
    return d;
  }

  function onOrAfter(epochDay: number): number {
    return isWorking(epochDay) ? epochDay : nextWorking(epochDay);
  }

  function addWorking(epochDay: number, n: number): number {
    if (!Number.isSafeInteger(n)) throw new RangeError(`n: ${n} is not an integer`);
    let d = epochDay;
    const step = n < 0 ? -1 : 1;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      d += step;
      if (isWorking(d)) remaining--;
    }
    checkEpochDay(d, 'addWorkingDays');
    return d;
  }

  function between(a: number, b: number): number {
    let count = 0;
    if (a <= b) {
      for (let d = a + 1; d <= b; d++) if (isWorking(d)) count++;
      return count;
    }
    for (let d = b; d < a; d++) if (isWorking(d)) count++;
    return -count;
  }

  /** Vietnamese epoch day and milliseconds since local midnight of an instant. */
  function localParts(instant: Date): { day: number; ms: number } {
    const local = instant.getTime() + OFFSET_MS;
    const day = Math.floor(local / MS_PER_DAY);
    return { day, ms: local - day * MS_PER_DAY };
  }

  function reception(instant: Date): number {
    const { day, ms } = localParts(instant);
    checkEpochDay(day, 'receivedAt');
    if (isWorking(day)) return ms < cutoffMs ? day : nextWorking(day);
    if (rules.saturdayMorningReception && ms < morningEndMs && isPlainSaturday(day)) return day;
    return nextWorking(day);
  }

  function instantAt(epochDay: number, msOfDay: number): Date {
    return new Date(epochDay * MS_PER_DAY + msOfDay - OFFSET_MS);
  }

  function due(receivedAt: InstantInput, time: ProcessingTime): Date {
    const instant = toInstant(receivedAt, 'receivedAt');
    if (typeof time !== 'object' || time === null) throw new RangeError('processingTime: expected { amount, unit }');
    const { amount, unit } = time;
    if (unit === 'hours') {
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
        throw new RangeError(`processingTime.amount: ${amount} hours must be a non-negative number`);
      }
      return dueInHours(instant, Math.round(amount * 3_600_000));
    }
    if (unit !== 'working-days' && unit !== 'days') {
      throw new RangeError(`processingTime.unit: '${String(unit)}' is not 'working-days', 'days' or 'hours'`);
    }
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(`processingTime.amount: ${amount} ${unit} must be a non-negative integer`);
    }
    const start = reception(instant);
    let day: number;
    if (unit === 'working-days') day = amount === 0 ? onOrAfter(start) : addWorking(start, amount);
    // Bộ luật Dân sự 2015 Điều 148: a period ending on a day off ends on the next working day.
    else day = onOrAfter(start + amount);
    return instantAt(day, closeMs);
  }

  function dueInHours(instant: Date, budgetMs: number): Date {
    const { day: arrival, ms } = localParts(instant);
    checkEpochDay(arrival, 'receivedAt');
    let day = arrival;
    let position = ms;
    if (!isWorking(arrival) || ms >= cutoffMs) {
      day = nextWorking(arrival);
      position = 0;
    }
    let remaining = budgetMs;
    for (;;) {
      for (const { start, end } of intervalsMs) {
        if (position >= end) continue;
        const from = Math.max(position, start);
        if (remaining <= end - from) return instantAt(day, from + remaining);
        remaining -= end - from;
      }
      day = nextWorking(day);
      position = 0;
    }
  }

  function listYear(year: number): CalendarDay[] {
    if (!Number.isInteger(year) || year < 1800 || year > 2199) {
      throw new RangeError(`holidays: year ${year} is outside the supported range 1800..2199`);
    }
    const first = toEpochDay({ year, month: 1, day: 1 });
    entriesOf(first);
    const days = new Set<number>((years.get(year) ?? new Map()).keys());
    for (const d of [...overrideOff.keys(), ...overrideWorking.keys()]) if (fromEpochDay(d).year === year) days.add(d);
    return [...days].sort((a, b) => a - b).map(explain);
  }

  return {
    rules,
    isWorkingDay: (date) => isWorking(toEpochDay(toLocalDate(date))),
    explainDay: (date) => explain(toEpochDay(toLocalDate(date))),
    addWorkingDays: (date, n) => fromEpochDay(addWorking(toEpochDay(toLocalDate(date)), n)),
    workingDaysBetween: (from, to) => between(toEpochDay(toLocalDate(from, 'from')), toEpochDay(toLocalDate(to, 'to'))),
    workingDayOnOrAfter: (date) => fromEpochDay(onOrAfter(toEpochDay(toLocalDate(date)))),
    receptionDate: (receivedAt) => fromEpochDay(reception(toInstant(receivedAt, 'receivedAt'))),
    dueDate: due,
    holidays: listYear,
  };
}

let shared: WorkingCalendar | undefined;

/**
 * The calendar the free functions use: {@link createCalendar} with no options (shipped
 * announcements, default rules, 16:30 cutoff). Created on first use.
 *
 * @example
 * ```ts
 * import { defaultCalendar } from '@motcua/core/calendar';
 * defaultCalendar().isWorkingDay('2025-01-29'); // false — mùng 1 Tết Ất Tỵ
 * ```
 * @category Calendar
 */
export function defaultCalendar(): WorkingCalendar {
  shared ??= createCalendar();
  return shared;
}

/**
 * Whether public administrations work on a date, by the default calendar (Bộ luật Lao
 * động 2019 Điều 111–112 plus the shipped announcements). Throws a `RangeError` for a
 * malformed date or one outside 1800–2199.
 *
 * @example
 * ```ts
 * import { isWorkingDay } from '@motcua/core/calendar';
 * isWorkingDay('2025-09-01'); // false — Quốc khánh, adjacent day
 * isWorkingDay('2025-04-26'); // true — Saturday worked back for Friday 2 May
 * ```
 * @category Calendar
 */
export function isWorkingDay(date: LocalDateInput): boolean {
  return defaultCalendar().isWorkingDay(date);
}

/**
 * Explains a date by the default calendar: working or not, with every reason
 * (weekend, holiday of Bộ luật Lao động 2019 Điều 112, compensation, swap, override)
 * and its lunar date.
 *
 * @example
 * ```ts
 * import { explainDay } from '@motcua/core/calendar';
 * const e = explainDay('2022-05-03');
 * e.working; // false
 * e.reasons[0]?.name.en; // 'Compensatory day off for International Labour Day (1 May) of 2022-05-01'
 * ```
 * @category Calendar
 */
export function explainDay(date: LocalDateInput): DayExplanation {
  return defaultCalendar().explainDay(date);
}

/**
 * The `n`-th working day after a date (before it for negative `n`) by the default
 * calendar; the date itself for `n = 0`.
 *
 * @example
 * ```ts
 * import { addWorkingDays } from '@motcua/core/calendar';
 * addWorkingDays('2025-01-24', 1); // { year: 2025, month: 2, day: 3 } — over the Tết break
 * addWorkingDays('2025-02-03', -1); // { year: 2025, month: 1, day: 24 }
 * ```
 * @category Calendar
 */
export function addWorkingDays(date: LocalDateInput, n: number): LocalDate {
  return defaultCalendar().addWorkingDays(date, n);
}

/**
 * Working days from one date to another by the default calendar: working days after
 * `from` up to and including `to` (negative, counted from `to` up to but excluding
 * `from`, when `to` is earlier), so that `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 *
 * @example
 * ```ts
 * import { workingDaysBetween } from '@motcua/core/calendar';
 * workingDaysBetween('2025-01-24', '2025-02-03'); // 1
 * workingDaysBetween('2025-02-03', '2025-01-24'); // -1
 * ```
 * @category Calendar
 */
export function workingDaysBetween(from: LocalDateInput, to: LocalDateInput): number {
  return defaultCalendar().workingDaysBetween(from, to);
}

/**
 * When a dossier is due (ngày hẹn trả), by the default calendar (16:30 cutoff, office
 * hours 07:30–11:30 and 13:00–17:00); use {@link createCalendar} for other rules.
 *
 * 1. Reception day: the day the dossier arrived (Vietnamese time) if it is a working
 *    day and the dossier arrived before the afternoon cutoff; otherwise the next
 *    working day (with `saturdayMorningReception`, a plain Saturday before the end of
 *    the morning session counts too).
 * 2. `working-days`: the period starts the day after reception (Bộ luật Dân sự 2015
 *    Điều 147: the first day is not counted); due at the close of office hours (17:00) of
 *    the `amount`-th working day after the reception day. `amount: 0` is due at the close
 *    of the reception day (or the next working day).
 * 3. `days`: due at the close of office hours of the reception day plus `amount`
 *    calendar days, moved to the next working day when that is a day off (Điều 148).
 * 4. `hours`: working hours inside office hours, counted from the arrival instant (or
 *    from the next opening when it arrived outside office hours, on a day off or after
 *    the cutoff); due the instant they are used up, so never outside office hours.
 *
 * The result is never on a day off. Throws a `RangeError` for a malformed instant
 * or processing time.
 *
 * @example
 * ```ts
 * import { dueDate, formatVietnamInstant } from '@motcua/core/calendar';
 * formatVietnamInstant(dueDate('2025-04-29T09:00:00+07:00', { amount: 3, unit: 'working-days' }));
 * // '2025-05-07T17:00:00+07:00' — 30/4, 1/5, 2/5 (swap) and the weekend are skipped
 * formatVietnamInstant(dueDate('2025-04-29T16:45:00+07:00', { amount: 1, unit: 'working-days' }));
 * // '2025-05-06T17:00:00+07:00' — after the 16:30 cutoff: received on 5 May
 * formatVietnamInstant(dueDate('2025-04-29T15:00:00+07:00', { amount: 4, unit: 'hours' }));
 * // '2025-05-05T09:30:00+07:00'
 * ```
 * @category Calendar
 */
export function dueDate(receivedAt: InstantInput, processingTime: ProcessingTime): Date {
  return defaultCalendar().dueDate(receivedAt, processingTime);
}
