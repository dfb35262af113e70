/**
 * `signJws`: JWS for JSON exchanged between systems, JAdES-like — the signer's chain in `x5c`, its
 * SHA-256 thumbprint in `x5t#S256`, and optionally the claimed signing time in `sigT` (marked
 * critical, as JAdES does).
 *
 * @module
 */

import { hash, importSpki } from '../cms/algorithms.ts';
import { SignatureError } from '../errors.ts';
import { parseCertificate } from '../x509/certificate.ts';
import { digestOf, ecdsaRaw, type Signer } from './signer.ts';

/**
 * Options of {@link signJws}.
 *
 * @example
 * ```ts
 * import type { SignJwsOptions } from '@motcua/signing/sign';
 * const o: SignJwsOptions = { serialization: 'flattened', signingTime: true, header: { typ: 'JOSE', cty: 'json' } };
 * ```
 * @category Signing
 */
export interface SignJwsOptions {
  /** `compact` (default) or `flattened` JSON. */
  serialization?: 'compact' | 'flattened';
  /** Leave the payload out of the result (RFC 7515 Appendix F); the receiver supplies it. */
  detached?: boolean;
  /** RFC 7797: `false` signs the payload as is instead of base64url (adds `b64` to `crit`). Default true. */
  b64?: boolean;
  /** Extra protected header parameters (`typ`, `cty`, `kid`, …). `alg`, `x5c`, `x5t#S256`, `b64`, `crit`, `sigT` are set here. */
  header?: Record<string, unknown>;
  /** JAdES `sigT`: `true` for now, or a time. */
  signingTime?: boolean | Date;
  /** Put the chain in `x5c`. Default true. */
  x5c?: boolean;
}

const RESERVED = new Set(['alg', 'x5c', 'x5t#S256', 'b64', 'crit', 'sigT']);

/**
 * Signs a payload as a JWS and returns the compact string or the flattened JSON text.
 *
 * @throws {SignatureError} `INVALID_OPTIONS` for a scheme / hash / curve with no JWA algorithm, a
 * reserved header, or an unencoded compact payload that contains `.`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { pkcs12Signer, signJws } from '@motcua/signing/sign';
 * const signer = await pkcs12Signer(readFileSync('he-thong.p12'), process.env.P12_PASS ?? '');
 * const token = await signJws(JSON.stringify({ maHoSo: '000.00.00.H01-250501-0001', trangThai: 5 }), signer, { signingTime: true });
 * ```
 * @category Signing
 */
export async function signJws(
  payload: Uint8Array | string,
  signer: Signer,
  options: SignJwsOptions = {},
): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const alg = jwsAlgorithm(signer);
  const b64 = options.b64 !== false;
  const header: Record<string, unknown> = { alg };
  for (const [k, v] of Object.entries(options.header ?? {})) {
    if (RESERVED.has(k)) throw new SignatureError('INVALID_OPTIONS', `header parameter ${k} is set by signJws`);
    header[k] = v;
  }
  if (options.x5c !== false)
    header.x5c = [signer.certificate, ...signer.chain].map((c) => Buffer.from(c).toString('base64'));
  header['x5t#S256'] = Buffer.from(hash('sha256', signer.certificate)).toString('base64url');
  const crit: string[] = [];
  if (options.signingTime !== undefined && options.signingTime !== false) {
    const t = options.signingTime === true ? new Date() : options.signingTime;
    header.sigT = t.toISOString().replace(/\.\d{3}Z$/, 'Z');
    crit.push('sigT');
  }
  if (!b64) {
    header.b64 = false;
    crit.push('b64');
  }
  if (crit.length > 0) header.crit = crit;
  const protectedB64 = Buffer.from(JSON.stringify(header)).toString('base64url');
  let payloadPart: Uint8Array;
  if (b64) payloadPart = new Uint8Array(Buffer.from(Buffer.from(bytes).toString('base64url')));
  else {
    if (!options.detached && options.serialization !== 'flattened' && bytes.includes(0x2e))
      throw new SignatureError('INVALID_OPTIONS', 'an unencoded compact payload must not contain "."');
    payloadPart = bytes;
  }
  const data = new Uint8Array(Buffer.concat([Buffer.from(`${protectedB64}.`), payloadPart]));
  let sig = await signer.sign({ data, digest: digestOf(signer.hash, data), hash: signer.hash, scheme: signer.scheme });
  if (signer.scheme === 'ECDSA') sig = ecdsaRaw(sig, fieldSize(signer));
  const signature = Buffer.from(sig).toString('base64url');
  const payloadText = options.detached ? '' : Buffer.from(payloadPart).toString(b64 ? 'latin1' : 'utf8');
  if (options.serialization === 'flattened') {
    const out: Record<string, string> = { protected: protectedB64 };
    if (!options.detached) out.payload = payloadText;
    out.signature = signature;
    return JSON.stringify(out);
  }
  return `${protectedB64}.${payloadText}.${signature}`;
}

function fieldSize(signer: Signer): number {
  const k = importSpki(parseCertificate(signer.certificate).spki);
  return Math.ceil(k.bits / 8);
}

/** The JWA `alg` of a signer (RFC 7518 §3.1). */
function jwsAlgorithm(signer: Signer): string {
  const n = signer.hash.slice(4);
  if (signer.scheme === 'RSASSA-PKCS1-v1_5') return `RS${n}`;
  if (signer.scheme === 'RSASSA-PSS') return `PS${n}`;
  const bits = importSpki(parseCertificate(signer.certificate).spki).bits;
  const want: Record<number, string> = { 256: 'SHA-256', 384: 'SHA-384', 521: 'SHA-512' };
  if (want[bits] !== signer.hash)
    throw new SignatureError(
      'INVALID_OPTIONS',
      `JWS ECDSA on a ${bits}-bit curve needs ${want[bits] ?? 'another curve'}`,
    );
  return `ES${bits === 521 ? 512 : bits}`;
}
