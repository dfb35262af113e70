/**
 * `motcua validate`: validate a JSON document, a batch, or an NDJSON stream against a kind.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import {
  KINDS,
  kindNames,
  type Lang,
  localizeIssues,
  type NdjsonRecordResult,
  type NdjsonSummary,
  type ValidationIssue,
  validateNdjson,
} from '@motcua/schemas';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { defaultWorkerCount, type NdjsonBlockResult, validateNdjsonBlocks } from '../ndjson-parallel.ts';
import { renderNdjsonRecord } from '../ndjson-parallel-block.ts';
import { DEFAULT_MAX_BYTES, InputError, openStream, readWhole } from '../read-input.ts';

const USAGE = `motcua validate <file|-> --as <kind> [--json] [--ndjson] [--lang vi|en] [--max-bytes N]

Kiểm tra một tệp JSON (một đối tượng, một mảng, hoặc cả gói yêu cầu) hoặc một luồng NDJSON.
Validates a JSON file (one object, an array, or a whole request) or an NDJSON stream.

  --as <kind>      ${kindNames().join(', ') || '(see motcua validate --help)'}
  --json           print { "valid": boolean, "issues": [...] } (with --ndjson: one JSON line per record, then a summary line)
  --ndjson         one record per line, streamed in bounded memory
  --lang vi|en     message language (default vi)
  --max-bytes N    largest whole-file input read (default ${DEFAULT_MAX_BYTES}); NDJSON lines are capped at 16 MiB
  --workers N      with --ndjson: worker threads (default: one per core; 0 validates in-process)

Exit: 0 valid, 1 invalid, 2 usage error or unreadable input.`;

/**
 * The `validate` command.
 *
 * @example
 * ```ts
 * import { validateCommand } from '@motcua/cli';
 * await validateCommand.run(['batch.json', '--as', 'dvcqg-dossier', '--json'], { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
 * ```
 * @category CLI
 */
export const validateCommand: Command = {
  name: 'validate',
  summary: {
    vi: 'Kiểm tra gói tin DVCQG, hồ sơ, thủ tục, giấy tờ số hóa (JSON hoặc NDJSON)',
    en: 'Validate DVCQG payloads, dossiers, procedures, digitized documents (JSON or NDJSON)',
  },
  usage: USAGE,
  run: runValidate,
};

