/**
 * Algorithm identifiers and their verification parameters (node:crypto).
 *
 * @module
 */
import {
  createHash,
  createPublicKey,
  createVerify,
  type KeyObject,
  constants as nodeConstants,
  verify as nodeVerify,
} from 'node:crypto';
import { SignatureError } from '../errors.ts';
import { children, content, isContext, isUniversal, oid, parseDer, seq, smallInt, TAG, type Tlv } from './der.ts';

/** Digest algorithms by OID: [display name, node:crypto name, output bytes]. */
const DIGESTS: Record<string, readonly [string, string, number]> = {
  '1.3.14.3.2.26': ['SHA-1', 'sha1', 20],
  '2.16.840.1.101.3.4.2.4': ['SHA-224', 'sha224', 28],
  '2.16.840.1.101.3.4.2.1': ['SHA-256', 'sha256', 32],
  '2.16.840.1.101.3.4.2.2': ['SHA-384', 'sha384', 48],
  '2.16.840.1.101.3.4.2.3': ['SHA-512', 'sha512', 64],
  '2.16.840.1.101.3.4.2.5': ['SHA-512/224', 'sha512-224', 28],
  '2.16.840.1.101.3.4.2.6': ['SHA-512/256', 'sha512-256', 32],
  '2.16.840.1.101.3.4.2.7': ['SHA3-224', 'sha3-224', 28],
  '2.16.840.1.101.3.4.2.8': ['SHA3-256', 'sha3-256', 32],
  '2.16.840.1.101.3.4.2.9': ['SHA3-384', 'sha3-384', 48],
  '2.16.840.1.101.3.4.2.10': ['SHA3-512', 'sha3-512', 64],
  '1.3.36.3.2.1': ['RIPEMD-160', 'ripemd160', 20],
};

/** A digest algorithm resolved from its OID. */
export interface Digest {
  /** Dotted OID. */
  oid: string;
  /** Display name, e.g. `SHA-256`. */
  name: string;
  /** node:crypto hash name. */
  node: string;
  /** Output length in bytes. */
  size: number;
}

/** Resolves a digest OID; `undefined` when unknown (MD5, MD2, … are deliberately absent). */
export function digestByOid(o: string): Digest | undefined {
  const d = DIGESTS[o];
  return d ? { oid: o, name: d[0], node: d[1], size: d[2] } : undefined;
}

/** Reads an AlgorithmIdentifier: its OID and the parameters element, if any. */
export function algorithmIdentifier(tlv: Tlv | undefined): { oid: string; params: Tlv | undefined } {
  const parts = seq(tlv, 'AlgorithmIdentifier');
  if (parts.length < 1 || parts.length > 2) throw new SignatureError('ASN1_MALFORMED', 'bad AlgorithmIdentifier');
  return { oid: oid(parts[0]), params: parts[1] };
}

type SigFamily = 'rsa' | 'rsa-pss' | 'ecdsa' | 'plain-ecdsa' | 'eddsa';

