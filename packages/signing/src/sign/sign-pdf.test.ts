/**
 * signPdf: PAdES B-B / B-T incremental updates, checked by our verifyPdf, by poppler `pdfsig` and by
 * `openssl cms -verify`; a second signature (the seal after the official) keeps the first valid.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, constants as nodeConstants, privateEncrypt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecIdentity } from '../../test/independent.ts';
import { plainPdf } from '../../test/pdf.ts';
import { makePki, openssl, type TestPki, tsaToken } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import type { VerifyOptions } from '../verify/options.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';
import type { TsaClient } from './cms-builder.ts';
import { pkcs12Signer } from './pkcs12.ts';
import { signPdf } from './sign-pdf.ts';
import { digestInfo, externalSigner, type Signer, softwareSigner } from './signer.ts';

let pki: TestPki;
let official: Signer;
let seal: Signer;
let base: VerifyOptions;
const AT = new Date('2025-06-01T00:00:00Z');

beforeAll(async () => {
  pki = makePki();
  const p12 = join(pki.dir, 'official.p12');
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    pki.good.key,
    '-in',
    pki.good.cert,
    '-certfile',
    pki.intermediate.cert,
    '-passout',
    'pass:mật khẩu 1',
    '-out',
    p12,
  ]);
  official = await pkcs12Signer(readFileSync(p12), 'mật khẩu 1');
  const ec = ecIdentity(pki, 'seal-ec');
  seal = softwareSigner({
    privateKey: readFileSync(ec.key),
    certificate: ec.certPem,
    chain: [pki.intermediate.certPem],
  });
  base = { trustAnchors: [pki.root.certPem], crls: [pki.crlPem, pki.rootCrlPem], validationTime: AT, lang: 'en' };
});

/** A tiny red PNG (RGBA, transparent corners) built by hand. */
function sealPng(): Uint8Array {
  const w = 4;
  const h = 4;
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(y % 2 === 0 ? 1 : 2); // Sub and Up filters
    for (let x = 0; x < w; x++) {
      const corner = (x === 0 || x === w - 1) && (y === 0 || y === h - 1);
      rows.push(y % 2 === 0 && x > 0 ? 0 : 220, 0, 0, corner ? 0 : 255);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function crc32(b: Buffer): number {
  let c = ~0;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c;
}

/** A one-page PDF whose cross-reference is an (uncompressed) xref stream. */
function xrefStreamPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = out.length;
  const rows = [Buffer.from([0, 0, 0, 0, 0, 0xff, 0xff])];
  for (const o of [...offsets, xrefAt]) {
    const r = Buffer.alloc(7);
    r[0] = 1;
    r.writeUInt32BE(o, 1);
    rows.push(r);
  }
  const data = Buffer.concat(rows);
  const head = `4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length ${data.length} >>\nstream\n`;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(out + head, 'latin1'),
      data,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
    ]),
  );
}

const tsa =
  (): TsaClient =>
  async ({ data }) =>
    tsaToken(pki, data);

