import { type FormState, nextForm, readForm } from './acroform.ts';
import { coveredSlices, rangesCollide } from './byte-range.ts';
import { diffRevision, type RevisionDiff } from './diff.ts';
import { PdfDocument } from './document.ts';
import { parseIndirectAt } from './indirect.ts';
import { ascii, findBytes } from './lexer.ts';
import { Budget, FormatError, isRecoverable, LimitError, resolveLimits } from './limits.ts';
import {
  dictOf,
  isArray,
  isDict,
  isName,
  isRef,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  refKey,
} from './objects.ts';
import { ProblemList, problem } from './problems.ts';
import { inspectSignature, type SignatureSource } from './signature-dict.ts';
import type {
  PdfModification,
  PdfReadLimits,
  PdfSignatureField,
  PdfSignatureStructure,
  PdfSignatureTransform,
} from './types.ts';

/**
 * Reads the signature structure of a PDF: every revision, every signature dictionary (through
 * the AcroForm of every revision, plus orphans), the byte-level checks and the classification of
 * every later incremental update. Implements the container checks 1–12 of signatures.md §9;
 * the CMS layer then verifies each {@link PdfSignatureField.contents} over {@link signedBytes}.
 *
 * Never throws: a malformed or hostile file yields `ok: false` with a `FORMAT_FAILURE` or
 * `LIMIT_EXCEEDED` problem. Work is bounded by {@link PdfReadLimits}; only the cross-reference
 * data and the objects the checks need are parsed, never the whole file.
 *
 * @param bytes - The whole PDF file.
 * @param limits - Optional bounds (defaults: {@link DEFAULT_PDF_READ_LIMITS}).
 * @returns The structure, with problems at document and signature level.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { readPdfSignatures, signedBytes } from '@motcua/signing/pdf';
 *
 * const pdf = readFileSync('ket-qua.signed.pdf');
 * const s = readPdfSignatures(pdf);
 * for (const sig of s.signatures) {
 *   const wrapped = sig.problems.some((p) => p.code === 'CONTENTS_NOT_IN_GAP');
 *   const later = sig.modificationsAfter.filter((m) => !m.permitted);
 *   if (sig.byteRange && !wrapped) {
 *     const parts = signedBytes(pdf, sig.byteRange); // hash these, verify sig.contents
 *   }
 *   console.log(sig.fieldName, sig.coverage, later.map((m) => m.kind));
 * }
 * ```
 * @category PDF
 */
export function readPdfSignatures(bytes: Uint8Array, limits?: PdfReadLimits): PdfSignatureStructure {
  const lim = resolveLimits(limits);
  const budget = new Budget(lim);
  const problems = new ProblemList();
  const result: PdfSignatureStructure = {
    ok: false,
    fileLength: bytes instanceof Uint8Array ? bytes.length : 0,
    revisions: [],
    signatures: [],
    problems: problems.items,
    encrypted: false,
    emptySignatureFields: [],
    work: 0,
  };
  try {
    if (!(bytes instanceof Uint8Array)) throw new FormatError('input is not a Uint8Array', 0);
    readInto(bytes, budget, problems, result);
  } catch (e) {
    if (e instanceof LimitError) problems.add('LIMIT_EXCEEDED', 'error', { limit: e.limit, value: e.value });
    else if (e instanceof FormatError) problems.add('FORMAT_FAILURE', 'error', { reason: e.message, offset: e.offset });
    else
      problems.add('FORMAT_FAILURE', 'error', {
        reason: `internal error: ${e instanceof Error ? e.message : String(e)}`,
      });
  }
  result.work = budget.work;
  result.ok = !problems.items.some((p) => p.severity === 'error');
  return result;
}

/**
 * The bytes a signature covers: `[bytes[a, a+b), bytes[c, c+d)]` for `/ByteRange [a b c d]`, as
 * views into `bytes` (no copy). Returns `[]` when the byte range is not pairs of non-negative
 * integers inside the file — never throws. Hash the slices in order (signatures.md §9 check 15).
 *
 * @example
 * ```ts
 * import { createHash } from 'node:crypto';
 * import { readPdfSignatures, signedBytes } from '@motcua/signing/pdf';
 * declare const pdf: Uint8Array;
 * const [sig] = readPdfSignatures(pdf).signatures;
 * const h = createHash('sha256');
 * for (const part of signedBytes(pdf, sig?.byteRange ?? [])) h.update(part);
 * ```
 * @category PDF
 */
