/**
 * Whether a paper may be relied on at an instant, and the owner key papers and log
 * entries are matched by.
 *
 * @module
 */
import {
  type DigitizedDocumentStatus,
  type Identity,
  type Instant,
  type IsoDate,
  parseInstant,
  type Validity,
} from '@motcua/schemas';
import { ReuseError } from './errors.ts';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * Milliseconds since the epoch of an ISO 8601 instant with offset or a `Date`; throws
 * {@link ReuseError} `INVALID_INSTANT` for anything else (an instant without an offset
 * would depend on the machine's time zone).
 *
 * @example
 * ```ts
 * import { epochMsOf } from '@motcua/core';
 * epochMsOf('2025-07-01T08:00:00+07:00', 'at'); // 1751331600000
 * ```
 * @category Reuse
 */
export function epochMsOf(value: Instant | Date, what: string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ReuseError('INVALID_INSTANT', `${what}: invalid Date`);
    return ms;
  }
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (parsed === undefined) {
    throw new ReuseError('INVALID_INSTANT', `${what}: expected an ISO 8601 instant with offset`);
  }
  return Math.floor(parsed.epochMilliseconds);
}

/**
 * The Vietnam (UTC+07:00) calendar day of an epoch-millisecond instant, `YYYY-MM-DD`:
 * the day papers' issue and expiry dates are compared with.
 *
 * @example
 * ```ts
 * import { vietnamDayOfMs } from '@motcua/core';
 * vietnamDayOfMs(Date.UTC(2025, 5, 30, 18)); // '2025-07-01'
 * ```
 * @category Reuse
 */
export function vietnamDayOfMs(ms: number): IsoDate {
  return new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * An instant in Vietnam time with offset, second precision: `2025-07-01T08:00:00+07:00`.
 *
 * @example
 * ```ts
 * import { vietnamInstantOfMs } from '@motcua/core';
 * vietnamInstantOfMs(Date.UTC(2025, 6, 1, 1)); // '2025-07-01T08:00:00+07:00'
 * ```
 * @category Reuse
 */
export function vietnamInstantOfMs(ms: number): Instant {
  return `${new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * The parts of a paper its validity depends on: issue date, validity period, status.
 * Both a `DigitizedDocument` and an {@link EvidenceItem} have them.
 *
 * @example
 * ```ts
 * import type { ValidityFacts } from '@motcua/core';
 * const f: ValidityFacts = { issueDate: '2025-07-03', validity: { until: '2030-07-03' }, status: { state: 'valid' } };
 * ```
 * @category Reuse
 */
export interface ValidityFacts {
  /** Ngày ban hành. */
  issueDate?: IsoDate | undefined;
  /** Thời hạn hiệu lực. */
  validity?: Validity | undefined;
  /** Valid, revoked or superseded. */
  status?: DigitizedDocumentStatus | undefined;
}

/**
 * Verdict of {@link documentValidityAt}: valid, or why not — `not-yet-issued` (issued
 * after the day), `expired` (validity ended before the day), `revoked`, `superseded`
 * (at or before the instant).
 *
 * @example
 * ```ts
 * import type { DocumentValidity } from '@motcua/core';
 * const v: DocumentValidity = { valid: false, reason: 'expired', since: '2024-12-31' };
 * ```
 * @category Reuse
 */
export type DocumentValidity =
  | { valid: true }
  | { valid: false; reason: 'not-yet-issued' | 'expired'; since: IsoDate }
  | { valid: false; reason: 'revoked' | 'superseded'; since: Instant; statusReason: string };

/**
 * Whether a paper may be relied on at an instant. Dates of the paper are Vietnamese
 * calendar days: a paper "valid until 2025-06-30" is still valid all of that day in
 * Vietnam. A revocation takes effect at its instant: a paper revoked at 10:00 was valid
 * at 09:59. Unknown validity (no `validity`) never expires. The warehouse stores apply
 * exactly this rule to `find({ validAt })`.
 *
 * @example
 * ```ts
 * import { documentValidityAt } from '@motcua/core';
 * documentValidityAt({ validity: { until: '2025-06-30' } }, '2025-06-30T23:59:00+07:00'); // { valid: true }
 * documentValidityAt({ validity: { until: '2025-06-30' } }, '2025-07-01T00:00:00+07:00').valid; // false
 * ```
 * @category Reuse
 */
export function documentValidityAt(facts: ValidityFacts, at: Instant | Date): DocumentValidity {
  const ms = epochMsOf(at, 'at');
  const day = vietnamDayOfMs(ms);
  const status = facts.status;
  if (status !== undefined && status.state !== 'valid') {
    const since = parseInstant(status.at);
    // A status change with an unreadable instant is treated as already in force.
    if (since === undefined || Math.floor(since.epochMilliseconds) <= ms) {
      return { valid: false, reason: status.state, since: status.at, statusReason: status.reason };
    }
  }
  if (facts.issueDate !== undefined && facts.issueDate > day) {
    return { valid: false, reason: 'not-yet-issued', since: facts.issueDate };
  }
  if (facts.validity !== undefined && 'until' in facts.validity && facts.validity.until < day) {
    return { valid: false, reason: 'expired', since: facts.validity.until };
  }
  return { valid: true };
}

/**
 * The key owners and log subjects are matched by: the identifier without spaces, in
 * upper case, prefixed by its family. A personal identification number and a 12-digit
 * tax code share a family — since 2025 the personal number is the personal tax code.
 *
 * @example
 * ```ts
 * import { ownerKey } from '@motcua/core';
 * ownerKey({ type: 'personal-id', value: '038190012345' }); // 'P:038190012345'
 * ownerKey({ type: 'tax-code', value: '038190012345' }); // 'P:038190012345'
 * ownerKey({ type: 'tax-code', value: '0106001236' }); // 'T:0106001236'
 * ```
 * @category Reuse
 */
export function ownerKey(identity: Identity): string {
  const value = identity.value.replace(/\s+/g, '').toUpperCase();
  if (value === '') throw new ReuseError('INVALID_QUERY', 'an owner identity needs a value');
  switch (identity.type) {
    case 'personal-id':
      return `P:${value}`;
    case 'tax-code':
      return /^\d{12}$/.test(value) ? `P:${value}` : `T:${value}`;
    case 'cmnd':
      return `C:${value}`;
    case 'passport':
      return `X:${value}`;
    default:
      return `O:${value}`;
  }
}
