import { decodeStream } from './filters.ts';
import { headerAt, type IndirectObject, parseIndirectAt, searchHeader } from './indirect.ts';
import { ascii, findBytes, isWhite, PdfLexer } from './lexer.ts';
import { type Budget, FormatError, isRecoverable, LimitError } from './limits.ts';
import { dictOf, isInt, isName, isRef, isStream, type PdfDict, type PdfObject, type PdfRef } from './objects.ts';
import type { ProblemList } from './problems.ts';
import { ensureLoaded } from './sparse.ts';
import {
  findEntry,
  findLastStartxref,
  readSection,
  revisionEndAfter,
  type XrefContext,
  type XrefEntries,
  type XrefSection,
} from './xref.ts';

/** One incremental revision: the xref sections written with it and where its `%%EOF` ends. */
export interface Revision {
  readonly index: number;
  /** Sections in chain order (newest first); two only for a linearized original. */
  readonly sections: readonly XrefSection[];
  readonly trailer: PdfDict;
  /** After `%%EOF` and its end-of-line. */
  readonly endOffset: number;
  /** Right after `%%EOF`. */
  readonly eofOffset: number;
  /** Offset of the `startxref` keyword closing this revision. */
  readonly startxrefOffset: number;
  readonly xrefKind: 'table' | 'stream' | 'hybrid';
}

/** Where an object lives: at a file offset, or inside an object stream. */
export type ObjectLocation = { kind: 'file'; offset: number } | { kind: 'objstm'; stream: number; index: number };

interface ObjStm {
  readonly data: Uint8Array;
  readonly nums: number[];
  readonly offsets: number[];
  readonly first: number;
  readonly parsed: Map<number, PdfObject>;
}

interface EntryView {
  type: number;
  f2: number;
  f3: number;
}

const PDF_HEADER = ascii('%PDF-');

/**
 * A read-only, revision-aware view of a PDF. Objects are parsed lazily (only those asked for)
 * and cached by file offset, so reading the signatures of a 100 MB file touches a few kilobytes.
 */
export class PdfDocument {
  readonly bytes: Uint8Array;
  readonly budget: Budget;
  readonly problems: ProblemList;
  readonly revisions: Revision[];
  readonly encrypted: boolean;
  private readonly fileCache = new Map<number, IndirectObject | null>();
  private readonly objStmCache = new Map<number, ObjStm | null>();
  private readonly inProgress = new Set<number>();

  private constructor(bytes: Uint8Array, budget: Budget, problems: ProblemList, revisions: Revision[]) {
    this.bytes = bytes;
    this.budget = budget;
    this.problems = problems;
    this.revisions = revisions;
    const last = revisions[revisions.length - 1];
    const enc = last?.trailer.map.get('Encrypt');
    this.encrypted = enc !== undefined && enc !== null;
  }