export function signedBytes(bytes: Uint8Array, byteRange: readonly number[]): Uint8Array[] {
  if (!(bytes instanceof Uint8Array) || !Array.isArray(byteRange)) return [];
  return coveredSlices(bytes, byteRange);
}

const BYTE_RANGE_KEY = ascii('/ByteRange');

function readInto(bytes: Uint8Array, budget: Budget, problems: ProblemList, result: PdfSignatureStructure): void {
  const doc = PdfDocument.open(bytes, budget, problems);
  const last = doc.last;
  result.encrypted = doc.encrypted;
  result.revisions = doc.revisions.map((r) => ({
    index: r.index,
    endOffset: r.endOffset,
    eofOffset: r.eofOffset,
    xrefKind: r.xrefKind,
    xrefOffset: (r.sections[0] as { offset: number }).offset,
    // Revision 0 is the original document: listing every object of a large file would cost more than it tells.
    objectsChanged:
      r.index === 0
        ? []
        : doc
            .changedIn(r.index)
            .filter((c) => !c.free)
            .map((c) => refKey(c.num, c.gen)),
  }));
  const lastRev = doc.revisions[last];
  if (
    lastRev !== undefined &&
    lastRev.endOffset < bytes.length &&
    !doc.onlyWhitespace(lastRev.endOffset, bytes.length)
  ) {
    problems.add('TRAILING_BYTES', 'error', { offset: lastRev.endOffset, length: bytes.length - lastRev.endOffset });
  }
  result.pageCount = doc.pageCount(last);

  // Forms are built oldest first so that a revision that leaves the form alone reuses it.
  const forms: FormState[] = [];
  const form = (rev: number): FormState => {
    for (let r = forms.length; r <= rev; r++) {
      const prev = forms[r - 1];
      const f = prev === undefined ? readForm(doc, r) : nextForm(doc, prev, r);
      if (f.malformed && f.terminals !== prev?.terminals) {
        problems.add('FORMAT_FAILURE', 'warning', { reason: 'field tree has a cycle or is too deep', revision: r });
      }
      forms.push(f);
    }
    return forms[rev] as FormState;
  };

  // Check 1: signature dictionaries through the AcroForm of the final revision, then of earlier
  // revisions (signatures whose field was later removed), then orphans found by a key scan.
  const sources = new Map<string, SignatureSource & { fieldNames: string[] }>();
  const emptyFields: string[] = [];
  // Usage-rights signatures (/Perms /UR3, /UR) authorise viewer features; they are not document signatures.
  const usageRights = new Set<string>();
  for (let rev = 0; rev <= last; rev++) {
    const perms = dictOf(doc.getIn(doc.catalog(rev), 'Perms', rev));
    for (const k of ['UR3', 'UR']) {
      const v = perms?.map.get(k);
      if (isRef(v)) usageRights.add(refKey(v.num, v.gen));
    }
  }
  for (let rev = last; rev >= 0; rev--) {
    const f = form(rev);
    // A reused (unchanged) form holds nothing new.
    if (rev < last && f.terminals === form(rev + 1).terminals) continue;
    for (const field of f.terminals) {
      if (field.ft !== 'Sig') continue;
      const v = field.dict.map.get('V');
      const d = dictOf(doc.resolve(v, rev));
      if (d === undefined) {
        if (rev === last) emptyFields.push(field.name);
        continue;
      }
      const holder = field.ref === undefined ? undefined : parseRefKey(field.ref);
      const key = isRef(v) ? refKey(v.num, v.gen) : `direct:${field.ref ?? field.name}`;
      if (usageRights.has(key)) continue;
      const existing = sources.get(key);
      if (existing !== undefined) {
        if (existing.seenIn === rev && !existing.fieldNames.includes(field.name)) existing.fieldNames.push(field.name);
        continue;
      }
      const lock = dictOf(doc.resolve(field.dict.map.get('Lock'), rev));
      sources.set(key, {
        dict: d,
        ref: isRef(v) ? v : undefined,
        holder: isRef(v) ? undefined : holder,
        fieldNames: [field.name],
        lock,
        seenIn: rev,
        orphan: rev !== last,
      });
    }
  }
  result.emptySignatureFields = doc.encrypted ? emptyFields.map(() => '(encrypted)') : emptyFields;
  if (bytes.length <= budget.limits.orphanScanMaxBytes) scanOrphans(doc, sources, usageRights);

  const sigs: PdfSignatureField[] = [];
  for (const src of sources.values()) {
    try {
      sigs.push(inspectSignature(doc, src));
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      problems.add('FORMAT_FAILURE', 'error', { reason: `signature dictionary unreadable: ${e.message}` });
    }
  }
  const endOf = (s: PdfSignatureField): number =>
    s.byteRange !== undefined && s.byteRange.length === 4
      ? (s.byteRange[2] as number) + (s.byteRange[3] as number)
      : Number.MAX_SAFE_INTEGER;
  sigs.sort(
    (a, b) => a.revision - b.revision || endOf(a) - endOf(b) || (a.fieldName ?? '').localeCompare(b.fieldName ?? ''),
  );
  sigs.forEach((s, i) => {
    s.index = i;
    // Field names are encrypted strings in an encrypted file: keep the count, hide the bytes.
    if (doc.encrypted) {
      s.fieldNames = s.fieldNames.map(() => '(encrypted)');
      s.fieldName = undefined;
    }
  });
  result.signatures = sigs;

  // Check 6: collisions between valid byte ranges; the later signature carries the problem.
  const usable = sigs.filter((s) => s.coverage !== 'invalid' && s.byteRange !== undefined);
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const x = usable[i] as PdfSignatureField;
      const y = usable[j] as PdfSignatureField;
      if (rangesCollide(x.byteRange as number[], y.byteRange as number[])) {
        const later = endOf(y) >= endOf(x) ? y : x;
        later.problems.push(problem('BYTE_RANGE_COLLISION', 'error', { with: (later === y ? x : y).index }));
      }
    }
  }

  // Check 10: the certification signature (catalog /Perms /DocMDP) must be unique and first.
  const perms = dictOf(doc.getIn(doc.catalog(last), 'Perms', last));
  const docMdpRef = perms?.map.get('DocMDP');
  const certified = sigs.filter(
    (s) =>
      (isRef(docMdpRef) && s.objectRef === refKey(docMdpRef.num, docMdpRef.gen)) ||
      s.transforms.some((t) => t.method === 'DocMDP'),
  );
  const cert =
    certified.find((s) => isRef(docMdpRef) && s.objectRef === refKey(docMdpRef.num, docMdpRef.gen)) ?? certified[0];
  if (cert !== undefined) {
    const p = cert.transforms.find((t) => t.method === 'DocMDP')?.permissions ?? 2;
    result.docMdp = { signatureIndex: cert.index, permissions: p };
    for (const s of certified) {
      if (s !== cert)
        s.problems.push(problem('CERTIFICATION_INVALID', 'error', { reason: 'more than one certification signature' }));
    }
    if (sigs.some((s) => s.type === 'signature' && s.index < cert.index)) {
      cert.problems.push(
        problem('CERTIFICATION_INVALID', 'error', { reason: 'the certification signature is not the first signature' }),
      );
    }
  }

  // Checks 9–11: classify every revision after the earliest signed one.
  const baseOf = (s: PdfSignatureField): number => s.signedRevision ?? s.revision;
  const minBase = Math.min(...sigs.map(baseOf), last);
  const diffs = new Map<number, RevisionDiff>();
  for (let r = Math.max(1, minBase + 1); r <= last; r++) {
    try {
      diffs.set(r, diffRevision(doc, r, form(r - 1), form(r)));
    } catch (e) {
      if (!isRecoverable(e)) throw e;
      diffs.set(r, {
        revision: r,
        groups: [
          {
            kind: 'other',
            objects: new Set(),
            fields: new Set(),
            details: new Set([`revision could not be analysed: ${e.message}`]),
          },
        ],
        pageCountBefore: undefined,
        pageCountAfter: undefined,
      });
    }
  }
  const certBase = cert === undefined ? undefined : baseOf(cert);
  const certP = result.docMdp?.permissions;
  for (const s of sigs) applyModifications(s, diffs, baseOf(s), last, certBase, certP, result.pageCount);

  result.dss = readDss(doc);
}

