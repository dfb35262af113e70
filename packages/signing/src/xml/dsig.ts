/**
 * Reading one `ds:Signature`: its structure (exactly one SignedInfo, the element order of XMLDSig
 * §4.1), its references and transforms against the allow-list, and the digests of what they
 * point at (signatures.md §9 checks 26–28).
 *
 * @module
 */
import type { Attr, Element, Node } from '@xmldom/xmldom';
import type { Digest, SignatureAlgorithm } from '../cms/algorithms.ts';
import { bytesEqual } from '../cms/der.ts';
import type { SignedScopeEntry } from '../verify/report.ts';
import { RSA_PSS_URI, TRANSFORM, xmlDigest, xmlSignatureMethod } from './algorithms.ts';
import { C14N, type C14nMethod, c14nMethod, canonicalDigest, canonicalize } from './c14n.ts';
import {
  elementChildren,
  elementPath,
  hasCommentOrPi,
  isDs,
  isElement,
  type MatchedElement,
  NODE,
  NS,
  textOf,
} from './parse.ts';

const utf8 = new TextEncoder();

/** A structural failure of a signature: a stable code and a detail. */
export interface DsigFailure {
  code: string;
  detail: string;
  /** INDETERMINATE / SIGNED_DATA_NOT_FOUND rather than TOTAL_FAILED / FORMAT_FAILURE. */
  notFound?: boolean;
}

/** One reference after resolution and digesting. */
export interface ResolvedReference {
  /** The `ds:Reference` element. */
  element: Element;
  uri: string;
  type?: string;
  /** The element digested (the document element for `URI=""`). */
  target?: Element;
  /** Subtrees left out by the enveloped-signature transform. */
  excluded: ReadonlySet<Node>;
  digest?: Digest;
  digestMatches: boolean;
  transforms: string[];
  scope: SignedScopeEntry;
}

/** Ids of the document: value → elements carrying it as `Id`, `ID` or `id`. */
export type IdIndex = ReadonlyMap<string, readonly Element[]>;

/** Indexes the `Id` / `ID` / `id` attributes of every element (check 27). */
export function indexIds(root: Element): Map<string, Element[]> {
  const ids = new Map<string, Element[]>();
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    const attrs = el.attributes;
    const seen: string[] = [];
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i) as Attr;
      if (a.namespaceURI || (a.name !== 'Id' && a.name !== 'ID' && a.name !== 'id')) continue;
      // An element carrying the same value as Id and id counts once.
      if (seen.includes(a.value)) continue;
      seen.push(a.value);
      const list = ids.get(a.value);
      if (list) list.push(el);
      else ids.set(a.value, [el]);
    }
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === NODE.ELEMENT) stack.push(c as Element);
  }
  return ids;
}

/** Every `ds:Signature` element, in document order. */
export function findSignatures(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (isDs(el, 'Signature')) out.push(el);
    for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === NODE.ELEMENT) stack.push(c as Element);
  }
  return out;
}

/** Whether `node` lies inside (or is) `ancestor`. */
export function isWithin(node: Node, ancestor: Node): boolean {
  for (let c: Node | null = node; c; c = c.parentNode) if (c === ancestor) return true;
  return false;
}

/** The structure of one signature. */
export interface SignatureParts {
  signedInfo: Element;
  signatureValue: Element;
  keyInfo?: Element;
  objects: Element[];
  c14n: C14nMethod;
  method: SignatureAlgorithm;
  methodUri: string;
  references: Element[];
}

/** Reads the parts of a signature; a failure when the structure is not XMLDSig §4.1. */
export function signatureParts(sig: Element): SignatureParts | DsigFailure {
  const kids = elementChildren(sig);
  const [si, sv] = kids;
  if (!isDs(si, 'SignedInfo')) return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'the first child is not SignedInfo' };
  if (!isDs(sv, 'SignatureValue'))
    return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'SignatureValue does not follow SignedInfo' };
  let i = 2;
  let keyInfo: Element | undefined;
  if (isDs(kids[i], 'KeyInfo')) keyInfo = kids[i++];
  const objects: Element[] = [];
  for (; i < kids.length; i++) {
    const k = kids[i] as Element;
    if (!isDs(k, 'Object')) return { code: 'XML_SIGNATURE_STRUCTURE', detail: `unexpected element ${k.tagName}` };
    objects.push(k);
  }
  // Exactly one SignedInfo (CVE-2025-29774 / 29775): none may hide anywhere else in this signature.
  if (countSignedInfo(sig) !== 1)
    return { code: 'XML_SIGNED_INFO_COUNT', detail: 'more than one SignedInfo inside the signature' };
  if (hasCommentOrPi(si))
    return { code: 'XML_SIGNED_INFO_COMMENT', detail: 'comments or processing instructions inside SignedInfo' };
  const siKids = elementChildren(si);
  const [cm, sm] = siKids;
  if (!isDs(cm, 'CanonicalizationMethod') || !isDs(sm, 'SignatureMethod'))
    return {
      code: 'XML_SIGNATURE_STRUCTURE',
      detail: 'SignedInfo must start with CanonicalizationMethod, SignatureMethod',
    };
  const references = siKids.slice(2);
  if (references.length === 0 || !references.every((r) => isDs(r, 'Reference')))
    return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'SignedInfo must hold one or more Reference elements' };
  const c14n = c14nOf(cm);
  if (!c14n) return { code: 'XML_C14N_NOT_ALLOWED', detail: cm.getAttribute('Algorithm') ?? '' };
  const methodUri = sm.getAttribute('Algorithm') ?? '';
  const method = signatureMethodOf(sm, methodUri);
  if (!method) return { code: 'XML_SIGNATURE_METHOD_UNSUPPORTED', detail: methodUri };
  if (hasCommentOrPi(sv))
    return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'comments or processing instructions inside SignatureValue' };
  const parts: SignatureParts = { signedInfo: si, signatureValue: sv, objects, c14n, method, methodUri, references };
  if (keyInfo) parts.keyInfo = keyInfo;
  return parts;
}

