/**
 * PKCS#12 (RFC 7292) reading in pure JavaScript over node:crypto — no `openssl` binary. Covers what
 * certificate holders actually export: OpenSSL 3 defaults (PBES2 / PBKDF2 / AES-256-CBC, HMAC-SHA-256
 * MAC) and the legacy profile of OpenSSL 1.x and Windows (PKCS#12 PBE with 3DES for the key and
 * 40-bit RC2 for the certificates, HMAC-SHA-1 MAC). RC2 is implemented here (RFC 2268) because
 * OpenSSL 3 moved it to the legacy provider, which Node does not load.
 *
 * Written with the package's own DER reader rather than pkijs: pkijs decrypts only PBES2, so the
 * legacy files (most tokens' exports) would need this code anyway.
 *
 * @module
 */
import {
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  pbkdf2Sync,
} from 'node:crypto';
import { bytesEqual, children, isContext, octets, oid, parseDer, raw, seq, smallInt, type Tlv } from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { parseCertificate } from '../x509/certificate.ts';
import { namesEqual } from '../x509/name.ts';
import { type HashName, type SignatureScheme, type Signer, softwareSigner } from './signer.ts';

const O = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** PKCS#12 PBE (RFC 7292 Appendix C): cipher, key length, IV length. */
const PKCS12_PBE: Record<string, { cipher: 'des-ede3-cbc' | 'rc2'; keyLen: number; rc2Bits?: number }> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLen: 24 },
  '1.2.840.113549.1.12.1.4': { cipher: 'des-ede3-cbc', keyLen: 16 },
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLen: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLen: 5, rc2Bits: 40 },
};

const PBES2_CIPHERS: Record<string, { name: string; keyLen: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLen: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLen: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLen: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLen: 24 },
};

const HMAC_PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const DIGEST: Record<string, { node: string; v: number; u: number }> = {
  '1.3.14.3.2.26': { node: 'sha1', v: 64, u: 20 },
  '2.16.840.1.101.3.4.2.1': { node: 'sha256', v: 64, u: 32 },
  '2.16.840.1.101.3.4.2.2': { node: 'sha384', v: 128, u: 48 },
  '2.16.840.1.101.3.4.2.3': { node: 'sha512', v: 128, u: 64 },
};

const MAX_ITERATIONS = 10_000_000;

/** The contents of a PKCS#12 file. */
export interface Pkcs12Contents {
  /** The private key. */
  privateKey: KeyObject;
  /** The certificate of that key (DER). */
  certificate: Uint8Array;
  /** Other certificates, ordered from the key's issuer upwards where they chain (DER). */
  chain: Uint8Array[];
}

function fail(message: string, cause?: unknown): never {
  throw new SignatureError('INVALID_INPUT', message, cause === undefined ? undefined : { cause });
}

/** BMPString of the password with a two-byte terminator (RFC 7292 Appendix B.1). */
function bmpPassword(password: string): Buffer {
  if (password === '') return Buffer.alloc(0);
  const le = Buffer.from(`${password}\0`, 'utf16le');
  return le.swap16();
}

