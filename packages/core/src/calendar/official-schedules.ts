/**
 * The Government's announced holiday schedules for public servants (công chức, viên
 * chức: Saturday and Sunday off), shipped as data. Each entry replaces the default rule
 * for one holiday of one year; holidays without an entry follow the default rule of
 * {@link defaultHolidaySchedule}, which is exact whenever no bridge or Tết split was
 * announced (2022 entirely, and most fixed-date holidays).
 *
 * Only announcements we could document are here. `confidence`:
 * - `official`: the document number and content were seen in the Government's or a
 *   state news agency's report of it;
 * - `reported`: taken from several press reports of the schedule whose source document
 *   we did not read; correct it with an override if it turns out wrong.
 *
 * Private employers choose their own split (Điều 112 khoản 3 binds the public sector);
 * this calendar models public administration, which is what one-stop deadlines use.
 *
 * @module
 */
import type { HolidayId, ScheduleDay } from './holidays.ts';

/**
 * How sure we are of a shipped schedule: `official` (document seen) or `reported`
 * (press reports only).
 *
 * @example
 * ```ts
 * import type { ScheduleConfidence } from '@motcua/core/calendar';
 * const c: ScheduleConfidence = 'official';
 * ```
 * @category Calendar
 */
export type ScheduleConfidence = 'official' | 'reported';

/**
 * The announced schedule of one holiday in one year: it replaces the default rule for
 * that holiday. `days` lists every weekday given off (`holiday`, `compensation`,
 * `swap-day-off`) and every Saturday worked back (`swap-working-day`); weekend days
 * inside the break need not be listed.
 *
 * @example
 * ```ts
 * import type { HolidayAnnouncement } from '@motcua/core/calendar';
 * const newYear2026: HolidayAnnouncement = {
 *   year: 2026,
 *   holiday: 'new-year',
 *   source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
 *   confidence: 'official',
 *   days: [
 *     { date: '2026-01-01', kind: 'holiday', holiday: 'new-year' },
 *     { date: '2026-01-02', kind: 'swap-day-off', holiday: 'new-year', relatedDate: '2026-01-10' },
 *     { date: '2026-01-10', kind: 'swap-working-day', holiday: 'new-year', relatedDate: '2026-01-02' },
 *   ],
 * };
 * ```
 * @category Calendar
 */
export interface HolidayAnnouncement {
  readonly year: number;
  readonly holiday: HolidayId;
  readonly days: readonly ScheduleDay[];
  /** The document (number, date, issuer) or the reports the schedule comes from. */
  readonly source: string;
  readonly confidence: ScheduleConfidence;
}

const tet = (date: string): ScheduleDay => ({ date, kind: 'holiday', holiday: 'tet' });

/**
 * Announced schedules shipped with motcua (2021–2026), applied by
 * {@link createCalendar} unless `announcements` says otherwise.
 *
 * | Year | Holiday | Schedule | Confidence |
 * |---|---|---|---|
 * | 2021 | Tết | 10/2–16/2 (29 Chạp – mùng 5) | reported |
 * | 2023 | Tết | 20/1–26/1 (29 Chạp – mùng 5) | reported |
 * | 2024 | Tết | 8/2–14/2 (29 Chạp – mùng 5) | reported |
 * | 2024 | 30/4 | off Mon 29/4, worked Sat 4/5 | reported |
 * | 2025 | Tết | 25/1–2/2 (weekdays 27/1–31/1) | official |
 * | 2025 | 30/4 | off Fri 2/5, worked Sat 26/4 | official |
 * | 2026 | 1/1 | off Fri 2/1, worked Sat 10/1 | official |
 * | 2026 | Tết | 14/2–22/2 (weekdays 16/2–20/2) | official |
 * | 2026 | 2/9 | 1/9 and 2/9; off Mon 31/8, worked Sat 22/8 | reported |
 *
 * @example
 * ```ts
 * import { OFFICIAL_ANNOUNCEMENTS } from '@motcua/core/calendar';
 * OFFICIAL_ANNOUNCEMENTS.filter((a) => a.year === 2025).map((a) => a.holiday); // ['tet', 'victory-day']
 * ```
 * @category Calendar
 */
