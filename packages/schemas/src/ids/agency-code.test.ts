import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyCodeSchema, parseAgencyCode, QD20_MAX_LENGTH } from './agency-code.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const level1Qd20 = fc.tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXY'), digits(2)).map(([m, x]) => m + x);
const typeOf = (level1: string) => (level1[0] === 'G' ? 'ministry' : level1[0] === 'H' ? 'province' : 'other');

const qcvnArb = fc.tuple(digits(3), digits(2), digits(2), upper, digits(2));
const qd20Arb = fc.tuple(
  level1Qd20,
  fc.array(
    fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 5 }),
    {
      maxLength: 8,
    },
  ),
);

describe('parseAgencyCode: examples of identifiers.md §2', () => {
  it('decodes QCVN 102:2016 codes with the level-1 code rightmost', () => {
    expect(parseAgencyCode('000.00.00.G22')).toEqual({
      kind: 'agency-code',
      input: '000.00.00.G22',
      valid: true,
      facts: { format: 'qcvn102', level1: 'G22', level1Type: 'ministry', groups: ['000', '00', '00', 'G22'] },
      problems: [],
    });
    expect(parseAgencyCode('000.00.00.H41').facts?.level1).toBe('H41');
    expect(parseAgencyCode('000.17.22.H56').facts).toMatchObject({ level1: 'H56', level1Type: 'province' });
    expect(parseAgencyCode('002.00.20.H13').facts?.groups).toEqual(['002', '00', '20', 'H13']);
  });

  it('decodes QĐ 20/2020 codes with the level-1 code leftmost, including a bare level-1 code', () => {
    expect(parseAgencyCode('H56.14').facts).toEqual({
      format: 'qd20',
      level1: 'H56',
      level1Type: 'province',
      groups: ['H56', '14'],
    });
    expect(parseAgencyCode('H37.02.02').facts).toEqual({
      format: 'qd20',
      level1: 'H37',
      level1Type: 'province',
      groups: ['H37', '02', '02'],
    });
    expect(parseAgencyCode('H56').facts).toEqual({
      format: 'qd20',
      level1: 'H56',
      level1Type: 'province',
      groups: ['H56'],
    });
    expect(parseAgencyCode('A01.X9').facts?.level1Type).toBe('other');
  });

  it('rejects other shapes with ID_AGENCY_FORMAT', () => {
    for (const v of [
      '',
      '000.00.G22',
      '000.00.00.G2',
      '000.00.00.22',
      '000.00.00.g22',
      'h56.14',
      'Z01.ABC',
      'H5',
      'H56.',
      'H56..14',
      '.H56',
      'H56-14',
      'H56.1 4',
      '0.00.00.G22',
    ]) {
      const r = parseAgencyCode(v);
      expect(codes(r), v).toEqual(['ID_AGENCY_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('rejects a QĐ 20/2020 code over 35 characters with ID_AGENCY_TOO_LONG, facts still decoded', () => {
    const ok = `H56.${'1'.repeat(QD20_MAX_LENGTH - 4)}`;
    expect(ok).toHaveLength(35);
    expect(parseAgencyCode(ok).valid).toBe(true);
    const long = `${ok}2`;
    const r = parseAgencyCode(long);
    expect(r.problems).toEqual([
      { code: 'ID_AGENCY_TOO_LONG', severity: 'error', params: { length: 36, maximum: 35 } },
    ]);
    expect(r.facts?.level1).toBe('H56');
  });
});

describe('parseAgencyCode: properties', () => {
  it('round-trips generated QCVN 102:2016 codes', () => {
    fc.assert(
      fc.property(qcvnArb, ([v, z, y, m, x]) => {
        const level1 = m + x;
        const r = parseAgencyCode(`${v}.${z}.${y}.${level1}`);
        expect(r.valid).toBe(true);
        expect(r.facts).toEqual({ format: 'qcvn102', level1, level1Type: typeOf(level1), groups: [v, z, y, level1] });
      }),
    );
  });

  it('round-trips generated QĐ 20/2020 codes and applies the 35-character limit', () => {
    fc.assert(
      fc.property(qd20Arb, ([level1, rest]) => {
        const code = [level1, ...rest].join('.');
        const r = parseAgencyCode(code);
        expect(r.facts).toEqual({ format: 'qd20', level1, level1Type: typeOf(level1), groups: [level1, ...rest] });
        expect(r.valid).toBe(code.length <= 35);
        expect(codes(r)).toEqual(code.length <= 35 ? [] : ['ID_AGENCY_TOO_LONG']);
      }),
    );
  });

  it('rejects a QCVN 102 code with one character inserted or deleted', () => {
    fc.assert(
      fc.property(qcvnArb, fc.nat(), fc.constantFrom(...'0123456789AGH.-'), ([v, z, y, m, x], at, ch) => {
        const code = `${v}.${z}.${y}.${m}${x}`;
        const i = at % (code.length + 1);
        expect(parseAgencyCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
        const j = at % code.length;
        expect(parseAgencyCode(code.slice(0, j) + code.slice(j + 1)).valid).toBe(false);
      }),
    );
  });

  it('rejects a QĐ 20/2020 code with a forbidden character inserted inside', () => {
    fc.assert(
      fc.property(qd20Arb, fc.nat(), fc.constantFrom(...'ahz-_ :/Đ'), ([level1, rest], at, ch) => {
        const code = [level1, ...rest].join('.');
        const i = 1 + (at % code.length);
        expect(parseAgencyCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
      }),
    );
  });
});

describe('agencyCodeSchema', () => {
  it('accepts both formats and rejects others', () => {
    expect(agencyCodeSchema.safeParse('000.00.00.G22').success).toBe(true);
    expect(agencyCodeSchema.safeParse('H56.14').success).toBe(true);
    const r = agencyCodeSchema.safeParse('000.00.G22');
    expect(r.success).toBe(false);
    expect(firstMotcuaCode(r)).toBe('ID_AGENCY_FORMAT');
  });
});
