import { describe, expect, it } from 'vitest';
import { formatVietnamInstant } from './instant.ts';
import { formatLocalDate } from './local-date.ts';
import { parseCalendarOverrides } from './overrides.ts';
import {
  addWorkingDays,
  createCalendar,
  dueDate,
  explainDay,
  isWorkingDay,
  type ProcessingTime,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-calendar.ts';

const due = (receivedAt: string, time: ProcessingTime, calendar: WorkingCalendar = createCalendar()) =>
  formatVietnamInstant(calendar.dueDate(receivedAt, time));

describe('isWorkingDay and explainDay', () => {
  it('works Monday to Friday and rests on the weekend', () => {
    expect(isWorkingDay('2025-03-14')).toBe(true);
    expect(isWorkingDay('2025-03-15')).toBe(false);
    expect(isWorkingDay({ year: 2025, month: 3, day: 16 })).toBe(false);
    expect(explainDay('2025-03-15').reasons).toEqual([
      { kind: 'weekend', name: { vi: 'Thứ Bảy (nghỉ hằng tuần)', en: 'Saturday (weekly rest day)' } },
    ]);
    expect(explainDay('2025-03-14')).toMatchObject({ working: true, dayOfWeek: 5, reasons: [] });
  });

  it('names the holiday and gives the lunar date', () => {
    const e = explainDay('2025-01-29');
    expect(e.working).toBe(false);
    expect(e.lunar).toEqual({ day: 1, month: 1, year: 2025, leap: false });
    expect(e.reasons).toHaveLength(1);
    expect(e.reasons[0]).toMatchObject({
      kind: 'holiday',
      holiday: 'tet',
      name: { vi: 'Tết Âm lịch (Tết Nguyên Đán)' },
    });
    expect(e.reasons[0]?.source).toContain('8726/VPCP-KGVX');
  });

  it('explains a holiday on a weekend and its compensation (Quốc khánh 2023)', () => {
    expect(explainDay('2023-09-02').reasons.map((r) => r.kind)).toEqual(['weekend', 'holiday']);
    const monday = explainDay('2023-09-04');
    expect(monday.working).toBe(false);
    expect(monday.reasons).toEqual([
      {
        kind: 'compensation',
        name: {
          vi: 'Nghỉ bù Quốc khánh (2/9) ngày 02/09/2023',
          en: 'Compensatory day off for National Day (2 September) of 2023-09-02',
        },
        holiday: 'national-day',
        relatedDate: '2023-09-02',
        source: expect.stringContaining('Điều 111–112'),
      },
    ]);
  });

  it('explains both halves of a swap (30/4 2025: Friday 2/5 off, Saturday 26/4 worked)', () => {
    const friday = explainDay('2025-05-02');
    expect(friday.working).toBe(false);
    expect(friday.reasons.map((r) => [r.kind, r.relatedDate])).toEqual([['swap-day-off', '2025-04-26']]);
    const saturday = explainDay('2025-04-26');
    expect(saturday.working).toBe(true);
    expect(saturday.reasons.map((r) => r.kind)).toEqual(['weekend', 'swap-working-day']);
    expect(saturday.reasons[1]?.name.vi).toBe('Làm bù cho ngày nghỉ 02/05/2025 dịp Ngày Chiến thắng (30/4)');
  });

  it('applies the default rule only when asked for no announcements', () => {
    const rule = createCalendar({ announcements: [] });
    // Announced Tết 2024 ran 8/2–14/2; the default rule gives 9/2–15/2.
    expect(isWorkingDay('2024-02-08')).toBe(false);
    expect(rule.isWorkingDay('2024-02-08')).toBe(true);
    expect(isWorkingDay('2024-02-15')).toBe(true);
    expect(rule.isWorkingDay('2024-02-15')).toBe(false);
    expect(rule.explainDay('2024-02-15').reasons[0]).toMatchObject({ kind: 'compensation', relatedDate: '2024-02-11' });
  });

  it('lists a year with holidays()', () => {
    const days = createCalendar().holidays(2024);
    expect(days.map((d) => formatLocalDate(d.date))).toContain('2024-05-04');
    expect(days.every((d) => d.reasons.length > 0)).toBe(true);
    expect(() => createCalendar().holidays(2200)).toThrow(RangeError);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('skips the Tết break', () => {
    expect(addWorkingDays('2025-01-24', 1)).toEqual({ year: 2025, month: 2, day: 3 });
    expect(addWorkingDays('2025-02-03', -1)).toEqual({ year: 2025, month: 1, day: 24 });
    expect(addWorkingDays('2025-01-24', 0)).toEqual({ year: 2025, month: 1, day: 24 });
    expect(addWorkingDays('2025-01-26', 0)).toEqual({ year: 2025, month: 1, day: 26 });
    expect(workingDaysBetween('2025-01-24', '2025-02-03')).toBe(1);
    expect(workingDaysBetween('2025-02-03', '2025-01-24')).toBe(-1);
    expect(workingDaysBetween('2025-02-03', '2025-02-03')).toBe(0);
  });

  it('counts a Saturday worked back as a working day', () => {
    // Friday 25/4/2025 + 1 working day = Saturday 26/4 (làm bù).
    expect(addWorkingDays('2025-04-25', 1)).toEqual({ year: 2025, month: 4, day: 26 });
    expect(addWorkingDays('2025-04-26', 1)).toEqual({ year: 2025, month: 4, day: 28 });
    expect(workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4); // 26/4, 28/4, 29/4, 5/5
  });

  it('rejects non-integer counts and dates outside the supported range', () => {
    expect(() => addWorkingDays('2025-01-24', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-13-01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2199-12-31', 5)).toThrow(/supported range/);
    expect(() => isWorkingDay('1799-12-31')).toThrow(RangeError);
  });
});

describe('dueDate', () => {
  it('counts working days from the day after reception, due at 17:00', () => {
    expect(due('2025-04-29T09:00:00+07:00', { amount: 3, unit: 'working-days' })).toBe('2025-05-07T17:00:00+07:00');
    expect(due('2025-03-10T08:00:00+07:00', { amount: 5, unit: 'working-days' })).toBe('2025-03-17T17:00:00+07:00');
    expect(due('2025-03-10T08:00:00+07:00', { amount: 0, unit: 'working-days' })).toBe('2025-03-10T17:00:00+07:00');
  });

  it('moves a dossier received after the 16:30 cutoff, on a day off or at night to the next working day', () => {
    expect(due('2025-03-10T16:29:59+07:00', { amount: 1, unit: 'working-days' })).toBe('2025-03-11T17:00:00+07:00');
    expect(due('2025-03-10T16:30:00+07:00', { amount: 1, unit: 'working-days' })).toBe('2025-03-12T17:00:00+07:00');
    // 23:30 in Hà Nội on Friday is 16:30Z: after the cutoff, received Monday.
    expect(due('2025-03-14T16:30:00Z', { amount: 1, unit: 'working-days' })).toBe('2025-03-18T17:00:00+07:00');
    // Received on Sunday: counts from Monday.
    expect(due('2025-03-16T10:00:00+07:00', { amount: 1, unit: 'working-days' })).toBe('2025-03-18T17:00:00+07:00');
    expect(createCalendar().receptionDate('2025-03-16T10:00:00+07:00')).toEqual({ year: 2025, month: 3, day: 17 });
    // Received after the cutoff before the 30/4 break of 2025: counts from 5 May.
    expect(due('2025-04-29T16:45:00+07:00', { amount: 1, unit: 'working-days' })).toBe('2025-05-06T17:00:00+07:00');
  });

  it('takes the cutoff and office hours from options or overrides', () => {
    const noCutoff = createCalendar({ afternoonCutoff: null });
    expect(due('2025-03-10T16:45:00+07:00', { amount: 1, unit: 'working-days' }, noCutoff)).toBe(
      '2025-03-11T17:00:00+07:00',
    );
    const parsed = parseCalendarOverrides({
      localRules: {
        afternoonCutoff: '15:00',
        officeHours: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const local = createCalendar({ overrides: parsed.value });
    expect(local.rules.afternoonCutoff).toBe('15:00');
    expect(due('2025-03-10T15:00:00+07:00', { amount: 1, unit: 'working-days' }, local)).toBe(
      '2025-03-12T17:30:00+07:00',
    );
    // Explicit options win over the overrides file.
    const explicit = createCalendar({ overrides: parsed.value, afternoonCutoff: '16:00' });
    expect(explicit.rules.afternoonCutoff).toBe('16:00');
    expect(() => createCalendar({ afternoonCutoff: '4pm' })).toThrow(RangeError);
    expect(() =>
      createCalendar({
        officeHours: [
          { start: '13:00', end: '17:00' },
          { start: '07:30', end: '11:30' },
        ],
      }),
    ).toThrow(RangeError);
  });

  it('accepts Saturday-morning reception when the local rule allows it', () => {
    const saturday = createCalendar({ saturdayMorningReception: true });
    // Saturday 15/3/2025 at 10:00: received that day, first working day counted is Monday.
    expect(due('2025-03-15T10:00:00+07:00', { amount: 1, unit: 'working-days' }, saturday)).toBe(
      '2025-03-17T17:00:00+07:00',
    );
    expect(due('2025-03-15T10:00:00+07:00', { amount: 1, unit: 'working-days' })).toBe('2025-03-18T17:00:00+07:00');
    // Saturday afternoon: the desk is closed, counts from Monday.
    expect(due('2025-03-15T14:00:00+07:00', { amount: 1, unit: 'working-days' }, saturday)).toBe(
      '2025-03-18T17:00:00+07:00',
    );
    // A Saturday inside a holiday break is not a reception day (Tết 2025: Saturday 1/2, mùng 4).
    expect(saturday.receptionDate('2025-02-01T09:00:00+07:00')).toEqual({ year: 2025, month: 2, day: 3 });
    expect(due('2025-03-15T10:00:00+07:00', { amount: 0, unit: 'working-days' }, saturday)).toBe(
      '2025-03-17T17:00:00+07:00',
    );
  });

  it('counts calendar days and moves a due day off to the next working day', () => {
    // 10/3/2025 + 5 days = Saturday 15/3 → Monday 17/3 (Bộ luật Dân sự 2015 Điều 148).
    expect(due('2025-03-10T09:00:00+07:00', { amount: 5, unit: 'days' })).toBe('2025-03-17T17:00:00+07:00');
    expect(due('2025-03-10T09:00:00+07:00', { amount: 3, unit: 'days' })).toBe('2025-03-13T17:00:00+07:00');
    // 20/1/2025 + 10 days = 30/1, inside Tết → 3/2.
    expect(due('2025-01-20T09:00:00+07:00', { amount: 10, unit: 'days' })).toBe('2025-02-03T17:00:00+07:00');
  });

  it('counts working hours inside office hours', () => {
    expect(due('2025-03-10T08:00:00+07:00', { amount: 2, unit: 'hours' })).toBe('2025-03-10T10:00:00+07:00');
    // 3 hours from 10:00: 10:00–11:30 then 13:00–14:30.
    expect(due('2025-03-10T10:00:00+07:00', { amount: 3, unit: 'hours' })).toBe('2025-03-10T14:30:00+07:00');
    // Received at lunch: counting starts at 13:00.
    expect(due('2025-03-10T12:00:00+07:00', { amount: 1, unit: 'hours' })).toBe('2025-03-10T14:00:00+07:00');
    // Used up exactly at closing: due at 17:00, not the next morning.
    expect(due('2025-03-10T15:00:00+07:00', { amount: 2, unit: 'hours' })).toBe('2025-03-10T17:00:00+07:00');
    // Before opening: from 07:30. After the cutoff: from the next working day's opening.
    expect(due('2025-03-10T06:00:00+07:00', { amount: 8, unit: 'hours' })).toBe('2025-03-10T17:00:00+07:00');
    expect(due('2025-03-10T16:40:00+07:00', { amount: 0.5, unit: 'hours' })).toBe('2025-03-11T08:00:00+07:00');
    // Across the 30/4 break of 2025 and a weekend.
    expect(due('2025-04-29T15:00:00+07:00', { amount: 4, unit: 'hours' })).toBe('2025-05-05T09:30:00+07:00');
    expect(due('2025-03-10T08:00:00+07:00', { amount: 0, unit: 'hours' })).toBe('2025-03-10T08:00:00+07:00');
  });

  it('accepts Date instants and rejects malformed input with RangeError', () => {
    expect(formatVietnamInstant(dueDate(new Date('2025-03-10T01:00:00Z'), { amount: 1, unit: 'working-days' }))).toBe(
      '2025-03-11T17:00:00+07:00',
    );
    expect(() => dueDate('2025-03-10 08:00', { amount: 1, unit: 'working-days' })).toThrow(RangeError);
    expect(() => dueDate(new Date(Number.NaN), { amount: 1, unit: 'working-days' })).toThrow(RangeError);
    expect(() => dueDate('2025-03-10T08:00:00+07:00', { amount: -1, unit: 'working-days' })).toThrow(RangeError);
    expect(() => dueDate('2025-03-10T08:00:00+07:00', { amount: 1.5, unit: 'days' })).toThrow(RangeError);
    expect(() => dueDate('2025-03-10T08:00:00+07:00', { amount: Number.NaN, unit: 'hours' })).toThrow(RangeError);
    expect(() =>
      dueDate('2025-03-10T08:00:00+07:00', { amount: 1, unit: 'weeks' as unknown as ProcessingTime['unit'] }),
    ).toThrow(RangeError);
  });
});

describe('overrides in a calendar', () => {
  const parsed = parseCalendarOverrides({
    announcements: [
      {
        year: 2027,
        holiday: 'tet',
        source: 'Thông báo giả định cho kiểm thử',
        days: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({
          date,
          kind: 'holiday',
        })),
      },
      {
        year: 2025,
        holiday: 'victory-day',
        source: 'Kiểm thử: không hoán đổi',
        days: [{ date: '2025-04-30', kind: 'holiday' }],
      },
    ],
    years: [{ year: 2030, source: 'Lịch riêng', days: [{ date: '2030-03-08', kind: 'holiday', name: 'Ngày riêng' }] }],
    daysOff: [{ date: '2026-11-24', name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' } }],
    workingDays: [{ date: '2026-09-01', name: 'Trực một cửa' }],
    annualHolidays: [{ month: 3, day: 8, name: 'Ngày lễ địa phương', fromYear: 2028 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const cal = createCalendar({ overrides: parsed.value });

  it('a new announcement replaces the default rule for that holiday', () => {
    expect(cal.isWorkingDay('2027-02-04')).toBe(false);
    expect(cal.isWorkingDay('2027-02-11')).toBe(true); // the default rule would compensate here
    expect(cal.explainDay('2027-02-04').reasons[0]?.source).toBe('Thông báo giả định cho kiểm thử');
  });

  it('an override announcement replaces a shipped one', () => {
    expect(cal.isWorkingDay('2025-05-02')).toBe(true);
    expect(cal.isWorkingDay('2025-04-26')).toBe(false);
  });

  it('a year override replaces everything in that year', () => {
    expect(cal.isWorkingDay('2030-01-01')).toBe(true);
    expect(cal.isWorkingDay('2030-03-08')).toBe(false);
    expect(cal.explainDay('2030-03-08').reasons[0]).toMatchObject({ kind: 'holiday', name: { vi: 'Ngày riêng' } });
    expect(cal.isWorkingDay('2029-03-08')).toBe(false); // the annual holiday applies to other years
    expect(cal.isWorkingDay('2027-03-08')).toBe(true); // …from 2028
  });

  it('single days win over every schedule', () => {
    expect(cal.isWorkingDay('2026-11-24')).toBe(false);
    expect(cal.explainDay('2026-11-24').reasons).toEqual([
      {
        kind: 'override',
        name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
        source: 'overrides',
      },
    ]);
    expect(cal.isWorkingDay('2026-09-01')).toBe(true);
    expect(cal.explainDay('2026-09-01').reasons.map((r) => r.kind)).toEqual(['holiday', 'override']);
    const days = cal.holidays(2026).map((d) => formatLocalDate(d.date));
    expect(days).toContain('2026-11-24');
  });
});