  /** Reads the xref chain and the revision list. Throws {@link FormatError} when no revision is readable. */
  static open(bytes: Uint8Array, budget: Budget, problems: ProblemList): PdfDocument {
    const headerAt0 = findBytes(bytes, PDF_HEADER, 0, Math.min(bytes.length, 1024), budget);
    if (headerAt0 < 0) problems.add('FORMAT_FAILURE', 'error', { reason: 'no %PDF- header in the first 1024 bytes' });
    else if (headerAt0 > 0)
      problems.add('FORMAT_FAILURE', 'warning', { reason: '%PDF- header not at offset 0', offset: headerAt0 });
    const sx = findLastStartxref(bytes, budget);
    if (sx === undefined) throw new FormatError('no startxref', bytes.length);
    const ctx: XrefContext = { bytes, budget, problems, entryCount: 0 };
    const chain: XrefSection[] = [];
    const seen = new Set<number>();
    let offset: number | undefined = sx.value;
    while (offset !== undefined) {
      if (seen.has(offset)) {
        problems.add('FORMAT_FAILURE', 'error', { reason: 'xref /Prev loop', offset });
        break;
      }
      seen.add(offset);
      if (chain.length >= budget.limits.maxRevisions) {
        problems.add('LIMIT_EXCEEDED', 'error', { limit: 'maxRevisions', value: budget.limits.maxRevisions });
        break;
      }
      let section: XrefSection;
      try {
        section = readSection(ctx, offset, true);
      } catch (e) {
        if (!isRecoverable(e) || chain.length === 0) throw e;
        problems.add(e instanceof LimitError ? 'LIMIT_EXCEEDED' : 'FORMAT_FAILURE', 'error', {
          reason: `xref section unreadable: ${e.message}`,
          offset,
        });
        break;
      }
      if (seen.has(section.offset) && section.offset !== offset) {
        problems.add('FORMAT_FAILURE', 'error', { reason: 'xref /Prev loop', offset: section.offset });
        break;
      }
      seen.add(section.offset);
      chain.push(section);
      const prev = section.trailer.map.get('Prev');
      offset = isInt(prev) && prev >= 0 ? prev : undefined;
    }
    // Group sections into revisions: a section whose /Prev points forward is the first-page
    // section of a linearized file and belongs with the main section it points to (Annex F).
    const groups: XrefSection[][] = [];
    for (let i = 0; i < chain.length; i++) {
      const s = chain[i] as XrefSection;
      const group = [s];
      let cur = s;
      while (i + 1 < chain.length && (chain[i + 1] as XrefSection).offset > cur.offset) {
        cur = chain[++i] as XrefSection;
        group.push(cur);
      }
      groups.push(group);
    }
    const offsets = chain.map((s) => s.offset).sort((a, b) => a - b);
    const nextSectionAfter = (p: number): number => offsets.find((o) => o > p) ?? bytes.length;
    const revs: Omit<Revision, 'index'>[] = [];
    for (const group of groups) {
      let best: { eof: number; end: number; startxref: number } | undefined;
      for (const s of group) {
        const e = revisionEndAfter(ctx, s.end, nextSectionAfter(s.end));
        if (e !== undefined && (best === undefined || e.end > best.end)) best = e;
      }
      if (best === undefined) {
        problems.add('FORMAT_FAILURE', 'error', {
          reason: 'revision without %%EOF',
          offset: (group[0] as XrefSection).offset,
        });
        continue;
      }
      const head = group[0] as XrefSection;
      const hybrid = group.some((s) => s.xrefStm !== undefined);
      revs.push({
        sections: group,
        trailer: head.trailer,
        endOffset: best.end,
        eofOffset: best.eof,
        startxrefOffset: best.startxref,
        xrefKind: hybrid ? 'hybrid' : head.kind,
      });
    }
    if (revs.length === 0) throw new FormatError('no readable revision', sx.value);
    revs.sort((a, b) => a.endOffset - b.endOffset);
    for (let i = 1; i < revs.length; i++) {
      if ((revs[i] as Revision).endOffset === (revs[i - 1] as Revision).endOffset) {
        problems.add('FORMAT_FAILURE', 'error', { reason: 'two xref sections end at the same %%EOF' });
      }
    }
    if (revs.some((r) => r.xrefKind === 'hybrid')) problems.add('HYBRID_XREF', 'warning');
    const revisions = revs.map((r, index) => ({ ...r, index }));
    const doc = new PdfDocument(bytes, budget, problems, revisions);
    if (doc.encrypted) problems.add('ENCRYPTED_UNSUPPORTED', 'warning');
    return doc;
  }

  get last(): number {
    return this.revisions.length - 1;
  }

