/**
 * The `Signer` port: who holds the private key. A software key (PKCS#8, or PKCS#12 through
 * {@link pkcs12Signer}) for tests and small deployments; or an external signer that receives only
 * the digest and returns the signature value — a USB token through PKCS#11, or a remote signing
 * service such as the NEAC gateway (signatures.md §2.2: `sign_type: hash`).
 *
 * @module
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  constants as nodeConstants,
  sign as nodeSign,
} from 'node:crypto';
import { importSpki } from '../cms/algorithms.ts';
import { SignatureError } from '../errors.ts';
import { type Certificate, parseCertificate } from '../x509/certificate.ts';
import { type BinaryOrPem, pemOrDer } from '../x509/pem.ts';

/**
 * Signature schemes a signer can produce. TT 15/2025/TT-BKHCN Phụ lục I asks for RSASSA-PSS for
 * new RSA signatures; PKCS#1 v1.5 remains for receivers that cannot verify PSS yet.
 *
 * @example
 * ```ts
 * import type { SignatureScheme } from '@motcua/signing/sign';
 * const scheme: SignatureScheme = 'RSASSA-PSS';
 * ```
 * @category Signing
 */
export type SignatureScheme = 'RSASSA-PSS' | 'RSASSA-PKCS1-v1_5' | 'ECDSA';

/**
 * Hash functions for new signatures (SHA-1 is not offered: TT 15/2025/TT-BKHCN Phụ lục I).
 *
 * @example
 * ```ts
 * import type { HashName } from '@motcua/signing/sign';
 * const hash: HashName = 'SHA-256';
 * ```
 * @category Signing
 */
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

/**
 * What a signer is asked to sign.
 *
 * @example
 * ```ts
 * import type { SignRequest } from '@motcua/signing/sign';
 * declare const req: SignRequest;
 * console.log(req.hash, Buffer.from(req.digest).toString('hex'));
 * ```
 * @category Signing
 */
export interface SignRequest {
  /** The exact bytes covered by the signature (CMS signed attributes, canonical SignedInfo, JWS signing input). */
  data: Uint8Array;
  /** `hash(data)`: what a token or a remote signing service signs. */
  digest: Uint8Array;
  /** The hash function. */
  hash: HashName;
  /** The scheme. RSASSA-PSS uses MGF1 with the same hash and a salt as long as the hash. */
  scheme: SignatureScheme;
}

/**
 * A private key and its certificate, wherever the key lives.
 *
 * @example
 * ```ts
 * import type { Signer } from '@motcua/signing/sign';
 * declare const signer: Signer;
 * const value = await signer.sign({ data: new Uint8Array(0), digest: new Uint8Array(32), hash: signer.hash, scheme: signer.scheme });
 * ```
 * @category Signing
 */
export interface Signer {
  /** The signer certificate (DER). */
  readonly certificate: Uint8Array;
  /** Intermediate certificates (DER), the signer's issuer first; the root is not needed. */
  readonly chain: readonly Uint8Array[];
  /** The scheme this signer produces. */
  readonly scheme: SignatureScheme;
  /** The hash it signs with. */
  readonly hash: HashName;
  /**
   * Returns the signature value. RSA: the signature octets. ECDSA: either DER (`SEQUENCE { r, s }`) or
   * `r‖s`; the caller converts to what the format needs.
   */
  sign(request: SignRequest): Promise<Uint8Array>;
}

const NODE_HASH: Record<HashName, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const HASH_SIZE: Record<HashName, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

/** node:crypto name of a hash. */
export function nodeHash(h: HashName): string {
  return NODE_HASH[h];
}

/** Output size of a hash in bytes. */
export function hashSize(h: HashName): number {
  return HASH_SIZE[h];
}

/** `hash(data)`. */
export function digestOf(h: HashName, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(NODE_HASH[h]).update(data).digest());
}

/**
 * Options of {@link softwareSigner}.
 *
 * @example
 * ```ts
 * import type { SoftwareSignerOptions } from '@motcua/signing/sign';
 * declare const keyPem: string, certPem: string, issuerPem: string;
 * const o: SoftwareSignerOptions = { privateKey: keyPem, certificate: certPem, chain: [issuerPem], scheme: 'RSASSA-PSS' };
 * ```
 * @category Signing
 */
export interface SoftwareSignerOptions {
  /** PKCS#8 (PEM or DER; PEM `RSA PRIVATE KEY` / `EC PRIVATE KEY` too), or a node:crypto private key. */
  privateKey: BinaryOrPem | KeyObject;
  /** Passphrase of an encrypted PKCS#8 key. */
  passphrase?: string;
  /** The signer certificate (PEM or DER). */
  certificate: BinaryOrPem;
  /** Intermediates (PEM or DER), the issuer first. */
  chain?: readonly BinaryOrPem[];
  /** Default: RSASSA-PSS for RSA keys, ECDSA for EC keys. */
  scheme?: SignatureScheme;
  /** Default SHA-256. */
  hash?: HashName;
}