export const OFFICIAL_ANNOUNCEMENTS: readonly HolidayAnnouncement[] = [
  {
    year: 2021,
    holiday: 'tet',
    source:
      'Bộ LĐTB&XH, lịch nghỉ Tết Tân Sửu cho công chức, viên chức: 10/2/2021 (29 tháng Chạp) – hết 16/2/2021 (mùng 5 tháng Giêng), theo báo chí',
    confidence: 'reported',
    days: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'].map(tet),
  },
  {
    year: 2023,
    holiday: 'tet',
    source:
      'Phó Thủ tướng Vũ Đức Đam đồng ý đề nghị của Bộ LĐTB&XH: nghỉ Tết Quý Mão 20/1/2023 – hết 26/1/2023, theo báo chí',
    confidence: 'reported',
    days: ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'].map(tet),
  },
  {
    year: 2024,
    holiday: 'tet',
    source:
      'Bộ LĐTB&XH, lịch nghỉ Tết Giáp Thìn cho công chức, viên chức: 8/2/2024 (29 tháng Chạp) – hết 14/2/2024 (mùng 5 tháng Giêng), theo báo chí',
    confidence: 'reported',
    days: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map(tet),
  },
  {
    year: 2024,
    holiday: 'victory-day',
    source:
      'Thủ tướng Chính phủ đồng ý hoán đổi: nghỉ 27/4–1/5/2024, đổi thứ Hai 29/4 sang làm bù thứ Bảy 4/5/2024, theo báo chí',
    confidence: 'reported',
    days: [
      { date: '2024-04-29', kind: 'swap-day-off', holiday: 'victory-day', relatedDate: '2024-05-04' },
      { date: '2024-04-30', kind: 'holiday', holiday: 'victory-day' },
      { date: '2024-05-04', kind: 'swap-working-day', holiday: 'victory-day', relatedDate: '2024-04-29' },
    ],
  },
  {
    year: 2025,
    holiday: 'tet',
    source:
      'Công văn 8726/VPCP-KGVX ngày 26/11/2024 (ý kiến Thủ tướng Chính phủ): nghỉ Tết Ất Tỵ 25/1/2025 (26 tháng Chạp) – hết 2/2/2025 (mùng 5 tháng Giêng)',
    confidence: 'official',
    days: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map(tet),
  },
  {
    year: 2025,
    holiday: 'victory-day',
    source:
      'Công văn 8726/VPCP-KGVX ngày 26/11/2024: nghỉ 30/4–4/5/2025, đổi thứ Sáu 2/5 sang làm bù thứ Bảy 26/4/2025 (TTXVN/VietnamPlus)',
    confidence: 'official',
    days: [
      { date: '2025-04-26', kind: 'swap-working-day', holiday: 'victory-day', relatedDate: '2025-05-02' },
      { date: '2025-04-30', kind: 'holiday', holiday: 'victory-day' },
      { date: '2025-05-02', kind: 'swap-day-off', holiday: 'victory-day', relatedDate: '2025-04-26' },
    ],
  },
  {
    year: 2026,
    holiday: 'new-year',
    source:
      'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Phó Thủ tướng Phạm Thị Thanh Trà đồng ý đề xuất của Bộ Nội vụ): nghỉ 1/1–4/1/2026, đổi thứ Sáu 2/1 sang làm bù thứ Bảy 10/1/2026',
    confidence: 'official',
    days: [
      { date: '2026-01-01', kind: 'holiday', holiday: 'new-year' },
      { date: '2026-01-02', kind: 'swap-day-off', holiday: 'new-year', relatedDate: '2026-01-10' },
      { date: '2026-01-10', kind: 'swap-working-day', holiday: 'new-year', relatedDate: '2026-01-02' },
    ],
  },
  {
    year: 2026,
    holiday: 'tet',
    source:
      'Thông báo 9441/TB-BNV ngày 16/10/2025 (Bộ Nội vụ): nghỉ Tết Bính Ngọ 16/2/2026 (29 tháng Chạp) – hết 20/2/2026 (mùng 4 tháng Giêng), nối 4 ngày nghỉ hằng tuần: 14/2–22/2',
    confidence: 'official',
    days: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(tet),
  },
  {
    year: 2026,
    holiday: 'national-day',
    source:
      'Phương án của Bộ Nội vụ trình Thủ tướng (10/2025), theo báo chí cùng Thông báo 9441/TB-BNV: nghỉ 29/8–2/9/2026, đổi thứ Hai 31/8 sang làm bù thứ Bảy 22/8/2026',
    confidence: 'reported',
    days: [
      { date: '2026-08-22', kind: 'swap-working-day', holiday: 'national-day', relatedDate: '2026-08-31' },
      { date: '2026-08-31', kind: 'swap-day-off', holiday: 'national-day', relatedDate: '2026-08-22' },
      { date: '2026-09-01', kind: 'holiday', holiday: 'national-day' },
      { date: '2026-09-02', kind: 'holiday', holiday: 'national-day' },
    ],
  },
];