/** The PKCS#12 key derivation function (RFC 7292 Appendix B.2). */
function pkcs12Kdf(
  hash: { node: string; v: number; u: number },
  pw: Buffer,
  salt: Uint8Array,
  id: number,
  iter: number,
  n: number,
): Buffer {
  const { v, u } = hash;
  const D = Buffer.alloc(v, id);
  const fill = (src: Uint8Array): Buffer => {
    if (src.length === 0) return Buffer.alloc(0);
    const len = v * Math.ceil(src.length / v);
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const I = Buffer.concat([fill(salt), fill(pw)]);
  const out: Buffer[] = [];
  for (let produced = 0; produced < n; produced += u) {
    let A = createHash(hash.node).update(D).update(I).digest();
    for (let c = 1; c < iter; c++) A = createHash(hash.node).update(A).digest();
    out.push(A);
    const B = Buffer.alloc(v);
    for (let i = 0; i < v; i++) B[i] = A[i % u] as number;
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const x = (I[j + k] as number) + (B[k] as number) + carry;
        I[j + k] = x & 0xff;
        carry = x >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, n);
}

function iterations(t: Tlv | undefined): number {
  const n = t === undefined ? 1 : smallInt(t);
  if (n < 1 || n > MAX_ITERATIONS) fail('PKCS#12 iteration count out of range');
  return n;
}

/** Decrypts an EncryptedContentInfo / EncryptedPrivateKeyInfo body with its AlgorithmIdentifier. */
function decrypt(algTlv: Tlv, data: Uint8Array, password: string): Uint8Array {
  const [algOid, params] = seq(algTlv, 'AlgorithmIdentifier');
  const alg = oid(algOid);
  const pbe = PKCS12_PBE[alg];
  if (pbe) {
    const [salt, iter] = seq(params, 'PBEParameter');
    const s = octets(salt);
    const it = iterations(iter);
    const sha1 = DIGEST['1.3.14.3.2.26'] as { node: string; v: number; u: number };
    const pw = bmpPassword(password);
    const key = pkcs12Kdf(sha1, pw, s, 1, it, pbe.keyLen);
    const iv = pkcs12Kdf(sha1, pw, s, 2, it, 8);
    if (pbe.cipher === 'rc2') return rc2CbcDecrypt(key, pbe.rc2Bits as number, iv, data);
    const k = pbe.keyLen === 16 ? Buffer.concat([key, key.subarray(0, 8)]) : key;
    return cbc('des-ede3-cbc', k, iv, data);
  }
  if (alg === O.pbes2) {
    const [kdf, scheme] = seq(params, 'PBES2-params');
    const [kdfOid, kdfParams] = seq(kdf, 'keyDerivationFunc');
    if (oid(kdfOid) !== O.pbkdf2) fail('PKCS#12: only PBKDF2 is supported');
    const kp = seq(kdfParams, 'PBKDF2-params');
    const salt = octets(kp[0]);
    const it = iterations(kp[1]);
    let prf = 'sha1';
    for (const extra of kp.slice(2)) {
      if (extra.tag === 0x10) {
        const p = HMAC_PRF[oid(seq(extra, 'prf')[0])];
        if (!p) fail('PKCS#12: unsupported PBKDF2 PRF');
        prf = p;
      }
    }
    const [encOid, iv] = seq(scheme, 'encryptionScheme');
    const cipher = PBES2_CIPHERS[oid(encOid)];
    if (!cipher) fail('PKCS#12: unsupported PBES2 cipher');
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, it, cipher.keyLen, prf);
    return cbc(cipher.name, key, octets(iv), data);
  }
  return fail(`PKCS#12: unsupported encryption ${alg}`);
}

function cbc(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const d = createDecipheriv(name, key, iv);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch (cause) {
    return fail('PKCS#12: wrong password or corrupt file', cause);
  }
}

/**
 * Reads a PKCS#12 file: checks its MAC with the password, decrypts the bags, and pairs the private
 * key with its certificate.
 *
 * @throws {SignatureError} `INVALID_INPUT` for a wrong password, a corrupt file, unsupported
 * algorithms, or no key / certificate pair.
 */
export function readPkcs12(p12: Uint8Array, password: string): Pkcs12Contents {
  let pfx: Tlv[];
  try {
    pfx = seq(parseDer(p12), 'PFX');
  } catch (cause) {
    return fail('not a PKCS#12 file', cause);
  }
  if (smallInt(pfx[0]) !== 3) fail('PKCS#12: unsupported version');
  const [ctOid, ctContent] = seq(pfx[1], 'authSafe');
  if (oid(ctOid) !== O.data || !isContext(ctContent, 0)) fail('PKCS#12: only password-integrity files are supported');
  const authSafe = octets(children(ctContent)[0]);
  if (pfx[2]) verifyMac(pfx[2], authSafe, password);

  const keys: { id?: Uint8Array; pkcs8: Uint8Array }[] = [];
  const certs: { id?: Uint8Array; der: Uint8Array }[] = [];
  for (const ci of seq(parseDer(authSafe), 'AuthenticatedSafe')) {
    const [t, c] = seq(ci, 'ContentInfo');
    const type = oid(t);
    let safeContents: Uint8Array;
    if (type === O.data) safeContents = octets(children(c)[0]);
    else if (type === O.encryptedData) {
      const ed = seq(children(c)[0], 'EncryptedData');
      const [, alg, enc] = seq(ed[1], 'EncryptedContentInfo');
      if (!isContext(enc, 0)) fail('PKCS#12: no encrypted content');
      const encBytes = (enc as Tlv).constructed
        ? Buffer.concat(children(enc).map((x) => octets(x)))
        : (enc as Tlv).buf.subarray((enc as Tlv).contentStart, (enc as Tlv).contentEnd);
      safeContents = decrypt(alg as Tlv, encBytes, password);
    } else fail(`PKCS#12: unsupported content type ${type}`);
    for (const bag of seq(parseDer(safeContents), 'SafeContents')) {
      const [bagId, bagValue, bagAttrs] = seq(bag, 'SafeBag');
      const kind = oid(bagId);
      const value = children(bagValue)[0];
      const id = localKeyId(bagAttrs);
      if (kind === O.keyBag) keys.push({ ...(id ? { id } : {}), pkcs8: Uint8Array.from(raw(value)) });
      else if (kind === O.shroudedKeyBag) {
        const [alg, data] = seq(value, 'EncryptedPrivateKeyInfo');
        keys.push({ ...(id ? { id } : {}), pkcs8: decrypt(alg as Tlv, octets(data), password) });
      } else if (kind === O.certBag) {
        const [certId, certValue] = seq(value, 'CertBag');
        if (oid(certId) !== O.x509Certificate) continue;
        certs.push({ ...(id ? { id } : {}), der: Uint8Array.from(octets(children(certValue)[0])) });
      }
    }
  }
  const key = keys[0];
  if (!key || keys.length > 1) fail(`PKCS#12: expected one private key, found ${keys.length}`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(key.pkcs8), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    return fail('PKCS#12: the private key could not be read', cause);
  }
  const spki = privateKeySpki(privateKey);
  const mine = certs.find((c) => bytesEqual(parseCertificate(c.der).spki, spki));
  if (!mine) fail('PKCS#12: no certificate for the private key');
  return {
    privateKey,
    certificate: mine.der,
    chain: orderChain(
      mine.der,
      certs.filter((c) => c !== mine).map((c) => c.der),
    ),
  };
}

