import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProcedureCode, procedureCodeSchema } from './procedure-code.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const nationalArb = fc.tuple(digits(1), digits(6)).map(([a, b]) => `${a}.${b}`);
const level1Arb = fc.tuple(letter, digits(2)).map(([m, x]) => m + x);
const qcvnArb = fc.tuple(digits(3), digits(2), digits(2), level1Arb).map((g) => g.join('.'));
const anyFormArb = fc.oneof(
  nationalArb,
  fc.tuple(nationalArb, qcvnArb).map(([n, a]) => `${n}.${a}`),
  fc.tuple(nationalArb, level1Arb).map(([n, a]) => `${n}.${a}`),
);

describe('parseProcedureCode (identifiers.md §4)', () => {
  it('decodes the national examples', () => {
    for (const code of ['1.001193', '2.000986', '1.000894', '2.002492', '2.000488']) {
      expect(parseProcedureCode(code)).toEqual({
        kind: 'procedure-code',
        input: code,
        valid: true,
        facts: { form: 'national', national: code },
        problems: [],
      });
    }
  });

  it('decodes the localized long examples', () => {
    expect(parseProcedureCode('1.003560.000.00.00.H56').facts).toEqual({
      form: 'localized-long',
      national: '1.003560',
      agencyCode: '000.00.00.H56',
    });
    expect(parseProcedureCode('1.000494.000.00.00.H29').facts?.agencyCode).toBe('000.00.00.H29');
    expect(parseProcedureCode('3.000181.000.00.00.H22').facts?.national).toBe('3.000181');
  });

  it('decodes the localized short examples', () => {
    expect(parseProcedureCode('1.000948.H38').facts).toEqual({
      form: 'localized-short',
      national: '1.000948',
      agencyCode: 'H38',
    });
    expect(parseProcedureCode('2.002621.H56').valid).toBe(true);
  });

  it('rejects other shapes with ID_PROCEDURE_FORMAT', () => {
    for (const v of [
      '',
      '1.00119',
      '1.0011930',
      '12.001193',
      '1,001193',
      '1.001193.',
      '1.001193.h56',
      '1.001193.000.00.H56',
      '1.000494.01',
      'A.001193',
    ]) {
      const r = parseProcedureCode(v);
      expect(codes(r), v).toEqual(['ID_PROCEDURE_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('round-trips generated codes of every form', () => {
    fc.assert(
      fc.property(nationalArb, qcvnArb, level1Arb, (national, qcvn, level1) => {
        expect(parseProcedureCode(national).facts).toEqual({ form: 'national', national });
        expect(parseProcedureCode(`${national}.${qcvn}`).facts).toEqual({
          form: 'localized-long',
          national,
          agencyCode: qcvn,
        });
        expect(parseProcedureCode(`${national}.${level1}`).facts).toEqual({
          form: 'localized-short',
          national,
          agencyCode: level1,
        });
      }),
    );
  });

  it('rejects a valid code with one character inserted or deleted', () => {
    fc.assert(
      fc.property(anyFormArb, fc.nat(), fc.constantFrom(...'0123456789H.-'), (code, at, ch) => {
        const i = at % (code.length + 1);
        expect(parseProcedureCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
        const j = at % code.length;
        expect(parseProcedureCode(code.slice(0, j) + code.slice(j + 1)).valid).toBe(false);
      }),
    );
  });
});

describe('procedureCodeSchema', () => {
  it('accepts and rejects as documented', () => {
    expect(procedureCodeSchema.safeParse('2.002621.H56').success).toBe(true);
    const r = procedureCodeSchema.safeParse('1.00119');
    expect(firstMotcuaCode(r)).toBe('ID_PROCEDURE_FORMAT');
  });
});