function parseRefKey(key: string): PdfRef | undefined {
  const [a, b] = key.split(' ');
  const num = Number(a);
  const gen = Number(b);
  return Number.isSafeInteger(num) && Number.isSafeInteger(gen) ? { k: 'ref', num, gen } : undefined;
}

/** Fields locked for form filling by a FieldMDP transform or a `/Lock` (check 10). */
function lockedBy(t: PdfSignatureTransform, field: string): boolean {
  if (t.method !== 'FieldMDP' && t.method !== 'Lock') return false;
  const listed = (t.fields ?? []).some((f) => field === f || field.startsWith(`${f}.`));
  if (t.action === 'All') return true;
  if (t.action === 'Include') return listed;
  if (t.action === 'Exclude') return !listed;
  return false;
}

function applyModifications(
  s: PdfSignatureField,
  diffs: Map<number, RevisionDiff>,
  base: number,
  last: number,
  certBase: number | undefined,
  certP: 1 | 2 | 3 | undefined,
  finalPageCount: number | undefined,
): void {
  const lockP = s.transforms.find((t) => t.method === 'Lock')?.permissions;
  const notPermitted: Record<string, number[]> = {};
  const note = (code: string, r: number): void => {
    notPermitted[code] ??= [];
    const list = notPermitted[code];
    if (!list.includes(r)) list.push(r);
  };
  const permittedKinds: string[] = [];
  for (let r = base + 1; r <= last; r++) {
    const diff = diffs.get(r);
    if (diff === undefined) continue;
    for (const g of diff.groups) {
      const fields = [...g.fields];
      let permitted = true;
      let why: string | undefined;
      if (g.kind === 'other') {
        permitted = false;
        note('MODIFIED_AFTER_SIGNING', r);
      } else if (g.kind === 'page-count-change') {
        permitted = false;
        note('PAGE_COUNT_CHANGED', r);
      } else if (g.kind !== 'dss' && g.kind !== 'doc-timestamp') {
        // DocMDP P (and PDF 2.0 /Lock /P): 1 = no changes, 2 = form filling and signing, 3 = plus annotations.
        const limits = [certBase !== undefined && r > certBase ? certP : undefined, lockP].filter(
          (x): x is 1 | 2 | 3 => x !== undefined,
        );
        const level = limits.length === 0 ? 3 : Math.min(...limits);
        if (level === 1 || (level === 2 && g.kind === 'annotation')) {
          permitted = false;
          why = `forbidden by DocMDP/Lock P=${level}`;
          note(certP !== undefined && certP === level ? 'DOCMDP_VIOLATION' : 'FIELDMDP_VIOLATION', r);
        } else if (g.kind === 'form-fill') {
          const locked = fields.filter((f) => s.transforms.some((t) => lockedBy(t, f)));
          if (locked.length > 0) {
            permitted = false;
            why = `locked field(s) changed: ${locked.join(', ')}`;
            note('FIELDMDP_VIOLATION', r);
          }
        }
        if (permitted && (g.kind === 'form-fill' || g.kind === 'annotation')) permittedKinds.push(g.kind);
      }
      const detail = [...g.details, ...(why === undefined ? [] : [why])].join('; ');
      const m: PdfModification = { revision: r, kind: g.kind, objects: [...g.objects].sort(byRef), permitted, detail };
      if (fields.length > 0) m.fields = fields;
      s.modificationsAfter.push(m);
    }
  }
  if (s.pageCountSigned !== undefined && finalPageCount !== undefined && s.pageCountSigned !== finalPageCount) {
    note('PAGE_COUNT_CHANGED', last);
  }
  for (const [code, revs] of Object.entries(notPermitted)) {
    s.problems.push(
      problem(code as 'MODIFIED_AFTER_SIGNING', 'error', {
        revisions: revs.join(', '),
        ...(code === 'PAGE_COUNT_CHANGED' ? { signed: s.pageCountSigned ?? '?', final: finalPageCount ?? '?' } : {}),
      }),
    );
  }
  if (permittedKinds.length > 0) {
    s.problems.push(problem('MODIFIED_PERMITTED', 'warning', { kinds: [...new Set(permittedKinds)].join(', ') }));
  }
}

