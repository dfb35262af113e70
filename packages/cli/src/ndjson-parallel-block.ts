/**
 * One block of whole NDJSON lines, validated: the unit of work of
 * {@link validateNdjsonBlocks}, run by the worker threads (and by the calling thread while
 * they start). Not part of the public API.
 *
 * @module
 * @internal
 */
import {
  checkLine,
  type Lang,
  localizeIssues,
  type NdjsonRecordResult,
  type NdjsonSummary,
  type RecordValidator,
  type ValidationIssue,
} from '@motcua/schemas';
import { t } from './lang.ts';

/** A validated block in the compact form that crosses the thread boundary. */
export interface BlockOutcome {
  /** Totals over the block. */
  summary: NdjsonSummary;
  /** Per line: 0 blank, 1 a record valid without issues, 2 a record listed in `refs`. */
  status: Uint8Array<ArrayBuffer>;
  /**
   * For each status-2 line, in order: its index in the block, valid (0/1), its issue count,
   * then that many indexes into `table`.
   */
  refs: Int32Array<ArrayBuffer>;
  /**
   * The block's distinct issues. They repeat a lot (the same warning on many records), so
   * each crosses the thread boundary once per block.
   */
  table: ValidationIssue[];
  /** With `report`: the block's report lines, UTF-8. */
  report?: Uint8Array<ArrayBuffer>;
}

/** How `motcua validate --ndjson` prints records: its text report, or one JSON object a line. */
export type NdjsonReportFormat = 'text' | 'json';

/**
 * One record's report line, newline included, exactly as `motcua validate --ndjson` prints
 * it (in-process or from a worker).
 *
 * @example
 * ```ts
 * renderNdjsonRecord({ line: 3, valid: true, issues: [] }, 'en', 'text'); // 'line 3: ✓\n'
 * ```
 */
export function renderNdjsonRecord(r: NdjsonRecordResult, lang: Lang, format: NdjsonReportFormat): string {
  return recordHead(r.line, r.valid, r.issues.length, lang, format) + issuesTail(r.issues, format);
}

// A record's line is its head (line number, verdict) then its issues' tail, which the block
// renderer caches: many records carry the very same issues. For JSON the two halves are
// `JSON.stringify({ line, valid, issues })` cut before `"issues"`.
function recordHead(line: number, valid: boolean, issueCount: number, lang: Lang, format: NdjsonReportFormat): string {
  if (format === 'json') return `{"line":${line},"valid":${valid}`;
  return `${t(lang, 'dòng', 'line')} ${line}: ${valid ? (issueCount ? '⚠' : '✓') : '✗'}`;
}

function issuesTail(issues: readonly ValidationIssue[], format: NdjsonReportFormat): string {
  if (format === 'json') return `,"issues":${JSON.stringify(issues)}}\n`;
  return issues.length === 0
    ? '\n'
    : ` ${issues.map((i) => `${i.path || '(root)'} [${i.code}] ${i.message}`).join('; ')}\n`;
}

/** Rendering on the worker: the format, and the block's first line number. */
export interface BlockReport {
  format: NdjsonReportFormat;
  firstLine: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Splits `bytes` at `\n` and validates every line exactly as `validateNdjson` does (same
 * decoding, blank-line rule, line cap and `checkLine`); `check` undefined marks every
 * non-blank line invalid without issues (an unknown kind).
 *
 * @example
 * ```ts
 * const out = validateBlock(new TextEncoder().encode('{}\n\n'), 1 << 20, undefined, 'en');
 * out.summary.blankLines; // 1
 * ```
 */
export function validateBlock(
  block: Uint8Array,
  maxLine: number,
  check: RecordValidator | undefined,
  lang: Lang,
  report?: BlockReport,
): BlockOutcome {
  const bytes = asBuffer(block);
  let text = '';
  const first = report?.firstLine ?? 0;
  const json = report?.format === 'json';
  const clean = json ? ['{"line":', ',"valid":true,"issues":[]}\n'] : [`${t(lang, 'dòng', 'line')} `, ': ✓\n'];
  const [before, after] = clean as [string, string];
  const tails = new Map<string, string>();
  const status = new Uint8Array(countLines(bytes));
  const refs: number[] = [];
  const table: ValidationIssue[] = [];
  // Table indexes by message: issues are compared field by field only when messages match.
  const seen = new Map<string, number[]>();
  let records = 0;
  let valid = 0;
  let warnings = 0;
  let blankLines = 0;
  let line = 0;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const from = start;
    start = end + 1;
    let ok: boolean;
    let issues: ValidationIssue[];
    if (end - from > maxLine) {
      ok = false;
      issues = localizeIssues([{ code: 'INPUT_TOO_LARGE', path: [], params: { size: end - from, maximum: maxLine } }], {
        lang,
      });
    } else {
      const text = decoder.decode(block.subarray(from, end));
      if (text.trim() === '') {
        blankLines++;
        continue;
      }
      if (check === undefined) {
        ok = false;
        issues = [];
      } else {
        const r = checkLine(text, 0, check, { lang });
        ok = r.valid;
        issues = r.issues;
      }
    }
    records++;
    if (ok) valid++;
    if (ok && issues.length === 0) {
      status[line] = 1;
      if (report !== undefined) text += before + (first + line) + after;
      continue;
    }
    status[line] = 2;
    const refsFrom = refs.length + 3;
    refs.push(line, ok ? 1 : 0, issues.length);
    for (const issue of issues) {
      if (issue.severity === 'warning') warnings++;
      const same = seen.get(issue.message);
      let at = same?.find((k) => sameIssue(table[k], issue)) ?? -1;
      if (at === -1) {
        at = table.length;
        table.push(issue);
        if (same === undefined) seen.set(issue.message, [at]);
        else same.push(at);
      }
      refs.push(at);
    }
    if (report !== undefined) {
      // Issues are interned, so their table indexes name the tail.
      const key = refs.slice(refsFrom).join(',');
      let tail = tails.get(key);
      if (tail === undefined) {
        tail = issuesTail(issues, report.format);
        tails.set(key, tail);
      }
      text += recordHead(first + line, ok, issues.length, lang, report.format) + tail;
    }
  }
  const out: BlockOutcome = {
    summary: { records, valid, invalid: records - valid, warnings, blankLines },
    status,
    refs: Int32Array.from(refs),
    table,
  };
  if (report !== undefined) out.report = encoder.encode(text) as Uint8Array<ArrayBuffer>;
  return out;
}

function sameIssue(a: ValidationIssue | undefined, b: ValidationIssue): boolean {
  return (
    a !== undefined &&
    a.code === b.code &&
    a.severity === b.severity &&
    a.path === b.path &&
    (a.params === b.params || JSON.stringify(a.params) === JSON.stringify(b.params))
  );
}

/**
 * Lines in a block: its newlines, plus one for a last line without a newline.
 *
 * @example
 * ```ts
 * countLines(new TextEncoder().encode('a\n\nb')); // 3
 * ```
 */
export function countLines(block: Uint8Array): number {
  const bytes = asBuffer(block);
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}

/**
 * A `Buffer` view of the same bytes: `Buffer#indexOf` searches natively, several times
 * faster than `Uint8Array#indexOf`, and lines are found one `indexOf` at a time.
 *
 * @example
 * ```ts
 * asBuffer(new Uint8Array([0x61, 0x0a])).indexOf(0x0a); // 1
 * ```
 */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
