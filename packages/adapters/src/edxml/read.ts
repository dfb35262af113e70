/**
 * Reading edXML packages as a stream (edxml.md §2–§3): elements matched by namespace
 * URI and local name — never by prefix — so `edXML:From`, `q:From` and a default-
 * namespace `From` are the same element; attachments decoded from base64 as they
 * arrive, one at a time, in bounded memory. DOCTYPE is refused and entities are never
 * expanded.
 *
 * Verifying the signature needs the whole document: pass the bytes to
 * `verifyXml` of `@motcua/signing/xml` (with `expectedSignedElements: ['/edXML']`).
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import { type XmlToken, XmlTokenizer } from '../xml/tokenizer.ts';
import { attributeNS, childElement, childElements, textContent, type XmlElement } from '../xml/tree.ts';
import { Base64Decoder } from './base64.ts';
import {
  DSIG_NS,
  EDXML_NS,
  type EdxmlEnvelope,
  type EdxmlMessageHeader,
  type EdxmlNode,
  type EdxmlReference,
  type EdxmlTraceHeaderList,
  type EdxmlValue,
  XLINK_NS,
} from './model.ts';

/**
 * Where an edXML package comes from: text, bytes, or a stream of either.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import type { EdxmlSource } from '@motcua/adapters/edxml';
 * const source: EdxmlSource = createReadStream('cong-van.edxml');
 * ```
 * @category edXML
 */
export type EdxmlSource = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * One attachment as it is read. `content` can be iterated once, and only before moving
 * on to the next attachment (attachments are read in document order). Metadata written
 * after `ContentTransferEncoded` is filled in once the content has been read.
 *
 * @example
 * ```ts
 * import type { EdxmlAttachmentReader } from '@motcua/adapters/edxml';
 * declare const a: EdxmlAttachmentReader;
 * for await (const chunk of a.content) process.stdout.write(chunk);
 * ```
 * @category edXML
 */
export interface EdxmlAttachmentReader {
  /** `ContentId` as written. */
  contentId?: string | undefined;
  /** `AttachmentName`. */
  name?: string | undefined;
  /** `ContentType`. */
  contentType?: string | undefined;
  /** `Description`. */
  description?: string | undefined;
  /** The decoded bytes. */
  content: AsyncIterable<Uint8Array>;
}

/**
 * An edXML package being read.
 *
 * @example
 * ```ts
 * import { readEdxml } from '@motcua/adapters/edxml';
 * declare const source: import('@motcua/adapters/edxml').EdxmlSource;
 * const doc = await readEdxml(source);
 * doc.envelope.header.DocumentId;
 * for await (const a of doc.attachments) for await (const chunk of a.content) void chunk;
 * ```
 * @category edXML
 */
export interface EdxmlDocument {
  /** Header and trace header list. */
  envelope: EdxmlEnvelope;
  /** The manifest's references. */
  references: EdxmlReference[];
  /** An XMLDSig `Signature` is present in `edXMLHeader` (not verified here). */
  signed: boolean;
  /** The `edXMLEnvelope` element, for anything the typed view does not carry. */
  envelopeElement: XmlElement;
  /** The attachments, in order, streamed. */
  attachments: AsyncIterable<EdxmlAttachmentReader>;
}

/**
 * Limits of {@link readEdxml}.
 *
 * @example
 * ```ts
 * import type { EdxmlReadOptions } from '@motcua/adapters/edxml';
 * const o: EdxmlReadOptions = { maxEnvelopeChars: 1_000_000 };
 * ```
 * @category edXML
 */
export interface EdxmlReadOptions {
  /** Largest envelope (header and manifest), in characters of text (default 5 000 000). */
  maxEnvelopeChars?: number | undefined;
  /** Largest attachment metadata value (default 65 536 characters). */
  maxMetadataChars?: number | undefined;
  /** Deepest nesting (default 64). */
  maxDepth?: number | undefined;
}

const REPEATED = new Set([
  'To',
  'TraceHeader',
  'ResponseFor',
  'StaffInfo',
  'BussinessDocumentInfo',
  'Receiver',
  'ReplacementInfo',
]);
const WRAPPED: Readonly<Record<string, string>> = { ToPlaces: 'Place', Appendixes: 'Appendix' };
const SPLIT = 64 * 1024;

