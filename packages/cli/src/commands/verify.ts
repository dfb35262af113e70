/**
 * `motcua verify`: verify the digital signatures of a PDF (PAdES / CMS), an XML document (XMLDSig /
 * XAdES: edXML, tax-authority XML) or a JWS (compact token or JSON), detected from the content,
 * and print the report.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SignatureReport, VerificationReport } from '@motcua/signing';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { InputError, readHead, readWhole } from '../read-input.ts';

const USAGE = `motcua verify <file> [--trust <pem-file|dir>]... [--crl <file>]... [--ocsp <file>]... [--at <ISO instant>] [--json] [--lang vi|en]
              [--element </path/of/element>]... [--detached <payload-file>]

Kiểm tra chữ ký số trên tệp PDF, XML (edXML, thông báo thuế, hoá đơn) hoặc JWS (JSON): tính toàn vẹn, chứng thư số,
đường dẫn tin cậy, thời điểm ký, tình trạng thu hồi. Định dạng được nhận biết từ nội dung tệp.
Verifies the digital signatures of a PDF, an XML document or a JWS, detected from the content: integrity,
certificates, trust path, signing time, revocation.

  --trust <path>    trusted root certificate(s): a PEM/DER file or a directory of them (repeatable).
                    Nothing is trusted by default.
  --crl <file>      a CRL, DER or PEM (repeatable)
  --ocsp <file>     an OCSP response, DER (repeatable)
  --at <instant>    validation time, ISO 8601 (default: now)
  --json            print the full report as JSON
  --lang vi|en      message language (default vi)
  --element <path>  XML: an element the application reads, e.g. /TBao/DLTBao (repeatable; default: the
                    document element). The document is valid only if each is exactly what was signed.
  --detached <file> JWS: the payload of a detached JWS

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
    vi: 'Kiểm tra chữ ký số trên tệp PDF, XML hoặc JWS',
    en: 'Verify the digital signatures of a PDF, XML document or JWS',
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
    element?: string[] | undefined;
    detached?: string | undefined;
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
        element: { type: 'string', multiple: true },
        detached: { type: 'string' },
      },
    }));
  } catch (err) {
    return usageError(io, err instanceof Error ? err.message : String(err));
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    return usageError(io, t(lang, 'cần đúng một tệp', 'exactly one file is required'));
  let validationTime: Date | undefined;
  if (values.at !== undefined) {
    validationTime = new Date(values.at);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.at) || Number.isNaN(validationTime.getTime()))
      return usageError(io, t(lang, `thời điểm không hợp lệ: ${values.at}`, `invalid instant: ${values.at}`));
  }

  // A PDF on disk is verified from the file: large scanned results are then neither read into
  // memory nor copied (verifyPdfFile streams the signed ranges). Everything else is read whole.
  // The PDF verifier is loaded alone (the package's `pdf` entry): start-up is part of every run.
  const pdf = await import('@motcua/signing/pdf');
  let doc: Uint8Array | undefined;
  let trust: Uint8Array[];
  let crls: Uint8Array[];
  let ocsps: Uint8Array[];
  let detached: Uint8Array | undefined;
  try {
    const head = file === '-' ? undefined : await readHead(file, 1024);
    if (head === undefined || !pdf.hasPdfHeader(head)) doc = await readWhole(file, io.stdin);
    trust = await readTrust(values.trust ?? []);
    crls = await readFiles(values.crl ?? []);
    ocsps = await readFiles(values.ocsp ?? []);
    if (values.detached !== undefined) detached = (await readFiles([values.detached]))[0];
  } catch (err) {
    const source = err instanceof InputError ? err.source : file;
    io.stderr.write(
      `motcua verify: ${t(lang, 'không đọc được tệp', 'cannot read file')} ${source}${err instanceof InputError ? ` (${err.code})` : ''}\n`,
    );
    return EXIT.usage;
  }

  let report: VerificationReport;
  try {
    // Content decides; unrecognisable bytes go to the verifier the file name suggests (PDF by default),
    // which reports them unreadable rather than failing the command.
    const options = {
      trustAnchors: trust,
      crls,
      ocspResponses: ocsps,
      lang,
      ...(validationTime ? { validationTime } : {}),
      ...(values.element ? { expectedSignedElements: values.element } : {}),
      ...(detached ? { detachedPayload: detached } : {}),
    };
    if (doc === undefined) report = await pdf.verifyPdfFile(file, options);
    else {
      // Only now the XML and JWS verifiers are loaded: a PDF needs none of their modules.
      const { detectFormat, verifyJws, verifyXml } = await import('@motcua/signing');
      const format = detectFormat(doc) ?? formatByName(file);
      report =
        format === 'xml'
          ? await verifyXml(doc, options)
          : format === 'jws'
            ? await verifyJws(doc, options)
            : await pdf.verifyPdf(doc, options);
    }
  } catch (err) {
    const { SignatureError } = pdf;
    if (err instanceof SignatureError && err.code === 'FILE_UNREADABLE') {
      io.stderr.write(`motcua verify: ${t(lang, 'không đọc được tệp', 'cannot read file')} ${file}\n`);
      return EXIT.usage;
    }
    if (err instanceof SignatureError) {
      io.stderr.write(
        `motcua verify: ${t(lang, 'dữ liệu tin cậy / CRL không đọc được', 'unreadable trust anchor / CRL')}: ${err.message}\n`,
      );
      return EXIT.usage;
    }
    throw err;
  }

  if (values.json === true) io.stdout.write(`${JSON.stringify(report, jsonBytes, 2)}\n`);
  else io.stdout.write(humanReport(report, file, lang, trust.length));
  return report.valid ? EXIT.ok : EXIT.invalid;
}

function formatByName(file: string): 'pdf' | 'xml' | 'jws' {
  if (/\.(xml|edxml)$/i.test(file)) return 'xml';
  if (/\.(json|jws|jwt)$/i.test(file)) return 'jws';
  return 'pdf';
}

/** JSON output: bytes (the JWS payload) as base64url text. */
function jsonBytes(_key: string, v: unknown): unknown {
  return v instanceof Uint8Array ? Buffer.from(v).toString('base64url') : v;
}

