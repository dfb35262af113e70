/**
 * A small, safe XML reader on top of fast-xml-parser: DOCTYPE refused before parsing,
 * entity processing off (only the five predefined entities and character references
 * are decoded, which cannot expand), size and depth limits, and namespaces resolved so
 * callers match elements by namespace URI and local name — never by prefix.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AdapterError } from '../errors.ts';

/**
 * An element with its namespace resolved.
 *
 * @example
 * ```ts
 * import type { XmlElement } from '@motcua/adapters';
 * declare const el: XmlElement;
 * el.ns; // 'http://www.mic.gov.vn/TBT/QCVN_102_2016'
 * el.local; // 'MessageHeader'
 * ```
 * @category XML
 */
export interface XmlElement {
  /** Qualified name as written (`edXML:From`). */
  name: string;
  /** Local name (`From`). */
  local: string;
  /** Namespace URI, or `undefined` for no namespace. */
  ns: string | undefined;
  /** Attributes by qualified name, values decoded (namespace declarations included). */
  attributes: Record<string, string>;
  /** Child elements and text, in document order (comments dropped, CDATA as text). */
  children: Array<XmlElement | string>;
  /** Namespace bindings in scope (prefix → URI, `''` for the default namespace). */
  scope?: ReadonlyMap<string, string> | undefined;
}

/**
 * Limits of {@link parseXml}.
 *
 * @example
 * ```ts
 * import type { XmlLimits } from '@motcua/adapters';
 * const limits: XmlLimits = { maxLength: 1_000_000, maxDepth: 64 };
 * ```
 * @category XML
 */
export interface XmlLimits {
  /** Longest document, in characters (default 10 000 000). */
  maxLength?: number | undefined;
  /** Deepest nesting (default 128). */
  maxDepth?: number | undefined;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and numeric character references; any other
 * `&name;` is left as written (no DTD, no expansion).
 *
 * @example
 * ```ts
 * import { decodeXmlText } from '@motcua/adapters';
 * decodeXmlText('Nguy&#7877;n &amp; co'); // 'Nguyễn & co'
 * ```
 * @category XML
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0) return whole;
      return String.fromCodePoint(cp);
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/**
 * Refuses documents that carry a DTD: `<!DOCTYPE` or `<!ENTITY` anywhere throws
 * {@link AdapterError} `XML_DOCTYPE_FORBIDDEN`.
 *
 * @example
 * ```ts
 * import { assertNoDoctype } from '@motcua/adapters';
 * assertNoDoctype('<a/>'); // fine
 * ```
 * @category XML
 */