/** pdfsig's per-signature "Signature Validation" lines. */
function pdfsig(pdf: Uint8Array): string[] {
  const file = join(pki.dir, `pdfsig-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return [...`${r.stdout}`.matchAll(/Signature Validation: (.*)/g)].map((m) => m[1] as string);
}

/** `openssl cms -verify` of signature `index` (detached over its byte range) to the test root. */
function opensslVerify(pdf: Uint8Array, index: number): boolean {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\]/g)];
  const m = ranges[index];
  if (!m) return false;
  const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
  const id = Math.random().toString(36).slice(2);
  const sig = join(pki.dir, `cms-${id}.der`);
  const data = join(pki.dir, `content-${id}.bin`);
  writeFileSync(sig, Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  writeFileSync(data, Buffer.concat([Buffer.from(pdf.subarray(0, b)), Buffer.from(pdf.subarray(c, c + d))]));
  const r = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      data,
      '-CAfile',
      pki.root.cert,
      '-purpose',
      'any',
      '-attime',
      String(AT.getTime() / 1000),
      '-out',
      '/dev/null',
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0;
}

describe('signPdf', () => {
  it('produces a PAdES B-B incremental update that verifyPdf, pdfsig and openssl accept', async () => {
    const original = plainPdf();
    const signed = await signPdf(original, official, {
      reason: 'Phê duyệt kết quả giải quyết TTHC',
      location: 'UBND xã Thử Nghiệm',
      signingTime: new Date('2025-05-01T03:00:00Z'),
    });
    expect(Buffer.from(signed.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const r = await verifyPdf(signed, base);
    const s = r.signatures[0];
    expect(s?.indication, JSON.stringify(s?.problems)).toBe('TOTAL_PASSED');
    expect(r.valid).toBe(true);
    expect(s?.subFilter).toBe('ETSI.CAdES.detached');
    expect(s?.coverage).toBe('whole-file');
    expect(s?.reason).toBe('Phê duyệt kết quả giải quyết TTHC');
    expect(s?.claimedSigningTime).toBe('2025-05-01T03:00:00.000Z');
    expect(s?.algorithms.signature).toContain('RSASSA-PSS');
    expect(s?.problems.map((p) => p.code)).not.toContain('ESS_SIGNING_CERTIFICATE_MISSING');
    expect(pdfsig(signed)).toEqual(['Signature is Valid.']);
    expect(opensslVerify(signed, 0)).toBe(true);
  });

  it('keeps the first signature valid when the seal (visible, PNG) is added second', async () => {
    const once = await signPdf(plainPdf(), official, { reason: 'Ký duyệt' });
    const twice = await signPdf(once, seal, {
      fieldName: 'DauCoQuan',
      appearance: { page: 0, rect: [200, 120, 280, 190], image: sealPng() },
    });
    const r = await verifyPdf(twice, base);
    expect(
      r.signatures.map((s) => s.indication),
      JSON.stringify(r.signatures.map((s) => s.problems)),
    ).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.coverage).toBe('whole-revision');
    expect(r.signatures[1]?.fieldName).toBe('DauCoQuan');
    expect(r.signatures[0]?.modificationsAfter.every((m) => m.permitted)).toBe(true);
    expect(pdfsig(twice)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(opensslVerify(twice, 0)).toBe(true);
    expect(opensslVerify(twice, 1)).toBe(true);
    await expect(signPdf(twice, seal, { fieldName: 'DauCoQuan' })).rejects.toThrow(/already exists/);
  });

  it('adds a signature timestamp from an injected TSA client (PAdES B-T)', async () => {
    const signed = await signPdf(plainPdf(), official, { tsa: tsa() });
    const r = await verifyPdf(signed, base);
    const s = r.signatures[0];
    expect(s?.indication, JSON.stringify(s?.problems)).toBe('TOTAL_PASSED');
    expect(s?.timeSource).toBe('signature-timestamp');
    expect(s?.timestamp?.trusted).toBe(true);
    expect(s?.provenSigningTime).toBeDefined();
    expect(opensslVerify(signed, 0)).toBe(true);
  });

  it('signs files with an xref stream, PKCS#1 v1.5 and ECDSA keys', async () => {
    const pkcs1 = softwareSigner({
      privateKey: readFileSync(pki.good.key),
      certificate: pki.good.certPem,
      chain: [pki.intermediate.certPem],
      scheme: 'RSASSA-PKCS1-v1_5',
    });
    const a = await signPdf(xrefStreamPdf(), pkcs1);
    const b = await signPdf(a, seal);
    const r = await verifyPdf(b, base);
    expect(
      r.signatures.map((s) => s.indication),
      JSON.stringify(r.problems),
    ).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(r.valid).toBe(true);
    expect(pdfsig(b)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
  });

  it('works with an external signer that only receives the digest', async () => {
    const key = createPrivateKey(readFileSync(pki.good.key));
    const digests: number[] = [];
    const signer = externalSigner({
      certificate: pki.good.certPem,
      chain: [pki.intermediate.certPem],
      scheme: 'RSASSA-PKCS1-v1_5',
      signDigest: async (digest, { hash }) => {
        digests.push(digest.length);
        return new Uint8Array(
          privateEncrypt({ key, padding: nodeConstants.RSA_PKCS1_PADDING }, digestInfo(hash, digest)),
        );
      },
    });
    const signed = await signPdf(plainPdf(), signer);
    expect(digests).toEqual([32]);
    expect((await verifyPdf(signed, base)).valid).toBe(true);
    expect(opensslVerify(signed, 0)).toBe(true);
  });

  it('refuses encrypted or unreadable input and a too small reservation', async () => {
    await expect(signPdf(new TextEncoder().encode('not a pdf'), official)).rejects.toThrow(SignatureError);
    await expect(signPdf(plainPdf(), official, { contentsSize: 100 })).rejects.toThrow(/needs/);
    await expect(
      signPdf(plainPdf(), official, { appearance: { page: 3, rect: [0, 0, 1, 1], image: sealPng() } }),
    ).rejects.toThrow(/page 3/);
    expect(execFileSync('pdfsig', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBeDefined();
  });
});
