import type { Budget } from './limits.ts';
import type { PdfDict, PdfObject } from './objects.ts';
import { ensureLoaded } from './sparse.ts';

/**
 * Structural equality of two PDF objects as written (references compared by number, not
 * followed; streams by dictionary and raw bytes). Used to skip objects an incremental update
 * re-wrote unchanged, and to compare a signature dictionary across revisions (check 7).
 */
export function sameObject(
  a: PdfObject | undefined,
  b: PdfObject | undefined,
  bytes: Uint8Array,
  budget: Budget,
  depth = 0,
): boolean {
  if (a === b) return true;
  if (depth > budget.limits.maxDepth) return false;
  budget.spend(1);
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'ref':
      return b.k === 'ref' && a.num === b.num && a.gen === b.gen;
    case 'name':
    case 'real':
      return (b as { v: unknown }).v === a.v;
    case 'str': {
      if (b.k !== 'str' || a.bytes.length !== b.bytes.length) return false;
      budget.spend(a.bytes.length >> 3);
      for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
      return true;
    }
    case 'arr': {
      if (b.k !== 'arr' || a.items.length !== b.items.length) return false;
      for (let i = 0; i < a.items.length; i++)
        if (!sameObject(a.items[i], b.items[i], bytes, budget, depth + 1)) return false;
      return true;
    }
    case 'dict':
      return b.k === 'dict' && sameDict(a, b, bytes, budget, depth);
    case 'stream': {
      if (b.k !== 'stream' || !sameDict(a.dict, b.dict, bytes, budget, depth)) return false;
      const la = a.dataEnd - a.dataStart;
      if (la !== b.dataEnd - b.dataStart) return false;
      if (a.dataStart === b.dataStart) return true;
      budget.spend(la >> 3);
      ensureLoaded(bytes, a.dataStart, a.dataEnd);
      ensureLoaded(bytes, b.dataStart, b.dataEnd);
      for (let i = 0; i < la; i++) if (bytes[a.dataStart + i] !== bytes[b.dataStart + i]) return false;
      return true;
    }
  }
}

function sameDict(a: PdfDict, b: PdfDict, bytes: Uint8Array, budget: Budget, depth: number): boolean {
  if (a.map.size !== b.map.size) return false;
  for (const [k, v] of a.map) {
    if (!b.map.has(k)) return false;
    if (!sameObject(v, b.map.get(k), bytes, budget, depth + 1)) return false;
  }
  return true;
}

/** Keys whose values differ between two dictionaries (added, removed or changed). */
export function changedKeys(
  a: PdfDict | undefined,
  b: PdfDict | undefined,
  bytes: Uint8Array,
  budget: Budget,
): string[] {
  const out: string[] = [];
  const keys = new Set([...(a?.map.keys() ?? []), ...(b?.map.keys() ?? [])]);
  for (const k of keys) {
    if (!sameObject(a?.map.get(k) ?? null, b?.map.get(k) ?? null, bytes, budget)) out.push(k);
  }
  return out;
}