async function* textChunks(source: EdxmlSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    for (let i = 0; i < source.length; i += SPLIT) yield source.slice(i, i + SPLIT);
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = async function* (b: Uint8Array): AsyncGenerator<string> {
    for (let i = 0; i < b.length; i += SPLIT) yield decoder.decode(b.subarray(i, i + SPLIT), { stream: true });
  };
  try {
    if (source instanceof Uint8Array) yield* bytes(source);
    else {
      for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
        if (typeof chunk === 'string') {
          for (let i = 0; i < chunk.length; i += SPLIT) yield chunk.slice(i, i + SPLIT);
        } else yield* bytes(chunk);
      }
    }
    yield decoder.decode();
  } catch (cause) {
    if (cause instanceof TypeError) throw new AdapterError('XML_MALFORMED', 'the package is not UTF-8', { cause });
    throw cause;
  }
}

interface Resolved {
  token: XmlToken & { type: 'open' };
  ns: string | undefined;
  local: string;
  scope: ReadonlyMap<string, string>;
}

class Pump {
  readonly #source: AsyncIterator<string>;
  readonly #tokenizer: XmlTokenizer;
  #queue: XmlToken[] = [];
  #index = 0;
  #ended = false;
  readonly scopes: Array<ReadonlyMap<string, string>> = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];

  constructor(source: EdxmlSource, maxDepth: number) {
    this.#source = textChunks(source)[Symbol.asyncIterator]();
    this.#tokenizer = new XmlTokenizer({ maxDepth });
  }

  async next(): Promise<XmlToken | undefined> {
    while (this.#index >= this.#queue.length) {
      if (this.#ended) return undefined;
      const r = await this.#source.next();
      if (r.done === true) {
        this.#queue = this.#tokenizer.end();
        this.#ended = true;
      } else this.#queue = this.#tokenizer.feed(r.value);
      this.#index = 0;
    }
    const t = this.#queue[this.#index++] as XmlToken;
    if (t.type === 'close') this.scopes.pop();
    return t;
  }

  /** Resolves an open tag's namespace and pushes its scope. */
  resolve(token: XmlToken & { type: 'open' }): Resolved {
    const parent = this.scopes.at(-1) as ReadonlyMap<string, string>;
    let scope = parent;
    for (const [k, v] of token.attributes) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (scope === parent) scope = new Map(parent);
        (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    this.scopes.push(scope);
    const colon = token.name.indexOf(':');
    const prefix = colon < 0 ? '' : token.name.slice(0, colon);
    const local = colon < 0 ? token.name : token.name.slice(colon + 1);
    const uri = scope.get(prefix);
    if (prefix !== '' && uri === undefined) throw new AdapterError('XML_MALFORMED', `unbound prefix ${prefix}:`);
    return { token, ns: uri === '' ? undefined : uri, local, scope };
  }
}

/** Reads the rest of an element (after its open token) into a tree, counting characters. */
async function buildElement(pump: Pump, open: Resolved, budget: { left: number }): Promise<XmlElement> {
  const attributes: Record<string, string> = {};
  for (const [k, v] of open.token.attributes) {
    attributes[k] = v;
    budget.left -= k.length + v.length;
  }
  const el: XmlElement = {
    name: open.token.name,
    local: open.local,
    ns: open.ns,
    attributes,
    children: [],
    scope: open.scope,
  };
  for (;;) {
    if (budget.left < 0) throw new AdapterError('XML_LIMIT', 'the edXML envelope is too large');
    const t = await pump.next();
    if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
    if (t.type === 'close') return el;
    if (t.type === 'text') {
      budget.left -= t.text.length;
      const last = el.children.at(-1);
      if (typeof last === 'string') el.children[el.children.length - 1] = last + t.text;
      else el.children.push(t.text);
      continue;
    }
    el.children.push(await buildElement(pump, pump.resolve(t), budget));
  }
}

async function skipElement(pump: Pump): Promise<void> {
  let depth = 1;
  while (depth > 0) {
    const t = await pump.next();
    if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
    if (t.type === 'open') {
      pump.resolve(t);
      depth++;
    } else if (t.type === 'close') depth--;
  }
}

/** The generic tree of an element of the edXML namespace. */
function toValue(el: XmlElement): EdxmlValue {
  const kids = el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === EDXML_NS);
  if (kids.length === 0) return textContent(el);
  const wrapped = WRAPPED[el.local];
  if (wrapped !== undefined && kids.every((k) => k.local === wrapped)) return kids.map((k) => textContent(k));
  const node: EdxmlNode = {};
  const lists = new Set<string>();
  for (const k of kids) {
    const v = toValue(k);
    const prev = node[k.local];
    if (lists.has(k.local)) (prev as EdxmlValue[]).push(v);
    else if (REPEATED.has(k.local)) {
      lists.add(k.local);
      node[k.local] = [v];
    } else if (prev === undefined) node[k.local] = v;
    else {
      // A repeated element the model does not know as a list: keep every occurrence.
      lists.add(k.local);
      node[k.local] = [prev, v];
    }
  }
  return node;
}

