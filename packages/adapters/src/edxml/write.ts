/**
 * Writing edXML envelopes (edxml.md §2–§4).
 *
 * Prefixes are controlled explicitly (§3, the prefix gotcha): no prefix on the root
 * `edXML` (default namespace), `edXML:` on `edXMLEnvelope` and every element under it,
 * `AttachmentEncoded` and its children unprefixed in the default namespace, the
 * signature in the XMLDSig namespace.
 *
 * The output is written directly in exclusive canonical form (namespace declarations
 * where exc-c14n renders them, attributes in canonical order, start and end tags for
 * empty elements, canonical escaping, no whitespace between elements). Serialization is
 * therefore deterministic, and the digest of an enveloped signature (`Reference URI=""`)
 * can be computed while streaming — so even a signed envelope is produced with bounded
 * memory, reading each attachment twice (once for the digest, once for the output).
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Signer } from '@motcua/signing/sign';
import { signXml } from '@motcua/signing/sign';
import { AdapterError } from '../errors.ts';
import { base64Encode } from './base64.ts';
import { DSIG_NS, EDXML_NS, type EdxmlEnvelope, type EdxmlNode, edxmlDocumentId, XLINK_NS } from './model.ts';
import { element, escAttr, escText } from './serialize.ts';

/**
 * Bytes of an attachment: all at once, a one-shot stream, or a function that opens a
 * fresh stream each time (needed to sign with bounded memory, which reads it twice).
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import type { EdxmlContent } from '@motcua/adapters/edxml';
 * const content: EdxmlContent = () => createReadStream('cong-van.pdf');
 * ```
 * @category edXML
 */
export type EdxmlContent = Uint8Array | AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array>);

/**
 * An attachment to send.
 *
 * @example
 * ```ts
 * import type { EdxmlAttachment } from '@motcua/adapters/edxml';
 * const a: EdxmlAttachment = { name: 'cong-van.pdf', contentType: 'application/pdf', content: new Uint8Array([0x25, 0x50]) };
 * ```
 * @category edXML
 */
export interface EdxmlAttachment {
  /** `ContentId` (default `cid:<n>`, 1-based); `cid:` is added when missing. */
  contentId?: string | undefined;
  /** `AttachmentName`. */
  name: string;
  /** `ContentType`. */
  contentType: string;
  /** `Description`. */
  description?: string | undefined;
  /** `xlink:role` of its manifest reference. */
  role?: string | undefined;
  /** The bytes. */
  content: EdxmlContent;
}

/**
 * A whole-document signer: receives the unsigned edXML and returns it with an enveloped
 * `Signature` in `edXMLHeader` — `signXml` of `@motcua/signing` has this shape (see
 * {@link edxmlXmlSigner}). The document is built in memory for it.
 *
 * @example
 * ```ts
 * import type { XmlSigner } from '@motcua/adapters/edxml';
 * declare const hsm: { signEdxml(xml: string): Promise<string> };
 * const signer: XmlSigner = (xml) => hsm.signEdxml(xml);
 * ```
 * @category edXML
 */
export type XmlSigner = (xml: string) => Promise<string | Uint8Array>;

/**
 * A streaming signer: given the digest of the canonical document (enveloped-signature
 * and exc-c14n transforms already applied, which this writer's output makes a plain hash
 * of its bytes), returns the complete `Signature` element to place at the end of
 * `edXMLHeader`. See {@link edxmlDigestSigner}.
 *
 * @example
 * ```ts
 * import { edxmlDigestSigner, type EdxmlDigestSigner } from '@motcua/adapters/edxml';
 * declare const signer: import('@motcua/signing/sign').Signer;
 * const digestSigner: EdxmlDigestSigner = edxmlDigestSigner(signer);
 * ```
 * @category edXML
 */
export interface EdxmlDigestSigner {
  /** Hash of the reference digest. */
  readonly hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** The `Signature` element (canonical form) for a `Reference URI=""` with this digest. */
  signature(documentDigest: Uint8Array): Promise<string>;
}

/**
 * Options of {@link buildEdxml}.
 *
 * @example
 * ```ts
 * import type { EdxmlBuildOptions } from '@motcua/adapters/edxml';
 * const o: EdxmlBuildOptions = { xmlDeclaration: true };
 * ```
 * @category edXML
 */
export interface EdxmlBuildOptions {
  /** Sign: a whole-document {@link XmlSigner} or a streaming {@link EdxmlDigestSigner}. */
  signer?: XmlSigner | EdxmlDigestSigner | undefined;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default `true`). */
  xmlDeclaration?: boolean | undefined;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';
