import { describe, expect, it } from 'vitest';
import { defaultHolidaySchedule, type ScheduleDay } from './holidays.ts';
import { OFFICIAL_ANNOUNCEMENTS } from './official-schedules.ts';
import { createCalendar } from './working-calendar.ts';

const offDays = (days: readonly ScheduleDay[]) =>
  days.filter((d) => d.kind === 'compensation' || d.kind === 'swap-day-off' || d.kind === 'holiday').map((d) => d.date);

/** Every day off (weekends excluded) of a year under a calendar, as ISO dates. */
function weekdaysOff(year: number, calendar = createCalendar()): string[] {
  const out: string[] = [];
  for (const d of calendar.holidays(year)) {
    if (!d.working && d.dayOfWeek < 6) {
      out.push(`${d.date.year}-${String(d.date.month).padStart(2, '0')}-${String(d.date.day).padStart(2, '0')}`);
    }
  }
  return out;
}

describe('default rule (Bộ luật Lao động 2019 Điều 111–112)', () => {
  it('reproduces 2022, a year whose announced schedule had no split or swap', () => {
    // Tết Dương lịch on Saturday → Monday 3/1; Tết 29/1–6/2 (weekdays 31/1–4/2); Giỗ Tổ on
    // Sunday 10/4 → 11/4; 30/4 and 1/5 on the weekend → 2/5 and 3/5; Quốc khánh 1/9–4/9.
    expect(weekdaysOff(2022, createCalendar({ announcements: [] }))).toEqual([
      '2022-01-03',
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ]);
  });

  it('places Tết on the last day of the old lunar year and the first four of the new one', () => {
    // 2027: Tết Đinh Mùi on Saturday 6 February.
    const tet = defaultHolidaySchedule(2027).filter((d) => d.holiday === 'tet');
    expect(tet.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
    ]);
    // The weekend Tết days are compensated after the break, in order.
    expect(tet.filter((d) => d.kind === 'compensation')).toEqual([
      { date: '2027-02-10', kind: 'compensation', holiday: 'tet', relatedDate: '2027-02-06' },
      { date: '2027-02-11', kind: 'compensation', holiday: 'tet', relatedDate: '2027-02-07' },
    ]);
  });

  it('compensates a run of weekend holidays past the holidays that follow (2023: 29/4–3/5)', () => {
    const may = defaultHolidaySchedule(2023).filter((d) => d.date >= '2023-04-29' && d.date <= '2023-05-03');
    expect(may).toEqual([
      { date: '2023-04-29', kind: 'holiday', holiday: 'hung-kings' },
      { date: '2023-04-30', kind: 'holiday', holiday: 'victory-day' },
      { date: '2023-05-01', kind: 'holiday', holiday: 'labour-day' },
      { date: '2023-05-02', kind: 'compensation', holiday: 'hung-kings', relatedDate: '2023-04-29' },
      { date: '2023-05-03', kind: 'compensation', holiday: 'victory-day', relatedDate: '2023-04-30' },
    ]);
  });

  it('joins the adjacent National Day holiday to the nearest weekend', () => {
    const adjacent = (year: number) =>
      defaultHolidaySchedule(year)
        .filter((d) => d.holiday === 'national-day' && d.kind === 'holiday' && d.date !== `${year}-09-02`)
        .map((d) => d.date);
    expect(adjacent(2021)).toEqual(['2021-09-03']); // Thursday → Friday
    expect(adjacent(2022)).toEqual(['2022-09-01']); // Friday → Thursday
    expect(adjacent(2023)).toEqual(['2023-09-01']); // Saturday → Friday
    expect(adjacent(2024)).toEqual(['2024-09-03']); // Monday → Tuesday
    expect(adjacent(2025)).toEqual(['2025-09-01']); // Tuesday → Monday
    expect(adjacent(2026)).toEqual(['2026-09-01']); // Wednesday → Tuesday
    expect(adjacent(2027)).toEqual(['2027-09-03']); // Thursday → Friday
    expect(adjacent(2029)).toEqual(['2029-09-03']); // Sunday → Monday (and 2/9 compensated on Tuesday)
    expect(offDays(defaultHolidaySchedule(2029)).filter((d) => d.startsWith('2029-09'))).toEqual([
      '2029-09-02',
      '2029-09-03',
      '2029-09-04',
    ]);
  });

  it('gives National Day one day before 2021 (Bộ luật Lao động 2012)', () => {
    expect(defaultHolidaySchedule(2020).filter((d) => d.holiday === 'national-day')).toEqual([
      { date: '2020-09-02', kind: 'holiday', holiday: 'national-day' },
    ]);
  });

  it('compensates an extra annual holiday that falls on a weekend or on another holiday', () => {
    const cultureDay = {
      month: 11,
      day: 24,
      name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnam Culture Day' },
      fromYear: 2026,
    };
    expect(defaultHolidaySchedule(2025, [cultureDay]).some((d) => d.date === '2025-11-24')).toBe(false);
    expect(defaultHolidaySchedule(2026, [cultureDay]).filter((d) => d.date.startsWith('2026-11'))).toEqual([
      { date: '2026-11-24', kind: 'holiday', name: cultureDay.name },
    ]);
    // 24/11/2029 is a Saturday.
    expect(defaultHolidaySchedule(2029, [cultureDay]).filter((d) => d.date.startsWith('2029-11'))).toEqual([
      { date: '2029-11-24', kind: 'holiday', name: cultureDay.name },
      { date: '2029-11-26', kind: 'compensation', name: cultureDay.name, relatedDate: '2029-11-24' },
    ]);
    // A holiday on top of another one is compensated too (our reading of Điều 112: 11 days stay 11).
    const onLabourDay = { month: 5, day: 1, name: { vi: 'Ngày lễ địa phương', en: 'Local holiday' } };
    const may2024 = defaultHolidaySchedule(2024, [onLabourDay]).filter((d) => d.date.startsWith('2024-05'));
    expect(may2024.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2024-05-01 holiday',
      '2024-05-01 holiday',
      '2024-05-02 compensation',
    ]);
  });

  it('rejects years outside 1800–2199', () => {
    expect(() => defaultHolidaySchedule(1799)).toThrow(RangeError);
    expect(() => defaultHolidaySchedule(2026.5)).toThrow(RangeError);
  });
});

