/**
 * The one error class of `@motcua/store`.
 *
 * @module
 */

/**
 * Every code a {@link StoreError} can carry. The set only grows.
 *
 * | Code | Raised when |
 * |---|---|
 * | `LEASE_LOST` | an outbox message is completed or failed with a lease token that is no longer its current one (the lease ended and another worker claimed it, or it was already acknowledged) |
 * | `NOT_FOUND` | an outbox message id the store does not hold |
 * | `INVALID_ARGUMENT` | an argument outside its documented domain (an empty key, a negative lease) |
 * | `MIGRATION_FAILED` | the schema could not be brought to the current version |
 * | `SCHEMA_TOO_NEW` | the database was migrated by a newer version of `@motcua/store` |
 * | `CLOSED` | the store was used after `close()` |
 *
 * Warehouse and access-log rule violations are `ReuseError`s from `@motcua/core` (the
 * ports' contract); database driver errors pass through as their `cause`.
 *
 * @example
 * ```ts
 * import type { StoreErrorCode } from '@motcua/store';
 * const code: StoreErrorCode = 'LEASE_LOST';
 * ```
 * @category Store
 */
export type StoreErrorCode =
  | 'LEASE_LOST'
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'MIGRATION_FAILED'
  | 'SCHEMA_TOO_NEW'
  | 'CLOSED';

/**
 * The base error of `@motcua/store`; switch on {@link StoreError.code}.
 *
 * @example
 * ```ts
 * import { StoreError } from '@motcua/store';
 * try {
 *   throw new StoreError('LEASE_LOST', 'lease of message m-1 was taken over');
 * } catch (error) {
 *   if (error instanceof StoreError && error.code === 'LEASE_LOST') {
 *     // another worker owns the message now: drop the result, do not retry
 *   }
 * }
 * ```
 * @category Store
 */
export class StoreError extends Error {
  /** Stable machine-readable code; see {@link StoreErrorCode}. */
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.code = code;
  }
}