/** Signature algorithms by OID: [family, digest OID or null (taken from context)]. */
const SIGNATURES: Record<string, readonly [SigFamily, string | null, string]> = {
  '1.2.840.113549.1.1.1': ['rsa', null, 'RSA'],
  '1.2.840.113549.1.1.5': ['rsa', '1.3.14.3.2.26', 'sha1WithRSAEncryption'],
  '1.2.840.113549.1.1.14': ['rsa', '2.16.840.1.101.3.4.2.4', 'sha224WithRSAEncryption'],
  '1.2.840.113549.1.1.11': ['rsa', '2.16.840.1.101.3.4.2.1', 'sha256WithRSAEncryption'],
  '1.2.840.113549.1.1.12': ['rsa', '2.16.840.1.101.3.4.2.2', 'sha384WithRSAEncryption'],
  '1.2.840.113549.1.1.13': ['rsa', '2.16.840.1.101.3.4.2.3', 'sha512WithRSAEncryption'],
  '1.2.840.113549.1.1.15': ['rsa', '2.16.840.1.101.3.4.2.5', 'sha512-224WithRSAEncryption'],
  '1.2.840.113549.1.1.16': ['rsa', '2.16.840.1.101.3.4.2.6', 'sha512-256WithRSAEncryption'],
  '2.16.840.1.101.3.4.3.13': ['rsa', '2.16.840.1.101.3.4.2.7', 'RSA-SHA3-224'],
  '2.16.840.1.101.3.4.3.14': ['rsa', '2.16.840.1.101.3.4.2.8', 'RSA-SHA3-256'],
  '2.16.840.1.101.3.4.3.15': ['rsa', '2.16.840.1.101.3.4.2.9', 'RSA-SHA3-384'],
  '2.16.840.1.101.3.4.3.16': ['rsa', '2.16.840.1.101.3.4.2.10', 'RSA-SHA3-512'],
  '1.3.36.3.3.1.2': ['rsa', '1.3.36.3.2.1', 'ripemd160WithRSA'],
  '1.2.840.113549.1.1.10': ['rsa-pss', null, 'RSASSA-PSS'],
  '1.2.840.10045.2.1': ['ecdsa', null, 'ECDSA'],
  '1.2.840.10045.4.1': ['ecdsa', '1.3.14.3.2.26', 'ecdsa-with-SHA1'],
  '1.2.840.10045.4.3.1': ['ecdsa', '2.16.840.1.101.3.4.2.4', 'ecdsa-with-SHA224'],
  '1.2.840.10045.4.3.2': ['ecdsa', '2.16.840.1.101.3.4.2.1', 'ecdsa-with-SHA256'],
  '1.2.840.10045.4.3.3': ['ecdsa', '2.16.840.1.101.3.4.2.2', 'ecdsa-with-SHA384'],
  '1.2.840.10045.4.3.4': ['ecdsa', '2.16.840.1.101.3.4.2.3', 'ecdsa-with-SHA512'],
  '2.16.840.1.101.3.4.3.9': ['ecdsa', '2.16.840.1.101.3.4.2.7', 'ecdsa-with-SHA3-224'],
  '2.16.840.1.101.3.4.3.10': ['ecdsa', '2.16.840.1.101.3.4.2.8', 'ecdsa-with-SHA3-256'],
  '2.16.840.1.101.3.4.3.11': ['ecdsa', '2.16.840.1.101.3.4.2.9', 'ecdsa-with-SHA3-384'],
  '2.16.840.1.101.3.4.3.12': ['ecdsa', '2.16.840.1.101.3.4.2.10', 'ecdsa-with-SHA3-512'],
  // BSI TR-03111 plain ECDSA (r || s)
  '0.4.0.127.0.7.1.1.4.1.1': ['plain-ecdsa', '1.3.14.3.2.26', 'plain-ECDSA-SHA1'],
  '0.4.0.127.0.7.1.1.4.1.2': ['plain-ecdsa', '2.16.840.1.101.3.4.2.4', 'plain-ECDSA-SHA224'],
  '0.4.0.127.0.7.1.1.4.1.3': ['plain-ecdsa', '2.16.840.1.101.3.4.2.1', 'plain-ECDSA-SHA256'],
  '0.4.0.127.0.7.1.1.4.1.4': ['plain-ecdsa', '2.16.840.1.101.3.4.2.2', 'plain-ECDSA-SHA384'],
  '0.4.0.127.0.7.1.1.4.1.5': ['plain-ecdsa', '2.16.840.1.101.3.4.2.3', 'plain-ECDSA-SHA512'],
  '1.3.101.112': ['eddsa', null, 'Ed25519'],
  '1.3.101.113': ['eddsa', null, 'Ed448'],
};

/** Key types of SubjectPublicKeyInfo by OID. */
const KEY_TYPES: Record<string, 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448'> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
};

/** A signature algorithm with everything needed to verify. */
export interface SignatureAlgorithm {
  /** Display name. */
  name: string;
  /** Family. */
  family: SigFamily;
  /** Digest used by the signature (resolved), `undefined` for EdDSA. */
  digest: Digest | undefined;
  /** RSASSA-PSS salt length. */
  saltLength?: number;
}

/**
 * Resolves a signature AlgorithmIdentifier. `contextDigest` supplies the hash for bare
 * `rsaEncryption` / `id-ecPublicKey` (CMS: the SignerInfo's digestAlgorithm).
 */
export function signatureAlgorithm(tlv: Tlv | undefined, contextDigest?: Digest): SignatureAlgorithm {
  const { oid: o, params } = algorithmIdentifier(tlv);
  const entry = SIGNATURES[o];
  if (!entry) throw new SignatureError('UNSUPPORTED_ALGORITHM', `unsupported signature algorithm ${o}`);
  const [family, digestOid, name] = entry;
  if (family === 'rsa-pss') return pss(params);
  if (family === 'ecdsa' || family === 'eddsa') {
    // RFC 5758 §3.2: ECDSA identifiers have absent parameters (pkijs #464 accepted anything). NULL is
    // tolerated because common signers emit it; anything else is refused.
    if (params !== undefined && !isUniversal(params, TAG.NULL) && o !== '1.2.840.10045.2.1')
      throw new SignatureError('UNSUPPORTED_ALGORITHM', `${name} must not have parameters`);
  } else if (family === 'plain-ecdsa') {
    // BSI TR-03111 allows the curve OID as parameter; the key's own curve is what counts.
    if (params !== undefined && !isUniversal(params, TAG.NULL) && !isUniversal(params, TAG.OID))
      throw new SignatureError('UNSUPPORTED_ALGORITHM', `${name} has unexpected parameters`);
  } else if (params !== undefined && !isUniversal(params, TAG.NULL)) {
    throw new SignatureError('UNSUPPORTED_ALGORITHM', `${name} parameters must be NULL or absent`);
  }
  if (family === 'eddsa') return { name, family, digest: undefined };
  const digest = digestOid === null ? contextDigest : digestByOid(digestOid);
  if (!digest) throw new SignatureError('UNSUPPORTED_ALGORITHM', `no digest for ${name}`);
  return { name: digestOid === null ? `${digest.name} with ${name}` : name, family, digest };
}

