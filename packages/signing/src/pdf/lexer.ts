import { type Budget, FormatError, LimitError } from './limits.ts';
import type { PdfArray, PdfDict, PdfName, PdfObject, PdfString } from './objects.ts';
import { ensureLoaded, loadedEnd, noteClamped } from './sparse.ts';

/** Byte classes of ISO 32000-1 §7.2.2: 1 = white-space, 2 = delimiter, 0 = regular. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

/** Hex digit values, 255 for non-hex bytes. */
const HEX = new Uint8Array(256).fill(255);
for (let i = 0; i < 10; i++) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[0x41 + i] = 10 + i;
  HEX[0x61 + i] = 10 + i;
}

export function isWhite(c: number | undefined): boolean {
  return c !== undefined && CLASS[c] === 1;
}
export function isRegular(c: number | undefined): boolean {
  return c !== undefined && CLASS[c] === 0;
}
export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}
export function hexValue(c: number | undefined): number {
  return c === undefined ? 255 : (HEX[c] ?? 255);
}

const NAME_CACHE = new Map<string, PdfName>();
function makeName(v: string): PdfName {
  let n = NAME_CACHE.get(v);
  if (n === undefined) {
    n = Object.freeze({ k: 'name', v }) as PdfName;
    // Bounded: hostile files could otherwise grow the cache without limit.
    if (NAME_CACHE.size < 4096) NAME_CACHE.set(v, n);
  }
  return n;
}

/**
 * Tokeniser and object parser over a byte buffer (ISO 32000-1 §7.2–7.3). It never converts the
 * buffer to a string, charges every token to the shared {@link Budget}, and bounds nesting.
 */
export class PdfLexer {
  readonly bytes: Uint8Array;
  readonly end: number;
  readonly budget: Budget;
  pos: number;
  /**
   * Whether the lexer stops at unloaded bytes of a sparse file (sparse.ts) rather than at the end
   * it was asked for: there, reaching {@link end} is not the end of the data.
   */
  private readonly clamped: boolean;
  /**
   * Set when a clamped lexer looked at (or needed) a byte at or after {@link end}: whatever it
   * read or failed to read there may differ from the whole file, wherever its position ended up
   * (a failed string, a `num gen` that was not followed by `R`, …). Checked by the sparse file.
   */
  hitEnd = false;
  constructor(bytes: Uint8Array, pos: number, budget: Budget, end: number = bytes.length) {
    this.bytes = bytes;
    this.pos = pos;
    // In a large file read sparsely, the lexer stops where unloaded bytes begin (sparse.ts).
    const wanted = Math.min(end, bytes.length);
    const loaded = loadedEnd(bytes, pos);
    this.end = Math.min(wanted, loaded);
    this.clamped = loaded < wanted;
    if (this.clamped) noteClamped(bytes, this);
    this.budget = budget;
  }

  /**
   * Records that the lexer looks at byte `p` (or needs it): at or after the end of a clamped
   * lexer, the read may have been cut short by unloaded bytes. Returns whether `p` is past the end.
   */
  touch(p: number): boolean {
    if (p < this.end) return false;
    if (this.clamped) this.hitEnd = true;
    return true;
  }

  /** Skips white-space and comments. */
  skipWs(): void {
    const b = this.bytes;
    let p = this.pos;
    const end = this.end;
    while (p < end) {
      const c = b[p] as number;
      if (CLASS[c] === 1) {
        p++;
      } else if (c === 0x25) {
        while (p < end && b[p] !== 0x0a && b[p] !== 0x0d) p++;
      } else {
        break;
      }
    }
    this.touch(p);
    this.budget.spend((p - this.pos) >> 4);
    this.pos = p;
  }

  /** The regular-character run at the current position (after white-space), without consuming it. */
  peekKeyword(): string {
    this.skipWs();
    let p = this.pos;
    let s = '';
    while (p < this.end && CLASS[this.bytes[p] as number] === 0 && s.length < 32) {
      s += String.fromCharCode(this.bytes[p] as number);
      p++;
    }
    if (s.length < 32) this.touch(p);
    return s;
  }

  /** Consumes `kw` if it is the next token; returns whether it was. */
  eatKeyword(kw: string): boolean {
    if (this.peekKeyword() !== kw) return false;
    this.pos += kw.length;
    return true;
  }

  /** Reads an unsigned integer token, or returns undefined and leaves the position alone. */
  readUInt(): number | undefined {
    this.skipWs();
    const b = this.bytes;
    let p = this.pos;
    let v = 0;
    const start = p;
    while (p < this.end && isDigit(b[p])) {
      v = v * 10 + ((b[p] as number) - 0x30);
      p++;
    }
    this.touch(p);
    if (p === start || p - start > 15) return undefined;
    if (p < this.end && CLASS[b[p] as number] === 0) return undefined;
    this.pos = p;
    return v;
  }

