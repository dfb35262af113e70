/**
 * The exported JSON Schemas (what Java and .NET vendors validate with) must agree with the
 * zod schemas on every structural rule. Checked with an independent validator (ajv, draft
 * 2020-12) over the same fixtures and over structural mutations of them:
 *
 * - ajv rejects  ⇒ zod rejects        (the JSON Schema is never stricter than the SDK);
 * - zod rejects with no refinement issue (zod code `custom`) ⇒ ajv rejects (the JSON Schema is never laxer on
 *   structure). Rules JSON Schema cannot express (check digits, real calendar dates,
 *   cross-field rules) carry their own codes and are exempt from this direction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_JSON_SCHEMAS } from '../src/canonical/json-schemas.ts';
import { DVCQG_JSON_SCHEMAS } from '../src/dvcqg/json-schemas.ts';
import { jsonSchemaDocuments } from '../src/json-schema.ts';

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const sampleBatch = fileURLToPath(new URL('../../../examples/data/dvcqg-sample-batch.json', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

/** Every fixture document, plus the items of arrays and of `data` arrays inside them. */
function instances(): Array<{ name: string; value: unknown }> {
  const out: Array<{ name: string; value: unknown }> = [];
  const files = [...jsonFiles(fixturesDir).filter((f) => !f.endsWith('invalid-cases.json')), sampleBatch];
  for (const file of files) {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const name = file.slice(file.lastIndexOf('/') + 1);
    out.push({ name, value });
    const items = Array.isArray(value)
      ? value
      : value !== null && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data)
        ? (value as { data: unknown[] }).data
        : [];
    items.forEach((item, i) => {
      out.push({ name: `${name}#${i}`, value: item });
    });
  }
  return out;
}

const zodSchemas = { ...DVCQG_JSON_SCHEMAS, ...CANONICAL_JSON_SCHEMAS };
const docs = jsonSchemaDocuments();
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const compiled = Object.fromEntries(Object.entries(docs).map(([name, doc]) => [name, ajv.compile(doc)]));
const all = instances();

interface Verdict {
  zodOk: boolean;
  zodCodes: string[];
  ajvOk: boolean;
}

function judge(name: string, value: unknown): Verdict {
  const schema = zodSchemas[name];
  const validate = compiled[name];
  if (schema === undefined || validate === undefined) throw new Error(`no schema ${name}`);
  const r = schema.safeParse(value);
  return {
    zodOk: r.success,
    // zod's own issue codes: 'custom' marks a refinement (a rule JSON Schema cannot express).
    zodCodes: r.success ? [] : r.error.issues.map((i) => i.code),
    ajvOk: validate(value) as boolean,
  };
}

function disagreement(v: Verdict): string | undefined {
  if (!v.ajvOk && v.zodOk) return 'JSON Schema rejects what zod accepts';
  if (v.ajvOk && !v.zodOk && v.zodCodes.length > 0 && v.zodCodes.every((c) => c !== 'custom')) {
    return `JSON Schema accepts what zod rejects structurally (${v.zodCodes.join(', ')})`;
  }
  return undefined;
}

/** Structural mutations at any depth: delete a key, change a value's type, add a key. */
function mutate(value: unknown, path: Array<string | number>, op: number, replacement: unknown): unknown {
  if (path.length === 0) return op === 0 ? undefined : replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = mutate(copy[head as number], rest, op, replacement);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const next = mutate(copy[head as string], rest, op, replacement);
    if (next === undefined) delete copy[head as string];
    else copy[head as string] = next;
    return copy;
  }
  return value;
}

function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) paths(value[i], [...prefix, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  }
  return out;
}

describe('JSON Schema ⇄ zod agreement (ajv, draft 2020-12)', () => {
  it('exports a compilable draft 2020-12 document for every public schema', () => {
    expect(Object.keys(docs).sort()).toEqual(Object.keys(zodSchemas).sort());
    for (const doc of Object.values(docs)) {
      expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('every valid fixture is accepted by some schema, by both validators', () => {
    const valid = all.filter(
      (x) =>
        !x.name.includes('#') && !x.name.startsWith('invalid') && !x.name.includes('sample') && !Array.isArray(x.value),
    );
    expect(valid.length).toBeGreaterThan(20);
    for (const { name, value } of valid) {
      const accepted = Object.keys(zodSchemas).filter((s) => {
        const v = judge(s, value);
        return v.zodOk && v.ajvOk;
      });
      expect(accepted.length, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('agrees on every fixture under every schema', () => {
    const problems: string[] = [];
    for (const { name, value } of all) {
      for (const schema of Object.keys(zodSchemas)) {
        const d = disagreement(judge(schema, value));
        if (d !== undefined) problems.push(`${schema} × ${name}: ${d}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('agrees on structural mutations of every accepted fixture', () => {
    const accepted: Array<{ schema: string; name: string; value: unknown; paths: Array<Array<string | number>> }> = [];
    for (const { name, value } of all) {
      for (const schema of Object.keys(zodSchemas)) {
        if (judge(schema, value).zodOk) accepted.push({ schema, name, value, paths: paths(value) });
      }
    }
    expect(accepted.length).toBeGreaterThan(10);
    const problems = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: accepted.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: 1 }),
        fc.oneof(
          fc.constantFrom(null, true, -1, 1.5, '', 'x'.repeat(5000), [], {}, '2025-13-45', 'javascript:alert(1)'),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        (which, pathPick, op, replacement) => {
          const base = accepted[which];
          if (base === undefined || base.paths.length === 0) return;
          const path = base.paths[pathPick % base.paths.length] ?? [];
          const mutant = mutate(base.value, path, op, replacement);
          const d = disagreement(judge(base.schema, mutant));
          if (d !== undefined) {
            const what = op === 0 ? 'without' : `with ${JSON.stringify(replacement)?.slice(0, 40)} at`;
            problems.add(`${base.schema} × ${base.name} ${what} ${path.join('.')}: ${d}`);
          }
        },
      ),
      { numRuns: 5000 },
    );
    expect([...problems].slice(0, 20)).toEqual([]);
  });
});
