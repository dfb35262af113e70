/**
 * XML canonicalization: Canonical XML 1.0 and 1.1 (inclusive) and Exclusive XML Canonicalization
 * 1.0, with and without comments, over the node-sets XMLDSig references produce — a whole document
 * or one element's subtree, less excluded subtrees (the enveloped signature).
 *
 * Written here rather than taken from xml-crypto: that library is RSA-only and pulls xmldom 0.8 and
 * xpath; the algorithms below are short, and every signing test cross-checks them with xmlsec1.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { Attr, Element, Node } from '@xmldom/xmldom';
import { SignatureError } from '../errors.ts';
import { NODE, NS } from './parse.ts';

/** Canonicalization algorithm URIs. */
export const C14N = {
  c14n10: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  c14n10Comments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  c14n11: 'http://www.w3.org/2006/12/xml-c14n11',
  c14n11Comments: 'http://www.w3.org/2006/12/xml-c14n11#WithComments',
  exc: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  excComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
} as const;

/** A resolved canonicalization method. */
export interface C14nMethod {
  /** Inclusive 1.0, inclusive 1.1 or exclusive. */
  kind: 'c14n10' | 'c14n11' | 'exc';
  /** Keep comments (only those in the node-set). */
  comments: boolean;
  /** Exclusive only: the InclusiveNamespaces PrefixList (`#default` for the default namespace). */
  inclusivePrefixes?: readonly string[];
}

/** Resolves an algorithm URI; undefined when it is not a canonicalization we support. */
export function c14nMethod(uri: string, inclusivePrefixes?: readonly string[]): C14nMethod | undefined {
  switch (uri) {
    case C14N.c14n10:
      return { kind: 'c14n10', comments: false };
    case C14N.c14n10Comments:
      return { kind: 'c14n10', comments: true };
    case C14N.c14n11:
      return { kind: 'c14n11', comments: false };
    case C14N.c14n11Comments:
      return { kind: 'c14n11', comments: true };
    case C14N.exc:
      return inclusivePrefixes ? { kind: 'exc', comments: false, inclusivePrefixes } : { kind: 'exc', comments: false };
    case C14N.excComments:
      return inclusivePrefixes ? { kind: 'exc', comments: true, inclusivePrefixes } : { kind: 'exc', comments: true };
    default:
      return undefined;
  }
}

/** The node-set to canonicalize: an apex (document or element) and the subtrees left out. */
export interface NodeSet {
  /** Document node or element. */
  apex: Node;
  /** Elements whose whole subtree is not in the node-set (e.g. the enveloped signature). */
  exclude?: ReadonlySet<Node>;
}

type NsMap = ReadonlyMap<string, string>;

/** The namespace bindings in scope at `el` (prefix → URI; `''` is the default namespace). */
export function inScopeNamespaces(el: Element): Map<string, string> {
  const chain: Element[] = [];
  for (let c: Node | null = el; c && c.nodeType === NODE.ELEMENT; c = c.parentNode) chain.unshift(c as Element);
  let m: Map<string, string> = new Map();
  for (const e of chain) m = withDeclarations(m, e) as Map<string, string>;
  return m;
}

/** `parent` extended with the declarations on `el` (copy on write). */
function withDeclarations(parent: NsMap, el: Element): NsMap {
  let out: Map<string, string> | undefined;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i) as Attr;
    if (a.namespaceURI !== NS.xmlns) continue;
    const prefix = a.prefix === 'xmlns' ? (a.localName as string) : '';
    out ??= new Map(parent);
    out.set(prefix, a.value);
  }
  return out ?? parent;
}

const INHERITED_10 = new Set(['lang', 'space', 'base', 'id']);
const INHERITED_11 = new Set(['lang', 'space', 'id']);

/**
 * Canonicalizes a node-set; returns the canonical text (encode it as UTF-8 to hash it).
 *
 * @throws {SignatureError} `UNSUPPORTED_ALGORITHM` for Canonical XML 1.1 of a subtree under `xml:base`
 * (the URI fix-up it would need is not implemented).
 */
