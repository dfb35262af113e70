/**
 * Calendar overrides: what a deployment adds to the shipped schedules — a new
 * Government announcement, a local day off, a province's reception rules — usually kept
 * in a JSON file and checked with {@link parseCalendarOverrides}.
 *
 * @module
 */
import { formatMessage, type Lang, type ValidationIssue, type ValidationResult } from '@motcua/schemas';
import {
  type AnnualHoliday,
  type BilingualText,
  HOLIDAY_IDS,
  type HolidayId,
  type ScheduleDay,
  type ScheduleDayKind,
} from './holidays.ts';
import { isoDayOfWeek, parseLocalDate } from './local-date.ts';
import type { HolidayAnnouncement, ScheduleConfidence } from './official-schedules.ts';

/**
 * A single date made a day off or a working day by an override, with the reason shown
 * by `explainDay`.
 *
 * @example
 * ```ts
 * import type { OverrideDay } from '@motcua/core/calendar';
 * const d: OverrideDay = { date: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' } };
 * ```
 * @category Calendar
 */
export interface OverrideDay {
  readonly date: string;
  readonly name: BilingualText;
}

/**
 * A complete holiday schedule for one year, replacing both the shipped announcements
 * and the default rule for every date of that Gregorian year.
 *
 * @example
 * ```ts
 * import type { YearScheduleOverride } from '@motcua/core/calendar';
 * const y: YearScheduleOverride = {
 *   year: 2027,
 *   source: 'Thông báo …/TB-BNV',
 *   days: [{ date: '2027-01-01', kind: 'holiday', holiday: 'new-year' }],
 * };
 * ```
 * @category Calendar
 */
export interface YearScheduleOverride {
  readonly year: number;
  readonly days: readonly ScheduleDay[];
  readonly source?: string;
}

/**
 * One office-hours interval, local time `HH:MM` (Vietnam, UTC+7), start inclusive, end exclusive.
 *
 * @example
 * ```ts
 * import type { OfficeInterval } from '@motcua/core/calendar';
 * const morning: OfficeInterval = { start: '07:30', end: '11:30' };
 * ```
 * @category Calendar
 */
export interface OfficeInterval {
  readonly start: string;
  readonly end: string;
}

/**
 * Reception rules that vary by province or agency.
 *
 * @example
 * ```ts
 * import type { LocalRules } from '@motcua/core/calendar';
 * const hcmc: LocalRules = { afternoonCutoff: '16:00', saturdayMorningReception: true };
 * ```
 * @category Calendar
 */
export interface LocalRules {
  /**
   * `HH:MM` from which a dossier counts as received on the next working day; `null`: no
   * afternoon cutoff (only arrivals after the close of office hours move).
   */
  readonly afternoonCutoff?: string | null;
  /** Office hours of a working day, in order, not overlapping. */
  readonly officeHours?: readonly OfficeInterval[];
  /**
   * The one-stop desk receives on Saturday mornings: a dossier received before the end
   * of the first office-hours interval of a Saturday counts as received that Saturday —
   * unless the Saturday is a holiday or inside a holiday break (the Friday before or the
   * Monday after is a day off).
   */
  readonly saturdayMorningReception?: boolean;
}

/**
 * Everything an overrides file can change. All parts are optional; precedence, from
 * strongest: `workingDays` / `daysOff` (single dates) › `years` (a whole year) ›
 * `announcements` (one holiday of one year, replacing a shipped one) › the shipped
 * announcements › the default rule. `annualHolidays` are added to every year not
 * replaced by `years`.
 *
 * @example
 * ```ts
 * import type { CalendarOverrides } from '@motcua/core/calendar';
 * const overrides: CalendarOverrides = {
 *   daysOff: [{ date: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' } }],
 *   localRules: { afternoonCutoff: '16:00' },
 * };
 * ```
 * @category Calendar
 */
