import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierCodeSchema, formatDossierCode, parseDossierCode } from './dossier-code.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Days in a month from the platform calendar, independent of the parser's own table. */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const agencyArb = fc
  .tuple(digits(3), digits(2), digits(2), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), digits(2))
  .map(([v, z, y, m, x]) => `${v}.${z}.${y}.${m}${x}`);
const dateArb = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => d <= daysIn(y, m))
  .map(([year, month, day]) => ({ year, month, day }));
const sequenceArb = fc.integer({ min: 1, max: 9999 });
const build = (agency: string, d: { year: number; month: number; day: number }, seq: number) =>
  `${agency}-${pad(d.year % 100, 2)}${pad(d.month, 2)}${pad(d.day, 2)}-${pad(seq, 4)}`;

describe('parseDossierCode (TT 01/2018/TT-VPCP Điều 19)', () => {
  it('decodes the documented example', () => {
    expect(parseDossierCode('000.00.00.H56-250701-0001')).toEqual({
      kind: 'dossier-code',
      input: '000.00.00.H56-250701-0001',
      valid: true,
      facts: { agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 },
      problems: [],
    });
    expect(parseDossierCode('000.17.22.H56-241231-9999').facts).toEqual({
      agencyCode: '000.17.22.H56',
      receivedDate: '2024-12-31',
      sequence: 9999,
    });
  });

  it('rejects dates that are not real days (250230, 250431, 251301, 250100, 250229) with ID_DOSSIER_DATE', () => {
    for (const date of ['250230', '250431', '251301', '250100', '250229', '250001', '25070', '2507011', '25O701']) {
      const r = parseDossierCode(`000.00.00.H56-${date}-0001`);
      expect(r.valid, date).toBe(false);
      expect(codes(r), date).toEqual(['ID_DOSSIER_DATE']);
      expect(r.facts).toBeUndefined();
    }
    expect(parseDossierCode('000.00.00.H56-250230-0001').problems[0]?.params).toEqual({ date: '250230' });
  });

  it('accepts 29 February in leap years only (2000 and 2024 yes, 2100 is out of range)', () => {
    expect(parseDossierCode('000.00.00.H56-000229-0001').facts?.receivedDate).toBe('2000-02-29');
    expect(parseDossierCode('000.00.00.H56-240229-0001').valid).toBe(true);
    expect(parseDossierCode('000.00.00.H56-230229-0001').valid).toBe(false);
  });

  it('rejects a sequence that is not 4 digits with ID_DOSSIER_SEQUENCE (e.g. the 5-random-digit fallback)', () => {
    for (const seq of ['12345', '001', '', '00A1', '０００１']) {
      expect(codes(parseDossierCode(`000.00.00.H56-250701-${seq}`)), seq).toEqual(['ID_DOSSIER_SEQUENCE']);
    }
  });

  it('rejects sequence 0000 with ID_DOSSIER_SEQUENCE_ZERO, facts still decoded', () => {
    const r = parseDossierCode('000.00.00.H56-250701-0000');
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['ID_DOSSIER_SEQUENCE_ZERO']);
    expect(r.facts?.sequence).toBe(0);
  });

  it('rejects a malformed agency part with ID_DOSSIER_AGENCY', () => {
    for (const agency of ['000.00.H56', 'abc', '', '000.00.00.h56', 'Z01.ABC']) {
      const r = parseDossierCode(`${agency}-250701-0001`);
      expect(codes(r), agency).toEqual(['ID_DOSSIER_AGENCY']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('accepts a QĐ 20/2020 agency with warning ID_DOSSIER_AGENCY_QD20', () => {
    const r = parseDossierCode('H56.14-250701-0001');
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([{ code: 'ID_DOSSIER_AGENCY_QD20', severity: 'warning' }]);
    expect(r.facts?.agencyCode).toBe('H56.14');
  });

  it('rejects a value that is not three dash-separated parts with ID_DOSSIER_FORMAT', () => {
    for (const v of [
      '',
      '000.00.00.H56',
      '000.00.00.H56-250701',
      '000.00.00.H56-250701-0001-1',
      '000.00.00.H56_250701_0001',
    ]) {
      expect(codes(parseDossierCode(v)), v).toEqual(['ID_DOSSIER_FORMAT']);
    }
  });

  it('reports every broken part at once', () => {
    expect(codes(parseDossierCode('x-991399-0'))).toEqual([
      'ID_DOSSIER_AGENCY',
      'ID_DOSSIER_DATE',
      'ID_DOSSIER_SEQUENCE',
    ]);
  });

  it('round-trips generated agency, date and sequence', () => {
    fc.assert(
      fc.property(agencyArb, dateArb, sequenceArb, (agency, d, seq) => {
        const code = build(agency, d, seq);
        const r = parseDossierCode(code);
        expect(r.valid).toBe(true);
        expect(r.facts).toEqual({
          agencyCode: agency,
          receivedDate: `${d.year}-${pad(d.month, 2)}-${pad(d.day, 2)}`,
          sequence: seq,
        });
      }),
    );
  });

  it('rejects a generated code whose day is past the end of its month', () => {
    const badDate = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99 }))
      .filter(([y, m, d]) => d > daysIn(y, m));
    fc.assert(
      fc.property(agencyArb, badDate, sequenceArb, (agency, [year, month, day], seq) => {
        expect(codes(parseDossierCode(build(agency, { year, month, day }, seq)))).toEqual(['ID_DOSSIER_DATE']);
      }),
    );
  });

  it('rejects a valid code with one character inserted or deleted', () => {
    fc.assert(
      fc.property(
        agencyArb,
        dateArb,
        sequenceArb,
        fc.nat(),
        fc.constantFrom(...'0123456789AHZ.-'),
        (a, d, s, at, ch) => {
          const code = build(a, d, s);
          const i = at % (code.length + 1);
          expect(parseDossierCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
          const j = at % code.length;
          expect(parseDossierCode(code.slice(0, j) + code.slice(j + 1)).valid).toBe(false);
        },
      ),
    );
  });
});

describe('formatDossierCode', () => {
  it('builds the documented example', () => {
    expect(formatDossierCode('000.00.00.H56', { year: 2025, month: 7, day: 1 }, 1)).toBe('000.00.00.H56-250701-0001');
  });

  it('builds what parseDossierCode decodes back', () => {
    fc.assert(
      fc.property(agencyArb, dateArb, sequenceArb, (agency, d, seq) => {
        const code = formatDossierCode(agency, d, seq);
        expect(code).toBe(build(agency, d, seq));
        expect(parseDossierCode(code).facts?.sequence).toBe(seq);
      }),
    );
  });

  it('throws a RangeError naming the bad argument', () => {
    const day = { year: 2025, month: 7, day: 1 };
    expect(() => formatDossierCode('H56.14', day, 1)).toThrow(/agencyCode/);
    expect(() => formatDossierCode('000.00.00.h56', day, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.00.H56', { year: 2025, month: 2, day: 30 }, 1)).toThrow(/date/);
    expect(() => formatDossierCode('000.00.00.H56', { year: 1999, month: 12, day: 31 }, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.00.H56', { year: 2100, month: 1, day: 1 }, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.00.H56', { year: 2025, month: 7.5, day: 1 }, 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.00.H56', undefined as unknown as typeof day, 1)).toThrow(RangeError);
    for (const seq of [0, 10000, 1.5, Number.NaN, -1]) {
      expect(() => formatDossierCode('000.00.00.H56', day, seq)).toThrow(/sequence/);
    }
    expect(formatDossierCode('000.00.00.H56', day, 9999)).toBe('000.00.00.H56-250701-9999');
  });
});

describe('dossierCodeSchema', () => {
  it('accepts a valid code and rejects the 5-digit sequence with ID_DOSSIER_SEQUENCE', () => {
    expect(dossierCodeSchema.safeParse('000.00.00.H56-250701-0001').success).toBe(true);
    const r = dossierCodeSchema.safeParse('000.00.00.H56-250701-12345');
    expect(r.success).toBe(false);
    expect(firstMotcuaCode(r)).toBe('ID_DOSSIER_SEQUENCE');
  });
});
