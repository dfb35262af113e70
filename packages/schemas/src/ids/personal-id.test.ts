import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONAL_ID_PROVINCES, parsePersonalId, personalIdSchema } from './personal-id.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const NOW = new Date('2025-07-01T00:00:00+07:00');
const FAR_FUTURE = new Date('2500-01-01T00:00:00Z');
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

/** Encodes a personal identification number from its parts, independently of the parser (§5.1–5.2). */
function encode(province: string, birthYear: number, gender: 'male' | 'female', random: string): string {
  const g = 2 * Math.floor((birthYear - 1900) / 100) + (gender === 'female' ? 1 : 0);
  return `${province}${g}${String(birthYear % 100).padStart(2, '0')}${random}`;
}

const provinceArb = fc.constantFrom(...Object.keys(PERSONAL_ID_PROVINCES));
const randomArb = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 });
const genderArb = fc.constantFrom<'male' | 'female'>('male', 'female');

describe('PERSONAL_ID_PROVINCES (identifiers.md §5.3)', () => {
  it('holds the 63 pre-2025 provinces with three-digit codes from 001 to 096', () => {
    const entries = Object.entries(PERSONAL_ID_PROVINCES);
    expect(entries).toHaveLength(63);
    for (const [code] of entries) {
      expect(code).toMatch(/^0\d{2}$/);
      expect(Number(code)).toBeGreaterThanOrEqual(1);
      expect(Number(code)).toBeLessThanOrEqual(96);
    }
    expect(new Set(Object.values(PERSONAL_ID_PROVINCES)).size).toBe(63);
  });

  it('follows the majority table (019 Thái Nguyên, 020 Lạng Sơn, 025 Phú Thọ present)', () => {
    expect(PERSONAL_ID_PROVINCES['019']).toBe('Thái Nguyên');
    expect(PERSONAL_ID_PROVINCES['020']).toBe('Lạng Sơn');
    expect(PERSONAL_ID_PROVINCES['025']).toBe('Phú Thọ');
    expect(PERSONAL_ID_PROVINCES['038']).toBe('Thanh Hóa');
    expect(PERSONAL_ID_PROVINCES['079']).toBe('TP Hồ Chí Minh');
  });

  it('is frozen and names are NFC-normalized Vietnamese', () => {
    expect(Object.isFrozen(PERSONAL_ID_PROVINCES)).toBe(true);
    for (const name of Object.values(PERSONAL_ID_PROVINCES)) expect(name).toBe(name.normalize('NFC'));
  });
});

