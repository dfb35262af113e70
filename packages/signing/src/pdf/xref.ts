import { decodeStream } from './filters.ts';
import { headerAt, parseIndirectAt, startsWith, uintAt } from './indirect.ts';
import { ascii, findBytes, findBytesBackward, isRegular, isWhite, PdfLexer } from './lexer.ts';
import { type Budget, FormatError, isRecoverable, LimitError } from './limits.ts';
import { isArray, isDict, isInt, isName, isStream, type PdfDict } from './objects.ts';
import type { ProblemList } from './problems.ts';
import { assertLoaded, ensureLoaded, loadedEnd } from './sparse.ts';

/**
 * Cross-reference reading (ISO 32000-1 §7.5.4–7.5.8): classic tables, xref streams, hybrid
 * files, and the `/Prev` chain with loop detection. Entries are kept in typed arrays sorted by
 * object number, so a million-object file costs tens of megabytes, not hundreds.
 */

/** Entry types: 0 free, 1 in use at a file offset, 2 compressed in an object stream. */
export interface XrefEntries {
  readonly count: number;
  readonly nums: Float64Array;
  readonly types: Uint8Array;
  /** Type 1: byte offset; type 2: object-stream number; type 0: next free object. */
  readonly f2: Float64Array;
  /** Type 1/0: generation; type 2: index in the object stream. */
  readonly f3: Float64Array;
}

export interface XrefSection {
  /** Offset where the section really starts (after any repair). */
  readonly offset: number;
  readonly kind: 'table' | 'stream';
  readonly trailer: PdfDict;
  readonly entries: XrefEntries;
  /** Offset after the trailer dictionary or the xref stream's `endobj`. */
  readonly end: number;
  /** The `/XRefStm` section of a hybrid file. */
  readonly xrefStm?: XrefSection | undefined;
}

export interface XrefContext {
  readonly bytes: Uint8Array;
  readonly budget: Budget;
  readonly problems: ProblemList;
  /** Entries read so far (against `maxObjects`). */
  entryCount: number;
}

/** Builder for {@link XrefEntries} over growable typed arrays; sorts and de-duplicates (first entry for a number wins). */
class EntryBuilder {
  private nums = new Float64Array(64);
  private types = new Uint8Array(64);
  private f2 = new Float64Array(64);
  private f3 = new Float64Array(64);
  private n = 0;
  private readonly ctx: XrefContext;
  constructor(ctx: XrefContext) {
    this.ctx = ctx;
  }
  /** Makes room for `more` entries (charged against `maxObjects` up front). */
  reserve(more: number): void {
    const max = this.ctx.budget.limits.maxObjects;
    if (this.ctx.entryCount + more > max) throw new LimitError('maxObjects', max);
    const need = this.n + more;
    if (need <= this.nums.length) return;
    let cap = this.nums.length;
    while (cap < need) cap *= 2;
    const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.nums = grow(this.nums, (k) => new Float64Array(k));
    this.types = grow(this.types, (k) => new Uint8Array(k));
    this.f2 = grow(this.f2, (k) => new Float64Array(k));
    this.f3 = grow(this.f3, (k) => new Float64Array(k));
  }
  push(num: number, type: number, f2: number, f3: number): void {
    if (this.n === this.nums.length) this.reserve(1);
    if (++this.ctx.entryCount > this.ctx.budget.limits.maxObjects) {
      throw new LimitError('maxObjects', this.ctx.budget.limits.maxObjects);
    }
    const i = this.n++;
    this.nums[i] = num;
    this.types[i] = type;
    this.f2[i] = f2;
    this.f3[i] = f3;
  }
  build(): XrefEntries {
    const n = this.n;
    let sorted = true;
    for (let i = 1; i < n; i++) {
      if ((this.nums[i] as number) <= (this.nums[i - 1] as number)) {
        sorted = false;
        break;
      }
    }
    if (sorted) {
      return {
        count: n,
        nums: this.nums.subarray(0, n),
        types: this.types.subarray(0, n),
        f2: this.f2.subarray(0, n),
        f3: this.f3.subarray(0, n),
      };
    }
    this.ctx.budget.spend(n * 4);
    // Stable sort: among duplicates the first-listed entry stays first and wins.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (this.nums[a] as number) - (this.nums[b] as number) || a - b);
    const nums = new Float64Array(n);
    const types = new Uint8Array(n);
    const f2 = new Float64Array(n);
    const f3 = new Float64Array(n);
    let k = 0;
    for (const j of order) {
      const num = this.nums[j] as number;
      if (k > 0 && nums[k - 1] === num) continue;
      nums[k] = num;
      types[k] = this.types[j] as number;
      f2[k] = this.f2[j] as number;
      f3[k] = this.f3[j] as number;
      k++;
    }
    return {
      count: k,
      nums: nums.subarray(0, k),
      types: types.subarray(0, k),
      f2: f2.subarray(0, k),
      f3: f3.subarray(0, k),
    };
  }
}

