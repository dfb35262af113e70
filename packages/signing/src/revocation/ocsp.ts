/**
 * OCSP responses (RFC 6960), decoded from DER with the exact `tbsResponseData` bytes.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  algorithmIdentifier,
  digestByOid,
  hash,
  signatureAlgorithm,
  spkiKeyBits,
  verifySignature,
} from '../cms/algorithms.ts';
import {
  bitString,
  bytesEqual,
  children,
  integerHex,
  isContext,
  isUniversal,
  octets,
  oid,
  parseDer,
  raw,
  seq,
  smallInt,
  TAG,
  type Tlv,
  time,
} from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { type Certificate, publicKeyOf } from '../x509/certificate.ts';
import { decodeName, type Name, namesEqual } from '../x509/name.ts';

/** One SingleResponse. */
export interface OcspSingle {
  /** CertID hash algorithm (node name). */
  hashAlg: string;
  /** issuerNameHash. */
  issuerNameHash: Uint8Array;
  /** issuerKeyHash. */
  issuerKeyHash: Uint8Array;
  /** Serial (hex). */
  serialHex: string;
  /** Status. */
  status: 'good' | 'revoked' | 'unknown';
  /** Revocation time. */
  revocationTime?: Date;
  /** Revocation reason. */
  reason?: number;
  /** thisUpdate. */
  thisUpdate: Date;
  /** nextUpdate. */
  nextUpdate?: Date;
}

/** A decoded BasicOCSPResponse. */
export interface OcspResponse {
  /** DER of the BasicOCSPResponse. */
  der: Uint8Array;
  /** SHA-256 hex of the DER. */
  sha256: string;
  /** tbsResponseData as encoded. */
  tbs: Uint8Array;
  /** Responder by name … */
  responderName?: Name;
  /** … or by SHA-1 key hash (hex). */
  responderKeyHash?: string;
  /** producedAt. */
  producedAt: Date;
  /** Responses. */
  responses: OcspSingle[];
  /** Signature algorithm element. */
  signatureAlgorithmTlv: Tlv;
  /** Signature bytes. */
  signatureValue: Uint8Array;
  /** Certificates included by the responder (DER). */
  certs: Uint8Array[];
}

const BASIC = '1.3.6.1.5.5.7.48.1.1';

/**
 * Decodes an OCSPResponse (status + responseBytes) or a bare BasicOCSPResponse.
 *
 * @throws {SignatureError} `REVOCATION_MALFORMED` (also for non-successful response status)
 */
export function parseOcsp(input: Uint8Array): OcspResponse {
  try {
    const der = Uint8Array.from(input);
    const top = seq(parseDer(der), 'OCSPResponse');
    if (isUniversal(top[0], TAG.ENUMERATED)) {
      const status = smallInt(top[0]);
      if (status !== 0) throw new Error(`responder status ${status}`);
      const rb = seq(children(top[1] as Tlv)[0], 'ResponseBytes');
      if (oid(rb[0]) !== BASIC) throw new Error('not a basic OCSP response');
      const basic = octets(rb[1]);
      return decodeBasic(Uint8Array.from(basic));
    }
    return decodeBasic(der);
  } catch (cause) {
    throw new SignatureError(
      'REVOCATION_MALFORMED',
      `OCSP response could not be decoded: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
}

function decodeBasic(der: Uint8Array): OcspResponse {
  const [tbsT, sigAlgT, sigT, certsT] = seq(parseDer(der), 'BasicOCSPResponse');
  const rd = seq(tbsT, 'ResponseData');
  let i = 0;
  if (isContext(rd[0], 0)) i++;
  const rid = rd[i++] as Tlv;
  let responderName: Name | undefined;
  let responderKeyHash: string | undefined;
  if (isContext(rid, 1)) responderName = decodeName(children(rid)[0] as Tlv);
  else if (isContext(rid, 2)) responderKeyHash = Buffer.from(octets(children(rid)[0])).toString('hex');
  else throw new Error('bad ResponderID');
  const producedAt = time(rd[i++]);
  const responses: OcspSingle[] = [];
  for (const sr of seq(rd[i], 'responses')) {
    const parts = seq(sr, 'SingleResponse');
    const [algT, nameHash, keyHash, serial] = seq(parts[0], 'CertID');
    const d = digestByOid(algorithmIdentifier(algT).oid);
    const st = parts[1] as Tlv;
    const single: OcspSingle = {
      hashAlg: d ? d.node : 'unknown',
      issuerNameHash: octets(nameHash),
      issuerKeyHash: octets(keyHash),
      serialHex: integerHex(serial),
      status: isContext(st, 0) ? 'good' : isContext(st, 1) ? 'revoked' : 'unknown',
      thisUpdate: time(parts[2]),
    };
    if (isContext(st, 1)) {
      const rv = children(st);
      single.revocationTime = time(rv[0]);
      if (isContext(rv[1], 0)) single.reason = smallInt(children(rv[1] as Tlv)[0]);
    }
    for (const p of parts.slice(3)) if (isContext(p, 0)) single.nextUpdate = time(children(p)[0]);
    responses.push(single);
  }
  const certs: Uint8Array[] = [];
  if (isContext(certsT, 0)) for (const c of seq(children(certsT)[0], 'certs')) certs.push(Uint8Array.from(raw(c)));
  const r: OcspResponse = {
    der,
    sha256: createHash('sha256').update(der).digest('hex'),
    tbs: raw(tbsT as Tlv),
    producedAt,
    responses,
    signatureAlgorithmTlv: sigAlgT as Tlv,
    signatureValue: bitString(sigT).bytes,
    certs,
  };
  if (responderName) r.responderName = responderName;
  if (responderKeyHash) r.responderKeyHash = responderKeyHash;
  return r;
}

/** The SingleResponse about `cert` issued by `issuer`, if any. */
export function findSingle(resp: OcspResponse, cert: Certificate, issuer: Certificate): OcspSingle | undefined {
  return resp.responses.find((s) => {
    if (s.serialHex !== cert.serialHex || s.hashAlg === 'unknown') return false;
    return (
      bytesEqual(s.issuerNameHash, hash(s.hashAlg, issuer.subject.der)) &&
      bytesEqual(s.issuerKeyHash, hash(s.hashAlg, spkiKeyBits(issuer.spki)))
    );
  });
}

/** Whether the response names `cert` as its responder (by name or key hash). */
export function isResponder(resp: OcspResponse, cert: Certificate): boolean {
  if (resp.responderName) return namesEqual(resp.responderName, cert.subject);
  if (resp.responderKeyHash)
    return Buffer.from(hash('sha1', spkiKeyBits(cert.spki))).toString('hex') === resp.responderKeyHash;
  return false;
}

/** Whether `signer`'s key verifies the response. */
export function ocspSignedBy(resp: OcspResponse, signer: Certificate): boolean {
  try {
    return verifySignature(
      publicKeyOf(signer),
      signatureAlgorithm(resp.signatureAlgorithmTlv),
      resp.tbs,
      resp.signatureValue,
    );
  } catch {
    return false;
  }
}
