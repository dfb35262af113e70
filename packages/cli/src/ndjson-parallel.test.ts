import { readFileSync } from 'node:fs';
import { KINDS, type NdjsonRecordResult, type NdjsonSummary, validateNdjson } from '@motcua/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateNdjsonParallel } from './ndjson-parallel.ts';

const batch = JSON.parse(
  readFileSync(new URL('../../../examples/data/dvcqg-sample-batch.json', import.meta.url), 'utf8'),
) as { data: unknown[] };
const dossiers = batch.data.map((d) => JSON.stringify(d));

async function collect(it: AsyncGenerator<NdjsonRecordResult, NdjsonSummary, undefined>) {
  const results: NdjsonRecordResult[] = [];
  for (;;) {
    const step = await it.next();
    if (step.done) return { results, summary: step.value };
    results.push(step.value);
  }
}

function chunked(bytes: Uint8Array, cuts: number[]): () => AsyncGenerator<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return async function* () {
    let prev = 0;
    for (const p of [...points, bytes.length]) {
      yield bytes.subarray(prev, p);
      prev = p;
    }
  };
}

describe('validateNdjsonParallel', () => {
  const kind = KINDS['dvcqg-dossier'];
  if (kind === undefined) throw new Error('dvcqg-dossier kind missing');

  it('gives exactly the in-process results, in order, for any mix of lines and chunking', async () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...dossiers) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', 'null', '[]', '{"MaHoSo":"x"}', 'x'.repeat(300)) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (lines, cuts, workers, trailingNewline) => {
          const bytes = new TextEncoder().encode(lines.join('\n') + (trailingNewline ? '\n' : ''));
          const maxLineBytes = 4096;
          const expected = await collect(
            validateNdjson(chunked(bytes, cuts)(), (v, o) => kind.validate(v, o), { lang: 'en', maxLineBytes }),
          );
          const actual = await collect(
            validateNdjsonParallel(chunked(bytes, cuts)(), {
              kind: 'dvcqg-dossier',
              workers,
              lang: 'en',
              maxLineBytes,
              blockBytes: 2048,
            }),
          );
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reports an overlong line in place without sending it to a worker', async () => {
    const text = `${dossiers[0]}\n${'y'.repeat(5000)}\n${dossiers[0]}\n`;
    const { results, summary } = await collect(
      validateNdjsonParallel(chunked(new TextEncoder().encode(text), [10, 3000])(), {
        kind: 'dvcqg-dossier',
        workers: 2,
        maxLineBytes: 1000,
        blockBytes: 100,
      }),
    );
    expect(results.map((r) => [r.line, r.issues[0]?.code ?? 'ok'])).toEqual([
      [1, results[0]?.issues[0]?.code ?? 'ok'],
      [2, 'INPUT_TOO_LARGE'],
      [3, results[2]?.issues[0]?.code ?? 'ok'],
    ]);
    expect(summary.records).toBe(3);
  });
});
