/**
 * A throw-away test PKI generated with the `openssl` command at test time (no keys are committed):
 * root → intermediate → signers (good, expired, revoked, wrong key usage, 1024-bit), a TSA, and a
 * look-alike root/intermediate with the same names but other keys. Documents are signed by an
 * independent tool (`openssl cms -sign`) so the verifier is not checked against itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Identity {
  name: string;
  cert: string;
  key: string;
  certPem: string;
}

export interface TestPki {
  dir: string;
  root: Identity;
  intermediate: Identity;
  good: Identity;
  expired: Identity;
  revoked: Identity;
  wrongKeyUsage: Identity;
  weakKey: Identity;
  tsa: Identity;
  fakeRoot: Identity;
  fakeIntermediate: Identity;
  fakeSigner: Identity;
  /** CRL of the intermediate (PEM) listing `revoked`, revoked 2024-06-01. */
  crlPem: string;
  /** Same CRL, DER. */
  crlDer: Uint8Array;
  /** CRL of the root (PEM, empty): revocation evidence for the intermediate. */
  rootCrlPem: string;
  /** Chain file (intermediate PEM) to embed in signatures. */
  chainFile: string;
  fakeChainFile: string;
}

export function openssl(args: string[], opts: { cwd?: string; input?: Uint8Array } = {}): Buffer {
  return execFileSync('openssl', args, { cwd: opts.cwd, input: opts.input, stdio: ['pipe', 'pipe', 'pipe'] });
}

