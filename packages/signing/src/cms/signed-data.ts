/**
 * CMS SignedData (RFC 5652) decoding that keeps the exact encodings.
 *
 * @module
 */
import { SignatureError } from '../errors.ts';
import { decodeName, type Name } from '../x509/name.ts';
import {
  children,
  content,
  integerHex,
  isContext,
  isUniversal,
  octets,
  oid,
  parseDer,
  raw,
  readTlv,
  seq,
  smallInt,
  TAG,
  type Tlv,
} from './der.ts';

/** Well-known OIDs used by CMS verification. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  counterSignature: '1.2.840.113549.1.9.6',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  contentTimeStamp: '1.2.840.113549.1.9.16.2.20',
  archiveTimeStampV3: '0.4.0.1733.2.4',
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  ocspResponseRevInfo: '1.3.6.1.5.5.7.16.2',
  cmsAlgorithmProtection: '1.2.840.113549.1.9.52',
} as const;

/** One attribute: type and its values (SET OF). */
export interface Attribute {
  /** Dotted OID. */
  oid: string;
  /** The values as TLVs. */
  values: Tlv[];
}

/** The signer identifier. */
export type SignerId = { kind: 'issuerSerial'; issuer: Name; serialHex: string } | { kind: 'ski'; ski: string };

/** A decoded SignerInfo. */
export interface SignerInfo {
  /** SignerInfo version. */
  version: number;
  /** Signer identifier. */
  sid: SignerId;
  /** digestAlgorithm element. */
  digestAlgorithm: Tlv;
  /** Signed attributes, with the encoding as received. */
  signedAttrs?: {
    /** The whole `[0] IMPLICIT SET OF Attribute` encoding as received. */
    encoded: Uint8Array;
    /** Decoded attributes in received order. */
    attributes: Attribute[];
    /** Whether the SET OF elements are in DER (ascending encoding) order and use definite lengths. */
    derOrdered: boolean;
  };
  /** signatureAlgorithm element. */
  signatureAlgorithm: Tlv;
  /** Signature value. */
  signature: Uint8Array;
  /** Unsigned attributes. */
  unsignedAttrs: Attribute[];
}

/** A decoded SignedData. */
export interface SignedData {
  /** SignedData version. */
  version: number;
  /** eContentType OID. */
  eContentType: string;
  /** Encapsulated content, if attached. */
  eContent?: Uint8Array;
  /** Certificates (DER) of the `certificates` field; other certificate formats are skipped. */
  certificates: Uint8Array[];
  /** CRLs (DER) of the `crls` field. */
  crls: Uint8Array[];
  /** OCSP responses carried as OtherRevocationInfoFormat id-ri-ocsp-response. */
  ocsps: Uint8Array[];
  /** SignerInfos. */
  signerInfos: SignerInfo[];
  /** Number of bytes after the DER ContentInfo (zero padding is stripped by the PDF reader). */
  trailing: number;
}

function cmsFail(message: string, cause?: unknown): never {
  throw new SignatureError('CMS_MALFORMED', message, cause === undefined ? undefined : { cause });
}

/**
 * Decodes a ContentInfo holding SignedData. Bytes after the ContentInfo are counted, not parsed.
 *
 * @throws {SignatureError} `CMS_MALFORMED` / `ASN1_MALFORMED`
 */
export function parseSignedData(der: Uint8Array): SignedData {
  const ci = readTlv(der, 0);
  const parts = seq(ci, 'ContentInfo');
  if (oid(parts[0]) !== OID.signedData) cmsFail('ContentInfo is not SignedData');
  if (!isContext(parts[1], 0)) cmsFail('ContentInfo has no content');
  const sd = seq(children(parts[1])[0], 'SignedData');
  let i = 0;
  const version = smallInt(sd[i++]);
  if (!isUniversal(sd[i], TAG.SET)) cmsFail('SignedData digestAlgorithms missing');
  i++;
  const eci = seq(sd[i++], 'EncapsulatedContentInfo');
  const eContentType = oid(eci[0]);
  let eContent: Uint8Array | undefined;
  if (eci[1] !== undefined) {
    if (!isContext(eci[1], 0)) cmsFail('bad eContent');
    eContent = octets(children(eci[1])[0]);
  }
  const certificates: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const ocsps: Uint8Array[] = [];
  if (isContext(sd[i], 0)) {
    for (const c of children(sd[i] as Tlv, 1000)) if (isUniversal(c, TAG.SEQUENCE)) certificates.push(raw(c));
    i++;
  }
  if (isContext(sd[i], 1)) {
    for (const c of children(sd[i] as Tlv, 1000)) {
      if (isUniversal(c, TAG.SEQUENCE)) crls.push(raw(c));
      else if (isContext(c, 1)) {
        const [fmt, info] = children(c);
        if (oid(fmt) === OID.ocspResponseRevInfo && info) ocsps.push(raw(info));
      }
    }
    i++;
  }
  if (!isUniversal(sd[i], TAG.SET)) cmsFail('SignedData signerInfos missing');
  const signerInfos = children(sd[i] as Tlv, 100).map(parseSignerInfo);
  if (i + 1 !== sd.length) cmsFail('unexpected fields after signerInfos');
  const result: SignedData = {
    version,
    eContentType,
    certificates,
    crls,
    ocsps,
    signerInfos,
    trailing: der.length - ci.end,
  };
  if (eContent !== undefined) result.eContent = eContent;
  return result;
}

