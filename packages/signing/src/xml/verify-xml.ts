/**
 * `verifyXml`: XMLDSig / XAdES verification with ETSI indications (signatures.md §9 checks 25–30),
 * sharing certificate path, time, revocation and report rules with {@link verifyPdf}.
 *
 * Order of the defences: the byte pre-scan refuses DTDs and entities before parsing; Ids must be
 * unique document-wide; each signature must have XMLDSig's structure with exactly one SignedInfo;
 * references are followed only by `""` and `#id`, through an allow-list of transforms; the signing
 * key comes from a KeyInfo certificate and counts only once its chain validates; and the document
 * is `valid` only when every element the caller will read is exactly a node a passing signature
 * digested (by default the document element).
 *
 * @module
 */
import type { Element, Node } from '@xmldom/xmldom';
import { type Digest, hash, type PublicKey, verifySignature } from '../cms/algorithms.ts';
import { bytesEqual } from '../cms/der.ts';
import { collectSources } from '../revocation/check.ts';
import { verifyTimestampToken } from '../tsp/timestamp.ts';
import { type Finding, failed, indeterminate, warning } from '../verify/findings.ts';
import { render, value } from '../verify/messages.ts';
import type { VerifyOptions } from '../verify/options.ts';
import type {
  ReportProblem,
  SignatureReport,
  SignedElementCheck,
  SignedScopeEntry,
  VerificationReport,
} from '../verify/report.ts';
import {
  applySignatureTimestamps,
  baseSignatureReport,
  type CertificateCheckContext,
  certificateChecks,
  cryptoPolicyFindings,
  newSignerState,
  type PreparedOptions,
  prepareOptions,
  type SignerState,
  withDisplay,
} from '../verify/signer-checks.ts';
import { type Certificate, parseCertificate, publicKeyOf } from '../x509/certificate.ts';
import { xmlDigest } from './algorithms.ts';
import { type C14nMethod, c14nMethod, canonicalize } from './c14n.ts';
import {
  base64Strict,
  canonicalSignedInfo,
  type DsigFailure,
  findSignatures,
  type IdIndex,
  indexIds,
  isWithin,
  isXades,
  type ResolvedReference,
  resolveReference,
  type SignatureParts,
  signatureParts,
} from './dsig.ts';
import { elementChildren, elementPath, isDs, NODE, parseXml, textOf } from './parse.ts';
import type { XmlLimits } from './prescan.ts';
import { selectElements as select } from './select.ts';

const utf8 = new TextEncoder();

/**
 * Options of {@link verifyXml}: those of {@link verifyPdf} plus what the caller will read.
 *
 * @example
 * ```ts
 * import type { XmlVerifyOptions } from '@motcua/signing/xml';
 * declare const rootPem: string;
 * // A tax-authority notice: the application reads DLTBao and STBao.
 * const options: XmlVerifyOptions = { trustAnchors: [rootPem], expectedSignedElements: ['/TBao/DLTBao', '/TBao/STBao'] };
 * ```
 * @category XML
 */
export interface XmlVerifyOptions extends VerifyOptions {
  /**
   * The elements the application will read, as absolute paths of local names (`/TBao/DLTBao`,
   * `/edXML`). Each must match exactly one element, and that element must lie inside what a passing
   * signature digested. Default: the document element (`/`); for an enveloping signature (the
   * document element is a `ds:Signature`), its data `ds:Object`s.
   */
  expectedSignedElements?: readonly string[];
  /**
   * Where signatures may sit (check 26), as paths of their parent element, e.g.
   * `['/TBao/DSCKS/TTCQT', '/TBao/DSCKS/CQT']`. A signature elsewhere fails the document.
   */
  signatureParents?: readonly string[];
  /** Limits of the XML reader. */
  xmlLimits?: XmlLimits;
}

interface Ctx extends CertificateCheckContext {
  opts: PreparedOptions;
  root: Element;
  ids: IdIndex;
  duplicateIds: string[];
}

interface Verified {
  sig: Element;
  report: SignatureReport;
  references: ResolvedReference[];
}

