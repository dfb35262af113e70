/**
 * The error of the reuse engine and of the warehouse / access-log ports.
 *
 * @module
 */
import { CoreError, type CoreErrorOptions } from '../errors.ts';

/**
 * Why a {@link ReuseError} was raised. The set only grows.
 *
 * | Reason | Raised when |
 * |---|---|
 * | `PURPOSE_REQUIRED` | a plan or look-up without a purpose, or whose purpose names no procedure, or neither a dossier code nor a text |
 * | `PURPOSE_PROCEDURE_MISMATCH` | the purpose names another procedure than the one planned |
 * | `REQUESTER_REQUIRED` | no requester, a requester without id, or an officer / system requester without agency code |
 * | `APPLICANT_IDENTITY_REQUIRED` | the applicant has no identifier to look papers up by |
 * | `INVALID_INSTANT` | an instant is not ISO 8601 with an offset (or an invalid `Date`) |
 * | `INVALID_QUERY` | a warehouse or log query outside its domain (limit, empty owner) |
 * | `DOCUMENT_NOT_FOUND` | `revoke` / `supersede` of an id the warehouse does not hold |
 * | `DOCUMENT_NOT_VALID` | `revoke` / `supersede` of a paper already revoked or superseded |
 * | `LOG_ENTRY_CONFLICT` | an access-log entry id appended again with different content |
 *
 * @example
 * ```ts
 * import type { ReuseErrorReason } from '@motcua/core';
 * const r: ReuseErrorReason = 'PURPOSE_REQUIRED';
 * ```
 * @category Reuse
 */
export type ReuseErrorReason =
  | 'PURPOSE_REQUIRED'
  | 'PURPOSE_PROCEDURE_MISMATCH'
  | 'REQUESTER_REQUIRED'
  | 'APPLICANT_IDENTITY_REQUIRED'
  | 'INVALID_INSTANT'
  | 'INVALID_QUERY'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_NOT_VALID'
  | 'LOG_ENTRY_CONFLICT';

/**
 * A reuse request or warehouse operation that cannot be carried out. It is a
 * {@link CoreError} with code `INVALID_ARGUMENT`; switch on {@link ReuseError.reason}
 * for the precise cause.
 *
 * @example
 * ```ts
 * import { ReuseError } from '@motcua/core';
 * try {
 *   throw new ReuseError('PURPOSE_REQUIRED', 'a look-up needs a purpose');
 * } catch (error) {
 *   if (error instanceof ReuseError && error.reason === 'PURPOSE_REQUIRED') {
 *     // ask the officer why the data is needed
 *   }
 * }
 * ```
 * @category Reuse
 */
export class ReuseError extends CoreError {
  /** Stable machine-readable cause; see {@link ReuseErrorReason}. */
  readonly reason: ReuseErrorReason;

  constructor(reason: ReuseErrorReason, message: string, options?: CoreErrorOptions) {
    super('INVALID_ARGUMENT', message, options);
    this.name = 'ReuseError';
    this.reason = reason;
  }
}
