import type { FieldNode, FormState } from './acroform.ts';
import { changedKeys, sameObject } from './compare.ts';
import type { ObjectLocation, PdfDocument } from './document.ts';
import { headerAt } from './indirect.ts';
import { isRegular, isWhite } from './lexer.ts';
import type { Budget } from './limits.ts';
import {
  dictOf,
  isArray,
  isDict,
  isName,
  isRef,
  isStream,
  nameValue,
  type PdfDict,
  type PdfObject,
  refKey,
} from './objects.ts';
import { referrersOf } from './references.ts';
import { ensureLoaded } from './sparse.ts';
import type { PdfModificationKind } from './types.ts';

/**
 * Classification of one incremental update against the revision before it (signatures.md §9
 * checks 9 and 11; categories after DSS `PdfObjectModifications` and pyHanko `ModificationLevel`).
 *
 * The policy is conservative: an object is put in a permitted category only when its role is
 * recognised (catalog key, AcroForm, field, widget, page `/Annots`, DSS, new signature dictionary)
 * and the change is confined to the keys that category may touch. New objects inherit the
 * category of the recognised change that references them. A new field or widget appearance is
 * permitted only if the update writes it and the old indirect `/AP` it replaces was not also
 * referenced from elsewhere in the signed revision. Anything else is `other`. Objects
 * re-written unchanged, the xref/object-stream containers, `/Info`, the XMP `/Metadata` stream,
 * private keys (`/PieceInfo`, `/ITXT`, `/LastModified`) and trailer extras are neutral (they change
 * no rendered content) and are not reported; structure-tree updates follow the revision's main
 * category. A new object that nothing classified reaches is a harmless orphan — unless an earlier
 * revision already referenced its number (a dangling reference filled later, a shadow-attack
 * technique), which a byte scan of the earlier revisions decides; then it is `other`.
 */

/** The changes of one kind in one revision. */
export interface KindGroup {
  readonly kind: PdfModificationKind;
  readonly objects: Set<string>;
  readonly fields: Set<string>;
  readonly details: Set<string>;
}

export interface RevisionDiff {
  readonly revision: number;
  readonly groups: KindGroup[];
  readonly pageCountBefore: number | undefined;
  readonly pageCountAfter: number | undefined;
}

const NEUTRAL_KEYS: ReadonlySet<string> = new Set(['PieceInfo', 'ITXT', 'LastModified']);

/** Internal: `neutral` is not reported; `dominant` becomes the revision's main permitted kind. */
type Cat = PdfModificationKind | 'neutral' | 'dominant';

interface Assigned {
  cat: Cat;
  detail: string;
  fields: string[];
}

/** Severity order of categories: the worst one names a mixed change. */
const SEVERITY: readonly Cat[] = [
  'other',
  'page-count-change',
  'annotation',
  'form-fill',
  'signature',
  'doc-timestamp',
  'dss',
  'dominant',
  'neutral',
];
function worst(cats: readonly Cat[]): Cat {
  let best = SEVERITY.length - 1;
  for (const c of cats) best = Math.min(best, SEVERITY.indexOf(c));
  return SEVERITY[best] as Cat;
}

function sameLocation(a: ObjectLocation | undefined, b: ObjectLocation | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a.kind === 'file' && b.kind === 'file') return a.offset === b.offset;
  if (a.kind === 'objstm' && b.kind === 'objstm') return a.stream === b.stream && a.index === b.index;
  return false;
}

/** Every reference inside a direct object (arrays, dictionaries, stream dictionaries), bounded. */
function refsIn(o: PdfObject | undefined, out: { num: number; gen: number }[], depth = 0): void {
  if (o === null || o === undefined || typeof o !== 'object' || depth > 32 || out.length > 100_000) return;
  switch (o.k) {
    case 'ref':
      out.push({ num: o.num, gen: o.gen });
      return;
    case 'arr':
      for (const x of o.items) refsIn(x, out, depth + 1);
      return;
    case 'dict':
      for (const x of o.map.values()) refsIn(x, out, depth + 1);
      return;
    case 'stream':
      refsIn(o.dict, out, depth + 1);
      return;
    default:
      return;
  }
}

function itemKey(o: PdfObject | undefined): string | undefined {
  return isRef(o) ? refKey(o.num, o.gen) : undefined;
}