export function assertNoDoctype(xml: string): void {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new AdapterError('XML_DOCTYPE_FORBIDDEN', 'XML with a DOCTYPE or ENTITY declaration is refused');
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

/**
 * Parses an XML document into its root {@link XmlElement}. Throws {@link AdapterError}
 * `XML_DOCTYPE_FORBIDDEN`, `XML_MALFORMED` (not well-formed, an unbound prefix, no root)
 * or `XML_LIMIT`.
 *
 * @example
 * ```ts
 * import { parseXml } from '@motcua/adapters';
 * const root = parseXml('<e:a xmlns:e="urn:example"><e:b>1 &lt; 2</e:b></e:a>');
 * root.ns; // 'urn:example'
 * ```
 * @category XML
 */
export function parseXml(xml: string, limits: XmlLimits = {}): XmlElement {
  const maxLength = limits.maxLength ?? 10_000_000;
  const maxDepth = limits.maxDepth ?? 128;
  if (xml.length > maxLength) throw new AdapterError('XML_LIMIT', `XML longer than ${maxLength} characters`);
  assertNoDoctype(xml);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new AdapterError('XML_MALFORMED', `XML is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(xml) as RawNode[];
  } catch (cause) {
    throw new AdapterError('XML_MALFORMED', 'XML could not be parsed', { cause });
  }
  const roots = raw.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1 || roots[0] === undefined)
    throw new AdapterError('XML_MALFORMED', 'XML must have one root element');
  return build(roots[0], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 1, maxDepth);
}

function elementName(n: RawNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== '#comment' && k !== '#cdata') return k;
  return undefined;
}

function build(node: RawNode, scope: ReadonlyMap<string, string>, depth: number, maxDepth: number): XmlElement {
  if (depth > maxDepth) throw new AdapterError('XML_LIMIT', `XML nested deeper than ${maxDepth}`);
  const name = elementName(node) as string;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  const attributes: Record<string, string> = {};
  let bindings: Map<string, string> | undefined;
  for (const [k, v] of Object.entries(rawAttrs)) {
    const value = decodeXmlText(String(v));
    attributes[k] = value;
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      bindings ??= new Map(scope);
      bindings.set(k === 'xmlns' ? '' : k.slice(6), value);
    }
  }
  const ns = bindings ?? scope;
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  const local = colon < 0 ? name : name.slice(colon + 1);
  const uri = ns.get(prefix);
  if (prefix !== '' && uri === undefined) throw new AdapterError('XML_MALFORMED', `unbound prefix ${prefix}:`);
  const children: Array<XmlElement | string> = [];
  for (const child of (node[name] ?? []) as RawNode[]) {
    if ('#text' in child) children.push(decodeXmlText(String(child['#text'])));
    else if ('#cdata' in child) {
      for (const t of child['#cdata'] as RawNode[]) children.push(String(t['#text'] ?? ''));
    } else if ('#comment' in child) continue;
    else if (elementName(child) !== undefined) children.push(build(child, ns, depth + 1, maxDepth));
  }
  return { name, local, ns: uri === '' ? undefined : uri, attributes, children, scope: ns };
}

/**
 * The child elements of `parent` with this namespace URI and local name (any namespace
 * when `ns` is `'*'`).
 *
 * @example
 * ```ts
 * import { childElements, parseXml } from '@motcua/adapters';
 * const root = parseXml('<a xmlns="urn:x"><b/><b/></a>');
 * childElements(root, 'urn:x', 'b').length; // 2
 * ```
 * @category XML
 */
export function childElements(parent: XmlElement, ns: string | undefined | '*', local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.children) {
    if (typeof c !== 'string' && c.local === local && (ns === '*' || c.ns === ns)) out.push(c);
  }
  return out;
}

/**
 * The first child element with this namespace URI and local name, if any.
 *
 * @example
 * ```ts
 * import { childElement, parseXml } from '@motcua/adapters';
 * childElement(parseXml('<a><b>1</b></a>'), undefined, 'b')?.local; // 'b'
 * ```
 * @category XML
 */
export function childElement(parent: XmlElement, ns: string | undefined | '*', local: string): XmlElement | undefined {
  return childElements(parent, ns, local)[0];
}

/**
 * The text content of an element: its text children and its descendants' text, joined.
 *
 * @example
 * ```ts
 * import { textContent, parseXml } from '@motcua/adapters';
 * textContent(parseXml('<a>x<b>y</b></a>')); // 'xy'
 * ```
 * @category XML
 */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}

/**
 * The value of an attribute by namespace URI and local name (`undefined` for an
 * unprefixed attribute's namespace), resolved with the element's in-scope bindings.
 *
 * @example
 * ```ts
 * import { attributeNS, parseXml } from '@motcua/adapters';
 * const el = parseXml('<r xmlns:l="http://www.w3.org/1999/xlink" l:href="cid:1"/>');
 * attributeNS(el, 'http://www.w3.org/1999/xlink', 'href'); // 'cid:1'
 * ```
 * @category XML
 */
export function attributeNS(el: XmlElement, ns: string | undefined, local: string): string | undefined {
  for (const [name, value] of Object.entries(el.attributes)) {
    const colon = name.indexOf(':');
    if (colon < 0) {
      if (ns === undefined && name === local) return value;
      continue;
    }
    const prefix = name.slice(0, colon);
    if (prefix === 'xmlns' || name.slice(colon + 1) !== local) continue;
    if (el.scope?.get(prefix) === ns) return value;
  }
  return undefined;
}