function byRef(a: string, b: string): number {
  const [an = 0, ag = 0] = a.split(' ').map(Number);
  const [bn = 0, bg = 0] = b.split(' ').map(Number);
  return an - bn || ag - bg;
}

/**
 * Orphan discovery (check 1) for files up to `orphanScanMaxBytes`: every `/ByteRange` key not
 * inside a known signature dictionary is traced to the object holding it.
 */
function scanOrphans(doc: PdfDocument, sources: Map<string, SignatureSource>, skip: ReadonlySet<string>): void {
  const { bytes, budget } = doc;
  const known: [number, number][] = [...sources.values()].map((s) => [s.dict.start, s.dict.end]);
  let offsets: { offset: number; num: number; gen: number; rev: number }[] | undefined;
  let p = 0;
  for (let found = 0; found < 1000; found++) {
    const i = findBytes(bytes, BYTE_RANGE_KEY, p, bytes.length, budget);
    if (i < 0) break;
    p = i + BYTE_RANGE_KEY.length;
    if (known.some(([a, b]) => i >= a && i < b)) continue;
    offsets ??= objectOffsets(doc);
    // The object holding offset i: the last in-use object starting at or before it.
    let lo = 0;
    let hi = offsets.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((offsets[mid] as { offset: number }).offset <= i) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const o = offsets[at];
    if (o === undefined) continue;
    try {
      const ind = parseIndirectAt(bytes, o.offset, budget, budget.limits.maxDepth, (ref) => doc.resolve(ref, o.rev));
      const d = dictOf(ind.obj);
      if (d === undefined || ind.num !== o.num || i >= ind.end) continue;
      if (!isSigDict(d)) continue;
      const key = refKey(o.num, o.gen);
      if (sources.has(key) || skip.has(key)) continue;
      sources.set(key, {
        dict: d,
        ref: { k: 'ref', num: o.num, gen: o.gen },
        holder: undefined,
        fieldNames: [],
        lock: undefined,
        seenIn: o.rev,
        orphan: true,
      });
      known.push([d.start, d.end]);
    } catch (e) {
      if (!isRecoverable(e)) throw e;
    }
  }
}