  /** Reads one object; `depth` counts enclosing arrays/dictionaries. */
  readObject(depth: number, maxDepth: number): PdfObject {
    if (depth > maxDepth) throw new LimitError('maxDepth', maxDepth);
    this.budget.spend(1);
    this.skipWs();
    const b = this.bytes;
    if (this.touch(this.pos)) throw new FormatError('unexpected end of data', this.pos);
    const c = b[this.pos] as number;
    switch (c) {
      case 0x2f: // /
        return this.readName();
      case 0x28: // (
        return this.readLiteral();
      case 0x3c: // <
        this.touch(this.pos + 1);
        if (b[this.pos + 1] === 0x3c) return this.readDict(depth, maxDepth);
        return this.readHex();
      case 0x5b: // [
        return this.readArray(depth, maxDepth);
      default:
        break;
    }
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.readNumberOrRef();
    if (CLASS[c] === 0) {
      const kw = this.peekKeyword();
      this.pos += kw.length;
      if (kw === 'true') return true;
      if (kw === 'false') return false;
      if (kw === 'null') return null;
      throw new FormatError(`unexpected keyword '${kw}'`, this.pos - kw.length);
    }
    throw new FormatError(`unexpected byte 0x${c.toString(16)}`, this.pos);
  }

  private readNumberOrRef(): PdfObject {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    let neg = false;
    if (b[p] === 0x2b || b[p] === 0x2d) {
      neg = b[p] === 0x2d;
      p++;
    }
    let intPart = 0;
    let digits = 0;
    while (p < this.end && isDigit(b[p])) {
      intPart = intPart * 10 + ((b[p] as number) - 0x30);
      p++;
      digits++;
    }
    this.touch(p);
    let real = false;
    let frac = 0;
    let scale = 1;
    if (b[p] === 0x2e) {
      real = true;
      p++;
      while (p < this.end && isDigit(b[p])) {
        if (scale < 1e15) {
          frac = frac * 10 + ((b[p] as number) - 0x30);
          scale *= 10;
        }
        p++;
        digits++;
      }
      this.touch(p);
    }
    if (digits === 0) throw new FormatError('malformed number', start);
    if (p < this.end && CLASS[b[p] as number] === 0) {
      // '1.2.3', '12abc': not a number. Real readers differ here; a strict reader refuses.
      throw new FormatError('malformed number', start);
    }
    this.pos = p;
    this.budget.spend(p - start);
    if (real) {
      const v = (intPart + frac / scale) * (neg ? -1 : 1);
      return { k: 'real', v };
    }
    const v = neg ? -intPart : intPart;
    if (neg || b[start] === 0x2b) return v;
    // `num gen R`
    const save = this.pos;
    const gen = this.readUInt();
    if (gen !== undefined) {
      this.skipWs();
      if (b[this.pos] === 0x52 && (this.touch(this.pos + 1) || CLASS[b[this.pos + 1] as number] !== 0)) {
        this.pos++;
        return { k: 'ref', num: v, gen };
      }
    }
    this.pos = save;
    return v;
  }

  private readName(): PdfName {
    const b = this.bytes;
    let p = this.pos + 1;
    const start = p;
    let s = '';
    while (p < this.end && CLASS[b[p] as number] === 0) {
      const c = b[p] as number;
      if (c === 0x23) this.touch(p + 2);
      if (c === 0x23 && hexValue(b[p + 1]) < 16 && hexValue(b[p + 2]) < 16) {
        s += String.fromCharCode(hexValue(b[p + 1]) * 16 + hexValue(b[p + 2]));
        p += 3;
      } else {
        s += String.fromCharCode(c);
        p++;
      }
      if (p - start > 65536) throw new FormatError('name too long', start);
    }
    this.touch(p);
    this.budget.spend(p - start);
    this.pos = p;
    return makeName(s);
  }