/**
 * Verifies every XMLDSig signature of an XML document (edXML, tax-authority and e-invoice XML,
 * XAdES). Never throws on a bad document; throws `SignatureError` only for unreadable anchors,
 * intermediates or CRLs in the options.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { verifyXml } from '@motcua/signing/xml';
 * const report = await verifyXml(await readFile('thong-bao.xml'), {
 *   trustAnchors: [await readFile('rootcag2.pem', 'utf8')],
 *   expectedSignedElements: ['/TBao/DLTBao'],
 * });
 * console.log(report.valid, report.signedElements, report.signatures.map((s) => s.scope));
 * ```
 * @category XML
 */
export async function verifyXml(bytes: Uint8Array, options: XmlVerifyOptions): Promise<VerificationReport> {
  const opts = prepareOptions(options);
  const { lang } = opts;
  const parsed = parseXml(bytes, options.xmlLimits);
  if (!parsed.ok) {
    return documentFailure(opts, [
      {
        code: parsed.code,
        severity: 'error',
        message: `${render(parsed.code, lang)} (${parsed.detail}${parsed.offset === undefined ? '' : ` @${parsed.offset}`})`,
      },
    ]);
  }
  const { root } = parsed;
  const ids = indexIds(root);
  const duplicateIds = [...ids].filter(([, els]) => els.length > 1).map(([id]) => id);
  const all = findSignatures(root);
  const topLevel = all.filter((s) => !all.some((o) => o !== s && isWithin(s, o)));

  // Certificates of every signature go into one pool (a chain may be split across them).
  for (const s of topLevel) for (const der of keyInfoCertificates(s).ders) opts.pool.addDer([der]);
  const ctx: Ctx = {
    opts,
    root,
    ids,
    duplicateIds,
    validationTime: opts.validationTime,
    policy: opts.policy,
    anchors: opts.anchors,
    pool: opts.pool,
    sources: collectSources([{ crls: opts.crls, ocsps: opts.ocsps, origin: 'caller' }]),
    fetcher: opts.fetcher,
  };

  const verified: Verified[] = [];
  for (let i = 0; i < topLevel.length; i++) verified.push(await verifySignatureElement(ctx, topLevel[i] as Element, i));

  const problems: ReportProblem[] = [];
  const problem = (code: string, params?: Record<string, string>): void => {
    problems.push({ code, severity: 'error', message: render(code, lang, params) });
  };
  if (topLevel.length === 0) problem('NO_SIGNATURES');
  if (all.length > topLevel.length)
    problems.push({
      code: 'XML_NESTED_SIGNATURE_IGNORED',
      severity: 'warning',
      message: render('XML_NESTED_SIGNATURE_IGNORED', lang, { count: String(all.length - topLevel.length) }),
    });
  for (const id of duplicateIds) problem('XML_DUPLICATE_ID', { id });
  if (options.signatureParents) {
    const allowed = new Set(options.signatureParents);
    for (const v of verified) {
      const parent = v.sig.parentNode;
      const at = parent && parent.nodeType === NODE.ELEMENT ? plainPath(parent as Element) : '/';
      if (!allowed.has(at)) problem('XML_SIGNATURE_MISPLACED', { path: at });
    }
  }

  // What the caller reads must be what was signed (check 29).
  const selectors = options.expectedSignedElements ?? defaultSelectors(root);
  const signedElements = selectors.map((sel) => checkElement(sel, root, verified));
  for (const c of signedElements) {
    if (c.status === 'missing') problem('XML_ELEMENT_MISSING', { selector: c.selector });
    else if (c.status === 'ambiguous') problem('XML_ELEMENT_AMBIGUOUS', { selector: c.selector });
    // Covered only by signatures that did not pass: their own indications say why.
    else if (c.status === 'not-signed' && !verified.some((v) => coveredBy(c.selector, root, v)))
      problem('XML_ELEMENT_NOT_SIGNED', { selector: c.selector });
  }
  for (const v of verified) {
    const covers = selectors.every((sel) => coveredBy(sel, root, v));
    v.report.coverage = covers ? 'whole-document' : 'partial';
    withDisplay(v.report, stateOf(v.report), lang);
  }

  const signatures = verified.map((v) => v.report);
  const valid =
    signatures.length > 0 &&
    signatures.every((s) => s.indication === 'TOTAL_PASSED') &&
    signedElements.every((c) => c.status === 'signed') &&
    !problems.some((p) => p.severity === 'error');
  return {
    valid,
    format: 'xml',
    lang,
    validationTime: opts.validationTime.toISOString(),
    summary: value(valid ? 'documentValid' : 'documentInvalid', lang),
    modifiedAfterLastSignature: false,
    signatures,
    problems,
    signedElements,
  };
}

