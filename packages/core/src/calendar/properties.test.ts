/**
 * Property tests of the working-day calendar: they hold for the default calendar and for
 * calendars with other rules, over 1990–2040.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVietnamInstant } from './instant.ts';
import { fromEpochDay, toEpochDay, vietnamDateOf } from './local-date.ts';
import { parseCalendarOverrides } from './overrides.ts';
import { createCalendar, type ProcessingTimeUnit, type WorkingCalendar } from './working-calendar.ts';

const MIN = toEpochDay({ year: 1990, month: 1, day: 1 });
const MAX = toEpochDay({ year: 2040, month: 12, day: 31 });

const local = parseCalendarOverrides({
  daysOff: [{ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam' }],
  workingDays: [{ date: '2026-09-05', name: 'Làm bù địa phương' }],
  annualHolidays: [{ month: 3, day: 8, name: 'Ngày lễ địa phương', fromYear: 2000 }],
  localRules: { afternoonCutoff: '16:00', saturdayMorningReception: true },
});
if (!local.ok) throw new Error(JSON.stringify(local.issues));

const CALENDARS: readonly (readonly [string, WorkingCalendar])[] = [
  ['default', createCalendar()],
  ['default rule only', createCalendar({ announcements: [] })],
  ['local overrides', createCalendar({ overrides: local.value })],
  [
    'no cutoff, other office hours',
    createCalendar({
      afternoonCutoff: null,
      officeHours: [
        { start: '08:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    }),
  ],
];

const epochDay = fc.integer({ min: MIN, max: MAX });
const count = fc.integer({ min: -60, max: 60 });

describe.each(CALENDARS)('working-day properties (%s)', (_name, cal) => {
  it('adding then subtracting n working days returns to a working day', () => {
    fc.assert(
      fc.property(epochDay, count, (d, n) => {
        const start = cal.workingDayOnOrAfter(fromEpochDay(d));
        const there = cal.addWorkingDays(start, n);
        expect(cal.addWorkingDays(there, -n)).toEqual(start);
      }),
    );
  });

  it('addWorkingDays lands on a working day and workingDaysBetween counts the same steps', () => {
    fc.assert(
      fc.property(epochDay, count, (d, n) => {
        const from = fromEpochDay(d);
        const to = cal.addWorkingDays(from, n);
        if (n !== 0) expect(cal.isWorkingDay(to)).toBe(true);
        expect(cal.workingDaysBetween(from, to)).toBe(n);
      }),
    );
  });

  it('workingDaysBetween is additive over consecutive ranges', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), (a, x, y) => {
        const [d1, d2, d3] = [a, a + x, a + x + y].map(fromEpochDay) as [never, never, never];
        expect(cal.workingDaysBetween(d1, d3)).toBe(cal.workingDaysBetween(d1, d2) + cal.workingDaysBetween(d2, d3));
      }),
    );
  });

  it('a due date never falls on a day off, never precedes reception, and is within office hours', () => {
    const unit = fc.constantFrom<ProcessingTimeUnit>('working-days', 'days', 'hours');
    const instantMs = fc.integer({ min: MIN * 86_400_000, max: MAX * 86_400_000 });
    fc.assert(
      fc.property(instantMs, unit, fc.integer({ min: 0, max: 40 }), (ms, u, amount) => {
        const receivedAt = new Date(ms);
        const due = cal.dueDate(receivedAt, { amount: u === 'hours' ? amount * 1.5 : amount, unit: u });
        const day = vietnamDateOf(due);
        expect(cal.isWorkingDay(day), `${receivedAt.toISOString()} ${amount} ${u} → ${formatVietnamInstant(due)}`).toBe(
          true,
        );
        expect(due.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        const time = formatVietnamInstant(due).slice(11, 16);
        const inside = cal.rules.officeHours.some((h) => time >= h.start && time <= h.end);
        expect(inside, formatVietnamInstant(due)).toBe(true);
      }),
    );
  });

  it('more processing time is never due earlier (strictly later for working days and hours)', () => {
    const instantMs = fc.integer({ min: MIN * 86_400_000, max: MAX * 86_400_000 });
    fc.assert(
      fc.property(instantMs, fc.integer({ min: 0, max: 30 }), (ms, n) => {
        const at = new Date(ms);
        for (const unit of ['working-days', 'days', 'hours'] as const) {
          const a = cal.dueDate(at, { amount: n, unit }).getTime();
          const b = cal.dueDate(at, { amount: n + 1, unit }).getTime();
          // n and n + 1 calendar days can both end on a weekend, moved to the same Monday;
          // 0 and 1 working day from a Saturday-morning reception are both due on Monday.
          if (unit === 'days' || (unit === 'working-days' && n === 0)) expect(b).toBeGreaterThanOrEqual(a);
          else expect(b).toBeGreaterThan(a);
        }
      }),
    );
  });
});
