/**
 * Independent tools for the XML, JWS and signing tests: `xmlsec1` (Debian `xmlsec1`) to sign and
 * verify XMLDSig, and extra identities (ECDSA P-256 / P-384) issued by the test PKI's intermediate
 * with `openssl`, so nothing the tests trust was produced by the code under test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Identity, openssl, type TestPki } from './pki.ts';

let counter = 0;
function tmp(pki: TestPki, ext: string): string {
  counter++;
  return join(pki.dir, `ind-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}.${ext}`);
}

/** An EC signer certificate issued by the test intermediate (same extensions as `good`). */
export function ecIdentity(pki: TestPki, name: string, curve: 'P-256' | 'P-384' = 'P-256'): Identity {
  const key = join(pki.dir, `${name}.key`);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', key]);
  const csrFile = join(pki.dir, `${name}.csr`);
  openssl(['req', '-new', '-key', key, '-subj', `/C=VN/O=UBND xã Thử Nghiệm/CN=${name}`, '-out', csrFile, '-utf8']);
  const cert = join(pki.dir, `${name}.crt`);
  const ca = join(pki.dir, 'intermediate');
  openssl([
    'ca',
    '-batch',
    '-config',
    join(ca, 'openssl.cnf'),
    '-in',
    csrFile,
    '-out',
    cert,
    '-extensions',
    'v3_signer',
    '-startdate',
    '20240101000000Z',
    '-enddate',
    '20400101000000Z',
    '-notext',
    '-utf8',
    '-cert',
    pki.intermediate.cert,
    '-keyfile',
    pki.intermediate.key,
  ]);
  return { name, cert, key, certPem: readFileSync(cert, 'utf8') };
}

/** Whether `xmlsec1` is installed (CI installs it; see the package README). */
export function hasXmlsec(): boolean {
  return spawnSync('xmlsec1', ['--version']).status === 0;
}

/**
 * `xmlsec1 --sign` of a template (a document holding a Signature with empty DigestValue /
 * SignatureValue / X509Certificate). `idAttrs` are `[attribute, element]` pairs declared as Ids.
 */
export function xmlsecSign(
  pki: TestPki,
  template: string,
  signer: Identity,
  opts: { idAttrs?: [string, string][]; chain?: string[]; nodeXpath?: string } = {},
): Uint8Array {
  const file = tmp(pki, 'xml');
  const out = tmp(pki, 'xml');
  writeFileSync(file, template);
  const args = ['--sign', '--privkey-pem', [signer.key, signer.cert, ...(opts.chain ?? [])].join(',')];
  for (const [attr, el] of opts.idAttrs ?? []) args.push(`--id-attr:${attr}`, el);
  if (opts.nodeXpath) args.push('--node-xpath', opts.nodeXpath);
  args.push('--output', out, file);
  execFileSync('xmlsec1', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Uint8Array(readFileSync(out));
}

/** `xmlsec1 --verify` against the test root at a fixed time; returns whether it printed OK. */
export function xmlsecVerify(
  pki: TestPki,
  xml: Uint8Array | string,
  opts: { idAttrs?: [string, string][]; nodeXpath?: string; trusted?: string; untrusted?: string[] } = {},
): { ok: boolean; output: string } {
  const file = tmp(pki, 'xml');
  writeFileSync(file, xml);
  const args = ['--verify', '--trusted-pem', opts.trusted ?? pki.root.cert];
  for (const u of opts.untrusted ?? [pki.intermediate.cert]) args.push('--untrusted-pem', u);
  args.push('--verification-gmt-time', '2025-06-01 00:00:00');
  for (const [attr, el] of opts.idAttrs ?? []) args.push(`--id-attr:${attr}`, el);
  if (opts.nodeXpath) args.push('--node-xpath', opts.nodeXpath);
  args.push(file);
  const r = spawnSync('xmlsec1', args, { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  return { ok: r.status === 0 && /^OK$/m.test(output), output };
}
