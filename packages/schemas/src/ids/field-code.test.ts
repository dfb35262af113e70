import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldCodeSchema, parseFieldCode } from './field-code.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const level1Arb = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXY'), fc.integer({ min: 0, max: 99 }))
  .map(([m, n]) => m + String(n).padStart(2, '0'));
const fieldArb = fc.string({
  unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  minLength: 1,
  maxLength: 12,
});

describe('parseFieldCode (TT 01/2018/TT-VPCP Điều 20)', () => {
  it('decodes the documented examples', () => {
    expect(parseFieldCode('G03-GD10')).toEqual({
      kind: 'field-code',
      input: 'G03-GD10',
      valid: true,
      facts: { level1: 'G03', field: 'GD10' },
      problems: [],
    });
    expect(parseFieldCode('G03-GD09').facts?.field).toBe('GD09');
    expect(parseFieldCode('G03-GD06').facts?.field).toBe('GD06');
  });

  it('rejects other shapes with ID_FIELD_FORMAT', () => {
    for (const v of [
      '',
      'G03GD10',
      'G03-',
      '-GD10',
      'g03-GD10',
      'G03-gd10',
      'Z03-GD10',
      'G3-GD10',
      'G03-GD-10',
      'G03 - GD10',
    ]) {
      const r = parseFieldCode(v);
      expect(codes(r), v).toEqual(['ID_FIELD_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('round-trips generated codes', () => {
    fc.assert(
      fc.property(level1Arb, fieldArb, (level1, field) => {
        const r = parseFieldCode(`${level1}-${field}`);
        expect(r.valid).toBe(true);
        expect(r.facts).toEqual({ level1, field });
      }),
    );
  });

  it('rejects a code without its hyphen or with a forbidden character inserted', () => {
    fc.assert(
      fc.property(level1Arb, fieldArb, fc.nat(), fc.constantFrom(...'-.:_ gđ'), (level1, field, at, ch) => {
        expect(parseFieldCode(level1 + field).valid).toBe(false);
        const code = `${level1}-${field}`;
        const i = at % (code.length + 1);
        expect(parseFieldCode(code.slice(0, i) + ch + code.slice(i)).valid).toBe(false);
      }),
    );
  });
});

describe('fieldCodeSchema', () => {
  it('accepts and rejects as documented', () => {
    expect(fieldCodeSchema.safeParse('G03-GD06').success).toBe(true);
    const r = fieldCodeSchema.safeParse('G03GD06');
    expect(firstMotcuaCode(r)).toBe('ID_FIELD_FORMAT');
  });
});
