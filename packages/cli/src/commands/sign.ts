/**
 * `motcua sign`: sign a PDF (PAdES, incremental update), an XML document (enveloped XMLDSig) or a
 * JSON payload (JWS) with a PKCS#12 key. The password is never printed.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { detectFormat, SignatureError } from '@motcua/signing';
import { pkcs12Signer, type SignatureScheme, type Signer, signJws, signPdf, signXml } from '@motcua/signing/sign';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { InputError, readWhole } from '../read-input.ts';

const USAGE = `motcua sign <file> --key <file.p12> (--pass <password> | --pass-env <VAR>) [--out <file>] [--lang vi|en]
            [--scheme pss|pkcs1] [--reason <text>] [--location <text>] [--field <name>]
            [--seal <image.png|jpg> --rect x1,y1,x2,y2 [--page n]]
            [--parent </path>] [--ref <Id>]... [--c14n exclusive|inclusive] [--signing-time]
            [--flattened] [--detached]

Ký số tệp PDF (PAdES, cập nhật gia tăng), XML (chữ ký XMLDSig bao trong tài liệu, ví dụ edXML) hoặc JSON (JWS)
bằng khoá trong tệp PKCS#12. Mật khẩu không bao giờ được in ra; nên dùng --pass-env thay vì --pass
(tham số dòng lệnh có thể bị người khác trên máy nhìn thấy).
Signs a PDF (PAdES, incremental update), an XML document (enveloped XMLDSig, e.g. edXML) or a JSON payload (JWS)
with the key of a PKCS#12 file. The password is never printed; prefer --pass-env to --pass.

  --key <file>          PKCS#12 (.p12 / .pfx) with the private key and its certificate chain
  --pass <password>     its password
  --pass-env <VAR>      read the password from environment variable VAR
  --out <file>          output file (default <name>.signed.<ext>; required when reading standard input)
  --scheme pss|pkcs1    RSA padding: RSASSA-PSS (default, TT 15/2025) or PKCS#1 v1.5 for older receivers
PDF:
  --reason, --location  /Reason and /Location of the signature
  --field <name>        name of the new signature field
  --seal <image>        a visible appearance (the agency seal, PNG with transparency or JPEG) ...
  --rect x1,y1,x2,y2    ... drawn in this rectangle (points, origin bottom left) ...
  --page <n>            ... of this page (1-based, default 1)
XML:
  --parent </path>      where the Signature goes (default the document element), e.g. /edXML/edXMLEnvelope/edXMLHeader
  --ref <Id>            sign this element by Id instead of the whole document (repeatable)
  --c14n exclusive|inclusive   canonicalization (default exclusive)
  --signing-time        add a signed SigningTime object
JSON:
  --flattened           flattened JSON serialization instead of a compact token
  --detached            leave the payload out of the JWS
  --signing-time        add the JAdES sigT header

Exit: 0 signed, 2 usage error, unreadable file or wrong password.`;

/**
 * The `sign` command.
 *
 * @example
 * ```ts
 * import { signCommand } from '@motcua/cli';
 * process.env.P12_PASS = '…';
 * await signCommand.run(['ket-qua.pdf', '--key', 'co-quan.p12', '--pass-env', 'P12_PASS'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const signCommand: Command = {
  name: 'sign',
  summary: {
    vi: 'Ký số tệp PDF, XML hoặc JSON bằng khoá PKCS#12',
    en: 'Sign a PDF, XML document or JSON payload with a PKCS#12 key',
  },
  usage: USAGE,
  run: runSign,
};

function usageError(io: Io, message: string): number {
  io.stderr.write(`motcua sign: ${message}\n\n${USAGE}\n`);
  return EXIT.usage;
}

interface Values {
  key?: string | undefined;
  pass?: string | undefined;
  'pass-env'?: string | undefined;
  out?: string | undefined;
  scheme?: string | undefined;
  reason?: string | undefined;
  location?: string | undefined;
  field?: string | undefined;
  seal?: string | undefined;
  rect?: string | undefined;
  page?: string | undefined;
  parent?: string | undefined;
  ref?: string[] | undefined;
  c14n?: string | undefined;
  'signing-time'?: boolean | undefined;
  flattened?: boolean | undefined;
  detached?: boolean | undefined;
}

async function runSign(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string' },
        pass: { type: 'string' },
        'pass-env': { type: 'string' },
        out: { type: 'string' },
        scheme: { type: 'string' },
        reason: { type: 'string' },
        location: { type: 'string' },
        field: { type: 'string' },
        seal: { type: 'string' },
        rect: { type: 'string' },
        page: { type: 'string' },
        parent: { type: 'string' },
        ref: { type: 'string', multiple: true },
        c14n: { type: 'string' },
        'signing-time': { type: 'boolean' },
        flattened: { type: 'boolean' },
        detached: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    // parseArgs messages name options, never values: the password cannot leak through them.
    return usageError(io, err instanceof Error ? err.message : String(err));
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    return usageError(io, t(lang, 'cần đúng một tệp', 'exactly one file is required'));
  if (values.key === undefined) return usageError(io, t(lang, 'thiếu --key', '--key is required'));
  let password: string;
  if (values['pass-env'] !== undefined) {
    const v = process.env[values['pass-env']];
    if (v === undefined)
      return usageError(
        io,
        t(
          lang,
          `biến môi trường ${values['pass-env']} chưa được đặt`,
          `environment variable ${values['pass-env']} is not set`,
        ),
      );
    password = v;
  } else if (values.pass !== undefined) password = values.pass;
  else return usageError(io, t(lang, 'thiếu --pass hoặc --pass-env', '--pass or --pass-env is required'));
  if (file === '-' && values.out === undefined)
    return usageError(
      io,
      t(lang, 'cần --out khi đọc từ đầu vào chuẩn', '--out is required when reading standard input'),
    );
  let scheme: SignatureScheme | undefined;
  if (values.scheme !== undefined) {
    if (values.scheme !== 'pss' && values.scheme !== 'pkcs1')
      return usageError(io, t(lang, `--scheme không hợp lệ: ${values.scheme}`, `invalid --scheme: ${values.scheme}`));
    scheme = values.scheme === 'pss' ? 'RSASSA-PSS' : 'RSASSA-PKCS1-v1_5';
  }
  let rect: [number, number, number, number] | undefined;
  if (values.rect !== undefined) {
    const n = values.rect.split(',').map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)))
      return usageError(io, t(lang, `--rect không hợp lệ: ${values.rect}`, `invalid --rect: ${values.rect}`));
    rect = n as [number, number, number, number];
  }
  if ((values.seal === undefined) !== (rect === undefined))
    return usageError(io, t(lang, '--seal và --rect phải đi cùng nhau', '--seal and --rect go together'));
  const page = values.page === undefined ? 1 : Number(values.page);
  if (!Number.isInteger(page) || page < 1)
    return usageError(io, t(lang, `--page không hợp lệ: ${values.page}`, `invalid --page: ${values.page}`));
  if (values.c14n !== undefined && values.c14n !== 'exclusive' && values.c14n !== 'inclusive')
    return usageError(io, t(lang, `--c14n không hợp lệ: ${values.c14n}`, `invalid --c14n: ${values.c14n}`));

  let input: Uint8Array;
  let p12: Uint8Array;
  let sealImage: Uint8Array | undefined;
  try {
    input = await readWhole(file, io.stdin);
    p12 = await readOne(values.key);
    if (values.seal !== undefined) sealImage = await readOne(values.seal);
  } catch (err) {
    const source = err instanceof InputError ? err.source : file;
    io.stderr.write(`motcua sign: ${t(lang, 'không đọc được tệp', 'cannot read file')} ${source}\n`);
    return EXIT.usage;
  }

  let signer: Signer;
  try {
    signer = await pkcs12Signer(p12, password, scheme ? { scheme } : {});
  } catch (err) {
    io.stderr.write(
      `motcua sign: ${t(lang, 'không mở được khoá PKCS#12 (sai mật khẩu hoặc tệp hỏng)', 'cannot open the PKCS#12 key (wrong password or corrupt file)')}${err instanceof SignatureError ? ` [${err.code}]` : ''}\n`,
    );
    return EXIT.usage;
  }

  const format = detectFormat(input);
  let output: Uint8Array;
  try {
    if (format === 'pdf') {
      output = await signPdf(input, signer, {
        ...(values.reason !== undefined ? { reason: values.reason } : {}),
        ...(values.location !== undefined ? { location: values.location } : {}),
        ...(values.field !== undefined ? { fieldName: values.field } : {}),
        ...(sealImage && rect ? { appearance: { page: page - 1, rect, image: sealImage } } : {}),
      });
    } else if (format === 'xml') {
      output = await signXml(input, signer, {
        ...(values.parent !== undefined ? { parent: values.parent } : {}),
        ...(values.ref ? { references: values.ref } : {}),
        ...(values.c14n === 'inclusive' ? { canonicalization: 'inclusive' as const } : {}),
        ...(values['signing-time'] ? { signingTime: true } : {}),
      });
    } else {
      // Anything else is signed as a JSON (or other) payload.
      const token = await signJws(input, signer, {
        ...(values.flattened ? { serialization: 'flattened' as const } : {}),
        ...(values.detached ? { detached: true } : {}),
        ...(values['signing-time'] ? { signingTime: true } : {}),
      });
      output = new TextEncoder().encode(`${token}\n`);
    }
  } catch (err) {
    io.stderr.write(
      `motcua sign: ${t(lang, 'không ký được', 'cannot sign')}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.usage;
  }
  const out = values.out ?? defaultOut(file, format);
  await writeFile(out, output);
  io.stdout.write(`${t(lang, 'Đã ký', 'Signed')}: ${out}\n`);
  return EXIT.ok;
}

async function readOne(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw new InputError('NOT_FOUND', path, { cause });
  }
}

/** `hop-dong.pdf` → `hop-dong.signed.pdf`; a JSON payload → `<name>.jws`. */
function defaultOut(file: string, format: string | undefined): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  if (format === 'pdf' || format === 'xml') return join(dirname(file), `${stem}.signed${ext}`);
  return join(dirname(file), `${stem}.jws`);
}
