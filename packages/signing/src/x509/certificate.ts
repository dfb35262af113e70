/**
 * X.509 certificates decoded from DER, keeping the exact bytes needed for verification.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import {
  algorithmIdentifier,
  importSpki,
  type PublicKey,
  type SignatureAlgorithm,
  signatureAlgorithm,
  verifySignature,
} from '../cms/algorithms.ts';
import {
  bitString,
  children,
  content,
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
  text,
  time,
} from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { decodeName, formatName, type Name } from './name.ts';

/** Extension OIDs handled by path validation. */
export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  qcStatements: '1.3.6.1.5.5.7.1.3',
} as const;

/** Key usage bits (RFC 5280 §4.2.1.3). */
export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
} as const;

/** One extension. */
export interface Extension {
  /** Dotted OID. */
  oid: string;
  /** Critical flag. */
  critical: boolean;
  /** extnValue content (the DER of the extension value). */
  value: Uint8Array;
}

/** A decoded certificate. */
export interface Certificate {
  /** The certificate's DER. */
  der: Uint8Array;
  /** SHA-256 of the DER, hex (identity). */
  sha256: string;
  /** tbsCertificate bytes as encoded. */
  tbs: Uint8Array;
  /** Version (1, 2, 3). */
  version: number;
  /** Serial number, lower-case hex without leading zeros. */
  serialHex: string;
  /** Issuer name. */
  issuer: Name;
  /** Subject name. */
  subject: Name;
  /** Start of validity. */
  notBefore: Date;
  /** End of validity. */
  notAfter: Date;
  /** SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** Outer signatureAlgorithm element. */
  signatureAlgorithmTlv: Tlv;
  /** Signature value bytes. */
  signatureValue: Uint8Array;
  /** Extensions. */
  extensions: Extension[];
  /** basicConstraints, if present. */
  basicConstraints?: { ca: boolean; pathLen?: number };
  /** keyUsage bits, if present. */
  keyUsage?: Set<number>;
  /** extKeyUsage OIDs, if present. */
  extKeyUsage?: string[];
  /** subjectKeyIdentifier hex. */
  ski?: string;
  /** authorityKeyIdentifier keyIdentifier hex. */
  aki?: string;
  /** CRL distribution point URLs. */
  crlUrls: string[];
  /** OCSP responder URLs from AIA. */
  ocspUrls: string[];
  /** caIssuers URLs from AIA. */
  caIssuerUrls: string[];
  /** Whether id-pkix-ocsp-nocheck is present. */
  ocspNoCheck: boolean;
}

const certCache = new Map<string, Certificate>();

/**
 * Decodes a DER certificate (cached by SHA-256).
 *
 * @throws {SignatureError} `CERTIFICATE_MALFORMED`
 */