function documentFailure(opts: PreparedOptions, problems: ReportProblem[]): VerificationReport {
  return {
    valid: false,
    format: 'xml',
    lang: opts.lang,
    validationTime: opts.validationTime.toISOString(),
    summary: value('documentInvalid', opts.lang),
    modifiedAfterLastSignature: false,
    signatures: [],
    problems,
    signedElements: [],
  };
}

// The display rows are rebuilt once the coverage is known; the state behind a report is kept here.
const states = new WeakMap<SignatureReport, SignerState>();
function stateOf(r: SignatureReport): SignerState {
  return states.get(r) as SignerState;
}

function structural(f: DsigFailure): Finding {
  const params = { detail: f.detail };
  return f.notFound ? indeterminate(f.code, 'SIGNED_DATA_NOT_FOUND', params) : failed(f.code, 'FORMAT_FAILURE', params);
}

async function verifySignatureElement(ctx: Ctx, sig: Element, index: number): Promise<Verified> {
  const state = newSignerState();
  const f = state.findings;
  const references: ResolvedReference[] = [];
  const scope: SignedScopeEntry[] = [];
  const finish = (): Verified => {
    const report = baseSignatureReport(state, { index, type: 'signature', coverage: 'partial' }, ctx.opts.lang);
    report.scope = scope;
    report.elementPath = elementPath(sig);
    states.set(report, state);
    return { sig, report, references };
  };
  for (const id of ctx.duplicateIds) f.push(failed('XML_DUPLICATE_ID', 'FORMAT_FAILURE', { id }));

  const parts = signatureParts(sig);
  if ('code' in parts) {
    f.push(structural(parts));
    return finish();
  }
  state.algorithms.signature = parts.method.name;
  if (parts.method.digest) state.algorithms.digest = parts.method.digest.name;

  // References (checks 27–28)
  let allMatch = true;
  const digests: (Digest | undefined)[] = [parts.method.digest];
  for (const refEl of parts.references) {
    const r = resolveReference(refEl, sig, ctx.root, ctx.ids);
    if ('code' in r) {
      allMatch = false;
      if (r.code !== 'XML_DUPLICATE_ID' || ctx.duplicateIds.length === 0) f.push(structural(r));
      scope.push({ kind: 'element', uri: refEl.getAttribute('URI') ?? '', digestMatches: false });
      continue;
    }
    references.push(r);
    scope.push(r.scope);
    if (r.target && isWithin(r.target, sig) && !inSignatureSlot(r.target, sig))
      f.push(indeterminate('XML_REFERENCE_TARGET_MISPLACED', 'SIGNED_DATA_NOT_FOUND', { uri: r.uri }));
    digests.push(r.digest);
    if (!r.digestMatches) {
      allMatch = false;
      f.push(failed('XML_DIGEST_MISMATCH', 'HASH_FAILURE', { uri: r.uri }));
    }
  }
  state.integrity.digestMatches = allMatch;

  // XAdES qualifying properties: the signed SignedProperties must be this signature's own.
  const xades = xadesProperties(parts, references);
  if (xades.problem) f.push(indeterminate(xades.problem, 'SIGNED_DATA_NOT_FOUND'));

  // Signature value with the KeyInfo certificate (check 30: identified here, trusted only after the path checks).
  const signedInfo = canonicalSignedInfo(parts);
  const sigValue = base64Strict(textOf(parts.signatureValue));
  const { certs, malformed } = keyInfoCertificates(sig);
  if (malformed) f.push(failed('XML_CERTIFICATE_MALFORMED', 'FORMAT_FAILURE'));
  let candidates = certs;
  if (xades.certDigests.length > 0) {
    candidates = certs.filter((c) => xades.certDigests.some((d) => bytesEqual(hash(d.digest, c.der), d.value)));
    if (candidates.length === 0 && certs.length > 0)
      f.push(indeterminate('XADES_SIGNING_CERTIFICATE_MISMATCH', 'NO_SIGNING_CERTIFICATE_FOUND'));
  }
  let signer: Certificate | undefined;
  let key: PublicKey | undefined;
  if (!sigValue)
    f.push(failed('XML_SIGNATURE_STRUCTURE', 'FORMAT_FAILURE', { detail: 'SignatureValue is not base64' }));
  else if (candidates.length === 0) {
    if (certs.length === 0) f.push(indeterminate('SIGNER_CERTIFICATE_NOT_FOUND', 'NO_SIGNING_CERTIFICATE_FOUND'));
  } else {
    for (const c of candidates) {
      let k: PublicKey;
      try {
        k = publicKeyOf(c);
      } catch {
        continue;
      }
      const ok = verifySignature(k, parts.method, signedInfo, sigValue);
      if (ok || !signer) {
        signer = c;
        key = k;
        state.integrity.signatureValid = ok;
      }
      if (ok) break;
    }
    if (!signer) f.push(failed('SIGNER_KEY_UNSUPPORTED', 'FORMAT_FAILURE'));
    else if (!state.integrity.signatureValid) f.push(failed('SIGNATURE_INVALID', 'SIG_CRYPTO_FAILURE'));
  }
  if (key) {
    state.algorithms.keyBits = key.bits;
    state.algorithms.keyType = key.type;
  }
  if (signer) state.signer = signer;

  // Time: a signed SigningTime is a claim; an intact trusted XAdES signature timestamp is proof.
  const signingTime = xades.signingTime ?? signaturePropertiesTime(parts, references, f);
  if (signingTime === null) f.push(failed('XML_SIGNING_TIME_MALFORMED', 'FORMAT_FAILURE'));
  else if (signingTime) state.claimed = signingTime;
  const tsResults = xades.timestamps.map((t) => {
    let data: Uint8Array;
    try {
      data = utf8.encode(canonicalize({ apex: parts.signatureValue }, t.c14n));
    } catch {
      data = new Uint8Array(0);
    }
    return verifyTimestampToken(t.token, [data], {
      pool: ctx.pool,
      anchors: ctx.anchors,
      derOrder: ctx.policy.signedAttributesOrder,
    });
  });
  const proven = applySignatureTimestamps(state, tsResults);
  if (proven) state.proven = proven;
  else {
    state.timeSource = state.claimed ? 'claimed' : 'validation-time';
    f.push(warning('SIGNING_TIME_UNPROVEN'));
  }

  f.push(
    ...cryptoPolicyFindings(
      ctx.policy,
      { time: state.proven ?? ctx.validationTime, proven: state.proven !== undefined },
      digests,
      key,
    ),
  );
  if (signer && state.integrity.signatureValid) await certificateChecks(ctx, signer, state, state.claimed);
  else if (signer) state.chain = [signer];
  return finish();
}

