/**
 * Strict XML parsing: the byte pre-scan first (no DTD, no entities, bounded), then `@xmldom/xmldom`
 * with every warning and error made fatal.
 *
 * @module
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { type PrescanFailure, prescanXml, type XmlLimits } from './prescan.ts';

/** DOM node types used here. */
export const NODE = {
  ELEMENT: 1,
  ATTRIBUTE: 2,
  TEXT: 3,
  CDATA: 4,
  PI: 7,
  COMMENT: 8,
  DOCUMENT: 9,
} as const;

/** Namespace URIs. */
export const NS = {
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  dsig11: 'http://www.w3.org/2009/xmldsig11#',
  dsigMore: 'http://www.w3.org/2007/05/xmldsig-more#',
  xades132: 'http://uri.etsi.org/01903/v1.3.2#',
  xades141: 'http://uri.etsi.org/01903/v1.4.1#',
  xades122: 'http://uri.etsi.org/01903/v1.2.2#',
} as const;

/** Result of {@link parseXml}. */
export type ParseResult =
  | { ok: true; doc: Document; root: Element }
  | { ok: false; code: PrescanFailure; detail: string; offset?: number };

/**
 * Parses a document. Never throws: malformed, DTD-bearing or oversized input comes back as a failure.
 */
export function parseXml(bytes: Uint8Array, limits?: XmlLimits): ParseResult {
  const pre = prescanXml(bytes, limits);
  if (!pre.ok) return pre;
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: false,
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(pre.text, 'text/xml');
  } catch (e) {
    return { ok: false, code: 'XML_MALFORMED', detail: e instanceof Error ? e.message : String(e) };
  }
  const root = doc.documentElement;
  if (!root) return { ok: false, code: 'XML_MALFORMED', detail: 'no document element' };
  // Belt and braces: the pre-scan refused every DTD already.
  if (doc.doctype) return { ok: false, code: 'XML_DTD_FORBIDDEN', detail: 'document type declaration' };
  return { ok: true, doc, root };
}

/** Element children of a node. */
export function elementChildren(n: Node): Element[] {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === NODE.ELEMENT) out.push(c as Element);
  return out;
}

declare const matched: unique symbol;
/**
 * An element a name test matched. The brand keeps TypeScript from narrowing the `false` branch of a
 * test to `never` when the tested value is already an `Element`.
 */
export type MatchedElement = Element & { readonly [matched]: true };

/** Whether `n` is an element with this namespace and local name. */
export function isElement(n: Node | null | undefined, ns: string | null, local: string): n is MatchedElement {
  return !!n && n.nodeType === NODE.ELEMENT && (n as Element).localName === local && (n as Element).namespaceURI === ns;
}

/** Whether `n` is an XMLDSig element with this local name. */
export function isDs(n: Node | null | undefined, local: string): n is MatchedElement {
  return isElement(n, NS.ds, local);
}

/** The text of an element's text and CDATA children (comments excluded). */
export function textOf(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === NODE.TEXT || c.nodeType === NODE.CDATA) s += c.nodeValue ?? '';
  return s;
}

/** Whether the subtree of `el` contains a comment or processing instruction. */
export function hasCommentOrPi(el: Node): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === NODE.COMMENT || c.nodeType === NODE.PI) return true;
    if (c.nodeType === NODE.ELEMENT && hasCommentOrPi(c)) return true;
  }
  return false;
}

/**
 * A readable path of an element: local names with a position among same-named siblings when
 * there are several, e.g. `/TBao/DSCKS/CQT/Signature` or `/a/b[2]`.
 */
export function elementPath(el: Element): string {
  const parts: string[] = [];
  let cur: Node | null = el;
  while (cur && cur.nodeType === NODE.ELEMENT) {
    const e = cur as Element;
    const parent: Node | null = e.parentNode;
    let name = e.localName ?? e.nodeName;
    if (parent && parent.nodeType === NODE.ELEMENT) {
      const same = elementChildren(parent).filter(
        (s) => s.localName === e.localName && s.namespaceURI === e.namespaceURI,
      );
      if (same.length > 1) name += `[${same.indexOf(e) + 1}]`;
    }
    parts.unshift(name);
    cur = parent;
  }
  return `/${parts.join('/')}`;
}
