import { hexValue } from './lexer.ts';
import type { PdfString } from './objects.ts';
import { ensureLoaded } from './sparse.ts';

/**
 * Byte-level signature checks of signatures.md §9: the ByteRange shape (check 2), the gap being
 * exactly this dictionary's `/Contents` (check 3), the DER padding (check 4), the coverage class
 * (check 5) and collisions between signatures (check 6).
 */

/** Check 2: exactly 4 integers, a = 0, b > 0, c > b, d ≥ 0, c + d ≤ file length. Returns the failure reason. */
export function byteRangeFailure(br: readonly number[], fileLength: number): string | undefined {
  if (br.length !== 4) return `${br.length} numbers instead of 4`;
  if (!br.every((x) => Number.isSafeInteger(x))) return 'not all integers';
  const [a, b, c, d] = br as [number, number, number, number];
  if (a !== 0) return 'a ≠ 0: the start of the file is not covered';
  if (b <= 0) return 'b ≤ 0';
  if (c <= b) return 'c ≤ b';
  if (d < 0) return 'd < 0';
  if (c + d > fileLength) return 'c + d beyond the end of the file';
  return undefined;
}

/**
 * Check 3: `<` at b, `>` at c − 1, only hex digits between, and that string is this dictionary's
 * own `/Contents` token. Returns the failure reason.
 */
export function gapFailure(
  bytes: Uint8Array,
  br: readonly number[],
  contents: PdfString | undefined,
): string | undefined {
  const [, b, c] = br as [number, number, number, number];
  ensureLoaded(bytes, b, c);
  if (bytes[b] !== 0x3c) return 'the gap does not start with <';
  if (bytes[c - 1] !== 0x3e) return 'the gap does not end with >';
  for (let p = b + 1; p < c - 1; p++) {
    if (hexValue(bytes[p]) === 255) return `non-hex byte at offset ${p} inside the gap`;
  }
  if (contents === undefined) return 'no /Contents string';
  if (!contents.hex) return '/Contents is a literal string, not a hex string';
  if (contents.start !== b || contents.end !== c) {
    return `the gap [${b}, ${c}) is not this dictionary's /Contents [${contents.start}, ${contents.end})`;
  }
  return undefined;
}

/**
 * Length of the first BER/DER element of `bytes` (definite or indefinite length, bounded depth),
 * or undefined when `bytes` does not start with a well-formed element.
 */
export function berLength(bytes: Uint8Array, maxDepth = 64): number | undefined {
  const walk = (p: number, depth: number): number | undefined => {
    if (depth > maxDepth || p >= bytes.length) return undefined;
    const tag = bytes[p] as number;
    let q = p + 1;
    if ((tag & 0x1f) === 0x1f) {
      // High tag number: base-128 continuation bytes.
      for (let i = 0; ; i++) {
        if (q >= bytes.length || i > 4) return undefined;
        if (((bytes[q++] as number) & 0x80) === 0) break;
      }
    }
    if (q >= bytes.length) return undefined;
    const l0 = bytes[q++] as number;
    if (l0 < 0x80) return q + l0 <= bytes.length ? q + l0 - p : undefined;
    if (l0 === 0x80) {
      if ((tag & 0x20) === 0) return undefined; // indefinite length needs a constructed element
      for (;;) {
        if (q + 1 < bytes.length && bytes[q] === 0 && bytes[q + 1] === 0) return q + 2 - p;
        const n = walk(q, depth + 1);
        if (n === undefined) return undefined;
        q += n;
      }
    }
    const nBytes = l0 & 0x7f;
    if (nBytes > 6 || q + nBytes > bytes.length) return undefined;
    let len = 0;
    for (let i = 0; i < nBytes; i++) len = len * 256 + (bytes[q++] as number);
    return q + len <= bytes.length ? q + len - p : undefined;
  };
  return walk(0, 0);
}

/** Where a revision ends and where its cross-reference data lies, for check 5. */
export interface RevisionBounds {
  readonly index: number;
  readonly endOffset: number;
  readonly eofOffset: number;
  readonly xrefOffsets: readonly number[];
  readonly startxrefOffset: number;
}

/** Check 5: the coverage class of a valid byte range, and the revision it ends. */
export function coverageOf(
  br: readonly number[],
  fileLength: number,
  revisions: readonly RevisionBounds[],
): { coverage: 'whole-file' | 'whole-revision' | 'partial'; signedRevision: number | undefined } {
  const [, b, c, d] = br as [number, number, number, number];
  const end = c + d;
  const rev = revisions.find((r) => r.endOffset === end || r.eofOffset === end);
  // A revision counts only if its xref sections and `startxref` lie in the signed bytes.
  const inSigned = (o: number): boolean => o < end && (o < b || o >= c);
  const signedRevision = rev?.xrefOffsets.every(inSigned) && inSigned(rev.startxrefOffset) ? rev.index : undefined;
  if (end === fileLength) return { coverage: 'whole-file', signedRevision };
  if (signedRevision !== undefined) return { coverage: 'whole-revision', signedRevision };
  return { coverage: 'partial', signedRevision: undefined };
}

/**
 * Check 6: two valid byte ranges collide unless one signature's whole signed area ends before
 * the other's gap starts (nested prefixes, the normal sequence of incremental signatures).
 */
export function rangesCollide(x: readonly number[], y: readonly number[]): boolean {
  const [, bx, cx, dx] = x as [number, number, number, number];
  const [, by, cy, dy] = y as [number, number, number, number];
  const endX = cx + dx;
  const endY = cy + dy;
  return !(endX <= by || endY <= bx);
}

/** The covered slices of `bytes` for a byte range (pairs of offset and length), clamped to the file, no copy. */
export function coveredSlices(bytes: Uint8Array, byteRange: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i + 1 < byteRange.length; i += 2) {
    const start = byteRange[i];
    const len = byteRange[i + 1];
    if (typeof start !== 'number' || typeof len !== 'number') return [];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(len) || start < 0 || len < 0) return [];
    if (start + len > bytes.length) return [];
    out.push(bytes.subarray(start, start + len));
  }
  return out;
}
