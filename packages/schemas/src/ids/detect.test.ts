import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIdentifierKind, parseIdentifier } from './detect.ts';
import type { IdentifierKind } from './result.ts';

const NOW = new Date('2025-07-01T00:00:00+07:00');
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const EXAMPLES: Array<[string, IdentifierKind]> = [
  ['038190012345', 'personal-id'],
  ['172345678', 'cmnd'],
  ['0100109106', 'tax-code'],
  ['0100109106-001', 'tax-code'],
  ['0100109106001', 'tax-code'],
  ['0100109106-01', 'tax-code'],
  ['VN:GOV:000.00.00.G22:vpcpdvcprovider', 'dstcode'],
  ['VN:COM:0106001236:NganLuongPaymentSvc', 'dstcode'],
  ['000.00.00.H56-250701-0001', 'dossier-code'],
  ['000.00.00.H56-250230-0001', 'dossier-code'],
  ['H56.14-250701-0001', 'dossier-code'],
  ['G03-GD10', 'field-code'],
  ['1.001193', 'procedure-code'],
  ['1.003560.000.00.00.H56', 'procedure-code'],
  ['1.000948.H38', 'procedure-code'],
  ['000.00.00.G22', 'agency-code'],
  ['000.00.00.h56', 'agency-code'],
  ['H56.14', 'agency-code'],
  ['H37.02.02', 'agency-code'],
  ['H56', 'agency-code'],
];

describe('detectIdentifierKind', () => {
  it('detects the documented examples', () => {
    for (const [value, kind] of EXAMPLES) expect(detectIdentifierKind(value), value).toBe(kind);
  });

  it('ignores surrounding whitespace and returns undefined when nothing fits', () => {
    expect(detectIdentifierKind(' 0100109106\t')).toBe('tax-code');
    for (const v of ['', 'xin chào', '12345678901', '1.0011', 'x'.repeat(300)])
      expect(detectIdentifierKind(v)).toBeUndefined();
  });
});

