import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  berLength,
  byteRangeFailure,
  coverageOf,
  gapFailure,
  type RevisionBounds,
  rangesCollide,
} from './byte-range.ts';
import type { PdfString } from './objects.ts';
import { signedBytes } from './read.ts';

const enc = new TextEncoder();

describe('check 2: ByteRange shape', () => {
  it.each([
    [[0, 10, 20, 5], 100, undefined],
    [[0, 10, 20, 80], 100, undefined],
    [[0, 10, 20], 100, '3 numbers instead of 4'],
    [[0, 10, 20, 5, 1, 1], 100, '6 numbers instead of 4'],
    [[1, 10, 20, 5], 100, 'a ≠ 0: the start of the file is not covered'],
    [[0, 0, 20, 5], 100, 'b ≤ 0'],
    [[0, 20, 20, 5], 100, 'c ≤ b'],
    [[0, 10, 20, -1], 100, 'd < 0'],
    [[0, 10, 20, 81], 100, 'c + d beyond the end of the file'],
    [[0, 10.5, 20, 5], 100, 'not all integers'],
  ])('%j in a file of %i bytes → %s', (br, len, reason) => {
    expect(byteRangeFailure(br, len)).toBe(reason);
  });
});

describe('check 3: the gap is exactly this /Contents', () => {
  const file = enc.encode('AAAA/Contents <3082>BBBB');
  const contents: PdfString = {
    k: 'str',
    bytes: new Uint8Array([0x30, 0x82]),
    hex: true,
    start: 14,
    end: 20,
    strictHex: true,
  };
  it('accepts the exact hex string', () => {
    expect(gapFailure(file, [0, 14, 20, 4], contents)).toBeUndefined();
  });
  it('refuses a gap that is larger, smaller or elsewhere', () => {
    expect(gapFailure(file, [0, 13, 20, 4], contents)).toContain('does not start with <');
    expect(gapFailure(file, [0, 14, 21, 3], contents)).toContain('does not end with >');
    expect(gapFailure(file, [0, 14, 20, 4], { ...contents, start: 2, end: 8 })).toContain(
      "is not this dictionary's /Contents",
    );
    expect(gapFailure(file, [0, 14, 20, 4], { ...contents, hex: false })).toContain('literal string');
    expect(gapFailure(enc.encode('AAAA/Contents <30 82>BB'), [0, 14, 21, 2], contents)).toContain('non-hex byte');
  });
});

describe('check 4: BER/DER element length', () => {
  it('definite short and long forms', () => {
    expect(berLength(Uint8Array.from([0x30, 0x03, 1, 2, 3, 0, 0]))).toBe(5);
    const long = new Uint8Array(300 + 4);
    long.set([0x30, 0x82, 0x01, 0x2c]);
    expect(berLength(long)).toBe(304);
  });
  it('indefinite length with nested elements', () => {
    expect(berLength(Uint8Array.from([0x30, 0x80, 0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0xff]))).toBe(
      11,
    );
  });
  it('high tag numbers', () => {
    expect(berLength(Uint8Array.from([0x1f, 0x81, 0x01, 0x01, 0x00]))).toBe(5);
  });
  it('truncated or nonsensical input is undefined, never an exception', () => {
    expect(berLength(Uint8Array.from([0x30, 0x82, 0xff, 0xff, 1]))).toBeUndefined();
    expect(berLength(Uint8Array.from([0x02, 0x80, 0x00, 0x00]))).toBeUndefined(); // indefinite primitive
    expect(berLength(new Uint8Array(0))).toBeUndefined();
    expect(berLength(Uint8Array.from([0x30, 0x80, ...new Array(200).fill(0x30), 0x80]))).toBeUndefined();
  });
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const n = berLength(bytes);
        return n === undefined || (n >= 2 && n <= bytes.length);
      }),
    );
  });
});

describe('check 5: coverage class', () => {
  const revs: RevisionBounds[] = [
    { index: 0, endOffset: 1000, eofOffset: 999, xrefOffsets: [900], startxrefOffset: 980 },
    { index: 1, endOffset: 2000, eofOffset: 1998, xrefOffsets: [1900], startxrefOffset: 1980 },
  ];
  it('whole file', () => {
    expect(coverageOf([0, 100, 200, 1800], 2000, revs)).toEqual({ coverage: 'whole-file', signedRevision: 1 });
  });
  it('whole revision, ending after %%EOF or after its end-of-line', () => {
    expect(coverageOf([0, 100, 200, 800], 2000, revs)).toEqual({ coverage: 'whole-revision', signedRevision: 0 });
    expect(coverageOf([0, 100, 200, 799], 2000, revs)).toEqual({ coverage: 'whole-revision', signedRevision: 0 });
  });
  it('partial: not a revision end, or the xref inside the gap', () => {
    expect(coverageOf([0, 100, 200, 700], 2000, revs).coverage).toBe('partial');
    expect(coverageOf([0, 100, 950, 50], 2000, revs).coverage).toBe('partial');
  });
});

describe('check 6: collisions', () => {
  it('nested prefixes (incremental signatures) do not collide', () => {
    expect(rangesCollide([0, 100, 200, 50], [0, 400, 500, 100])).toBe(false);
  });
  it('overlapping ranges and shared gaps collide', () => {
    expect(rangesCollide([0, 100, 200, 400], [0, 400, 500, 100])).toBe(true);
    expect(rangesCollide([0, 100, 200, 50], [0, 100, 200, 50])).toBe(true);
  });
});

describe('signedBytes', () => {
  const file = enc.encode('0123456789');
  it('returns views of the covered slices', () => {
    const parts = signedBytes(file, [0, 3, 5, 5]);
    expect(parts.map((p) => new TextDecoder().decode(p))).toEqual(['012', '56789']);
    expect(parts[0]?.buffer).toBe(file.buffer);
  });
  it('returns [] for anything outside the file or not integers, never throws', () => {
    expect(signedBytes(file, [0, 3, 5, 6])).toEqual([]);
    expect(signedBytes(file, [0, -1])).toEqual([]);
    expect(signedBytes(file, [0, 1.5])).toEqual([]);
    expect(signedBytes(file, [Number.NaN, 1])).toEqual([]);
    expect(signedBytes(undefined as unknown as Uint8Array, [0, 1])).toEqual([]);
  });
});
