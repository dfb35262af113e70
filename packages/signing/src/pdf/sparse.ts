/**
 * A large PDF file as a mostly-unloaded buffer: the structure the reader needs is loaded, the
 * interiors of large stream payloads (scanned pages, images) are left as "holes" that are never
 * touched — so a 100 MB scanned result costs a few megabytes of memory and no page faults for
 * the rest. The signed bytes are hashed by streaming them from the file (see `verify-pdf-file.ts`).
 *
 * The buffer keeps the file's offsets: every byte at index `i` is the file's byte `i`, or — inside
 * a hole — zero, never read. Safety does not rest on the scanner that chooses the holes being
 * right about the file's structure: every place the reader touches file bytes either loads the
 * range first ({@link ensureLoaded}), stops its lexer at the next hole ({@link loadedEnd}), or
 * fails loudly ({@link assertLoaded}, a {@link SparseHoleError} the reader does not recover from).
 * The caller then reads the whole file instead. Ordinary (fully loaded) buffers are not
 * registered and pay one `WeakMap` miss per call.
 *
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Tuning of {@link SparseFile.open}. */
export interface SparseTuning {
  /**
   * Bytes kept loaded at the start of a stream payload (default 8 KiB, at least 128); a payload
   * of at most `holeMinBytes + margin` bytes is loaded whole.
   */
  holeMinBytes?: number;
  /** Bytes kept loaded at the end of a payload that becomes a hole (default 1 KiB). */
  margin?: number;
  /** Read size of the scanning pass (default 1 MiB). */
  chunkBytes?: number;
}

/**
 * Thrown when the reader would read bytes that were not loaded and cannot be loaded where it
 * stands. Deliberately not a `FormatError`: nothing in the reader recovers from it, so the read
 * ends with a failure and the sparse file's {@link SparseFile.holeHit} flag tells the caller to
 * read the whole file instead.
 */
export class SparseHoleError extends Error {
  constructor(from: number, to: number) {
    super(`read of unloaded bytes [${from}, ${to}) of a large file`);
    this.name = 'SparseHoleError';
  }
}

/**
 * The direct `/Length` of the dictionary that ends right before the `stream` keyword at `i`
 * (searched in the 2 KiB before it), or undefined when absent, indirect or not found. A guess
 * the caller confirms by finding `endstream` at the end it implies.
 */
