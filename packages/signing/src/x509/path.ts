/**
 * Certification path building and RFC 5280 path validation (signatures.md §9 checks 19–20).
 *
 * Written here rather than delegated: the rules Vietnamese certificates need (no document-signing
 * EKU on signers; digitalSignature or nonRepudiation) and the strictness wanted (unknown critical
 * extensions fail; CA certificates must assert cA and keyCertSign) are easier to audit in one place.
 *
 * @module
 */
import { children, isContext, parseDer, seq, type Tlv } from '../cms/der.ts';
import { type Finding, indeterminate, warning } from '../verify/findings.ts';
import { type Certificate, EXT, isSelfIssued, isSignedBy, KEY_USAGE } from './certificate.ts';
import { decodeName, formatName, type Name, namesEqual } from './name.ts';
import type { CertPool } from './pool.ts';

/** What the end-entity certificate is used for. */
export type CertPurpose = 'signer' | 'tsa' | 'ocsp' | 'crl';

/** Trust anchors: matched by subject name and public key (RFC 5280 §6.1.1 (d)). */
export class TrustAnchors {
  readonly #list: Certificate[] = [];
  readonly #keys = new Set<string>();

  constructor(anchors: readonly Certificate[] = []) {
    for (const a of anchors) this.add(a);
  }

