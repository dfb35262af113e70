/**
 * `pnpm bench verify-xml [--size 10] [--runs 5] [--regenerate]`
 *
 * Question: what does verifying a large signed XML document (a 10 MB edXML package with an
 * attachment, enveloped XMLDSig over the whole document) with `@motcua/signing` cost, compared in
 * the same run with `xmlsec1 --verify` (libxml2 + xmlsec + OpenSSL, C) on the same file?
 *
 *   xmlsec1     `xmlsec1 --verify --trusted-pem root --untrusted-pem intermediate <file>`:
 *               parse, exc-c14n, digest, RSA, chain (no revocation)
 *   motcua      in-process `readFile` + `verifyXml` (pre-scan, parse, Id index, c14n, digest,
 *               RSA, chain, CRL revocation, scope check, report)
 *   motcua-cli  `node --conditions=@motcua/source packages/cli/src/bin.ts verify <file> --trust …
 *               --crl … --json` (process start and TypeScript loading included)
 *   node-start  `node -e 0`, for context
 *
 * Every figure is the best of `--runs` rounds, the tools interleaved within each round because the
 * machine is shared. The last line is one JSON object with the ratios (motcua / xmlsec1).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyXml, type XmlVerifyOptions } from '@motcua/signing/xml';
import { files, generate } from './generate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

type Tool = 'xmlsec1' | 'motcua' | 'motcua-cli' | 'node-start';
const TOOLS: readonly Tool[] = ['xmlsec1', 'motcua', 'motcua-cli', 'node-start'];

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function timed(cmd: string, argv: string[]): Promise<{ ms: number; code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - t0, code, out: Buffer.concat(out).toString('utf8') }),
    );
  });
}

function check(ok: boolean, tool: Tool, detail: string): void {
  if (!ok) throw new Error(`${tool} did not verify: ${detail.slice(0, 2000)}`);
}

export async function main(args: string[]): Promise<void> {
  const size = Number(arg(args, '--size') ?? 10);
  const runs = Number(arg(args, '--runs') ?? 5) || 5;
  const dir = join(here, '..', '.data', 'verify-xml');
  const f = files(dir, size);
  if (![f.xml, f.root, f.intermediate, ...f.crls].every(existsSync) || args.includes('--regenerate')) {
    console.log(`generating a signed ${size} MB edXML and its PKI → ${dir}`);
    generate(dir, size);
  }
  const options: XmlVerifyOptions = {
    trustAnchors: [await readFile(f.root, 'utf8')],
    crls: await Promise.all(f.crls.map((c) => readFile(c, 'utf8'))),
  };
  const cliTrust = ['--trust', f.root, ...f.crls.flatMap((c) => ['--crl', c])];
  const version = (await timed('xmlsec1', ['--version'])).out.trim();
  console.log(`Node ${process.version}, ${availableParallelism()} cores, ${version}; best of ${runs} rounds`);

  const once = async (tool: Tool): Promise<number> => {
    switch (tool) {
      case 'xmlsec1': {
        const r = await timed('xmlsec1', [
          '--verify',
          '--trusted-pem',
          f.root,
          '--untrusted-pem',
          f.intermediate,
          f.xml,
        ]);
        check(r.code === 0 && /^OK$/m.test(r.out), tool, r.out);
        return r.ms;
      }
      case 'motcua': {
        const t0 = performance.now();
        const report = await verifyXml(await readFile(f.xml), options);
        const ms = performance.now() - t0;
        check(report.valid, tool, JSON.stringify(report.signatures.map((s) => s.problems)));
        return ms;
      }
      case 'motcua-cli': {
        const r = await timed(process.execPath, [
          '--conditions=@motcua/source',
          '--disable-warning=ExperimentalWarning',
          'packages/cli/src/bin.ts',
          'verify',
          f.xml,
          ...cliTrust,
          '--json',
        ]);
        check(r.code === 0 && (JSON.parse(r.out) as { valid: boolean }).valid, tool, r.out);
        return r.ms;
      }
      case 'node-start': {
        const r = await timed(process.execPath, ['-e', '0']);
        return r.ms;
      }
    }
  };

  const best = new Map<Tool, number>();
  for (let round = 0; round < runs; round++) {
    const order = TOOLS.map((_, i) => TOOLS[(i + round) % TOOLS.length] as Tool);
    const line: string[] = [];
    for (const tool of order) {
      const ms = await once(tool);
      best.set(tool, Math.min(best.get(tool) ?? Number.POSITIVE_INFINITY, ms));
      line.push(`${tool} ${ms.toFixed(1)}`);
    }
    console.log(`round ${round + 1}  ${line.join('  ')}`);
  }
  const b = (t: Tool): number => best.get(t) as number;
  const ratio = (x: number, y: number): number => Number((x / y).toFixed(3));
  const bytes = statSync(f.xml).size;
  const ratios = {
    motcuaVsXmlsec1: ratio(b('motcua'), b('xmlsec1')),
    motcuaCliVsXmlsec1: ratio(b('motcua-cli'), b('xmlsec1')),
  };
  console.log(`best (ms)  ${TOOLS.map((t) => `${t} ${b(t).toFixed(1)}`).join('  ')}`);
  console.log(
    `motcua ${ratios.motcuaVsXmlsec1}× xmlsec1 (${(bytes / 1e3 / b('motcua')).toFixed(0)} MB/s); motcua-cli ${ratios.motcuaCliVsXmlsec1}× xmlsec1`,
  );
  console.log(
    JSON.stringify({
      bench: 'verify-xml',
      node: process.version,
      cores: availableParallelism(),
      runs,
      bytes,
      ms: Object.fromEntries(TOOLS.map((t) => [t, Math.round(b(t) * 10) / 10])),
      ratio: ratios.motcuaVsXmlsec1,
      ratios,
    }),
  );
}
