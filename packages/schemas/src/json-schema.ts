/**
 * JSON Schema (draft 2020-12) export of the public schemas.
 *
 * @module
 */
import { z } from 'zod';
import { CANONICAL_JSON_SCHEMAS } from './canonical/json-schemas.ts';
import { DVCQG_JSON_SCHEMAS } from './dvcqg/json-schemas.ts';

const BASE_ID = 'https://motcua.dev/json-schema/';

/**
 * Every public schema as a JSON Schema document (draft 2020-12), keyed by file name.
 * The documents describe the accepted *input* shapes (wire leniencies included);
 * rules JSON Schema cannot express (check digits, real calendar dates, cross-field
 * rules) are enforced only by the zod schemas.
 *
 * @example
 * ```ts
 * import { jsonSchemaDocuments } from '@motcua/schemas';
 * const docs = jsonSchemaDocuments();
 * docs['dvcqg-dossier']?.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 * @category JSON Schema
 */
export function jsonSchemaDocuments(): Record<string, Record<string, unknown>> {
  const all: Record<string, z.ZodType> = { ...DVCQG_JSON_SCHEMAS, ...CANONICAL_JSON_SCHEMAS };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(all)) {
    const doc = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    out[name] = { ...doc, $id: `${BASE_ID}${name}.json` };
  }
  return out;
}