describe('parseIdentifier', () => {
  it('parses the documented examples as their kind', () => {
    for (const [value, kind] of EXAMPLES) {
      const r = parseIdentifier(value, { now: NOW });
      expect(r.kind, value).toBe(kind);
    }
    const r = parseIdentifier('000.00.00.H56-250701-0001');
    expect(r.facts).toEqual({ agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 });
    expect(parseIdentifier('0100109106', { as: 'tax-code' }).valid).toBe(true);
  });

  it('resolves 12 digits to the personal identification number, the most specific kind', () => {
    const r = parseIdentifier('038190012345', { now: NOW });
    expect(r.kind).toBe('personal-id');
    expect(r.facts).toMatchObject({ provinceName: 'Thanh Hóa', birthYear: 1990 });
  });

  it('honours `as`, including acceptPersonalId for tax codes and `now` for personal IDs', () => {
    expect(parseIdentifier('038190012345', { as: 'tax-code' }).valid).toBe(false);
    const tax = parseIdentifier('038190012345', { as: 'tax-code', acceptPersonalId: true, now: NOW });
    expect(tax.kind).toBe('tax-code');
    expect(tax.valid).toBe(true);
    expect(parseIdentifier('038226012345', { now: NOW }).valid).toBe(false);
    expect(parseIdentifier('038226012345', { now: new Date('2026-07-01') }).valid).toBe(true);
    const asCmnd = parseIdentifier('038190012345', { as: 'cmnd' });
    expect(asCmnd.kind).toBe('cmnd');
    expect(codes(asCmnd)).toEqual(['ID_CMND_FORMAT']);
  });

  it('parses with every `as` kind', () => {
    const byKind: Record<IdentifierKind, string> = {
      'personal-id': '038190012345',
      cmnd: '172345678',
      'tax-code': '0100109106',
      'agency-code': 'H56.14',
      'dossier-code': '000.00.00.H56-250701-0001',
      'procedure-code': '1.001193',
      'field-code': 'G03-GD10',
      dstcode: 'VN:GOV:000.00.00.G22:vpcpdvcprovider',
    };
    for (const [kind, value] of Object.entries(byKind) as Array<[IdentifierKind, string]>) {
      const r = parseIdentifier(value, { as: kind, now: NOW });
      expect(r.kind).toBe(kind);
      expect(r.valid, kind).toBe(true);
    }
  });

  it('reports an unsupported `as` with ID_KIND_UNKNOWN', () => {
    const r = parseIdentifier('0100109106', { as: 'passport' as IdentifierKind });
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toEqual({ code: 'ID_KIND_UNKNOWN', severity: 'error', params: { as: 'passport' } });
    expect(r.facts).toBeUndefined();
  });

  it('reports unrecognized values with ID_UNRECOGNIZED first, then the nearest kind’s explanation', () => {
    const cases: Array<[string, IdentifierKind, string[]]> = [
      ['12345678901', 'personal-id', ['ID_UNRECOGNIZED', 'ID_PERSONAL_FORMAT']],
      ['1234567', 'cmnd', ['ID_UNRECOGNIZED', 'ID_CMND_FORMAT']],
      ['VX:GOV:x:y', 'dstcode', ['ID_UNRECOGNIZED', 'ID_DSTCODE_FORMAT']],
      [
        'abc-def-ghi',
        'dossier-code',
        ['ID_UNRECOGNIZED', 'ID_DOSSIER_AGENCY', 'ID_DOSSIER_DATE', 'ID_DOSSIER_SEQUENCE'],
      ],
      ['GD10-G03', 'field-code', ['ID_UNRECOGNIZED', 'ID_FIELD_FORMAT']],
      ['1.0011', 'procedure-code', ['ID_UNRECOGNIZED', 'ID_PROCEDURE_FORMAT']],
      ['000.00.G22', 'agency-code', ['ID_UNRECOGNIZED', 'ID_AGENCY_FORMAT']],
      ['xin chào', 'personal-id', ['ID_UNRECOGNIZED']],
      ['', 'personal-id', ['ID_UNRECOGNIZED']],
    ];
    for (const [value, kind, expected] of cases) {
      const r = parseIdentifier(value);
      expect(r.kind, value).toBe(kind);
      expect(r.valid).toBe(false);
      expect(codes(r), value).toEqual(expected);
      expect(r.facts).toBeUndefined();
    }
  });

  it('reports surrounding whitespace but still decodes the trimmed value', () => {
    const r = parseIdentifier('\u00a0000.00.00.H56-250701-0001 ');
    expect(r.kind).toBe('dossier-code');
    expect(r.valid).toBe(false);
    expect(codes(r)).toEqual(['ID_WHITESPACE']);
    expect(r.facts).toEqual({ agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 });
    expect(codes(parseIdentifier(' xin chào '))).toEqual(['ID_WHITESPACE', 'ID_UNRECOGNIZED']);
  });

  it('reports a too-long value with ID_TOO_LONG only', () => {
    const r = parseIdentifier('1'.repeat(257));
    expect(r.problems).toEqual([{ code: 'ID_TOO_LONG', severity: 'error', params: { length: 257, maximum: 256 } }]);
  });

  it('detects generated valid values of each kind as that kind, with the same facts as the kind’s parser', () => {
    const taxCode = digits(9).map((d) => {
      const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
      const r = [...d].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0) % 11;
      return `${d}${r === 10 ? 0 : (10 - r) % 10}`;
    });
    const arb: fc.Arbitrary<[string, IdentifierKind]> = fc.oneof(
      fc.tuple(digits(12), fc.constant<IdentifierKind>('personal-id')),
      fc.tuple(digits(9), fc.constant<IdentifierKind>('cmnd')),
      fc.tuple(taxCode, fc.constant<IdentifierKind>('tax-code')),
      fc.tuple(
        fc.tuple(digits(1), digits(6)).map(([a, b]) => `${a}.${b}`),
        fc.constant<IdentifierKind>('procedure-code'),
      ),
      fc.tuple(
        fc.tuple(digits(3), digits(2), digits(2), digits(2)).map(([v, z, y, x]) => `${v}.${z}.${y}.H${x}`),
        fc.constant<IdentifierKind>('agency-code'),
      ),
      fc.tuple(
        fc
          .tuple(digits(2), fc.integer({ min: 1, max: 9999 }))
          .map(([x, s]) => `000.00.00.G${x}-250701-${String(s).padStart(4, '0')}`),
        fc.constant<IdentifierKind>('dossier-code'),
      ),
      fc.tuple(
        fc.tuple(digits(2), fc.stringMatching(/^[0-9A-Z]{1,8}$/)).map(([x, f]) => `G${x}-${f}`),
        fc.constant<IdentifierKind>('field-code'),
      ),
    );
    fc.assert(
      fc.property(arb, ([value, kind]) => {
        const r = parseIdentifier(value, { now: NOW });
        expect(r.kind).toBe(kind);
        expect(r.facts).toBeDefined();
        expect(parseIdentifier(value, { as: kind, now: NOW })).toEqual(r);
      }),
    );
  });
});
