/**
 * CAdES detached signatures for PAdES (ETSI EN 319 142-1 baseline B-B, optionally B-T): a CMS
 * SignedData over a digest with the signed attributes contentType, messageDigest and
 * signing-certificate-v2 (no signing-time: PAdES takes the claimed time from `/M`), and an optional
 * signature timestamp from an injected TSA client.
 *
 * Built with node:crypto and the small DER writer beside this file rather than pkijs: the package
 * already reads CMS with its own bounded DER reader, and a second ASN.1 stack (pkijs + asn1js, with
 * @noble/hashes and bytestreamjs) would be the larger and slower half of the signing code.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { children, content, isContext, parseDer, raw, seq as readSeq, TAG } from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { algorithm, explicit, implicitConstructed, int, nul, octets, oid, seq, setOf, tlv } from './der-writer.ts';
import { ecdsaDer, ecFieldSize, type HashName, hashSize, nodeHash, type Signer } from './signer.ts';

/** Digest OIDs by hash. */
const HASH_OID: Record<HashName, string> = {
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  rsaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
} as const;

const RSA_WITH: Record<HashName, string> = {
  'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12',
  'SHA-512': '1.2.840.113549.1.1.13',
};
const ECDSA_WITH: Record<HashName, string> = {
  'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3',
  'SHA-512': '1.2.840.10045.4.3.4',
};

/**
 * An RFC 3161 timestamping client, injected by the caller (the library opens no sockets). It gets
 * the hash of the signature value and returns the `TimeStampToken` (a CMS ContentInfo, DER);
 * {@link timestampRequest} and {@link timestampTokenOf} build the request and unwrap the response.
 *
 * @example
 * ```ts
 * import { type TsaClient, timestampRequest, timestampTokenOf } from '@motcua/signing/sign';
 * const tsa: TsaClient = async ({ digest, hash }) => {
 *   const res = await fetch('http://tsa.example.vn/tsr', {
 *     method: 'POST',
 *     headers: { 'content-type': 'application/timestamp-query' },
 *     body: timestampRequest(digest, hash),
 *   });
 *   return timestampTokenOf(new Uint8Array(await res.arrayBuffer()));
 * };
 * ```
 * @category Signing
 */
export type TsaClient = (request: { digest: Uint8Array; hash: HashName; data: Uint8Array }) => Promise<Uint8Array>;

/**
 * An RFC 3161 `TimeStampReq` (DER) for a digest, asking for the TSA certificate.
 *
 * @example
 * ```ts
 * import { timestampRequest } from '@motcua/signing/sign';
 * const req = timestampRequest(new Uint8Array(32), 'SHA-256');
 * ```
 * @category Signing
 */
export function timestampRequest(digest: Uint8Array, hash: HashName, nonce?: Uint8Array): Uint8Array {
  const imprint = seq(algorithm(HASH_OID[hash]), octets(digest));
  const parts = [int(1), imprint];
  if (nonce) parts.push(int(nonce));
  parts.push(Uint8Array.of(0x01, 0x01, 0xff)); // certReq TRUE
  return seq(...parts);
}

/**
 * The `TimeStampToken` of an RFC 3161 `TimeStampResp`.
 *
 * @throws {SignatureError} `TIMESTAMP_MALFORMED` when the response is not granted or has no token.
 * @example
 * ```ts
 * import { timestampTokenOf } from '@motcua/signing/sign';
 * declare const response: Uint8Array;
 * const token = timestampTokenOf(response);
 * ```
 * @category Signing
 */
export function timestampTokenOf(response: Uint8Array): Uint8Array {
  try {
    const [status, token] = readSeq(parseDer(response), 'TimeStampResp');
    const st = readSeq(status, 'PKIStatusInfo')[0];
    const code = st ? (content(st)[0] ?? 255) : 255;
    if (code > 1 || !token) throw new Error(`status ${code}`);
    return Uint8Array.from(raw(token));
  } catch (cause) {
    throw new SignatureError('TIMESTAMP_MALFORMED', 'the TSA did not grant a timestamp', { cause });
  }
}