export function parseCertificate(der: Uint8Array): Certificate {
  const sha256 = createHash('sha256').update(der).digest('hex');
  const hit = certCache.get(sha256);
  if (hit) return hit;
  let cert: Certificate;
  try {
    cert = decode(der, sha256);
  } catch (cause) {
    throw new SignatureError('CERTIFICATE_MALFORMED', `certificate could not be decoded: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (certCache.size > 5000) certCache.clear();
  certCache.set(sha256, cert);
  return cert;
}

function decode(input: Uint8Array, sha256: string): Certificate {
  const der = Uint8Array.from(input);
  const [tbsT, sigAlgT, sigT] = seq(parseDer(der), 'Certificate');
  const sigBits = bitString(sigT);
  const tbs = seq(tbsT, 'TBSCertificate');
  let i = 0;
  let version = 1;
  if (isContext(tbs[0], 0)) {
    version = smallInt(children(tbs[0])[0]) + 1;
    i++;
  }
  const serialHex = integerHex(tbs[i++]);
  i++; // inner signature algorithm; compared below
  const innerAlg = tbs[i - 1];
  const issuer = decodeName(tbs[i++] as Tlv);
  const [nb, na] = seq(tbs[i++], 'Validity');
  const subject = decodeName(tbs[i++] as Tlv);
  const spkiT = tbs[i++];
  if (!isUniversal(spkiT, TAG.SEQUENCE)) throw new Error('missing SubjectPublicKeyInfo');
  if (innerAlg === undefined || Buffer.compare(raw(innerAlg), raw(sigAlgT as Tlv)) !== 0)
    throw new Error('signature algorithm differs between tbsCertificate and Certificate');
  const extensions: Extension[] = [];
  for (; i < tbs.length; i++) {
    const t = tbs[i] as Tlv;
    if (isContext(t, 3)) {
      const seen = new Set<string>();
      for (const e of seq(children(t)[0], 'Extensions')) {
        const parts = seq(e, 'Extension');
        const eo = oid(parts[0]);
        let critical = false;
        let vi = 1;
        if (isUniversal(parts[1], TAG.BOOLEAN)) {
          critical = content(parts[1])[0] !== 0;
          vi = 2;
        }
        if (seen.has(eo)) throw new Error(`duplicate extension ${eo}`);
        seen.add(eo);
        extensions.push({ oid: eo, critical, value: octets(parts[vi]) });
      }
    }
  }
  const cert: Certificate = {
    der,
    sha256,
    tbs: raw(tbsT as Tlv),
    version,
    serialHex,
    issuer,
    subject,
    notBefore: time(nb),
    notAfter: time(na),
    spki: raw(spkiT),
    signatureAlgorithmTlv: sigAlgT as Tlv,
    signatureValue: sigBits.bytes,
    extensions,
    crlUrls: [],
    ocspUrls: [],
    caIssuerUrls: [],
    ocspNoCheck: false,
  };
  for (const e of extensions) decodeExtension(cert, e);
  return cert;
}

function generalNameUris(names: Tlv[]): string[] {
  const out: string[] = [];
  for (const n of names) if (isContext(n, 6)) out.push(Buffer.from(content(n)).toString('latin1'));
  return out;
}

function decodeExtension(cert: Certificate, e: Extension): void {
  const v = parseDer(e.value);
  switch (e.oid) {
    case EXT.basicConstraints: {
      const parts = seq(v, 'BasicConstraints');
      let ca = false;
      let pathLen: number | undefined;
      for (const p of parts) {
        if (isUniversal(p, TAG.BOOLEAN)) ca = content(p)[0] !== 0;
        else if (isUniversal(p, TAG.INTEGER)) pathLen = smallInt(p);
      }
      cert.basicConstraints = pathLen === undefined ? { ca } : { ca, pathLen };
      break;
    }
    case EXT.keyUsage: {
      const { bytes } = bitString(v);
      const set = new Set<number>();
      for (let bit = 0; bit < bytes.length * 8 && bit < 16; bit++)
        if (((bytes[bit >> 3] as number) >> (7 - (bit & 7))) & 1) set.add(bit);
      cert.keyUsage = set;
      break;
    }
    case EXT.extKeyUsage:
      cert.extKeyUsage = seq(v, 'ExtKeyUsage').map((t) => oid(t));
      break;
    case EXT.subjectKeyIdentifier:
      cert.ski = Buffer.from(octets(v)).toString('hex');
      break;
    case EXT.authorityKeyIdentifier:
      for (const p of seq(v, 'AuthorityKeyIdentifier'))
        if (isContext(p, 0)) cert.aki = Buffer.from(content(p)).toString('hex');
      break;
    case EXT.crlDistributionPoints:
      for (const dp of seq(v, 'CRLDistributionPoints'))
        for (const f of children(dp))
          if (isContext(f, 0)) {
            const full = children(f)[0];
            if (isContext(full, 0)) cert.crlUrls.push(...generalNameUris(children(full)));
          }
      break;
    case EXT.authorityInfoAccess:
      for (const ad of seq(v, 'AuthorityInfoAccess')) {
        const [m, loc] = seq(ad, 'AccessDescription');
        const method = oid(m);
        const urls = loc ? generalNameUris([loc]) : [];
        if (method === '1.3.6.1.5.5.7.48.1') cert.ocspUrls.push(...urls);
        else if (method === '1.3.6.1.5.5.7.48.2') cert.caIssuerUrls.push(...urls);
      }
      break;
    case EXT.ocspNoCheck:
      cert.ocspNoCheck = true;
      break;
    default:
      break;
  }
}

/** The certificate's public key (imported once). */
export function publicKeyOf(cert: Certificate): PublicKey {
  return importSpki(cert.spki);
}

/** The algorithm that signed this certificate. */
export function certSignatureAlgorithm(cert: Certificate): SignatureAlgorithm {
  return signatureAlgorithm(cert.signatureAlgorithmTlv);
}

/** Whether `issuer`'s key verifies `cert`'s signature. */
export function isSignedBy(cert: Certificate, issuer: Certificate): boolean {
  try {
    return verifySignature(publicKeyOf(issuer), certSignatureAlgorithm(cert), cert.tbs, cert.signatureValue);
  } catch {
    return false;
  }
}

/** Whether the certificate is self-issued (subject == issuer by encoding). */
export function isSelfIssued(cert: Certificate): boolean {
  return Buffer.compare(cert.subject.der, cert.issuer.der) === 0;
}

/** One-line description for reports. */
export function describe(cert: Certificate): string {
  return formatName(cert.subject);
}

/** Text of a single extension value, for diagnostics. */
export function extensionText(e: Extension): string {
  try {
    return text(parseDer(e.value));
  } catch {
    return Buffer.from(e.value).toString('hex');
  }
}

/** The AlgorithmIdentifier OID of the public key. */
export function publicKeyAlgorithmOid(cert: Certificate): string {
  return algorithmIdentifier(seq(parseDer(cert.spki), 'SubjectPublicKeyInfo')[0]).oid;
}
