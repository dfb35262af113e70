/**
 * verifyJws against tokens signed by `openssl dgst` (independent of jose and signJws) with the test
 * PKI, and against algorithm confusion, `alg: none`, swapped payloads, expired tokens, duplicate
 * headers, `crit` misuse and look-alike chains.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity, opensslJws, x5c } from '../../test/independent.ts';
import { type Identity, makePki, type TestPki } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import type { SignatureReport, VerificationReport } from '../verify/report.ts';
import { type JwsAlgorithm, type JwsVerifyOptions, verifyJws } from './verify-jws.ts';

let pki: TestPki;
let ec: Identity;
let base: JwsVerifyOptions;
const PAYLOAD = JSON.stringify({ maHoSo: '000.00.00.H01-250501-0001', trangThai: 5, ghiChu: 'Đã trả kết quả' });
const AT = new Date('2025-06-01T00:00:00Z');

beforeAll(() => {
  pki = makePki();
  ec = ecIdentity(pki, 'jws-ec');
  base = { trustAnchors: [pki.root.certPem], crls: [pki.crlPem, pki.rootCrlPem], validationTime: AT, lang: 'en' };
});

function header(who: Identity, alg: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { alg, x5c: x5c(pki, who), ...extra };
}

function only(r: VerificationReport): SignatureReport {
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0] as SignatureReport;
}

function codes(r: VerificationReport): string[] {
  return [...r.problems.map((p) => p.code), ...r.signatures.flatMap((s) => s.problems.map((p) => p.code))];
}

describe('verifyJws with openssl-signed tokens', () => {
  it('accepts RS256, PS256 and ES256 compact tokens with an x5c chain and returns the payload', async () => {
    for (const [who, alg] of [
      [pki.good, 'RS256'],
      [pki.good, 'PS256'],
      [pki.good, 'RS512'],
      [ec, 'ES256'],
    ] as const) {
      const t = opensslJws(pki, who, header(who, alg, { sigT: '2025-05-01T03:00:00Z', crit: ['sigT'] }), PAYLOAD);
      const r = await verifyJws(t.compact, base);
      const s = only(r);
      expect(s.indication, `${alg}: ${JSON.stringify(s.problems)}`).toBe('TOTAL_PASSED');
      expect(r.valid).toBe(true);
      expect(r.format).toBe('jws');
      expect(new TextDecoder().decode(r.payload)).toBe(PAYLOAD);
      expect(s.jws).toMatchObject({ serialization: 'compact', alg, b64: true });
      expect(s.claimedSigningTime).toBe('2025-05-01T03:00:00.000Z');
      expect(s.chain).toHaveLength(3);
      expect(s.revocation.status).toBe('good');
      expect(s.scope).toEqual([{ kind: 'payload', detached: false, digestMatches: true }]);
    }
  });

  it('accepts flattened and general JSON serializations (two signers) and trailing white space', async () => {
    const a = opensslJws(pki, pki.good, header(pki.good, 'PS256'), PAYLOAD);
    const b = opensslJws(pki, ec, header(ec, 'ES256'), PAYLOAD);
    const flat = JSON.stringify({ protected: a.protected, payload: a.payload, signature: a.signature, extra: 1 });
    expect((await verifyJws(`${flat}\n`, base)).valid).toBe(true);
    const general = JSON.stringify({
      payload: a.payload,
      signatures: [
        { protected: a.protected, signature: a.signature },
        { protected: b.protected, header: { kid: 'ec' }, signature: b.signature },
      ],
    });
    const r = await verifyJws(new TextEncoder().encode(general), base);
    expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(r.signatures[1]?.jws?.unprotectedHeader).toEqual({ kid: 'ec' });
    expect(r.valid).toBe(true);
    expect((await verifyJws(`${a.compact}\r\n`, base)).valid).toBe(true);
  });

  it('supports detached payloads and RFC 7797 unencoded payloads (b64: false in crit)', async () => {
    const t = opensslJws(pki, pki.good, header(pki.good, 'RS256'), PAYLOAD);
    const detached = `${t.protected}..${t.signature}`;
    const r = await verifyJws(detached, { ...base, detachedPayload: PAYLOAD });
    expect(r.valid).toBe(true);
    expect(only(r).scope?.[0]?.detached).toBe(true);
    const missing = await verifyJws(detached, base);
    expect(only(missing).subIndication).toBe('SIGNED_DATA_NOT_FOUND');
    const other = await verifyJws(detached, { ...base, detachedPayload: PAYLOAD.replace('5', '6') });
    expect(only(other).subIndication).toBe('SIG_CRYPTO_FAILURE');

    const raw = opensslJws(pki, pki.good, header(pki.good, 'RS256', { b64: false, crit: ['b64'] }), PAYLOAD, {
      raw: true,
    });
    const flat = JSON.stringify({ protected: raw.protected, payload: PAYLOAD, signature: raw.signature });
    const r2 = await verifyJws(flat, base);
    expect(r2.valid, JSON.stringify(only(r2).problems)).toBe(true);
    expect(only(r2).jws?.b64).toBe(false);
    expect(new TextDecoder().decode(r2.payload)).toBe(PAYLOAD);
    const r3 = await verifyJws(`${raw.protected}..${raw.signature}`, { ...base, detachedPayload: PAYLOAD });
    expect(r3.valid).toBe(true);
    // b64: false without crit is not RFC 7797: the payload is then read as base64url and fails.
    const noCrit = opensslJws(pki, pki.good, header(pki.good, 'RS256', { b64: false }), PAYLOAD, { raw: true });
    const r4 = await verifyJws(
      JSON.stringify({ protected: noCrit.protected, payload: PAYLOAD, signature: noCrit.signature }),
      base,
    );
    expect(r4.valid).toBe(false);
  });

  it('checks exp / nbf / iat of a JSON payload against the validation time', async () => {
    const t = (claims: Record<string, number>): string =>
      opensslJws(pki, pki.good, header(pki.good, 'RS256'), JSON.stringify({ maHoSo: 'x', ...claims })).compact;
    const s = AT.getTime() / 1000;
    expect((await verifyJws(t({ iat: s - 60, exp: s + 60 }), base)).valid).toBe(true);
    const expired = await verifyJws(t({ exp: s - 1 }), base);
    expect(expired.valid).toBe(false);
    expect(codes(expired)).toContain('JWS_EXPIRED');
    expect(only(expired).indication).toBe('TOTAL_PASSED');
    expect((await verifyJws(t({ exp: s - 1 }), { ...base, clockToleranceSeconds: 5 })).valid).toBe(true);
    expect(codes(await verifyJws(t({ nbf: s + 3600 }), base))).toContain('JWS_NOT_YET_VALID');
    expect(codes(await verifyJws(t({ iat: s + 3600 }), base))).toContain('JWS_ISSUED_IN_FUTURE');
    expect((await verifyJws(t({ exp: s - 1 }), { ...base, payloadClaims: false })).valid).toBe(true);
    const iat = await verifyJws(t({ iat: s - 3600 }), base);
    expect(only(iat).claimedSigningTime).toBe(new Date((s - 3600) * 1000).toISOString());
  });

  it('checks exp / nbf in the header only when the producer made them critical', async () => {
    const s = AT.getTime() / 1000;
    const crit = opensslJws(pki, pki.good, header(pki.good, 'RS256', { exp: s - 10, crit: ['exp'] }), PAYLOAD);
    expect(codes(await verifyJws(crit.compact, base))).toContain('JWS_EXPIRED');
    const informational = opensslJws(pki, pki.good, header(pki.good, 'RS256', { exp: 'yesterday' }), PAYLOAD);
    expect((await verifyJws(informational.compact, base)).valid).toBe(true);
    const badType = opensslJws(pki, pki.good, header(pki.good, 'RS256', { exp: 'yesterday', crit: ['exp'] }), PAYLOAD);
    expect(codes(await verifyJws(badType.compact, base))).toContain('JWS_CLAIM_MALFORMED');
  });

  it('uses a caller-supplied certificate matched by x5t#S256 when there is no x5c', async () => {
    const der = Buffer.from(x5c(pki, pki.good)[0] as string, 'base64');
    const { createHash } = await import('node:crypto');
    const thumb = createHash('sha256').update(der).digest('base64url');
    const t = opensslJws(pki, pki.good, { alg: 'RS256', 'x5t#S256': thumb }, PAYLOAD);
    expect(only(await verifyJws(t.compact, base)).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    const r = await verifyJws(t.compact, {
      ...base,
      signerCertificates: [pki.good.certPem],
      intermediates: [pki.intermediate.certPem],
    });
    expect(r.valid, JSON.stringify(only(r).problems)).toBe(true);
  });
});

describe('verifyJws attacks', () => {
  it('never accepts alg none, and refuses to enable it or HMAC', async () => {
    const h = Buffer.from(JSON.stringify({ alg: 'none', x5c: x5c(pki, pki.good) })).toString('base64url');
    const p = Buffer.from(PAYLOAD).toString('base64url');
    for (const token of [`${h}.${p}.`, `${h}.${p}.AAAA`]) {
      const r = await verifyJws(token, base);
      expect(r.valid).toBe(false);
      expect(codes(r)).toContain('JWS_ALGORITHM_NOT_ALLOWED');
    }
    await expect(verifyJws(`${h}.${p}.`, { ...base, algorithms: ['none' as JwsAlgorithm] })).rejects.toThrow(
      SignatureError,
    );
    await expect(verifyJws(`${h}.${p}.`, { ...base, algorithms: ['HS256' as JwsAlgorithm] })).rejects.toThrow(
      /cannot be enabled/,
    );
  });

  it('HMAC with the certificate as the secret (algorithm confusion) is refused', async () => {
    const certDer = Buffer.from(x5c(pki, pki.good)[0] as string, 'base64');
    const pem = readFileSync(pki.good.cert, 'utf8');
    for (const secret of [certDer, Buffer.from(pem)]) {
      const h = Buffer.from(JSON.stringify({ alg: 'HS256', x5c: x5c(pki, pki.good) })).toString('base64url');
      const p = Buffer.from(PAYLOAD).toString('base64url');
      const sig = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
      const r = await verifyJws(`${h}.${p}.${sig}`, base);
      expect(r.valid).toBe(false);
      expect(only(r).indication).toBe('TOTAL_FAILED');
      expect(codes(r)).toContain('JWS_ALGORITHM_NOT_ALLOWED');
    }
  });

  it('detects key / algorithm mismatches and algorithms outside the caller allow-list', async () => {
    const t = opensslJws(pki, pki.good, header(pki.good, 'RS256'), PAYLOAD);
    const ecHeader = Buffer.from(JSON.stringify(header(pki.good, 'ES256'))).toString('base64url');
    const r = await verifyJws(`${ecHeader}.${t.payload}.${t.signature}`, base);
    expect(codes(r)).toContain('KEY_ALGORITHM_MISMATCH');
    const onlyEs = await verifyJws(t.compact, { ...base, algorithms: ['ES256'] });
    expect(codes(onlyEs)).toContain('JWS_ALGORITHM_NOT_ALLOWED');
    const p384 = ecIdentity(pki, 'jws-ec384', 'P-384');
    const wrongCurve = opensslJws(pki, p384, header(p384, 'ES384'), PAYLOAD);
    const relabelled = Buffer.from(JSON.stringify(header(p384, 'ES256'))).toString('base64url');
    expect(codes(await verifyJws(`${relabelled}.${wrongCurve.payload}.${wrongCurve.signature}`, base))).toContain(
      'KEY_ALGORITHM_MISMATCH',
    );
  });

  it('detects swapped payloads and altered headers', async () => {
    const a = opensslJws(pki, pki.good, header(pki.good, 'RS256'), PAYLOAD);
    const b = opensslJws(pki, pki.good, header(pki.good, 'RS256'), PAYLOAD.replace('5', '9'));
    const swapped = await verifyJws(`${a.protected}.${b.payload}.${a.signature}`, base);
    expect(only(swapped).subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(swapped.payload).toBeUndefined();
    const h2 = Buffer.from(JSON.stringify(header(pki.good, 'RS256', { typ: 'JOSE' }))).toString('base64url');
    expect(only(await verifyJws(`${h2}.${a.payload}.${a.signature}`, base)).subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('refuses duplicate header names, unknown and malformed crit, alg outside the protected header', async () => {
    const dup = opensslJws(pki, pki.good, { alg: 'RS256' }, PAYLOAD, {
      headerText: `{"alg":"RS256","x5c":${JSON.stringify(x5c(pki, pki.good))},"typ":"JOSE","typ":"JWT"}`,
    });
    expect(codes(await verifyJws(dup.compact, base))).toContain('JWS_DUPLICATE_HEADER');
    const unknown = opensslJws(pki, pki.good, header(pki.good, 'RS256', { vn: 1, crit: ['vn'] }), PAYLOAD);
    expect(codes(await verifyJws(unknown.compact, base))).toContain('JWS_CRIT_NOT_UNDERSTOOD');
    expect((await verifyJws(unknown.compact, { ...base, criticalHeaders: ['vn'] })).valid).toBe(true);
    for (const crit of [[], 'sigT', ['sigT', 'sigT'], ['missing']]) {
      const t = opensslJws(pki, pki.good, header(pki.good, 'RS256', { sigT: '2025-05-01T03:00:00Z', crit }), PAYLOAD);
      const r = await verifyJws(t.compact, base);
      expect(r.valid, JSON.stringify(crit)).toBe(false);
      expect(only(r).subIndication).toBe('FORMAT_FAILURE');
    }
    const t = opensslJws(pki, pki.good, { x5c: x5c(pki, pki.good) }, PAYLOAD, { alg: 'RS256' });
    const flat = JSON.stringify({
      protected: t.protected,
      header: { alg: 'RS256' },
      payload: t.payload,
      signature: t.signature,
    });
    expect(codes(await verifyJws(flat, base))).toContain('JWS_ALG_NOT_PROTECTED');
  });

  it('never trusts x5c by itself: no anchor, look-alike chain, thumbprint mismatch, revoked, expired', async () => {
    const t = opensslJws(pki, pki.good, header(pki.good, 'RS256'), PAYLOAD);
    const none = await verifyJws(t.compact, { ...base, trustAnchors: [] });
    expect(only(none).subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(none.valid).toBe(false);
    const fake = opensslJws(
      pki,
      pki.fakeSigner,
      { alg: 'RS256', x5c: x5c(pki, pki.fakeSigner, [pki.fakeIntermediate.cert]) },
      PAYLOAD,
    );
    const fr = await verifyJws(fake.compact, base);
    expect(only(fr).indication).toBe('INDETERMINATE');
    expect(only(fr).integrity.signatureValid).toBe(true);
    const wrongThumb = opensslJws(pki, pki.good, header(pki.good, 'RS256', { 'x5t#S256': 'AAAA' }), PAYLOAD);
    expect(only(await verifyJws(wrongThumb.compact, base)).subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    const revoked = opensslJws(pki, pki.revoked, header(pki.revoked, 'RS256'), PAYLOAD);
    expect(only(await verifyJws(revoked.compact, base)).revocation.status).toBe('revoked');
    const expired = opensslJws(pki, pki.expired, header(pki.expired, 'RS256'), PAYLOAD);
    expect(only(await verifyJws(expired.compact, base)).subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('reports malformed input without throwing', async () => {
    for (const input of [
      '',
      'a.b',
      '{',
      '{"payload":"x"}',
      'e30.e30.e30',
      '{"signatures":{}}',
      '\u0000.\u0000.\u0000',
    ]) {
      const r = await verifyJws(input, base);
      expect(r.valid, input).toBe(false);
    }
  });
});
