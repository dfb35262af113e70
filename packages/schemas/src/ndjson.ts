/**
 * Streaming NDJSON validation: one record per line, bounded memory whatever the input
 * size, no Node built-ins (works on any `AsyncIterable<Uint8Array>`: a Node file stream,
 * a WHATWG `ReadableStream`, a `fetch` body).
 *
 * @module
 */
import type { ValidationIssue } from './issues.ts';
import { localizeIssues, type ValidateOptions } from './validate.ts';

/**
 * The result for one line of an NDJSON input.
 *
 * @example
 * ```ts
 * import type { NdjsonRecordResult } from '@motcua/schemas';
 * const r: NdjsonRecordResult = { line: 3, valid: false, issues: [] };
 * ```
 * @category Validation
 */
export interface NdjsonRecordResult {
  /** 1-based line number in the input. */
  line: number;
  valid: boolean;
  issues: ValidationIssue[];
}

/**
 * Totals over an NDJSON input.
 *
 * @example
 * ```ts
 * import type { NdjsonSummary } from '@motcua/schemas';
 * const s: NdjsonSummary = { records: 10, valid: 9, invalid: 1, warnings: 4, blankLines: 0 };
 * ```
 * @category Validation
 */
export interface NdjsonSummary {
  records: number;
  valid: number;
  invalid: number;
  /** Number of warning issues over all records. */
  warnings: number;
  /** Empty or whitespace-only lines, skipped. */
  blankLines: number;
}

/**
 * Options of {@link validateNdjson}.
 *
 * @example
 * ```ts
 * import type { NdjsonOptions } from '@motcua/schemas';
 * const o: NdjsonOptions = { lang: 'en', maxLineBytes: 1 << 20 };
 * ```
 * @category Validation
 */
export interface NdjsonOptions extends ValidateOptions {
  /**
   * Longest accepted line in bytes (default 16 MiB). A longer line is reported as
   * `INPUT_TOO_LARGE` and skipped without being buffered, so memory stays bounded.
   */
  maxLineBytes?: number;
}

/**
 * Validates one parsed record: the shape of {@link validate} and of every kind's `validate`.
 *
 * @example
 * ```ts
 * import { KINDS, type RecordValidator } from '@motcua/schemas';
 * const check: RecordValidator = (value, options) => KINDS['dvcqg-progress']!.validate(value, options);
 * ```
 * @category Validation
 */
export type RecordValidator = (value: unknown, options: ValidateOptions) => { ok: boolean; issues: ValidationIssue[] };

const NEWLINE = 0x0a;
const DEFAULT_MAX_LINE = 16 * 1024 * 1024;

/**
 * Validates every line of an NDJSON byte stream with `check`, yielding one result per
 * non-blank line, in order, and returning the summary. Malformed JSON on a line is an
 * invalid record (`JSON_MALFORMED`), never an exception; an overlong line is an invalid
 * record (`INPUT_TOO_LARGE`) and is never held in memory whole.
 *
 * @example
 * ```ts
 * import { KINDS, validateNdjson } from '@motcua/schemas';
 * const bytes = new TextEncoder().encode('{"MaHoSo":"x"}\nnot json\n');
 * async function* source() { yield bytes; }
 * const kind = KINDS['dvcqg-dossier'];
 * if (kind) {
 *   const it = validateNdjson(source(), (v, o) => kind.validate(v, o), { lang: 'en' });
 *   for (let r = await it.next(); !r.done; r = await it.next()) console.log(r.value.line, r.value.valid);
 * }
 * ```
 * @category Validation
 */
export async function* validateNdjson(
  source: AsyncIterable<Uint8Array>,
  check: RecordValidator,
  options: NdjsonOptions = {},
): AsyncGenerator<NdjsonRecordResult, NdjsonSummary, undefined> {
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const summary: NdjsonSummary = { records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 };
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let overlong = false;
  let lineNo = 0;

  const finish = (line: Uint8Array | undefined): NdjsonRecordResult | undefined => {
    lineNo++;
    let result: NdjsonRecordResult;
    if (overlong) {
      result = {
        line: lineNo,
        valid: false,
        issues: localizeIssues(
          [{ code: 'INPUT_TOO_LARGE', path: [], params: { size: pendingBytes, maximum: maxLine } }],
          options,
        ),
      };
    } else {
      const text = line === undefined ? '' : decoder.decode(line);
      if (text.trim() === '') {
        summary.blankLines++;
        return undefined;
      }
      result = checkLine(text, lineNo, check, options);
    }
    summary.records++;
    if (result.valid) summary.valid++;
    else summary.invalid++;
    for (const i of result.issues) if (i.severity === 'warning') summary.warnings++;
    return result;
  };

  for await (const chunk of source) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (!overlong) {
        if (pendingBytes + piece.length > maxLine) {
          overlong = true;
          pending = [];
        } else if (piece.length > 0) {
          pending.push(piece);
        }
      }
      pendingBytes += piece.length;
      if (nl === -1) {
        // Keep the partial line; copy it, since the producer may reuse its buffer.
        // (`new Uint8Array(x)` copies; `x.slice()` would not when x is a Node Buffer.)
        if (!overlong && pending.length > 0) {
          const last = pending.pop() as Uint8Array;
          pending.push(new Uint8Array(last));
        }
        break;
      }
      const r = finish(concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
      overlong = false;
      if (r !== undefined) yield r;
      start = nl + 1;
    }
  }
  if (pendingBytes > 0 || overlong) {
    const r = finish(concat(pending, pendingBytes));
    if (r !== undefined) yield r;
  }
  return summary;
}

function concat(parts: Uint8Array[], total: number): Uint8Array | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Parses and validates one NDJSON line (already decoded). Exposed for callers that split
 * lines themselves (e.g. a worker pool).
 *
 * @example
 * ```ts
 * import { checkLine, validate } from '@motcua/schemas';
 * checkLine('{', 1, (v, o) => validate('dvcqg-progress', v, o), { lang: 'en' }).issues[0]?.code; // 'JSON_MALFORMED'
 * ```
 * @category Validation
 */
export function checkLine(
  text: string,
  line: number,
  check: RecordValidator,
  options: ValidateOptions = {},
): NdjsonRecordResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      line,
      valid: false,
      issues: localizeIssues([{ code: 'JSON_MALFORMED', path: [], params: { detail } }], options),
    };
  }
  const r = check(value, options);
  return { line, valid: r.ok, issues: r.issues };
}
