import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalDate, fromEpochDay, toEpochDay } from './local-date.ts';
import { lunarNewYear, lunarToSolar, lunarYearMonths, solarToLunar } from './lunar.ts';

/**
 * Tết Nguyên Đán in Vietnam, 1990–2035: the dates printed by Vietnamese almanacs and
 * the Government's holiday announcements (e.g. 2024-02-10, 2025-01-29, 2026-02-17).
 */
const TET: Readonly<Record<number, string>> = {
  1990: '1990-01-27',
  1991: '1991-02-15',
  1992: '1992-02-04',
  1993: '1993-01-23',
  1994: '1994-02-10',
  1995: '1995-01-31',
  1996: '1996-02-19',
  1997: '1997-02-07',
  1998: '1998-01-28',
  1999: '1999-02-16',
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17',
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Leap months (tháng nhuận) of Vietnamese lunar years 1990–2035; other years have none. */
const LEAP_MONTHS: Readonly<Record<number, number>> = {
  1990: 5,
  1993: 3,
  1995: 8,
  1998: 5,
  2001: 4,
  2004: 2,
  2006: 7,
  2009: 5,
  2012: 4,
  2014: 9,
  2017: 6,
  2020: 4,
  2023: 2,
  2025: 6,
  2028: 5,
  2031: 3,
  2033: 11,
};

const iso = formatLocalDate;

describe('lunar calendar: known dates', () => {
  it.each(Object.entries(TET))('Tết %s falls on %s', (year, date) => {
    expect(iso(lunarNewYear(Number(year)))).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year: Number(year), leap: false });
  });

  it('knows which years 1990–2035 have a leap month, and which month', () => {
    for (let year = 1990; year <= 2035; year++) {
      const months = lunarYearMonths(year);
      const leap = months.filter((m) => m.leap);
      const expected = LEAP_MONTHS[year];
      if (expected === undefined) {
        expect(months, String(year)).toHaveLength(12);
      } else {
        expect(months, String(year)).toHaveLength(13);
        expect(
          leap.map((m) => m.month),
          String(year),
        ).toEqual([expected]);
      }
    }
  });

  it('differs from the Chinese calendar where Vietnam’s meridian matters (1968, 1985, 2007, 2030)', () => {
    // 1985: China's 1984 had a leap 10th month; Vietnam's did not, so Tết came a month earlier.
    expect(iso(lunarNewYear(1985))).toBe('1985-01-21');
    expect(iso(lunarNewYear(1985, { utcOffsetHours: 8 }))).toBe('1985-02-20');
    expect(lunarYearMonths(1984)).toHaveLength(12);
    expect(lunarYearMonths(1984, { utcOffsetHours: 8 }).find((m) => m.leap)?.month).toBe(10);
    expect(lunarYearMonths(1985).find((m) => m.leap)?.month).toBe(2);
    // 2007: the new moon of 17 February came at 23:14 in Hà Nội, 00:14 in Beijing.
    expect(iso(lunarNewYear(2007))).toBe('2007-02-17');
    expect(iso(lunarNewYear(2007, { utcOffsetHours: 8 }))).toBe('2007-02-18');
    // Tết Mậu Thân: 29 January in the North (UTC+7 from 1968), 30 January in the South.
    expect(iso(lunarNewYear(1968))).toBe('1968-01-29');
    expect(iso(lunarNewYear(1968, { utcOffsetHours: 8 }))).toBe('1968-01-30');
    expect(iso(lunarNewYear(2030))).toBe('2030-02-02');
    expect(iso(lunarNewYear(2030, { utcOffsetHours: 8 }))).toBe('2030-02-03');
  });

  it('places the leap months of 2020, 2023 and 2025', () => {
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true })).toEqual({
      ok: true,
      value: { year: 2020, month: 5, day: 23 },
    });
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toEqual({
      ok: true,
      value: { year: 2023, month: 3, day: 22 },
    });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toEqual({
      ok: true,
      value: { year: 2025, month: 7, day: 25 },
    });
    expect(solarToLunar('2025-08-01')).toEqual({ day: 8, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2025-08-23')).toEqual({ day: 1, month: 7, year: 2025, leap: false });
  });

  it('has a leap 11th month in 2033, after the 11th month of that lunar year', () => {
    const months = lunarYearMonths(2033);
    expect(months.map((m) => `${m.month}${m.leap ? 'L' : ''}`).slice(-3)).toEqual(['11', '11L', '12']);
    const leap11 = lunarToSolar({ year: 2033, month: 11, day: 1, leap: true });
    expect(leap11.ok && iso(leap11.value)).toBe('2033-12-22');
    expect(solarToLunar('2033-12-22')).toEqual({ day: 1, month: 11, year: 2033, leap: true });
  });

  it('matches the lunar dates quoted in holiday announcements', () => {
    // "từ 16/2/2026 (tức ngày 29 tháng Chạp năm Ất Tỵ) đến hết 20/2/2026 (mùng 4 tháng Giêng)"
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2026-02-20')).toEqual({ day: 4, month: 1, year: 2026, leap: false });
    expect(solarToLunar('2026-02-14')).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    // Tết Ất Tỵ 2025: 25/1 = 26 tháng Chạp, 2/2 = mùng 5; Giáp Thìn had no 30th of Chạp.
    expect(solarToLunar('2025-01-25')).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2025-02-02')).toEqual({ day: 5, month: 1, year: 2025, leap: false });
    expect(lunarToSolar({ year: 2024, month: 12, day: 30 }).ok).toBe(false);
    // 8/2/2024 = 29 tháng Chạp Quý Mão; 20/1/2023 = 29 tháng Chạp Nhâm Dần.
    expect(solarToLunar('2024-02-08')).toEqual({ day: 29, month: 12, year: 2023, leap: false });
    expect(solarToLunar('2023-01-20')).toEqual({ day: 29, month: 12, year: 2022, leap: false });
  });

  it('gives Giỗ Tổ Hùng Vương (10/3 âm lịch) as announced', () => {
    const hungKings = (year: number) => {
      const r = lunarToSolar({ year, month: 3, day: 10 });
      return r.ok ? iso(r.value) : r.error.en;
    };
    expect(hungKings(2022)).toBe('2022-04-10');
    expect(hungKings(2023)).toBe('2023-04-29');
    expect(hungKings(2024)).toBe('2024-04-18');
    expect(hungKings(2025)).toBe('2025-04-07');
    expect(hungKings(2026)).toBe('2026-04-26');
  });
});