function privateKeySpki(k: KeyObject): Uint8Array {
  return new Uint8Array(createPublicKey(k).export({ format: 'der', type: 'spki' }));
}

/** Issuer first: follow issuer names from the signer certificate; the rest keep their order. */
function orderChain(leaf: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const rest = others.map((der) => ({ der, cert: parseCertificate(der) }));
  const out: Uint8Array[] = [];
  let cur = parseCertificate(leaf);
  for (;;) {
    const i = rest.findIndex((r) => namesEqual(r.cert.subject, cur.issuer) && r.cert.sha256 !== cur.sha256);
    if (i < 0) break;
    const [next] = rest.splice(i, 1) as [{ der: Uint8Array; cert: ReturnType<typeof parseCertificate> }];
    out.push(next.der);
    cur = next.cert;
  }
  return [...out, ...rest.map((r) => r.der)];
}

function localKeyId(attrs: Tlv | undefined): Uint8Array | undefined {
  if (!attrs) return undefined;
  for (const a of children(attrs)) {
    const [t, values] = seq(a, 'Attribute');
    if (oid(t) === O.localKeyId) return octets(children(values)[0]);
  }
  return undefined;
}

function verifyMac(macData: Tlv, authSafe: Uint8Array, password: string): void {
  const [digestInfo, saltTlv, iterTlv] = seq(macData, 'MacData');
  const [alg, digest] = seq(digestInfo, 'DigestInfo');
  const algOid = oid(seq(alg, 'AlgorithmIdentifier')[0]);
  const h = DIGEST[algOid];
  if (!h) fail(`PKCS#12: unsupported MAC algorithm ${algOid}`);
  const salt = octets(saltTlv);
  const it = iterations(iterTlv);
  const expected = octets(digest);
  // An empty password is encoded either as nothing or as a lone terminator, depending on the producer.
  const candidates = password === '' ? [Buffer.alloc(0), Buffer.alloc(2)] : [bmpPassword(password)];
  for (const pw of candidates) {
    const key = pkcs12Kdf(h, pw, salt, 3, it, h.u);
    const mac = createHmac(h.node, key).update(authSafe).digest();
    if (bytesEqual(mac, expected)) return;
  }
  fail('PKCS#12: wrong password (MAC check failed)');
}

// ---- RC2 (RFC 2268), decryption only ---------------------------------------------------------------

// PITABLE, RFC 2268 §2.
const PITABLE = Buffer.from(
  [
    'd978f9c419ddb5ed28e9fd794aa0d89d',
    'c67e37832b76538e624c6488448bfba2',
    '179a59f587b34f1361456d8d09817d32',
    'bd8f40eb86b77b0bf09521225c6b4e82',
    '54d66593ce60b21c7356c014a78cf1dc',
    '1275ca1f3bbee4d1423dd430a33cb626',
    '6fbf0eda4669075727f21d9bbc944303',
    'f811c7f690ef3ee706c3d52fc8661ed7',
    '08e8eade8052eef784aa72ac354d6a2a',
    '961ad2715a1549744b9fd05e0418a4ec',
    'c2e0416e0f51cbcc2491af50a1f47039',
    '997c3a8523b8b47afc02365b25559731',
    '2d5dfa98e38a92ae05df2910676cbac9',
    'd300e6cfe19ea82c6316013f58e289a9',
    '0d38341bab33ffb0bb480c5fb9b1cd2e',
    'c5f3db47e5a59c770aa62068fe7fc1ad',
  ].join(''),
  'hex',
);

