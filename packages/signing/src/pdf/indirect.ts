import { ascii, findBytes, isDigit, isRegular, isWhite, PdfLexer } from './lexer.ts';
import { type Budget, FormatError } from './limits.ts';
import { isDict, isInt, isRef, type PdfObject, type PdfRef } from './objects.ts';
import { ensureLoaded } from './sparse.ts';

/** An indirect object as found in the file (`num gen obj … endobj`, §7.3.10). */
export interface IndirectObject {
  num: number;
  gen: number;
  obj: PdfObject;
  /** Offset of the object number. */
  start: number;
  /** Offset after `endobj` (or after the object / `endstream` when `endobj` is missing). */
  end: number;
}

const ENDSTREAM = ascii('endstream');

/** Reads `num gen obj` at `offset` (after white-space); undefined when it is not there. */
export function headerAt(
  bytes: Uint8Array,
  offset: number,
  budget: Budget,
): { num: number; gen: number; body: number } | undefined {
  if (offset < 0 || offset >= bytes.length) return undefined;
  const lx = new PdfLexer(bytes, offset, budget);
  const num = lx.readUInt();
  if (num === undefined) return undefined;
  const gen = lx.readUInt();
  if (gen === undefined) return undefined;
  if (!lx.eatKeyword('obj')) return undefined;
  return { num, gen, body: lx.pos };
}

/**
 * Searches `[offset − window, offset + window]` for the header `num gen obj`, for the common
 * off-by-a-few xref offsets that real readers tolerate. Returns the header's offset or -1.
 */
export function searchHeader(
  bytes: Uint8Array,
  offset: number,
  num: number,
  gen: number,
  window: number,
  budget: Budget,
): number {
  const needle = ascii(`${num} ${gen} obj`);
  let from = Math.max(0, offset - window);
  const to = Math.min(bytes.length, offset + window + needle.length);
  // The bytes either side of a match are looked at too.
  ensureLoaded(bytes, from - 1, to + 1);
  for (;;) {
    const i = findBytes(bytes, needle, from, to, budget);
    if (i < 0) return -1;
    if (i === 0 || !isRegular(bytes[i - 1])) {
      const after = bytes[i + needle.length];
      if (after === undefined || !isRegular(after)) return i;
    }
    from = i + 1;
  }
}

/**
 * Parses the indirect object at `offset`. Stream data is located, not decoded: `/Length` is
 * trusted only when `endstream` follows it; otherwise the data ends at the next `endstream`.
 */
export function parseIndirectAt(
  bytes: Uint8Array,
  offset: number,
  budget: Budget,
  maxDepth: number,
  resolveLength: (ref: PdfRef) => PdfObject | undefined,
): IndirectObject {
  const lx = new PdfLexer(bytes, offset, budget);
  const num = lx.readUInt();
  const gen = num === undefined ? undefined : lx.readUInt();
  if (num === undefined || gen === undefined || !lx.eatKeyword('obj')) {
    throw new FormatError('missing object header', offset);
  }
  const obj = lx.readObject(0, maxDepth);
  if (isDict(obj) && lx.peekKeyword() === 'stream') {
    lx.pos += 6;
    // `stream` is followed by CRLF or LF (§7.3.8.1); a lone CR is tolerated.
    if (bytes[lx.pos] === 0x0d) lx.pos++;
    if (bytes[lx.pos] === 0x0a) lx.pos++;
    const dataStart = lx.pos;
    let lengthObj: PdfObject | undefined = obj.map.get('Length');
    if (isRef(lengthObj)) lengthObj = resolveLength(lengthObj);
    let dataEnd = -1;
    if (isInt(lengthObj) && lengthObj >= 0 && dataStart + lengthObj <= bytes.length) {
      let p = dataStart + lengthObj;
      ensureLoaded(bytes, p, p + 4 + ENDSTREAM.length);
      while (p < bytes.length && isWhite(bytes[p]) && p < dataStart + lengthObj + 4) p++;
      if (startsWith(bytes, p, ENDSTREAM)) dataEnd = dataStart + lengthObj;
    }
    let after: number;
    if (dataEnd < 0) {
      const i = findBytes(bytes, ENDSTREAM, dataStart, bytes.length, budget);
      if (i < 0) throw new FormatError('stream without endstream', offset);
      dataEnd = i;
      if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
      if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
      if (dataEnd < dataStart) dataEnd = dataStart;
      after = i + ENDSTREAM.length;
    } else {
      let p = dataEnd;
      while (isWhite(bytes[p])) p++;
      after = p + ENDSTREAM.length;
    }
    // A new lexer: the payload may be unloaded in a sparse file, and this one stops before it.
    const tail = new PdfLexer(bytes, after, budget);
    const end = tail.eatKeyword('endobj') ? tail.pos : after;
    return { num, gen, obj: { k: 'stream', dict: obj, dataStart, dataEnd }, start: offset, end };
  }
  const afterObj = lx.pos;
  const end = lx.eatKeyword('endobj') ? lx.pos : afterObj;
  return { num, gen, obj, start: offset, end };
}

export function startsWith(bytes: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at < 0 || at + needle.length > bytes.length) return false;
  for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle[i]) return false;
  return true;
}

/** Parses an unsigned decimal integer at `p` (no sign); returns [value, next] or undefined. */
export function uintAt(bytes: Uint8Array, p: number): [number, number] | undefined {
  let v = 0;
  const start = p;
  while (isDigit(bytes[p]) && p - start < 16) {
    v = v * 10 + ((bytes[p] as number) - 0x30);
    p++;
  }
  return p === start ? undefined : [v, p];
}
