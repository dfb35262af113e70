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
  type NdjsonSummary,
  type RecordValidator,
  type ValidationIssue,
} from '@motcua/schemas';

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
}

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
  bytes: Uint8Array,
  maxLine: number,
  check: RecordValidator | undefined,
  lang: Lang,
): BlockOutcome {
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
      const text = decoder.decode(bytes.subarray(from, end));
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
      continue;
    }
    status[line] = 2;
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
  }
  return {
    summary: { records, valid, invalid: records - valid, warnings, blankLines },
    status,
    refs: Int32Array.from(refs),
    table,
  };
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

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}