export interface CalendarOverrides {
  readonly announcements?: readonly HolidayAnnouncement[];
  readonly years?: readonly YearScheduleOverride[];
  readonly daysOff?: readonly OverrideDay[];
  readonly workingDays?: readonly OverrideDay[];
  readonly annualHolidays?: readonly AnnualHoliday[];
  readonly localRules?: LocalRules;
}

/**
 * Messages of the calendar's own issue codes (the generic ones — `REQUIRED`,
 * `TYPE_INVALID`, `UNKNOWN_KEY`, … — come from `@motcua/schemas`).
 *
 * @example
 * ```ts
 * import { CALENDAR_MESSAGES } from '@motcua/core/calendar';
 * CALENDAR_MESSAGES.CALENDAR_DATE_CONFLICT.en; // 'Date {date} is listed both as a day off and as a working day'
 * ```
 * @category Calendar
 */
export const CALENDAR_MESSAGES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  CALENDAR_DATE_INVALID: {
    vi: "Ngày '{value}' không hợp lệ: cần dạng YYYY-MM-DD, là ngày có thật trong khoảng 1800–2199",
    en: "Date '{value}' is invalid: expected a real YYYY-MM-DD date within 1800–2199",
  },
  CALENDAR_TIME_INVALID: {
    vi: "Giờ '{value}' không hợp lệ: cần dạng HH:MM (00:00–24:00)",
    en: "Time '{value}' is invalid: expected HH:MM (00:00–24:00)",
  },
  CALENDAR_YEAR_MISMATCH: {
    vi: 'Ngày {date} không thuộc năm {year}',
    en: 'Date {date} is not in year {year}',
  },
  CALENDAR_DUPLICATE: {
    vi: '{what} đã được khai báo ở {other}',
    en: '{what} is already declared at {other}',
  },
  CALENDAR_DATE_CONFLICT: {
    vi: 'Ngày {date} vừa được khai báo là ngày nghỉ vừa là ngày làm việc',
    en: 'Date {date} is listed both as a day off and as a working day',
  },
  CALENDAR_OFFICE_HOURS_INVALID: {
    vi: 'Giờ làm việc phải có ít nhất một khoảng, mỗi khoảng bắt đầu trước khi kết thúc, theo thứ tự và không chồng lấn',
    en: 'Office hours need at least one interval, each starting before it ends, in order and not overlapping',
  },
  CALENDAR_SWAP_ON_WEEKDAY: {
    vi: 'Ngày làm bù {date} không phải thứ Bảy hoặc Chủ nhật',
    en: 'Swap working day {date} is not a Saturday or Sunday',
  },
};

/**
 * Options of {@link parseCalendarOverrides}.
 *
 * @example
 * ```ts
 * import type { ParseOverridesOptions } from '@motcua/core/calendar';
 * const o: ParseOverridesOptions = { lang: 'en' };
 * ```
 * @category Calendar
 */
export interface ParseOverridesOptions {
  /** Language of the issue messages; Vietnamese by default. */
  readonly lang?: Lang;
}