export function canonicalize(set: NodeSet, method: C14nMethod): string {
  const out: string[] = [];
  canonicalizeTo(set, method, out);
  return out.join('');
}

/**
 * The canonical form's UTF-8 digest under a node:crypto hash, streamed: large documents (a 10 MB
 * edXML with attachments) are hashed in chunks instead of being joined into one string first.
 */
export function canonicalDigest(set: NodeSet, method: C14nMethod, nodeHash: string): Uint8Array {
  const h = createHash(nodeHash);
  let parts: string[] = [];
  let size = 0;
  const sink = {
    push(s: string): number {
      if (s.length >= 1 << 15) {
        // A large text node (a base64 attachment) goes straight to the hash, without a copy.
        if (size > 0) h.update(parts.join(''), 'utf8');
        h.update(s, 'utf8');
        parts = [];
        size = 0;
        return 0;
      }
      parts.push(s);
      size += s.length;
      if (size >= 1 << 16) {
        h.update(parts.join(''), 'utf8');
        parts = [];
        size = 0;
      }
      return 0;
    },
  };
  canonicalizeTo(set, method, sink);
  h.update(parts.join(''), 'utf8');
  return new Uint8Array(h.digest());
}

/** Where canonical text goes: an array, or a hashing sink. */
interface Sink {
  push(s: string): unknown;
}

function canonicalizeTo(set: NodeSet, method: C14nMethod, out: Sink): void {
  const exclude = set.exclude ?? new Set<Node>();
  const apex = set.apex;
  if (apex.nodeType === NODE.DOCUMENT) {
    let afterRoot = false;
    for (let c = apex.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === NODE.ELEMENT) {
        if (!exclude.has(c)) element(c as Element, new Map(), new Map(), true, method, exclude, out);
        afterRoot = true;
      } else if ((c.nodeType === NODE.PI && !isXmlDeclaration(c)) || (c.nodeType === NODE.COMMENT && method.comments)) {
        const text = c.nodeType === NODE.PI ? pi(c) : `<!--${c.nodeValue ?? ''}-->`;
        out.push(afterRoot ? `\n${text}` : `${text}\n`);
      }
    }
    return;
  }
  if (apex.nodeType !== NODE.ELEMENT) throw new SignatureError('INVALID_INPUT', 'canonicalize: not an element');
  const el = apex as Element;
  const parent = el.parentNode;
  const ancestorScope = parent && parent.nodeType === NODE.ELEMENT ? inScopeNamespaces(parent as Element) : new Map();
  element(el, ancestorScope, new Map(), true, method, exclude, out);
}

/**
 * Writes one element of the node-set and its descendants.
 * `scope`: namespaces in scope at the parent. `rendered`: for inclusive c14n the namespaces in scope
 * at the nearest output ancestor (empty at the apex); for exclusive c14n those actually written by
 * output ancestors.
 */
