import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmndSchema, parseCmnd } from './cmnd.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

describe('parseCmnd', () => {
  it('decodes the documented examples', () => {
    expect(parseCmnd('172345678')).toEqual({
      kind: 'cmnd',
      input: '172345678',
      valid: true,
      facts: { number: '172345678', placeholder: false },
      problems: [],
    });
    expect(parseCmnd('000000001').problems[0]?.code).toBe('ID_CMND_PLACEHOLDER');
  });

  it('warns on the placeholders 000000000 and 000000001 without rejecting them', () => {
    for (const v of ['000000000', '000000001']) {
      const r = parseCmnd(v);
      expect(r.valid).toBe(true);
      expect(r.problems).toEqual([{ code: 'ID_CMND_PLACEHOLDER', severity: 'warning' }]);
      expect(r.facts?.placeholder).toBe(true);
    }
    expect(parseCmnd('000000002').facts?.placeholder).toBe(false);
  });

  it('rejects anything but 9 ASCII digits with ID_CMND_FORMAT', () => {
    for (const v of ['', '17234567', '1723456789', '17234567a', '038190012345', '１７２３４５６７８']) {
      const r = parseCmnd(v);
      expect(r.valid).toBe(false);
      expect(r.problems.map((p) => p.code)).toEqual(['ID_CMND_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('accepts any 9 digits and keeps them as the number', () => {
    fc.assert(
      fc.property(nineDigits, (n) => {
        const r = parseCmnd(n);
        expect(r.valid).toBe(true);
        expect(r.facts?.number).toBe(n);
      }),
    );
  });

  it('rejects 9 digits with one character inserted or deleted', () => {
    fc.assert(
      fc.property(nineDigits, fc.nat(), fc.constantFrom(...'0123456789x'), (n, at, ch) => {
        const i = at % 10;
        expect(parseCmnd(n.slice(0, i) + ch + n.slice(i)).valid).toBe(false);
        expect(parseCmnd(n.slice(0, i % 9) + n.slice((i % 9) + 1)).valid).toBe(false);
      }),
    );
  });
});

describe('cmndSchema', () => {
  it('accepts 9 digits and rejects 8 with ID_CMND_FORMAT', () => {
    expect(cmndSchema.safeParse('172345678').success).toBe(true);
    const r = cmndSchema.safeParse('17234567');
    expect(r.success).toBe(false);
    expect(firstMotcuaCode(r)).toBe('ID_CMND_FORMAT');
  });
});
