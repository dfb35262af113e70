import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, latin1, minimalDocument, signIncrementally } from '../../test/pdf/build-pdf.ts';
import { readPdf } from '../../test/pdf/corpus.ts';
import { readPdfSignatures } from './read.ts';
import type { PdfReadLimits } from './types.ts';

/**
 * Mutation fuzzing of real and generated signed PDFs (signatures.md §9 check 12): whatever the
 * bytes, the reader returns a well-formed result within its work budget and never throws.
 */

const LIMITS: PdfReadLimits = {
  maxWork: 3_000_000,
  maxStreamBytes: 4 * 1024 * 1024,
  maxTotalInflated: 16 * 1024 * 1024,
};

const seeds: [string, Uint8Array][] = [
  ['pyhanko/sig-no-signed-attrs.pdf', readPdf('pyhanko/sig-no-signed-attrs.pdf')],
  ['pyhanko/minimal-two-fields-signed-twice.pdf', readPdf('pyhanko/minimal-two-fields-signed-twice.pdf')],
  ['esig-dss/siwa.pdf', readPdf('esig-dss/siwa.pdf')],
  ['esig-dss/pades_infinite_loop.pdf', readPdf('esig-dss/pades_infinite_loop.pdf')],
  ['generated: xref stream + object stream', signIncrementally(minimalDocument('stream', true), { xref: 'stream' })],
  ['generated: classic table', signIncrementally(minimalDocument())],
];

function checkResult(bytes: Uint8Array): void {
  let s: ReturnType<typeof readPdfSignatures> | undefined;
  expect(() => {
    s = readPdfSignatures(bytes, LIMITS);
  }).not.toThrow();
  if (s === undefined) return;
  expect(typeof s.ok).toBe('boolean');
  expect(s.fileLength).toBe(bytes.length);
  expect(s.work).toBeLessThanOrEqual((LIMITS.maxWork as number) + 1);
  for (const p of [...s.problems, ...s.signatures.flatMap((x) => x.problems)]) {
    expect(p.severity === 'error' || p.severity === 'warning').toBe(true);
    expect(p.message.vi.length).toBeGreaterThan(0);
    expect(p.message.en.length).toBeGreaterThan(0);
  }
  expect(s.ok).toBe(!s.problems.some((p) => p.severity === 'error'));
  // readPdfSignatures turns any stray exception into FORMAT_FAILURE "internal error: …"; for the fuzzer that is a bug.
  expect(s.problems.filter((p) => String(p.detail?.reason ?? '').startsWith('internal error'))).toEqual([]);
  for (const sig of s.signatures) {
    if (sig.contentsOffset !== undefined) {
      expect(sig.contentsOffset.start).toBeGreaterThanOrEqual(0);
      expect(sig.contentsOffset.end).toBeLessThanOrEqual(bytes.length);
    }
  }
}

/** A mutation: flip, overwrite, truncate, splice, duplicate a tail section, or insert bytes. */
const mutation = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    op: fc.constant('overwrite' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constant('splice' as const),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 400 }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ op: fc.constant('duplicate-xref' as const), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(
      'xref',
      'trailer',
      '<<',
      '>>',
      '[',
      ']',
      '0 0 R',
      'startxref\n0\n%%EOF',
      '/Prev 0',
      '(',
      'stream\n',
      'endobj',
      '%%EOF',
    ),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(bytes: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = bytes;
  const pos = (f: number): number => Math.min(b.length, Math.floor(f * b.length));
  for (const m of muts) {
    switch (m.op) {
      case 'flip': {
        if (b.length === 0) break;
        const at = Math.min(b.length - 1, pos(m.at));
        b = b.slice();
        b[at] = (b[at] as number) ^ m.xor;
        break;
      }
      case 'overwrite': {
        const at = pos(m.at);
        b = b.slice();
        b.set(m.bytes.subarray(0, b.length - at), at);
        break;
      }
      case 'truncate':
        b = b.subarray(0, pos(m.at));
        break;
      case 'splice': {
        const from = pos(m.from);
        const chunk = b.slice(from, from + m.len);
        const to = pos(m.to);
        b = concat(b.subarray(0, to), chunk, b.subarray(to));
        break;
      }
      case 'duplicate-xref': {
        // Re-append the last xref section and everything after it (a second, stale revision end).
        const text = latin1(b);
        const at = Math.max(text.lastIndexOf('xref'), 0);
        for (let i = 0; i < m.times; i++) b = concat(b, b.subarray(at));
        break;
      }
      case 'insert': {
        const at = pos(m.at);
        b = concat(b.subarray(0, at), ` ${m.text} `, b.subarray(at));
        break;
      }
    }
  }
  return b;
}

describe('fuzzing: mutated signed PDFs', () => {
  it.each(seeds)('%s: the unmutated seed reads', (_name, bytes) => {
    checkResult(bytes);
  });

  it.each(seeds)('%s: never throws, always bounded', (_name, bytes) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        checkResult(apply(bytes, muts));
      }),
      { numRuns: 150 },
    );
  });

  it('random garbage after a valid header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
        checkResult(concat('%PDF-1.7\n', tail, '\nstartxref\n9\n%%EOF\n'));
      }),
      { numRuns: 200 },
    );
  });
});
