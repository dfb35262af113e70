/**
 * signJws: tokens verify with `openssl dgst -verify`, with jose directly (the certificate's key), and
 * with verifyJws (chain, time, revocation); an external digest-only signer produces the same.
 */
import {
  createPrivateKey,
  type KeyObject,
  constants as nodeConstants,
  privateEncrypt,
  X509Certificate,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compactVerify, flattenedVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity, opensslVerifyJws } from '../../test/independent.ts';
import { makePki, type TestPki } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import { verifyJws } from '../jws/verify-jws.ts';
import { signJws } from './sign-jws.ts';
import { digestInfo, externalSigner, type Signer, softwareSigner } from './signer.ts';

let pki: TestPki;
let pss: Signer;
let pkcs1: Signer;
let ec: Signer;
const PAYLOAD = JSON.stringify({ maHoSo: '000.00.00.H01-250501-0001', trangThai: 5 });
const base = (): Parameters<typeof verifyJws>[1] => ({
  trustAnchors: [pki.root.certPem],
  crls: [pki.crlPem, pki.rootCrlPem],
  validationTime: new Date('2025-06-01T00:00:00Z'),
});

beforeAll(() => {
  pki = makePki();
  const common = { certificate: pki.good.certPem, chain: [pki.intermediate.certPem] };
  pss = softwareSigner({ privateKey: readFileSync(pki.good.key), ...common });
  pkcs1 = softwareSigner({ privateKey: readFileSync(pki.good.key), ...common, scheme: 'RSASSA-PKCS1-v1_5' });
  const e = ecIdentity(pki, 'sign-jws-ec');
  ec = softwareSigner({ privateKey: readFileSync(e.key), certificate: e.certPem, chain: [pki.intermediate.certPem] });
});

describe('signJws', () => {
  it('signs PS256 (default), RS256 and ES256 compact tokens that independent verifiers accept', async () => {
    for (const signer of [pss, pkcs1, ec]) {
      const token = await signJws(PAYLOAD, signer, { signingTime: new Date('2025-05-01T03:00:00Z') });
      if (signer !== ec) expect(opensslVerifyJws(pki, pki.good, token)).toBe(true);
      const { protectedHeader, payload } = await compactVerify(token, publicKeyOf(signer), {
        crit: { sigT: true },
      });
      expect(new TextDecoder().decode(payload)).toBe(PAYLOAD);
      expect(protectedHeader).toMatchObject({ sigT: '2025-05-01T03:00:00Z', crit: ['sigT'] });
      const r = await verifyJws(token, base());
      expect(r.valid, JSON.stringify(r.signatures[0]?.problems)).toBe(true);
      expect(r.signatures[0]?.jws?.alg).toBe(signer === pss ? 'PS256' : signer === pkcs1 ? 'RS256' : 'ES256');
      expect(r.signatures[0]?.claimedSigningTime).toBe('2025-05-01T03:00:00.000Z');
    }
  });

  it('flattened, detached and unencoded (b64: false) forms round-trip', async () => {
    const flat = await signJws(PAYLOAD, pss, { serialization: 'flattened', header: { typ: 'JOSE', cty: 'json' } });
    expect((await verifyJws(flat, base())).valid).toBe(true);
    await flattenedVerify(JSON.parse(flat), publicKeyOf(pss));
    const detached = await signJws(PAYLOAD, pss, { detached: true });
    expect(detached.split('.')[1]).toBe('');
    expect((await verifyJws(detached, { ...base(), detachedPayload: PAYLOAD })).valid).toBe(true);
    const raw = await signJws(PAYLOAD, pss, { b64: false, serialization: 'flattened' });
    expect(JSON.parse(raw).payload).toBe(PAYLOAD);
    expect((await verifyJws(raw, base())).valid).toBe(true);
    await expect(signJws('a.b', pss, { b64: false })).rejects.toThrow(SignatureError);
    await expect(signJws(PAYLOAD, pss, { header: { alg: 'none' } })).rejects.toThrow(/set by signJws/);
  });

  it('an external signer that only sees the digest (PKCS#11 CKM_RSA_PKCS style) produces a valid token', async () => {
    const key = createPrivateKey(readFileSync(pki.good.key));
    const seen: number[] = [];
    const token = await signJws(
      PAYLOAD,
      externalSigner({
        certificate: pki.good.certPem,
        chain: [pki.intermediate.certPem],
        scheme: 'RSASSA-PKCS1-v1_5',
        signDigest: async (digest, { hash }) => {
          seen.push(digest.length);
          return new Uint8Array(
            privateEncrypt({ key, padding: nodeConstants.RSA_PKCS1_PADDING }, digestInfo(hash, digest)),
          );
        },
      }),
    );
    expect(seen).toEqual([32]);
    expect(opensslVerifyJws(pki, pki.good, token)).toBe(true);
    expect((await verifyJws(token, base())).valid).toBe(true);
  });
});

function publicKeyOf(signer: Signer): KeyObject {
  return new X509Certificate(Buffer.from(signer.certificate)).publicKey;
}