/** Classifies revision `r` against revision `r − 1`. */
export function diffRevision(doc: PdfDocument, r: number, before: FormState, after: FormState): RevisionDiff {
  const prev = r - 1;
  const bytes = doc.bytes;
  const budget = doc.budget;
  const same = (a: PdfObject | undefined, b: PdfObject | undefined): boolean => sameObject(a, b, bytes, budget);
  // Application-private keys that change no rendered content (iText, Acrobat page-piece data).
  const keysChanged = (a: PdfDict | undefined, b: PdfDict | undefined): string[] =>
    changedKeys(a, b, bytes, budget).filter((k) => !NEUTRAL_KEYS.has(k));

  const added = new Map<number, { gen: number; obj: PdfObject }>();
  const modified = new Map<number, { gen: number; old: PdfObject; neu: PdfObject | undefined }>();
  const deleted: number[] = [];
  for (const c of doc.changedIn(r)) {
    const locOld = doc.location(c.num, prev);
    if (c.free) {
      if (locOld !== undefined && doc.current(c.num, prev) !== undefined) deleted.push(c.num);
      continue;
    }
    const locNew = doc.location(c.num, r);
    if (sameLocation(locOld, locNew)) continue;
    const neu = doc.current(c.num, r);
    const old = locOld === undefined ? undefined : doc.current(c.num, prev);
    if (old === undefined) {
      if (neu !== undefined) added.set(c.num, neu);
    } else if (neu === undefined || !same(old.obj, neu.obj)) {
      modified.set(c.num, { gen: neu?.gen ?? old.gen, old: old.obj, neu: neu?.obj });
    }
  }

  // Containers of the update itself (xref streams, object streams) are structure, not content.
  const structural = new Set<number>();
  for (const s of (doc.revisions[r]?.sections ?? []).flatMap((x) => (x.xrefStm ? [x, x.xrefStm] : [x]))) {
    if (s.kind === 'stream') {
      const h = headerAt(bytes, s.offset, budget);
      if (h !== undefined) structural.add(h.num);
    }
  }
  for (const [num, a] of added) {
    if (
      isStream(a.obj) &&
      (isName(a.obj.dict.map.get('Type'), 'ObjStm') || isName(a.obj.dict.map.get('Type'), 'XRef'))
    ) {
      structural.add(num);
    }
  }

  const assigned = new Map<number, Assigned>();
  const assign = (num: number, cat: Cat, detail: string, fields: string[] = []): void => {
    const cur = assigned.get(num);
    if (cur === undefined || (cat === 'other' && cur.cat !== 'other')) assigned.set(num, { cat, detail, fields });
    else if (cur.cat === cat) cur.fields.push(...fields);
  };
  const extraGroups: { cat: Cat; detail: string; objects: string[]; fields: string[] }[] = [];

  const pageCountBefore = doc.pageCount(prev);
  const pageCountAfter = doc.pageCount(r);
  const trailer = doc.revisions[r]?.trailer;
  const rootRef = trailer?.map.get('Root');
  const infoRef = trailer?.map.get('Info');
  const catalogNew = doc.catalog(r);
  const metadataRef = catalogNew?.map.get('Metadata');
  const pagesRef = catalogNew?.map.get('Pages');

  // Signature fields that receive a value (are signed) in this revision.
  const sigKindOfField = new Map<string, 'signature' | 'doc-timestamp'>();
  const newSigDicts = new Map<number, 'signature' | 'doc-timestamp'>();
  const sigDictsBefore = new Set<string>();
  for (const f of before.terminals) {
    const v = f.dict.map.get('V');
    if (f.ft === 'Sig' && isRef(v)) sigDictsBefore.add(refKey(v.num, v.gen));
  }
  const sigKindOfDict = (v: PdfObject | undefined): 'signature' | 'doc-timestamp' => {
    const d = dictOf(doc.resolve(v, r));
    return isName(d?.map.get('Type'), 'DocTimeStamp') || isName(d?.map.get('SubFilter'), 'ETSI.RFC3161')
      ? 'doc-timestamp'
      : 'signature';
  };
  for (const f of after.terminals) {
    if (f.ft !== 'Sig') continue;
    const v = f.dict.map.get('V');
    const vb = f.ref === undefined ? undefined : before.byRef.get(f.ref)?.dict.map.get('V');
    const signedNow = v !== undefined && v !== null && (vb === undefined || vb === null);
    const isNewField = f.ref === undefined || !before.byRef.has(f.ref);
    if (signedNow || isNewField) {
      const kind = signedNow ? sigKindOfDict(v) : 'signature';
      if (f.ref !== undefined) sigKindOfField.set(f.ref, kind);
      if (signedNow && isRef(v) && !sigDictsBefore.has(refKey(v.num, v.gen))) newSigDicts.set(v.num, kind);
    }
  }
  const signingKinds = new Set(sigKindOfField.values());
  const signingKind: 'signature' | 'doc-timestamp' | undefined = signingKinds.has('signature')
    ? 'signature'
    : signingKinds.has('doc-timestamp')
      ? 'doc-timestamp'
      : undefined;

  // References reachable from the final /DSS (dictionary, arrays, VRI entries): a shallow walk.
  const dssNums = new Set<number>();
  {
    const stack: { o: PdfObject | undefined; depth: number }[] = [{ o: catalogNew?.map.get('DSS'), depth: 0 }];
    while (stack.length > 0) {
      const { o, depth } = stack.pop() as { o: PdfObject | undefined; depth: number };
      if (depth > 5) continue;
      budget.spend(1);
      if (isRef(o)) {
        if (dssNums.has(o.num)) continue;
        dssNums.add(o.num);
        const t = doc.get(o.num, o.gen, r);
        if (!isStream(t)) stack.push({ o: t, depth: depth + 1 });
      } else if (isArray(o)) {
        for (const x of o.items) stack.push({ o: x, depth: depth + 1 });
      } else if (isDict(o)) {
        for (const x of o.map.values()) stack.push({ o: x, depth: depth + 1 });
      }
    }
  }

  // The logical structure tree (tagged PDF): signing tools append the new widget to it. It carries
  // no rendered content, so its changes follow the revision's main category.
  const structNums = new Set<number>();
  {
    const str = catalogNew?.map.get('StructTreeRoot');
    if (isRef(str)) structNums.add(str.num);
    const root = dictOf(doc.resolve(str, r));
    const stack: { o: PdfObject | undefined; depth: number }[] = [{ o: root?.map.get('ParentTree'), depth: 0 }];
    while (stack.length > 0) {
      const { o, depth } = stack.pop() as { o: PdfObject | undefined; depth: number };
      if (depth > 6 || structNums.size > 10_000) continue;
      budget.spend(1);
      if (isRef(o)) {
        if (structNums.has(o.num)) continue;
        structNums.add(o.num);
      }
      const d = dictOf(doc.resolve(o, r));
      const kids = doc.resolve(d?.map.get('Kids'), r);
      if (isArray(kids)) for (const k of kids.items) stack.push({ o: k, depth: depth + 1 });
    }
  }
  const isStructObject = (num: number, d: PdfDict | undefined): boolean =>
    structNums.has(num) ||
    isName(d?.map.get('Type'), 'StructTreeRoot') ||
    isName(d?.map.get('Type'), 'StructElem') ||
    isName(d?.map.get('Type'), 'OBJR') ||
    (d !== undefined && !d.map.has('Type') && d.map.has('S') && d.map.has('P') && (d.map.has('K') || d.map.has('Pg')));

  // The trailer: a new /Root or /Encrypt replaces the document. Other trailer keys (/Info, /ID,
  // producer extras such as LibreOffice's /AdditionalStreams) are not read by viewers.
  const trailerOld = doc.revisions[prev]?.trailer;
  for (const k of ['Root', 'Encrypt']) {
    if (!same(trailerOld?.map.get(k) ?? null, trailer?.map.get(k) ?? null)) {
      extraGroups.push({ cat: 'other', detail: `trailer /${k} changed`, objects: [], fields: [] });
    }
  }

  /** Catalog `/Names`: only the `/AP` tree (named annotation appearances) may change with a permitted update. */
  const namesCat = (oldN: PdfDict | undefined, newN: PdfDict | undefined): Cat => {
    const changed = keysChanged(oldN, newN);
    if (changed.every((k) => k === 'AP')) {
      seeds.push({ o: newN?.map.get('AP'), cat: 'dominant', detail: 'named appearances' });
      return 'dominant';
    }
    return 'other';
  };
  const namesRef = catalogNew?.map.get('Names');

  /** Array-item difference: items of `b` not in `a` and of `a` not in `b` (references by key, direct by value). */
  const itemDiff = (a: PdfObject[], b: PdfObject[]): { addedItems: PdfObject[]; removedItems: PdfObject[] } => {
    const inList = (x: PdfObject, list: PdfObject[]): boolean => {
      const k = itemKey(x);
      return list.some((y) => (k !== undefined ? itemKey(y) === k : same(x, y)));
    };
    budget.spend(a.length + b.length);
    if (a.length * b.length > 1_000_000) return { addedItems: b, removedItems: a };
    return { addedItems: b.filter((x) => !inList(x, a)), removedItems: a.filter((x) => !inList(x, b)) };
  };

  /** The category of a field added to the form in this revision. */
  const newFieldCat = (key: string | undefined): { cat: Cat; detail: string; field?: string } => {
    const node = key === undefined ? undefined : after.byRef.get(key);
    if (node === undefined) return { cat: 'other', detail: 'unknown object added to the field tree' };
    const leaves = collectLeaves(node, after);
    if (leaves.every((l) => l.ft === 'Sig')) {
      const kinds = leaves.map((l) => (l.ref === undefined ? 'signature' : (sigKindOfField.get(l.ref) ?? 'signature')));
      return {
        cat: kinds.includes('signature') || kinds.length === 0 ? 'signature' : 'doc-timestamp',
        detail: 'signature field added',
        field: node.name,
      };
    }
    return { cat: 'other', detail: `form field added: ${node.name}`, field: node.name };
  };

  /** Seeds for the reachability pass: a value whose new references inherit `cat`. */
  const seeds: { o: PdfObject | undefined; cat: Cat; detail: string }[] = [];

  const analyzeAcroForm = (num: number | undefined, oldD: PdfDict | undefined, newD: PdfDict | undefined): Cat => {
    const cats: Cat[] = [];
    const bump = (c: Cat): void => {
      cats.push(c);
    };
    for (const k of keysChanged(oldD, newD)) {
      if (k === 'Fields') {
        const a = doc.resolve(oldD?.map.get('Fields'), prev);
        const b = doc.resolve(newD?.map.get('Fields'), r);
        const { addedItems, removedItems } = itemDiff(isArray(a) ? a.items : [], isArray(b) ? b.items : []);
        if (removedItems.length > 0) {
          bump('other');
          if (num !== undefined) assign(num, 'other', 'form field removed');
        }
        for (const it of addedItems) {
          const c = newFieldCat(itemKey(it));
          bump(c.cat);
          if (isRef(it)) assign(it.num, c.cat, c.detail, c.field === undefined ? [] : [c.field]);
        }
      } else if (k === 'SigFlags') {
        bump(signingKind ?? 'signature');
      } else if (k === 'DR' || k === 'DA' || k === 'NeedAppearances') {
        bump('dominant');
        seeds.push({ o: newD?.map.get(k), cat: 'dominant', detail: `AcroForm /${k} updated` });
      } else {
        bump('other');
        if (num !== undefined) assign(num, 'other', `AcroForm /${k} changed`);
      }
    }
    return worst(cats);
  };

  const analyzeCatalog = (num: number, oldD: PdfDict | undefined, newD: PdfDict | undefined): void => {
    const cats: Cat[] = [];
    const details: string[] = [];
    for (const k of keysChanged(oldD, newD)) {
      let c: Cat;
      if (k === 'DSS' || k === 'Extensions') {
        c = 'dss';
        seeds.push({ o: newD?.map.get(k), cat: 'dss', detail: `catalog /${k}` });
      } else if (k === 'Metadata') {
        c = 'neutral';
        seeds.push({ o: newD?.map.get(k), cat: 'neutral', detail: 'metadata' });
      } else if (k === 'Names') {
        c = namesCat(dictOf(doc.resolve(oldD?.map.get('Names'), prev)), dictOf(doc.resolve(newD?.map.get('Names'), r)));
        seeds.push({ o: newD?.map.get(k), cat: c, detail: 'catalog /Names' });
      } else if (k === 'StructTreeRoot') {
        c = 'dominant';
        seeds.push({ o: newD?.map.get(k), cat: c, detail: 'structure tree' });
      } else if (k === 'AcroForm') {
        const oa = dictOf(doc.resolve(oldD?.map.get('AcroForm'), prev));
        const na = dictOf(doc.resolve(newD?.map.get('AcroForm'), r));
        const ref = newD?.map.get('AcroForm');
        c = analyzeAcroForm(isRef(ref) && !modified.has(ref.num) ? ref.num : undefined, oa, na);
        if (isRef(ref) && added.has(ref.num)) assign(ref.num, c === 'neutral' ? 'dominant' : c, 'AcroForm added');
      } else {
        c = 'other';
      }
      details.push(`catalog /${k}`);
      cats.push(c);
    }
    assign(num, worst(cats), details.join(', ') || 'catalog re-written');
  };

  // Appearance ownership (after pyHanko's `_allow_appearance_update` and `safe_whitelist`): a field
  // or widget that gets a new /AP may leave its old appearance dictionary behind only if that was
  // its own. When the old /AP was an indirect object that the signed revision also references from
  // anywhere but this annotation's /AP (another annotation, a catalog or trailer key), the update
  // is `other`, whether or not the shared object itself is touched; so is a new /AP that points at
  // an object of an earlier revision instead of one this update writes. One graph walk of the
  // signed revision finds the referrers of every old indirect /AP this update replaces.
  const apTargets = new Set<string>();
  for (const m of modified.values()) {
    const oldAp = dictOf(m.old)?.map.get('AP');
    const newAp = dictOf(m.neu)?.map.get('AP');
    if (isRef(oldAp) && !same(oldAp, newAp ?? null)) apTargets.add(refKey(oldAp.num, oldAp.gen));
  }
  const apReferrers = apTargets.size > 0 ? referrersOf(doc, prev, apTargets) : undefined;
  /** Why giving annotation `num` (`what`) the appearance of `newD` instead of `oldD`'s is not permitted, if it is not. */
  const appearanceProblem = (
    what: string,
    num: number,
    oldD: PdfDict | undefined,
    newD: PdfDict | undefined,
  ): string | undefined => {
    const oldAp = oldD?.map.get('AP');
    const newAp = newD?.map.get('AP');
    if (same(oldAp ?? null, newAp ?? null)) return undefined;
    if (isRef(newAp) && !added.has(newAp.num)) {
      return `${what}: new /AP re-uses object ${refKey(newAp.num, newAp.gen)} of an earlier revision`;
    }
    if (isRef(oldAp) && isDict(doc.get(oldAp.num, oldAp.gen, prev))) {
      const key = refKey(oldAp.num, oldAp.gen);
      const owner = refKey(num, modified.get(num)?.gen ?? 0);
      const elsewhere = (apReferrers?.get(key) ?? []).filter((x) => !(x.holder === owner && x.path === '/AP'));
      if (elsewhere.length > 0) {
        const where = elsewhere.map((x) => (x.holder === 'trailer' ? `trailer ${x.path}` : `${x.holder} ${x.path}`));
        return `${what}: replaced appearance dictionary ${key} is also referenced from ${where.join(', ')}`;
      }
    }
    return undefined;
  };

  /** Whether the value (`/V`) of a terminal field changed in this revision. */
  const valueChanged = (f: FieldNode): boolean => {
    const b = f.ref === undefined ? undefined : before.byRef.get(f.ref);
    return b === undefined || !same(b.dict.map.get('V') ?? null, f.dict.map.get('V') ?? null);
  };
  const fieldTouchCat = (f: FieldNode): Cat => {
    if (f.ft === 'Sig') {
      const k = f.ref === undefined ? undefined : sigKindOfField.get(f.ref);
      return k ?? 'other';
    }
    // A new appearance without a new value is how the 'replace' shadow attack reveals hidden content.
    return valueChanged(f) ? 'form-fill' : 'other';
  };

  const analyzeField = (num: number, f: FieldNode, oldD: PdfDict | undefined, newD: PdfDict | undefined): void => {
    const cats: Cat[] = [];
    const details: string[] = [];
    for (const k of keysChanged(oldD, newD)) {
      let c: Cat;
      if (f.ft === 'Sig') {
        const signedNow = f.ref !== undefined && sigKindOfField.has(f.ref);
        c = signedNow && ['V', 'AP', 'AS', 'MK', 'F', 'P', 'StructParent'].includes(k) ? fieldTouchCat(f) : 'other';
        const apProblem =
          c !== 'other' && k === 'AP' ? appearanceProblem(`field ${f.name}`, num, oldD, newD) : undefined;
        if (apProblem !== undefined) {
          c = 'other';
          details.push(apProblem);
        } else if (c === 'other') details.push(`signature field /${k} changed`);
      } else if (!f.terminal && k === 'Kids') {
        const a = doc.resolve(oldD?.map.get('Kids'), prev);
        const b = doc.resolve(newD?.map.get('Kids'), r);
        const { addedItems, removedItems } = itemDiff(isArray(a) ? a.items : [], isArray(b) ? b.items : []);
        const kidCats: Cat[] = [removedItems.length > 0 ? 'other' : 'neutral'];
        for (const it of addedItems) {
          const nc = newFieldCat(itemKey(it));
          kidCats.push(nc.cat);
          if (isRef(it)) assign(it.num, nc.cat, nc.detail, nc.field === undefined ? [] : [nc.field]);
        }
        c = worst(kidCats);
        if (c === 'other') details.push(`field /Kids of ${f.name} changed`);
      } else if (f.terminal && ['V', 'AS', 'DV', 'I'].includes(k)) {
        c = 'form-fill';
      } else if (f.terminal && k === 'AP') {
        const changedHere = keysChanged(oldD, newD);
        c =
          changedHere.includes('V') || changedHere.includes('AS') || changedHere.includes('I') ? 'form-fill' : 'other';
        const apProblem = c === 'other' ? undefined : appearanceProblem(`field ${f.name}`, num, oldD, newD);
        if (apProblem !== undefined) {
          c = 'other';
          details.push(apProblem);
        } else if (c === 'other') details.push(`field ${f.name}: new appearance without a new value`);
      } else if (k === 'StructParent') {
        c = 'dominant';
      } else {
        c = 'other';
        details.push(`field ${f.name} /${k} changed`);
      }
      cats.push(c);
      seeds.push({ o: newD?.map.get(k), cat: c, detail: `field ${f.name} /${k}` });
    }
    assign(num, worst(cats), details.join(', ') || `field ${f.name} updated`, [f.name]);
  };

  const analyzeWidget = (num: number, f: FieldNode, oldD: PdfDict | undefined, newD: PdfDict | undefined): void => {
    const changed = keysChanged(oldD, newD);
    const base = fieldTouchCat(f);
    const apProblem = changed.includes('AP') ? appearanceProblem(`widget of ${f.name}`, num, oldD, newD) : undefined;
    const cat: Cat =
      apProblem === undefined && changed.every((k) => ['AP', 'AS', 'MK', 'F', 'StructParent'].includes(k))
        ? base
        : 'other';
    for (const k of changed) seeds.push({ o: newD?.map.get(k), cat, detail: `widget of ${f.name}` });
    const detail =
      apProblem ?? (cat === 'other' ? `widget of ${f.name}: /${changed.join(', /')} changed` : `widget of ${f.name}`);
    assign(num, cat, detail, [f.name]);
  };

  /** Category of an annotation added to a page. */
  const annotCat = (it: PdfObject): { cat: Cat; detail: string; field?: string } => {
    const k = itemKey(it);
    const f = k === undefined ? undefined : after.widgetOf.get(k);
    if (f !== undefined) {
      if (f.ft === 'Sig') {
        const kind = f.ref === undefined ? undefined : sigKindOfField.get(f.ref);
        return kind === undefined
          ? { cat: 'other', detail: `widget of existing signature field ${f.name} added` }
          : { cat: kind, detail: 'signature widget added', field: f.name };
      }
      return { cat: 'other', detail: `widget of form field ${f.name} added`, field: f.name };
    }
    const d = dictOf(doc.resolve(it, r));
    if (isName(d?.map.get('Subtype'), 'Widget')) return { cat: 'other', detail: 'widget outside the form added' };
    if (d?.map.has('Subtype'))
      return { cat: 'annotation', detail: `annotation /${nameValue(d.map.get('Subtype'))} added` };
    return { cat: 'other', detail: 'non-annotation added to /Annots' };
  };

  const analyzeAnnots = (num: number, oldList: PdfObject[], newList: PdfObject[], what: string): Cat => {
    const { addedItems, removedItems } = itemDiff(oldList, newList);
    const cats: Cat[] = [];
    const details: string[] = [];
    if (removedItems.length > 0) {
      // DocMDP P3 counts deleting annotations as annotation changes (§12.8.2.2).
      cats.push('annotation');
      details.push(`${removedItems.length} annotation(s) removed from ${what}`);
    }
    for (const it of addedItems) {
      const c = annotCat(it);
      if (isRef(it)) assign(it.num, c.cat, c.detail, c.field === undefined ? [] : [c.field]);
      else seeds.push({ o: it, cat: c.cat, detail: c.detail });
      details.push(c.detail);
      cats.push(c.cat);
    }
    if (cats.length === 0 && oldList.length > 0) {
      cats.push('annotation');
      details.push(`${what} re-ordered`);
    }
    const cat = worst(cats);
    assign(num, cat, details.join('; ') || `${what} updated`);
    return cat;
  };

  const looksLikeAnnots = (list: PdfObject[], rev: number): boolean =>
    list.length > 0 &&
    list.slice(0, 8).every((x) => isRef(x) && dictOf(doc.get(x.num, x.gen, rev))?.map.has('Subtype'));

  // Recognised roles of modified objects.
  for (const [num, m] of modified) {
    const key = refKey(num, m.gen);
    const oldD = dictOf(m.old);
    const newD = dictOf(m.neu);
    if (m.neu === undefined) {
      assign(num, 'other', 'object no longer readable');
    } else if (isRef(rootRef) && num === rootRef.num) {
      analyzeCatalog(num, oldD, newD);
    } else if (key === after.acroFormRef) {
      const c = analyzeAcroForm(num, oldD, newD);
      assign(num, c === 'neutral' ? 'dominant' : c, 'AcroForm updated');
    } else if (after.byRef.has(key)) {
      analyzeField(num, after.byRef.get(key) as FieldNode, oldD, newD);
    } else if (after.widgetOf.has(key)) {
      analyzeWidget(num, after.widgetOf.get(key) as FieldNode, oldD, newD);
    } else if (sigDictsBefore.has(key)) {
      assign(num, 'other', 'existing signature dictionary modified');
    } else if (dssNums.has(num)) {
      assign(num, 'dss', 'DSS updated');
      seeds.push({ o: m.neu, cat: 'dss', detail: 'DSS' });
    } else if ((isRef(infoRef) && num === infoRef.num) || (isRef(metadataRef) && num === metadataRef.num)) {
      assign(num, 'neutral', 'document information / metadata');
    } else if (isName(newD?.map.get('Type'), 'Pages') || (isRef(pagesRef) && num === pagesRef.num)) {
      const changed = keysChanged(oldD, newD);
      if (changed.length === 0) {
        assign(num, 'neutral', 'page tree node: private keys');
      } else {
        // /Kids and /Count may change only with the page count; a re-ordered or re-pointed /Kids is not a page-count change.
        const pageKeys = pageCountBefore !== pageCountAfter && changed.every((k) => ['Kids', 'Count'].includes(k));
        assign(num, pageKeys ? 'page-count-change' : 'other', `page tree node: /${changed.join(', /')} changed`);
        if (pageKeys) seeds.push({ o: m.neu, cat: 'page-count-change', detail: 'page tree' });
      }
    } else if (isName(newD?.map.get('Type'), 'Page') && isName(oldD?.map.get('Type'), 'Page')) {
      const changed = keysChanged(oldD, newD);
      if (changed.length === 0) {
        assign(num, 'neutral', 'page: private keys');
      } else if (changed.every((k) => k === 'StructParents')) {
        assign(num, 'dominant', 'page /StructParents');
      } else if (changed.every((k) => k === 'Annots' || k === 'StructParents')) {
        const a = doc.resolve(oldD?.map.get('Annots'), prev);
        const b = doc.resolve(newD?.map.get('Annots'), r);
        analyzeAnnots(num, isArray(a) ? a.items : [], isArray(b) ? b.items : [], 'page /Annots');
      } else {
        assign(num, 'other', `page /${changed.join(', /')} changed`);
      }
    } else if (isRef(namesRef) && num === namesRef.num) {
      const c = namesCat(oldD, newD);
      assign(num, c, 'catalog /Names updated');
    } else if (isStructObject(num, newD) && !isStream(m.neu)) {
      assign(num, 'dominant', 'structure tree updated');
      seeds.push({ o: m.neu, cat: 'dominant', detail: 'structure tree' });
    } else if (
      isArray(m.old) &&
      isArray(m.neu) &&
      (looksLikeAnnots(m.neu.items, r) || looksLikeAnnots(m.old.items, prev))
    ) {
      analyzeAnnots(num, m.old.items, m.neu.items, 'annotation array');
    } else if (
      newD?.map.has('Subtype') &&
      newD.map.has('Rect') &&
      !isName(newD.map.get('Subtype'), 'Widget') &&
      !isStream(m.neu)
    ) {
      assign(num, 'annotation', `annotation /${nameValue(newD.map.get('Subtype'))} modified`);
      seeds.push({ o: m.neu, cat: 'annotation', detail: 'annotation' });
    } else {
      const t = nameValue(newD?.map.get('Type')) ?? nameValue(newD?.map.get('Subtype'));
      assign(
        num,
        'other',
        `${isStream(m.neu) ? 'stream' : 'object'}${t === undefined ? '' : ` /${t}`} ${key} modified`,
      );
    }
  }

  // New objects with a recognised role.
  for (const [num, a] of added) {
    if (structural.has(num) || assigned.has(num)) continue;
    const key = refKey(num, a.gen);
    const kind = newSigDicts.get(num);
    if (kind !== undefined) {
      assign(num, kind, kind === 'doc-timestamp' ? 'document timestamp added' : 'signature dictionary added');
    } else if (after.byRef.has(key)) {
      const c = newFieldCat(key);
      assign(num, c.cat, c.detail, c.field === undefined ? [] : [c.field]);
    } else if (dssNums.has(num)) {
      assign(num, 'dss', 'DSS data added');
    } else if (isRef(infoRef) && num === infoRef.num) {
      assign(num, 'neutral', 'document information');
    }
  }

  // Reachability: new objects referenced from a classified change inherit its category.
  const queue: { o: PdfObject | undefined; cat: Cat }[] = [];
  for (const s of seeds) queue.push({ o: s.o, cat: s.cat });
  for (const [num, a] of assigned) {
    const cur = modified.get(num)?.neu ?? added.get(num)?.obj;
    if (cur !== undefined && !(isRef(rootRef) && num === rootRef.num)) queue.push({ o: cur, cat: a.cat });
  }
  const refs: { num: number; gen: number }[] = [];
  for (let qi = 0; qi < queue.length; qi++) {
    const { o, cat } = queue[qi] as { o: PdfObject | undefined; cat: Cat };
    refs.length = 0;
    refsIn(o, refs);
    budget.spend(refs.length + 1);
    for (const ref of refs) {
      const a = added.get(ref.num);
      if (a === undefined || assigned.has(ref.num) || structural.has(ref.num)) continue;
      assign(ref.num, cat, 'referenced by a classified change');
      queue.push({ o: a.obj, cat });
    }
  }
  // New objects no classified change reaches: harmless orphans, unless an object of an earlier
  // revision already referenced that number (a dangling reference the update now fills).
  const unreached = new Set<number>();
  for (const num of added.keys()) if (!structural.has(num) && !assigned.has(num)) unreached.add(num);
  if (unreached.size > 0) {
    const referenced = referencesBefore(doc, prev, unreached);
    for (const num of unreached) {
      const gen = added.get(num)?.gen ?? 0;
      if (referenced.has(num))
        assign(num, 'other', `new object ${refKey(num, gen)} fills a reference of an earlier revision`);
      else assign(num, 'neutral', 'unreferenced new object');
    }
  }
  for (const num of deleted) {
    extraGroups.push({ cat: 'other', detail: `object ${num} deleted`, objects: [refKey(num, 0)], fields: [] });
  }

  if (pageCountBefore !== pageCountAfter) {
    extraGroups.push({
      cat: 'page-count-change',
      detail: `page count ${pageCountBefore ?? '?'} → ${pageCountAfter ?? '?'}`,
      objects: isRef(pagesRef) ? [refKey(pagesRef.num, pagesRef.gen)] : [],
      fields: [],
    });
  }

  // Resolve `dominant` to the revision's main permitted kind.
  const present = new Set<Cat>([...assigned.values()].map((a) => a.cat));
  const dominant: PdfModificationKind =
    signingKind ?? (present.has('form-fill') ? 'form-fill' : present.has('annotation') ? 'annotation' : 'other');
  const groups = new Map<PdfModificationKind, KindGroup>();
  const put = (cat: Cat, object: string | undefined, fields: string[], detail: string): void => {
    if (cat === 'neutral') return;
    const kind: PdfModificationKind = cat === 'dominant' ? dominant : cat;
    let g = groups.get(kind);
    if (g === undefined) {
      g = { kind, objects: new Set(), fields: new Set(), details: new Set() };
      groups.set(kind, g);
    }
    if (object !== undefined) g.objects.add(object);
    for (const f of fields) g.fields.add(f);
    if (g.details.size < 20) g.details.add(detail);
  };
  for (const [num, a] of assigned) {
    const gen = modified.get(num)?.gen ?? added.get(num)?.gen ?? 0;
    put(a.cat, refKey(num, gen), a.fields, a.detail);
  }
  for (const g of extraGroups) {
    if (g.objects.length === 0) put(g.cat, undefined, g.fields, g.detail);
    for (const o of g.objects) put(g.cat, o, g.fields, g.detail);
  }
  return { revision: r, groups: [...groups.values()], pageCountBefore, pageCountAfter };
}

