import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { agencyCodeSchema, parseAgencyCode } from './agency-code.ts';
import { cmndSchema, parseCmnd } from './cmnd.ts';
import { detectIdentifierKind, parseIdentifier } from './detect.ts';
import { dossierCodeSchema, parseDossierCode } from './dossier-code.ts';
import { dstcodeSchema, parseDstcode } from './dstcode.ts';
import { fieldCodeSchema, parseFieldCode } from './field-code.ts';
import { ID_MESSAGES } from './messages.ts';
import { parsePersonalId, personalIdSchema } from './personal-id.ts';
import { parseProcedureCode, procedureCodeSchema } from './procedure-code.ts';
import type { IdentifierResult } from './result.ts';
import { parseTaxCode, personalTaxCodeSchema, taxCodeSchema } from './tax-code.ts';

const NOW = new Date('2025-07-01T00:00:00+07:00');

const PAIRS: Array<[string, (v: string) => IdentifierResult<unknown>, z.ZodType<string>]> = [
  ['personal-id', (v) => parsePersonalId(v), personalIdSchema],
  ['cmnd', parseCmnd, cmndSchema],
  ['tax-code', (v) => parseTaxCode(v), taxCodeSchema],
  ['personal tax code', (v) => parseTaxCode(v, { acceptPersonalId: true }), personalTaxCodeSchema],
  ['agency-code', parseAgencyCode, agencyCodeSchema],
  ['dossier-code', parseDossierCode, dossierCodeSchema],
  ['procedure-code', parseProcedureCode, procedureCodeSchema],
  ['field-code', parseFieldCode, fieldCodeSchema],
  ['dstcode', parseDstcode, dstcodeSchema],
];

// Strings near the identifier shapes reach deeper branches than random text.
const identifierish = fc.string({
  unit: fc.constantFrom(...'0123456789.-:VNGOHCMZ ahđ\t\u00a0\u200b'),
  maxLength: 40,
});
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 300 }),
  identifierish,
);

function checkInvariants(r: IdentifierResult<unknown>, input: string): void {
  expect(r.input).toBe(input);
  expect(Array.isArray(r.problems)).toBe(true);
  expect(r.valid).toBe(!r.problems.some((p) => p.severity === 'error'));
  for (const p of r.problems) expect(ID_MESSAGES).toHaveProperty(p.code);
}

describe('hostile input', () => {
  it('never throws from a parser or schema, and the schema agrees with the parser', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        for (const [, parse, schema] of PAIRS) {
          const r = parse(s);
          checkInvariants(r, s);
          const zr = schema.safeParse(s);
          expect(zr.success).toBe(r.valid);
          const zodCodes = (zr.error?.issues ?? []).map(
            (i) => (i as { params?: { motcuaCode?: string } }).params?.motcuaCode,
          );
          expect(zodCodes).toEqual(r.problems.filter((p) => p.severity === 'error').map((p) => p.code));
        }
        checkInvariants(parseIdentifier(s, { now: NOW }), s);
        detectIdentifierKind(s);
      }),
      { numRuns: 300 },
    );
  });

  it('stops a huge input with ID_TOO_LONG before any regex', () => {
    const huge = `${'0'.repeat(1_000_000)}-${'1'.repeat(1_000_000)}`;
    for (const [, parse, schema] of PAIRS) {
      expect(parse(huge).problems).toEqual([
        { code: 'ID_TOO_LONG', severity: 'error', params: { length: huge.length, maximum: 256 } },
      ]);
      expect(schema.safeParse(huge).success).toBe(false);
    }
    expect(parseIdentifier(huge).problems.map((p) => p.code)).toEqual(['ID_TOO_LONG']);
    expect(detectIdentifierKind(huge)).toBeUndefined();
  });

  it('accepts exactly 256 characters as input to decode, and rejects 257', () => {
    expect(parseAgencyCode(`H56.${'1'.repeat(252)}`).problems.map((p) => p.code)).toEqual(['ID_AGENCY_TOO_LONG']);
    expect(parseAgencyCode(`H56.${'1'.repeat(253)}`).problems.map((p) => p.code)).toEqual(['ID_TOO_LONG']);
  });

  it('reports non-strings from JavaScript callers with ID_NOT_STRING instead of throwing', () => {
    const values: unknown[] = [
      undefined,
      null,
      42,
      12n,
      true,
      Symbol('x'),
      {},
      [],
      {
        toString() {
          throw new Error('boom');
        },
      },
    ];
    for (const v of values) {
      for (const [, parse, schema] of PAIRS) {
        const r = parse(v as string);
        expect(r.valid).toBe(false);
        expect(r.problems[0]?.code).toBe('ID_NOT_STRING');
        expect(r.input).toBe('');
        expect(schema.safeParse(v).success).toBe(false);
      }
      expect(parseIdentifier(v as string).problems[0]?.code).toBe('ID_NOT_STRING');
      expect(detectIdentifierKind(v as string)).toBeUndefined();
    }
    expect(parsePersonalId(null as unknown as string).problems[0]?.params).toEqual({ received: 'null' });
    expect(parseCmnd([] as unknown as string).problems[0]?.params).toEqual({ received: 'array' });
  });

  it('survives control characters, lone surrogates and look-alike digits', () => {
    for (const s of ['\u0000038190012345', '03819001234\ud800', '٠١٠٠١٠٩١٠٦', '0100109106\u200b', 'VN:GOV:\n:svc']) {
      for (const [, parse] of PAIRS) expect(parse(s).valid).toBe(false);
    }
  });

  it('treats an invalid `now` as unknown rather than throwing', () => {
    expect(parsePersonalId('038190012345', { now: new Date(Number.NaN) }).valid).toBe(true);
  });
});
