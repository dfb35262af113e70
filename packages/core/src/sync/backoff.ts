/**
 * When to try a failed delivery again: exponential backoff with jitter, never sooner than
 * the portal's `Retry-After`.
 *
 * @module
 */
import { CoreError } from '../errors.ts';

/**
 * The retry policy of the sync worker.
 *
 * - the n-th retry waits `min(maxMs, baseMs × factor^(n-1))`, of which a random share of
 *   `jitter` (0–1) is drawn uniformly: with `jitter` 1 ("full jitter") anything from 0 to
 *   the full delay, with 0.5 from half to the full delay. Jitter spreads the retries of
 *   many dossiers that failed together (a portal outage) so they do not return together;
 * - a `Retry-After` from the portal is a floor, capped at `maxRetryAfterMs`;
 * - after `maxAttempts` deliveries the message is dead-lettered with its last reason.
 *
 * @example
 * ```ts
 * import type { BackoffPolicy } from '@motcua/core';
 * const policy: BackoffPolicy = { baseMs: 1000, factor: 2, maxMs: 300_000, jitter: 0.5, maxAttempts: 12, maxRetryAfterMs: 600_000 };
 * ```
 * @category Sync
 */
export interface BackoffPolicy {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** Growth per retry (≥ 1). */
  factor: number;
  /** Largest delay, ms. */
  maxMs: number;
  /** Random share of each delay, 0–1. */
  jitter: number;
  /** Deliveries before the message is dead-lettered (≥ 1). */
  maxAttempts: number;
  /** Largest `Retry-After` honoured, ms. */
  maxRetryAfterMs: number;
}

/**
 * The default policy: 1 s, doubling, up to 5 min, half jitter, 12 attempts (about 20
 * minutes of trying), `Retry-After` honoured up to 10 min.
 *
 * @example
 * ```ts
 * import { DEFAULT_BACKOFF } from '@motcua/core';
 * DEFAULT_BACKOFF.maxAttempts; // 12
 * ```
 * @category Sync
 */
export const DEFAULT_BACKOFF: Readonly<BackoffPolicy> = Object.freeze({
  baseMs: 1000,
  factor: 2,
  maxMs: 300_000,
  jitter: 0.5,
  maxAttempts: 12,
  maxRetryAfterMs: 600_000,
});

/**
 * Completes and checks a policy. Throws `CoreError` `INVALID_ARGUMENT` naming the field.
 *
 * @example
 * ```ts
 * import { resolveBackoff } from '@motcua/core';
 * resolveBackoff({ baseMs: 10, maxMs: 100 }).factor; // 2
 * ```
 * @category Sync
 */
export function resolveBackoff(policy: Partial<BackoffPolicy> = {}): BackoffPolicy {
  const p = { ...DEFAULT_BACKOFF, ...stripUndefined(policy) };
  const check = (ok: boolean, field: string, rule: string): void => {
    if (!ok) throw new CoreError('INVALID_ARGUMENT', `backoff: ${field} must be ${rule}`);
  };
  const finite = (v: number) => typeof v === 'number' && Number.isFinite(v);
  check(finite(p.baseMs) && p.baseMs >= 0, 'baseMs', 'a non-negative number');
  check(finite(p.factor) && p.factor >= 1, 'factor', 'a number ≥ 1');
  check(finite(p.maxMs) && p.maxMs >= p.baseMs, 'maxMs', 'a number ≥ baseMs');
  check(finite(p.jitter) && p.jitter >= 0 && p.jitter <= 1, 'jitter', 'a number from 0 to 1');
  check(Number.isInteger(p.maxAttempts) && p.maxAttempts >= 1, 'maxAttempts', 'an integer ≥ 1');
  check(finite(p.maxRetryAfterMs) && p.maxRetryAfterMs >= 0, 'maxRetryAfterMs', 'a non-negative number');
  return p;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The delay before the next delivery of a message that has failed `attempts` times
 * (1 after the first failure), given a random number in [0, 1).
 *
 * @example
 * ```ts
 * import { backoffDelay, resolveBackoff } from '@motcua/core';
 * const p = resolveBackoff({ baseMs: 100, factor: 2, maxMs: 1000, jitter: 0 });
 * [1, 2, 3, 4, 5].map((n) => backoffDelay(p, n, 0.5)); // [100, 200, 400, 800, 1000]
 * backoffDelay(p, 1, 0.5, 5000); // 5000 (Retry-After wins)
 * ```
 * @category Sync
 */
export function backoffDelay(policy: BackoffPolicy, attempts: number, random: number, retryAfterMs?: number): number {
  const n = Math.max(1, Math.floor(attempts));
  const full = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (n - 1));
  const r = Math.min(Math.max(random, 0), 1);
  const delay = full * (1 - policy.jitter) + full * policy.jitter * r;
  const floor = retryAfterMs === undefined ? 0 : Math.min(Math.max(retryAfterMs, 0), policy.maxRetryAfterMs);
  return Math.round(Math.max(delay, floor));
}