/**
 * Where a reference may point inside its own signature: KeyInfo, a ds:Object child, an element
 * directly inside such an Object (Manifest, SignatureProperties, QualifyingProperties), or XAdES
 * SignedProperties. Anything deeper is how the DSS enveloping fake-object / fake-manifest samples
 * hide the signed data from the application.
 */
function inSignatureSlot(target: Element, sig: Element): boolean {
  const parent = target.parentNode as Element | null;
  const grand = parent?.parentNode as Element | null | undefined;
  if (parent === sig) return isDs(target, 'KeyInfo') || isDs(target, 'Object');
  if (isDs(parent, 'Object') && grand === sig) return true;
  return (
    isXades(target, 'SignedProperties') &&
    isXades(parent, 'QualifyingProperties') &&
    isDs(grand, 'Object') &&
    grand?.parentNode === sig
  );
}

/** Certificates of `ds:KeyInfo/ds:X509Data/ds:X509Certificate` (and XAdES CertificateValues). */
function keyInfoCertificates(sig: Element): { ders: Uint8Array[]; certs: Certificate[]; malformed: boolean } {
  const ders: Uint8Array[] = [];
  const certs: Certificate[] = [];
  let malformed = false;
  const keyInfo = elementChildren(sig).find((k) => isDs(k, 'KeyInfo'));
  const blobs: Element[] = [];
  for (const x of keyInfo ? elementChildren(keyInfo) : [])
    if (isDs(x, 'X509Data')) for (const c of elementChildren(x)) if (isDs(c, 'X509Certificate')) blobs.push(c);
  const own = blobs.length;
  for (const obj of elementChildren(sig).filter((k) => isDs(k, 'Object')))
    for (const el of descendants(obj))
      if (isXades(el, 'EncapsulatedX509Certificate') && isXades(el.parentNode, 'CertificateValues')) blobs.push(el);
  blobs.forEach((b, i) => {
    const der = base64Strict(textOf(b));
    if (!der) {
      if (i < own) malformed = true;
      return;
    }
    try {
      const c = parseCertificate(der);
      ders.push(der);
      if (i < own) certs.push(c);
    } catch {
      if (i < own) malformed = true;
    }
  });
  return { ders, certs, malformed };
}