describe('lunar calendar: invariants 1900–2100', () => {
  it('every year has 12 or 13 months of 29 or 30 days, contiguous, Tết between 21 January and 20 February', () => {
    for (let year = 1900; year <= 2100; year++) {
      const months = lunarYearMonths(year);
      expect([12, 13]).toContain(months.length);
      expect(months.filter((m) => m.leap).length).toBe(months.length - 12);
      const first = months[0];
      expect(first?.month).toBe(1);
      expect(first?.leap).toBe(false);
      const tet = iso(lunarNewYear(year));
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year}: ${tet}`).toBe(true);
      let expectedStart = toEpochDay(lunarNewYear(year));
      let regular = 0;
      for (const m of months) {
        expect([29, 30]).toContain(m.length);
        expect(toEpochDay(m.start)).toBe(expectedStart);
        expectedStart += m.length;
        if (!m.leap) expect(m.month).toBe(++regular);
      }
      expect(regular).toBe(12);
      expect(expectedStart).toBe(toEpochDay(lunarNewYear(year + 1)));
    }
  });

  it('maps every day of 1900–2100 to a lunar date and back', () => {
    const from = toEpochDay({ year: 1900, month: 1, day: 1 });
    const to = toEpochDay({ year: 2100, month: 12, day: 31 });
    let previous = solarToLunar(fromEpochDay(from - 1));
    for (let d = from; d <= to; d++) {
      const date = fromEpochDay(d);
      const lunar = solarToLunar(date);
      // Consecutive days: the next lunar day, or day 1 of the next month.
      if (lunar.day !== 1) expect(lunar.day).toBe(previous.day + 1);
      else expect([29, 30]).toContain(previous.day);
      const back = lunarToSolar(lunar);
      if (!back.ok || toEpochDay(back.value) !== d)
        throw new Error(`${iso(date)} → ${JSON.stringify(lunar)} → ${JSON.stringify(back)}`);
      previous = lunar;
    }
  });

  it('round-trips sampled dates in both directions (property)', () => {
    const min = toEpochDay({ year: 1800, month: 1, day: 1 });
    const max = toEpochDay({ year: 2199, month: 12, day: 31 });
    fc.assert(
      fc.property(fc.integer({ min, max }), (d) => {
        const lunar = solarToLunar(fromEpochDay(d));
        const back = lunarToSolar(lunar);
        return back.ok && toEpochDay(back.value) === d;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1801, max: 2198 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (year, month, day, leap) => {
          const r = lunarToSolar({ year, month, day, leap });
          if (!r.ok) return day === 30 || leap; // only non-existent dates fail
          expect(solarToLunar(r.value)).toEqual({ year, month, day, leap });
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('lunar calendar: bad input', () => {
  it('reports lunar dates that do not exist, in both languages, without throwing', () => {
    const noLeap = lunarToSolar({ year: 2024, month: 4, day: 1, leap: true });
    expect(noLeap.ok).toBe(false);
    if (!noLeap.ok) {
      expect(noLeap.error.vi).toContain('không có tháng 4 nhuận');
      expect(noLeap.error.en).toContain('no leap month 4');
    }
    const wrongLeap = lunarToSolar({ year: 2025, month: 5, day: 1, leap: true });
    expect(!wrongLeap.ok && wrongLeap.error.en).toContain('its leap month is 6');
    expect(lunarToSolar({ year: 2025, month: 13, day: 1 }).ok).toBe(false);
    expect(lunarToSolar({ year: 2025, month: 1, day: 0 }).ok).toBe(false);
    expect(lunarToSolar({ year: 2025, month: 1, day: 1.5 }).ok).toBe(false);
    expect(lunarToSolar({ year: 2300, month: 1, day: 1 }).ok).toBe(false);
  });

  it('throws RangeError for programmer errors: malformed dates, unsupported range, bad offsets', () => {
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('1799-12-31')).toThrow(/outside the supported range/);
    expect(() => solarToLunar('2200-01-01')).toThrow(RangeError);
    expect(() => lunarYearMonths(1799)).toThrow(RangeError);
    expect(() => lunarNewYear(2200)).toThrow(RangeError);
    expect(() => solarToLunar('2025-01-29', { utcOffsetHours: 7.1 })).toThrow(RangeError);
    expect(() => solarToLunar('2025-01-29', { utcOffsetHours: 15 })).toThrow(RangeError);
  });
});
