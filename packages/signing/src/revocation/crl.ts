/**
 * X.509 CRLs (RFC 5280 §5), decoded from DER with the exact `tbsCertList` bytes.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { type SignatureAlgorithm, signatureAlgorithm, verifySignature } from '../cms/algorithms.ts';
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
  time,
} from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { type Certificate, publicKeyOf } from '../x509/certificate.ts';
import { decodeName, type Name } from '../x509/name.ts';

/** A revoked entry. */
export interface RevokedEntry {
  /** Revocation date. */
  date: Date;
  /** CRLReason code, if given. */
  reason?: number;
}

/** A decoded CRL. */
export interface Crl {
  /** DER. */
  der: Uint8Array;
  /** SHA-256 hex of the DER. */
  sha256: string;
  /** tbsCertList as encoded. */
  tbs: Uint8Array;
  /** Issuer name. */
  issuer: Name;
  /** thisUpdate. */
  thisUpdate: Date;
  /** nextUpdate, if present. */
  nextUpdate?: Date;
  /** Revoked serials (hex) → entry. */
  revoked: Map<string, RevokedEntry>;
  /** Outer signature algorithm element. */
  signatureAlgorithmTlv: Tlv;
  /** Signature bytes. */
  signatureValue: Uint8Array;
  /** authorityKeyIdentifier hex. */
  aki?: string;
  /** Whether this is a delta CRL (not used for status). */
  delta: boolean;
  /** issuingDistributionPoint scope flags. */
  onlyUser: boolean;
  /** Only CA certificates. */
  onlyCa: boolean;
  /** Indirect or attribute-only CRL, or unknown critical extension: not usable. */
  unsupported?: string;
}

/**
 * Decodes a CRL.
 *
 * @throws {SignatureError} `REVOCATION_MALFORMED`
 */
export function parseCrl(input: Uint8Array): Crl {
  try {
    return decode(Uint8Array.from(input));
  } catch (cause) {
    throw new SignatureError('REVOCATION_MALFORMED', `CRL could not be decoded: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function decode(der: Uint8Array): Crl {
  const [tbsT, sigAlgT, sigT] = seq(parseDer(der), 'CertificateList');
  const tbs = seq(tbsT, 'TBSCertList');
  let i = 0;
  if (isUniversal(tbs[i], TAG.INTEGER)) i++;
  i++; // signature algorithm
  const issuer = decodeName(tbs[i++] as Tlv);
  const thisUpdate = time(tbs[i++]);
  let nextUpdate: Date | undefined;
  if (tbs[i] !== undefined && (isUniversal(tbs[i], TAG.UTC_TIME) || isUniversal(tbs[i], TAG.GENERALIZED_TIME)))
    nextUpdate = time(tbs[i++]);
  const revoked = new Map<string, RevokedEntry>();
  let unsupported: string | undefined;
  if (isUniversal(tbs[i], TAG.SEQUENCE)) {
    for (const entry of children(tbs[i] as Tlv, 5_000_000)) {
      const [serial, date, exts] = seq(entry, 'revokedCertificate');
      const e: RevokedEntry = { date: time(date) };
      if (exts) {
        for (const ext of seq(exts, 'crlEntryExtensions')) {
          const parts = seq(ext, 'Extension');
          const eo = oid(parts[0]);
          const critical = isUniversal(parts[1], TAG.BOOLEAN) && content(parts[1])[0] !== 0;
          const value = octets(parts[parts.length - 1]);
          if (eo === '2.5.29.21') e.reason = smallInt(parseDer(value));
          else if (eo === '2.5.29.29') unsupported = 'indirect CRL (certificateIssuer entry extension)';
          else if (critical && eo !== '2.5.29.24') unsupported = `unknown critical entry extension ${eo}`;
        }
      }
      revoked.set(integerHex(serial), e);
    }
    i++;
  }
  let aki: string | undefined;
  let delta = false;
  let onlyUser = false;
  let onlyCa = false;
  if (isContext(tbs[i], 0)) {
    for (const ext of seq(children(tbs[i] as Tlv)[0], 'crlExtensions')) {
      const parts = seq(ext, 'Extension');
      const eo = oid(parts[0]);
      const critical = isUniversal(parts[1], TAG.BOOLEAN) && content(parts[1])[0] !== 0;
      const value = parseDer(octets(parts[parts.length - 1]));
      switch (eo) {
        case '2.5.29.35':
          for (const p of seq(value, 'AuthorityKeyIdentifier'))
            if (isContext(p, 0)) aki = Buffer.from(content(p)).toString('hex');
          break;
        case '2.5.29.20': // cRLNumber
        case '2.5.29.46': // freshestCRL
        case '2.5.29.60': // expiredCertsOnCRL
          break;
        case '2.5.29.27':
          delta = true;
          break;
        case '2.5.29.28':
          for (const p of seq(value, 'IssuingDistributionPoint')) {
            const flag = p.constructed ? false : content(p)[0] !== 0;
            if (isContext(p, 1)) onlyUser = flag;
            else if (isContext(p, 2)) onlyCa = flag;
            else if (isContext(p, 3)) unsupported = 'CRL limited to some revocation reasons';
            else if (isContext(p, 4) && flag) unsupported = 'indirect CRL';
            else if (isContext(p, 5) && flag) unsupported = 'attribute-certificate CRL';
          }
          break;
        default:
          if (critical) unsupported = `unknown critical CRL extension ${eo}`;
      }
    }
  }
  const crl: Crl = {
    der,
    sha256: createHash('sha256').update(der).digest('hex'),
    tbs: raw(tbsT as Tlv),
    issuer,
    thisUpdate,
    revoked,
    signatureAlgorithmTlv: sigAlgT as Tlv,
    signatureValue: bitString(sigT).bytes,
    delta,
    onlyUser,
    onlyCa,
  };
  if (nextUpdate) crl.nextUpdate = nextUpdate;
  if (aki) crl.aki = aki;
  if (unsupported) crl.unsupported = unsupported;
  return crl;
}

/** Whether `issuer`'s key verifies the CRL. */
export function crlSignedBy(crl: Crl, issuer: Certificate): boolean {
  let alg: SignatureAlgorithm;
  try {
    alg = signatureAlgorithm(crl.signatureAlgorithmTlv);
    return verifySignature(publicKeyOf(issuer), alg, crl.tbs, crl.signatureValue);
  } catch {
    return false;
  }
}
