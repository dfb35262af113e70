/**
 * A byte-level pre-scan that runs before any XML parser sees the input (signatures.md §9 check 25).
 *
 * Whatever the parser's settings, a document type declaration, an entity declaration or a reference
 * to an entity other than the five predefined ones is refused here: XXE (external entities) and
 * entity expansion bombs need a DTD, and signed Vietnamese documents (edXML, tax and e-invoice
 * XML) never carry one. The scan also bounds size, nesting depth and the number of elements and
 * attributes, so the DOM built afterwards is bounded too.
 *
 * The scan is a small lexer, not a substring search: `<!DOCTYPE` inside a comment or a CDATA section
 * is text, and `>` may occur inside attribute values.
 *
 * @module
 */
import { isUtf8 } from 'node:buffer';

/**
 * Limits of the XML reader.
 *
 * @example
 * ```ts
 * import type { XmlLimits } from '@motcua/signing/xml';
 * const limits: XmlLimits = { maxBytes: 200 * 1024 * 1024, maxDepth: 128 };
 * ```
 * @category XML
 */
export interface XmlLimits {
  /** Largest accepted document in bytes. Default 100 MiB. */
  maxBytes?: number;
  /** Deepest element nesting. Default 256. */
  maxDepth?: number;
  /** Most elements. Default 2,000,000. */
  maxElements?: number;
  /** Most attributes on one element. Default 256. */
  maxAttributesPerElement?: number;
}

/**
 * The defaults of {@link XmlLimits}.
 *
 * @example
 * ```ts
 * import { DEFAULT_XML_LIMITS } from '@motcua/signing/xml';
 * console.log(DEFAULT_XML_LIMITS.maxDepth); // 256
 * ```
 * @category XML
 */
export const DEFAULT_XML_LIMITS: Readonly<Required<XmlLimits>> = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxDepth: 256,
  maxElements: 2_000_000,
  maxAttributesPerElement: 256,
});

/** Why the pre-scan refused a document. */
export type PrescanFailure =
  | 'XML_DTD_FORBIDDEN'
  | 'XML_ENTITY_FORBIDDEN'
  | 'XML_ENCODING_UNSUPPORTED'
  | 'XML_MALFORMED'
  | 'XML_LIMIT_EXCEEDED';

/** Result of {@link prescanXml}. */
export type PrescanResult =
  | { ok: true; text: string; elements: number }
  | { ok: false; code: PrescanFailure; detail: string; offset?: number };

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/**
 * Decodes the bytes (UTF-8 only, BOM allowed; TCVN 6909:2001 is Unicode) and lexes them.
 */
export function prescanXml(bytes: Uint8Array, limits: XmlLimits = {}): PrescanResult {
  const lim = { ...DEFAULT_XML_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes)
    return { ok: false, code: 'XML_LIMIT_EXCEEDED', detail: `larger than ${lim.maxBytes} bytes` };
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
    return { ok: false, code: 'XML_ENCODING_UNSUPPORTED', detail: 'UTF-16 is not accepted; use UTF-8' };
  // node:buffer's isUtf8 validates with SIMD; a fatal TextDecoder is several times slower on large files.
  if (!isUtf8(bytes)) return { ok: false, code: 'XML_ENCODING_UNSUPPORTED', detail: 'not valid UTF-8' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
  const decl = /^<\?xml\s[^?]*?encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (decl && !/^(utf-?8|us-ascii)$/i.test(decl[1] as string))
    return { ok: false, code: 'XML_ENCODING_UNSUPPORTED', detail: `declared encoding ${decl[1]}` };
  return lex(text, lim);
}

function lex(s: string, lim: Required<XmlLimits>): PrescanResult {
  const n = s.length;
  let depth = 0;
  let elements = 0;
  let i = 0;
  const bad = (code: PrescanFailure, detail: string, offset: number): PrescanResult => ({
    ok: false,
    code,
    detail,
    offset,
  });
  // The next '&' at or after i, found once and reused, so the scan stays linear.
  let amp = s.indexOf('&');
  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    // Character data: only the predefined entities and character references.
    if (amp >= 0 && amp < i) amp = s.indexOf('&', i);
    while (amp >= 0 && amp < textEnd) {
      const r = checkReference(s, amp);
      if (r) return bad(r, 'entity reference', amp);
      amp = s.indexOf('&', amp + 1);
    }
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) return bad('XML_MALFORMED', 'unterminated comment', lt);
        i = end + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        if (depth === 0) return bad('XML_MALFORMED', 'CDATA outside the document element', lt);
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) return bad('XML_MALFORMED', 'unterminated CDATA section', lt);
        i = end + 3;
        continue;
      }
      // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST, <!NOTATION: all DTD markup.
      return bad(s.startsWith('<!ENTITY', lt) ? 'XML_ENTITY_FORBIDDEN' : 'XML_DTD_FORBIDDEN', 'DTD markup', lt);
    }
    if (c === 0x3f /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) return bad('XML_MALFORMED', 'unterminated processing instruction', lt);
      i = end + 2;
      continue;
    }
    if (c === 0x2f /* / */) {
      const end = s.indexOf('>', lt + 2);
      if (end < 0) return bad('XML_MALFORMED', 'unterminated end tag', lt);
      depth--;
      if (depth < 0) return bad('XML_MALFORMED', 'end tag without start tag', lt);
      i = end + 1;
      continue;
    }
    // Start tag: scan to '>' outside quotes, counting attributes and checking references in values.
    let j = lt + 1;
    let quote = 0;
    let attrs = 0;
    let selfClosing = false;
    for (; j < n; j++) {
      const ch = s.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
        else if (ch === 0x3c) return bad('XML_MALFORMED', "'<' in an attribute value", j);
        else if (ch === 0x26) {
          const r = checkReference(s, j);
          if (r) return bad(r, 'entity reference in an attribute value', j);
        }
        continue;
      }
      if (ch === 0x22 || ch === 0x27) {
        quote = ch;
        attrs++;
        continue;
      }
      if (ch === 0x3e) {
        selfClosing = s.charCodeAt(j - 1) === 0x2f;
        break;
      }
      if (ch === 0x3c) return bad('XML_MALFORMED', "'<' inside a tag", j);
    }
    if (j >= n) return bad('XML_MALFORMED', 'unterminated start tag', lt);
    if (attrs > lim.maxAttributesPerElement)
      return bad('XML_LIMIT_EXCEEDED', `more than ${lim.maxAttributesPerElement} attributes`, lt);
    if (++elements > lim.maxElements) return bad('XML_LIMIT_EXCEEDED', `more than ${lim.maxElements} elements`, lt);
    if (!selfClosing) {
      depth++;
      if (depth > lim.maxDepth) return bad('XML_LIMIT_EXCEEDED', `nesting deeper than ${lim.maxDepth}`, lt);
    }
    i = j + 1;
  }
  if (elements === 0) return bad('XML_MALFORMED', 'no element', 0);
  return { ok: true, text: s, elements };
}

/** Checks the reference starting at `&`: a character reference or one of the five predefined entities. */
function checkReference(s: string, at: number): PrescanFailure | undefined {
  const semi = s.indexOf(';', at + 1);
  if (semi < 0 || semi - at > 40) return 'XML_MALFORMED';
  const name = s.slice(at + 1, semi);
  if (/^#[0-9]+$/.test(name) || /^#x[0-9a-fA-F]+$/.test(name)) return undefined;
  return PREDEFINED.has(name) ? undefined : 'XML_ENTITY_FORBIDDEN';
}