/** Issuer name and serial number INTEGER of a certificate, as encoded. */
function issuerAndSerial(certDer: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const tbs = readSeq(parseDer(certDer), 'Certificate')[0];
  const f = children(tbs);
  let i = 0;
  if (isContext(f[0], 0)) i = 1;
  const serial = f[i];
  const issuer = f[i + 2];
  if (!serial || serial.tag !== TAG.INTEGER || !issuer)
    throw new SignatureError('CERTIFICATE_MALFORMED', 'unexpected certificate layout');
  return { issuer: Uint8Array.from(raw(issuer)), serial: Uint8Array.from(raw(serial)) };
}

function attribute(type: string, ...values: Uint8Array[]): Uint8Array {
  return seq(oid(type), setOf(...values));
}

function signatureAlgorithmId(signer: Signer): Uint8Array {
  if (signer.scheme === 'RSASSA-PKCS1-v1_5') return algorithm(RSA_WITH[signer.hash], nul());
  if (signer.scheme === 'ECDSA') return algorithm(ECDSA_WITH[signer.hash]);
  const h = algorithm(HASH_OID[signer.hash]);
  return algorithm(
    OIDS.rsaPss,
    seq(explicit(0, h), explicit(1, algorithm(OIDS.mgf1, h)), explicit(2, int(hashSize(signer.hash)))),
  );
}

/**
 * A detached CMS SignedData (DER) whose messageDigest is `contentDigest` (the hash of the PDF byte
 * range under `signer.hash`).
 */
export async function buildCadesDetached(
  contentDigest: Uint8Array,
  signer: Signer,
  options: { tsa?: TsaClient | undefined } = {},
): Promise<Uint8Array> {
  const hashAlg = algorithm(HASH_OID[signer.hash]);
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const certHash = createHash('sha256').update(signer.certificate).digest();
  // ESSCertIDv2 with the default hashAlgorithm (SHA-256) omitted; IssuerSerial names the issuer as a directoryName.
  const essCertId = seq(octets(certHash), seq(seq(explicit(4, issuer)), serial));
  const signedAttrs = setOf(
    attribute(OIDS.contentType, oid(OIDS.data)),
    attribute(OIDS.messageDigest, octets(contentDigest)),
    attribute(OIDS.signingCertificateV2, seq(seq(essCertId))),
  );
  const digest = new Uint8Array(createHash(nodeHash(signer.hash)).update(signedAttrs).digest());
  let value = await signer.sign({ data: signedAttrs, digest, hash: signer.hash, scheme: signer.scheme });
  if (signer.scheme === 'ECDSA') value = ecdsaDer(value, ecFieldSize(signer.certificate));
  const infoParts = [
    int(1),
    seq(issuer, serial),
    hashAlg,
    implicitConstructed(0, signedAttrs),
    signatureAlgorithmId(signer),
    octets(value),
  ];
  if (options.tsa) {
    const imprint = new Uint8Array(createHash('sha256').update(value).digest());
    const token = await options.tsa({ digest: imprint, hash: 'SHA-256', data: value });
    try {
      parseDer(token);
    } catch (cause) {
      throw new SignatureError('TIMESTAMP_MALFORMED', 'the TSA client returned no DER token', { cause });
    }
    infoParts.push(tlv(0xa1, attribute(OIDS.signatureTimeStampToken, token)));
  }
  const signerInfo = seq(...infoParts);
  const certificates = implicitConstructed(0, setOf(signer.certificate, ...signer.chain));
  const signedData = seq(int(1), setOf(hashAlg), seq(oid(OIDS.data)), certificates, setOf(signerInfo));
  return seq(oid(OIDS.signedData), explicit(0, signedData));
}