  /** Adds an anchor. */
  add(cert: Certificate): void {
    const k = anchorKey(cert);
    if (this.#keys.has(k)) return;
    this.#keys.add(k);
    this.#list.push(cert);
  }

  /** Whether `cert` is (equivalent to) a configured anchor. */
  isAnchor(cert: Certificate): boolean {
    return this.#keys.has(anchorKey(cert));
  }

  /** All anchors. */
  all(): readonly Certificate[] {
    return this.#list;
  }

  /** Number of anchors. */
  get size(): number {
    return this.#list.length;
  }
}

function anchorKey(cert: Certificate): string {
  return `${Buffer.from(cert.subject.der).toString('hex')}|${Buffer.from(cert.spki).toString('hex')}`;
}

/** A certificate whose validity period does not contain the validation time. */
export interface OutOfValidity {
  /** Position in the chain (0 = end entity). */
  index: number;
  /** Which side of the period. */
  reason: 'expired' | 'not-yet-valid';
  /** The certificate. */
  cert: Certificate;
}

/** Result of {@link validatePath}. */
export interface PathResult {
  /** `valid`: a path to an anchor satisfying every rule (validity reported separately); `no-chain`: no anchor reached; `invalid`: a rule failed. */
  status: 'valid' | 'no-chain' | 'invalid';
  /** The chain from the end entity to the anchor (or as far as it could be built). */
  chain: Certificate[];
  /** Findings (structural rule failures; validity is in `outOfValidity`). */
  findings: Finding[];
  /** Certificates not valid at the validation time. */
  outOfValidity: OutOfValidity[];
}

/** Extensions this validator understands; an unknown critical extension fails the path. */
const UNDERSTOOD = new Set<string>([
  EXT.subjectKeyIdentifier,
  EXT.keyUsage,
  EXT.subjectAltName,
  EXT.basicConstraints,
  EXT.nameConstraints,
  EXT.crlDistributionPoints,
  EXT.certificatePolicies,
  EXT.authorityKeyIdentifier,
  EXT.extKeyUsage,
  EXT.authorityInfoAccess,
  EXT.ocspNoCheck,
  EXT.qcStatements,
  '2.5.29.18', // issuerAltName
  '2.5.29.9', // subjectDirectoryAttributes
  '2.5.29.16', // privateKeyUsagePeriod
  '2.5.29.46', // freshestCRL
  '1.3.6.1.5.5.7.1.11', // subjectInfoAccess
]);

const EKU = {
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  any: '2.5.29.37.0',
} as const;

const MAX_PATH = 12;

/**
 * Builds a path from `leaf` to one of `anchors` through `pool`, then validates it at `time`.
 *
 * @example
 * ```ts
 * const r = validatePath(signerCert, { pool, anchors, time: new Date(), purpose: 'signer' });
 * if (r.status === 'valid' && r.outOfValidity.length === 0) console.log('trusted');
 * ```
 */
export function validatePath(
  leaf: Certificate,
  opts: { pool: CertPool; anchors: TrustAnchors; time: Date; purpose: CertPurpose },
): PathResult {
  const built = buildPath(leaf, opts.pool, opts.anchors);
  if (!built.complete) {
    const last = built.chain[built.chain.length - 1] as Certificate;
    return {
      status: 'no-chain',
      chain: built.chain,
      findings: [
        indeterminate('NO_CERTIFICATE_CHAIN', 'NO_CERTIFICATE_CHAIN_FOUND', { issuer: formatName(last.issuer) }),
      ],
      outOfValidity: validityOf(built.chain, opts.time),
    };
  }
  const findings = checkPath(built.chain, opts.purpose);
  return {
    status: findings.some((f) => f.indication) ? 'invalid' : 'valid',
    chain: built.chain,
    findings,
    outOfValidity: validityOf(built.chain, opts.time),
  };
}

function validityOf(chain: readonly Certificate[], t: Date): OutOfValidity[] {
  const out: OutOfValidity[] = [];
  chain.forEach((cert, index) => {
    if (t.getTime() > cert.notAfter.getTime()) out.push({ index, reason: 'expired', cert });
    else if (t.getTime() < cert.notBefore.getTime()) out.push({ index, reason: 'not-yet-valid', cert });
  });
  return out;
}

/** Depth-first path building; prefers anchors, then issuers whose key identifiers agree. */
export function buildPath(
  leaf: Certificate,
  pool: CertPool,
  anchors: TrustAnchors,
): { chain: Certificate[]; complete: boolean } {
  let best: Certificate[] = [leaf];
  let budget = 2000; // issuer-signature checks; bounds cross-certificate meshes
  const issuersOf = (c: Certificate): Certificate[] => {
    const seen = new Set<string>();
    const out: Certificate[] = [];
    for (const cand of [...anchors.all().filter((a) => namesEqual(a.subject, c.issuer)), ...pool.bySubject(c.issuer)]) {
      if (seen.has(cand.sha256)) continue;
      seen.add(cand.sha256);
      if (c.aki && cand.ski && c.aki !== cand.ski) continue;
      out.push(cand);
    }
    return out;
  };
  const dfs = (chain: Certificate[]): Certificate[] | undefined => {
    const cur = chain[chain.length - 1] as Certificate;
    if (anchors.isAnchor(cur)) return chain;
    if (chain.length > best.length) best = chain;
    if (chain.length >= MAX_PATH) return undefined;
    for (const cand of issuersOf(cur)) {
      if (chain.some((c) => c.sha256 === cand.sha256 || (c !== cur && anchorEq(c, cand)))) continue;
      if (budget-- <= 0) return undefined;
      if (!isSignedBy(cur, cand)) continue;
      const found = dfs([...chain, cand]);
      if (found) return found;
    }
    return undefined;
  };
  const found = dfs([leaf]);
  return found ? { chain: found, complete: true } : { chain: best, complete: false };
}

function anchorEq(a: Certificate, b: Certificate): boolean {
  return Buffer.compare(a.subject.der, b.subject.der) === 0 && Buffer.compare(a.spki, b.spki) === 0;
}

/** RFC 5280 §6.1 checks that do not depend on time. `chain[last]` is the anchor. */
function checkPath(chain: readonly Certificate[], purpose: CertPurpose): Finding[] {
  const f: Finding[] = [];
  const n = chain.length - 1; // index of the anchor
  const anchor = chain[n] as Certificate;
  // Anchor constraints: honour pathLen if the anchor states one (RFC 5937 style), but do not require cA
  // when the anchor is the end entity itself.
  let maxPath = anchor.basicConstraints?.pathLen ?? Number.POSITIVE_INFINITY;
  const permitted: Name[][] = [];
  const excluded: Name[] = [];
  collectNameConstraints(anchor, permitted, excluded, f);
  for (let i = n - 1; i >= 0; i--) {
    const cert = chain[i] as Certificate;
    const isLeaf = i === 0;
    for (const e of cert.extensions)
      if (e.critical && !UNDERSTOOD.has(e.oid))
        f.push(
          indeterminate('CERT_UNKNOWN_CRITICAL_EXTENSION', 'CHAIN_CONSTRAINTS_FAILURE', {
            oid: e.oid,
            subject: formatName(cert.subject),
          }),
        );
    if (!(isSelfIssued(cert) && !isLeaf)) {
      for (const p of permitted)
        if (!p.some((base) => dnWithin(cert.subject, base)) && cert.subject.rdns.length > 0)
          f.push(
            indeterminate('CERT_NAME_CONSTRAINTS', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }),
          );
      if (excluded.some((base) => dnWithin(cert.subject, base)))
        f.push(
          indeterminate('CERT_NAME_CONSTRAINTS', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }),
        );
    }
    if (!isLeaf) {
      if (!cert.basicConstraints?.ca)
        f.push(indeterminate('CA_NOT_CA', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }));
      if (cert.keyUsage && !cert.keyUsage.has(KEY_USAGE.keyCertSign))
        f.push(indeterminate('CA_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }));
      if (!isSelfIssued(cert)) {
        if (maxPath <= 0)
          f.push(
            indeterminate('PATH_LENGTH_EXCEEDED', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }),
          );
        maxPath--;
      }
      if (cert.basicConstraints?.pathLen !== undefined) maxPath = Math.min(maxPath, cert.basicConstraints.pathLen);
      collectNameConstraints(cert, permitted, excluded, f);
    } else {
      checkLeaf(cert, purpose, f);
    }
  }
  return f;
}

