/**
 * `signXml`: enveloped XMLDSig signatures as edXML (QCVN 102:2016, edxml.md §4) and the tax
 * authority (signatures.md §4.3) use them.
 *
 * The signature is inserted into the original text at its parent's end tag, never by
 * re-serializing a DOM, so the caller's bytes (the `edXML:` prefixes VPCP requires, whitespace,
 * quoting) are kept exactly; digests and the canonical SignedInfo are computed by the same
 * canonicalizer the verifier uses, and the tests cross-check the output with `xmlsec1 --verify`.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import { SignatureError } from '../errors.ts';
import { parseCertificate } from '../x509/certificate.ts';
import { formatName } from '../x509/name.ts';
import { DIGEST_URI, signatureMethodUri, TRANSFORM } from '../xml/algorithms.ts';
import { C14N, type C14nMethod, canonicalDigest, canonicalize } from '../xml/c14n.ts';
import { findSignatures, indexIds, isWithin } from '../xml/dsig.ts';
import { elementChildren, NODE, NS, parseXml } from '../xml/parse.ts';
import { selectElements } from '../xml/select.ts';
import { elementSpans } from '../xml/spans.ts';
import { digestOf, ecdsaRaw, ecFieldSize, nodeHash, type Signer } from './signer.ts';

const utf8 = new TextEncoder();

/**
 * Options of {@link signXml}.
 *
 * @example
 * ```ts
 * import type { SignXmlOptions } from '@motcua/signing/sign';
 * // The tax-authority pattern: sign DLTBao by Id, inclusive c14n, a signed SigningTime object.
 * const o: SignXmlOptions = { parent: '/TBao/DSCKS/CQT', references: ['Id-DLTBao'], canonicalization: 'inclusive', signingTime: true };
 * ```
 * @category Signing
 */
export interface SignXmlOptions {
  /** Parent element of the new `Signature` (a path of local names). Default: the document element. */
  parent?: string;
  /**
   * `document` (default): `URI=""` with the enveloped-signature transform — the whole document.
   * Or the Ids of the elements to sign (the signature then covers those, plus its SigningTime object).
   */
  references?: 'document' | readonly string[];
  /** `exclusive` (default, as edXML) or `inclusive` (Canonical XML 1.0, as the tax authority). */
  canonicalization?: 'exclusive' | 'inclusive';
  /** Add a signed `ds:Object` with `SignatureProperties/SigningTime` (`true`: now). */
  signingTime?: boolean | Date;
  /** `Id` of the `Signature` element. Default: a random one. */
  signatureId?: string;
  /** Prefix of the XMLDSig elements; `''` declares XMLDSig as the default namespace. Default `ds`. */
  prefix?: string;
}

/**
 * Signs an XML document with an enveloped XMLDSig signature and returns the signed bytes (UTF-8).
 *
 * @throws {SignatureError} `INVALID_INPUT` when the document is not acceptable XML (DTD, entities,
 * malformed), the parent is not found exactly once, or a referenced Id is missing or duplicated.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { pkcs12Signer, signXml } from '@motcua/signing/sign';
 * const signer = await pkcs12Signer(readFileSync('van-thu.p12'), process.env.P12_PASS ?? '');
 * const signed = await signXml(readFileSync('edoc_new.edxml'), signer, { parent: '/edXML/edXMLEnvelope/edXMLHeader' });
 * ```
 * @category Signing
 */
