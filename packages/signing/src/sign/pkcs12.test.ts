/**
 * PKCS#12 files made by `openssl pkcs12 -export` (OpenSSL 3 defaults, the legacy 3DES / RC2-40
 * profile, no MAC, empty password), read without openssl; RC2 against the RFC 2268 vectors.
 */
import { createPublicKey, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity } from '../../test/independent.ts';
import { type Identity, makePki, openssl, type TestPki } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import { pkcs12Signer, rc2CbcDecrypt, readPkcs12 } from './pkcs12.ts';

let pki: TestPki;

beforeAll(() => {
  pki = makePki();
});

function p12(
  who: Identity,
  pass: string,
  extra: string[] = [],
  certfiles: string[] = [pki.intermediate.cert],
): Uint8Array {
  const out = join(pki.dir, `p12-${Math.random().toString(36).slice(2)}.p12`);
  const chain = join(pki.dir, `chain-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(chain, certfiles.map((f) => readFileSync(f, 'utf8')).join(''));
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    who.key,
    '-in',
    who.cert,
    '-certfile',
    chain,
    '-passout',
    `pass:${pass}`,
    '-out',
    out,
    ...extra,
  ]);
  return new Uint8Array(readFileSync(out));
}

function subject(der: Uint8Array): string {
  return new X509Certificate(Buffer.from(der)).subject;
}

describe('RC2 (RFC 2268 §5 vectors)', () => {
  it('decrypts the published test vectors', () => {
    const vectors: [string, number, string, string][] = [
      ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
      ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
      ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
      ['88', 64, '0000000000000000', '61a8a244adacccf0'],
      ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
      ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
      ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
    ];
    for (const [key, bits, plain, cipher] of vectors) {
      const out = rc2CbcDecrypt(Buffer.from(key, 'hex'), bits, new Uint8Array(8), Buffer.from(cipher, 'hex'), false);
      expect(Buffer.from(out).toString('hex'), `${key}/${bits}`).toBe(plain);
    }
  });
});

describe('readPkcs12', () => {
  it('reads an OpenSSL 3 default file (PBES2 / AES-256 / HMAC-SHA-256) with a Vietnamese password', async () => {
    const r = readPkcs12(p12(pki.good, 'Mật-khẩu 2025'), 'Mật-khẩu 2025');
    expect(subject(r.certificate)).toContain('CN=Nguyễn Văn An');
    expect(r.chain.map(subject)).toEqual([expect.stringContaining('Motcua Test Issuing CA')]);
    expect(createPublicKey(r.privateKey).export({ format: 'der', type: 'spki' })).toEqual(
      new X509Certificate(Buffer.from(r.certificate)).publicKey.export({ format: 'der', type: 'spki' }),
    );
    const signer = await pkcs12Signer(p12(pki.good, 'x'), 'x', { scheme: 'RSASSA-PKCS1-v1_5' });
    expect(signer.scheme).toBe('RSASSA-PKCS1-v1_5');
  });

  it('reads the legacy profile (3DES key, RC2-40 certificates, SHA-1 MAC) and 3DES-only files', () => {
    const legacy = readPkcs12(p12(pki.good, 'abc', ['-legacy']), 'abc');
    expect(subject(legacy.certificate)).toContain('Nguyễn Văn An');
    const des = readPkcs12(
      p12(pki.good, 'abc', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']),
      'abc',
    );
    expect(des.chain).toHaveLength(1);
  });

  it('reads files without a MAC, with an empty password, and EC keys; orders the chain issuer first', () => {
    expect(readPkcs12(p12(pki.good, 'abc', ['-nomac']), 'abc').chain).toHaveLength(1);
    expect(subject(readPkcs12(p12(pki.good, ''), '').certificate)).toContain('Nguyễn Văn An');
    const ec = ecIdentity(pki, 'p12-ec');
    expect(readPkcs12(p12(ec, 'e'), 'e').privateKey.asymmetricKeyType).toBe('ec');
    const both = readPkcs12(p12(pki.good, 'o', [], [pki.root.cert, pki.intermediate.cert]), 'o');
    expect(both.chain.map(subject)).toEqual([
      expect.stringContaining('Issuing CA'),
      expect.stringContaining('Root CA'),
    ]);
  });

  it('refuses a wrong password and non-PKCS#12 input', () => {
    expect(() => readPkcs12(p12(pki.good, 'right'), 'wrong')).toThrow(SignatureError);
    expect(() => readPkcs12(p12(pki.good, 'right', ['-nomac']), 'wrong')).toThrow(/wrong password|could not be read/);
    expect(() => readPkcs12(new Uint8Array([0x30, 0x00]), 'x')).toThrow(SignatureError);
    expect(() => readPkcs12(new TextEncoder().encode('hello'), 'x')).toThrow(SignatureError);
  });
});