function checkLeaf(cert: Certificate, purpose: CertPurpose, f: Finding[]): void {
  const ku = cert.keyUsage;
  const subject = formatName(cert.subject);
  if (purpose === 'crl') {
    if (ku && !ku.has(KEY_USAGE.cRLSign))
      f.push(indeterminate('CRL_ISSUER_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { subject }));
    return;
  }
  // Vietnamese signer certificates carry clientAuth / emailProtection EKUs: no document-signing EKU is required.
  if (ku && !ku.has(KEY_USAGE.digitalSignature) && !ku.has(KEY_USAGE.nonRepudiation))
    f.push(indeterminate('SIGNER_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { subject }));
  if (purpose === 'tsa' && !cert.extKeyUsage?.includes(EKU.timeStamping))
    f.push(indeterminate('TSA_EXTENDED_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { subject }));
  if (purpose === 'ocsp' && !cert.extKeyUsage?.includes(EKU.ocspSigning))
    f.push(indeterminate('OCSP_RESPONDER_EXTENDED_KEY_USAGE', 'CHAIN_CONSTRAINTS_FAILURE', { subject }));
}

/** NameConstraints: only directoryName subtrees are enforced; other forms produce a warning. */
function collectNameConstraints(cert: Certificate, permitted: Name[][], excluded: Name[], f: Finding[]): void {
  const e = cert.extensions.find((x) => x.oid === EXT.nameConstraints);
  if (!e) return;
  try {
    for (const part of seq(parseDer(e.value), 'NameConstraints')) {
      const dirs: Name[] = [];
      let other = false;
      for (const subtree of children(part)) {
        const base = seq(subtree, 'GeneralSubtree')[0] as Tlv;
        if (isContext(base, 4)) dirs.push(decodeName(children(base)[0] as Tlv));
        else other = true;
      }
      if (other) f.push(warning('NAME_CONSTRAINTS_PARTIAL', { subject: formatName(cert.subject) }));
      if (isContext(part, 0) && dirs.length > 0) permitted.push(dirs);
      else if (isContext(part, 1)) excluded.push(...dirs);
    }
  } catch {
    f.push(indeterminate('CERT_NAME_CONSTRAINTS', 'CHAIN_CONSTRAINTS_FAILURE', { subject: formatName(cert.subject) }));
  }
}

function dnWithin(name: Name, base: Name): boolean {
  if (base.rdns.length > name.rdns.length) return false;
  const prefix: Name = { der: new Uint8Array(), rdns: name.rdns.slice(0, base.rdns.length) };
  return namesEqual({ der: new Uint8Array([0]), rdns: base.rdns }, prefix);
}