  /** The xref entry of object `num` as of revision `rev` (hybrid rule: table in-use, then /XRefStm, then table free). */
  entry(num: number, rev: number): EntryView | undefined {
    for (let r = Math.min(rev, this.last); r >= 0; r--) {
      for (const s of (this.revisions[r] as Revision).sections) {
        const found = entryIn(s.entries, num);
        if (found !== undefined && found.type !== 0) return found;
        if (s.xrefStm !== undefined) {
          const hidden = entryIn(s.xrefStm.entries, num);
          if (hidden !== undefined) return hidden;
        }
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  /** Where object `num` lives as of revision `rev`; undefined when free or absent. */
  location(num: number, rev: number): ObjectLocation | undefined {
    const e = this.entry(num, rev);
    if (e === undefined || e.type === 0) return undefined;
    if (e.type === 1) return e.f2 > 0 || num === 0 ? { kind: 'file', offset: e.f2 } : undefined;
    return { kind: 'objstm', stream: e.f2, index: e.f3 };
  }

  /** The revision in which the current version of object `num` (as of `rev`) was written. */
  revisionOf(num: number, rev: number): number | undefined {
    for (let r = Math.min(rev, this.last); r >= 0; r--) {
      for (const s of (this.revisions[r] as Revision).sections) {
        if (
          entryIn(s.entries, num) !== undefined ||
          (s.xrefStm !== undefined && entryIn(s.xrefStm.entries, num) !== undefined)
        ) {
          return r;
        }
      }
    }
    return undefined;
  }

  /** Object `num gen` as of revision `rev`; undefined when free, absent or unreadable. */
  get(num: number, gen: number, rev: number): PdfObject | undefined {
    const loc = this.location(num, rev);
    if (loc === undefined) return undefined;
    if (loc.kind === 'file') {
      const ind = this.readAt(loc.offset, num, gen, rev);
      return ind === null ? undefined : ind.obj;
    }
    if (gen !== 0) return undefined;
    return this.fromObjStm(loc.stream, loc.index, num, rev);
  }

  /** Object `num` as of revision `rev` with the generation its xref entry gives. */
  current(num: number, rev: number): { gen: number; obj: PdfObject } | undefined {
    const e = this.entry(num, rev);
    if (e === undefined || e.type === 0) return undefined;
    const gen = e.type === 1 ? e.f3 : 0;
    const obj = this.get(num, gen, rev);
    return obj === undefined ? undefined : { gen, obj };
  }

  /** The parsed indirect object (with offsets) of a file-located object. */
  indirect(num: number, gen: number, rev: number): IndirectObject | undefined {
    const loc = this.location(num, rev);
    if (loc?.kind !== 'file') return undefined;
    return this.readAt(loc.offset, num, gen, rev) ?? undefined;
  }

  /** Follows references (bounded) to a direct object. */
  resolve(o: PdfObject | undefined, rev: number): PdfObject | undefined {
    let cur = o;
    for (let hops = 0; isRef(cur); hops++) {
      if (hops > this.budget.limits.maxDepth) return undefined;
      cur = this.get(cur.num, cur.gen, rev);
    }
    return cur;
  }

  /** `dict[key]`, resolved. */
  getIn(d: PdfDict | undefined, key: string, rev: number): PdfObject | undefined {
    return d === undefined ? undefined : this.resolve(d.map.get(key), rev);
  }

  /** The catalog (`/Root`) of revision `rev`. */
  catalog(rev: number): PdfDict | undefined {
    const r = this.revisions[rev];
    if (r === undefined) return undefined;
    return dictOf(this.resolve(r.trailer.map.get('Root'), rev));
  }

  /** Decoded bytes of a stream (bounded); undefined when undecodable. */
  streamData(s: PdfObject | undefined): Uint8Array | undefined {
    if (!isStream(s)) return undefined;
    try {
      ensureLoaded(this.bytes, s.dataStart, s.dataEnd);
      return decodeStream(this.bytes.subarray(s.dataStart, s.dataEnd), s.dict, this.budget, s.dataStart);
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      this.reportLocal(e, s.dataStart);
      return undefined;
    }
  }

  private reportLocal(e: FormatError | LimitError, offset: number): void {
    if (e instanceof LimitError)
      this.problems.add('LIMIT_EXCEEDED', 'warning', { limit: e.limit, value: e.value, offset });
    else this.problems.add('FORMAT_FAILURE', 'warning', { reason: e.message, offset: e.offset });
  }

  private readAt(offset: number, num: number, gen: number, rev: number): IndirectObject | null {
    const cached = this.fileCache.get(offset);
    if (cached !== undefined) return cached !== null && cached.num === num && cached.gen === gen ? cached : null;
    if (this.inProgress.has(offset)) return null;
    this.inProgress.add(offset);
    let result: IndirectObject | null = null;
    try {
      let at = offset;
      const h = headerAt(this.bytes, offset, this.budget);
      if (h === undefined || h.num !== num) {
        at = searchHeader(this.bytes, offset, num, gen, 64, this.budget);
        if (at >= 0)
          this.problems.add('XREF_REPAIRED', 'warning', {
            reason: 'object offset off by a few bytes',
            object: `${num} ${gen}`,
          });
      }
      if (at >= 0) {
        result = parseIndirectAt(this.bytes, at, this.budget, this.budget.limits.maxDepth, (ref: PdfRef) =>
          this.resolve(ref, rev),
        );
      }
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      this.reportLocal(e, offset);
      result = null;
    } finally {
      this.inProgress.delete(offset);
    }
    this.fileCache.set(offset, result);
    return result !== null && result.num === num && result.gen === gen ? result : null;
  }

  private fromObjStm(streamNum: number, index: number, num: number, rev: number): PdfObject | undefined {
    const loc = this.location(streamNum, rev);
    if (loc?.kind !== 'file') return undefined;
    let stm = this.objStmCache.get(loc.offset);
    if (stm === undefined) {
      stm = this.loadObjStm(loc.offset, streamNum, rev);
      this.objStmCache.set(loc.offset, stm);
    }
    if (stm === null) return undefined;
    // The index from the xref should point at `num`; if it does not, look the number up.
    const i = stm.nums[index] === num ? index : stm.nums.indexOf(num);
    if (i < 0) return undefined;
    if (i !== index)
      this.problems.add('XREF_REPAIRED', 'warning', { reason: 'object-stream index mismatch', object: `${num} 0` });
    const hit = stm.parsed.get(i);
    if (hit !== undefined) return hit;
    try {
      const start = stm.first + (stm.offsets[i] as number);
      const next = stm.offsets[i + 1];
      const end = next === undefined ? stm.data.length : stm.first + next;
      const lx = new PdfLexer(stm.data, start, this.budget, Math.max(start, end));
      const obj = lx.readObject(0, this.budget.limits.maxDepth);
      if (isStream(obj)) return undefined;
      stm.parsed.set(i, obj);
      return obj;
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      this.reportLocal(e, loc.offset);
      return undefined;
    }
  }

  /** Decoded data of object stream `streamNum` as of revision `rev` (cached). */
  objectStreamData(streamNum: number, rev: number): Uint8Array | undefined {
    const loc = this.location(streamNum, rev);
    if (loc?.kind !== 'file') return undefined;
    let stm = this.objStmCache.get(loc.offset);
    if (stm === undefined) {
      stm = this.loadObjStm(loc.offset, streamNum, rev);
      this.objStmCache.set(loc.offset, stm);
    }
    return stm?.data;
  }

  private loadObjStm(offset: number, streamNum: number, rev: number): ObjStm | null {
    const ind = this.readAt(offset, streamNum, 0, rev);
    if (ind === null || !isStream(ind.obj) || !isName(ind.obj.dict.map.get('Type'), 'ObjStm')) return null;
    if (this.encrypted) {
      this.problems.add('ENCRYPTED_UNSUPPORTED', 'warning', {
        reason: 'object stream in an encrypted file',
        object: `${streamNum} 0`,
      });
      return null;
    }
    const n = ind.obj.dict.map.get('N');
    const first = ind.obj.dict.map.get('First');
    if (!isInt(n) || !isInt(first) || n < 0 || first < 0) return null;
    const data = this.streamData(ind.obj);
    if (data === undefined) return null;
    if (n > data.length / 2) {
      this.problems.add('FORMAT_FAILURE', 'warning', {
        reason: 'object stream /N larger than its data',
        object: `${streamNum} 0`,
      });
      return null;
    }
    const lx = new PdfLexer(data, 0, this.budget, Math.min(first, data.length));
    const nums: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = lx.readUInt();
      const b = lx.readUInt();
      if (a === undefined || b === undefined) {
        this.problems.add('FORMAT_FAILURE', 'warning', {
          reason: 'object stream header malformed',
          object: `${streamNum} 0`,
        });
        return null;
      }
      nums.push(a);
      offsets.push(b);
    }
    for (let i = 1; i < offsets.length; i++) {
      if ((offsets[i] as number) < (offsets[i - 1] as number)) {
        this.problems.add('FORMAT_FAILURE', 'warning', {
          reason: 'object stream offsets not increasing',
          object: `${streamNum} 0`,
        });
        return null;
      }
    }
    return { data, nums, offsets, first, parsed: new Map() };
  }

  /** Every in-use object (number and generation) listed by revision `rev`'s own xref sections. */
  changedIn(rev: number): { num: number; gen: number; free: boolean }[] {
    const r = this.revisions[rev];
    if (r === undefined) return [];
    const out = new Map<number, { num: number; gen: number; free: boolean }>();
    const add = (e: XrefEntries): void => {
      this.budget.spend(e.count);
      for (let i = 0; i < e.count; i++) {
        const num = e.nums[i] as number;
        if (num === 0 || out.has(num)) continue;
        const type = e.types[i] as number;
        out.set(num, { num, gen: type === 1 ? (e.f3[i] as number) : 0, free: type === 0 });
      }
    };
    for (const s of r.sections) {
      add(s.entries);
      if (s.xrefStm !== undefined) add(s.xrefStm.entries);
    }
    // A free table entry shadowed by an in-use /XRefStm entry is not a deletion.
    for (const [num, v] of out) {
      if (v.free) {
        const e = this.entry(num, rev);
        if (e !== undefined && e.type !== 0) out.set(num, { num, gen: e.type === 1 ? e.f3 : 0, free: false });
      }
    }
    return [...out.values()];
  }

  /** True when the bytes `[from, to)` are only white-space (or NUL padding). */
  onlyWhitespace(from: number, to: number): boolean {
    ensureLoaded(this.bytes, from, to);
    for (let p = from; p < to; p++) if (!isWhite(this.bytes[p])) return false;
    return true;
  }

  /** `/Count` of the page tree root of revision `rev`. */
  pageCount(rev: number): number | undefined {
    const pages = dictOf(this.getIn(this.catalog(rev), 'Pages', rev));
    const count = this.resolve(pages?.map.get('Count'), rev);
    return isInt(count) ? count : undefined;
  }
}

function entryIn(entries: XrefEntries, num: number): EntryView | undefined {
  const i = findEntry(entries, num);
  if (i < 0) return undefined;
  return { type: entries.types[i] as number, f2: entries.f2[i] as number, f3: entries.f3[i] as number };
}
