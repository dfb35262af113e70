/**
 * verifyPdf against documents signed by independent tools (openssl cms, openssl ts, poppler pdfsig)
 * with a test PKI generated at test time, plus attack generators.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnsignedAttribute, signatureValue, zeroSignature } from '../../test/cms-edit.ts';
import {
  appendUnsignedChange,
  covered,
  fixByteRange,
  insertContents,
  pdfWithPlaceholder,
  plainPdf,
  signPdf,
} from '../../test/pdf.ts';
import { cmsSign, makePki, ocspResponse, openssl, type TestPki, tsaToken } from '../../test/pki.ts';
import { hash } from '../cms/algorithms.ts';
import { SignatureError } from '../errors.ts';
import type { VerifyOptions } from './options.ts';
import type { SignatureReport } from './report.ts';
import { parsePdfDate, verifyPdf } from './verify-pdf.ts';

let pki: TestPki;
let base: VerifyOptions;

beforeAll(() => {
  pki = makePki();
  base = { trustAnchors: [pki.root.certPem], crls: [pki.crlPem, pki.rootCrlPem] };
});

function only(report: { signatures: SignatureReport[] }): SignatureReport {
  expect(report.signatures).toHaveLength(1);
  return report.signatures[0] as SignatureReport;
}

function codes(s: SignatureReport): string[] {
  return s.problems.map((p) => p.code);
}

describe('verifyPdf with openssl-signed documents', () => {
  it('accepts a good signature with CRLs and reports the TT 15/2025 display fields in Vietnamese', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    const report = await verifyPdf(pdf, base);
    const s = only(report);
    expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
    expect(report.valid).toBe(true);
    expect(report.summary).toBe('Tài liệu có chữ ký số hợp lệ.');
    expect(s.signer?.commonName).toBe('Nguyễn Văn An');
    expect(s.signer?.organization).toBe('UBND xã Thử Nghiệm');
    expect(s.signer?.serialNumber).toBe('CCCD:001090000001');
    expect(s.signer?.caName).toBe('Motcua Test Issuing CA');
    expect(s.chain.map((c) => c.subject)).toEqual([
      expect.stringContaining('CN=Nguyễn Văn An'),
      expect.stringContaining('CN=Motcua Test Issuing CA'),
      expect.stringContaining('CN=Motcua Test Root CA'),
    ]);
    expect(s.algorithms).toEqual({ digest: 'SHA-256', signature: 'SHA-256 with RSA', keyBits: 2048, keyType: 'rsa' });
    expect(s.integrity).toEqual({ digestMatches: true, signatureValid: true });
    expect(s.revocation.status).toBe('good');
    expect(s.revocation.certificates.map((c) => c.source)).toEqual(['crl', 'crl']);
    expect(s.timeSource).toBe('claimed');
    expect(s.warnings.map((w) => w.key)).toContain('SIGNING_TIME_UNPROVEN');
    const fields = Object.fromEntries(s.display.map((d) => [d.field, d]));
    expect(fields.signer?.label).toBe('Người ký');
    expect(fields.signer?.value).toBe('Nguyễn Văn An');
    expect(fields.issuer?.value).toBe('Motcua Test Issuing CA');
    expect(fields.organization?.value).toBe('UBND xã Thử Nghiệm');
    expect(fields.integrity?.value).toBe('Nội dung toàn vẹn, chưa bị thay đổi sau khi ký');
    expect(fields.validityAtSigning?.value).toBe('Còn hiệu lực');
    expect(fields.certificateValidity?.value).toContain('01/01/2024');
    expect(fields.signingTime?.value).toContain('chưa được chứng minh');
  });

  it('reports in English on request', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    const report = await verifyPdf(pdf, { ...base, lang: 'en' });
    expect(report.summary).toBe('The document is validly signed.');
    expect(only(report).display.find((d) => d.field === 'signer')?.label).toBe('Signer');
  });

  it('accepts DER CRLs and CRLs fetched through an injected fetcher', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    const der = await verifyPdf(pdf, { ...base, crls: [pki.crlDer, pki.rootCrlPem] });
    expect(only(der).indication).toBe('TOTAL_PASSED');
    const urls: string[] = [];
    const fetched = await verifyPdf(pdf, {
      trustAnchors: [pki.root.certPem],
      crls: [pki.rootCrlPem],
      fetcher: async ({ url, kind }) => {
        urls.push(`${kind} ${url}`);
        if (url === 'http://crl.test.invalid/intermediate.crl') return new TextEncoder().encode(`\n${pki.crlPem}\n`);
        throw new Error('offline');
      },
    });
    expect(urls).toEqual(['crl http://crl.test.invalid/intermediate.crl']);
    const s = only(fetched);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.revocation.certificates[0]?.origin).toBe('fetched');
  });

  it('accepts OCSP responses signed by the issuing CA (by name or key hash) and honours a revoked status', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    for (const byKeyHash of [false, true]) {
      const s = only(
        await verifyPdf(pdf, {
          trustAnchors: [pki.root.certPem],
          crls: [pki.rootCrlPem],
          ocspResponses: [ocspResponse(pki, pki.good, { byKeyHash })],
        }),
      );
      expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
      expect(s.revocation.certificates[0]).toMatchObject({ status: 'good', source: 'ocsp', origin: 'caller' });
    }
    const revokedPdf = signPdf((data) => cmsSign(pki, pki.revoked, data));
    const r = only(
      await verifyPdf(revokedPdf, {
        trustAnchors: [pki.root.certPem],
        crls: [pki.rootCrlPem],
        ocspResponses: [ocspResponse(pki, pki.revoked)],
      }),
    );
    expect(r.subIndication).toBe('REVOKED');
    expect(r.revocation.certificates[0]?.source).toBe('ocsp');
    // A response about another certificate is no evidence.
    const other = only(
      await verifyPdf(pdf, {
        trustAnchors: [pki.root.certPem],
        crls: [pki.rootCrlPem],
        ocspResponses: [ocspResponse(pki, pki.revoked)],
      }),
    );
    expect(other.subIndication).toBe('TRY_LATER');
  });

  it('without revocation data: INDETERMINATE / TRY_LATER with the circular warning, or a warning only by policy', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    const strict = only(await verifyPdf(pdf, { trustAnchors: [pki.root.certPem] }));
    expect(strict.indication).toBe('INDETERMINATE');
    expect(strict.subIndication).toBe('TRY_LATER');
    expect(strict.revocation.status).toBe('unknown');
    expect(strict.warnings.length + strict.problems.length).toBeGreaterThan(0);
    expect(codes(strict)).toContain('REVOCATION_UNAVAILABLE');
    const lenient = await verifyPdf(pdf, { trustAnchors: [pki.root.certPem], policy: { revocation: 'warn' } });
    expect(only(lenient).indication).toBe('TOTAL_PASSED');
    expect(only(lenient).warnings.map((w) => w.key)).toContain('REVOCATION_UNAVAILABLE');
    expect(only(lenient).warnings.find((w) => w.key === 'REVOCATION_UNAVAILABLE')?.message).toMatch(/^Cảnh báo/);
  });

  it('revoked signer (revoked before signing) → TOTAL_FAILED / REVOKED', async () => {
    const s = only(
      await verifyPdf(
        signPdf((data) => cmsSign(pki, pki.revoked, data)),
        base,
      ),
    );
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('REVOKED');
    expect(s.revocation.status).toBe('revoked');
    expect(s.revocation.certificates[0]?.revocationTime).toBe('2024-06-01T00:00:00.000Z');
  });

  it('expired signer without a timestamp → INDETERMINATE / OUT_OF_BOUNDS_NO_POE', async () => {
    const s = only(
      await verifyPdf(
        signPdf((data) => cmsSign(pki, pki.expired, data)),
        base,
      ),
    );
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('signer certificate without digitalSignature / nonRepudiation → not passed (CHAIN_CONSTRAINTS_FAILURE)', async () => {
    const s = only(
      await verifyPdf(
        signPdf((data) => cmsSign(pki, pki.wrongKeyUsage, data)),
        base,
      ),
    );
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
    expect(codes(s)).toContain('SIGNER_KEY_USAGE');
  });

  it('look-alike root and issuing CA with the same names → NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.fakeSigner, data, { chain: pki.fakeChainFile }));
    const s = only(await verifyPdf(pdf, { ...base, intermediates: [pki.fakeRoot.certPem] }));
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(s.trusted).toBe(false);
  });

  it('1024-bit key → CRYPTO_CONSTRAINTS_FAILURE_NO_POE', async () => {
    const s = only(
      await verifyPdf(
        signPdf((data) => cmsSign(pki, pki.weakKey, data)),
        base,
      ),
    );
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(codes(s)).toContain('CRYPTO_KEY_TOO_SHORT');
  });

  it('SHA-1 is refused after the policy sunset and accepted under a dated legacy policy', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data, { md: 'sha1' }));
    const strict = only(await verifyPdf(pdf, base));
    expect(strict.indication).toBe('INDETERMINATE');
    expect(strict.subIndication).toBe('CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    const legacy = only(
      await verifyPdf(pdf, { ...base, policy: { sha1AllowedBefore: new Date('2100-01-01T00:00:00Z') } }),
    );
    expect(legacy.indication).toBe('TOTAL_PASSED');
    expect(legacy.algorithms.digest).toBe('SHA-1');
  });

  it('RSASSA-PSS signatures verify', async () => {
    const pdf = signPdf((data) =>
      cmsSign(pki, pki.good, data, { extra: ['-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:32'] }),
    );
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
    expect(s.algorithms.signature).toBe('RSASSA-PSS (SHA-256)');
  });

  it('adbe.pkcs7.sha1: the attached SHA-1 of the ByteRange must match', async () => {
    const sign = (data: Uint8Array, tamper = false): Uint8Array => {
      const digest = hash('sha1', data);
      if (tamper) digest[0] = (digest[0] as number) ^ 1;
      const file = join(pki.dir, `sha1-${Math.random().toString(36).slice(2)}.bin`);
      writeFileSync(file, digest);
      return new Uint8Array(
        openssl([
          'cms',
          '-sign',
          '-nodetach',
          '-binary',
          '-outform',
          'DER',
          '-md',
          'sha256',
          '-in',
          file,
          '-signer',
          pki.good.cert,
          '-inkey',
          pki.good.key,
          '-certfile',
          pki.chainFile,
        ]),
      );
    };
    const policy = { sha1AllowedBefore: new Date('2100-01-01T00:00:00Z') };
    const ok = only(
      await verifyPdf(
        signPdf((d) => sign(d), { subFilter: 'adbe.pkcs7.sha1' }),
        { ...base, policy },
      ),
    );
    expect(ok.indication, JSON.stringify(ok.problems)).toBe('TOTAL_PASSED');
    const bad = only(
      await verifyPdf(
        signPdf((d) => sign(d, true), { subFilter: 'adbe.pkcs7.sha1' }),
        { ...base, policy },
      ),
    );
    expect(bad.indication).toBe('TOTAL_FAILED');
    expect(bad.subIndication).toBe('HASH_FAILURE');
    expect(codes(bad)).toContain('SHA1_CONTENT_MISMATCH');
  });
});

describe('timestamps (openssl ts)', () => {
  it('a signature timestamp proves the signing time', async () => {
    const pdf = signPdf((data) => {
      const cms = cmsSign(pki, pki.good, data);
      return addUnsignedAttribute(cms, '1.2.840.113549.1.9.16.2.14', tsaToken(pki, signatureValue(cms)));
    });
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
    expect(s.timeSource).toBe('signature-timestamp');
    expect(s.provenSigningTime).toBeDefined();
    expect(s.timestamp).toMatchObject({
      intact: true,
      trusted: true,
      authority: expect.stringContaining('Motcua Test TSA'),
    });
    expect(s.warnings.map((w) => w.key)).not.toContain('SIGNING_TIME_UNPROVEN');
  });

  it('a timestamp over other data is not a proof: INDETERMINATE', async () => {
    const pdf = signPdf((data) => {
      const cms = cmsSign(pki, pki.good, data);
      return addUnsignedAttribute(cms, '1.2.840.113549.1.9.16.2.14', tsaToken(pki, new Uint8Array([1, 2, 3])));
    });
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication).toBe('INDETERMINATE');
    expect(codes(s)).toContain('TIMESTAMP_IMPRINT_MISMATCH');
    expect(s.provenSigningTime).toBeUndefined();
  });

  it('expired signer with a trusted timestamp after expiry → TOTAL_FAILED / EXPIRED', async () => {
    const pdf = signPdf((data) => {
      const cms = cmsSign(pki, pki.expired, data);
      return addUnsignedAttribute(cms, '1.2.840.113549.1.9.16.2.14', tsaToken(pki, signatureValue(cms)));
    });
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('EXPIRED');
  });

  it('a document timestamp (ETSI.RFC3161) is verified against its own ByteRange', async () => {
    const pdf = signPdf((data) => tsaToken(pki, data), { subFilter: 'ETSI.RFC3161', type: 'DocTimeStamp' });
    const report = await verifyPdf(pdf, base);
    const s = only(report);
    expect(s.type).toBe('doc-timestamp');
    expect(s.indication, JSON.stringify(s.problems)).toBe('TOTAL_PASSED');
    expect(s.provenSigningTime).toBeDefined();
    // A timestamp alone is not a signature.
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toContain('NO_SIGNATURES');
    const { pdf: placeholder, byteRange } = fixByteRange(
      pdfWithPlaceholder({ subFilter: 'ETSI.RFC3161', type: 'DocTimeStamp' }),
    );
    const wrong = insertContents(placeholder, byteRange, tsaToken(pki, covered(placeholder, byteRange).subarray(1)));
    const ws = only(await verifyPdf(wrong, base));
    expect(ws.indication).toBe('TOTAL_FAILED');
    expect(ws.subIndication).toBe('HASH_FAILURE');
  });
});

describe('attack generators', () => {
  it('a byte changed inside the signed range → TOTAL_FAILED / HASH_FAILURE', async () => {
    const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
    const at = Buffer.from(pdf).indexOf('Quyet dinh so 01', 0, 'latin1');
    pdf[at + 14] = '2'.charCodeAt(0);
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('HASH_FAILURE');
    expect(s.display.find((d) => d.field === 'integrity')?.value).toBe('Nội dung đã bị thay đổi sau khi ký');
  });

  it('a zeroed signature value → TOTAL_FAILED / SIG_CRYPTO_FAILURE', async () => {
    const s = only(
      await verifyPdf(
        signPdf((data) => zeroSignature(cmsSign(pki, pki.good, data))),
        base,
      ),
    );
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect(s.integrity).toEqual({ digestMatches: true, signatureValid: false });
  });

  it('a second SignerInfo → TOTAL_FAILED / FORMAT_FAILURE', async () => {
    const pdf = signPdf((data) =>
      cmsSign(pki, pki.good, data, { extra: ['-signer', pki.revoked.cert, '-inkey', pki.revoked.key] }),
    );
    const s = only(await verifyPdf(pdf, base));
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(codes(s)).toContain('CMS_MULTIPLE_SIGNER_INFOS');
  });

  it('an unsigned incremental update → not valid, reported as modified', async () => {
    const pdf = appendUnsignedChange(
      signPdf((data) => cmsSign(pki, pki.good, data)),
      'Quyet dinh so 99/QD-UBND',
    );
    const report = await verifyPdf(pdf, base);
    expect(report.valid).toBe(false);
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(report.problems.map((p) => p.code)).toContain('DOCUMENT_MODIFIED');
  });

  it('never throws on garbage', async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([1, 2, 3]), new TextEncoder().encode('%PDF-1.7\n%%EOF\n')]) {
      const report = await verifyPdf(bytes, base);
      expect(report.valid).toBe(false);
    }
    const pdf = signPdf(() => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]));
    expect(only(await verifyPdf(pdf, base)).subIndication).toBe('FORMAT_FAILURE');
  });

  it('rejects unreadable trust anchors with SignatureError INVALID_INPUT', async () => {
    await expect(verifyPdf(new Uint8Array(0), { trustAnchors: ['not a certificate'] })).rejects.toMatchObject({
      name: 'SignatureError',
      code: 'INVALID_INPUT',
    });
    await expect(verifyPdf(new Uint8Array(0), { trustAnchors: ['not a certificate'] })).rejects.toBeInstanceOf(
      SignatureError,
    );
  });
});

describe('poppler pdfsig -add-signature', () => {
  it('verifies a signature made by pdfsig over an NSS database', async () => {
    const nss = join(pki.dir, 'nss');
    execFileSync('mkdir', ['-p', nss]);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    const p12 = join(pki.dir, 'good.p12');
    openssl([
      'pkcs12',
      '-export',
      '-in',
      pki.good.cert,
      '-inkey',
      pki.good.key,
      '-certfile',
      pki.chainFile,
      '-name',
      'signer',
      '-passout',
      'pass:test',
      '-out',
      p12,
    ]);
    execFileSync('pk12util', ['-i', p12, '-d', `sql:${nss}`, '-W', 'test'], { stdio: 'pipe' });
    const input = join(pki.dir, 'unsigned.pdf');
    const output = join(pki.dir, 'pdfsig-signed.pdf');
    writeFileSync(input, plainPdf());
    execFileSync(
      'pdfsig',
      [
        '-nssdir',
        `sql:${nss}`,
        '-add-signature',
        '-nick',
        'signer',
        '-new-signature-field-name',
        'KySo',
        input,
        output,
      ],
      {
        stdio: 'pipe',
      },
    );
    const report = await verifyPdf(new Uint8Array(readFileSync(output)), base);
    const signed = report.signatures.filter((s) => s.fieldName === 'KySo');
    expect(signed).toHaveLength(1);
    expect(signed[0]?.indication, JSON.stringify(signed[0]?.problems)).toBe('TOTAL_PASSED');
    expect(signed[0]?.signer?.commonName).toBe('Nguyễn Văn An');
  });
});

describe('signed attributes are hashed as encoded (dss-818)', () => {
  it('the signature value verifies over the received encoding; DER order is a policy choice', async () => {
    const file = fileURLToPath(
      new URL(
        '../../../../../shared/corpora/pdf/esig-dss/dss-818/Signature-P-DE_CRY-2_HASH_FAILURE.pdf',
        import.meta.url,
      ),
    );
    const bytes = new Uint8Array(readFileSync(file));
    const strict = only(await verifyPdf(bytes, { trustAnchors: [] }));
    expect(strict.integrity).toEqual({ digestMatches: true, signatureValid: true });
    expect(strict.indication).toBe('TOTAL_FAILED');
    expect(codes(strict)).toContain('SIGNED_ATTRS_NOT_DER');
    const lenient = only(await verifyPdf(bytes, { trustAnchors: [], policy: { signedAttributesOrder: 'warn' } }));
    expect(lenient.integrity).toEqual({ digestMatches: true, signatureValid: true });
    expect(lenient.indication).toBe('INDETERMINATE'); // no anchor for this plugtest chain
    expect(lenient.subIndication).not.toBe('FORMAT_FAILURE');
  });
});

describe('parsePdfDate', () => {
  it('reads PDF dates with offsets', () => {
    expect(parsePdfDate("D:20250102030405+07'00'")?.toISOString()).toBe('2025-01-01T20:04:05.000Z');
    expect(parsePdfDate('D:20250102030405Z')?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(parsePdfDate('garbage')).toBeUndefined();
  });
});
