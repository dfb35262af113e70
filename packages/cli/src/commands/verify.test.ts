import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The signing package's test PKI (openssl, generated at test time) and PDF placeholder helpers.
import { appendUnsignedChange, signPdf } from '../../../signing/test/pdf.ts';
import { cmsSign, makePki, type TestPki } from '../../../signing/test/pki.ts';
import { memoryIo } from '../../test/memory-io.ts';
import { verifyCommand } from './verify.ts';

let pki: TestPki;
let good: string;
let tampered: string;
let trustDir: string;
let crl: string;
let rootCrl: string;

beforeAll(() => {
  pki = makePki();
  const pdf = signPdf((data) => cmsSign(pki, pki.good, data));
  good = join(pki.dir, 'good.pdf');
  writeFileSync(good, pdf);
  tampered = join(pki.dir, 'modified.pdf');
  writeFileSync(tampered, appendUnsignedChange(pdf, 'Quyet dinh so 99'));
  trustDir = join(pki.dir, 'trust');
  mkdirSync(trustDir);
  writeFileSync(join(trustDir, 'root.pem'), pki.root.certPem);
  writeFileSync(join(trustDir, 'README.txt'), 'not a certificate');
  crl = join(pki.dir, 'int.crl');
  writeFileSync(crl, pki.crlDer);
  rootCrl = join(pki.dir, 'root.crl.pem');
  writeFileSync(rootCrl, pki.rootCrlPem);
});

describe('motcua verify', () => {
  it('prints a Vietnamese summary per signature and exits 0 for a valid document', async () => {
    const io = memoryIo();
    const code = await verifyCommand.run([good, '--trust', trustDir, '--crl', crl, '--crl', rootCrl], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toContain('Tài liệu có chữ ký số hợp lệ.');
    expect(out).toContain('Chữ ký #1 (Signature1): TOTAL_PASSED');
    expect(out).toContain('Người ký: Nguyễn Văn An');
    expect(out).toContain('Tổ chức cung cấp dịch vụ chứng thực chữ ký số: Motcua Test Issuing CA');
  });

  it('prints the JSON report', async () => {
    const io = memoryIo();
    const code = await verifyCommand.run(
      [good, '--trust', join(trustDir, 'root.pem'), '--crl', crl, '--crl', rootCrl, '--json', '--lang', 'en'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    expect(report).toMatchObject({ valid: true, format: 'pdf', lang: 'en' });
    expect(report.signatures[0].indication).toBe('TOTAL_PASSED');
  });

  it('exits 1 when revocation cannot be checked (indeterminate) or without trust', async () => {
    const io = memoryIo();
    expect(await verifyCommand.run([good, '--trust', trustDir], io)).toBe(1);
    expect(io.out()).toContain('TRY_LATER');
    const io2 = memoryIo();
    expect(await verifyCommand.run([good, '--lang', 'en'], io2)).toBe(1);
    expect(io2.out()).toContain('No trusted root configured');
  });

  it('exits 1 for a document modified after signing', async () => {
    const io = memoryIo();
    expect(await verifyCommand.run([tampered, '--trust', trustDir, '--crl', crl, '--crl', rootCrl], io)).toBe(1);
    expect(io.out()).toContain('DOCUMENT_MODIFIED');
  });

  it('validates at --at', async () => {
    const io = memoryIo();
    // Before the signer certificate existed: the claimed signing time is after, so it is only out of bounds now.
    expect(
      await verifyCommand.run(
        [good, '--trust', trustDir, '--crl', crl, '--crl', rootCrl, '--at', '2023-01-01T00:00:00Z', '--json'],
        io,
      ),
    ).toBe(1);
    expect(JSON.parse(io.out()).validationTime).toBe('2023-01-01T00:00:00.000Z');
  });

  it('exits 2 on usage errors and unreadable files, without a stack trace', async () => {
    for (const args of [
      [],
      [good, good],
      [good, '--bogus'],
      [good, '--at', 'yesterday'],
      [join(pki.dir, 'missing.pdf')],
      [good, '--trust', join(pki.dir, 'missing')],
    ]) {
      const io = memoryIo();
      expect(await verifyCommand.run(args, io)).toBe(2);
      expect(io.err()).toMatch(/^motcua verify: /);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
    const bad = join(pki.dir, 'bad-anchor.pem');
    writeFileSync(bad, 'garbage');
    const io = memoryIo();
    expect(await verifyCommand.run([good, '--trust', bad], io)).toBe(2);
  });

  it('auto-detects signed XML and JWS with the same flags and report', async () => {
    const { softwareSigner, signJws, signXml } = await import('@motcua/signing/sign');
    const { readFileSync } = await import('node:fs');
    const signer = softwareSigner({
      privateKey: readFileSync(pki.good.key),
      certificate: pki.good.certPem,
      chain: [pki.intermediate.certPem],
    });
    const xml = join(pki.dir, 'tbao.xml');
    writeFileSync(
      xml,
      await signXml(
        '<TBao><DLTBao Id="a"><MST>0100109106</MST></DLTBao><STBao>1</STBao><DSCKS><CQT/></DSCKS></TBao>',
        signer,
        { parent: '/TBao/DSCKS/CQT', references: ['a'], canonicalization: 'inclusive', signingTime: true },
      ),
    );
    const flags = ['--trust', trustDir, '--crl', crl, '--crl', rootCrl, '--lang', 'en'];
    const io = memoryIo();
    expect(await verifyCommand.run([xml, ...flags, '--element', '/TBao/DLTBao'], io)).toBe(0);
    expect(io.out()).toContain('(XML): The document is validly signed.');
    expect(io.out()).toContain('Location: /TBao/DSCKS/CQT/Signature');
    expect(io.out()).toContain('✓ /TBao/DLTBao: signed');
    // By default the whole document must be signed; STBao is not.
    const io2 = memoryIo();
    expect(await verifyCommand.run([xml, ...flags], io2)).toBe(1);
    expect(io2.out()).toContain('✗ /: NOT signed');

    const jws = join(pki.dir, 'token.jws');
    writeFileSync(jws, `${await signJws('{"maHoSo":"H01-0001"}', signer)}\n`);
    const io3 = memoryIo();
    expect(await verifyCommand.run([jws, ...flags, '--json'], io3)).toBe(0);
    const report = JSON.parse(io3.out());
    expect(report.format).toBe('jws');
    expect(Buffer.from(report.payload, 'base64url').toString()).toBe('{"maHoSo":"H01-0001"}');
    const detached = join(pki.dir, 'detached.jws');
    writeFileSync(detached, await signJws('{"a":1}', signer, { detached: true }));
    const payload = join(pki.dir, 'payload.json');
    writeFileSync(payload, '{"a":1}');
    expect(await verifyCommand.run([detached, ...flags, '--detached', payload], memoryIo())).toBe(0);
    expect(await verifyCommand.run([detached, ...flags], memoryIo())).toBe(1);
  });

  it('never throws on a file that is not a PDF', async () => {
    const junk = join(pki.dir, 'junk.pdf');
    writeFileSync(junk, 'xin chào');
    const io = memoryIo();
    expect(await verifyCommand.run([junk, '--trust', trustDir], io)).toBe(1);
    expect(io.out()).toContain('KHÔNG');
  });
});
