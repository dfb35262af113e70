import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaxCode, personalTaxCodeSchema, taxCodeCheckDigit, taxCodeSchema } from './tax-code.ts';

const NOW = new Date('2025-07-01T00:00:00+07:00');
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const motcuaCodes = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues ?? []).map((i) => (i as { params?: Record<string, unknown> }).params?.motcuaCode);

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** The rule of identifiers.md §7.2, written out independently as the test oracle. */
function remainder(first9: string): number {
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(first9[i]) * (w[i] as number);
  return s % 11;
}
const checkDigitOf = (r: number) => (r === 10 ? 0 : 10 - r);

describe('parseTaxCode: the worked examples of identifiers.md §7.2', () => {
  it('accepts 0100109106 (Viettel) and 0106001236 as verified entities', () => {
    for (const code of ['0100109106', '0106001236']) {
      const r = parseTaxCode(code);
      expect(r).toEqual({
        kind: 'tax-code',
        input: code,
        valid: true,
        facts: { form: 'entity', base: code, checkDigitVerified: true },
        problems: [],
      });
    }
  });

  it('rejects the 11 − r variant 0100109107 with ID_TAX_CHECK_DIGIT', () => {
    const r = parseTaxCode('0100109107');
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([{ code: 'ID_TAX_CHECK_DIGIT', severity: 'error', params: { expected: 6, actual: 7 } }]);
    expect(r.facts).toEqual({ form: 'entity', base: '0100109107', checkDigitVerified: false });
  });

  it('maps r = 10 to check digit 0: 0100000010', () => {
    expect(parseTaxCode('0100000010').facts?.checkDigitVerified).toBe(true);
    expect(taxCodeCheckDigit('010000001')).toBe(0);
  });

  it('does not reject r = 0 but warns ID_TAX_CHECK_DIGIT_UNVERIFIABLE (prefix 010000005)', () => {
    const r = parseTaxCode('0100000050');
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([{ code: 'ID_TAX_CHECK_DIGIT_UNVERIFIABLE', severity: 'warning' }]);
    expect(r.facts?.checkDigitVerified).toBe(false);
    expect(taxCodeCheckDigit('010000005')).toBeUndefined();
  });
});