const KINDS: readonly ScheduleDayKind[] = ['holiday', 'compensation', 'swap-day-off', 'swap-working-day'];
const CONFIDENCES: readonly ScheduleConfidence[] = ['official', 'reported'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since midnight of an `HH:MM` time, or `undefined` when malformed. */
export function parseClockTime(text: string): number | undefined {
  const m = TIME.exec(text);
  if (m === null) return undefined;
  return m[1] === undefined ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

type Json = Record<string, unknown>;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Collects issues while walking the input; every check returns the cleaned value or `undefined`. */
class Checker {
  readonly issues: ValidationIssue[] = [];
  readonly #lang: Lang;

  constructor(lang: Lang) {
    this.#lang = lang;
  }

  report(
    path: string,
    code: string,
    params?: Record<string, string | number>,
    severity: 'error' | 'warning' = 'error',
  ) {
    const template = CALENDAR_MESSAGES[code];
    let message: string;
    if (template === undefined) {
      message = formatMessage(code, params, this.#lang);
    } else {
      message = template[this.#lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
        params?.[name] === undefined ? whole : String(params[name]),
      );
    }
    this.issues.push(
      params === undefined ? { path, code, severity, message } : { path, code, severity, message, params },
    );
  }

  object(v: unknown, path: string, allowed: readonly string[]): Json | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.report(path, 'TYPE_INVALID', { expected: 'object', received: typeName(v) });
      return undefined;
    }
    const unknown = Object.keys(v).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) this.report(path, 'UNKNOWN_KEY', { keys: unknown.join(', ') });
    return v as Json;
  }

  array(v: unknown, path: string): unknown[] | undefined {
    if (!Array.isArray(v)) {
      this.report(path, 'TYPE_INVALID', { expected: 'array', received: typeName(v) });
      return undefined;
    }
    return v;
  }

  string(v: unknown, path: string): string | undefined {
    if (typeof v !== 'string') {
      this.report(path, 'TYPE_INVALID', { expected: 'string', received: typeName(v) });
      return undefined;
    }
    return v;
  }

  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.report(path, 'TYPE_INVALID', { expected: 'number', received: typeName(v) });
      return undefined;
    }
    if (!Number.isInteger(v)) {
      this.report(path, 'NUMBER_NOT_INTEGER');
      return undefined;
    }
    if (v < min) {
      this.report(path, 'NUMBER_TOO_SMALL', { minimum: min });
      return undefined;
    }
    if (v > max) {
      this.report(path, 'NUMBER_TOO_BIG', { maximum: max });
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined {
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.report(path, 'VALUE_NOT_ALLOWED', { values: values.join(', ') });
      return undefined;
    }
    return v as T;
  }

  date(v: unknown, path: string): string | undefined {
    const s = this.string(v, path);
    if (s === undefined) return undefined;
    const r = parseLocalDate(s);
    if (!r.ok || r.value.year < 1800 || r.value.year > 2199) {
      this.report(path, 'CALENDAR_DATE_INVALID', { value: s.length > 40 ? `${s.slice(0, 40)}…` : s });
      return undefined;
    }
    return s;
  }

  time(v: unknown, path: string): string | undefined {
    const s = this.string(v, path);
    if (s === undefined) return undefined;
    if (parseClockTime(s) === undefined) {
      this.report(path, 'CALENDAR_TIME_INVALID', { value: s.length > 40 ? `${s.slice(0, 40)}…` : s });
      return undefined;
    }
    return s;
  }

  name(v: unknown, path: string): BilingualText | undefined {
    if (typeof v === 'string') {
      if (v.trim() === '') {
        this.report(path, 'REQUIRED');
        return undefined;
      }
      return { vi: v, en: v };
    }
    const o = this.object(v, path, ['vi', 'en']);
    if (o === undefined) return undefined;
    const vi = o.vi === undefined ? this.required(`${path}.vi`) : this.string(o.vi, `${path}.vi`);
    const en = o.en === undefined ? this.required(`${path}.en`) : this.string(o.en, `${path}.en`);
    return vi === undefined || en === undefined ? undefined : { vi, en };
  }

  required(path: string): undefined {
    this.report(path, 'REQUIRED');
    return undefined;
  }
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function checkScheduleDays(
  c: Checker,
  value: unknown,
  path: string,
  year: number | undefined,
  defaultHoliday: HolidayId | undefined,
): ScheduleDay[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: ScheduleDay[] = [];
  const seen = new Map<string, string>();
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['date', 'kind', 'holiday', 'name', 'relatedDate']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const date = o.date === undefined ? c.required(join(p, 'date')) : c.date(o.date, join(p, 'date'));
    const kind = o.kind === undefined ? c.required(join(p, 'kind')) : c.oneOf(o.kind, join(p, 'kind'), KINDS);
    const holiday = o.holiday === undefined ? defaultHoliday : c.oneOf(o.holiday, join(p, 'holiday'), HOLIDAY_IDS);
    const name = o.name === undefined ? undefined : c.name(o.name, join(p, 'name'));
    const related = o.relatedDate === undefined ? undefined : c.date(o.relatedDate, join(p, 'relatedDate'));
    if (
      date === undefined ||
      kind === undefined ||
      (o.holiday !== undefined && holiday === undefined) ||
      (o.name !== undefined && name === undefined) ||
      (o.relatedDate !== undefined && related === undefined)
    ) {
      ok = false;
      return;
    }
    if (year !== undefined && Number(date.slice(0, 4)) !== year) {
      c.report(join(p, 'date'), 'CALENDAR_YEAR_MISMATCH', { date, year });
      ok = false;
      return;
    }
    const previous = seen.get(date);
    if (previous !== undefined) {
      c.report(join(p, 'date'), 'CALENDAR_DUPLICATE', { what: date, other: previous });
      ok = false;
      return;
    }
    seen.set(date, p);
    if (kind === 'swap-working-day' && isoDayOfWeek(date) < 6) {
      c.report(join(p, 'date'), 'CALENDAR_SWAP_ON_WEEKDAY', { date }, 'warning');
    }
    out.push({
      date,
      kind,
      ...(holiday === undefined ? {} : { holiday }),
      ...(name === undefined ? {} : { name }),
      ...(related === undefined ? {} : { relatedDate: related }),
    });
  });
  return ok ? out : undefined;
}

