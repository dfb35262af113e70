/**
 * `motcua id`: parse a Vietnamese identifier and print what it says.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { formatMessage } from '@motcua/schemas';
import { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierResult, parseIdentifier } from '@motcua/schemas/ids';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';

const KINDS: readonly IdentifierKind[] = IDENTIFIER_KINDS;

const KIND_NAMES: Record<IdentifierKind, { vi: string; en: string }> = {
  'personal-id': { vi: 'số định danh cá nhân', en: 'personal identification number' },
  cmnd: { vi: 'số chứng minh nhân dân (CMND)', en: 'legacy ID card number (CMND)' },
  'tax-code': { vi: 'mã số thuế', en: 'tax code' },
  'agency-code': { vi: 'mã định danh cơ quan', en: 'agency identifier' },
  'dossier-code': { vi: 'mã hồ sơ', en: 'dossier code' },
  'procedure-code': { vi: 'mã thủ tục hành chính', en: 'procedure code' },
  'field-code': { vi: 'mã lĩnh vực', en: 'field code' },
  dstcode: { vi: 'mã dịch vụ đích (dstcode)', en: 'destination service code (dstcode)' },
};

const USAGE = `motcua id <value> [--as <kind>] [--json] [--lang vi|en]

Phân tích một mã định danh: số định danh cá nhân, CMND, mã số thuế, mã cơ quan, mã hồ sơ, mã TTHC, mã lĩnh vực, dstcode.
Parses a Vietnamese identifier and prints the facts it encodes.

  --as <kind>   ${KINDS.join(', ')} (default: detected from the shape)
  --json        print { kind, valid, facts, problems } as JSON
  --lang vi|en  message language (default vi)

Personal numbers are masked in the output (only the first 6 digits are shown).
Exit: 0 valid, 1 invalid, 2 usage error.`;

/**
 * The `id` command.
 *
 * @example
 * ```ts
 * import { idCommand } from '@motcua/cli';
 * await idCommand.run(['0100109106', '--json'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const idCommand: Command = {
  name: 'id',
  summary: {
    vi: 'Phân tích mã định danh (CCCD, CMND, MST, mã cơ quan, mã hồ sơ, mã TTHC…)',
    en: 'Parse an identifier (personal ID, CMND, tax code, agency, dossier, procedure code…)',
  },
  usage: USAGE,
  run: runId,
};

/** Vietnamese labels for the facts the parsers return (English output uses the keys). */
const FACT_LABELS_VI: Readonly<Record<string, string>> = {
  provinceCode: 'mã tỉnh nơi đăng ký khai sinh',
  provinceName: 'tỉnh nơi đăng ký khai sinh',
  century: 'thế kỷ sinh',
  gender: 'giới tính',
  birthYear: 'năm sinh',
  form: 'dạng',
  base: 'mã gốc (10 số)',
  branchSuffix: 'hậu tố đơn vị phụ thuộc',
  checkDigitVerified: 'đã kiểm tra chữ số kiểm tra',
  format: 'chuẩn',
  level1: 'mã cấp 1',
  level1Type: 'loại cơ quan cấp 1',
  groups: 'các nhóm',
  agencyCode: 'mã cơ quan',
  receivedDate: 'ngày tiếp nhận',
  sequence: 'số thứ tự trong ngày',
  national: 'mã TTHC quốc gia',
  field: 'mã lĩnh vực',
  memberClass: 'loại thành viên',
  memberCode: 'mã thành viên',
  serviceCode: 'mã dịch vụ',
  number: 'số',
  placeholder: 'giá trị giữ chỗ',
};

/** Personal numbers never appear in full in output (they may end up in logs). */
function mask(result: IdentifierResult<unknown>): string {
  if (result.kind === 'personal-id' || result.kind === 'cmnd') {
    const v = result.input;
    return v.length > 6 ? `${v.slice(0, 6)}${'*'.repeat(Math.min(v.length - 6, 32))}` : v;
  }
  return result.input.length > 80 ? `${result.input.slice(0, 80)}…` : result.input;
}

async function runId(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  let values: { as?: string | undefined; json?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { as: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
    }));
  } catch (err) {
    io.stderr.write(`motcua id: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  const value = positionals[0];
  if (value === undefined || positionals.length > 1) {
    io.stderr.write(`motcua id: ${t(lang, 'cần đúng một giá trị', 'exactly one value is required')}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.as !== undefined && !KINDS.includes(values.as as IdentifierKind)) {
    io.stderr.write(
      `motcua id: ${t(lang, 'loại không hợp lệ', 'unknown kind')} '${values.as}' (${KINDS.join(', ')})\n`,
    );
    return EXIT.usage;
  }
  const options = values.as === undefined ? {} : { as: values.as as IdentifierKind };
  const result = parseIdentifier(value, options);
  const problems = result.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: formatMessage(p.code, p.params, lang),
  }));
  if (values.json === true) {
    io.stdout.write(
      `${JSON.stringify({ input: mask(result), kind: result.kind, valid: result.valid, facts: redact(result.facts) ?? null, problems }, null, 2)}\n`,
    );
  } else {
    const name = KIND_NAMES[result.kind][lang];
    const unrecognized = result.problems.some((p) => p.code === 'ID_UNRECOGNIZED');
    const lines = [
      `${mask(result)}`,
      unrecognized
        ? `${t(lang, 'Loại', 'Kind')}: ${t(lang, 'không nhận dạng được', 'not recognized')} (${t(lang, 'gần nhất', 'closest')}: ${name}) — ${t(lang, 'KHÔNG HỢP LỆ', 'INVALID')}`
        : `${t(lang, 'Loại', 'Kind')}: ${name} (${result.kind}) — ${result.valid ? t(lang, 'HỢP LỆ', 'VALID') : t(lang, 'KHÔNG HỢP LỆ', 'INVALID')}`,
    ];
    for (const [k, v] of flattenFacts(result.facts))
      lines.push(`  ${lang === 'vi' ? (FACT_LABELS_VI[k] ?? k) : k}: ${v}`);
    for (const p of problems) {
      lines.push(`  ${p.severity === 'error' ? '✗' : '⚠'} [${p.code}] ${p.message}`);
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.valid ? EXIT.ok : EXIT.invalid;
}

/** The random part of a personal number identifies the person: never printed, at any depth. */
function redact(facts: unknown): unknown {
  if (Array.isArray(facts)) return facts.map(redact);
  if (facts === null || typeof facts !== 'object') return facts;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts as Record<string, unknown>)) {
    if (k !== 'random' && v !== undefined) out[k] = redact(v);
  }
  return out;
}

/** `[dotted key, printable value]` pairs of the (redacted) facts, nested objects flattened. */
function flattenFacts(facts: unknown, prefix = ''): Array<[string, string]> {
  const clean = redact(facts);
  if (clean === null || typeof clean !== 'object' || Array.isArray(clean)) return [];
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(clean as Record<string, unknown>)) {
    const key = prefix === '' ? k : `${prefix}.${k}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...flattenFacts(v, key));
    else out.push([key, Array.isArray(v) ? v.join(', ') : String(v)]);
  }
  return out;
}
