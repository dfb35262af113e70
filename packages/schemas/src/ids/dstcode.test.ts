import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dstcodeSchema, parseDstcode } from './dstcode.ts';

const firstMotcuaCode = (r: { error?: { issues: unknown[] } | undefined }) =>
  (r.error?.issues[0] as { params?: Record<string, unknown> } | undefined)?.params?.motcuaCode;
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const partArb = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-'),
  minLength: 1,
  maxLength: 30,
});
const classArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 6 });

describe('parseDstcode (identifiers.md §8)', () => {
  it('decodes the DVCQG provider and the NgânLượng examples', () => {
    expect(parseDstcode('VN:GOV:000.00.00.G22:vpcpdvcprovider')).toEqual({
      kind: 'dstcode',
      input: 'VN:GOV:000.00.00.G22:vpcpdvcprovider',
      valid: true,
      facts: { memberClass: 'GOV', memberCode: '000.00.00.G22', serviceCode: 'vpcpdvcprovider' },
      problems: [],
    });
    expect(parseDstcode('VN:COM:0106001236:NganLuongPaymentSvc')).toMatchObject({
      valid: true,
      facts: { memberClass: 'COM', memberCode: '0106001236', serviceCode: 'NganLuongPaymentSvc' },
      problems: [],
    });
  });

  it('accepts an unknown member class with a warning only', () => {
    const r = parseDstcode('VN:NGO:ABC123:svc');
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([
      { code: 'ID_DSTCODE_MEMBER_CLASS_UNKNOWN', severity: 'warning', params: { memberClass: 'NGO' } },
    ]);
  });

  it('warns when the member code does not fit its class', () => {
    expect(parseDstcode('VN:GOV:H56.14:svc').problems).toEqual([]);
    const gov = parseDstcode('VN:GOV:0106001236:svc');
    expect(gov.valid).toBe(true);
    expect(codes(gov)).toEqual(['ID_DSTCODE_GOV_MEMBER_CODE']);
    const com = parseDstcode('VN:COM:0106001237:svc');
    expect(com.valid).toBe(true);
    expect(codes(com)).toEqual(['ID_DSTCODE_COM_MEMBER_CODE']);
    expect(codes(parseDstcode('VN:COM:000.00.00.G22:svc'))).toEqual(['ID_DSTCODE_COM_MEMBER_CODE']);
  });

  it('rejects other shapes with ID_DSTCODE_FORMAT', () => {
    for (const v of [
      '',
      'GOV:000.00.00.G22:vpcpdvcprovider',
      'vn:GOV:000.00.00.G22:vpcpdvcprovider',
      'VN:gov:000.00.00.G22:vpcpdvcprovider',
      'VN:GOV:000.00.00.G22',
      'VN:GOV::vpcpdvcprovider',
      'VN:GOV:000.00.00.G22:vpcp:dvcprovider',
      'VN:GOV:000.00.00.G22:',
    ]) {
      const r = parseDstcode(v);
      expect(codes(r), v).toEqual(['ID_DSTCODE_FORMAT']);
      expect(r.facts).toBeUndefined();
    }
  });

  it('round-trips generated values', () => {
    fc.assert(
      fc.property(classArb, partArb, partArb, (memberClass, memberCode, serviceCode) => {
        const r = parseDstcode(`VN:${memberClass}:${memberCode}:${serviceCode}`);
        expect(r.valid).toBe(true);
        expect(r.facts).toEqual({ memberClass, memberCode, serviceCode });
      }),
    );
  });

  it('rejects a value with an extra colon inserted', () => {
    fc.assert(
      fc.property(classArb, partArb, partArb, fc.nat(), (memberClass, memberCode, serviceCode, at) => {
        const code = `VN:${memberClass}:${memberCode}:${serviceCode}`;
        const i = at % (code.length + 1);
        expect(parseDstcode(`${code.slice(0, i)}:${code.slice(i)}`).valid).toBe(false);
      }),
    );
  });
});

describe('dstcodeSchema', () => {
  it('accepts and rejects as documented', () => {
    expect(dstcodeSchema.safeParse('VN:GOV:000.00.00.G22:vpcpdvcprovider').success).toBe(true);
    expect(dstcodeSchema.safeParse('VN:XYZ:anything:svc').success).toBe(true);
    const r = dstcodeSchema.safeParse('GOV:000.00.00.G22:vpcpdvcprovider');
    expect(firstMotcuaCode(r)).toBe('ID_DSTCODE_FORMAT');
  });
});

describe('parseDstcode: header safety', () => {
  it('rejects spaces, control characters and non-ASCII inside the parts', () => {
    for (const v of [
      'VN:GOV:\n:svc',
      'VN:GOV:000.00.00.G22:svc\r\nX-Evil: 1',
      'VN:GOV:000.00.00.G22:dịch vụ',
      'VN:GOV:a b:svc',
    ]) {
      expect(
        parseDstcode(v).problems.map((p) => p.code),
        JSON.stringify(v),
      ).toEqual(['ID_DSTCODE_FORMAT']);
    }
  });
});
