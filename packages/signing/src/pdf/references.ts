import type { PdfDocument } from './document.ts';
import { type PdfObject, refKey } from './objects.ts';

/** Where a reference sits: the indirect object holding it (`"num gen"`, or `trailer`) and the path inside it. */
export interface Referrer {
  readonly holder: string;
  readonly path: string;
}

/** At most this many referrers are kept per target (enough to tell "only here" from "also elsewhere"). */
const MAX_REFERRERS = 8;

/**
 * The places that reference each of `targets` (`"num gen"`) in the object graph of revision `rev`:
 * a walk from the trailer (so the trailer's own keys count too) over every reachable object,
 * visiting each indirect object once. An object reached along several paths (a widget both in
 * `/Fields` and in a page's `/Annots`) is one holder, not two; one holder naming the target under
 * two keys gives two referrers. Charged to the work budget; run only when an update replaces an
 * appearance dictionary that was an indirect object.
 */
export function referrersOf(doc: PdfDocument, rev: number, targets: ReadonlySet<string>): Map<string, Referrer[]> {
  const out = new Map<string, Referrer[]>();
  const trailer = doc.revisions[rev]?.trailer;
  if (trailer === undefined || targets.size === 0) return out;
  const maxDepth = doc.budget.limits.maxDepth;
  const visited = new Set<string>();
  interface Item {
    o: PdfObject | undefined;
    holder: string;
    path: string;
    depth: number;
  }
  const stack: Item[] = [{ o: trailer, holder: 'trailer', path: '', depth: 0 }];
  while (stack.length > 0) {
    const { o, holder, path, depth } = stack.pop() as Item;
    if (o === null || o === undefined || typeof o !== 'object' || depth > maxDepth) continue;
    doc.budget.spend(1);
    switch (o.k) {
      case 'ref': {
        const key = refKey(o.num, o.gen);
        if (targets.has(key)) {
          const list = out.get(key) ?? [];
          if (list.length < MAX_REFERRERS) list.push({ holder, path });
          out.set(key, list);
        }
        if (!visited.has(key)) {
          visited.add(key);
          stack.push({ o: doc.get(o.num, o.gen, rev), holder: key, path: '', depth: 0 });
        }
        break;
      }
      case 'arr':
        o.items.forEach((x, i) => {
          stack.push({ o: x, holder, path: `${path}[${i}]`, depth: depth + 1 });
        });
        break;
      case 'dict':
        for (const [k, x] of o.map) stack.push({ o: x, holder, path: `${path}/${k}`, depth: depth + 1 });
        break;
      case 'stream':
        stack.push({ o: o.dict, holder, path, depth: depth + 1 });
        break;
      default:
        break;
    }
  }
  return out;
}