/**
 * A signer holding the private key in memory.
 *
 * @throws {SignatureError} `INVALID_INPUT` when the key or certificate cannot be read or do not match.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { softwareSigner } from '@motcua/signing/sign';
 * const signer = softwareSigner({ privateKey: readFileSync('key.pem', 'utf8'), certificate: readFileSync('cert.pem', 'utf8') });
 * ```
 * @category Signing
 */
export function softwareSigner(options: SoftwareSignerOptions): Signer {
  let key: KeyObject;
  try {
    const pk = options.privateKey;
    if (typeof pk === 'string' || pk instanceof Uint8Array) {
      const isPem = typeof pk === 'string' || Buffer.from(pk.subarray(0, 64)).toString('latin1').includes('-----BEGIN');
      key = isPem
        ? createPrivateKey(
            options.passphrase === undefined
              ? { key: Buffer.from(pk as string | Uint8Array) }
              : { key: Buffer.from(pk as string | Uint8Array), passphrase: options.passphrase },
          )
        : createPrivateKey(
            options.passphrase === undefined
              ? { key: Buffer.from(pk), format: 'der', type: 'pkcs8' }
              : { key: Buffer.from(pk), format: 'der', type: 'pkcs8', passphrase: options.passphrase },
          );
    } else key = pk;
  } catch (cause) {
    throw new SignatureError('INVALID_INPUT', 'the private key could not be read', { cause });
  }
  if (key.type !== 'private') throw new SignatureError('INVALID_INPUT', 'not a private key');
  const certificate = firstCertificate(options.certificate, 'certificate');
  const chain = (options.chain ?? []).map((c) => firstCertificate(c, 'chain certificate'));
  const kt = key.asymmetricKeyType;
  const scheme: SignatureScheme = options.scheme ?? (kt === 'ec' ? 'ECDSA' : 'RSASSA-PSS');
  if ((scheme === 'ECDSA') !== (kt === 'ec') || (kt !== 'ec' && kt !== 'rsa' && kt !== 'rsa-pss'))
    throw new SignatureError('INVALID_INPUT', `a ${kt} key cannot produce ${scheme}`);
  checkKeyMatchesCertificate(key, parseCertificate(certificate));
  const hash = options.hash ?? 'SHA-256';
  return {
    certificate,
    chain,
    scheme,
    hash,
    sign: async (req) => {
      const h = NODE_HASH[req.hash];
      if (req.scheme === 'RSASSA-PSS')
        return new Uint8Array(
          nodeSign(h, req.data, {
            key,
            padding: nodeConstants.RSA_PKCS1_PSS_PADDING,
            saltLength: HASH_SIZE[req.hash],
          }),
        );
      if (req.scheme === 'RSASSA-PKCS1-v1_5')
        return new Uint8Array(nodeSign(h, req.data, { key, padding: nodeConstants.RSA_PKCS1_PADDING }));
      return new Uint8Array(nodeSign(h, req.data, { key, dsaEncoding: 'der' }));
    },
  };
}

/**
 * Options of {@link externalSigner}.
 *
 * @example
 * ```ts
 * import type { ExternalSignerOptions } from '@motcua/signing/sign';
 * declare const certDer: Uint8Array;
 * const o: ExternalSignerOptions = {
 *   certificate: certDer,
 *   scheme: 'RSASSA-PKCS1-v1_5',
 *   signDigest: async (digest) => { throw new Error(`send ${digest.length} bytes to the token`); },
 * };
 * ```
 * @category Signing
 */
export interface ExternalSignerOptions {
  /** The signer certificate (PEM or DER), e.g. `cert_data` from the NEAC `get_certificate` call. */
  certificate: BinaryOrPem;
  /** Intermediates, the issuer first. */
  chain?: readonly BinaryOrPem[];
  /** What the device or service produces. */
  scheme: SignatureScheme;
  /** Default SHA-256. */
  hash?: HashName;
  /**
   * Signs a digest. For RSASSA-PKCS1-v1_5 a PKCS#11 token signing with `CKM_RSA_PKCS` needs the
   * DigestInfo: {@link digestInfo} builds it.
   */
  signDigest(digest: Uint8Array, info: { hash: HashName; scheme: SignatureScheme }): Promise<Uint8Array>;
}

/**
 * A signer whose key lives elsewhere: it receives the digest, never the document.
 *
 * @example
 * ```ts
 * import { externalSigner } from '@motcua/signing/sign';
 * declare const certPem: string;
 * declare function remoteSign(hashHex: string): Promise<string>; // e.g. a NEAC gateway call (sign_type: hash)
 * const signer = externalSigner({
 *   certificate: certPem,
 *   scheme: 'RSASSA-PKCS1-v1_5',
 *   signDigest: async (digest) => Buffer.from(await remoteSign(Buffer.from(digest).toString('hex')), 'base64'),
 * });
 * ```
 * @category Signing
 */
