import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkLine, type NdjsonRecordResult, type NdjsonSummary, validateNdjson } from './ndjson.ts';
import { validateWith } from './validate.ts';

const schema = z.object({ n: z.number().int().min(0) });
const check = (v: unknown, o: { lang?: 'vi' | 'en' }) => validateWith(schema, v, undefined, o);

async function run(chunks: Uint8Array[], maxLineBytes?: number) {
  async function* source() {
    for (const c of chunks) yield c;
  }
  const it = validateNdjson(
    source(),
    check,
    maxLineBytes === undefined ? { lang: 'en' } : { lang: 'en', maxLineBytes },
  );
  const results: NdjsonRecordResult[] = [];
  for (;;) {
    const step = await it.next();
    if (step.done) return { results, summary: step.value as NdjsonSummary };
    results.push(step.value);
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('validateNdjson', () => {
  it('validates each line, reports malformed JSON per line, skips blank lines', async () => {
    const { results, summary } = await run([enc('{"n":1}\n\n{"n":-1}\nnot json\r\n{"n":2}')]);
    expect(results.map((r) => [r.line, r.valid])).toEqual([
      [1, true],
      [3, false],
      [4, false],
      [5, true],
    ]);
    expect(results[1]?.issues[0]).toMatchObject({ path: 'n', code: 'NUMBER_TOO_SMALL', severity: 'error' });
    expect(results[2]?.issues[0]?.code).toBe('JSON_MALFORMED');
    expect(summary).toEqual({ records: 4, valid: 2, invalid: 2, warnings: 0, blankLines: 1 });
  });

  it('reports an overlong line without buffering it and resumes at the next line', async () => {
    const long = `{"n":${'1'.repeat(100)}}`;
    const { results } = await run([enc(`{"n":1}\n${long.slice(0, 50)}`), enc(`${long.slice(50)}\n{"n":3}\n`)], 64);
    expect(results.map((r) => [r.line, r.valid, r.issues[0]?.code])).toEqual([
      [1, true, undefined],
      [2, false, 'INPUT_TOO_LARGE'],
      [3, true, undefined],
    ]);
    expect(results[1]?.issues[0]?.params).toMatchObject({ size: long.length, maximum: 64 });
  });

  it('gives the same results however the bytes are split into chunks', async () => {
    const line = fc.oneof(
      fc.integer({ min: -5, max: 1_000_000 }).map((n) => JSON.stringify({ n })),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/\n/g, ' ')),
      fc.constantFrom('', ' ', '{"n":"Hà Nội – Đà Nẵng"}', '{"n":1.5}'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (lines, cuts) => {
          const bytes = enc(lines.join('\n'));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let prev = 0;
          for (const p of points) {
            chunks.push(bytes.slice(prev, p));
            prev = p;
          }
          chunks.push(bytes.slice(prev));
          const whole = await run([bytes]);
          const split = await run(chunks);
          expect(split).toEqual(whole);
          const text = lines.join('\n');
          const expectedLines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
          expect(whole.summary.records + whole.summary.blankLines).toBe(expectedLines);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('copies partial lines, so a producer may reuse its buffer (as file readers do)', async () => {
    const lines = Array.from({ length: 200 }, (_, n) => JSON.stringify({ n, pad: 'Hà Nội'.repeat(n % 7) }));
    const bytes = enc(`${lines.join('\n')}\n`);
    // A Node Buffer, reused for every chunk: Buffer#slice does not copy, so this catches a
    // splitter that keeps views into the producer's buffer.
    const shared = Buffer.alloc(97);
    async function* reusing() {
      for (let off = 0; off < bytes.length; off += shared.length) {
        const n = Math.min(shared.length, bytes.length - off);
        shared.set(bytes.subarray(off, off + n));
        yield shared.subarray(0, n);
      }
    }
    const it = validateNdjson(reusing(), check);
    let valid = 0;
    for (let r = await it.next(); !r.done; r = await it.next()) if (r.value.valid) valid++;
    expect(valid).toBe(200);
  });

  it('checkLine never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = checkLine(s, 1, check);
        expect(typeof r.valid).toBe('boolean');
      }),
    );
  });
});