/** Index of `num` in `entries`, or -1. */
export function findEntry(entries: XrefEntries, num: number): number {
  let lo = 0;
  let hi = entries.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = entries.nums[mid] as number;
    if (v === num) return mid;
    if (v < num) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const XREF = ascii('xref');
const STARTXREF = ascii('startxref');
const EOF = ascii('%%EOF');

/** The last `startxref` of the file: its value and the end of the `%%EOF` after it. */
export function findLastStartxref(bytes: Uint8Array, budget: Budget): { value: number; pos: number } | undefined {
  // The spec puts it in the last 1024 bytes; tolerate trailing junk up to 64 KiB.
  for (const window of [1024, 65536]) {
    const from = Math.max(0, bytes.length - window);
    const i = findBytesBackward(bytes, STARTXREF, from, bytes.length, budget);
    if (i >= 0) {
      let p = i + STARTXREF.length;
      while (isWhite(bytes[p])) p++;
      assertLoaded(bytes, i, p + 20);
      const v = uintAt(bytes, p);
      if (v !== undefined) return { value: v[0], pos: i };
    }
  }
  return undefined;
}

/** The end of the `%%EOF` line: after the marker and one CR, LF or CRLF. */
export function eolAfter(bytes: Uint8Array, p: number): number {
  ensureLoaded(bytes, p, p + 2);
  if (bytes[p] === 0x0d) p++;
  if (bytes[p] === 0x0a) p++;
  return p;
}

/**
 * After a section ends, the revision ends with `startxref N %%EOF`. Returns the offset just after
 * `%%EOF` and the one after its end-of-line, searching forward (and recording a repair) when the
 * marker does not follow directly.
 */
export function revisionEndAfter(
  ctx: XrefContext,
  sectionEnd: number,
  limit: number,
): { eof: number; end: number; startxref: number } | undefined {
  const { bytes, budget } = ctx;
  const lx = new PdfLexer(bytes, sectionEnd, budget);
  lx.skipWs();
  if (startsWith(bytes, lx.pos, STARTXREF)) {
    const sx = lx.pos;
    lx.pos += STARTXREF.length;
    lx.skipWs();
    const v = uintAt(bytes, lx.pos);
    if (v !== undefined) {
      let p = v[1];
      while (isWhite(bytes[p])) p++;
      assertLoaded(bytes, sectionEnd, p + EOF.length + 2);
      if (startsWith(bytes, p, EOF)) {
        const eof = p + EOF.length;
        return { eof, end: eolAfter(bytes, eof), startxref: sx };
      }
    }
  }
  const i = findBytes(bytes, EOF, sectionEnd, Math.min(bytes.length, limit), budget);
  if (i < 0) return undefined;
  ctx.problems.add('XREF_REPAIRED', 'warning', {
    reason: 'startxref/%%EOF not right after the xref section',
    offset: sectionEnd,
  });
  const eof = i + EOF.length;
  const sx = findBytesBackward(bytes, STARTXREF, sectionEnd, i, budget);
  return { eof, end: eolAfter(bytes, eof), startxref: sx < 0 ? i : sx };
}

/** Reads the section at `offset`, tolerating an offset off by a few bytes (recorded as a repair). */
export function readSection(ctx: XrefContext, offset: number, allowHybrid: boolean): XrefSection {
  const { bytes, budget } = ctx;
  try {
    return readSectionExact(ctx, offset, allowHybrid);
  } catch (e) {
    if (!isRecoverable(e) || e instanceof LimitError) throw e;
    // Off-by-a-few offsets (a lost CR, a BOM): look around for `xref` or `N G obj`.
    const window = 64;
    const from = Math.max(0, offset - window);
    const to = Math.min(bytes.length, offset + window);
    ensureLoaded(bytes, from, to + 32);
    const x = findBytes(bytes, XREF, from, to, budget);
    const candidates: number[] = [];
    if (x >= 0 && !isRegular(bytes[x + 4]) && (x === 0 || !isRegular(bytes[x - 1]))) candidates.push(x);
    for (let p = from; p < to; p++) {
      if (
        (p === 0 || !isRegular(bytes[p - 1])) &&
        bytes[p] !== undefined &&
        (bytes[p] as number) >= 0x30 &&
        (bytes[p] as number) <= 0x39
      ) {
        const h = headerAt(bytes, p, budget);
        if (h !== undefined) {
          candidates.push(p);
          break;
        }
      }
    }
    candidates.sort((a, b) => Math.abs(a - offset) - Math.abs(b - offset));
    for (const c of candidates) {
      if (c === offset) continue;
      try {
        const s = readSectionExact(ctx, c, allowHybrid);
        ctx.problems.add('XREF_REPAIRED', 'warning', {
          reason: 'xref offset off by a few bytes',
          claimed: offset,
          actual: c,
        });
        return s;
      } catch (e2) {
        if (!isRecoverable(e2) || e2 instanceof LimitError) throw e2;
      }
    }
    throw e;
  }
}

function readSectionExact(ctx: XrefContext, offset: number, allowHybrid: boolean): XrefSection {
  const { bytes } = ctx;
  if (offset < 0 || offset >= bytes.length) throw new FormatError('xref offset outside the file', offset);
  let p = offset;
  loadedEnd(bytes, offset); // loads a window when the section lies where a sparse read skipped
  while (isWhite(bytes[p])) p++;
  assertLoaded(bytes, offset, p + 5);
  if (startsWith(bytes, p, XREF) && !isRegular(bytes[p + 4])) return readTable(ctx, p, allowHybrid);
  return readXrefStream(ctx, p);
}

function readTable(ctx: XrefContext, offset: number, allowHybrid: boolean): XrefSection {
  const { bytes, budget } = ctx;
  const b = new EntryBuilder(ctx);
  let lx = new PdfLexer(bytes, offset + 4, budget);
  for (;;) {
    lx.skipWs();
    if (lx.peekKeyword() === 'trailer') break;
    const start = lx.readUInt();
    const count = lx.readUInt();
    if (start === undefined || count === undefined) throw new FormatError('malformed xref subsection header', lx.pos);
    // Each entry takes at least 18 bytes on disk; a larger count cannot be honest.
    if (count > (bytes.length - lx.pos) / 18 + 1)
      throw new FormatError('xref subsection count exceeds the file', lx.pos);
    budget.spend(count * 8);
    b.reserve(count);
    let q = lx.pos;
    const rows = q;
    ensureLoaded(bytes, q, q + count * 20 + 64);
    // Rows may hold more white-space than the loaded estimate: a row that reads as malformed
    // must not be one whose bytes were never loaded (NUL bytes read as white-space), or the
    // recovery below (a nearby section) would silently replace it.
    const malformed = (what: string): FormatError => {
      assertLoaded(bytes, rows, q + 1);
      return new FormatError(what, q);
    };
    for (let i = 0; i < count; i++) {
      while (isWhite(bytes[q])) q++;
      const off = uintAt(bytes, q);
      if (off === undefined) throw malformed('malformed xref entry');
      q = off[1];
      while (bytes[q] === 0x20) q++;
      const gen = uintAt(bytes, q);
      if (gen === undefined) throw malformed('malformed xref entry');
      q = gen[1];
      while (bytes[q] === 0x20) q++;
      const t = bytes[q];
      if (t !== 0x6e && t !== 0x66) throw malformed('malformed xref entry type');
      q++;
      b.push(start + i, t === 0x6e ? 1 : 0, off[0], gen[0]);
    }
    assertLoaded(bytes, rows, q);
    lx = new PdfLexer(bytes, q, budget); // rows may have been loaded after lx was made
  }
  lx.pos += 7;
  const trailer = lx.readObject(0, budget.limits.maxDepth);
  if (!isDict(trailer)) throw new FormatError('trailer is not a dictionary', lx.pos);
  let xrefStm: XrefSection | undefined;
  const stm = trailer.map.get('XRefStm');
  if (allowHybrid && isInt(stm)) {
    try {
      xrefStm = readSection(ctx, stm, false);
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      ctx.problems.add('FORMAT_FAILURE', 'warning', { reason: '/XRefStm unreadable', offset: stm });
    }
  }
  return { offset, kind: 'table', trailer, entries: b.build(), end: lx.pos, xrefStm };
}

function readXrefStream(ctx: XrefContext, offset: number): XrefSection {
  const { bytes, budget } = ctx;
  const ind = parseIndirectAt(bytes, offset, budget, budget.limits.maxDepth, () => undefined);
  const s = ind.obj;
  if (!isStream(s) || !isName(s.dict.map.get('Type'), 'XRef')) throw new FormatError('not an xref stream', offset);
  const d = s.dict;
  const w = d.map.get('W');
  if (!isArray(w) || w.items.length !== 3 || !w.items.every((x) => isInt(x) && x >= 0 && x <= 8)) {
    throw new FormatError('bad xref stream /W', offset);
  }
  const [w1, w2, w3] = w.items as [number, number, number];
  const rowLen = w1 + w2 + w3;
  if (rowLen === 0) throw new FormatError('bad xref stream /W', offset);
  const size = d.map.get('Size');
  if (!isInt(size) || size < 0) throw new FormatError('bad xref stream /Size', offset);
  const indexObj = d.map.get('Index');
  const index: number[] = [];
  if (indexObj === undefined) index.push(0, size);
  else if (isArray(indexObj) && indexObj.items.length % 2 === 0 && indexObj.items.every((x) => isInt(x) && x >= 0)) {
    for (const x of indexObj.items) index.push(x as number);
  } else throw new FormatError('bad xref stream /Index', offset);
  ensureLoaded(bytes, s.dataStart, s.dataEnd);
  const data = decodeStream(bytes.subarray(s.dataStart, s.dataEnd), d, budget, offset);
  const b = new EntryBuilder(ctx);
  let row = 0;
  const rows = Math.floor(data.length / rowLen);
  const field = (at: number, width: number): number => {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[at + i] as number);
    return v;
  };
  for (let i = 0; i < index.length; i += 2) {
    const start = index[i] as number;
    const count = index[i + 1] as number;
    if (row + count > rows) throw new FormatError('xref stream shorter than /Index says', offset);
    budget.spend(count * 4);
    b.reserve(count);
    for (let j = 0; j < count; j++, row++) {
      const at = row * rowLen;
      const type = w1 === 0 ? 1 : field(at, w1);
      const f2 = field(at + w1, w2);
      const f3 = field(at + w1 + w2, w3);
      if (type > 2) continue; // §7.5.8.3: unknown types read as null references
      b.push(start + j, type, f2, f3);
    }
  }
  return { offset, kind: 'stream', trailer: d, entries: b.build(), end: ind.end };
}