const FORMAT_NAMES = { pdf: 'PDF', xml: 'XML', jws: 'JWS' } as const;

function humanReport(report: VerificationReport, file: string, lang: 'vi' | 'en', anchors: number): string {
  const lines: string[] = [];
  lines.push(`${file} (${FORMAT_NAMES[report.format]}): ${report.summary}`);
  if (anchors === 0)
    lines.push(
      t(
        lang,
        '  (Chưa cấu hình chứng thư số gốc tin cậy: dùng --trust để chỉ định.)',
        '  (No trusted root configured: pass one with --trust.)',
      ),
    );
  for (const s of report.signatures) lines.push('', ...signatureLines(s, lang));
  if (report.signedElements && report.signedElements.length > 0) {
    lines.push('', t(lang, 'Phần tử được đọc:', 'Elements read:'));
    for (const c of report.signedElements)
      lines.push(
        `  ${c.status === 'signed' ? '✓' : '✗'} ${c.selector}: ${ELEMENT_STATUS[c.status][lang === 'vi' ? 0 : 1]}`,
      );
  }
  if (report.payload)
    lines.push(
      '',
      t(lang, `Nội dung được ký: ${report.payload.length} byte`, `Signed payload: ${report.payload.length} bytes`),
    );
  const docProblems = report.problems;
  if (docProblems.length > 0) {
    lines.push('', t(lang, 'Tài liệu:', 'Document:'));
    for (const p of docProblems) lines.push(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message} [${p.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

const ELEMENT_STATUS = {
  signed: ['đã được ký', 'signed'],
  'not-signed': ['KHÔNG được ký', 'NOT signed'],
  missing: ['không tìm thấy', 'not found'],
  ambiguous: ['có nhiều phần tử trùng, không xác định được', 'several match, ambiguous'],
} as const;

function signatureLines(s: SignatureReport, lang: 'vi' | 'en'): string[] {
  const kind =
    s.type === 'doc-timestamp'
      ? t(lang, 'Dấu thời gian tài liệu', 'Document timestamp')
      : t(lang, 'Chữ ký', 'Signature');
  const head = `${kind} #${s.index + 1}${s.fieldName ? ` (${s.fieldName})` : ''}: ${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''}`;
  const out = [head];
  if (s.elementPath) out.push(`  ${t(lang, 'Vị trí', 'Location')}: ${s.elementPath}`);
  if (s.jws?.alg) out.push(`  ${t(lang, 'Thuật toán', 'Algorithm')}: ${s.jws.alg} (${s.jws.serialization})`);
  for (const d of s.display) if (d.field !== 'result') out.push(`  ${d.label}: ${d.value}`);
  for (const e of s.scope ?? [])
    if (e.kind !== 'payload')
      out.push(
        `  ${t(lang, 'Phạm vi ký', 'Signs')}: ${e.path ?? e.uri ?? ''} [${e.kind}]${e.digestMatches ? '' : ' ✗'}`,
      );
  for (const p of s.problems) out.push(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
  return out;
}