  private readLiteral(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    // First pass: find the closing parenthesis (balanced, honouring escapes).
    let p = start + 1;
    let nest = 1;
    while (p < this.end) {
      const c = b[p] as number;
      if (c === 0x5c) p += 2;
      else {
        if (c === 0x28) nest++;
        else if (c === 0x29 && --nest === 0) break;
        p++;
      }
    }
    if (this.touch(p)) {
      this.budget.spend(this.end - start);
      throw new FormatError('unterminated string', start);
    }
    const close = p;
    this.budget.spend(close - start);
    const out = new Uint8Array(close - start);
    let n = 0;
    p = start + 1;
    while (p < close) {
      let c = b[p] as number;
      if (c === 0x5c) {
        p++;
        c = b[p] as number;
        switch (c) {
          case 0x6e:
            out[n++] = 0x0a;
            p++;
            break;
          case 0x72:
            out[n++] = 0x0d;
            p++;
            break;
          case 0x74:
            out[n++] = 0x09;
            p++;
            break;
          case 0x62:
            out[n++] = 0x08;
            p++;
            break;
          case 0x66:
            out[n++] = 0x0c;
            p++;
            break;
          case 0x0d: // line continuation
            p++;
            if (b[p] === 0x0a) p++;
            break;
          case 0x0a:
            p++;
            break;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = 0;
              for (let i = 0; i < 3 && p < close && (b[p] as number) >= 0x30 && (b[p] as number) <= 0x37; i++) {
                v = v * 8 + ((b[p] as number) - 0x30);
                p++;
              }
              out[n++] = v & 0xff;
            } else {
              out[n++] = c;
              p++;
            }
        }
      } else if (c === 0x0d) {
        // An unescaped end-of-line in a literal string reads as a single LF (§7.3.4.2).
        out[n++] = 0x0a;
        p++;
        if (b[p] === 0x0a) p++;
      } else {
        out[n++] = c;
        p++;
      }
    }
    this.pos = close + 1;
    return { k: 'str', bytes: out.subarray(0, n), hex: false, start, end: close + 1, strictHex: false };
  }

  private readHex(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    let p = start + 1;
    const rel = b.subarray(p, this.end).indexOf(0x3e);
    if (rel < 0) {
      this.touch(this.end);
      this.budget.spend(this.end - start);
      throw new FormatError('unterminated hex string', start);
    }
    const close = p + rel;
    this.budget.spend(close - start);
    const out = new Uint8Array((close - p + 1) >> 1);
    let n = 0;
    let hi = -1;
    let strict = true;
    for (; p < close; p++) {
      const v = HEX[b[p] as number] as number;
      if (v === 255) {
        strict = false;
        if (CLASS[b[p] as number] !== 1) throw new FormatError('non-hex byte in hex string', p);
        continue;
      }
      if (hi < 0) hi = v;
      else {
        out[n++] = (hi << 4) | v;
        hi = -1;
      }
    }
    if (hi >= 0) out[n++] = hi << 4;
    this.pos = close + 1;
    return { k: 'str', bytes: out.subarray(0, n), hex: true, start, end: close + 1, strictHex: strict };
  }

  private readArray(depth: number, maxDepth: number): PdfArray {
    const start = this.pos;
    this.pos++;
    const items: PdfObject[] = [];
    for (;;) {
      this.skipWs();
      if (this.touch(this.pos)) throw new FormatError('unterminated array', start);
      if (this.bytes[this.pos] === 0x5d) {
        this.pos++;
        return { k: 'arr', items };
      }
      items.push(this.readObject(depth + 1, maxDepth));
    }
  }

  private readDict(depth: number, maxDepth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const map = new Map<string, PdfObject>();
    let dups: string[] | undefined;
    for (;;) {
      this.skipWs();
      if (this.touch(this.pos)) throw new FormatError('unterminated dictionary', start);
      const c = this.bytes[this.pos];
      if (c === 0x3e) {
        this.touch(this.pos + 1);
        if (this.bytes[this.pos + 1] !== 0x3e) throw new FormatError('malformed dictionary end', this.pos);
        this.pos += 2;
        return dups === undefined
          ? { k: 'dict', map, start, end: this.pos }
          : { k: 'dict', map, start, end: this.pos, duplicateKeys: dups };
      }
      if (c !== 0x2f) throw new FormatError('dictionary key is not a name', this.pos);
      const key = this.readName().v;
      const value = this.readObject(depth + 1, maxDepth);
      if (!map.has(key)) map.set(key, value);
      else if (!sameScalar(map.get(key), value)) {
        dups ??= [];
        dups.push(key);
      }
    }
  }
}

/** Equality of two values as far as a duplicate dictionary key is concerned (containers never equal). */
function sameScalar(a: PdfObject | undefined, b: PdfObject): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.k === 'name' && b.k === 'name') return a.v === b.v;
  if (a.k === 'ref' && b.k === 'ref') return a.num === b.num && a.gen === b.gen;
  if (a.k === 'real' && b.k === 'real') return a.v === b.v;
  return false;
}

/** Finds `needle` in `hay[from, to)`; -1 when absent. Charges the scanned distance to `budget`. */
export function findBytes(hay: Uint8Array, needle: Uint8Array, from: number, to: number, budget: Budget): number {
  ensureLoaded(hay, from, to);
  const first = needle[0] as number;
  const last = Math.min(to, hay.length) - needle.length;
  let p = Math.max(0, from);
  while (p <= last) {
    const i = hay.indexOf(first, p);
    if (i < 0 || i > last) break;
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (hay[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      budget.spend((i - Math.max(0, from)) >> 4);
      return i;
    }
    p = i + 1;
  }
  budget.spend((Math.max(p, last) - Math.max(0, from)) >> 4);
  return -1;
}

/** Finds the last `needle` in `hay[from, to)`; -1 when absent. */
export function findBytesBackward(
  hay: Uint8Array,
  needle: Uint8Array,
  from: number,
  to: number,
  budget: Budget,
): number {
  ensureLoaded(hay, from, to);
  const first = needle[0] as number;
  let p = Math.min(to, hay.length) - needle.length;
  const lo = Math.max(0, from);
  while (p >= lo) {
    const i = hay.lastIndexOf(first, p);
    if (i < lo) break;
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      if (hay[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      budget.spend((to - i) >> 4);
      return i;
    }
    p = i - 1;
  }
  budget.spend((to - lo) >> 4);
  return -1;
}

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