describe('shipped announcements', () => {
  it('are well formed: dates in their year, swap working days on Saturdays, swaps paired', () => {
    for (const a of OFFICIAL_ANNOUNCEMENTS) {
      expect(a.source.length).toBeGreaterThan(10);
      for (const d of a.days) {
        expect(d.date.startsWith(`${a.year}-`), d.date).toBe(true);
        const dow = new Date(`${d.date}T00:00:00Z`).getUTCDay();
        if (d.kind === 'swap-working-day') expect(dow, d.date).toBe(6);
        else if (d.kind !== 'holiday') expect([0, 6]).not.toContain(dow);
        if (d.kind === 'swap-day-off' || d.kind === 'swap-working-day') {
          const other = a.days.find((x) => x.date === d.relatedDate);
          expect(other?.relatedDate, d.date).toBe(d.date);
        }
      }
    }
  });

  it('give the announced breaks of 2021–2026', () => {
    const off = (year: number) => weekdaysOff(year);
    // 2021: Tết 10/2–16/2; 1/5 on Saturday → 3/5; Quốc khánh 2–3/9.
    expect(off(2021)).toEqual([
      '2021-01-01',
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16',
      '2021-04-21',
      '2021-04-30',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ]);
    // 2023: 1/1 on Sunday → 2/1; Tết 20/1–26/1; 29/4–3/5; Quốc khánh 1/9–4/9.
    expect(off(2023)).toEqual([
      '2023-01-02',
      '2023-01-20',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
      '2023-09-01',
      '2023-09-04',
    ]);
    // 2024: Tết 8/2–14/2; 27/4–1/5 with Monday 29/4 worked back on Saturday 4/5; Quốc khánh 31/8–3/9.
    expect(off(2024)).toEqual([
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    // 2025: Tết 25/1–2/2; Giỗ Tổ 7/4; 30/4–4/5 (Friday 2/5 worked back on Saturday 26/4); Quốc khánh 30/8–2/9.
    expect(off(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    // 2026: 1/1–4/1 (Friday 2/1 ↔ Saturday 10/1); Tết 14/2–22/2; Giỗ Tổ on Sunday 26/4 → 27/4;
    // 30/4–3/5; Quốc khánh 29/8–2/9 (Monday 31/8 ↔ Saturday 22/8).
    expect(off(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
    const cal = createCalendar();
    for (const saturday of ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(cal.isWorkingDay(saturday), saturday).toBe(true);
    }
  });
});
