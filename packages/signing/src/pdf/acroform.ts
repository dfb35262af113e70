import type { PdfDocument } from './document.ts';
import {
  dictOf,
  isArray,
  isName,
  isRef,
  isString,
  nameValue,
  type PdfDict,
  type PdfObject,
  refKey,
} from './objects.ts';
import { decodeTextString } from './text.ts';

/**
 * The interactive form of one revision (ISO 32000-1 §12.7): the field tree reached from
 * `/AcroForm /Fields`, with each field's fully qualified name, inherited `/FT`, value and widgets.
 * Signature discovery (check 1) and form-fill classification (check 9) both start here.
 */

export interface FieldNode {
  /** `"num gen"` of the field dictionary; undefined for a direct dictionary. */
  readonly ref: string | undefined;
  readonly dict: PdfDict;
  readonly name: string;
  /** Inherited field type (`Sig`, `Tx`, `Btn`, `Ch`). */
  readonly ft: string | undefined;
  readonly terminal: boolean;
  /** Widget annotations of a terminal field (`"num gen"`), including the field itself when merged. */
  readonly widgets: string[];
  /** Child field nodes (`"num gen"`) of a non-terminal field. */
  readonly kids: string[];
}

export interface FormState {
  readonly rev: number;
  readonly acroForm: PdfDict | undefined;
  readonly acroFormRef: string | undefined;
  /** Terminal fields in tree order. */
  readonly terminals: FieldNode[];
  /** Every field node with an object number. */
  readonly byRef: Map<string, FieldNode>;
  /** Widget annotation → its terminal field. */
  readonly widgetOf: Map<string, FieldNode>;
  /** True when the field tree has cycles or exceeded the depth limit. */
  readonly malformed: boolean;
  /** Object numbers read to build this state: if a revision changes none of them, the form is unchanged. */
  readonly touched: ReadonlySet<number>;
}

/** Text of a string object, or undefined. */
export function textOf(o: PdfObject | undefined): string | undefined {
  return isString(o) ? decodeTextString(o.bytes) : undefined;
}

/**
 * The form of revision `rev` given the form of `rev − 1`: the same state when the revision touches
 * none of the objects it was built from (most LTV and timestamp updates), else a fresh walk.
 */
export function nextForm(doc: PdfDocument, prev: FormState, rev: number): FormState {
  const root = doc.revisions[rev]?.trailer.map.get('Root');
  const prevRoot = doc.revisions[prev.rev]?.trailer.map.get('Root');
  const sameRoot = isRef(root) && isRef(prevRoot) && root.num === prevRoot.num && root.gen === prevRoot.gen;
  if (sameRoot && !doc.changedIn(rev).some((c) => prev.touched.has(c.num))) return { ...prev, rev };
  return readForm(doc, rev);
}

/** Walks the AcroForm field tree of revision `rev` (bounded by depth, cycles and the work budget). */
export function readForm(doc: PdfDocument, rev: number): FormState {
  const touched = new Set<number>();
  const res = (o: PdfObject | undefined): PdfObject | undefined => {
    if (isRef(o)) touched.add(o.num);
    return doc.resolve(o, rev);
  };
  const root = doc.revisions[rev]?.trailer.map.get('Root');
  const catalog = dictOf(res(root));
  const acroRaw = catalog?.map.get('AcroForm');
  const acroForm = dictOf(res(acroRaw));
  const state: FormState = {
    rev,
    acroForm,
    acroFormRef: isRef(acroRaw) ? refKey(acroRaw.num, acroRaw.gen) : undefined,
    terminals: [],
    byRef: new Map(),
    widgetOf: new Map(),
    malformed: false,
    touched,
  };
  const fields = res(acroForm?.map.get('Fields'));
  if (!isArray(fields)) return state;
  const maxDepth = doc.budget.limits.maxDepth;
  const visited = new Set<string>();
  let malformed = false;
  const walk = (
    item: PdfObject,
    parentName: string | undefined,
    parentFt: string | undefined,
    depth: number,
  ): string | undefined => {
    if (depth > maxDepth) {
      malformed = true;
      return undefined;
    }
    doc.budget.spend(8);
    const ref = isRef(item) ? refKey(item.num, item.gen) : undefined;
    if (ref !== undefined) {
      if (visited.has(ref)) {
        malformed = true;
        return undefined;
      }
      visited.add(ref);
    }
    const dict = dictOf(res(item));
    if (dict === undefined) return undefined;
    const t = textOf(res(dict.map.get('T')));
    const name =
      t === undefined ? (parentName ?? '') : parentName === undefined || parentName === '' ? t : `${parentName}.${t}`;
    const ft = nameValue(res(dict.map.get('FT'))) ?? parentFt;
    const kidsObj = res(dict.map.get('Kids'));
    const kidItems = isArray(kidsObj) ? kidsObj.items : [];
    // Kids that carry /T are child fields; kids without /T are widgets of this (terminal) field.
    const childFields: PdfObject[] = [];
    const widgetKids: string[] = [];
    for (const k of kidItems) {
      const kd = dictOf(res(k));
      if (kd === undefined) continue;
      if (kd.map.has('T')) childFields.push(k);
      else if (isRef(k)) widgetKids.push(refKey(k.num, k.gen));
    }
    const terminal = childFields.length === 0;
    const widgets = [...widgetKids];
    if (terminal && ref !== undefined && (isName(dict.map.get('Subtype'), 'Widget') || kidItems.length === 0)) {
      widgets.unshift(ref);
    }
    const node: FieldNode = { ref, dict, name, ft, terminal, widgets, kids: [] };
    if (ref !== undefined) state.byRef.set(ref, node);
    if (terminal) {
      state.terminals.push(node);
      for (const w of widgets) if (!state.widgetOf.has(w)) state.widgetOf.set(w, node);
    } else {
      for (const c of childFields) {
        const childRef = walk(c, name, ft, depth + 1);
        if (childRef !== undefined) node.kids.push(childRef);
      }
    }
    return ref;
  };
  for (const f of fields.items) walk(f, undefined, undefined, 0);
  return { ...state, malformed };
}
