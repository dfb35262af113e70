/**
 * The shared vocabulary of validation results: every validator in motcua reports
 * problems as {@link ValidationIssue}s with a stable `code`, a dotted `path`, a
 * severity and a message in Vietnamese (default) or English.
 *
 * @module
 */

/**
 * Language of human-readable messages: `vi` (tiếng Việt, the default) or `en`.
 *
 * @example
 * ```ts
 * import type { Lang } from '@motcua/schemas';
 * const lang: Lang = 'en';
 * ```
 * @category Validation
 */
export type Lang = 'vi' | 'en';

/**
 * How bad an issue is. An `error` makes the input invalid; a `warning` never does —
 * it flags data that is legal but will hurt (for example the Decision 766 indicators).
 *
 * @example
 * ```ts
 * import type { Severity } from '@motcua/schemas';
 * const s: Severity = 'warning';
 * ```
 * @category Validation
 */
export type Severity = 'error' | 'warning';

/**
 * One problem found in an input.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from '@motcua/schemas';
 * const issue: ValidationIssue = {
 *   path: 'DinhDanhCHS.0.SoDinhDanh',
 *   code: 'ID_PERSONAL_FORMAT',
 *   severity: 'error',
 *   message: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
 * };
 * ```
 * @category Validation
 */
export interface ValidationIssue {
  /** Dotted path to the offending value, numeric array indexes: `DinhDanhCHS.0.SoDinhDanh`; `""` for the root. */
  path: string;
  /** Stable machine-readable code (see the message catalogue); safe to `switch` on. */
  code: string;
  /** `error` makes the input invalid; `warning` never does. */
  severity: Severity;
  /** Human-readable message in the requested language. */
  message: string;
  /** Values interpolated into the message (never personal data in full). */
  params?: Readonly<Record<string, string | number>>;
}

/**
 * The result of a validation: never thrown, always returned.
 *
 * @example
 * ```ts
 * import type { ValidationResult } from '@motcua/schemas';
 * function report<T>(r: ValidationResult<T>): string {
 *   return r.ok ? 'hợp lệ' : r.issues.map((i) => i.message).join('\n');
 * }
 * ```
 * @category Validation
 */
export type ValidationResult<T> =
  | { ok: true; value: T; issues: ValidationIssue[] }
  | { ok: false; value?: undefined; issues: ValidationIssue[] };

/**
 * Formats a path (as produced by zod or built by hand) into motcua's dotted form.
 *
 * @example
 * ```ts
 * import { formatPath } from '@motcua/schemas';
 * formatPath(['DinhDanhCHS', 0, 'SoDinhDanh']); // 'DinhDanhCHS.0.SoDinhDanh'
 * ```
 * @category Validation
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p))).join('.');
}
