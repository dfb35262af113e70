import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVietnamInstant, parseIsoInstant, toInstant } from './instant.ts';
import {
  addDays,
  compareLocalDates,
  formatLocalDate,
  fromEpochDay,
  isoDayOfWeek,
  isValidLocalDate,
  parseLocalDate,
  toEpochDay,
  toLocalDate,
  vietnamDateOf,
} from './local-date.ts';

describe('LocalDate', () => {
  it('converts to and from epoch days (property, years 1–9999)', () => {
    const min = toEpochDay({ year: 1, month: 1, day: 1 });
    const max = toEpochDay({ year: 9999, month: 12, day: 31 });
    fc.assert(
      fc.property(fc.integer({ min, max }), (d) => {
        const date = fromEpochDay(d);
        return isValidLocalDate(date) && toEpochDay(date) === d;
      }),
    );
    // Agrees with the platform's Gregorian calendar.
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const ms = date.getTime() - (((date.getTime() % 86_400_000) + 86_400_000) % 86_400_000);
          const local = fromEpochDay(ms / 86_400_000);
          return formatLocalDate(local) === new Date(ms).toISOString().slice(0, 10);
        },
      ),
    );
    expect(toEpochDay({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(fromEpochDay(20117)).toEqual({ year: 2025, month: 1, day: 29 });
  });

  it('parses and formats ISO dates, never throwing on bad text', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ ok: true, value: { year: 2024, month: 2, day: 29 } });
    const bad = parseLocalDate('2025-02-29');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.vi).toBe('Không có ngày 2025-02-29 trong lịch');
    expect(parseLocalDate('29/02/2024').ok).toBe(false);
    expect(parseLocalDate('2024-2-9').ok).toBe(false);
    expect(formatLocalDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
    expect(() => toLocalDate('2025-02-29', 'receivedOn')).toThrow(/^receivedOn: /);
    expect(() => toLocalDate({ year: 2025, month: 0, day: 1 })).toThrow(RangeError);
    expect(() => toLocalDate(null as unknown as string)).toThrow(RangeError);
  });

  it('does day-of-week, comparison and day arithmetic', () => {
    expect(isoDayOfWeek('2025-09-02')).toBe(2);
    expect(isoDayOfWeek('2025-09-07')).toBe(7);
    expect(isoDayOfWeek('1970-01-01')).toBe(4);
    expect(compareLocalDates('2025-01-28', '2025-01-29')).toBe(-1);
    expect(compareLocalDates('2025-01-29', { year: 2025, month: 1, day: 29 })).toBe(0);
    expect(addDays('2024-02-28', 2)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(addDays('2025-01-01', -1)).toEqual({ year: 2024, month: 12, day: 31 });
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('takes the Vietnamese date of an instant (UTC+7)', () => {
    expect(vietnamDateOf(new Date('2025-01-28T16:59:59Z'))).toEqual({ year: 2025, month: 1, day: 28 });
    expect(vietnamDateOf(new Date('2025-01-28T17:00:00Z'))).toEqual({ year: 2025, month: 1, day: 29 });
    expect(() => vietnamDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('instants', () => {
  it('parses ISO 8601 instants with an offset only', () => {
    const r = parseIsoInstant('2025-04-29T16:45:00+07:00');
    expect(r.ok && r.value.toISOString()).toBe('2025-04-29T09:45:00.000Z');
    expect(parseIsoInstant('2025-04-29T09:45Z').ok).toBe(true);
    expect(parseIsoInstant('2025-04-29T09:45:00.123456Z').ok).toBe(true);
    for (const bad of [
      '2025-04-29T16:45:00',
      '2025-04-29 16:45:00+07:00',
      '2025-02-30T10:00:00Z',
      '2025-04-29T24:00:00Z',
      '2025-04-29T10:00:00+25:00',
      '',
    ]) {
      expect(parseIsoInstant(bad).ok, bad).toBe(false);
    }
    expect(() => toInstant('yesterday', 'receivedAt')).toThrow(/^receivedAt: /);
    expect(() => toInstant(42 as unknown as string)).toThrow(RangeError);
  });

  it('formats instants in Vietnamese time', () => {
    expect(formatVietnamInstant(new Date('2025-05-06T10:00:00Z'))).toBe('2025-05-06T17:00:00+07:00');
    expect(formatVietnamInstant(new Date('2025-12-31T17:30:00.999Z'))).toBe('2026-01-01T00:30:00+07:00');
    expect(() => formatVietnamInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