function checkAnnouncements(c: Checker, value: unknown, path: string): HolidayAnnouncement[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: HolidayAnnouncement[] = [];
  const seen = new Map<string, string>();
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['year', 'holiday', 'days', 'source', 'confidence']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const year = o.year === undefined ? c.required(join(p, 'year')) : c.integer(o.year, join(p, 'year'), 1800, 2199);
    const holiday =
      o.holiday === undefined ? c.required(join(p, 'holiday')) : c.oneOf(o.holiday, join(p, 'holiday'), HOLIDAY_IDS);
    const source = o.source === undefined ? 'overrides' : c.string(o.source, join(p, 'source'));
    const confidence =
      o.confidence === undefined ? 'official' : c.oneOf(o.confidence, join(p, 'confidence'), CONFIDENCES);
    const days =
      o.days === undefined ? c.required(join(p, 'days')) : checkScheduleDays(c, o.days, join(p, 'days'), year, holiday);
    if (
      year === undefined ||
      holiday === undefined ||
      source === undefined ||
      confidence === undefined ||
      days === undefined
    ) {
      ok = false;
      return;
    }
    const key = `${year}/${holiday}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      c.report(p, 'CALENDAR_DUPLICATE', { what: key, other: previous });
      ok = false;
      return;
    }
    seen.set(key, p);
    out.push({ year, holiday, days, source, confidence });
  });
  return ok ? out : undefined;
}

function checkYears(c: Checker, value: unknown, path: string): YearScheduleOverride[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: YearScheduleOverride[] = [];
  const seen = new Map<number, string>();
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['year', 'days', 'source']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const year = o.year === undefined ? c.required(join(p, 'year')) : c.integer(o.year, join(p, 'year'), 1800, 2199);
    const source = o.source === undefined ? undefined : c.string(o.source, join(p, 'source'));
    const days =
      o.days === undefined
        ? c.required(join(p, 'days'))
        : checkScheduleDays(c, o.days, join(p, 'days'), year, undefined);
    if (year === undefined || days === undefined || (o.source !== undefined && source === undefined)) {
      ok = false;
      return;
    }
    const previous = seen.get(year);
    if (previous !== undefined) {
      c.report(p, 'CALENDAR_DUPLICATE', { what: String(year), other: previous });
      ok = false;
      return;
    }
    seen.set(year, p);
    out.push(source === undefined ? { year, days } : { year, days, source });
  });
  return ok ? out : undefined;
}

function checkOverrideDays(c: Checker, value: unknown, path: string): OverrideDay[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: OverrideDay[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['date', 'name']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const date = o.date === undefined ? c.required(join(p, 'date')) : c.date(o.date, join(p, 'date'));
    const name = o.name === undefined ? c.required(join(p, 'name')) : c.name(o.name, join(p, 'name'));
    if (date === undefined || name === undefined) {
      ok = false;
      return;
    }
    out.push({ date, name });
  });
  return ok ? out : undefined;
}

function checkAnnualHolidays(c: Checker, value: unknown, path: string): AnnualHoliday[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: AnnualHoliday[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['month', 'day', 'name', 'fromYear', 'toYear']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const month = o.month === undefined ? c.required(join(p, 'month')) : c.integer(o.month, join(p, 'month'), 1, 12);
    const maxDay = month === undefined ? 31 : ([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31);
    const day = o.day === undefined ? c.required(join(p, 'day')) : c.integer(o.day, join(p, 'day'), 1, maxDay);
    const name = o.name === undefined ? c.required(join(p, 'name')) : c.name(o.name, join(p, 'name'));
    const fromYear = o.fromYear === undefined ? undefined : c.integer(o.fromYear, join(p, 'fromYear'), 1800, 2199);
    const toYear = o.toYear === undefined ? undefined : c.integer(o.toYear, join(p, 'toYear'), 1800, 2199);
    if (
      month === undefined ||
      day === undefined ||
      name === undefined ||
      (o.fromYear !== undefined && fromYear === undefined) ||
      (o.toYear !== undefined && toYear === undefined)
    ) {
      ok = false;
      return;
    }
    out.push({
      month,
      day,
      name,
      ...(fromYear === undefined ? {} : { fromYear }),
      ...(toYear === undefined ? {} : { toYear }),
    });
  });
  return ok ? out : undefined;
}

function checkLocalRules(c: Checker, value: unknown, path: string): LocalRules | undefined {
  const o = c.object(value, path, ['afternoonCutoff', 'officeHours', 'saturdayMorningReception']);
  if (o === undefined) return undefined;
  let ok = true;
  const rules: { afternoonCutoff?: string | null; officeHours?: OfficeInterval[]; saturdayMorningReception?: boolean } =
    {};
  if (o.afternoonCutoff !== undefined) {
    if (o.afternoonCutoff === null) rules.afternoonCutoff = null;
    else {
      const t = c.time(o.afternoonCutoff, join(path, 'afternoonCutoff'));
      if (t === undefined) ok = false;
      else rules.afternoonCutoff = t;
    }
  }
  if (o.officeHours !== undefined) {
    const hours = checkOfficeHours(c, o.officeHours, join(path, 'officeHours'));
    if (hours === undefined) ok = false;
    else rules.officeHours = hours;
  }
  if (o.saturdayMorningReception !== undefined) {
    if (typeof o.saturdayMorningReception !== 'boolean') {
      c.report(join(path, 'saturdayMorningReception'), 'TYPE_INVALID', {
        expected: 'boolean',
        received: typeName(o.saturdayMorningReception),
      });
      ok = false;
    } else rules.saturdayMorningReception = o.saturdayMorningReception;
  }
  return ok ? rules : undefined;
}

function checkOfficeHours(c: Checker, value: unknown, path: string): OfficeInterval[] | undefined {
  const list = c.array(value, path);
  if (list === undefined) return undefined;
  const out: OfficeInterval[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const p = join(path, i);
    const o = c.object(item, p, ['start', 'end']);
    if (o === undefined) {
      ok = false;
      return;
    }
    const start = o.start === undefined ? c.required(join(p, 'start')) : c.time(o.start, join(p, 'start'));
    const end = o.end === undefined ? c.required(join(p, 'end')) : c.time(o.end, join(p, 'end'));
    if (start === undefined || end === undefined) ok = false;
    else out.push({ start, end });
  });
  if (!ok) return undefined;
  if (!officeHoursWellFormed(out)) {
    c.report(path, 'CALENDAR_OFFICE_HOURS_INVALID');
    return undefined;
  }
  return out;
}

/** At least one interval, each non-empty, sorted and disjoint. */
export function officeHoursWellFormed(hours: readonly OfficeInterval[]): boolean {
  if (hours.length === 0) return false;
  let previousEnd = -1;
  for (const h of hours) {
    const s = parseClockTime(h.start);
    const e = parseClockTime(h.end);
    if (s === undefined || e === undefined || s >= e || s < previousEnd) return false;
    previousEnd = e;
  }
  return true;
}

/**
 * Checks an overrides document (typically `JSON.parse` of a file) and returns it typed.
 * Never throws: problems come back as issues with a dotted `path`, a stable `code` and
 * a message in Vietnamese (default) or English. Names may be given as one string (used
 * for both languages) or as `{ "vi", "en" }`. Dates must be real `YYYY-MM-DD` dates in
 * 1800–2199; in `announcements` and `years` they must belong to the stated year, and a
 * day's `holiday` defaults to the announcement's.
 *
 * @example
 * ```ts
 * import { createCalendar, parseCalendarOverrides } from '@motcua/core/calendar';
 * const r = parseCalendarOverrides({
 *   announcements: [{
 *     year: 2027, holiday: 'national-day', source: 'Thông báo …/TB-BNV',
 *     days: [{ date: '2027-09-02', kind: 'holiday' }, { date: '2027-09-03', kind: 'holiday' }],
 *   }],
 *   daysOff: [{ date: '2027-03-08', name: 'Nghỉ theo quyết định của UBND tỉnh' }],
 * });
 * if (r.ok) createCalendar({ overrides: r.value }).isWorkingDay('2027-03-08'); // false
 * parseCalendarOverrides({ daysOff: [{ date: '2027-02-30', name: 'x' }] }).issues[0]?.code; // 'CALENDAR_DATE_INVALID'
 * ```
 * @category Calendar
 */
export function parseCalendarOverrides(
  json: unknown,
  options: ParseOverridesOptions = {},
): ValidationResult<CalendarOverrides> {
  const c = new Checker(options.lang ?? 'vi');
  const root = c.object(json, '', [
    '$schema',
    'description',
    'announcements',
    'years',
    'daysOff',
    'workingDays',
    'annualHolidays',
    'localRules',
  ]);
  if (root === undefined) return { ok: false, issues: c.issues };
  const value: {
    announcements?: HolidayAnnouncement[];
    years?: YearScheduleOverride[];
    daysOff?: OverrideDay[];
    workingDays?: OverrideDay[];
    annualHolidays?: AnnualHoliday[];
    localRules?: LocalRules;
  } = {};
  if (root.announcements !== undefined) {
    const v = checkAnnouncements(c, root.announcements, 'announcements');
    if (v !== undefined) value.announcements = v;
  }
  if (root.years !== undefined) {
    const v = checkYears(c, root.years, 'years');
    if (v !== undefined) value.years = v;
  }
  if (root.daysOff !== undefined) {
    const v = checkOverrideDays(c, root.daysOff, 'daysOff');
    if (v !== undefined) value.daysOff = v;
  }
  if (root.workingDays !== undefined) {
    const v = checkOverrideDays(c, root.workingDays, 'workingDays');
    if (v !== undefined) value.workingDays = v;
  }
  if (value.daysOff !== undefined && value.workingDays !== undefined) {
    const off = new Set(value.daysOff.map((d) => d.date));
    value.workingDays.forEach((d, i) => {
      if (off.has(d.date)) c.report(`workingDays.${i}.date`, 'CALENDAR_DATE_CONFLICT', { date: d.date });
    });
  }
  if (root.annualHolidays !== undefined) {
    const v = checkAnnualHolidays(c, root.annualHolidays, 'annualHolidays');
    if (v !== undefined) value.annualHolidays = v;
  }
  if (root.localRules !== undefined) {
    const v = checkLocalRules(c, root.localRules, 'localRules');
    if (v !== undefined) value.localRules = v;
  }
  if (root.description !== undefined && typeof root.description !== 'string') {
    c.report('description', 'TYPE_INVALID', { expected: 'string', received: typeName(root.description) });
  }
  return c.issues.some((i) => i.severity === 'error')
    ? { ok: false, issues: c.issues }
    : { ok: true, value, issues: c.issues };
}
