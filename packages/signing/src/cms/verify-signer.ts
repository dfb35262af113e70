/**
 * CMS signer verification (signatures.md §9 checks 13–17): one SignerInfo, signer certificate
 * by sid, ESS signing-certificate, contentType / messageDigest, the digest of the signed data,
 * and the signature value over the signed attributes exactly as encoded.
 *
 * @module
 */

import { type Finding, failed, indeterminate, warning } from '../verify/findings.ts';
import { type Certificate, publicKeyOf } from '../x509/certificate.ts';
import { decodeName, namesEqual } from '../x509/name.ts';
import type { CertPool } from '../x509/pool.ts';
import {
  algorithmIdentifier,
  type Digest,
  digestByOid,
  type HashInput,
  hash,
  hashSlices,
  keyMatchesAlgorithm,
  type PublicKey,
  type SignatureAlgorithm,
  signatureAlgorithm,
  slicesOfInput,
  verifySignature,
  verifySignatureSlices,
} from './algorithms.ts';
import {
  bytesEqual,
  children,
  content,
  integerHex,
  isContext,
  isUniversal,
  octets,
  oid,
  raw,
  seq,
  TAG,
  type Tlv,
  time,
} from './der.ts';
import {
  type Attribute,
  OID,
  type SignedData,
  type SignerInfo,
  signedAttrsForSignature,
  singleAttribute,
} from './signed-data.ts';

/** What was signed: detached data (ByteRange slices) or the SignedData's own eContent. */
export type SignedContent = { kind: 'detached'; slices: HashInput } | { kind: 'attached' };

/** Options for {@link verifySigner}. */
export interface VerifySignerOptions {
  /** Certificates to search for the signer (CMS certificates + DSS + caller's). */
  pool: CertPool;
  /** What the signature covers. */
  content: SignedContent;
  /** Expected eContentType (id-data for PDF signatures, TSTInfo for timestamps). */
  expectedContentType: string;
  /** How to treat signed attributes that are not in DER order. */
  derOrder: 'fail' | 'warn';
  /** Require the ESS signing-certificate(-v2) attribute (RFC 3161 tokens, PAdES baseline). */
  requireEss: boolean;
}

/** Result of {@link verifySigner}. */
export interface SignerVerification {
  /** Findings (errors and warnings) in check order. */
  findings: Finding[];
  /** The SignerInfo that was examined (the first one). */
  signerInfo?: SignerInfo;
  /** The signer certificate, when found. */
  signerCert?: Certificate;
  /** The message digest algorithm. */
  digest?: Digest;
  /** The signature algorithm. */
  signatureAlgorithm?: SignatureAlgorithm;
  /** The signer's key. */
  key?: PublicKey;
  /** Whether the digest of the signed data equals messageDigest (or, without signed attributes, the signature verified). */
  digestMatches: boolean;
  /** Whether the signature value verified with the signer certificate's key. */
  signatureValid: boolean;
  /** signingTime signed attribute. */
  signingTime?: Date;
  /** Timestamp tokens from the unsigned signatureTimeStampToken attributes (ContentInfo DER). */
  signatureTimestamps: Uint8Array[];
  /** CRLs and OCSP responses from adbe-revocationInfoArchival. */
  archival: { crls: Uint8Array[]; ocsps: Uint8Array[] };
}

/**
 * Verifies the (single) SignerInfo of a SignedData. Never throws on bad input: every defect is a finding.
 *
 * @example
 * ```ts
 * const r = verifySigner(parseSignedData(der), { pool, content: { kind: 'detached', slices }, expectedContentType: OID.data, derOrder: 'fail', requireEss: false });
 * ```
 */