function rc2Expand(key: Uint8Array, bits: number): Uint16Array {
  const L = new Uint8Array(128);
  L.set(key.subarray(0, 128));
  const T = Math.min(key.length, 128);
  for (let i = T; i < 128; i++) L[i] = PITABLE[((L[i - 1] as number) + (L[i - T] as number)) & 0xff] as number;
  const T8 = Math.ceil(bits / 8);
  const TM = 0xff >> (8 * T8 - bits);
  L[128 - T8] = PITABLE[(L[128 - T8] as number) & TM] as number;
  for (let i = 127 - T8; i >= 0; i--) L[i] = PITABLE[(L[i + 1] as number) ^ (L[i + T8] as number)] as number;
  const K = new Uint16Array(64);
  for (let i = 0; i < 64; i++) K[i] = (L[2 * i] as number) | ((L[2 * i + 1] as number) << 8);
  return K;
}

const SHIFT = [1, 2, 3, 5] as const;

function rc2DecryptBlock(K: Uint16Array, block: Uint8Array): Uint8Array {
  const R = new Uint16Array(4);
  for (let i = 0; i < 4; i++) R[i] = (block[2 * i] as number) | ((block[2 * i + 1] as number) << 8);
  let j = 63;
  const rmix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const r = R[i] as number;
      const s = SHIFT[i] as number;
      const rot = ((r >>> s) | (r << (16 - s))) & 0xffff;
      const a = R[(i + 3) % 4] as number;
      const b = R[(i + 2) % 4] as number;
      const c = R[(i + 1) % 4] as number;
      R[i] = rot - (K[j] as number) - (a & b) - (~a & c);
      j--;
    }
  };
  const rmash = (): void => {
    for (let i = 3; i >= 0; i--) R[i] = (R[i] as number) - (K[(R[(i + 3) % 4] as number) & 63] as number);
  };
  for (let n = 0; n < 5; n++) rmix();
  rmash();
  for (let n = 0; n < 6; n++) rmix();
  rmash();
  for (let n = 0; n < 5; n++) rmix();
  const out = new Uint8Array(8);
  for (let i = 0; i < 4; i++) {
    out[2 * i] = (R[i] as number) & 0xff;
    out[2 * i + 1] = (R[i] as number) >> 8;
  }
  return out;
}

/** RC2-CBC decryption with PKCS#5 padding removed. */
export function rc2CbcDecrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
  unpad = true,
): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0) fail('PKCS#12: bad RC2 ciphertext length');
  const K = rc2Expand(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let prev = iv;
  for (let o = 0; o < data.length; o += 8) {
    const c = data.subarray(o, o + 8);
    const p = rc2DecryptBlock(K, c);
    for (let i = 0; i < 8; i++) out[o + i] = (p[i] as number) ^ (prev[i] as number);
    prev = c;
  }
  if (!unpad) return out;
  const n = out[out.length - 1] as number;
  if (n < 1 || n > 8 || out.subarray(out.length - n).some((x) => x !== n))
    fail('PKCS#12: wrong password or corrupt file');
  return out.subarray(0, out.length - n);
}

/**
 * A signer from a PKCS#12 file (`.p12` / `.pfx`) and its password.
 *
 * @throws {SignatureError} `INVALID_INPUT` for a wrong password or an unreadable file.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { pkcs12Signer } from '@motcua/signing/sign';
 * const signer = await pkcs12Signer(readFileSync('van-thu.p12'), process.env.P12_PASS ?? '', { scheme: 'RSASSA-PKCS1-v1_5' });
 * console.log(signer.scheme, signer.chain.length);
 * ```
 * @category Signing
 */
export async function pkcs12Signer(
  p12: Uint8Array,
  password: string,
  options: { scheme?: SignatureScheme; hash?: HashName } = {},
): Promise<Signer> {
  const { privateKey, certificate, chain } = readPkcs12(p12, password);
  return softwareSigner({ privateKey, certificate, chain, ...options });
}
