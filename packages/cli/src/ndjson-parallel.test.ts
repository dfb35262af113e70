import { readFileSync } from 'node:fs';
import { KINDS, type NdjsonSummary, validateNdjson } from '@motcua/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test/memory-io.ts';
import { validateCommand } from './commands/validate.ts';
import { type NdjsonBlockResult, validateNdjsonBlocks, validateNdjsonParallel } from './ndjson-parallel.ts';
import { renderNdjsonRecord } from './ndjson-parallel-block.ts';

const batch = JSON.parse(
  readFileSync(new URL('../../../examples/data/dvcqg-sample-batch.json', import.meta.url), 'utf8'),
) as { data: unknown[] };
const dossiers = batch.data.map((d) => JSON.stringify(d));

async function collect<T>(it: AsyncGenerator<T, NdjsonSummary, undefined>) {
  const results: T[] = [];
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
      // A fresh copy per chunk, overwritten once consumed: the engine must copy what it keeps.
      const chunk = bytes.slice(prev, p);
      yield chunk;
      chunk.fill(0x7b);
      prev = p;
    }
  };
}

const kind = KINDS['dvcqg-dossier'];
if (kind === undefined) throw new Error('dvcqg-dossier kind missing');

// Valid dossiers (some with warnings), blank and whitespace lines, invalid JSON, wrong
// shapes, lines over the 4096-byte cap used below, a BOM, invalid UTF-8.
const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...dossiers) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\t',
      '{',
      'null',
      '[]',
      '{"MaHoSo":"x"}',
      'x'.repeat(300),
      'y'.repeat(5000),
      `\uFEFF${dossiers[0]}`,
      '{"MaHoSo":"\uFFFD"}',
    ),
  },
);

function encode(lines: string[], crlf: boolean, trailingNewline: boolean, badUtf8: boolean): Uint8Array {
  const text = lines.join(crlf ? '\r\n' : '\n') + (trailingNewline ? (crlf ? '\r\n' : '\n') : '');
  const bytes = new TextEncoder().encode(text);
  if (!badUtf8 || bytes.length === 0) return bytes;
  // A truncated multi-byte sequence just before the first newline (or at the very end).
  const at = bytes.indexOf(0x0a);
  const out = new Uint8Array(bytes.length + 1);
  const cut = at === -1 ? bytes.length : at;
  out.set(bytes.subarray(0, cut));
  out[cut] = 0xe1;
  out.set(bytes.subarray(cut), cut + 1);
  return out;
}