export function verifySigner(sd: SignedData, opts: VerifySignerOptions): SignerVerification {
  const out: SignerVerification = {
    findings: [],
    digestMatches: false,
    signatureValid: false,
    signatureTimestamps: [],
    archival: { crls: [], ocsps: [] },
  };
  const f = out.findings;
  if (sd.signerInfos.length === 0) {
    f.push(failed('CMS_NO_SIGNER_INFO', 'FORMAT_FAILURE'));
    return out;
  }
  if (sd.signerInfos.length > 1)
    f.push(failed('CMS_MULTIPLE_SIGNER_INFOS', 'FORMAT_FAILURE', { count: String(sd.signerInfos.length) }));
  const si = sd.signerInfos[0] as SignerInfo;
  out.signerInfo = si;
  if (sd.eContentType !== opts.expectedContentType)
    f.push(failed('CMS_CONTENT_TYPE_UNEXPECTED', 'FORMAT_FAILURE', { oid: sd.eContentType }));
  if (opts.content.kind === 'detached' && sd.eContent !== undefined && opts.expectedContentType === OID.data)
    f.push(failed('CMS_NOT_DETACHED', 'FORMAT_FAILURE'));
  if (opts.content.kind === 'attached' && sd.eContent === undefined) {
    f.push(failed('CMS_NO_CONTENT', 'FORMAT_FAILURE'));
    return out;
  }

  // Algorithms
  let digest: Digest | undefined;
  try {
    digest = digestByOid(algorithmIdentifier(si.digestAlgorithm).oid);
  } catch {
    digest = undefined;
  }
  if (!digest) {
    f.push(failed('UNSUPPORTED_DIGEST_ALGORITHM', 'FORMAT_FAILURE', { oid: safeOid(si.digestAlgorithm) }));
    return out;
  }
  out.digest = digest;
  let sigAlg: SignatureAlgorithm;
  try {
    sigAlg = signatureAlgorithm(si.signatureAlgorithm, digest);
  } catch (e) {
    f.push(
      failed('UNSUPPORTED_SIGNATURE_ALGORITHM', 'FORMAT_FAILURE', {
        oid: safeOid(si.signatureAlgorithm),
        detail: msg(e),
      }),
    );
    return out;
  }
  out.signatureAlgorithm = sigAlg;
  if (sigAlg.digest && sigAlg.digest.oid !== digest.oid)
    f.push(warning('DIGEST_ALGORITHM_MISMATCH', { digest: digest.name, signature: sigAlg.name }));

  // Attributes
  const attrs = si.signedAttrs?.attributes ?? [];
  if (si.signedAttrs) checkAttributes(si.signedAttrs.attributes, sd, f);
  if (si.signedAttrs && !si.signedAttrs.derOrdered) {
    f.push(
      opts.derOrder === 'fail' ? failed('SIGNED_ATTRS_NOT_DER', 'FORMAT_FAILURE') : warning('SIGNED_ATTRS_NOT_DER'),
    );
  }
  const st = singleAttribute(attrs, OID.signingTime);
  if (st !== undefined && st !== 'multiple') {
    try {
      out.signingTime = time(st);
    } catch {
      f.push(failed('SIGNING_TIME_MALFORMED', 'FORMAT_FAILURE'));
    }
  }
  const rev = singleAttribute(attrs, OID.adbeRevocationInfoArchival);
  if (rev !== undefined && rev !== 'multiple') {
    try {
      out.archival = parseRevocationInfoArchival(rev);
    } catch {
      f.push(warning('REVOCATION_ARCHIVAL_MALFORMED'));
    }
  }
  for (const a of si.unsignedAttrs)
    if (a.oid === OID.signatureTimeStampToken)
      for (const v of a.values) out.signatureTimestamps.push(Uint8Array.from(raw(v)));

  // Content digest (check 15 / 17)
  const signedData: HashInput = opts.content.kind === 'detached' ? opts.content.slices : [sd.eContent as Uint8Array];
  if (si.signedAttrs) {
    const md = singleAttribute(attrs, OID.messageDigest);
    if (md !== undefined && md !== 'multiple' && isUniversal(md, TAG.OCTET_STRING)) {
      const computed = hashSlices(digest, signedData);
      out.digestMatches = bytesEqual(computed, content(md));
      if (!out.digestMatches) f.push(failed('DIGEST_MISMATCH', 'HASH_FAILURE'));
    }
  }

  // Signer certificate (check 14)
  const candidates = findSignerCandidates(si, opts.pool);
  if (candidates.length === 0) {
    f.push(indeterminate('SIGNER_CERTIFICATE_NOT_FOUND', 'NO_SIGNING_CERTIFICATE_FOUND'));
    return out;
  }
  const tbsForSignature = si.signedAttrs ? signedAttrsForSignature(si.signedAttrs.encoded) : undefined;
  let chosen: Certificate | undefined;
  let chosenKey: PublicKey | undefined;
  let keyProblem = false;
  for (const c of candidates) {
    let key: PublicKey;
    try {
      key = publicKeyOf(c);
    } catch {
      keyProblem = true;
      continue;
    }
    if (!keyMatchesAlgorithm(key, sigAlg)) {
      keyProblem = true;
      chosen ??= c;
      chosenKey ??= key;
      continue;
    }
    const ok = tbsForSignature
      ? verifySignature(key, sigAlg, tbsForSignature, si.signature)
      : verifySignatureSlices(key, sigAlg, slicesOfInput(signedData), si.signature);
    if (ok || chosen === undefined || (chosenKey && !keyMatchesAlgorithm(chosenKey, sigAlg))) {
      chosen = c;
      chosenKey = key;
      out.signatureValid = ok;
    }
    if (ok) break;
  }
  if (!chosen || !chosenKey) {
    f.push(failed('SIGNER_KEY_UNSUPPORTED', 'FORMAT_FAILURE'));
    return out;
  }
  out.signerCert = chosen;
  out.key = chosenKey;
  if (!keyMatchesAlgorithm(chosenKey, sigAlg)) {
    f.push(failed('KEY_ALGORITHM_MISMATCH', 'SIG_CRYPTO_FAILURE', { key: chosenKey.type, algorithm: sigAlg.name }));
    return out;
  }
  if (!si.signedAttrs) out.digestMatches = out.signatureValid;
  if (!out.signatureValid) f.push(failed('SIGNATURE_INVALID', 'SIG_CRYPTO_FAILURE'));
  if (keyProblem && !out.signatureValid) f.push(warning('SIGNER_KEY_UNSUPPORTED'));

  // ESS signing-certificate (check 14)
  const ess = checkEss(attrs, chosen);
  if (ess === 'absent') {
    if (opts.requireEss) f.push(warning('ESS_SIGNING_CERTIFICATE_MISSING'));
  } else if (ess !== 'match')
    f.push(indeterminate('ESS_SIGNING_CERTIFICATE_MISMATCH', 'NO_SIGNING_CERTIFICATE_FOUND', { detail: ess }));
  return out;
}

