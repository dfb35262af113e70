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

/** DER ECDSA signature → r‖s of `size`-byte integers (JWS). */
function derToRaw(der: Buffer, size: number): Buffer {
  let p = 2;
  if ((der[1] as number) & 0x80) p = 2 + ((der[1] as number) & 0x7f);
  const int = (): Buffer => {
    const len = der[p + 1] as number;
    let v = der.subarray(p + 2, p + 2 + len);
    p += 2 + len;
    while (v.length > size && v[0] === 0) v = v.subarray(1);
    return Buffer.concat([Buffer.alloc(size - v.length), v]);
  };
  return Buffer.concat([int(), int()]);
}

/**
 * A JWS signed by `openssl dgst` over `BASE64URL(header) '.' payloadPart`, independently of jose
 * and of signJws. `payloadPart` defaults to BASE64URL(payload); pass `raw: true` for RFC 7797.
 */
export function opensslJws(
  pki: TestPki,
  who: Identity,
  header: Record<string, unknown>,
  payload: string | Uint8Array,
  opts: { raw?: boolean; headerText?: string; alg?: string } = {},
): { protected: string; payload: string; signature: string; compact: string } {
  const alg = String(opts.alg ?? header.alg);
  const prot = Buffer.from(opts.headerText ?? JSON.stringify(header)).toString('base64url');
  const body = opts.raw ? Buffer.from(payload).toString('utf8') : Buffer.from(payload).toString('base64url');
  const input = tmp(pki, 'bin');
  writeFileSync(input, `${prot}.${body}`);
  const md = `sha${alg.slice(2)}`;
  const args = ['dgst', `-${md}`, '-sign', who.key];
  if (alg.startsWith('PS'))
    args.push('-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${Number(alg.slice(2)) / 8}`);
  args.push(input);
  let sig = openssl(args);
  if (alg.startsWith('ES')) sig = derToRaw(sig, alg === 'ES512' ? 66 : Number(alg.slice(2)) / 8);
  const signature = sig.toString('base64url');
  return { protected: prot, payload: body, signature, compact: `${prot}.${body}.${signature}` };
}

/** `x5c` of an identity and the test intermediate (base64 DER). */
export function x5c(pki: TestPki, who: Identity, chain: string[] = [pki.intermediate.cert]): string[] {
  return [who.cert, ...chain].map((f) =>
    execFileSync('openssl', ['x509', '-in', f, '-outform', 'DER']).toString('base64'),
  );
}

/** `openssl dgst -verify` of a compact JWS signature made by an RSA key (PKCS#1 v1.5 or PSS). */
export function opensslVerifyJws(pki: TestPki, who: Identity, compact: string): boolean {
  const [h, p, s] = compact.split('.') as [string, string, string];
  const alg = String((JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string }).alg);
  const input = tmp(pki, 'bin');
  const sigFile = tmp(pki, 'sig');
  const pub = tmp(pki, 'pem');
  writeFileSync(input, `${h}.${p}`);
  writeFileSync(sigFile, Buffer.from(s, 'base64url'));
  writeFileSync(pub, openssl(['x509', '-in', who.cert, '-pubkey', '-noout']));
  const args = ['dgst', `-sha${alg.slice(2)}`, '-verify', pub, '-signature', sigFile];
  if (alg.startsWith('PS')) args.push('-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:-1');
  args.push(input);
  return spawnSync('openssl', args).status === 0;
}