/**
 * Which of `targets` are referenced (`num gen R`) anywhere in the bytes of revisions ≤ `rev`,
 * including their object streams. A byte scan, run only when an update adds objects that no
 * classified change reaches; charged to the work budget.
 */
function referencesBefore(doc: PdfDocument, rev: number, targets: ReadonlySet<number>): Set<number> {
  const found = new Set<number>();
  const end = doc.revisions[rev]?.endOffset ?? 0;
  ensureLoaded(doc.bytes, 0, end);
  scanRefs(doc.bytes, end, targets, found, doc.budget);
  const streams = new Set<number>();
  for (let r = 0; r <= rev; r++) {
    for (const s of (doc.revisions[r]?.sections ?? []).flatMap((x) => (x.xrefStm ? [x, x.xrefStm] : [x]))) {
      const e = s.entries;
      for (let i = 0; i < e.count; i++) if (e.types[i] === 2) streams.add(e.f2[i] as number);
    }
  }
  for (const num of streams) {
    if (found.size === targets.size) break;
    const data = doc.objectStreamData(num, rev);
    if (data !== undefined) scanRefs(data, data.length, targets, found, doc.budget);
  }
  return found;
}

function scanRefs(
  data: Uint8Array,
  end: number,
  targets: ReadonlySet<number>,
  found: Set<number>,
  budget: Budget,
): void {
  const isDigitAt = (i: number): boolean => {
    const c = data[i];
    return c !== undefined && c >= 0x30 && c <= 0x39;
  };
  let p = 0;
  while (p < end) {
    const i = data.indexOf(0x52, p);
    if (i < 0 || i >= end) break;
    budget.spend(((i - p) >> 4) + 1);
    p = i + 1;
    if (isRegular(data[i + 1])) continue;
    let q = i - 1;
    if (!isWhite(data[q])) continue;
    while (isWhite(data[q])) q--;
    if (!isDigitAt(q)) continue;
    while (isDigitAt(q)) q--;
    if (!isWhite(data[q])) continue;
    while (isWhite(data[q])) q--;
    if (!isDigitAt(q)) continue;
    let num = 0;
    let scale = 1;
    while (isDigitAt(q) && scale < 1e12) {
      num += ((data[q] as number) - 0x30) * scale;
      scale *= 10;
      q--;
    }
    if (q >= 0 && isRegular(data[q])) continue;
    if (targets.has(num)) found.add(num);
  }
}

function collectLeaves(node: FieldNode, form: FormState): FieldNode[] {
  const out: FieldNode[] = [];
  const stack: FieldNode[] = [node];
  let guard = 0;
  while (stack.length > 0 && guard++ < 10_000) {
    const n = stack.pop() as FieldNode;
    if (n.terminal) out.push(n);
    for (const k of n.kids) {
      const c = form.byRef.get(k);
      if (c !== undefined) stack.push(c);
    }
  }
  return out;
}