describe('validateNdjsonParallel / validateNdjsonBlocks', () => {
  it('give exactly the in-process results, in order, for any mix of lines, chunking and block size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.record({
          workers: fc.integer({ min: 1, max: 3 }),
          blockBytes: fc.constantFrom(1, 7, 100, 2048, 1 << 16),
          validateWhileStarting: fc.boolean(),
          crlf: fc.boolean(),
          trailingNewline: fc.boolean(),
          badUtf8: fc.boolean(),
          report: fc.constantFrom(undefined, 'text' as const, 'json' as const),
        }),
        async (lines, cuts, o) => {
          const bytes = encode(lines, o.crlf, o.trailingNewline, o.badUtf8);
          const maxLineBytes = 4096;
          const expected = await collect(
            validateNdjson(chunked(bytes, cuts)(), (v, opts) => kind.validate(v, opts), { lang: 'en', maxLineBytes }),
          );
          const options = {
            kind: 'dvcqg-dossier',
            workers: o.workers,
            lang: 'en' as const,
            maxLineBytes,
            blockBytes: o.blockBytes,
            validateWhileStarting: o.validateWhileStarting,
          };
          expect(await collect(validateNdjsonParallel(chunked(bytes, cuts)(), options))).toEqual(expected);

          const blocks = await collect(
            validateNdjsonBlocks(
              chunked(bytes, cuts)(),
              o.report === undefined ? options : { ...options, report: o.report },
            ),
          );
          expect(blocks.summary).toEqual(expected.summary);
          expect(blocks.results.flatMap((b) => b.records())).toEqual(expected.results);
          expect(blocks.results.flatMap((b) => b.flagged())).toEqual(
            expected.results.filter((r) => !r.valid || r.issues.length > 0),
          );
          checkBlocks(blocks.results, expected.summary);
          const format = o.report;
          if (format === undefined) expect(blocks.results.every((b) => b.report === undefined)).toBe(true);
          else {
            const printed = Buffer.concat(blocks.results.map((b) => b.report ?? new Uint8Array())).toString('utf8');
            expect(printed).toBe(expected.results.map((r) => renderNdjsonRecord(r, 'en', format)).join(''));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sends every block to the workers when asked, and reports overlong lines in place', async () => {
    const text = `${dossiers[0]}\n${'y'.repeat(5000)}\n\n${dossiers[1]}\n${'z'.repeat(3000)}`;
    const { results, summary } = await collect(
      validateNdjsonBlocks(chunked(new TextEncoder().encode(text), [10, 3000, 5100])(), {
        kind: 'dvcqg-dossier',
        workers: 2,
        lang: 'en',
        maxLineBytes: 1000,
        blockBytes: 100,
        validateWhileStarting: false,
        report: 'text',
      }),
    );
    expect(Buffer.concat(results.map((b) => b.report ?? new Uint8Array())).toString('utf8')).toMatch(
      /^line 1: [✓⚠✗].*\nline 2: ✗ \(root\) \[INPUT_TOO_LARGE\].*\nline 4: [✓⚠✗].*\nline 5: ✗ \(root\) \[INPUT_TOO_LARGE\].*\n$/,
    );
    const records = results.flatMap((b) => b.records());
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(records[1]?.issues.map((i) => [i.code, i.params])).toEqual([
      ['INPUT_TOO_LARGE', { size: 5000, maximum: 1000 }],
    ]);
    expect(records[3]?.issues.map((i) => [i.code, i.params])).toEqual([
      ['INPUT_TOO_LARGE', { size: 3000, maximum: 1000 }],
    ]);
    expect(summary).toMatchObject({ records: 4, blankLines: 1 });
    checkBlocks(results, summary);
  });

  it('stops its workers when the caller stops early', async () => {
    const text = `${dossiers.join('\n')}\n`.repeat(50);
    const it = validateNdjsonParallel(chunked(new TextEncoder().encode(text), [100, 5000])(), {
      kind: 'dvcqg-dossier',
      workers: 2,
      blockBytes: 256,
      validateWhileStarting: false,
    });
    const first = await it.next();
    expect(first.done === false && first.value.line).toBe(1);
    const end = await it.return({ records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 });
    expect(end.done).toBe(true);
  });

  it('passes on the error of a failing source, and stops its workers', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${dossiers[0]}\n`);
      throw new Error('disk gone');
    }
    await expect(collect(validateNdjsonParallel(failing(), { kind: 'dvcqg-dossier', workers: 1 }))).rejects.toThrow(
      'disk gone',
    );
  });
});

/** Blocks tile the input: consecutive line numbers, statuses agree with the records. */
function checkBlocks(blocks: NdjsonBlockResult[], summary: NdjsonSummary): void {
  let next = 1;
  const totals = { records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 };
  for (const b of blocks) {
    expect(b.firstLine).toBe(next);
    next += b.status.length;
    const records = b.records();
    expect(records.map((r) => r.line)).toEqual([...b.status].flatMap((s, i) => (s === 0 ? [] : [b.firstLine + i])));
    for (const [k, v] of Object.entries(b.summary)) totals[k as keyof NdjsonSummary] += v;
    expect(b.summary.records).toBe(records.length);
  }
  expect(totals).toEqual(summary);
}

describe('renderNdjsonRecord', () => {
  it('prints a record as JSON.stringify({ line, valid, issues }), or the text report line', async () => {
    const text = [dossiers[0], '{', 'null', dossiers[1]].join('\n');
    const { results } = await collect(
      validateNdjson(chunked(new TextEncoder().encode(text), [])(), (v, o) => kind.validate(v, o), { lang: 'en' }),
    );
    expect(results.length).toBe(4);
    for (const r of results) {
      expect(renderNdjsonRecord(r, 'en', 'json')).toBe(
        `${JSON.stringify({ line: r.line, valid: r.valid, issues: r.issues })}\n`,
      );
      const verdict = r.valid ? (r.issues.length ? '⚠' : '✓') : '✗';
      const issues = r.issues.map((i) => ` ${i.path || '(root)'} [${i.code}] ${i.message}`).join(';');
      expect(renderNdjsonRecord(r, 'vi', 'text')).toBe(`dòng ${r.line}: ${verdict}${issues}\n`);
    }
    expect(renderNdjsonRecord({ line: 7, valid: true, issues: [] }, 'en', 'text')).toBe('line 7: ✓\n');
  });
});

describe('motcua validate --ndjson', () => {
  it('prints the same, byte for byte, on worker threads as in-process (text and --json, vi and en)', async () => {
    const text = [dossiers[0], '', '{', dossiers[1], 'null', `${dossiers[2]}\r`, '   ', dossiers[0]].join('\n');
    for (const extra of [[], ['--json'], ['--lang', 'en'], ['--json', '--lang', 'en']]) {
      const outputs: string[] = [];
      const codes: number[] = [];
      for (const workers of ['0', '2']) {
        const io = memoryIo(text);
        codes.push(
          await validateCommand.run(['-', '--as', 'dvcqg-dossier', '--ndjson', '--workers', workers, ...extra], io),
        );
        outputs.push(io.out());
      }
      expect(outputs[1]).toBe(outputs[0]);
      expect(codes).toEqual([1, 1]);
      expect(outputs[0]?.split('\n').length).toBeGreaterThan(6);
    }
  });
});