interface Prepared {
  contentId: string;
  attachment: EdxmlAttachment;
}

function prepare(attachments: readonly EdxmlAttachment[]): Prepared[] {
  const seen = new Set<string>();
  return attachments.map((attachment, i) => {
    const raw = attachment.contentId ?? String(i + 1);
    const contentId = raw.startsWith('cid:') ? raw : `cid:${raw}`;
    if (seen.has(contentId)) throw new AdapterError('EDXML_INVALID', `duplicate ContentId ${contentId}`);
    seen.add(contentId);
    return { contentId, attachment };
  });
}

function headerXml(envelope: EdxmlEnvelope): string {
  const h = envelope.header;
  if (h.From?.OrganId === undefined || h.From.OrganId === '')
    throw new AdapterError('EDXML_INVALID', 'From/OrganId is required');
  if (!Array.isArray(h.To) || h.To.length === 0) throw new AdapterError('EDXML_INVALID', 'at least one To is required');
  if (h.Code?.CodeNumber === undefined || h.Code.CodeNotation === undefined) {
    throw new AdapterError('EDXML_INVALID', 'Code/CodeNumber and Code/CodeNotation are required');
  }
  if (h.PromulgationInfo?.PromulgationDate === undefined) {
    throw new AdapterError('EDXML_INVALID', 'PromulgationInfo/PromulgationDate is required');
  }
  const header: EdxmlNode = {
    ...h,
    DocumentId: h.DocumentId ?? edxmlDocumentId(h.From, h.PromulgationInfo.PromulgationDate, h.Code),
  };
  const traceId = envelope.traceId ?? 'TraceHeaderList';
  const trace = element('edXML', 'TraceHeaderList', envelope.trace ?? {}).replace(
    /^<edXML:TraceHeaderList>/,
    `<edXML:TraceHeaderList actor="http://schemas.xmlsoap.org/soap/actor/next" id="${escAttr(traceId)}" mustUnderstand="1" version="1.0">`,
  );
  return element('edXML', 'MessageHeader', header) + trace;
}

function manifestXml(prepared: readonly Prepared[]): string {
  let out = '<edXML:edXMLManifest version="1.0">';
  for (const { contentId, attachment: a } of prepared) {
    const role = a.role === undefined ? '' : ` xlink:role="${escAttr(a.role)}"`;
    out +=
      `<edXML:Reference xmlns:xlink="${XLINK_NS}" xlink:href="${escAttr(contentId)}"${role} xlink:type="simple">` +
      `<edXML:ContentId>${escText(contentId)}</edXML:ContentId>` +
      `<edXML:ContentType>${escText(a.contentType)}</edXML:ContentType>` +
      (a.description === undefined ? '' : `<edXML:Description>${escText(a.description)}</edXML:Description>`) +
      `<edXML:AttachmentName>${escText(a.name)}</edXML:AttachmentName>` +
      '</edXML:Reference>';
  }
  return `${out}</edXML:edXMLManifest>`;
}

function attachmentOpen({ contentId, attachment: a }: Prepared): string {
  return (
    '<Attachment>' +
    `<ContentId>${escText(contentId)}</ContentId>` +
    `<AttachmentName>${escText(a.name)}</AttachmentName>` +
    (a.description === undefined ? '' : `<Description>${escText(a.description)}</Description>`) +
    `<ContentType>${escText(a.contentType)}</ContentType>` +
    '<ContentTransferEncoded>'
  );
}

const ATTACHMENT_CLOSE = '</ContentTransferEncoded></Attachment>';

function open(content: EdxmlContent, reusable: boolean): AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (content instanceof Uint8Array) return [content];
  if (typeof content === 'function') return content();
  if (reusable) {
    throw new AdapterError(
      'INVALID_ARGUMENT',
      'streaming signing reads each attachment twice: pass a Uint8Array or a function that opens a fresh stream',
    );
  }
  return content;
}

interface Parts {
  head: string;
  mid: string;
  tail: string;
  prepared: Prepared[];
}

function parts(envelope: EdxmlEnvelope, attachments: readonly EdxmlAttachment[]): Parts {
  const prepared = prepare(attachments);
  return {
    head: `<edXML xmlns="${EDXML_NS}"><edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}"><edXML:edXMLHeader>${headerXml(envelope)}`,
    mid: `</edXML:edXMLHeader><edXML:edXMLBody>${manifestXml(prepared)}</edXML:edXMLBody></edXML:edXMLEnvelope><AttachmentEncoded>`,
    tail: '</AttachmentEncoded></edXML>',
    prepared,
  };
}

