import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The signing package's test PKI (openssl, generated at test time) and a plain PDF.
import { plainPdf } from '../../../signing/test/pdf.ts';
import { makePki, openssl, type TestPki } from '../../../signing/test/pki.ts';
import { memoryIo } from '../../test/memory-io.ts';
import { signCommand } from './sign.ts';
import { verifyCommand } from './verify.ts';

const SECRET = 'Mật khẩu bí mật 2025';
let pki: TestPki;
let p12: string;
let verifyFlags: string[];

beforeAll(() => {
  pki = makePki();
  p12 = join(pki.dir, 'van-thu.p12');
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
    `pass:${SECRET}`,
    '-out',
    p12,
  ]);
  const trust = join(pki.dir, 'trust');
  mkdirSync(trust);
  writeFileSync(join(trust, 'root.pem'), pki.root.certPem);
  const crl = join(pki.dir, 'int.crl');
  writeFileSync(crl, pki.crlDer);
  const rootCrl = join(pki.dir, 'root.crl.pem');
  writeFileSync(rootCrl, pki.rootCrlPem);
  verifyFlags = ['--trust', trust, '--crl', crl, '--crl', rootCrl, '--lang', 'en'];
  process.env.MOTCUA_TEST_P12_PASS = SECRET;
});

function noSecret(io: { out(): string; err(): string }): void {
  expect(io.out()).not.toContain(SECRET);
  expect(io.err()).not.toContain(SECRET);
}

describe('motcua sign', () => {
  it('signs a PDF (seal appearance) and the result verifies; the password is never printed', async () => {
    const file = join(pki.dir, 'ket-qua.pdf');
    writeFileSync(file, plainPdf());
    const seal = join(pki.dir, 'seal.jpg');
    // A minimal JPEG header is enough for the appearance (SOI, SOF0 2x2 RGB, EOI).
    writeFileSync(seal, Buffer.from('ffd8ffc0001108000200020301220002110103110100ffd9', 'hex'));
    const io = memoryIo();
    const code = await signCommand.run(
      [
        file,
        '--key',
        p12,
        '--pass-env',
        'MOTCUA_TEST_P12_PASS',
        '--reason',
        'Phê duyệt',
        '--seal',
        seal,
        '--rect',
        '10,10,60,60',
      ],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    noSecret(io);
    const out = join(pki.dir, 'ket-qua.signed.pdf');
    expect(io.out()).toContain(out);
    const v = memoryIo();
    expect(await verifyCommand.run([out, ...verifyFlags], v)).toBe(0);
    expect(v.out()).toContain('(PDF): The document is validly signed.');
  });

  it('signs edXML and a JSON payload', async () => {
    const xml = join(pki.dir, 'edoc.edxml');
    writeFileSync(
      xml,
      '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:MessageHeader/></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>',
    );
    const io = memoryIo();
    expect(
      await signCommand.run(
        [
          xml,
          '--key',
          p12,
          '--pass',
          SECRET,
          '--parent',
          '/edXML/edXMLEnvelope/edXMLHeader',
          '--scheme',
          'pkcs1',
          '--out',
          join(pki.dir, 'edoc.signed.edxml'),
        ],
        io,
      ),
    ).toBe(0);
    noSecret(io);
    const v = memoryIo();
    expect(await verifyCommand.run([join(pki.dir, 'edoc.signed.edxml'), ...verifyFlags], v)).toBe(0);
    expect(readFileSync(join(pki.dir, 'edoc.signed.edxml'), 'utf8')).toContain('rsa-sha256');

    const json = join(pki.dir, 'ho-so.json');
    writeFileSync(json, '{"maHoSo":"000.00.00.H01-250501-0001"}');
    const io2 = memoryIo();
    expect(
      await signCommand.run([json, '--key', p12, '--pass-env', 'MOTCUA_TEST_P12_PASS', '--signing-time'], io2),
    ).toBe(0);
    const v2 = memoryIo();
    expect(await verifyCommand.run([join(pki.dir, 'ho-so.jws'), ...verifyFlags], v2)).toBe(0);
    expect(v2.out()).toContain('(JWS)');
  });

  it('exits 2 for a wrong password, missing options or unreadable files, without printing the password', async () => {
    const file = join(pki.dir, 'x.pdf');
    writeFileSync(file, plainPdf());
    const cases: string[][] = [
      [file, '--key', p12, '--pass', 'sai mật khẩu'],
      [file, '--key', p12],
      [file, '--pass', SECRET],
      [file, '--key', p12, '--pass-env', 'MOTCUA_TEST_UNSET_VARIABLE'],
      [file, '--key', join(pki.dir, 'missing.p12'), '--pass', SECRET],
      [join(pki.dir, 'missing.pdf'), '--key', p12, '--pass', SECRET],
      [file, '--key', p12, '--pass', SECRET, '--seal', file],
      [file, '--key', p12, '--pass', SECRET, '--rect', '1,2,3'],
      [file, '--key', p12, '--pass', SECRET, '--scheme', 'md5'],
      ['-', '--key', p12, '--pass', SECRET],
      [file, '--key', p12, '--pass', SECRET, '--bogus'],
    ];
    for (const args of cases) {
      const io = memoryIo();
      expect(await signCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^motcua sign: /);
      expect(io.err()).not.toMatch(/\n\s+at /);
      noSecret(io);
    }
  });
});
