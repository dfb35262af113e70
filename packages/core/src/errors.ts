/**
 * The one error class of `@motcua/core` and its subclasses. Callers `switch` on the
 * stable string {@link CoreError.code}; the message is for people and may change.
 *
 * @module
 */

/**
 * Every code a {@link CoreError} can carry. The set only grows; a code is never reused
 * for another meaning.
 *
 * | Code | Raised when |
 * |---|---|
 * | `ILLEGAL_TRANSITION` | a lifecycle event is not allowed from the dossier's current status ({@link IllegalTransitionError}) |
 * | `SUPPLEMENT_LIMIT` | a second supplement request under the `one-only` policy (QĐ 766 indicator 2.1: more than one request counts as late) |
 * | `INVALID_EVENT` | an event is malformed: bad instant, earlier than the previous event, missing deadline on `receive` |
 * | `SEQUENCE_EXHAUSTED` | an agency received more than 9,999 dossiers in one day (TT 01/2018/TT-VPCP Điều 19 allows 4 digits) |
 * | `INVALID_AGENCY_CODE` | an agency code does not have the QCVN 102:2016 shape a dossier code needs |
 * | `INVALID_SEQUENCE` | a `SequenceStore` returned something other than a positive integer |
 * | `INVALID_RECEIPT` | a receipt is missing what TT 01/2018 / NĐ 61/2018 Điều 17.3 require on the slip |
 * | `INVALID_ARGUMENT` | any other argument outside its documented domain |
 *
 * @example
 * ```ts
 * import type { CoreErrorCode } from '@motcua/core';
 * const code: CoreErrorCode = 'ILLEGAL_TRANSITION';
 * ```
 * @category Errors
 */
export type CoreErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'SUPPLEMENT_LIMIT'
  | 'INVALID_EVENT'
  | 'SEQUENCE_EXHAUSTED'
  | 'INVALID_AGENCY_CODE'
  | 'INVALID_SEQUENCE'
  | 'INVALID_RECEIPT'
  | 'INVALID_ARGUMENT';

/**
 * Options of {@link CoreError}: the underlying cause, kept as `Error.cause`.
 *
 * @example
 * ```ts
 * import type { CoreErrorOptions } from '@motcua/core';
 * const options: CoreErrorOptions = { cause: new Error('store offline') };
 * ```
 * @category Errors
 */
export interface CoreErrorOptions {
  /** What went wrong underneath, when something did. */
  cause?: unknown;
}

/**
 * The base error of `@motcua/core`. Domain code never throws anything else; ports'
 * own failures (a database error from a `SequenceStore`) pass through unchanged.
 *
 * @example
 * ```ts
 * import { CoreError } from '@motcua/core';
 * try {
 *   throw new CoreError('SEQUENCE_EXHAUSTED', 'more than 9999 dossiers today');
 * } catch (error) {
 *   if (error instanceof CoreError && error.code === 'SEQUENCE_EXHAUSTED') {
 *     // switch to tomorrow's counter, alert an operator, ...
 *   }
 * }
 * ```
 * @category Errors
 */
export class CoreError extends Error {
  /** Stable machine-readable code; see {@link CoreErrorCode}. */
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: CoreErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoreError';
    this.code = code;
  }
}

/**
 * A lifecycle event that the transition table does not allow from the current status.
 * Names both states: where the dossier is (`from`) and where the event would take it
 * (`to`), plus the event type.
 *
 * @example
 * ```ts
 * import { IllegalTransitionError } from '@motcua/core';
 * const error = new IllegalTransitionError('returned', 'resolve', 'resolved');
 * error.code; // 'ILLEGAL_TRANSITION'
 * error.message; // 'illegal transition: "resolve" cannot move a dossier from "returned" to "resolved"'
 * ```
 * @category Errors
 */
export class IllegalTransitionError extends CoreError {
  /** The dossier's status when the event arrived. */
  readonly from: string;
  /** The status the event would have produced. */
  readonly to: string;
  /** The event type that was refused. */
  readonly event: string;

  constructor(from: string, event: string, to: string, options?: CoreErrorOptions) {
    super(
      'ILLEGAL_TRANSITION',
      `illegal transition: "${event}" cannot move a dossier from "${from}" to "${to}"`,
      options,
    );
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
    this.event = event;
  }
}
