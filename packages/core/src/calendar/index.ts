/**
 * `@motcua/core/calendar`: the Vietnamese working-day and lunar calendar.
 *
 * - {@link solarToLunar} / {@link lunarToSolar}: the Vietnamese lunar calendar (UTC+7),
 *   computed from the astronomy (new moons, solar terms), with leap months;
 * - {@link createCalendar}: public holidays of Bộ luật Lao động 2019 Điều 112 with
 *   compensation (Điều 111), the Government's announced schedules, overrides;
 * - {@link isWorkingDay}, {@link addWorkingDays}, {@link workingDaysBetween},
 *   {@link dueDate}, {@link explainDay} on the default calendar.
 *
 * All civil dates are Vietnamese (Asia/Ho_Chi_Minh, UTC+7). Pure functions: no clock, no I/O.
 *
 * @module
 */
export {
  type AnnualHoliday,
  type BilingualText,
  defaultHolidaySchedule,
  HOLIDAY_IDS,
  HOLIDAY_NAMES,
  type HolidayId,
  type ScheduleDay,
  type ScheduleDayKind,
} from './holidays.ts';
export { formatVietnamInstant, type InstantInput, parseIsoInstant, toInstant } from './instant.ts';
export {
  addDays,
  type CalendarResult,
  compareLocalDates,
  formatLocalDate,
  fromEpochDay,
  isoDayOfWeek,
  isValidLocalDate,
  type LocalDate,
  type LocalDateInput,
  parseLocalDate,
  toEpochDay,
  toLocalDate,
  VIETNAM_UTC_OFFSET_MINUTES,
  vietnamDateOf,
} from './local-date.ts';
export {
  LUNAR_SUPPORTED_RANGE,
  type LunarDate,
  type LunarDateInput,
  type LunarMonth,
  type LunarOptions,
  lunarNewYear,
  lunarToSolar,
  lunarYearMonths,
  solarToLunar,
} from './lunar.ts';
export { type HolidayAnnouncement, OFFICIAL_ANNOUNCEMENTS, type ScheduleConfidence } from './official-schedules.ts';
export {
  CALENDAR_MESSAGES,
  type CalendarOverrides,
  type LocalRules,
  type OfficeInterval,
  type OverrideDay,
  type ParseOverridesOptions,
  parseCalendarOverrides,
  type YearScheduleOverride,
} from './overrides.ts';
export {
  addWorkingDays,
  type CalendarDay,
  type CalendarOptions,
  type CalendarRules,
  createCalendar,
  type DayExplanation,
  type DayReason,
  type DayReasonKind,
  defaultCalendar,
  dueDate,
  explainDay,
  isWorkingDay,
  type ProcessingTime,
  type ProcessingTimeUnit,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-calendar.ts';
