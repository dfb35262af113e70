/**
 * Element selectors: how a caller names the elements it reads (`/TBao/DLTBao`) and where a
 * signature goes (`/edXML/edXMLEnvelope/edXMLHeader`). Local names only, matched by position in the
 * tree exactly as an application walks it — never by Id, which is what wrapping attacks exploit.
 *
 * @module
 */
import type { Element } from '@xmldom/xmldom';
import { elementChildren } from './parse.ts';

/** Elements matching a selector: `/` (document element) or `/a/b/c` of local names, `[n]` positions allowed. */
export function selectElements(selector: string, root: Element): Element[] {
  if (selector === '/' || selector === '') return [root];
  const steps = selector.replace(/^\//, '').split('/');
  let current: Element[] = [root];
  steps.forEach((step, i) => {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) {
      current = [];
      return;
    }
    const name = m[1] as string;
    const pos = m[2] === undefined ? undefined : Number(m[2]);
    if (i === 0) {
      current = current.filter((e) => e.localName === name);
      if (pos !== undefined && pos !== 1) current = [];
      return;
    }
    const next: Element[] = [];
    for (const e of current) {
      const matches = elementChildren(e).filter((c) => c.localName === name);
      if (pos === undefined) next.push(...matches);
      else if (matches[pos - 1]) next.push(matches[pos - 1] as Element);
    }
    current = next;
  });
  return current;
}