function isSigDict(d: PdfDict): boolean {
  const t = d.map.get('Type');
  return (
    isName(t, 'Sig') ||
    isName(t, 'DocTimeStamp') ||
    (d.map.has('ByteRange') && d.map.has('Contents') && d.map.has('Filter'))
  );
}

/** All in-use file objects of every revision, sorted by offset (newest revision wins per offset). */
function objectOffsets(doc: PdfDocument): { offset: number; num: number; gen: number; rev: number }[] {
  const out: { offset: number; num: number; gen: number; rev: number }[] = [];
  for (const r of doc.revisions) {
    for (const s of r.sections.flatMap((x) => (x.xrefStm ? [x, x.xrefStm] : [x]))) {
      const e = s.entries;
      doc.budget.spend(e.count);
      for (let i = 0; i < e.count; i++) {
        if (e.types[i] === 1 && (e.f2[i] as number) > 0) {
          out.push({ offset: e.f2[i] as number, num: e.nums[i] as number, gen: e.f3[i] as number, rev: r.index });
        }
      }
    }
  }
  out.sort((a, b) => a.offset - b.offset || b.rev - a.rev);
  return out;
}

/** Validation data of the final `/DSS` (check 19/23 inputs): decoded Certs, CRLs and OCSPs streams. */
function readDss(doc: PdfDocument): PdfSignatureStructure['dss'] {
  const last = doc.last;
  const dss = dictOf(doc.getIn(doc.catalog(last), 'DSS', last));
  if (dss === undefined) return undefined;
  const seen = new Set<string>();
  const out = { certs: [] as Uint8Array[], crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  const collect = (holder: PdfDict | undefined, key: string, into: Uint8Array[]): void => {
    const arr = doc.getIn(holder, key, last);
    if (!isArray(arr)) return;
    for (const item of arr.items.slice(0, 10_000)) {
      if (isRef(item)) {
        const k = refKey(item.num, item.gen);
        if (seen.has(k)) continue;
        seen.add(k);
      }
      const data = doc.streamData(doc.resolve(item, last));
      if (data !== undefined) into.push(data);
    }
  };
  collect(dss, 'Certs', out.certs);
  collect(dss, 'CRLs', out.crls);
  collect(dss, 'OCSPs', out.ocsps);
  const vri = dictOf(doc.getIn(dss, 'VRI', last));
  for (const v of [...(vri?.map.values() ?? [])].slice(0, 10_000)) {
    const entry: PdfObject | undefined = doc.resolve(v, last);
    if (!isDict(entry)) continue;
    collect(entry, 'Cert', out.certs);
    collect(entry, 'CRL', out.crls);
    collect(entry, 'OCSP', out.ocsps);
  }
  return out;
}