function pss(params: Tlv | undefined): SignatureAlgorithm {
  // RSASSA-PSS-params ::= SEQUENCE { [0] hashAlgorithm DEFAULT sha1, [1] maskGenAlgorithm DEFAULT mgf1SHA1,
  //   [2] saltLength DEFAULT 20, [3] trailerField DEFAULT 1 }
  let hash = digestByOid('1.3.14.3.2.26') as Digest;
  let mgfHash = hash;
  let saltLength = 20;
  if (params !== undefined) {
    for (const f of seq(params, 'RSASSA-PSS-params')) {
      const inner = children(f)[0];
      if (isContext(f, 0)) {
        const d = digestByOid(algorithmIdentifier(inner).oid);
        if (!d) throw new SignatureError('UNSUPPORTED_ALGORITHM', 'unsupported PSS hash');
        hash = d;
      } else if (isContext(f, 1)) {
        const mgf = algorithmIdentifier(inner);
        if (mgf.oid !== '1.2.840.113549.1.1.8')
          throw new SignatureError('UNSUPPORTED_ALGORITHM', 'PSS mask generation is not MGF1');
        const d = digestByOid(algorithmIdentifier(mgf.params).oid);
        if (!d) throw new SignatureError('UNSUPPORTED_ALGORITHM', 'unsupported MGF1 hash');
        mgfHash = d;
      } else if (isContext(f, 2)) {
        saltLength = smallInt(inner);
      } else if (isContext(f, 3)) {
        if (smallInt(inner) !== 1) throw new SignatureError('UNSUPPORTED_ALGORITHM', 'PSS trailer field is not 1');
      } else throw new SignatureError('ASN1_MALFORMED', 'bad RSASSA-PSS-params');
    }
  }
  // node:crypto uses the same hash for MGF1 as for the message.
  if (mgfHash.oid !== hash.oid) throw new SignatureError('UNSUPPORTED_ALGORITHM', 'PSS with a different MGF1 hash');
  if (saltLength < 0 || saltLength > 1024) throw new SignatureError('UNSUPPORTED_ALGORITHM', 'bad PSS salt length');
  return { name: `RSASSA-PSS (${hash.name})`, family: 'rsa-pss', digest: hash, saltLength };
}

/** A public key ready for verification, with its size. */
export interface PublicKey {
  /** node:crypto key. */
  key: KeyObject;
  /** Key type. */
  type: 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448';
  /** Key size in bits (RSA modulus, EC field size). */
  bits: number;
  /** Named curve for EC keys. */
  curve?: string;
}

const keyCache = new Map<string, PublicKey>();

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256,
  secp384r1: 384,
  secp521r1: 521,
  secp256k1: 256,
  secp224r1: 224,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

/**
 * Imports a SubjectPublicKeyInfo (DER) once; keys are cached by their encoding
 * (key import dominates RSA verification time, see signatures.md §11).
 */
export function importSpki(spki: Uint8Array): PublicKey {
  const cacheKey = Buffer.from(spki).toString('base64');
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const parts = seq(parseDer(spki), 'SubjectPublicKeyInfo');
  const algo = algorithmIdentifier(parts[0]);
  const type = KEY_TYPES[algo.oid];
  if (!type) throw new SignatureError('UNSUPPORTED_ALGORITHM', `unsupported public key algorithm ${algo.oid}`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new SignatureError('UNSUPPORTED_ALGORITHM', 'public key could not be imported', { cause });
  }
  const details = key.asymmetricKeyDetails ?? {};
  let bits = 0;
  let curve: string | undefined;
  if (type === 'rsa' || type === 'rsa-pss') bits = details.modulusLength ?? 0;
  else if (type === 'ec') {
    curve = details.namedCurve;
    bits = curve ? (CURVE_BITS[curve] ?? 0) : 0;
  } else bits = type === 'ed25519' ? 256 : 456;
  const pk: PublicKey = curve === undefined ? { key, type, bits } : { key, type, bits, curve };
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(cacheKey, pk);
  return pk;
}