describe('parseTaxCode: forms', () => {
  it('decodes the branch form NNNNNNNNNN-NNN and checks its base', () => {
    expect(parseTaxCode('0100109106-001').facts).toEqual({
      form: 'branch',
      base: '0100109106',
      branchSuffix: '001',
      checkDigitVerified: true,
    });
    expect(codes(parseTaxCode('0100109107-001'))).toEqual(['ID_TAX_CHECK_DIGIT']);
  });

  it('rejects the undashed 13-digit form with ID_TAX_BRANCH_DASH and suggests the fix', () => {
    const r = parseTaxCode('0100109106001');
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([
      { code: 'ID_TAX_BRANCH_DASH', severity: 'error', params: { suggestion: '0100109106-001' } },
    ]);
    expect(r.facts?.form).toBe('branch');
  });

  it('rejects a branch suffix that is not 3 digits with ID_TAX_BRANCH_SUFFIX', () => {
    for (const v of ['0100109106-01', '0100109106-0001', '0100109106-', '0100109106-00A']) {
      expect(codes(parseTaxCode(v))).toEqual(['ID_TAX_BRANCH_SUFFIX']);
    }
  });

  it('rejects other shapes with ID_TAX_FORMAT', () => {
    for (const v of [
      '',
      '010010910',
      '01001091066',
      '0100 109 106',
      'MST0100109106',
      '01001091061234',
      '0100109106_001',
    ]) {
      const r = parseTaxCode(v);
      expect(codes(r)).toEqual(['ID_TAX_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('rejects 12 digits unless acceptPersonalId, then validates them as a personal identification number', () => {
    expect(codes(parseTaxCode('038190012345'))).toEqual(['ID_TAX_PERSONAL_ID_NOT_ACCEPTED']);
    const r = parseTaxCode('038190012345', { acceptPersonalId: true, now: NOW });
    expect(r.valid).toBe(true);
    expect(r.facts).toEqual({
      form: 'personal-id',
      base: '038190012345',
      checkDigitVerified: false,
      personalId: {
        provinceCode: '038',
        provinceName: 'Thanh Hóa',
        century: 20,
        gender: 'female',
        birthYear: 1990,
        random: '012345',
      },
    });
    expect(codes(parseTaxCode('038226012345', { acceptPersonalId: true, now: NOW }))).toEqual([
      'ID_PERSONAL_BIRTH_YEAR_FUTURE',
    ]);
    expect(parseTaxCode('003190012345', { acceptPersonalId: true, now: NOW }).valid).toBe(true);
  });

  it('reports surrounding whitespace but decodes the trimmed value', () => {
    const r = parseTaxCode('0100109106 ');
    expect(codes(r)).toEqual(['ID_WHITESPACE']);
    expect(r.facts?.base).toBe('0100109106');
  });
});

describe('taxCodeCheckDigit', () => {
  it('computes the documented check digits', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(taxCodeCheckDigit('010600123')).toBe(6);
  });

  it('throws a RangeError unless given nine ASCII digits', () => {
    for (const v of ['01001091', '0100109106', '01001091a', '']) expect(() => taxCodeCheckDigit(v)).toThrow(RangeError);
    expect(() => taxCodeCheckDigit(100109106 as unknown as string)).toThrow(RangeError);
  });
});

describe('parseTaxCode: properties', () => {
  const verifiable = digits(9).filter((d) => remainder(d) !== 0);

  it('accepts 9 digits plus the computed check digit, with or without a branch suffix', () => {
    fc.assert(
      fc.property(verifiable, digits(3), (first9, suffix) => {
        const code = first9 + String(checkDigitOf(remainder(first9)));
        expect(taxCodeCheckDigit(first9)).toBe(checkDigitOf(remainder(first9)));
        const entity = parseTaxCode(code);
        expect(entity.valid).toBe(true);
        expect(entity.facts).toEqual({ form: 'entity', base: code, checkDigitVerified: true });
        const branch = parseTaxCode(`${code}-${suffix}`);
        expect(branch.valid).toBe(true);
        expect(branch.facts).toEqual({ form: 'branch', base: code, branchSuffix: suffix, checkDigitVerified: true });
      }),
    );
  });

  it('warns, never rejects, when r = 0', () => {
    fc.assert(
      fc.property(
        digits(9).filter((d) => remainder(d) === 0),
        fc.integer({ min: 0, max: 9 }),
        (first9, n10) => {
          const r = parseTaxCode(`${first9}${n10}`);
          expect(r.valid).toBe(true);
          expect(codes(r)).toEqual(['ID_TAX_CHECK_DIGIT_UNVERIFIABLE']);
        },
      ),
    );
  });

  it('rejects a change of one of the first nine digits (unless it lands on r = 0, which warns)', () => {
    fc.assert(
      fc.property(verifiable, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (first9, i, delta) => {
        const code = first9 + String(checkDigitOf(remainder(first9)));
        const mutated9 = first9.slice(0, i) + String((Number(first9[i]) + delta) % 10) + first9.slice(i + 1);
        const r = parseTaxCode(mutated9 + code[9]);
        if (remainder(mutated9) === 0) {
          expect(codes(r)).toEqual(['ID_TAX_CHECK_DIGIT_UNVERIFIABLE']);
        } else {
          expect(r.valid).toBe(false);
          expect(codes(r)).toEqual(['ID_TAX_CHECK_DIGIT']);
        }
      }),
    );
  });

  it('rejects a changed check digit', () => {
    fc.assert(
      fc.property(verifiable, fc.integer({ min: 1, max: 9 }), (first9, delta) => {
        const wrong = (checkDigitOf(remainder(first9)) + delta) % 10;
        const r = parseTaxCode(`${first9}${wrong}`);
        expect(r.valid).toBe(false);
        expect(r.problems[0]?.params).toEqual({ expected: checkDigitOf(remainder(first9)), actual: wrong });
      }),
    );
  });

  it('rejects a valid code with one character inserted or deleted', () => {
    fc.assert(
      fc.property(verifiable, fc.nat(), fc.constantFrom(...'0123456789-. '), (first9, at, ch) => {
        const code = first9 + String(checkDigitOf(remainder(first9)));
        const i = at % 11;
        expect(parseTaxCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
        expect(parseTaxCode(code.slice(0, i % 10) + code.slice((i % 10) + 1)).valid).toBe(false);
      }),
    );
  });
});

describe('taxCodeSchema and personalTaxCodeSchema', () => {
  it('accept and reject as documented', () => {
    expect(taxCodeSchema.safeParse('0106001236').success).toBe(true);
    expect(motcuaCodes(taxCodeSchema.safeParse('0106001237'))).toEqual(['ID_TAX_CHECK_DIGIT']);
    expect(motcuaCodes(taxCodeSchema.safeParse('038190012345'))).toEqual(['ID_TAX_PERSONAL_ID_NOT_ACCEPTED']);
    expect(personalTaxCodeSchema.safeParse('038190012345').success).toBe(true);
    expect(personalTaxCodeSchema.safeParse('0100109106').success).toBe(true);
    expect(motcuaCodes(personalTaxCodeSchema.safeParse('03819001234'))).toEqual(['ID_TAX_FORMAT']);
  });

  it('do not fail on the r = 0 warning', () => {
    expect(taxCodeSchema.safeParse('0100000050').success).toBe(true);
  });
});
