/**
 * A streaming XML tokenizer for documents too large to hold (edXML with base64
 * attachments): fed text chunks, it emits start tags, end tags and text as soon as they
 * are complete — text in pieces, so a multi-megabyte text node never sits in memory.
 *
 * Safety: a DOCTYPE is refused; no entity is ever expanded (only the five predefined
 * entities and character references are decoded); tags and names are bounded; the
 * nesting is checked (well-formedness of the element structure).
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import { decodeXmlText } from './tree.ts';

/**
 * One token.
 *
 * @example
 * ```ts
 * import type { XmlToken } from '@motcua/adapters';
 * const t: XmlToken = { type: 'open', name: 'edXML:From', attributes: [], selfClosing: false };
 * ```
 * @category XML
 */
export type XmlToken =
  | { type: 'open'; name: string; attributes: Array<[string, string]>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const MAX_TAG = 64 * 1024;
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-:\u00B7\u00C0-\uFFFF]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * The tokenizer. Call {@link XmlTokenizer.feed} with each chunk and
 * {@link XmlTokenizer.end} at the end; both return the tokens completed so far. Throws
 * {@link AdapterError} `XML_DOCTYPE_FORBIDDEN`, `XML_MALFORMED` or `XML_LIMIT`.
 *
 * @example
 * ```ts
 * import { XmlTokenizer } from '@motcua/adapters';
 * const t = new XmlTokenizer();
 * const tokens = [...t.feed('<a x="1">he'), ...t.feed('llo</a>'), ...t.end()];
 * tokens.map((k) => k.type); // ['open', 'text', 'text', 'close']
 * ```
 * @category XML
 */
export class XmlTokenizer {
  #buf = '';
  #stack: string[] = [];
  #rootSeen = false;
  #done = false;
  readonly #maxDepth: number;

  constructor(options: { maxDepth?: number } = {}) {
    this.#maxDepth = options.maxDepth ?? 128;
  }

  /** Current nesting depth. */
  get depth(): number {
    return this.#stack.length;
  }

  /** Feeds a chunk; returns the tokens it completed. */
  feed(chunk: string): XmlToken[] {
    this.#buf += chunk;
    return this.#drain(false);
  }