function envelopeOf(env: XmlElement): { envelope: EdxmlEnvelope; references: EdxmlReference[]; signed: boolean } {
  const header = childElement(env, EDXML_NS, 'edXMLHeader');
  const messageHeader = header === undefined ? undefined : childElement(header, EDXML_NS, 'MessageHeader');
  if (header === undefined || messageHeader === undefined) {
    throw new AdapterError('EDXML_INVALID', 'edXMLEnvelope/edXMLHeader/MessageHeader (QCVN 102 namespace) is missing');
  }
  const h = toValue(messageHeader);
  if (typeof h !== 'object' || Array.isArray(h)) throw new AdapterError('EDXML_INVALID', 'MessageHeader is empty');
  const from = h.From;
  if (typeof from !== 'object' || Array.isArray(from) || typeof from.OrganId !== 'string' || from.OrganId === '') {
    throw new AdapterError('EDXML_INVALID', 'MessageHeader/From/OrganId is missing');
  }
  if (h.To === undefined) h.To = [];
  const envelope: EdxmlEnvelope = { header: h as EdxmlMessageHeader };
  const traceEl = childElement(header, EDXML_NS, 'TraceHeaderList');
  if (traceEl !== undefined) {
    const t = toValue(traceEl);
    envelope.trace = (typeof t === 'object' && !Array.isArray(t) ? t : {}) as EdxmlTraceHeaderList;
    const id = traceEl.attributes.id;
    if (id !== undefined) envelope.traceId = id;
  }
  const references: EdxmlReference[] = [];
  const body = childElement(env, EDXML_NS, 'edXMLBody');
  const manifest = body === undefined ? undefined : childElement(body, EDXML_NS, 'edXMLManifest');
  for (const ref of manifest === undefined ? [] : childElements(manifest, EDXML_NS, 'Reference')) {
    const field = (local: string): string | undefined => {
      const e = childElement(ref, EDXML_NS, local);
      return e === undefined ? undefined : textContent(e).trim();
    };
    const r: EdxmlReference = { contentId: field('ContentId') ?? attributeNS(ref, XLINK_NS, 'href') ?? '' };
    const put = (k: keyof EdxmlReference, v: string | undefined): void => {
      if (v !== undefined) r[k] = v;
    };
    put('contentType', field('ContentType'));
    put('description', field('Description'));
    put('attachmentName', field('AttachmentName'));
    put('href', attributeNS(ref, XLINK_NS, 'href'));
    put('role', attributeNS(ref, XLINK_NS, 'role'));
    references.push(r);
  }
  return { envelope, references, signed: childElements(header, DSIG_NS, 'Signature').length > 0 };
}

const META: Readonly<Record<string, keyof EdxmlAttachmentReader>> = {
  ContentId: 'contentId',
  AttachmentName: 'name',
  ContentType: 'contentType',
  Description: 'description',
};

/**
 * Starts reading an edXML package: resolves once the envelope has been read, then
 * streams the attachments. Throws {@link AdapterError} `XML_DOCTYPE_FORBIDDEN`,
 * `XML_MALFORMED`, `XML_LIMIT`, or `EDXML_INVALID` (not an `edXML` root in the QCVN 102
 * namespace, no `MessageHeader`, no `From/OrganId`, bad base64).
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { readEdxml } from '@motcua/adapters/edxml';
 * const doc = await readEdxml(createReadStream('cong-van.edxml'));
 * console.log(doc.envelope.header.Subject, doc.references.length);
 * for await (const attachment of doc.attachments) {
 *   let size = 0;
 *   for await (const chunk of attachment.content) size += chunk.length;
 *   console.log(attachment.name, size);
 * }
 * ```
 * @category edXML
 */
