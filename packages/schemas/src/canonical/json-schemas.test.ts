import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VALID_FIXTURES } from '../../test/fixtures/canonical/load.ts';
import { jsonSchemaDocuments } from '../json-schema.ts';
import { CANONICAL_JSON_SCHEMAS } from './json-schemas.ts';

const NAMES = ['dossier', 'procedure', 'party', 'issued-document', 'digitized-document', 'access-log-entry'];

describe('canonical JSON Schemas', () => {
  it('lists the six canonical documents', () => {
    expect(Object.keys(CANONICAL_JSON_SCHEMAS).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('%s converts to draft 2020-12', (name) => {
    const schema = CANONICAL_JSON_SCHEMAS[name];
    expect(schema).toBeDefined();
    if (schema === undefined) return;
    const doc = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(doc)).not.toContain('"additionalProperties":{}');
  });

  it('states offsets, dates and hashes as patterns and formats', () => {
    const doc = jsonSchemaDocuments().dossier as { properties: Record<string, Record<string, unknown>> };
    expect(doc.properties.receivedAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(String(doc.properties.receivedAt?.pattern)).toContain('(Z|[+-]');
    expect(doc.properties.vneidVerified).toEqual({ type: 'boolean' });
  });

  it('accepts the valid fixtures and rejects an unknown key (ajv, draft 2020-12)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const docs = jsonSchemaDocuments();
    for (const f of VALID_FIXTURES) {
      const doc = docs[f.kind];
      expect(doc, f.kind).toBeDefined();
      if (doc === undefined) continue;
      // Compiled once per fixture; without $id, ajv does not cache two copies under one key.
      const { $id: _id, ...schema } = doc;
      const check = ajv.compile(schema);
      expect(check(f.value), `${f.file}: ${JSON.stringify(check.errors)}`).toBe(true);
      expect(check({ ...(f.value as object), unexpected: 1 })).toBe(false);
    }
  });
});