function element(
  el: Element,
  scope: NsMap,
  rendered: NsMap,
  isApex: boolean,
  method: C14nMethod,
  exclude: ReadonlySet<Node>,
  out: Sink,
): void {
  const inScope = withDeclarations(scope, el);
  const nsOut: [string, string][] = [];
  let nextRendered: NsMap;
  if (method.kind === 'exc') {
    const used = new Set<string>();
    used.add(el.prefix ?? '');
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i) as Attr;
      if (a.namespaceURI === NS.xmlns) continue;
      if (a.prefix && a.prefix !== 'xml') used.add(a.prefix);
    }
    for (const p of method.inclusivePrefixes ?? []) {
      const prefix = p === '#default' ? '' : p;
      if (inScope.has(prefix)) used.add(prefix);
    }
    let r: Map<string, string> | undefined;
    for (const p of used) {
      if (p === 'xml') continue;
      const uri = inScope.get(p) ?? '';
      const prev = rendered.get(p) ?? '';
      if (p === '' ? uri !== prev : rendered.get(p) !== uri && uri !== '') {
        nsOut.push([p, uri]);
        r ??= new Map(rendered);
        r.set(p, uri);
      }
    }
    nextRendered = r ?? rendered;
  } else {
    for (const [p, uri] of inScope) {
      if (p === 'xml') continue;
      if (p === '') {
        if ((rendered.get('') ?? '') !== uri) nsOut.push(['', uri]);
      } else if (rendered.get(p) !== uri) nsOut.push([p, uri]);
    }
    // A default namespace undeclared here (xmlns="") but rendered above must be reset.
    if (!inScope.has('') && (rendered.get('') ?? '') !== '') nsOut.push(['', '']);
    nextRendered = inScope;
  }
  nsOut.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const attrs: { ns: string; local: string; qname: string; value: string }[] = [];
  const own = el.attributes;
  const ownXml = new Set<string>();
  for (let i = 0; i < own.length; i++) {
    const a = own.item(i) as Attr;
    if (a.namespaceURI === NS.xmlns) continue;
    if (a.namespaceURI === NS.xml) ownXml.add(a.localName as string);
    attrs.push({ ns: a.namespaceURI ?? '', local: a.localName ?? a.name, qname: a.name, value: a.value });
  }
  if (isApex && method.kind !== 'exc') inheritXmlAttributes(el, method, ownXml, attrs);
  attrs.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.local < b.local ? -1 : a.local > b.local ? 1 : 0));

  let tag = `<${el.tagName}`;
  for (const [p, uri] of nsOut) tag += p === '' ? ` xmlns="${escapeAttr(uri)}"` : ` xmlns:${p}="${escapeAttr(uri)}"`;
  for (const a of attrs) tag += ` ${a.qname}="${escapeAttr(a.value)}"`;
  out.push(`${tag}>`);
  for (let c = el.firstChild; c; c = c.nextSibling) {
    switch (c.nodeType) {
      case NODE.ELEMENT:
        if (!exclude.has(c)) element(c as Element, inScope, nextRendered, false, method, exclude, out);
        break;
      case NODE.TEXT:
      case NODE.CDATA:
        out.push(escapeText(c.nodeValue ?? ''));
        break;
      case NODE.PI:
        out.push(pi(c));
        break;
      case NODE.COMMENT:
        if (method.comments) out.push(`<!--${c.nodeValue ?? ''}-->`);
        break;
    }
  }
  out.push(`</${el.tagName}>`);
}

/** Canonical XML: the apex inherits `xml:*` attributes of its (omitted) ancestors. */
function inheritXmlAttributes(
  el: Element,
  method: C14nMethod,
  ownXml: ReadonlySet<string>,
  attrs: { ns: string; local: string; qname: string; value: string }[],
): void {
  const inherited = method.kind === 'c14n11' ? INHERITED_11 : INHERITED_10;
  const found = new Set(ownXml);
  for (let p = el.parentNode; p && p.nodeType === NODE.ELEMENT; p = p.parentNode) {
    const pe = p as Element;
    const pa = pe.attributes;
    for (let i = 0; i < pa.length; i++) {
      const a = pa.item(i) as Attr;
      if (a.namespaceURI !== NS.xml) continue;
      const local = a.localName as string;
      if (method.kind === 'c14n11' && local === 'base')
        throw new SignatureError('UNSUPPORTED_ALGORITHM', 'Canonical XML 1.1 under xml:base is not supported');
      // xml:id is not inherited by 1.1, and 1.0 inherits only what the element does not have.
      if (!inherited.has(local) || (method.kind === 'c14n11' && local === 'id') || found.has(local)) continue;
      found.add(local);
      attrs.push({ ns: NS.xml, local, qname: `xml:${local}`, value: a.value });
    }
  }
}

/** xmldom keeps the XML declaration as a processing instruction; it is not one in the XPath data model. */
function isXmlDeclaration(n: Node): boolean {
  return (n as unknown as { target: string }).target === 'xml';
}

function pi(n: Node): string {
  const target = (n as unknown as { target: string }).target;
  const data = n.nodeValue ?? '';
  return data ? `<?${target} ${data}?>` : `<?${target}?>`;
}

const TEXT_RE = /[&<>\r]/;
const ATTR_RE = /[&<"\t\n\r]/;

function escapeText(s: string): string {
  if (!TEXT_RE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

function escapeAttr(s: string): string {
  if (!ATTR_RE.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}