export async function readEdxml(source: EdxmlSource, options: EdxmlReadOptions = {}): Promise<EdxmlDocument> {
  const pump = new Pump(source, options.maxDepth ?? 64);
  const budget = { left: options.maxEnvelopeChars ?? 5_000_000 };
  const maxMeta = options.maxMetadataChars ?? 65_536;

  let first: XmlToken | undefined;
  do first = await pump.next();
  while (first !== undefined && first.type === 'text');
  if (first === undefined || first.type !== 'open') throw new AdapterError('XML_MALFORMED', 'no root element');
  const root = pump.resolve(first);
  if (root.ns !== EDXML_NS || root.local !== 'edXML') {
    throw new AdapterError('EDXML_INVALID', 'the root is not edXML in the QCVN 102 namespace');
  }
  let envelopeEl: XmlElement | undefined;
  let inAttachments = false;
  if (!root.token.selfClosing) {
    for (;;) {
      const t = await pump.next();
      if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
      if (t.type === 'close') break;
      if (t.type === 'text') continue;
      const r = pump.resolve(t);
      if (r.ns === EDXML_NS && r.local === 'edXMLEnvelope' && envelopeEl === undefined) {
        envelopeEl = await buildElement(pump, r, budget);
      } else if (r.ns === EDXML_NS && r.local === 'AttachmentEncoded') {
        inAttachments = true;
        break;
      } else await skipElement(pump);
    }
  }
  if (envelopeEl === undefined)
    throw new AdapterError('EDXML_INVALID', 'edXMLEnvelope is missing or follows the attachments');
  const { envelope, references, signed } = envelopeOf(envelopeEl);

  async function* attachments(): AsyncGenerator<EdxmlAttachmentReader> {
    if (!inAttachments) return;
    for (;;) {
      const t = await pump.next();
      if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
      if (t.type === 'close') break; // </AttachmentEncoded>
      if (t.type === 'text') continue;
      const r = pump.resolve(t);
      if (r.ns !== EDXML_NS || r.local !== 'Attachment') {
        await skipElement(pump);
        continue;
      }
      const reader: EdxmlAttachmentReader = { content: emptyContent() };
      let yielded = false;
      for (;;) {
        const c = await pump.next();
        if (c === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
        if (c.type === 'close') break; // </Attachment>
        if (c.type === 'text') continue;
        const child = pump.resolve(c);
        if (child.ns === EDXML_NS && child.local === 'ContentTransferEncoded' && !yielded) {
          const state = { done: false, active: true };
          reader.content = contentOf(pump, state);
          yielded = true;
          yield reader;
          state.active = false;
          if (!state.done) await skipContent(pump);
          continue;
        }
        const key = child.ns === EDXML_NS ? META[child.local] : undefined;
        if (key === undefined) {
          await skipElement(pump);
          continue;
        }
        const el = await buildElement(pump, child, { left: maxMeta });
        (reader as unknown as Record<string, string>)[key] = textContent(el).trim();
      }
      if (!yielded) yield reader;
    }
    // Whatever follows AttachmentEncoded is read and checked for well-formedness.
    while ((await pump.next()) !== undefined) {
      // drain
    }
  }

  return { envelope, references, signed, envelopeElement: envelopeEl, attachments: attachments() };
}

async function* emptyContent(): AsyncGenerator<Uint8Array> {}

/** Reads past the rest of a `ContentTransferEncoded` the caller did not consume. */
async function skipContent(pump: Pump): Promise<void> {
  for (;;) {
    const t = await pump.next();
    if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
    if (t.type === 'close') return;
    if (t.type === 'open') throw new AdapterError('EDXML_INVALID', 'ContentTransferEncoded must hold only base64 text');
  }
}

async function* contentOf(pump: Pump, state: { done: boolean; active: boolean }): AsyncGenerator<Uint8Array> {
  if (!state.active) throw new AdapterError('INVALID_ARGUMENT', 'attachments must be read in order');
  const decoder = new Base64Decoder();
  for (;;) {
    const t = await pump.next();
    if (t === undefined) throw new AdapterError('XML_MALFORMED', 'truncated edXML');
    if (t.type === 'close') break;
    if (t.type === 'open') throw new AdapterError('EDXML_INVALID', 'ContentTransferEncoded must hold only base64 text');
    const bytes = decoder.push(t.text);
    if (bytes.length > 0) yield bytes;
  }
  const last = decoder.end();
  state.done = true;
  if (last.length > 0) yield last;
}