function countSignedInfo(sig: Element): number {
  let n = 0;
  const stack: Element[] = [sig];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (isDs(el, 'SignedInfo')) n++;
    for (const c of elementChildren(el)) if (!isDs(c, 'Signature')) stack.push(c);
  }
  return n;
}

/** CanonicalizationMethod / Transform algorithm → method (with InclusiveNamespaces for exclusive c14n). */
function c14nOf(el: Element): C14nMethod | undefined {
  const uri = el.getAttribute('Algorithm') ?? '';
  const inc = elementChildren(el).find((c) => isElement(c, C14N.exc, 'InclusiveNamespaces'));
  const prefixes = inc
    ?.getAttribute('PrefixList')
    ?.split(/\s+/)
    .filter((p) => p !== '');
  const m = c14nMethod(uri, prefixes);
  if (!m) return undefined;
  if (m.kind !== 'exc' && inc) return undefined;
  // Any other child element would be a parameter we do not understand.
  if (elementChildren(el).some((c) => c !== inc)) return undefined;
  return m;
}

function signatureMethodOf(sm: Element, uri: string): SignatureAlgorithm | undefined {
  const kids = elementChildren(sm);
  if (uri === RSA_PSS_URI) {
    // RFC 6931 §2.3.10: pss:RSAPSSParams { ds:DigestMethod?, pss:MaskGenerationFunction?, pss:SaltLength?, pss:TrailerField? }
    const params = kids.find((k) => isElement(k, NS.dsigMore, 'RSAPSSParams'));
    if (kids.length > 1 || (kids.length === 1 && !params)) return undefined;
    let digest = xmlDigest('http://www.w3.org/2001/04/xmlenc#sha256') as Digest;
    let salt: number | undefined;
    for (const p of params ? elementChildren(params) : []) {
      if (isDs(p, 'DigestMethod')) {
        const d = xmlDigest(p.getAttribute('Algorithm') ?? '');
        if (!d) return undefined;
        digest = d;
      } else if (isElement(p, NS.dsigMore, 'SaltLength')) {
        const t = textOf(p).trim();
        if (!/^\d{1,4}$/.test(t)) return undefined;
        salt = Number(t);
      } else if (isElement(p, NS.dsigMore, 'TrailerField')) {
        if (textOf(p).trim() !== '1') return undefined;
      } else if (isElement(p, NS.dsigMore, 'MaskGenerationFunction')) {
        // Only MGF1 with the message digest (what node:crypto does).
        const a = p.getAttribute('Algorithm');
        const d = elementChildren(p).find((c) => isDs(c, 'DigestMethod'));
        if (a !== 'http://www.w3.org/2007/05/xmldsig-more#MGF1') return undefined;
        if (d && xmlDigest(d.getAttribute('Algorithm') ?? '')?.oid !== digest.oid) return undefined;
      } else return undefined;
    }
    return { name: `RSASSA-PSS (${digest.name})`, family: 'rsa-pss', digest, saltLength: salt ?? digest.size };
  }
  // HMACOutputLength and any other parameter: refused.
  if (kids.length > 0) return undefined;
  return xmlSignatureMethod(uri);
}

/** Decodes base64Binary (whitespace allowed, strict alphabet and padding). */
export function base64Strict(s: string): Uint8Array | undefined {
  const b = s.replace(/[\s]+/g, '');
  if (b.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b)) return undefined;
  return new Uint8Array(Buffer.from(b, 'base64'));
}

/** The canonical SignedInfo, as signed. */
export function canonicalSignedInfo(parts: SignatureParts): Uint8Array {
  return utf8.encode(canonicalize({ apex: parts.signedInfo }, parts.c14n));
}

/**
 * Resolves and digests one reference (checks 27–28). Only `URI=""` and `URI="#id"` are followed;
 * transforms must be at most one enveloped-signature followed by at most one canonicalization.
 */
