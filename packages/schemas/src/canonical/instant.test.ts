import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWith } from '../validate.ts';
import { instantSchema, parseInstant, vietnamDateOf } from './instant.ts';
import { daysInMonth, isoDateSchema } from './iso-date.ts';

const codeOf = (value: unknown) => validateWith(instantSchema, value).issues.map((i) => i.code);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats epoch milliseconds as local time at `offsetMinutes`, with the offset written out. */
function format(ms: number, offsetMinutes: number, fraction: string): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${local}${fraction === '' ? '' : `.${fraction}`}${zone}`;
}

// Whole seconds between years 0002 and 9998, so that any offset stays within 4-digit years.
const secondsArb = fc.integer({ min: Date.UTC(2, 0, 1) / 1000, max: Date.UTC(9998, 11, 31) / 1000 });
const offsetArb = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);
const fractionArb = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 });

describe('instantSchema: examples', () => {
  it('accepts instants with an offset or Z, with or without a fraction', () => {
    for (const v of [
      '2025-07-01T08:30:00+07:00',
      '2025-07-01T01:30:00Z',
      '2025-07-01T08:30:00.123+07:00',
      '2025-07-01T08:30:00.123456789-05:00',
      '2024-02-29T23:59:59+14:00',
      '2025-12-31T00:00:00-12:00',
    ]) {
      expect(codeOf(v), v).toEqual([]);
    }
  });

  it('reports a missing offset as CANON_INSTANT_NO_OFFSET', () => {
    for (const v of ['2025-07-01T08:30:00', '2025-07-01T08:30', '2025-07-01 08:30:00', '2025-07-01T08:30:00.5']) {
      expect(codeOf(v), v).toEqual(['CANON_INSTANT_NO_OFFSET']);
    }
  });

  it('reports impossible or malformed instants as DATE_INVALID', () => {
    for (const v of [
      '2025-02-29T08:30:00+07:00', // not a leap year
      '1900-02-29T08:30:00Z', // century, not a leap year
      '2025-04-31T08:30:00Z',
      '2025-13-01T08:30:00Z',
      '2025-00-10T08:30:00Z',
      '2025-07-00T08:30:00Z',
      '2025-07-01T24:00:00Z',
      '2025-07-01T08:60:00Z',
      '2025-06-30T23:59:60Z', // leap second: not representable in JavaScript time
      '2025-07-01T08:30:00+07:60',
      '2025-07-01T08:30:00+15:00',
      '2025-07-01T08:30:00-00:00', // RFC 3339: offset unknown
      '2025-07-01T08:30:00+0700',
      '2025-07-01t08:30:00z',
      '2025-07-01T08:30:00.1234567890Z',
      '20250701083000',
      '2025-07-01',
      '',
      ' 2025-07-01T08:30:00Z',
      `2025-07-01T08:30:00.${'0'.repeat(40)}Z`,
    ]) {
      expect(codeOf(v), v).toEqual(['DATE_INVALID']);
    }
  });

  it('reports the expected format in the message params', () => {
    const r = validateWith(instantSchema, 'x', undefined, { lang: 'en' });
    expect(r.issues[0]?.params).toEqual({ format: 'YYYY-MM-DDTHH:mm:ss[.fff]±HH:MM' });
    expect(r.issues[0]?.message).toBe(
      'Invalid instant: expected YYYY-MM-DDTHH:mm:ss[.fff]±HH:MM denoting a real instant',
    );
  });

  it('rejects non-strings as TYPE_INVALID', () => {
    expect(codeOf(1751333400000)).toEqual(['TYPE_INVALID']);
    expect(codeOf(new Date())).toEqual(['TYPE_INVALID']);
  });
});

describe('parseInstant', () => {
  it('decodes the epoch and the written offset', () => {
    expect(parseInstant('2025-07-01T08:30:00+07:00')).toEqual({ epochMilliseconds: 1751333400000, offsetMinutes: 420 });
    expect(parseInstant('2025-07-01T01:30:00Z')).toEqual({ epochMilliseconds: 1751333400000, offsetMinutes: 0 });
    expect(parseInstant('2025-07-01T01:30:00.25-01:30')?.epochMilliseconds).toBe(1751333400000 + 90 * 60_000 + 250);
    expect(parseInstant('0001-01-01T00:00:00Z')?.epochMilliseconds).toBe(-62135596800000);
  });

  it('never throws on non-strings', () => {
    expect(parseInstant(undefined as unknown as string)).toBeUndefined();
    expect(parseInstant({} as unknown as string)).toBeUndefined();
  });

  it('property: a real instant written at any real offset is accepted and decodes to itself', () => {
    fc.assert(
      fc.property(secondsArb, offsetArb, fractionArb, (seconds, offset, fraction) => {
        const ms = seconds * 1000;
        const text = format(ms, offset, fraction);
        const parsed = parseInstant(text);
        expect(parsed?.offsetMinutes).toBe(offset === 0 ? 0 : offset);
        const expected = ms + (fraction === '' ? 0 : Number(`0.${fraction}`) * 1000);
        expect(parsed?.epochMilliseconds).toBeCloseTo(expected, 3);
        expect(instantSchema.safeParse(text).success).toBe(true);
        if (seconds * 1000 > Date.UTC(1000, 0, 1)) {
          // Date.parse truncates sub-millisecond digits; doubles near 7e13 round to 1/64 ms.
          const diff = Math.abs((parsed?.epochMilliseconds ?? Number.NaN) - Date.parse(text));
          expect(diff).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: the same instant without its offset is CANON_INSTANT_NO_OFFSET', () => {
    fc.assert(
      fc.property(secondsArb, fractionArb, (seconds, fraction) => {
        const local = format(seconds * 1000, 0, fraction).slice(0, -1);
        expect(codeOf(local)).toEqual(['CANON_INSTANT_NO_OFFSET']);
      }),
    );
  });

  it('property: impossible days, months and times are DATE_INVALID', () => {
    const impossibleDay = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
      .chain(([y, m]) => fc.tuple(fc.constant(y), fc.constant(m), fc.integer({ min: daysInMonth(y, m) + 1, max: 99 })))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T12:00:00+07:00`);
    const impossibleMonth = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })))
      .map(([y, m]) => `${pad(y, 4)}-${pad(m)}-01T12:00:00Z`);
    const impossibleTime = fc
      .tuple(fc.integer({ min: 24, max: 99 }), fc.integer({ min: 60, max: 99 }), fc.nat(2))
      .map(([h, m, which]) =>
        which === 0
          ? `2025-07-01T${pad(h)}:00:00Z`
          : which === 1
            ? `2025-07-01T08:${pad(m)}:00Z`
            : `2025-07-01T08:00:${pad(m)}Z`,
      );
    fc.assert(
      fc.property(fc.oneof(impossibleDay, impossibleMonth, impossibleTime), (text) => {
        expect(parseInstant(text)).toBeUndefined();
        expect(codeOf(text)).toEqual(['DATE_INVALID']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('vietnamDateOf', () => {
  it('gives the calendar day in UTC+07:00', () => {
    expect(vietnamDateOf('2025-06-30T17:00:00Z')).toBe('2025-07-01');
    expect(vietnamDateOf('2025-06-30T16:59:59.999Z')).toBe('2025-06-30');
    expect(vietnamDateOf('2025-07-01T23:30:00+07:00')).toBe('2025-07-01');
    expect(vietnamDateOf('2025-07-01T00:30:00+09:00')).toBe('2025-06-30');
    expect(vietnamDateOf('nonsense')).toBeUndefined();
  });

  it('property: agrees with Date arithmetic', () => {
    fc.assert(
      fc.property(secondsArb, offsetArb, (seconds, offset) => {
        const ms = seconds * 1000;
        expect(vietnamDateOf(format(ms, offset, ''))).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('isoDateSchema', () => {
  it('accepts real days and rejects the rest as DATE_INVALID', () => {
    const codes = (v: unknown) => validateWith(isoDateSchema, v).issues.map((i) => i.code);
    expect(codes('2024-02-29')).toEqual([]);
    expect(codes('2000-02-29')).toEqual([]);
    for (const v of ['2025-02-29', '2100-02-29', '2025-06-31', '2025-7-1', '01/07/2025', '2025-07-01T00:00:00Z']) {
      expect(codes(v), v).toEqual(['DATE_INVALID']);
    }
  });
});