  /** Ends the input; returns the last tokens. Throws when the document is incomplete. */
  end(): XmlToken[] {
    const out = this.#drain(true);
    if (this.#stack.length > 0) throw new AdapterError('XML_MALFORMED', `unclosed element ${this.#stack.at(-1)}`);
    if (!this.#rootSeen) throw new AdapterError('XML_MALFORMED', 'no root element');
    return out;
  }

  #drain(final: boolean): XmlToken[] {
    const out: XmlToken[] = [];
    let b = this.#buf;
    let i = 0;
    for (;;) {
      if (i >= b.length) break;
      if (b[i] !== '<') {
        const lt = b.indexOf('<', i);
        let end = lt < 0 ? b.length : lt;
        if (lt < 0 && !final) {
          // Do not split an entity reference across two text tokens.
          const amp = b.lastIndexOf('&', end - 1);
          if (amp >= i && b.indexOf(';', amp) < 0 && end - amp < 12) end = amp;
        }
        if (end > i) {
          const raw = b.slice(i, end);
          if (this.#stack.length === 0) {
            if (raw.trim() !== '') throw new AdapterError('XML_MALFORMED', 'text outside the root element');
          } else {
            if (FORBIDDEN_CHARS.test(raw)) throw new AdapterError('XML_MALFORMED', 'forbidden control character');
            out.push({ type: 'text', text: decodeXmlText(raw) });
          }
        }
        i = end;
        if (lt < 0) break;
        continue;
      }
      // Markup.
      if (b.startsWith('<!--', i)) {
        const close = b.indexOf('-->', i + 4);
        if (close < 0) break;
        i = close + 3;
        continue;
      }
      if (b.startsWith('<![CDATA[', i)) {
        const close = b.indexOf(']]>', i + 9);
        if (close < 0) {
          if (b.length - i > MAX_TAG * 16) throw new AdapterError('XML_LIMIT', 'CDATA section too long');
          break;
        }
        if (this.#stack.length === 0) throw new AdapterError('XML_MALFORMED', 'CDATA outside the root element');
        out.push({ type: 'text', text: b.slice(i + 9, close) });
        i = close + 3;
        continue;
      }
      if (b.startsWith('<!', i)) {
        if (b.length - i < 9 && !final) break;
        throw new AdapterError(
          /^<!doctype/i.test(b.slice(i, i + 9)) ? 'XML_DOCTYPE_FORBIDDEN' : 'XML_MALFORMED',
          'DTD and markup declarations are refused',
        );
      }
      if (b.startsWith('<?', i)) {
        const close = b.indexOf('?>', i + 2);
        if (close < 0) break;
        i = close + 2;
        continue;
      }
      const close = tagEnd(b, i);
      if (close < 0) {
        if (b.length - i > MAX_TAG) throw new AdapterError('XML_LIMIT', 'tag longer than 64 KiB');
        break;
      }
      const tag = b.slice(i + 1, close);
      i = close + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = this.#stack.pop();
        if (open !== name) throw new AdapterError('XML_MALFORMED', `</${name}> does not close <${open ?? ''}>`);
        out.push({ type: 'close', name });
        if (this.#stack.length === 0) this.#done = true;
        continue;
      }
      if (this.#done) throw new AdapterError('XML_MALFORMED', 'a second root element');
      const selfClosing = tag.endsWith('/');
      const { name, attributes } = parseTag(selfClosing ? tag.slice(0, -1) : tag);
      this.#rootSeen = true;
      if (this.#stack.length >= this.#maxDepth)
        throw new AdapterError('XML_LIMIT', `nested deeper than ${this.#maxDepth}`);
      out.push({ type: 'open', name, attributes, selfClosing });
      if (selfClosing) {
        out.push({ type: 'close', name });
        if (this.#stack.length === 0) this.#done = true;
      } else this.#stack.push(name);
    }
    b = b.slice(i);
    if (final && b.trim() !== '') throw new AdapterError('XML_MALFORMED', 'truncated markup at the end');
    this.#buf = b;
    return out;
  }
}

/** Index of the `>` that ends the tag starting at `start`, skipping quoted values; -1 when incomplete. */
function tagEnd(b: string, start: number): number {
  let quote = '';
  for (let j = start + 1; j < b.length; j++) {
    const c = b[j];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
    else if (c === '<') throw new AdapterError('XML_MALFORMED', "'<' inside a tag");
  }
  return -1;
}

function parseTag(tag: string): { name: string; attributes: Array<[string, string]> } {
  const m = /^([^\s]+)/.exec(tag);
  const name = m?.[1] ?? '';
  if (!NAME.test(name))
    throw new AdapterError('XML_MALFORMED', `bad element name ${JSON.stringify(name.slice(0, 40))}`);
  const attributes: Array<[string, string]> = [];
  const rest = tag.slice(name.length);
  const re = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const a = re.exec(rest);
    if (a === null) break;
    const key = a[1] ?? '';
    if (!NAME.test(key))
      throw new AdapterError('XML_MALFORMED', `bad attribute name ${JSON.stringify(key.slice(0, 40))}`);
    if (attributes.some(([k]) => k === key)) throw new AdapterError('XML_MALFORMED', `duplicate attribute ${key}`);
    const raw = a[3] ?? a[4] ?? '';
    if (raw.includes('<')) throw new AdapterError('XML_MALFORMED', "'<' in an attribute value");
    attributes.push([key, decodeXmlText(raw)]);
    pos = re.lastIndex;
  }
  if (rest.slice(pos).trim() !== '') throw new AdapterError('XML_MALFORMED', `bad attributes in <${name}>`);
  return { name, attributes };
}