function parseAttributes(set: Tlv): Attribute[] {
  return children(set, 1000).map((a) => {
    const [t, vals] = seq(a, 'Attribute');
    if (!isUniversal(vals, TAG.SET)) cmsFail('attribute values are not a SET');
    return { oid: oid(t), values: children(vals, 1000) };
  });
}

function isDerOrdered(set: Tlv): boolean {
  if (set.indefinite) return false;
  const elems = children(set);
  for (let k = 1; k < elems.length; k++) {
    const a = raw(elems[k - 1] as Tlv);
    const b = raw(elems[k] as Tlv);
    // X.690 §11.6: ascending order of the encodings, shorter padded with trailing zeros.
    const n = Math.max(a.length, b.length);
    let cmp = 0;
    for (let j = 0; j < n && cmp === 0; j++) cmp = (a[j] ?? 0) - (b[j] ?? 0);
    if (cmp > 0) return false;
  }
  return elems.every((e) => !hasIndefinite(e));
}

function hasIndefinite(t: Tlv): boolean {
  if (t.indefinite) return true;
  return t.constructed && children(t).some(hasIndefinite);
}

function parseSignerInfo(tlv: Tlv): SignerInfo {
  const f = seq(tlv, 'SignerInfo');
  let i = 0;
  const version = smallInt(f[i++]);
  const sidT = f[i++];
  let sid: SignerId;
  if (isUniversal(sidT, TAG.SEQUENCE)) {
    const [issuer, serial] = children(sidT);
    if (issuer === undefined) cmsFail('bad IssuerAndSerialNumber');
    sid = { kind: 'issuerSerial', issuer: decodeName(issuer), serialHex: integerHex(serial) };
  } else if (isContext(sidT, 0)) {
    sid = {
      kind: 'ski',
      ski: Buffer.from(sidT?.constructed ? octets(children(sidT)[0]) : content(sidT)).toString('hex'),
    };
  } else cmsFail('bad SignerIdentifier');
  const digestAlgorithm = f[i++] as Tlv;
  let signedAttrs: SignerInfo['signedAttrs'];
  if (isContext(f[i], 0)) {
    const t = f[i] as Tlv;
    signedAttrs = { encoded: raw(t), attributes: parseAttributes(t), derOrdered: isDerOrdered(t) };
    i++;
  }
  const signatureAlgorithm = f[i++] as Tlv;
  const sigT = f[i++];
  if (!isUniversal(sigT, TAG.OCTET_STRING)) cmsFail('SignerInfo signature missing');
  const signature = octets(sigT);
  let unsignedAttrs: Attribute[] = [];
  if (isContext(f[i], 1)) {
    unsignedAttrs = parseAttributes(f[i] as Tlv);
    i++;
  }
  if (i !== f.length) cmsFail('unexpected fields in SignerInfo');
  const si: SignerInfo = { version, sid, digestAlgorithm, signatureAlgorithm, signature, unsignedAttrs };
  if (signedAttrs) si.signedAttrs = signedAttrs;
  return si;
}

/** The bytes the signature covers: the signed attributes re-tagged as SET (0x31), nothing re-sorted. */
export function signedAttrsForSignature(encoded: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(encoded);
  copy[0] = 0x31;
  return copy;
}

/** First value of an attribute, if the attribute occurs exactly once with exactly one value. */
export function singleAttribute(attrs: readonly Attribute[], o: string): Tlv | undefined | 'multiple' {
  const found = attrs.filter((a) => a.oid === o);
  if (found.length === 0) return undefined;
  if (found.length > 1 || found[0]?.values.length !== 1) return 'multiple';
  return found[0].values[0];
}

/** Re-parses a TLV's bytes standalone (for values later handed to other decoders). */
export function standalone(t: Tlv): Tlv {
  return parseDer(Uint8Array.from(raw(t)));
}