/** Whether a key type can be used with a signature family (check 16: reject mismatched pairs). */
export function keyMatchesAlgorithm(key: PublicKey, alg: SignatureAlgorithm): boolean {
  switch (alg.family) {
    case 'rsa':
      return key.type === 'rsa';
    case 'rsa-pss':
      return key.type === 'rsa' || key.type === 'rsa-pss';
    case 'ecdsa':
    case 'plain-ecdsa':
      return key.type === 'ec';
    case 'eddsa':
      return (key.type === 'ed25519' && alg.name === 'Ed25519') || (key.type === 'ed448' && alg.name === 'Ed448');
  }
}

/** Verifies `signature` over `data`. Returns false (never throws) on a bad signature. */
export function verifySignature(
  key: PublicKey,
  alg: SignatureAlgorithm,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!keyMatchesAlgorithm(key, alg)) return false;
  try {
    if (alg.family === 'eddsa') return nodeVerify(null, data, key.key, signature);
    const hash = (alg.digest as Digest).node;
    if (alg.family === 'rsa-pss')
      return nodeVerify(
        hash,
        data,
        { key: key.key, padding: nodeConstants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? 20 },
        signature,
      );
    if (alg.family === 'rsa')
      return nodeVerify(hash, data, { key: key.key, padding: nodeConstants.RSA_PKCS1_PADDING }, signature);
    if (alg.family === 'plain-ecdsa')
      return nodeVerify(hash, data, { key: key.key, dsaEncoding: 'ieee-p1363' }, signature);
    return nodeVerify(hash, data, { key: key.key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** Verifies a signature over the concatenation of `slices` without joining them (except for EdDSA). */
export function verifySignatureSlices(
  key: PublicKey,
  alg: SignatureAlgorithm,
  slices: readonly Uint8Array[],
  signature: Uint8Array,
): boolean {
  if (!keyMatchesAlgorithm(key, alg)) return false;
  if (alg.family === 'eddsa') return verifySignature(key, alg, Buffer.concat(slices), signature);
  try {
    const v = createVerify((alg.digest as Digest).node);
    for (const s of slices) v.update(s);
    if (alg.family === 'rsa-pss')
      return v.verify(
        { key: key.key, padding: nodeConstants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? 20 },
        signature,
      );
    if (alg.family === 'rsa') return v.verify({ key: key.key, padding: nodeConstants.RSA_PKCS1_PADDING }, signature);
    return v.verify({ key: key.key, dsaEncoding: alg.family === 'plain-ecdsa' ? 'ieee-p1363' : 'der' }, signature);
  } catch {
    return false;
  }
}

/**
 * A source of signed data that hashes it itself — a large file's ByteRange streamed from disk
 * rather than held in memory. `read` materialises the slices, for the rare signature made
 * without signed attributes (the signature is then over the data, not over a digest).
 */
export interface HashSource {
  digest(d: Digest): Uint8Array;
  read(): readonly Uint8Array[];
}

/** Signed data: the slices in order, or a {@link HashSource}. */
export type HashInput = readonly Uint8Array[] | HashSource;

/** The slices of a {@link HashInput} (read from its source when it is one). */
export function slicesOfInput(input: HashInput): readonly Uint8Array[] {
  return Array.isArray(input) ? (input as readonly Uint8Array[]) : (input as HashSource).read();
}

/** Hashes a list of slices incrementally (or asks a {@link HashSource} for its digest). */
export function hashSlices(digest: Digest, input: HashInput): Uint8Array {
  if (!Array.isArray(input)) return (input as HashSource).digest(digest);
  const h = createHash(digest.node);
  for (const s of input as readonly Uint8Array[]) h.update(s);
  return h.digest();
}

/** Hashes one buffer. */
export function hash(digest: Digest | string, data: Uint8Array): Uint8Array {
  return createHash(typeof digest === 'string' ? digest : digest.node)
    .update(data)
    .digest();
}

/** The raw content octets of a BIT STRING public key inside an SPKI (for OCSP key hashes). */
export function spkiKeyBits(spki: Uint8Array): Uint8Array {
  const parts = seq(parseDer(spki), 'SubjectPublicKeyInfo');
  const bits = parts[1];
  if (!isUniversal(bits, TAG.BIT_STRING)) throw new SignatureError('ASN1_MALFORMED', 'bad SubjectPublicKeyInfo');
  return content(bits).subarray(1);
}
