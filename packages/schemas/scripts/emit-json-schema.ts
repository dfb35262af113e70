/**
 * Writes a JSON Schema (draft 2020-12) file for every public schema into json-schema/,
 * so Java and .NET vendors can validate the same structures. Run by `pnpm build`.
 * Refinements that JSON Schema cannot express (cross-field rules, check digits, real
 * calendar dates) stay in the zod schemas; the structural rules are the same.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaDocuments } from '../src/json-schema.ts';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const docs = jsonSchemaDocuments();
for (const [name, doc] of Object.entries(docs)) {
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(doc, null, 2)}\n`);
}
writeFileSync(
  join(outDir, 'index.json'),
  `${JSON.stringify({ schemas: Object.keys(docs).map((n) => `${n}.json`) }, null, 2)}\n`,
);
console.log(`json-schema: wrote ${Object.keys(docs).length} schemas`);
