/**
 * `motcua verify`: verify the digital signatures of a PDF (PAdES / CMS) and print the report.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignatureError, type SignatureReport, type VerificationReport, verifyPdf } from '@motcua/signing';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { InputError, readWhole } from '../read-input.ts';

const USAGE = `motcua verify <file.pdf> [--trust <pem-file|dir>]... [--crl <file>]... [--ocsp <file>]... [--at <ISO instant>] [--json] [--lang vi|en]

Kiểm tra chữ ký số trên tệp PDF: tính toàn vẹn, chứng thư số, đường dẫn tin cậy, thời điểm ký, tình trạng thu hồi.
Verifies the digital signatures of a PDF: integrity, certificates, trust path, signing time, revocation.

  --trust <path>    trusted root certificate(s): a PEM/DER file or a directory of them (repeatable).
                    Nothing is trusted by default.
  --crl <file>      a CRL, DER or PEM (repeatable)
  --ocsp <file>     an OCSP response, DER (repeatable)
  --at <instant>    validation time, ISO 8601 (default: now)
  --json            print the full report as JSON
  --lang vi|en      message language (default vi)

Exit: 0 valid, 1 not valid or indeterminate, 2 usage error or unreadable file.`;

/**
 * The `verify` command.
 *
 * @example
 * ```ts
 * import { verifyCommand } from '@motcua/cli';
 * await verifyCommand.run(['quyet-dinh.pdf', '--trust', 'roots/'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const verifyCommand: Command = {
  name: 'verify',
  summary: {
    vi: 'Kiểm tra chữ ký số trên tệp PDF (PAdES / CMS)',
    en: 'Verify the digital signatures of a PDF (PAdES / CMS)',
  },
  usage: USAGE,
  run: runVerify,
};

const CERT_EXTENSIONS = /\.(pem|crt|cer|der)$/i;

/** Reads trust anchors from files or directories (non-recursive; certificate extensions only in directories). */
async function readTrust(paths: readonly string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (cause) {
      throw new InputError('NOT_FOUND', p, { cause });
    }
    if (isDir) {
      for (const name of (await readdir(p)).sort())
        if (CERT_EXTENSIONS.test(name)) out.push(new Uint8Array(await readFile(join(p, name))));
    } else out.push(new Uint8Array(await readFile(p)));
  }
  return out;
}

async function readFiles(paths: readonly string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const p of paths) {
    try {
      out.push(new Uint8Array(await readFile(p)));
    } catch (cause) {
      throw new InputError('NOT_FOUND', p, { cause });
    }
  }
  return out;
}

function usageError(io: Io, message: string): number {
  io.stderr.write(`motcua verify: ${message}\n\n${USAGE}\n`);
  return EXIT.usage;
}

async function runVerify(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  let values: {
    trust?: string[] | undefined;
    crl?: string[] | undefined;
    ocsp?: string[] | undefined;
    at?: string | undefined;
    json?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        trust: { type: 'string', multiple: true },
        crl: { type: 'string', multiple: true },
        ocsp: { type: 'string', multiple: true },
        at: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    return usageError(io, err instanceof Error ? err.message : String(err));
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    return usageError(io, t(lang, 'cần đúng một tệp PDF', 'exactly one PDF file is required'));
  let validationTime: Date | undefined;
  if (values.at !== undefined) {
    validationTime = new Date(values.at);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.at) || Number.isNaN(validationTime.getTime()))
      return usageError(io, t(lang, `thời điểm không hợp lệ: ${values.at}`, `invalid instant: ${values.at}`));
  }

  let pdf: Uint8Array;
  let trust: Uint8Array[];
  let crls: Uint8Array[];
  let ocsps: Uint8Array[];
  try {
    pdf = new Uint8Array(await readWhole(file, io.stdin));
    trust = await readTrust(values.trust ?? []);
    crls = await readFiles(values.crl ?? []);
    ocsps = await readFiles(values.ocsp ?? []);
  } catch (err) {
    const source = err instanceof InputError ? err.source : file;
    io.stderr.write(
      `motcua verify: ${t(lang, 'không đọc được tệp', 'cannot read file')} ${source}${err instanceof InputError ? ` (${err.code})` : ''}\n`,
    );
    return EXIT.usage;
  }

  let report: VerificationReport;
  try {
    report = await verifyPdf(pdf, {
      trustAnchors: trust,
      crls,
      ocspResponses: ocsps,
      lang,
      ...(validationTime ? { validationTime } : {}),
    });
  } catch (err) {
    if (err instanceof SignatureError) {
      io.stderr.write(
        `motcua verify: ${t(lang, 'dữ liệu tin cậy / CRL không đọc được', 'unreadable trust anchor / CRL')}: ${err.message}\n`,
      );
      return EXIT.usage;
    }
    throw err;
  }

  if (values.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(humanReport(report, file, lang, trust.length));
  return report.valid ? EXIT.ok : EXIT.invalid;
}

function humanReport(report: VerificationReport, file: string, lang: 'vi' | 'en', anchors: number): string {
  const lines: string[] = [];
  lines.push(`${file}: ${report.summary}`);
  if (anchors === 0)
    lines.push(
      t(
        lang,
        '  (Chưa cấu hình chứng thư số gốc tin cậy: dùng --trust để chỉ định.)',
        '  (No trusted root configured: pass one with --trust.)',
      ),
    );
  for (const s of report.signatures) lines.push('', ...signatureLines(s, lang));
  const docProblems = report.problems;
  if (docProblems.length > 0) {
    lines.push('', t(lang, 'Tài liệu:', 'Document:'));
    for (const p of docProblems) lines.push(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message} [${p.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

function signatureLines(s: SignatureReport, lang: 'vi' | 'en'): string[] {
  const kind =
    s.type === 'doc-timestamp'
      ? t(lang, 'Dấu thời gian tài liệu', 'Document timestamp')
      : t(lang, 'Chữ ký', 'Signature');
  const head = `${kind} #${s.index + 1}${s.fieldName ? ` (${s.fieldName})` : ''}: ${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''}`;
  const out = [head];
  for (const d of s.display) if (d.field !== 'result') out.push(`  ${d.label}: ${d.value}`);
  for (const p of s.problems) out.push(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
  return out;
}
