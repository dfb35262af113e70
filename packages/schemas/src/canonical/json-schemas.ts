import type { z } from 'zod';
import { accessLogEntrySchema } from './access-log-entry.ts';
import { digitizedDocumentSchema } from './digitized-document.ts';
import { dossierSchema } from './dossier.ts';
import { issuedDocumentSchema } from './issued-document.ts';
import { partySchema } from './party.ts';
import { procedureSchema } from './procedure.ts';

/**
 * The canonical schemas exported as JSON Schema documents (file name → schema). Rules
 * JSON Schema cannot state — real calendar dates, identifier check digits, cross-field
 * rules — are enforced by the zod schemas only.
 *
 * @example
 * ```ts
 * import { jsonSchemaDocuments } from '@motcua/schemas';
 * jsonSchemaDocuments().dossier?.type; // 'object'
 * ```
 * @category Canonical
 */
export const CANONICAL_JSON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  dossier: dossierSchema,
  procedure: procedureSchema,
  party: partySchema,
  'issued-document': issuedDocumentSchema,
  'digitized-document': digitizedDocumentSchema,
  'access-log-entry': accessLogEntrySchema,
};
