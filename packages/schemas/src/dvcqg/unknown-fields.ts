/**
 * The `DVCQG_UNKNOWN_FIELD` warning: vendor extras are accepted and kept, but a top-level
 * key that differs from a known wire field only by letter case or by one edit
 * (`MaHoso`, `NgayHenTr`, `TrangThaiHoSO`) is almost certainly a typo — the portal ignores
 * it and the real field is missing. Internal to `dvcqg/`.
 *
 * @module
 */
import type { RawIssue } from '../validate.ts';
import { warn } from './identifier-warnings.ts';

/** `true` when `a` and `b` differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < la && j < lb) {
    if (a.charCodeAt(i) === b.charCodeAt(j)) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (la > lb) i++;
    else if (lb > la) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (la - i) + (lb - j) <= 1;
}

const lowerCache = new WeakMap<ReadonlySet<string>, Map<string, string>>();

function lowerIndex(known: ReadonlySet<string>): Map<string, string> {
  let m = lowerCache.get(known);
  if (m === undefined) {
    m = new Map();
    for (const k of known) m.set(k.toLowerCase(), k);
    lowerCache.set(known, m);
  }
  return m;
}

/**
 * Suggests the known field an unknown key was probably meant to be, or `undefined`.
 *
 * @example
 * ```ts
 * suggestField('MaHoso', new Set(['MaHoSo'])); // 'MaHoSo'
 * suggestField('MaPhanMem', new Set(['MaHoSo'])); // undefined (a vendor extra)
 * ```
 * @category DVCQG
 */
export function suggestField(key: string, known: ReadonlySet<string>): string | undefined {
  if (key.length < 4 || key.length > 64) return undefined;
  const lower = key.toLowerCase();
  const byCase = lowerIndex(known).get(lower);
  if (byCase !== undefined) return byCase;
  for (const [knownLower, k] of lowerIndex(known)) {
    if (knownLower.length >= 6 && withinOneEdit(lower, knownLower)) return k;
  }
  return undefined;
}

/**
 * Appends a `DVCQG_UNKNOWN_FIELD` warning for every top-level key of `value` that is not
 * known but looks like a typo of a known field. Costs one set lookup per key when all keys
 * are known.
 *
 * @example
 * ```ts
 * const out: RawIssue[] = [];
 * unknownFieldWarnings(out, { MaHoso: 'x' }, new Set(['MaHoSo']));
 * out[0]?.params; // { field: 'MaHoso', suggestion: 'MaHoSo' }
 * ```
 * @category DVCQG
 */
export function unknownFieldWarnings(out: RawIssue[], value: object, known: ReadonlySet<string>): void {
  for (const key in value) {
    if (known.has(key) || !Object.hasOwn(value, key)) continue;
    const suggestion = suggestField(key, known);
    if (suggestion !== undefined) out.push(warn('DVCQG_UNKNOWN_FIELD', [key], { field: key, suggestion }));
  }
}