function* descendants(el: Element): Generator<Element> {
  const stack = [el];
  while (stack.length > 0) {
    const e = stack.pop() as Element;
    yield e;
    for (const c of elementChildren(e)) stack.push(c);
  }
}

interface XadesInfo {
  problem?: string;
  signingTime?: Date | null;
  certDigests: { digest: Digest; value: Uint8Array }[];
  timestamps: { token: Uint8Array; c14n: C14nMethod }[];
}

/**
 * XAdES (ETSI EN 319 132-1): the `SignedProperties` a reference covers must be the one inside this
 * signature's `QualifyingProperties` (the DSS fake-signedProperties XSW puts a different one there).
 */
function xadesProperties(parts: SignatureParts, refs: readonly ResolvedReference[]): XadesInfo {
  const out: XadesInfo = { certDigests: [], timestamps: [] };
  const qps = parts.objects.flatMap((o) => elementChildren(o).filter((c) => isXades(c, 'QualifyingProperties')));
  const typed = refs.filter((r) => r.type?.endsWith('#SignedProperties'));
  if (qps.length === 0) {
    if (typed.length > 0) out.problem = 'XADES_SIGNED_PROPERTIES_NOT_FOUND';
    return out;
  }
  if (qps.length > 1) {
    out.problem = 'XADES_SIGNED_PROPERTIES_NOT_FOUND';
    return out;
  }
  const qp = qps[0] as Element;
  const sp = elementChildren(qp).filter((c) => isXades(c, 'SignedProperties'));
  const signed = sp.length === 1 ? (sp[0] as Element) : undefined;
  const covering = refs.find((r) => r.target === signed && r.digestMatches);
  if (!signed || !covering || typed.some((r) => r.target !== signed)) {
    out.problem = 'XADES_SIGNED_PROPERTIES_NOT_FOUND';
  } else {
    const ssp = elementChildren(signed).find((c) => isXades(c, 'SignedSignatureProperties'));
    for (const p of ssp ? elementChildren(ssp) : []) {
      if (isXades(p, 'SigningTime')) out.signingTime = parseXsDateTime(textOf(p)) ?? null;
      if (isXades(p, 'SigningCertificate') || isXades(p, 'SigningCertificateV2'))
        for (const cert of elementChildren(p)) {
          const cd = elementChildren(cert).find((c) => isXades(c, 'CertDigest'));
          const dm = cd && elementChildren(cd).find((c) => isDs(c, 'DigestMethod'));
          const dv = cd && elementChildren(cd).find((c) => isDs(c, 'DigestValue'));
          const d = dm ? xmlDigest(dm.getAttribute('Algorithm') ?? '') : undefined;
          const v = dv ? base64Strict(textOf(dv)) : undefined;
          if (d && v) out.certDigests.push({ digest: d, value: v });
        }
    }
  }
  // Unsigned: signature timestamps over the canonical SignatureValue element.
  const up = elementChildren(qp).find((c) => isXades(c, 'UnsignedProperties'));
  const usp = up && elementChildren(up).find((c) => isXades(c, 'UnsignedSignatureProperties'));
  for (const ts of usp ? elementChildren(usp).filter((c) => isXades(c, 'SignatureTimeStamp')) : []) {
    const cm = elementChildren(ts).find((c) => isDs(c, 'CanonicalizationMethod'));
    const c14n = c14nMethod(cm?.getAttribute('Algorithm') ?? 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315');
    const enc = elementChildren(ts).find((c) => isXades(c, 'EncapsulatedTimeStamp'));
    const token = enc ? base64Strict(textOf(enc)) : undefined;
    if (c14n && token) out.timestamps.push({ token, c14n });
  }
  return out;
}

/**
 * The signing time of the tax-authority pattern (signatures.md §4.3): a `ds:Object` holding
 * `SignatureProperties/SignatureProperty/SigningTime`, counted only when a reference covers it.
 * Returns `null` for a malformed time.
 */
function signaturePropertiesTime(
  parts: SignatureParts,
  refs: readonly ResolvedReference[],
  f: Finding[],
): Date | null | undefined {
  for (const obj of parts.objects) {
    for (const sps of elementChildren(obj).filter((c) => isDs(c, 'SignatureProperties'))) {
      for (const sp of elementChildren(sps).filter((c) => isDs(c, 'SignatureProperty'))) {
        const st = [...descendants(sp)].find((e) => e.localName === 'SigningTime');
        if (!st) continue;
        const covered = refs.some((r) => r.digestMatches && r.target && isWithin(st, r.target) && !isExcluded(st, r));
        if (!covered) {
          f.push(warning('XML_SIGNING_TIME_NOT_SIGNED'));
          continue;
        }
        return parseXsDateTime(textOf(st)) ?? null;
      }
    }
  }
  return undefined;
}

function isExcluded(n: Node, r: ResolvedReference): boolean {
  for (const x of r.excluded) if (isWithin(n, x)) return true;
  return false;
}

/**
 * xs:dateTime. Vietnamese systems often omit the zone; such times are read as Vietnam time (UTC+7),
 * the zone the producing systems run in.
 */
export function parseXsDateTime(s: string): Date | undefined {
  const m = /^(-?\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(s.trim());
  if (!m) return undefined;
  const zone = m[8] ?? '+07:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${zone}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Paths of local names, without positions (the form selectors and signatureParents use). */
function plainPath(el: Element): string {
  const parts: string[] = [];
  for (let c: Node | null = el; c && c.nodeType === NODE.ELEMENT; c = c.parentNode)
    parts.unshift((c as Element).localName ?? '');
  return `/${parts.join('/')}`;
}

/** Default: the document element; for an enveloping signature, its data objects. */
function defaultSelectors(root: Element): string[] {
  if (!isDs(root, 'Signature')) return ['/'];
  const out: string[] = [];
  for (const o of elementChildren(root).filter((k) => isDs(k, 'Object')))
    if (!elementChildren(o).some((c) => isXades(c, 'QualifyingProperties'))) out.push(elementPath(o));
  return out.length > 0 ? out : ['/'];
}

function covers(v: Verified, el: Element): boolean {
  return v.references.some((r) => r.digestMatches && r.target && isWithin(el, r.target) && !isExcluded(el, r));
}

function coveredBy(selector: string, root: Element, v: Verified): boolean {
  const hits = select(selector, root);
  return hits.length === 1 && covers(v, hits[0] as Element);
}

function checkElement(selector: string, root: Element, verified: readonly Verified[]): SignedElementCheck {
  const hits = select(selector, root);
  if (hits.length === 0) return { selector, status: 'missing', signatures: [] };
  if (hits.length > 1) return { selector, status: 'ambiguous', signatures: [] };
  const el = hits[0] as Element;
  const signatures = verified
    .filter((v) => v.report.indication === 'TOTAL_PASSED' && covers(v, el))
    .map((v) => v.report.index);
  return { selector, status: signatures.length > 0 ? 'signed' : 'not-signed', path: elementPath(el), signatures };
}
