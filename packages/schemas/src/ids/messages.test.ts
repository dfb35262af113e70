import { describe, expect, it } from 'vitest';
import { formatMessage, MESSAGES } from '../messages.ts';
import { parseAgencyCode } from './agency-code.ts';
import { parseCmnd } from './cmnd.ts';
import { parseIdentifier } from './detect.ts';
import { parseDossierCode } from './dossier-code.ts';
import { parseDstcode } from './dstcode.ts';
import { parseFieldCode } from './field-code.ts';
import { ID_MESSAGES } from './messages.ts';
import { parsePersonalId } from './personal-id.ts';
import { parseProcedureCode } from './procedure-code.ts';
import type { IdentifierKind, IdentifierResult } from './result.ts';
import { parseTaxCode } from './tax-code.ts';

const NOW = new Date('2025-07-01T00:00:00+07:00');

/** Inputs chosen to reach every code of the catalogue. */
const CORPUS: IdentifierResult<unknown>[] = [
  parsePersonalId(42 as unknown as string),
  parsePersonalId('1'.repeat(300)),
  parsePersonalId(' 038190012345', { now: NOW }),
  parsePersonalId('abc', { now: NOW }),
  parsePersonalId('003190012345', { now: NOW }),
  parsePersonalId('038226012345', { now: NOW }),
  parseCmnd('1234'),
  parseCmnd('000000001'),
  parseTaxCode('01001091'),
  parseTaxCode('0100109107'),
  parseTaxCode('0100000050'),
  parseTaxCode('0100109106001'),
  parseTaxCode('0100109106-01'),
  parseTaxCode('038190012345'),
  parseAgencyCode('000.00.G22'),
  parseAgencyCode(`H56.${'1'.repeat(40)}`),
  parseDossierCode('000.00.00.H56'),
  parseDossierCode('x-250701-0001'),
  parseDossierCode('H56.14-250701-0001'),
  parseDossierCode('000.00.00.H56-250230-0001'),
  parseDossierCode('000.00.00.H56-250701-12345'),
  parseDossierCode('000.00.00.H56-250701-0000'),
  parseProcedureCode('1.00119'),
  parseFieldCode('G03GD10'),
  parseDstcode('GOV:000.00.00.G22:x'),
  parseDstcode('VN:NGO:x:y'),
  parseDstcode('VN:GOV:x:y'),
  parseDstcode('VN:COM:x:y'),
  parseIdentifier('xin chào'),
  parseIdentifier('x', { as: 'passport' as IdentifierKind }),
];

const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('ID_MESSAGES', () => {
  it('has well-formed codes and texts in both languages', () => {
    const entries = Object.entries(ID_MESSAGES);
    expect(entries.length).toBeGreaterThan(20);
    for (const [code, { vi, en }] of entries) {
      expect(code).toMatch(/^ID_[A-Z0-9]+(?:_[A-Z0-9]+)*$/);
      expect(vi.trim().length, code).toBeGreaterThan(10);
      expect(en.trim().length, code).toBeGreaterThan(10);
      expect(vi, code).not.toBe(en);
      expect(vi, code).toMatch(VIETNAMESE);
      expect(vi, code).toBe(vi.normalize('NFC'));
      expect(placeholders(vi), code).toEqual(placeholders(en));
    }
  });

  it('is merged into the package catalogue', () => {
    for (const [code, template] of Object.entries(ID_MESSAGES)) expect(MESSAGES[code]).toBe(template);
  });

  it('covers every code the parsers emit, and every catalogued code is reachable', () => {
    const emitted = new Set(CORPUS.flatMap((r) => r.problems.map((p) => p.code)));
    for (const code of emitted) expect(ID_MESSAGES, code).toHaveProperty(code);
    expect([...emitted].sort()).toEqual(Object.keys(ID_MESSAGES).sort());
  });

  it('renders every emitted problem without leftover placeholders, in both languages', () => {
    for (const r of CORPUS) {
      for (const p of r.problems) {
        for (const lang of ['vi', 'en'] as const) {
          const text = formatMessage(p.code, p.params, lang);
          expect(text, `${p.code} ${lang}`).not.toMatch(PLACEHOLDER);
          expect(text).not.toBe(p.code);
        }
      }
    }
  });

  it('derives `valid` from the severities', () => {
    for (const r of CORPUS) expect(r.valid).toBe(!r.problems.some((p) => p.severity === 'error'));
  });
});