export async function signXml(
  xml: Uint8Array | string,
  signer: Signer,
  options: SignXmlOptions = {},
): Promise<Uint8Array> {
  const inputBytes = typeof xml === 'string' ? utf8.encode(xml) : xml;
  const bom = inputBytes[0] === 0xef && inputBytes[1] === 0xbb && inputBytes[2] === 0xbf;
  const first = parseXml(inputBytes);
  if (!first.ok) throw new SignatureError('INVALID_INPUT', `not acceptable XML: ${first.code} (${first.detail})`);
  const text = new TextDecoder('utf-8').decode(inputBytes);
  const parents = selectElements(options.parent ?? '/', first.root);
  if (parents.length !== 1)
    throw new SignatureError('INVALID_INPUT', `the signature parent ${options.parent ?? '/'} must match one element`);
  const parent = parents[0] as Element;
  const ids = indexIds(first.root);
  const refIds = options.references === undefined || options.references === 'document' ? [] : [...options.references];
  for (const id of refIds) {
    const hits = ids.get(id) ?? [];
    if (hits.length !== 1)
      throw new SignatureError('INVALID_INPUT', `Id ${id} must occur exactly once (found ${hits.length})`);
  }
  const sigId = options.signatureId ?? `Signature-${randomBytes(8).toString('hex')}`;
  const timeId = `SigningTime-${randomBytes(8).toString('hex')}`;
  for (const id of [sigId, timeId])
    if (ids.has(id)) throw new SignatureError('INVALID_INPUT', `Id ${id} already exists`);

  // Placeholders no document can already contain.
  const mark = randomBytes(12).toString('hex');
  const digestMark = (i: number): string => `@@${mark}D${i}@@`;
  const signatureMark = `@@${mark}S@@`;
  const p = options.prefix ?? 'ds';
  const q = (local: string): string => (p === '' ? local : `${p}:${local}`);
  const inclusive = options.canonicalization === 'inclusive';
  const c14nUri = inclusive ? C14N.c14n10 : C14N.exc;
  const method: C14nMethod = inclusive ? { kind: 'c14n10', comments: false } : { kind: 'exc', comments: false };
  const family = signer.scheme === 'ECDSA' ? 'ecdsa' : signer.scheme === 'RSASSA-PSS' ? 'rsa-pss' : 'rsa';
  const sigMethod = signatureMethodUri(family, signer.hash);
  if (!sigMethod) throw new SignatureError('INVALID_OPTIONS', `no XMLDSig method for ${signer.scheme} ${signer.hash}`);
  const digestUri = DIGEST_URI[signer.hash];

  // References: what, and with which transforms.
  type Ref = { uri: string; enveloped: boolean };
  const refs: Ref[] = [];
  if (refIds.length === 0) refs.push({ uri: '', enveloped: true });
  for (const id of refIds) {
    const target = (ids.get(id) as Element[])[0] as Element;
    refs.push({ uri: `#${id}`, enveloped: isWithin(parent, target) });
  }
  const signingTime =
    options.signingTime === undefined || options.signingTime === false
      ? undefined
      : options.signingTime === true
        ? new Date()
        : options.signingTime;
  if (signingTime) refs.push({ uri: `#${timeId}`, enveloped: false });

  const certs = [signer.certificate, ...signer.chain];
  const subject = formatName(parseCertificate(signer.certificate).subject);
  const reference = (r: Ref, i: number): string =>
    `<${q('Reference')} URI="${r.uri}"><${q('Transforms')}>${
      r.enveloped ? `<${q('Transform')} Algorithm="${TRANSFORM.enveloped}"/>` : ''
    }<${q('Transform')} Algorithm="${c14nUri}"/></${q('Transforms')}><${q('DigestMethod')} Algorithm="${digestUri}"/><${q('DigestValue')}>${digestMark(i)}</${q('DigestValue')}></${q('Reference')}>`;
  const signedInfo = `<${q('SignedInfo')}><${q('CanonicalizationMethod')} Algorithm="${c14nUri}"/><${q('SignatureMethod')} Algorithm="${sigMethod}"/>${refs.map(reference).join('')}</${q('SignedInfo')}>`;
  const keyInfo = `<${q('KeyInfo')}><${q('X509Data')}><${q('X509SubjectName')}>${escapeText(subject)}</${q('X509SubjectName')}>${certs
    .map((c) => `<${q('X509Certificate')}>${Buffer.from(c).toString('base64')}</${q('X509Certificate')}>`)
    .join('')}</${q('X509Data')}></${q('KeyInfo')}>`;
  const object = signingTime
    ? `<${q('Object')} Id="${timeId}"><${q('SignatureProperties')}><${q('SignatureProperty')} Target="#${sigId}"><SigningTime>${xsDateTime(signingTime)}</SigningTime></${q('SignatureProperty')}></${q('SignatureProperties')}></${q('Object')}>`
    : '';
  const nsDecl = p === '' ? `xmlns="${NS.ds}"` : `xmlns:${p}="${NS.ds}"`;
  const signature = `<${q('Signature')} ${nsDecl} Id="${sigId}">${signedInfo}<${q('SignatureValue')}>${signatureMark}</${q('SignatureValue')}>${keyInfo}${object}</${q('Signature')}>`;

  // Insert at the parent's end tag.
  const order = documentOrder(first.root);
  const span = elementSpans(text)[order.indexOf(parent)];
  if (!span) throw new SignatureError('INVALID_INPUT', 'could not locate the signature parent in the text');
  let withSig: string;
  if (span.selfClosing) {
    const open = text.slice(span.start, span.openEnd - 2).replace(/\s+$/, '');
    const name = /^<([^\s/>]+)/.exec(open)?.[1] as string;
    withSig = `${text.slice(0, span.start)}${open}>${signature}</${name}>${text.slice(span.openEnd)}`;
  } else withSig = text.slice(0, span.close) + signature + text.slice(span.close);

  // Digests over the document with the signature in place (the enveloped transform takes it out).
  const doc1 = parseOrThrow(withSig);
  const sig1 = ourSignature(doc1.root, sigId);
  const ids1 = indexIds(doc1.root);
  let filled = withSig;
  refs.forEach((r, i) => {
    const apex: Node =
      r.uri === '' ? (doc1.doc as unknown as Node) : ((ids1.get(r.uri.slice(1)) as Element[])[0] as Element);
    const exclude = new Set<Node>(r.enveloped ? [sig1] : []);
    const digest = canonicalDigest({ apex, exclude }, method, nodeHash(signer.hash));
    filled = filled.replace(digestMark(i), Buffer.from(digest).toString('base64'));
  });

  // The canonical SignedInfo, in its final context.
  const doc2 = parseOrThrow(filled);
  const sig2 = ourSignature(doc2.root, sigId);
  const si = elementChildren(sig2)[0] as Element;
  const data = utf8.encode(canonicalize({ apex: si }, method));
  let value = await signer.sign({
    data,
    digest: digestOf(signer.hash, data),
    hash: signer.hash,
    scheme: signer.scheme,
  });
  if (signer.scheme === 'ECDSA') value = ecdsaRaw(value, ecFieldSize(signer.certificate));
  const out = filled.replace(signatureMark, Buffer.from(value).toString('base64'));
  const bytes = utf8.encode(out);
  return bom ? new Uint8Array(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), bytes])) : bytes;
}

function parseOrThrow(text: string): { doc: import('@xmldom/xmldom').Document; root: Element } {
  const r = parseXml(utf8.encode(text));
  if (!r.ok) throw new SignatureError('INVALID_INPUT', `signing produced unreadable XML: ${r.detail}`);
  return r;
}

function ourSignature(root: Element, id: string): Element {
  const s = findSignatures(root).find((e) => e.getAttribute('Id') === id);
  if (!s) throw new SignatureError('INVALID_INPUT', 'the inserted signature was not found');
  return s;
}

function documentOrder(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    out.push(el);
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === NODE.ELEMENT) stack.push(c as Element);
  }
  return out;
}

/** xs:dateTime in Vietnam time with its offset (the zone the producing systems run in). */
function xsDateTime(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${local}+07:00`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
