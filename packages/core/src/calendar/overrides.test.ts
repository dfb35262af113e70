import { describe, expect, it } from 'vitest';
import { parseCalendarOverrides } from './overrides.ts';

describe('parseCalendarOverrides', () => {
  it('accepts a complete document and normalises names', () => {
    const r = parseCalendarOverrides({
      $schema: 'https://example.invalid/calendar-overrides.json',
      description: 'Tỉnh X, 2027',
      announcements: [
        {
          year: 2027,
          holiday: 'national-day',
          source: 'Thông báo …/TB-BNV',
          confidence: 'reported',
          days: [
            { date: '2027-09-02', kind: 'holiday' },
            { date: '2027-09-03', kind: 'holiday' },
          ],
        },
      ],
      years: [{ year: 2030, days: [{ date: '2030-01-01', kind: 'holiday', holiday: 'new-year' }] }],
      daysOff: [{ date: '2027-03-08', name: 'Nghỉ theo quyết định của UBND tỉnh' }],
      workingDays: [{ date: '2027-09-04', name: { vi: 'Làm việc', en: 'Working' } }],
      annualHolidays: [
        { month: 11, day: 24, name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' }, fromYear: 2026 },
      ],
      localRules: {
        afternoonCutoff: null,
        officeHours: [{ start: '07:00', end: '11:00' }],
        saturdayMorningReception: true,
      },
    });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.value?.announcements?.[0]?.days[0]).toEqual({
      date: '2027-09-02',
      kind: 'holiday',
      holiday: 'national-day',
    });
    expect(r.value?.daysOff?.[0]?.name).toEqual({
      vi: 'Nghỉ theo quyết định của UBND tỉnh',
      en: 'Nghỉ theo quyết định của UBND tỉnh',
    });
    expect(r.value?.localRules).toEqual({
      afternoonCutoff: null,
      officeHours: [{ start: '07:00', end: '11:00' }],
      saturdayMorningReception: true,
    });
    expect(parseCalendarOverrides({})).toEqual({ ok: true, value: {}, issues: [] });
  });

  it('reports every problem with its path and a stable code, in Vietnamese by default', () => {
    const r = parseCalendarOverrides({
      dayOff: [],
      daysOff: [{ date: '2027-02-30', name: 'x' }, { date: '2027-03-01' }],
      announcements: [
        { year: 2027, holiday: 'christmas', days: [] },
        { year: 2027, holiday: 'tet', days: [{ date: '2028-01-01', kind: 'holiday' }] },
      ],
      localRules: { afternoonCutoff: '16h30', saturdayMorningReception: 'yes' },
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['', 'UNKNOWN_KEY'],
      ['announcements.0.holiday', 'VALUE_NOT_ALLOWED'],
      ['announcements.1.days.0.date', 'CALENDAR_YEAR_MISMATCH'],
      ['daysOff.0.date', 'CALENDAR_DATE_INVALID'],
      ['daysOff.1.name', 'REQUIRED'],
      ['localRules.afternoonCutoff', 'CALENDAR_TIME_INVALID'],
      ['localRules.saturdayMorningReception', 'TYPE_INVALID'],
    ]);
    expect(r.issues[0]?.message).toBe('Trường không được hỗ trợ: dayOff');
    expect(r.issues[3]?.message).toContain("Ngày '2027-02-30' không hợp lệ");
  });

  it('speaks English when asked', () => {
    const r = parseCalendarOverrides({ workingDays: [{ date: '2027-13-01', name: 'x' }] }, { lang: 'en' });
    expect(r.issues[0]?.message).toBe("Date '2027-13-01' is invalid: expected a real YYYY-MM-DD date within 1800–2199");
  });

  it('finds duplicates and contradictions', () => {
    const r = parseCalendarOverrides({
      announcements: [
        {
          year: 2027,
          holiday: 'tet',
          days: [
            { date: '2027-02-05', kind: 'holiday' },
            { date: '2027-02-05', kind: 'holiday' },
          ],
        },
        { year: 2027, holiday: 'new-year', days: [] },
        { year: 2027, holiday: 'new-year', days: [] },
      ],
      years: [
        { year: 2030, days: [] },
        { year: 2030, days: [] },
      ],
      daysOff: [{ date: '2027-05-05', name: 'a' }],
      workingDays: [{ date: '2027-05-05', name: 'b' }],
    });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['announcements.0.days.1.date', 'CALENDAR_DUPLICATE'],
      ['announcements.2', 'CALENDAR_DUPLICATE'],
      ['years.1', 'CALENDAR_DUPLICATE'],
      ['workingDays.0.date', 'CALENDAR_DATE_CONFLICT'],
    ]);
  });

  it('warns, without failing, about a swap working day that is not a weekend day', () => {
    const r = parseCalendarOverrides({
      announcements: [
        {
          year: 2027,
          holiday: 'victory-day',
          days: [{ date: '2027-04-28', kind: 'swap-working-day', relatedDate: '2027-05-03' }],
        },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.issues).toMatchObject([
      { path: 'announcements.0.days.0.date', code: 'CALENDAR_SWAP_ON_WEEKDAY', severity: 'warning' },
    ]);
  });

  it('checks office hours, annual holidays and types, never throwing', () => {
    const r = parseCalendarOverrides({
      localRules: {
        officeHours: [
          { start: '13:00', end: '17:00' },
          { start: '07:30', end: '11:30' },
        ],
      },
      annualHolidays: [
        { month: 2, day: 30, name: 'x' },
        { month: 13, day: 1, name: 'y' },
      ],
    });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['annualHolidays.0.day', 'NUMBER_TOO_BIG'],
      ['annualHolidays.1.month', 'NUMBER_TOO_BIG'],
      ['localRules.officeHours', 'CALENDAR_OFFICE_HOURS_INVALID'],
    ]);
    for (const bad of [null, 42, 'x', [], { years: 'all' }, { daysOff: [null] }, { announcements: [{ year: 1.5 }] }]) {
      const result = parseCalendarOverrides(bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});