describe('parsePersonalId', () => {
  it('decodes the documented example of the module', () => {
    const r = parsePersonalId('038190012345', { now: NOW });
    expect(r).toEqual({
      kind: 'personal-id',
      input: '038190012345',
      valid: true,
      facts: {
        provinceCode: '038',
        provinceName: 'Thanh Hóa',
        century: 20,
        gender: 'female',
        birthYear: 1990,
        random: '012345',
      },
      problems: [],
    });
  });

  it('decodes every century-and-gender digit per §5.2', () => {
    const expected: Array<[string, number, 'male' | 'female', number]> = [
      ['0', 20, 'male', 1985],
      ['1', 20, 'female', 1985],
      ['2', 21, 'male', 2085],
      ['3', 21, 'female', 2085],
      ['4', 22, 'male', 2185],
      ['5', 22, 'female', 2185],
      ['6', 23, 'male', 2285],
      ['7', 23, 'female', 2285],
      ['8', 24, 'male', 2385],
      ['9', 24, 'female', 2385],
    ];
    for (const [g, century, gender, birthYear] of expected) {
      const r = parsePersonalId(`001${g}85000001`, { now: FAR_FUTURE });
      expect(r.facts).toMatchObject({ century, gender, birthYear });
    }
  });

  it('rejects anything but 12 ASCII digits with ID_PERSONAL_FORMAT', () => {
    for (const v of [
      '',
      '03819001234',
      '0381900123456',
      '03819001234a',
      '038 190012345',
      '０３８１９００１２３４５',
      '٠٣٨١٩٠٠١٢٣٤٥',
    ]) {
      const r = parsePersonalId(v, { now: NOW });
      expect(r.valid).toBe(false);
      expect(codes(r)).toEqual(['ID_PERSONAL_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('only warns on a province code outside the table (§5.4), and omits provinceName', () => {
    const r = parsePersonalId('003190012345', { now: NOW });
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([
      { code: 'ID_PERSONAL_PROVINCE_UNKNOWN', severity: 'warning', params: { provinceCode: '003' } },
    ]);
    expect(r.facts).not.toHaveProperty('provinceName');
    expect(r.facts?.provinceCode).toBe('003');
  });

  it('rejects a birth year in the future, still decoding the facts', () => {
    const r = parsePersonalId('038226012345', { now: NOW });
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([
      { code: 'ID_PERSONAL_BIRTH_YEAR_FUTURE', severity: 'error', params: { birthYear: 2026, currentYear: 2025 } },
    ]);
    expect(r.facts?.birthYear).toBe(2026);
    expect(parsePersonalId('038225012345', { now: NOW }).valid).toBe(true);
  });

  it('decides "now" in Vietnam time (UTC+07:00)', () => {
    const born2026 = '038226012345';
    // 2025-12-31 23:59:59 in Hà Nội
    expect(parsePersonalId(born2026, { now: new Date('2025-12-31T16:59:59Z') }).valid).toBe(false);
    // 2026-01-01 00:30 in Hà Nội, still 2025 in UTC
    expect(parsePersonalId(born2026, { now: new Date('2025-12-31T17:30:00Z') }).valid).toBe(true);
  });

  it('defaults "now" to the current date', () => {
    const thisYear = new Date().getUTCFullYear();
    // A birth year two years ahead is in the future whatever the time zone.
    const ahead = encode('001', thisYear + 2, 'male', '000001');
    expect(codes(parsePersonalId(ahead))).toContain('ID_PERSONAL_BIRTH_YEAR_FUTURE');
    expect(parsePersonalId(encode('001', thisYear - 1, 'male', '000001')).valid).toBe(true);
  });

  it('reports surrounding whitespace as an error but decodes the trimmed value', () => {
    const r = parsePersonalId(' 038190012345\n', { now: NOW });
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['ID_WHITESPACE']);
    expect(r.input).toBe(' 038190012345\n');
    expect(r.facts?.birthYear).toBe(1990);
  });

  it('round-trips generated province, gender, birth year and random digits', () => {
    fc.assert(
      fc.property(
        provinceArb,
        fc.integer({ min: 1900, max: 2399 }),
        genderArb,
        randomArb,
        (p, year, gender, random) => {
          const r = parsePersonalId(encode(p, year, gender, random), { now: FAR_FUTURE });
          expect(r.valid).toBe(true);
          expect(r.problems).toEqual([]);
          expect(r.facts).toEqual({
            provinceCode: p,
            provinceName: PERSONAL_ID_PROVINCES[p],
            century: Math.floor(year / 100) + 1,
            gender,
            birthYear: year,
            random,
          });
        },
      ),
    );
  });

  it('accepts birth years up to the current year and rejects later ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2399 }), genderArb, (year, gender) => {
        const r = parsePersonalId(encode('038', year, gender, '123456'), { now: NOW });
        expect(r.valid).toBe(year <= 2025);
        expect(codes(r).includes('ID_PERSONAL_BIRTH_YEAR_FUTURE')).toBe(year > 2025);
      }),
    );
  });

  it('warns, never rejects, on any code outside the table', () => {
    const unknown = fc
      .integer({ min: 0, max: 999 })
      .map((n) => String(n).padStart(3, '0'))
      .filter((c) => !(c in PERSONAL_ID_PROVINCES));
    fc.assert(
      fc.property(unknown, (p) => {
        const r = parsePersonalId(encode(p, 1990, 'male', '000000'), { now: NOW });
        expect(r.valid).toBe(true);
        expect(codes(r)).toEqual(['ID_PERSONAL_PROVINCE_UNKNOWN']);
      }),
    );
  });

  it('rejects a valid number with one character inserted or deleted', () => {
    const valid = fc
      .tuple(provinceArb, fc.integer({ min: 1900, max: 2025 }), genderArb, randomArb)
      .map(([p, y, g, r]) => encode(p, y, g, r));
    fc.assert(
      fc.property(valid, fc.nat(), fc.constantFrom(...'0123456789a.-'), (id, at, ch) => {
        const i = at % (id.length + 1);
        const inserted = id.slice(0, i) + ch + id.slice(i);
        const deleted = id.slice(0, i % id.length) + id.slice((i % id.length) + 1);
        expect(parsePersonalId(inserted, { now: NOW }).valid).toBe(false);
        expect(parsePersonalId(deleted, { now: NOW }).valid).toBe(false);
      }),
    );
  });
});

describe('personalIdSchema', () => {
  it('accepts a valid number and returns it unchanged', () => {
    expect(personalIdSchema.parse('038190012345')).toBe('038190012345');
  });

  it('fails on "abc" with an issue marked with ID_PERSONAL_FORMAT', () => {
    const r = personalIdSchema.safeParse('abc');
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]?.code).toBe('custom');
    expect(firstMotcuaCode(r)).toBe('ID_PERSONAL_FORMAT');
  });

  it('does not fail on a warning (unknown province)', () => {
    expect(personalIdSchema.safeParse('003190012345').success).toBe(true);
  });

  it('fails on a non-string with zod’s own type issue', () => {
    const r = personalIdSchema.safeParse(38190012345);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('invalid_type');
  });
});
