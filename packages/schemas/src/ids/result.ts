/**
 * The result shape shared by every identifier parser in `@motcua/schemas/ids`.
 *
 * @module
 */
import type { Severity } from '../issues.ts';

/**
 * The identifiers this module knows how to parse.
 *
 * | Kind | Vietnamese term |
 * |---|---|
 * | `personal-id` | số định danh cá nhân (số CCCD) |
 * | `cmnd` | số chứng minh nhân dân |
 * | `tax-code` | mã số thuế (MST) |
 * | `agency-code` | mã định danh điện tử của cơ quan |
 * | `dossier-code` | mã số hồ sơ |
 * | `procedure-code` | mã thủ tục hành chính |
 * | `field-code` | mã lĩnh vực |
 * | `dstcode` | mã dịch vụ đích (header `dstcode` của DVCQG) |
 *
 * @example
 * ```ts
 * import type { IdentifierKind } from '@motcua/schemas/ids';
 * const kind: IdentifierKind = 'dossier-code';
 * ```
 * @category Identifiers
 */
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Every identifier kind, in the order `parseIdentifier` documents (the one list the CLI and
 * the detector read).
 *
 * @example
 * ```ts
 * import { IDENTIFIER_KINDS } from '@motcua/schemas/ids';
 * IDENTIFIER_KINDS.includes('tax-code'); // true
 * ```
 * @category Identifiers
 */
export const IDENTIFIER_KINDS: readonly [
  'personal-id',
  'cmnd',
  'tax-code',
  'agency-code',
  'dossier-code',
  'procedure-code',
  'field-code',
  'dstcode',
] = ['personal-id', 'cmnd', 'tax-code', 'agency-code', 'dossier-code', 'procedure-code', 'field-code', 'dstcode'];

/**
 * One problem found while parsing an identifier. `code` is a catalogued issue code
 * (see `ID_MESSAGES`); render it with `formatMessage(code, params, lang)`.
 *
 * @example
 * ```ts
 * import type { IdentifierProblem } from '@motcua/schemas/ids';
 * const p: IdentifierProblem = {
 *   code: 'ID_TAX_CHECK_DIGIT',
 *   severity: 'error',
 *   params: { expected: 6, actual: 7 },
 * };
 * ```
 * @category Identifiers
 */
export interface IdentifierProblem {
  /** Stable machine-readable code, prefixed `ID_`. */
  code: string;
  /** `error` makes the identifier invalid; `warning` never does. */
  severity: Severity;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
}

/**
 * What a `parse…` function of `@motcua/schemas/ids` returns. Parsers never throw.
 *
 * - `valid` is `true` when no problem has severity `error` (warnings are allowed);
 * - `facts` is present whenever the structure could be decoded, even if a rule failed
 *   (for example a tax code with a wrong check digit still has its `base`);
 * - `input` is the value exactly as given (untrimmed).
 *
 * @example
 * ```ts
 * import { parseTaxCode, type IdentifierResult, type TaxCodeFacts } from '@motcua/schemas/ids';
 * const r: IdentifierResult<TaxCodeFacts> = parseTaxCode('0100109106');
 * r.valid; // true
 * r.facts?.checkDigitVerified; // true
 * ```
 * @category Identifiers
 */
export interface IdentifierResult<F, K extends IdentifierKind = IdentifierKind> {
  /** Which identifier the value was parsed as. */
  kind: K;
  /** The value as given. */
  input: string;
  /** `true` when there is no error-severity problem. */
  valid: boolean;
  /** Decoded structure; absent when the value could not be decoded at all. */
  facts?: F;
  /** Every problem found, errors and warnings, in the order they were detected. */
  problems: IdentifierProblem[];
}