const CA_CONF = (dir: string): string => `
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
serialNumber = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = placeholder
[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_intermediate ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_signer ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = clientAuth, emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://crl.test.invalid/intermediate.crl
[ v3_wrong_ku ]
basicConstraints = CA:FALSE
keyUsage = critical, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_tsa ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/tsaserial
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
certs = $dir/intermediate.crt
default_policy = 1.2.3.4.1
digests = sha256
signer_digest = sha256
accuracy = secs:1
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

function caDir(base: string, name: string): string {
  const d = join(base, name);
  mkdirSync(join(d, 'newcerts'), { recursive: true });
  writeFileSync(join(d, 'index.txt'), '');
  writeFileSync(join(d, 'serial'), `${name === 'root' ? '10' : name === 'fake' ? '20' : '30'}00\n`);
  writeFileSync(join(d, 'crlnumber'), '01\n');
  writeFileSync(join(d, 'tsaserial'), '01\n');
  writeFileSync(join(d, 'openssl.cnf'), CA_CONF(d));
  return d;
}

function key(dir: string, name: string, bits = 2048): string {
  const k = join(dir, `${name}.key`);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', k]);
  return k;
}

function csr(dir: string, name: string, subj: string, k: string): string {
  const c = join(dir, `${name}.csr`);
  openssl(['req', '-new', '-key', k, '-subj', subj, '-out', c, '-utf8']);
  return c;
}

function issue(
  ca: string,
  opts: {
    name: string;
    subj: string;
    ext: string;
    start: string;
    end: string;
    issuerCert?: string;
    issuerKey?: string;
    bits?: number;
    outDir: string;
  },
): Identity {
  const k = key(opts.outDir, opts.name, opts.bits);
  const r = csr(opts.outDir, opts.name, opts.subj, k);
  const cert = join(opts.outDir, `${opts.name}.crt`);
  const args = [
    'ca',
    '-batch',
    '-config',
    join(ca, 'openssl.cnf'),
    '-in',
    r,
    '-out',
    cert,
    '-extensions',
    opts.ext,
    '-startdate',
    opts.start,
    '-enddate',
    opts.end,
    '-notext',
    '-utf8',
  ];
  if (opts.issuerCert && opts.issuerKey) args.push('-cert', opts.issuerCert, '-keyfile', opts.issuerKey);
  else args.push('-selfsign', '-keyfile', k);
  openssl(args);
  return { name: opts.name, cert, key: k, certPem: readFileSync(cert, 'utf8') };
}

/** Generates the PKI into a fresh temporary directory. */
export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pki-'));
  const rootCa = caDir(dir, 'root');
  const fakeCa = caDir(dir, 'fake');
  const intCa = caDir(dir, 'intermediate');
  const rootSubj = '/C=VN/O=Motcua Test PKI/CN=Motcua Test Root CA';
  const intSubj = '/C=VN/O=Motcua Test PKI/CN=Motcua Test Issuing CA';
  const root = issue(rootCa, {
    name: 'root',
    subj: rootSubj,
    ext: 'v3_root',
    start: '20200101000000Z',
    end: '20450101000000Z',
    outDir: dir,
  });
  const intermediate = issue(rootCa, {
    name: 'intermediate',
    subj: intSubj,
    ext: 'v3_intermediate',
    start: '20200101000000Z',
    end: '20440101000000Z',
    issuerCert: root.cert,
    issuerKey: root.key,
    outDir: dir,
  });
  const leaf = (name: string, cn: string, ext: string, start: string, end: string, bits?: number): Identity =>
    issue(intCa, {
      name,
      subj: `/C=VN/O=UBND xã Thử Nghiệm/CN=${cn}/serialNumber=CCCD:001090000001`,
      ext,
      start,
      end,
      issuerCert: intermediate.cert,
      issuerKey: intermediate.key,
      outDir: dir,
      ...(bits === undefined ? {} : { bits }),
    });
  const good = leaf('good', 'Nguyễn Văn An', 'v3_signer', '20240101000000Z', '20400101000000Z');
  const expired = leaf('expired', 'Trần Thị Bình', 'v3_signer', '20200101000000Z', '20210101000000Z');
  const revoked = leaf('revoked', 'Lê Văn Cường', 'v3_signer', '20240101000000Z', '20400101000000Z');
  const wrongKeyUsage = leaf('wrongku', 'Phạm Thị Dung', 'v3_wrong_ku', '20240101000000Z', '20400101000000Z');
  const weakKey = leaf('weak', 'Hoàng Văn Em', 'v3_signer', '20240101000000Z', '20400101000000Z', 1024);
  const tsa = issue(intCa, {
    name: 'tsa',
    subj: '/C=VN/O=Motcua Test PKI/CN=Motcua Test TSA',
    ext: 'v3_tsa',
    start: '20200101000000Z',
    end: '20440101000000Z',
    issuerCert: intermediate.cert,
    issuerKey: intermediate.key,
    outDir: dir,
  });
  // TSA config expects these names inside the intermediate CA dir.
  writeFileSync(join(intCa, 'tsa.crt'), tsa.certPem);
  writeFileSync(join(intCa, 'tsa.key'), readFileSync(tsa.key));
  writeFileSync(join(intCa, 'intermediate.crt'), intermediate.certPem);

  // Look-alike hierarchy: same names, other keys.
  const fakeRoot = issue(fakeCa, {
    name: 'fakeroot',
    subj: rootSubj,
    ext: 'v3_root',
    start: '20200101000000Z',
    end: '20450101000000Z',
    outDir: dir,
  });
  const fakeIntermediate = issue(fakeCa, {
    name: 'fakeintermediate',
    subj: intSubj,
    ext: 'v3_intermediate',
    start: '20200101000000Z',
    end: '20440101000000Z',
    issuerCert: fakeRoot.cert,
    issuerKey: fakeRoot.key,
    outDir: dir,
  });
  const fakeInt = caDir(dir, 'fakeint');
  const fakeSigner = issue(fakeInt, {
    name: 'fakesigner',
    subj: '/C=VN/O=UBND xã Thử Nghiệm/CN=Nguyễn Văn An',
    ext: 'v3_signer',
    start: '20240101000000Z',
    end: '20400101000000Z',
    issuerCert: fakeIntermediate.cert,
    issuerKey: fakeIntermediate.key,
    outDir: dir,
  });

  // Revoke `revoked` on 2024-06-01 (keyCompromise) by editing the CA database, then issue the CRL.
  const revokedSerial = openssl(['x509', '-in', revoked.cert, '-noout', '-serial']).toString().trim().split('=')[1];
  const index = readFileSync(join(intCa, 'index.txt'), 'utf8')
    .split('\n')
    .map((line) => {
      if (line.split('\t')[3] !== revokedSerial) return line;
      const f = line.split('\t');
      return ['R', f[1], '240601000000Z,keyCompromise', f[3], f[4], f[5]].join('\t');
    })
    .join('\n');
  writeFileSync(join(intCa, 'index.txt'), index);
  const crlFile = join(dir, 'intermediate.crl.pem');
  openssl([
    'ca',
    '-gencrl',
    '-config',
    join(intCa, 'openssl.cnf'),
    '-cert',
    intermediate.cert,
    '-keyfile',
    intermediate.key,
    '-out',
    crlFile,
    '-crl_lastupdate',
    '20250101000000Z',
    '-crl_nextupdate',
    '20450101000000Z',
  ]);
  const crlPem = readFileSync(crlFile, 'utf8');
  const rootCrlFile = join(dir, 'root.crl.pem');
  openssl([
    'ca',
    '-gencrl',
    '-config',
    join(rootCa, 'openssl.cnf'),
    '-cert',
    root.cert,
    '-keyfile',
    root.key,
    '-out',
    rootCrlFile,
    '-crl_lastupdate',
    '20250101000000Z',
    '-crl_nextupdate',
    '20450101000000Z',
  ]);
  const rootCrlPem = readFileSync(rootCrlFile, 'utf8');
  const crlDer = new Uint8Array(openssl(['crl', '-in', crlFile, '-outform', 'DER']));
  const chainFile = join(dir, 'chain.pem');
  writeFileSync(chainFile, intermediate.certPem);
  const fakeChainFile = join(dir, 'fakechain.pem');
  writeFileSync(fakeChainFile, fakeIntermediate.certPem);
  return {
    dir,
    root,
    intermediate,
    good,
    expired,
    revoked,
    wrongKeyUsage,
    weakKey,
    tsa,
    fakeRoot,
    fakeIntermediate,
    fakeSigner,
    crlPem,
    crlDer,
    rootCrlPem,
    chainFile,
    fakeChainFile,
  };
}

/** `openssl cms -sign` over `data` (detached, DER). */
export function cmsSign(
  pki: TestPki,
  signer: Identity,
  data: Uint8Array,
  opts: { md?: string; chain?: string; extra?: string[] } = {},
): Uint8Array {
  const dataFile = join(pki.dir, `data-${Math.random().toString(36).slice(2)}.bin`);
  writeFileSync(dataFile, data);
  const args = [
    'cms',
    '-sign',
    '-binary',
    '-outform',
    'DER',
    '-md',
    opts.md ?? 'sha256',
    '-in',
    dataFile,
    '-signer',
    signer.cert,
    '-inkey',
    signer.key,
  ];
  args.push('-certfile', opts.chain ?? pki.chainFile, ...(opts.extra ?? []));
  return new Uint8Array(openssl(args));
}

/** An RFC 3161 token from the test TSA over `data` (openssl ts). */
export function tsaToken(pki: TestPki, data: Uint8Array): Uint8Array {
  const id = Math.random().toString(36).slice(2);
  const dataFile = join(pki.dir, `tsdata-${id}.bin`);
  const query = join(pki.dir, `ts-${id}.tsq`);
  const token = join(pki.dir, `ts-${id}.tok`);
  writeFileSync(dataFile, data);
  openssl(['ts', '-query', '-data', dataFile, '-sha256', '-cert', '-out', query]);
  openssl([
    'ts',
    '-reply',
    '-config',
    join(pki.dir, 'intermediate', 'openssl.cnf'),
    '-queryfile',
    query,
    '-token_out',
    '-out',
    token,
  ]);
  return new Uint8Array(readFileSync(token));
}

/** An OCSP response for `cert` from the issuing CA itself (openssl ocsp, CA-signed; `-resp_key_id` to name it by key hash). */
export function ocspResponse(pki: TestPki, cert: Identity, opts: { byKeyHash?: boolean } = {}): Uint8Array {
  const id = Math.random().toString(36).slice(2);
  const req = join(pki.dir, `ocsp-${id}.req`);
  const resp = join(pki.dir, `ocsp-${id}.resp`);
  openssl(['ocsp', '-issuer', pki.intermediate.cert, '-cert', cert.cert, '-no_nonce', '-reqout', req]);
  const args = [
    'ocsp',
    '-index',
    join(pki.dir, 'intermediate', 'index.txt'),
    '-rsigner',
    pki.intermediate.cert,
    '-rkey',
    pki.intermediate.key,
  ];
  args.push('-CA', pki.intermediate.cert, '-reqin', req, '-respout', resp, '-ndays', '30');
  if (opts.byKeyHash) args.push('-resp_key_id');
  openssl(args);
  return new Uint8Array(readFileSync(resp));
}
