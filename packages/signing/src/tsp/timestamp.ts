/**
 * RFC 3161 timestamp tokens: signature timestamps (unsigned attribute
 * id-aa-signatureTimeStampToken, imprint over SignerInfo.signature) and document timestamps
 * (`ETSI.RFC3161`, imprint over the ByteRange). signatures.md §9 checks 21 and 24.
 *
 * @module
 */
import { algorithmIdentifier, type Digest, digestByOid, type HashInput, hashSlices } from '../cms/algorithms.ts';
import { bytesEqual, integerHex, octets, oid, parseDer, seq, time } from '../cms/der.ts';
import { OID, parseSignedData, type SignedData } from '../cms/signed-data.ts';
import { type SignerVerification, verifySigner } from '../cms/verify-signer.ts';
import { type Finding, failed, warning } from '../verify/findings.ts';
import type { Certificate } from '../x509/certificate.ts';
import { formatName } from '../x509/name.ts';
import { type PathResult, type TrustAnchors, validatePath } from '../x509/path.ts';
import type { CertPool } from '../x509/pool.ts';

/** Decoded TSTInfo fields used here. */
export interface TstInfo {
  /** TSA policy OID. */
  policy: string;
  /** messageImprint hash algorithm. */
  imprintDigest?: Digest;
  /** messageImprint hashedMessage. */
  hashedMessage: Uint8Array;
  /** Serial number (hex). */
  serialHex: string;
  /** genTime. */
  genTime: Date;
}

/** Result of {@link verifyTimestampToken}. */
export interface TimestampVerification {
  /** Findings: errors make the token unusable; warnings do not. */
  findings: Finding[];
  /** TSTInfo, when decodable. */
  tstInfo?: TstInfo;
  /** The token's CMS, when decodable. */
  signedData?: SignedData;
  /** CMS signer verification of the token. */
  signer?: SignerVerification;
  /** Cryptographically intact: signature valid, messageDigest matches, imprint matches. */
  intact: boolean;
  /** Intact and the TSA chain validates to an anchor at genTime. */
  trusted: boolean;
  /** TSA path result. */
  path?: PathResult;
  /** TSA display name. */
  tsa?: string;
}

/** Decodes a TSTInfo. */
export function parseTstInfo(der: Uint8Array): TstInfo {
  const f = seq(parseDer(der), 'TSTInfo');
  const policy = oid(f[1]);
  const [alg, hashed] = seq(f[2], 'MessageImprint');
  const d = digestByOid(algorithmIdentifier(alg).oid);
  const info: TstInfo = { policy, hashedMessage: octets(hashed), serialHex: integerHex(f[3]), genTime: time(f[4]) };
  if (d) info.imprintDigest = d;
  return info;
}

/**
 * Verifies a timestamp token whose imprint must be the hash of `imprintData`.
 *
 * @example
 * ```ts
 * const ts = verifyTimestampToken(token, [signerInfo.signature], { pool, anchors, derOrder: 'fail' });
 * if (ts.trusted) console.log(ts.tstInfo?.genTime);
 * ```
 */
export function verifyTimestampToken(
  token: Uint8Array,
  imprintData: HashInput,
  ctx: { pool: CertPool; anchors: TrustAnchors; derOrder: 'fail' | 'warn' },
): TimestampVerification {
  const out: TimestampVerification = { findings: [], intact: false, trusted: false };
  let sd: SignedData;
  try {
    sd = parseSignedData(token);
  } catch {
    out.findings.push(failed('TIMESTAMP_MALFORMED', 'FORMAT_FAILURE'));
    return out;
  }
  out.signedData = sd;
  ctx.pool.addDer(sd.certificates);
  const signer = verifySigner(sd, {
    pool: ctx.pool,
    content: { kind: 'attached' },
    expectedContentType: OID.tstInfo,
    derOrder: ctx.derOrder,
    requireEss: true,
  });
  out.signer = signer;
  out.findings.push(...signer.findings);
  if (sd.eContent === undefined || sd.eContentType !== OID.tstInfo) {
    if (!out.findings.some((f) => f.code === 'TIMESTAMP_MALFORMED'))
      out.findings.push(failed('TIMESTAMP_MALFORMED', 'FORMAT_FAILURE'));
    return out;
  }
  let info: TstInfo;
  try {
    info = parseTstInfo(sd.eContent);
  } catch {
    out.findings.push(failed('TIMESTAMP_MALFORMED', 'FORMAT_FAILURE'));
    return out;
  }
  out.tstInfo = info;
  if (!info.imprintDigest) {
    out.findings.push(failed('UNSUPPORTED_DIGEST_ALGORITHM', 'FORMAT_FAILURE', { oid: 'messageImprint' }));
    return out;
  }
  const imprintOk = bytesEqual(hashSlices(info.imprintDigest, imprintData), info.hashedMessage);
  if (!imprintOk) out.findings.push(failed('TIMESTAMP_IMPRINT_MISMATCH', 'HASH_FAILURE'));
  out.intact =
    imprintOk &&
    signer.signatureValid &&
    signer.digestMatches &&
    !signer.findings.some((f) => f.indication === 'TOTAL_FAILED');
  const tsaCert: Certificate | undefined = signer.signerCert;
  if (tsaCert) out.tsa = formatName(tsaCert.subject);
  if (!out.intact || !tsaCert) return out;
  const path = validatePath(tsaCert, { pool: ctx.pool, anchors: ctx.anchors, time: info.genTime, purpose: 'tsa' });
  out.path = path;
  out.trusted =
    path.status === 'valid' && path.outOfValidity.length === 0 && !signer.findings.some((f) => f.indication);
  if (!out.trusted) out.findings.push(...path.findings);
  if (path.status === 'valid' && path.outOfValidity.length > 0)
    out.findings.push(warning('TIMESTAMP_TSA_OUT_OF_VALIDITY', { subject: formatName(tsaCert.subject) }));
  return out;
}