function directLength(chunk: Buffer, i: number): number | undefined {
  const from = Math.max(0, i - 2048);
  const k = chunk.lastIndexOf('/Length', i);
  if (k < from) return undefined;
  const m = /^\/Length[\0\t\n\f\r ]+(\d{1,15})(?![\d.])([\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R(?![A-Za-z0-9]))?/.exec(
    chunk.toString('latin1', k, Math.min(i, k + 64)),
  );
  if (m === null || m[2] !== undefined) return undefined;
  const v = Number(m[1]);
  return Number.isSafeInteger(v) ? v : undefined;
}

/** What {@link SparseFile.suspect} needs of a lexer stopped at a hole. */
interface ClampedLexer {
  readonly pos: number;
  readonly end: number;
  /** Whether the lexer looked at or needed a byte at or after `end` (see `PdfLexer.touch`). */
  readonly hitEnd?: boolean;
}

const registry = new WeakMap<Uint8Array, SparseFile>();
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
/** A clamped lexer that ended this close to its end may have wanted more (keywords peek 32 bytes). */
const CLAMP_SLACK = 40;
/** Bytes loaded when the reader starts inside a hole (an object where the scanner saw payload). */
const WINDOW = 256 * 1024;

/** An open file whose bytes are loaded on demand into a file-sized buffer (offsets preserved). */
export class SparseFile {
  readonly bytes: Uint8Array;
  readonly size: number;
  /** Unloaded ranges `[start, end)`, sorted and disjoint. */
  holes: [number, number][];
  /** Set when the reader needed unloaded bytes it could not load in place. */
  holeHit = false;
  /** Lexers stopped at a hole, checked by {@link suspect}. */
  private readonly clamped: ClampedLexer[] = [];
  /** Bytes read from the file into the buffer (scanning pass and later loads). */
  loadedBytes = 0;
  private fd: number | undefined;

  private constructor(fd: number, size: number) {
    this.fd = fd;
    this.size = size;
    // Zero-filled and lazily mapped by the OS: pages never written or read cost nothing.
    this.bytes = new Uint8Array(size);
    this.holes = [];
  }

  /**
   * Opens `path` and loads everything except the interiors of large stream payloads, in one
   * sequential pass through a reused buffer. The scanner only chooses what to skip; it need not
   * agree with the reader (see the module comment).
   */
  static open(path: string, tuning: SparseTuning = {}): SparseFile {
    const fd = openSync(path, 'r');
    try {
      const f = new SparseFile(fd, fstatSync(fd).size);
      f.scan(tuning);
      registry.set(f.bytes, f);
      return f;
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** Reads `[from, to)` of the file into `into` at `at`; returns the bytes read. */
  readInto(into: Uint8Array, at: number, from: number, to: number): number {
    if (this.fd === undefined) throw new Error('sparse file closed');
    let done = 0;
    while (from + done < to) {
      const n = readSync(this.fd, into, at + done, to - from - done, from + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }

  private load(from: number, to: number): void {
    if (to <= from) return;
    this.loadedBytes += this.readInto(this.bytes, from, from, to);
  }

  /**
   * The loading pass. It looks for `stream` keywords; a payload of more than `minHole + margin`
   * bytes whose end is known — from a direct `/Length` confirmed by `endstream` there, else by
   * searching for `endstream` — becomes a hole, and the pass continues after it without reading
   * it. Everything else is copied.
   */
  private scan(tuning: SparseTuning): void {
    const minHole = Math.max(128, tuning.holeMinBytes ?? 8 * 1024);
    const margin = Math.max(16, Math.min(tuning.margin ?? 1024, minHole >> 2));
    const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, tuning.chunkBytes ?? 1 << 20));
    // Each read starts BACK bytes before the undecided position (to see the "end" of an
    // "endstream" split by the previous read) and decides all but its last AHEAD bytes (so that
    // no needle of at most 9 bytes is split at its end).
    const BACK = 8;
    const AHEAD = 16;
    let at = 0; // [0, at) is loaded, except the holes recorded
    let base = 0;
    let n = 0;
    /** Loads [from, to): from the current read where it holds them, from the file otherwise. */
    const take = (from: number, to: number): void => {
      const a = Math.max(from, base);
      const b = Math.min(to, base + n);
      if (a < b) {
        this.bytes.set(chunk.subarray(a - base, b - base), a);
        this.loadedBytes += b - a;
        this.load(from, a);
        this.load(b, to);
      } else this.load(from, to);
    };
    // Reads start small after a hole (the next object's dictionary is usually right there) and
    // double up to the chunk size.
    let want = 16 * 1024;
    outer: while (at < this.size) {
      base = Math.max(0, at - BACK);
      n = this.readInto(chunk, 0, base, Math.min(this.size, base + want));
      want = Math.min(chunk.length, want * 2);
      if (n === 0) break;
      const last = base + n >= this.size;
      const commit = last ? n : n - AHEAD; // chunk positions < commit are decided in this read
      let p = at - base;
      for (;;) {
        const i = chunk.indexOf(STREAM, p);
        if (i < 0 || i >= commit) break;
        p = i + STREAM.length;
        // Not the tail of "endstream", and followed by an end-of-line (§7.3.8.1).
        const ofEnd = i >= 3 && chunk[i - 3] === 0x65 && chunk[i - 2] === 0x6e && chunk[i - 1] === 0x64;
        let q = p;
        if (ofEnd || (chunk[q] !== 0x0d && chunk[q] !== 0x0a)) continue;
        if (chunk[q] === 0x0d) q++;
        if (chunk[q] === 0x0a) q++;
        const dataStart = base + q;
        const length = directLength(chunk, i);
        if (length !== undefined && length <= minHole + margin) continue; // small: copied with the rest
        let end = length === undefined ? -1 : dataStart + length;
        if (end >= 0 && !this.endstreamAt(end)) end = -1;
        if (end < 0) end = this.findEndstream(dataStart);
        // Only a non-empty hole: an empty one would still stop lexers and fail assertLoaded.
        if (end < 0 || end - dataStart <= minHole + margin) continue;
        const hs = dataStart + minHole;
        const he = end - margin;
        take(at, hs);
        this.holes.push([hs, he]);
        at = he;
        want = 16 * 1024;
        continue outer;
      }
      take(at, base + commit);
      at = base + commit;
      if (last) break;
    }
    if (at < this.size) this.load(at, this.size);
  }

  /** Whether `endstream` follows `pos` after at most 4 white-space bytes. */
  private endstreamAt(pos: number): boolean {
    if (pos < 0 || pos >= this.size) return false;
    const probe = new Uint8Array(16);
    const n = this.readInto(probe, 0, pos, Math.min(this.size, pos + 16));
    let k = 0;
    while (k < 4 && k < n && (probe[k] === 0x20 || probe[k] === 0x0a || probe[k] === 0x0d || probe[k] === 0x09)) k++;
    return n - k >= ENDSTREAM.length && ENDSTREAM.every((c, j) => probe[k + j] === c);
  }

  /** The offset of the first `endstream` at or after `from`, or -1 (a search through the file). */
  private findEndstream(from: number): number {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let at = from; at < this.size; ) {
      const n = this.readInto(buf, 0, at, Math.min(this.size, at + buf.length));
      if (n === 0) break;
      const i = buf.subarray(0, n).indexOf(ENDSTREAM);
      if (i >= 0) return at + i;
      if (at + n >= this.size) break;
      at += n - ENDSTREAM.length;
    }
    return -1;
  }

  /** The first hole ending after `pos`, as an index into {@link holes}. */
  private holeIndex(pos: number): number {
    let lo = 0;
    let hi = this.holes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.holes[mid] as [number, number])[1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Loads every unloaded byte of `[from, to)`. */
  ensure(from: number, to: number): void {
    from = Math.max(0, from);
    to = Math.min(this.size, to);
    if (to <= from || this.holes.length === 0) return;
    const i = this.holeIndex(from);
    const out: [number, number][] = [];
    let j = i;
    for (; j < this.holes.length; j++) {
      const [hs, he] = this.holes[j] as [number, number];
      if (hs >= to) break;
      const a = Math.max(hs, from);
      const b = Math.min(he, to);
      this.load(a, b);
      if (hs < a) out.push([hs, a]);
      if (b < he) out.push([b, he]);
    }
    if (j > i) this.holes.splice(i, j - i, ...out);
  }

  /** Where the loaded run starting at `pos` ends (the next hole, or the file's end). */
  loadedEnd(pos: number): number {
    if (this.holes.length === 0) return this.size;
    let h = this.holes[this.holeIndex(pos)];
    if (h !== undefined && h[0] <= pos) {
      // The reader starts inside a hole: load a window there rather than fail.
      this.ensure(pos, pos + WINDOW);
      h = this.holes[this.holeIndex(pos)];
    }
    return h === undefined ? this.size : h[0];
  }

  /** Throws {@link SparseHoleError} (and records it) when `[from, to)` meets a hole. */
  assertLoaded(from: number, to: number): void {
    if (this.holes.length === 0 || to <= from) return;
    const h = this.holes[this.holeIndex(from)];
    if (h !== undefined && h[0] < to) {
      this.holeHit = true;
      throw new SparseHoleError(from, to);
    }
  }

  /** Records a lexer that stops at a hole (see {@link suspect}). */
  noteClamped(lx: ClampedLexer): void {
    if (this.clamped.length < 100_000) this.clamped.push(lx);
    else this.holeHit = true;
  }

  /**
   * Whether the read may have been cut short by a hole: a read that failed on one, or a lexer
   * that stopped at a hole and looked at its end (a string or a number running into it, a
   * keyword or a reference looked for there, whether the lexer then failed, backtracked or went
   * on) or ended within a token's length of it. A caller that sees `true` reads the whole file
   * instead.
   */
  get suspect(): boolean {
    return this.holeHit || this.clamped.some((lx) => lx.hitEnd === true || lx.pos + CLAMP_SLACK >= lx.end);
  }

  /** Total bytes still unloaded. */
  get holeBytes(): number {
    let n = 0;
    for (const [a, b] of this.holes) n += b - a;
    return n;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Loads `[from, to)` of `bytes` when it is a sparse file's buffer; a no-op otherwise. */
export function ensureLoaded(bytes: Uint8Array, from: number, to: number): void {
  registry.get(bytes)?.ensure(from, to);
}

/** The end of the loaded run at `pos` (`bytes.length` for ordinary buffers). */
export function loadedEnd(bytes: Uint8Array, pos: number): number {
  const f = registry.get(bytes);
  return f === undefined ? bytes.length : f.loadedEnd(pos);
}

/** Records a lexer over a sparse buffer that stops at a hole. */
export function noteClamped(bytes: Uint8Array, lx: ClampedLexer): void {
  registry.get(bytes)?.noteClamped(lx);
}

/** Throws {@link SparseHoleError} when `[from, to)` of a sparse buffer meets a hole. */
export function assertLoaded(bytes: Uint8Array, from: number, to: number): void {
  registry.get(bytes)?.assertLoaded(from, to);
}