function msg(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function safeOid(t: Tlv): string {
  try {
    return algorithmIdentifier(t).oid;
  } catch {
    return '?';
  }
}

function checkAttributes(attrs: readonly Attribute[], sd: SignedData, f: Finding[]): void {
  const ct = singleAttribute(attrs, OID.contentType);
  if (ct === undefined) f.push(failed('CONTENT_TYPE_ATTRIBUTE_MISSING', 'FORMAT_FAILURE'));
  else if (ct === 'multiple') f.push(failed('CONTENT_TYPE_ATTRIBUTE_MISSING', 'FORMAT_FAILURE'));
  else {
    let v = '';
    try {
      v = oid(ct);
    } catch {
      v = '?';
    }
    if (v !== sd.eContentType) f.push(failed('CONTENT_TYPE_ATTRIBUTE_MISMATCH', 'FORMAT_FAILURE', { oid: v }));
  }
  const md = singleAttribute(attrs, OID.messageDigest);
  if (md === undefined || md === 'multiple' || !isUniversal(md, TAG.OCTET_STRING))
    f.push(failed('MESSAGE_DIGEST_ATTRIBUTE_MISSING', 'FORMAT_FAILURE'));
  for (const o of [OID.signingTime, OID.signingCertificate, OID.signingCertificateV2])
    if (singleAttribute(attrs, o) === 'multiple') f.push(failed('ATTRIBUTE_REPEATED', 'FORMAT_FAILURE', { oid: o }));
}

function findSignerCandidates(si: SignerInfo, pool: CertPool): Certificate[] {
  if (si.sid.kind === 'ski') return pool.bySki(si.sid.ski);
  return pool.byIssuerSerial(si.sid.issuer, si.sid.serialHex);
}

/**
 * Checks ESS signing-certificate(-v2): the first ESSCertID must identify the signer certificate
 * by hash, and by issuer/serial when present.
 */
function checkEss(attrs: readonly Attribute[], cert: Certificate): 'absent' | 'match' | string {
  const v2 = singleAttribute(attrs, OID.signingCertificateV2);
  const v1 = singleAttribute(attrs, OID.signingCertificate);
  if (v2 === undefined && v1 === undefined) return 'absent';
  if (v2 === 'multiple' || v1 === 'multiple') return 'repeated attribute';
  try {
    const checks: string[] = [];
    if (v2 !== undefined) checks.push(essCertId(v2, cert, true));
    if (v1 !== undefined) checks.push(essCertId(v1, cert, false));
    return checks.find((c) => c !== 'match') ?? 'match';
  } catch (e) {
    return `malformed (${msg(e)})`;
  }
}

function essCertId(value: Tlv, cert: Certificate, v2: boolean): string {
  const [certs] = seq(value, 'SigningCertificate');
  const first = seq(certs, 'certs')[0];
  if (!first) return 'no certificate identifier';
  const parts = seq(first, 'ESSCertID');
  let i = 0;
  let alg = v2 ? 'sha256' : 'sha1';
  if (v2 && isUniversal(parts[0], TAG.SEQUENCE)) {
    const d = digestByOid(algorithmIdentifier(parts[0]).oid);
    if (!d) return 'unsupported hash';
    alg = d.node;
    i++;
  }
  const certHash = octets(parts[i++]);
  if (!bytesEqual(certHash, hash(alg, cert.der))) return 'certificate hash differs';
  const is = parts[i];
  if (is !== undefined) {
    const [gns, serial] = seq(is, 'IssuerSerial');
    if (integerHex(serial) !== cert.serialHex) return 'serial number differs';
    const dirNames = children(gns as Tlv).filter((g) => isContext(g, 4));
    if (dirNames.length > 0 && !dirNames.some((g) => namesEqual(decodeName(children(g)[0] as Tlv), cert.issuer)))
      return 'issuer differs';
  }
  return 'match';
}

/** adbe-revocationInfoArchival ::= SEQUENCE { [0] EXPLICIT SEQUENCE OF CRL, [1] EXPLICIT SEQUENCE OF OCSPResponse, [2] … } */
function parseRevocationInfoArchival(v: Tlv): { crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const crls: Uint8Array[] = [];
  const ocsps: Uint8Array[] = [];
  for (const p of seq(v, 'RevocationInfoArchival')) {
    if (isContext(p, 0)) for (const c of seq(children(p)[0], 'CRLs')) crls.push(Uint8Array.from(raw(c)));
    else if (isContext(p, 1)) for (const c of seq(children(p)[0], 'OCSPs')) ocsps.push(Uint8Array.from(raw(c)));
  }
  return { crls, ocsps };
}