async function runValidate(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    return usageError(io, lang, err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (file === undefined || positionals.length > 1)
    return usageError(io, lang, t(lang, 'cần đúng một tệp (hoặc -)', 'exactly one file (or -) is required'));
  const kindName = values.as;
  if (kindName === undefined) return usageError(io, lang, t(lang, 'thiếu --as <kind>', 'missing --as <kind>'));
  const kind = KINDS[kindName];
  if (kind === undefined) {
    return usageError(
      io,
      lang,
      t(lang, `không có loại '${kindName}'. Các loại: `, `unknown kind '${kindName}'. Kinds: `) +
        kindNames().join(', '),
    );
  }
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) return usageError(io, lang, '--max-bytes');
  const check = (v: unknown, o: { lang?: Lang }) => kind.validate(v, o);
  const workers = values.workers === undefined ? defaultWorkerCount() : Number(values.workers);
  if (!Number.isSafeInteger(workers) || workers < 0 || workers > 64) return usageError(io, lang, '--workers');

  try {
    if (values.ndjson === true) {
      const source = openStream(file, io.stdin);
      const json = values.json === true;
      return workers === 0
        ? await runNdjson(validateNdjson(source, check, { lang }), io, lang, json)
        : await runNdjsonBlocks(
            validateNdjsonBlocks(source, { kind: kindName, workers, lang, report: json ? 'json' : 'text' }),
            io,
            lang,
            json,
          );
    }
    return await runWhole(file, io, lang, values.json === true, maxBytes, kindName, check);
  } catch (err) {
    if (err instanceof InputError) {
      if (err.code === 'TOO_LARGE') {
        const issues = localizeIssues(
          [{ code: 'INPUT_TOO_LARGE', path: [], params: { size: `> ${maxBytes}`, maximum: maxBytes } }],
          { lang },
        );
        writeWholeResult(io, lang, values.json === true, kindName, false, issues, 1);
        return EXIT.invalid;
      }
      io.stderr.write(`motcua validate: ${describeInputError(err, lang)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      as: { type: 'string' },
      json: { type: 'boolean' },
      ndjson: { type: 'boolean' },
      lang: { type: 'string' },
      'max-bytes': { type: 'string' },
      workers: { type: 'string' },
    },
  });
}

function usageError(io: Io, lang: Lang, message: string): number {
  io.stderr.write(`motcua validate: ${message}\n\n${USAGE}\n`);
  void lang;
  return EXIT.usage;
}

function describeInputError(err: InputError, lang: Lang): string {
  switch (err.code) {
    case 'NOT_FOUND':
      return t(lang, `không tìm thấy tệp ${err.source}`, `file not found: ${err.source}`);
    case 'IS_DIRECTORY':
      return t(lang, `${err.source} là thư mục, không phải tệp`, `${err.source} is a directory, not a file`);
    case 'NO_PERMISSION':
      return t(lang, `không có quyền đọc ${err.source}`, `no permission to read ${err.source}`);
    default:
      return t(lang, `không đọc được ${err.source}`, `cannot read ${err.source}`);
  }
}

type Check = (v: unknown, o: { lang?: Lang }) => { ok: boolean; issues: ValidationIssue[] };

async function runWhole(
  file: string,
  io: Io,
  lang: Lang,
  json: boolean,
  maxBytes: number,
  kindName: string,
  check: Check,
): Promise<number> {
  const bytes = await readWhole(file, io.stdin, maxBytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const issues = localizeIssues([{ code: 'JSON_MALFORMED', path: [], params: { detail } }], { lang });
    writeWholeResult(io, lang, json, kindName, false, issues, 1);
    return EXIT.invalid;
  }
  const r = check(value, { lang });
  writeWholeResult(io, lang, json, kindName, r.ok, r.issues, countRecords(value), (key) => recordLabel(value, key));
  return r.ok ? EXIT.ok : EXIT.invalid;
}

/** Records in a batch: an array's items, a request's `data` items, else one. */
function countRecords(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object' && Array.isArray((value as { data?: unknown }).data)) {
    return (value as { data: unknown[] }).data.length;
  }
  return 1;
}

function writeWholeResult(
  io: Io,
  lang: Lang,
  json: boolean,
  kindName: string,
  valid: boolean,
  issues: ValidationIssue[],
  records: number,
  label: (key: string) => string | undefined = () => undefined,
): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ valid, issues }, null, 2)}\n`);
    return;
  }
  io.stdout.write(renderReport(lang, kindName, valid, issues, records, label));
}

/** A record's own code (MaHoSo, code, id…) to name it in the report: never a personal ID. */
function recordLabel(value: unknown, key: string): string | undefined {
  const parts = key.split('.');
  let cur: unknown = value;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  if (cur === null || typeof cur !== 'object') return undefined;
  const rec = cur as Record<string, unknown>;
  for (const field of ['MaHoSo', 'MATTHC', 'code', 'id']) {
    const v = rec[field];
    if (typeof v === 'string' && v.length > 0 && v.length <= 64) return `${field} ${v}`;
  }
  return undefined;
}

/** Groups issues by record (`data.N` or `N`) for a readable batch report. */
function recordKey(path: string): string {
  const m = /^(data\.\d+|\d+)(?:\.|$)/.exec(path);
  return m?.[1] ?? '';
}

function renderReport(
  lang: Lang,
  kindName: string,
  valid: boolean,
  issues: ValidationIssue[],
  records: number,
  label: (key: string) => string | undefined,
): string {
  const kind = KINDS[kindName];
  const groups = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    const k = recordKey(i.path);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const invalidRecords = [...groups.values()].filter((g) => g.some((i) => i.severity === 'error')).length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const errors = issues.length - warnings;
  const out: string[] = [];
  out.push(`${t(lang, 'Loại', 'Kind')}: ${kindName}${kind ? ` — ${kind.title[lang]}` : ''}`);
  out.push(
    t(
      lang,
      `Bản ghi: ${records} — hợp lệ ${Math.max(0, records - invalidRecords)}, không hợp lệ ${invalidRecords}; ${errors} lỗi, ${warnings} cảnh báo`,
      `Records: ${records} — valid ${Math.max(0, records - invalidRecords)}, invalid ${invalidRecords}; ${errors} errors, ${warnings} warnings`,
    ),
  );
  for (const [key, group] of groups) {
    const hasError = group.some((i) => i.severity === 'error');
    out.push('');
    const name = key === '' ? undefined : label(key);
    out.push(
      `${hasError ? '✗' : '⚠'} ${key === '' ? t(lang, '(toàn bộ)', '(whole input)') : key}${name ? ` (${name})` : ''}`,
    );
    for (const i of group) {
      const sev = i.severity === 'error' ? t(lang, 'lỗi     ', 'error  ') : t(lang, 'cảnh báo', 'warning');
      out.push(`   ${sev}  ${i.path || '(root)'}  [${i.code}]  ${i.message}`);
    }
  }
  out.push('');
  out.push(valid ? t(lang, 'KẾT QUẢ: HỢP LỆ', 'RESULT: VALID') : t(lang, 'KẾT QUẢ: KHÔNG HỢP LỆ', 'RESULT: INVALID'));
  return `${out.join('\n')}\n`;
}

/**
 * Buffered output for the NDJSON modes: one write per 64 KiB, waiting for `drain`. `add`
 * returns a promise only when it writes, so that a record costs no async step otherwise.
 */
function ndjsonWriter(io: Io): { add(text: string): Promise<void> | undefined; end(): Promise<void> } {
  let buffered = '';
  const flush = async () => {
    if (buffered === '') return;
    const chunk = buffered;
    buffered = '';
    await write(io, chunk);
  };
  return {
    add(text) {
      buffered += text;
      return buffered.length > 1 << 16 ? flush() : undefined;
    },
    end: flush,
  };
}

async function write(io: Io, chunk: string | Uint8Array): Promise<void> {
  if (!io.stdout.write(chunk)) await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
}

function renderSummary(summary: NdjsonSummary, lang: Lang, json: boolean): string {
  if (json) return `${JSON.stringify({ summary })}\n`;
  return t(
    lang,
    `Tổng: ${summary.records} bản ghi — hợp lệ ${summary.valid}, không hợp lệ ${summary.invalid}, ${summary.warnings} cảnh báo\n`,
    `Total: ${summary.records} records — valid ${summary.valid}, invalid ${summary.invalid}, ${summary.warnings} warnings\n`,
  );
}

async function runNdjson(
  it: AsyncGenerator<NdjsonRecordResult, NdjsonSummary, undefined>,
  io: Io,
  lang: Lang,
  json: boolean,
): Promise<number> {
  const out = ndjsonWriter(io);
  for (;;) {
    const step = await it.next();
    if (step.done) {
      await out.add(renderSummary(step.value, lang, json));
      await out.end();
      return step.value.invalid === 0 ? EXIT.ok : EXIT.invalid;
    }
    const writing = out.add(renderNdjsonRecord(step.value, lang, json ? 'json' : 'text'));
    if (writing !== undefined) await writing;
  }
}

/** The multi-core path: the workers render the report lines too; this thread only writes them. */
async function runNdjsonBlocks(
  blocks: AsyncGenerator<NdjsonBlockResult, NdjsonSummary, undefined>,
  io: Io,
  lang: Lang,
  json: boolean,
): Promise<number> {
  for (;;) {
    const step = await blocks.next();
    if (step.done) {
      await write(io, renderSummary(step.value, lang, json));
      return step.value.invalid === 0 ? EXIT.ok : EXIT.invalid;
    }
    const report = step.value.report;
    if (report !== undefined && report.length > 0) await write(io, report);
  }
}