async function* documentText(p: Parts, signature: string, reusable: boolean): AsyncGenerator<string> {
  yield p.head + signature + p.mid;
  for (const item of p.prepared) {
    yield attachmentOpen(item);
    for await (const b64 of base64Encode(open(item.attachment.content, reusable))) yield b64;
    yield ATTACHMENT_CLOSE;
  }
  yield p.tail;
}

function isDigestSigner(s: XmlSigner | EdxmlDigestSigner): s is EdxmlDigestSigner {
  return typeof s === 'object' && s !== null && typeof (s as EdxmlDigestSigner).signature === 'function';
}

const NODE_HASH = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;

/**
 * Builds an edXML package as a stream of UTF-8 chunks: the envelope (header with its
 * `DocumentId` computed when absent, trace header list, manifest with one `Reference`
 * per attachment) and the attachments, base64-encoded as they are read.
 *
 * Memory: unsigned, or signed with an {@link EdxmlDigestSigner}, memory stays bounded by
 * the envelope and one chunk (attachments are read twice for the digest signer). With a
 * whole-document {@link XmlSigner} the document is built in memory first. Throws
 * {@link AdapterError} `EDXML_INVALID` for a header without `From/OrganId`, `To`,
 * `Code` or `PromulgationDate`.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { buildEdxml, edxmlTimestamp } from '@motcua/adapters/edxml';
 * declare const header: import('@motcua/adapters/edxml').EdxmlMessageHeader;
 * const chunks = buildEdxml(
 *   { header, trace: { TraceHeader: [{ OrganId: header.From.OrganId, Timestamp: edxmlTimestamp(new Date()) }] } },
 *   [{ name: 'cong-van.pdf', contentType: 'application/pdf', content: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
 * );
 * await writeFile('cong-van.edxml', chunks);
 * ```
 * @category edXML
 */
export async function* buildEdxml(
  envelope: EdxmlEnvelope,
  attachments: readonly EdxmlAttachment[] = [],
  options: EdxmlBuildOptions = {},
): AsyncGenerator<Uint8Array> {
  const utf8 = new TextEncoder();
  const p = parts(envelope, attachments);
  const decl = options.xmlDeclaration === false ? '' : XML_DECL;
  const signer = options.signer;
  if (signer === undefined) {
    if (decl !== '') yield utf8.encode(decl);
    for await (const s of documentText(p, '', false)) yield utf8.encode(s);
    return;
  }
  if (isDigestSigner(signer)) {
    const hash = createHash(NODE_HASH[signer.hash]);
    for await (const s of documentText(p, '', true)) hash.update(s, 'utf8');
    const signature = await signer.signature(new Uint8Array(hash.digest()));
    if (decl !== '') yield utf8.encode(decl);
    for await (const s of documentText(p, signature, true)) yield utf8.encode(s);
    return;
  }
  let whole = decl;
  for await (const s of documentText(p, '', false)) whole += s;
  const signed = await signer(whole);
  yield typeof signed === 'string' ? utf8.encode(signed) : signed;
}

/**
 * {@link buildEdxml} collected into one string (for small packages and tests).
 *
 * @example
 * ```ts
 * import { buildEdxmlString } from '@motcua/adapters/edxml';
 * declare const envelope: import('@motcua/adapters/edxml').EdxmlEnvelope;
 * const xml = await buildEdxmlString(envelope);
 * xml.includes('<edXML:MessageHeader>'); // true
 * ```
 * @category edXML
 */
export async function buildEdxmlString(
  envelope: EdxmlEnvelope,
  attachments: readonly EdxmlAttachment[] = [],
  options: EdxmlBuildOptions = {},
): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of buildEdxml(envelope, attachments, options)) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

/**
 * A whole-document {@link XmlSigner} from a `@motcua/signing` `Signer`: `signXml` with
 * the signature in `edXMLHeader` (enveloped, exclusive c14n, the signer's hash — SHA-256
 * or stronger per the 2025 circular, edxml.md §4). Works with every scheme the signing
 * package supports, ECDSA included.
 *
 * @example
 * ```ts
 * import { buildEdxml, edxmlXmlSigner } from '@motcua/adapters/edxml';
 * declare const signer: import('@motcua/signing/sign').Signer;
 * declare const envelope: import('@motcua/adapters/edxml').EdxmlEnvelope;
 * const chunks = buildEdxml(envelope, [], { signer: edxmlXmlSigner(signer) });
 * ```
 * @category edXML
 */