export function externalSigner(options: ExternalSignerOptions): Signer {
  const certificate = firstCertificate(options.certificate, 'certificate');
  const chain = (options.chain ?? []).map((c) => firstCertificate(c, 'chain certificate'));
  const key = importSpki(parseCertificate(certificate).spki);
  if ((options.scheme === 'ECDSA') !== (key.type === 'ec'))
    throw new SignatureError('INVALID_INPUT', `a ${key.type} certificate cannot verify ${options.scheme}`);
  return {
    certificate,
    chain,
    scheme: options.scheme,
    hash: options.hash ?? 'SHA-256',
    sign: (req) => options.signDigest(req.digest, { hash: req.hash, scheme: req.scheme }),
  };
}

const DIGEST_INFO_PREFIX: Record<HashName, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

/**
 * The DER `DigestInfo` a raw RSA PKCS#1 v1.5 operation (PKCS#11 `CKM_RSA_PKCS`) must sign.
 *
 * @example
 * ```ts
 * import { digestInfo } from '@motcua/signing/sign';
 * const di = digestInfo('SHA-256', new Uint8Array(32));
 * console.log(di.length); // 51
 * ```
 * @category Signing
 */
export function digestInfo(hash: HashName, digest: Uint8Array): Uint8Array {
  if (digest.length !== HASH_SIZE[hash]) throw new SignatureError('INVALID_INPUT', `not a ${hash} digest`);
  return new Uint8Array(Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[hash], 'hex'), digest]));
}

function firstCertificate(input: BinaryOrPem, what: string): Uint8Array {
  let der: Uint8Array | undefined;
  try {
    der = pemOrDer(input, ['CERTIFICATE'])[0];
    if (der) parseCertificate(der);
  } catch (cause) {
    throw new SignatureError('INVALID_INPUT', `${what}: not a certificate`, { cause });
  }
  if (!der) throw new SignatureError('INVALID_INPUT', `${what}: not a certificate`);
  return der;
}

function checkKeyMatchesCertificate(key: KeyObject, cert: Certificate): void {
  const pub = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (!pub.equals(Buffer.from(cert.spki)))
    throw new SignatureError('INVALID_INPUT', 'the private key does not belong to the certificate');
}

/** ECDSA signature value as `r‖s` of `size`-byte integers, from DER or `r‖s`. */
export function ecdsaRaw(sig: Uint8Array, size: number): Uint8Array {
  if (sig.length === 2 * size) return sig;
  const { r, s } = ecdsaDerParts(sig);
  const out = new Uint8Array(2 * size);
  out.set(fit(r, size), 0);
  out.set(fit(s, size), size);
  return out;
}

/** ECDSA signature value as DER, from DER or `r‖s`. */
export function ecdsaDer(sig: Uint8Array, size: number): Uint8Array {
  if (sig.length !== 2 * size) {
    ecdsaDerParts(sig);
    return sig;
  }
  const int = (b: Uint8Array): Buffer => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    const body = (v[0] as number) & 0x80 ? Buffer.concat([Buffer.of(0), v]) : Buffer.from(v);
    return Buffer.concat([Buffer.of(0x02, body.length), body]);
  };
  const body = Buffer.concat([int(sig.subarray(0, size)), int(sig.subarray(size))]);
  const len = body.length < 0x80 ? Buffer.of(body.length) : Buffer.of(0x81, body.length);
  return new Uint8Array(Buffer.concat([Buffer.of(0x30), len, body]));
}

function ecdsaDerParts(sig: Uint8Array): { r: Uint8Array; s: Uint8Array } {
  let p = 0;
  const byte = (): number => {
    const b = sig[p++];
    if (b === undefined) throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
    return b;
  };
  const len = (): number => {
    const l = byte();
    if (l < 0x80) return l;
    if (l === 0x81) return byte();
    throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
  };
  if (byte() !== 0x30) throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
  const total = len();
  if (p + total !== sig.length) throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
  const int = (): Uint8Array => {
    if (byte() !== 0x02) throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
    const l = len();
    const v = sig.subarray(p, p + l);
    p += l;
    return v;
  };
  return { r: int(), s: int() };
}

function fit(v: Uint8Array, size: number): Uint8Array {
  let i = 0;
  while (i < v.length - size && v[i] === 0) i++;
  const t = v.subarray(i);
  if (t.length > size) throw new SignatureError('INVALID_INPUT', 'bad ECDSA signature');
  const out = new Uint8Array(size);
  out.set(t, size - t.length);
  return out;
}

/** Field size in bytes of the signer's EC key (32 for P-256), or 0 for RSA. */
export function ecFieldSize(certificate: Uint8Array): number {
  const k = importSpki(parseCertificate(certificate).spki);
  return k.type === 'ec' ? Math.ceil(k.bits / 8) : 0;
}