export function resolveReference(
  ref: Element,
  sig: Element,
  root: Element,
  ids: IdIndex,
): ResolvedReference | DsigFailure {
  const uriAttr = ref.getAttributeNode('URI');
  if (!uriAttr) return { code: 'XML_REFERENCE_URI_UNSUPPORTED', detail: '(no URI)', notFound: true };
  const uri = uriAttr.value;
  const kids = elementChildren(ref);
  let k = 0;
  const transformEls: Element[] = [];
  if (isDs(kids[k], 'Transforms')) {
    const ts = elementChildren(kids[k] as Element);
    if (ts.length === 0 || !ts.every((t) => isDs(t, 'Transform')))
      return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'Transforms must hold Transform elements' };
    transformEls.push(...ts);
    k++;
  }
  const dm = kids[k];
  const dv = kids[k + 1];
  if (!isDs(dm, 'DigestMethod') || !isDs(dv, 'DigestValue') || kids.length !== k + 2)
    return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'Reference must be [Transforms] DigestMethod DigestValue' };
  const digestUri = dm.getAttribute('Algorithm') ?? '';
  const digest = xmlDigest(digestUri);
  if (!digest || elementChildren(dm).length > 0) return { code: 'XML_DIGEST_METHOD_UNSUPPORTED', detail: digestUri };
  const expected = base64Strict(textOf(dv));
  if (!expected || expected.length !== digest.size)
    return { code: 'XML_SIGNATURE_STRUCTURE', detail: 'DigestValue is not a base64 digest of the right size' };

  // Transform allow-list (check 28).
  let enveloped = false;
  let c14n: C14nMethod | undefined;
  const transforms: string[] = [];
  for (const t of transformEls) {
    const alg = t.getAttribute('Algorithm') ?? '';
    transforms.push(alg);
    if (c14n) return { code: 'XML_TRANSFORM_NOT_ALLOWED', detail: `${alg} after a canonicalization` };
    if (alg === TRANSFORM.enveloped) {
      if (enveloped || elementChildren(t).length > 0)
        return { code: 'XML_TRANSFORM_NOT_ALLOWED', detail: 'repeated enveloped-signature transform' };
      enveloped = true;
      continue;
    }
    const m = c14nOf(t);
    if (!m) return { code: 'XML_TRANSFORM_NOT_ALLOWED', detail: alg };
    c14n = m;
  }

  // Dereference (check 27): "" is the whole document without comments; "#id" one element by Id.
  let target: Element;
  let id: string | undefined;
  if (uri === '') target = root;
  else if (uri.startsWith('#') && !uri.startsWith('#xpointer(') && uri.length > 1) {
    id = uri.slice(1);
    const hits = ids.get(id) ?? [];
    if (hits.length === 0) return { code: 'XML_REFERENCE_NOT_FOUND', detail: uri, notFound: true };
    if (hits.length > 1) return { code: 'XML_DUPLICATE_ID', detail: id };
    target = hits[0] as Element;
  } else return { code: 'XML_REFERENCE_URI_UNSUPPORTED', detail: uri, notFound: true };

  const excluded = new Set<Node>();
  if (enveloped) excluded.add(sig);
  const apex: Node = uri === '' ? (root.ownerDocument as unknown as Node) : target;
  // A node-set becomes octets through Canonical XML 1.0 without comments when no c14n transform ends the chain.
  const method: C14nMethod = c14n ? { ...c14n, comments: false } : { kind: 'c14n10', comments: false };
  let matches = false;
  try {
    matches = bytesEqual(canonicalDigest({ apex, exclude: excluded }, method, digest.node), expected);
  } catch (e) {
    return { code: 'XML_TRANSFORM_NOT_ALLOWED', detail: e instanceof Error ? e.message : String(e) };
  }
  const scope: SignedScopeEntry = {
    kind: scopeKind(uri, target, sig),
    uri,
    path: elementPath(target),
    transforms,
    digestAlgorithm: digest.name,
    digestMatches: matches,
  };
  if (id !== undefined) scope.id = id;
  const out: ResolvedReference = {
    element: ref,
    uri,
    target,
    excluded,
    digest,
    digestMatches: matches,
    transforms,
    scope,
  };
  const type = ref.getAttribute('Type');
  if (type) out.type = type;
  return out;
}

function scopeKind(uri: string, target: Element, sig: Element): SignedScopeEntry['kind'] {
  if (uri === '') return 'document';
  if (!isWithin(target, sig)) return 'element';
  if (isXades(target, 'SignedProperties')) return 'signed-properties';
  if (isDs(target, 'KeyInfo')) return 'key-info';
  if (isDs(target, 'Manifest')) return 'manifest';
  if (isDs(target, 'SignatureProperties')) return 'signature-properties';
  if (isDs(target, 'Object') && elementChildren(target).some((c) => isDs(c, 'SignatureProperties')))
    return 'signature-properties';
  if (isDs(target, 'Object')) return 'object';
  return 'element';
}

const XADES = new Set<string>([NS.xades132, NS.xades141, NS.xades122]);

/** Whether `n` is a XAdES element (1.2.2, 1.3.2 or 1.4.1) with this local name. */
export function isXades(n: Node | null | undefined, local: string): n is MatchedElement {
  return (
    !!n &&
    n.nodeType === NODE.ELEMENT &&
    (n as Element).localName === local &&
    XADES.has((n as Element).namespaceURI ?? '')
  );
}
