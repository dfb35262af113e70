// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { readFileSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DVCQG_JSON_SCHEMAS } from './json-schemas.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/dvcqg');
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

describe('DVCQG JSON Schemas', () => {
  it('every public wire schema converts to a draft 2020-12 object schema', () => {
    expect(Object.keys(DVCQG_JSON_SCHEMAS).length).toBeGreaterThanOrEqual(15);
    for (const [name, schema] of Object.entries(DVCQG_JSON_SCHEMAS)) {
      const doc = toJson(schema);
      expect(doc, name).toBeTypeOf('object');
      expect(doc.type, name).toBe('object');
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('describes the lenient input forms', () => {
    const doc = toJson(DVCQG_JSON_SCHEMAS['dvcqg-dossier'] as z.ZodType) as {
      required: string[];
      properties: Record<string, { anyOf?: unknown[] }>;
    };
    expect(doc.required).toEqual(['MaHoSo', 'MaTTHC', 'TrangThaiHoSo']);
    expect(JSON.stringify(doc.properties.TrangThaiHoSo)).toContain('"10"');
    expect(JSON.stringify(doc.properties.KenhThucHien)).toContain('"integer"');
  });

  it('fixtures that are structurally valid pass the generated schema (ajv)', () => {
    const ajv = new Ajv2020({ strict: false });
    const cases: Array<[string, string]> = [
      ['dvcqg-dossier', 'valid-online-dossier.json'],
      ['dvcqg-dossier', 'valid-in-person-dossier.json'],
      ['dvcqg-dong-bo-ho-so-request', 'valid-dong-bo-ho-so-request.json'],
      ['dvcqg-cap-nhat-tien-do-request', 'valid-cap-nhat-tien-do-request.json'],
      ['dvcqg-payment-init', 'valid-payment-init.json'],
      ['dvcqg-payment-callback', 'valid-payment-callback.json'],
      ['dvcqg-kho-so-hoa-response', 'valid-kho-so-hoa-response.json'],
    ];
    for (const [name, file] of cases) {
      const check = ajv.compile(toJson(DVCQG_JSON_SCHEMAS[name] as z.ZodType));
      expect(check(load(file)), `${name} ${JSON.stringify(check.errors)}`).toBe(true);
    }
    const dossier = ajv.compile(toJson(DVCQG_JSON_SCHEMAS['dvcqg-dossier'] as z.ZodType));
    expect(dossier(load('invalid-status-not-in-list.json'))).toBe(false);
    expect(dossier(load('invalid-file-link-javascript.json'))).toBe(false);
  });
});