export function edxmlXmlSigner(signer: Signer): XmlSigner {
  return async (xml) => signXml(xml, signer, { parent: '/edXML/edXMLEnvelope/edXMLHeader' });
}

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const DIGEST_URI = {
  'SHA-256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'SHA-384': 'http://www.w3.org/2001/04/xmldsig-more#sha384',
  'SHA-512': 'http://www.w3.org/2001/04/xmlenc#sha512',
} as const;
const RSA_URI = {
  'SHA-256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'SHA-384': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'SHA-512': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
} as const;
const PSS_URI = {
  'SHA-256': 'http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1',
  'SHA-384': 'http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1',
  'SHA-512': 'http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1',
} as const;

/**
 * A streaming {@link EdxmlDigestSigner} from a `@motcua/signing` `Signer` (RSASSA-PSS
 * or PKCS#1 v1.5; for ECDSA use {@link edxmlXmlSigner}): an enveloped XMLDSig signature
 * — `Reference URI=""`, transforms enveloped-signature + exc-c14n, the signer's hash —
 * with the signer's certificate chain in `KeyInfo/X509Data`. The `SignedInfo` is signed
 * in its exclusive canonical form.
 *
 * @example
 * ```ts
 * import { buildEdxml, edxmlDigestSigner } from '@motcua/adapters/edxml';
 * declare const signer: import('@motcua/signing/sign').Signer;
 * declare const envelope: import('@motcua/adapters/edxml').EdxmlEnvelope;
 * declare const attachments: import('@motcua/adapters/edxml').EdxmlAttachment[];
 * const chunks = buildEdxml(envelope, attachments, { signer: edxmlDigestSigner(signer) });
 * ```
 * @category edXML
 */
export function edxmlDigestSigner(signer: Signer): EdxmlDigestSigner {
  if (signer.scheme === 'ECDSA') {
    throw new AdapterError('INVALID_ARGUMENT', 'the streaming edXML signer supports RSA; use edxmlXmlSigner for ECDSA');
  }
  const hash = signer.hash;
  const method = signer.scheme === 'RSASSA-PSS' ? PSS_URI[hash] : RSA_URI[hash];
  return {
    hash,
    async signature(documentDigest: Uint8Array): Promise<string> {
      const id = `Signature-${randomBytes(8).toString('hex')}`;
      const inner =
        `<ds:CanonicalizationMethod Algorithm="${EXC_C14N}"></ds:CanonicalizationMethod>` +
        `<ds:SignatureMethod Algorithm="${method}"></ds:SignatureMethod>` +
        '<ds:Reference URI=""><ds:Transforms>' +
        `<ds:Transform Algorithm="${ENVELOPED}"></ds:Transform>` +
        `<ds:Transform Algorithm="${EXC_C14N}"></ds:Transform>` +
        '</ds:Transforms>' +
        `<ds:DigestMethod Algorithm="${DIGEST_URI[hash]}"></ds:DigestMethod>` +
        `<ds:DigestValue>${Buffer.from(documentDigest).toString('base64')}</ds:DigestValue>` +
        '</ds:Reference>';
      // Exclusive c14n of SignedInfo as apex renders the ds namespace on it.
      const canonicalSignedInfo = `<ds:SignedInfo xmlns:ds="${DSIG_NS}">${inner}</ds:SignedInfo>`;
      const data = new TextEncoder().encode(canonicalSignedInfo);
      const digest = new Uint8Array(createHash(NODE_HASH[hash]).update(data).digest());
      const value = await signer.sign({ data, digest, hash, scheme: signer.scheme });
      const certs = [signer.certificate, ...signer.chain]
        .map((c) => `<ds:X509Certificate>${Buffer.from(c).toString('base64')}</ds:X509Certificate>`)
        .join('');
      return (
        `<ds:Signature xmlns:ds="${DSIG_NS}" Id="${id}"><ds:SignedInfo>${inner}</ds:SignedInfo>` +
        `<ds:SignatureValue>${Buffer.from(value).toString('base64')}</ds:SignatureValue>` +
        `<ds:KeyInfo><ds:X509Data>${certs}</ds:X509Data></ds:KeyInfo></ds:Signature>`
      );
    },
  };
}
