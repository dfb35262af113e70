/**
 * A token-bucket rate limiter shared by every call of one client, so a sync worker never
 * sends the portal more than the deployment agreed with it.
 *
 * @module
 */

/**
 * Settings of a token bucket: a steady rate and a burst.
 *
 * @example
 * ```ts
 * import type { RateLimitOptions } from '@motcua/adapters';
 * const limit: RateLimitOptions = { requestsPerSecond: 20, burst: 5 };
 * ```
 * @category HTTP
 */
export interface RateLimitOptions {
  /** Sustained rate, in requests per second; must be positive. */
  requestsPerSecond: number;
  /** How many requests may go at once after a quiet period (default: 1). */
  burst?: number | undefined;
}

/**
 * Something that hands out permission to send one request.
 *
 * @example
 * ```ts
 * import type { RequestLimiter } from '@motcua/adapters';
 * const unlimited: RequestLimiter = { take: async () => {} };
 * ```
 * @category HTTP
 */
export interface RequestLimiter {
  /** Resolves when one request may be sent. Waiters are served in order. */
  take(signal?: AbortSignal): Promise<void>;
}

/**
 * Time sources of a token bucket; injectable so tests run without real waiting.
 *
 * @example
 * ```ts
 * import type { TokenBucketClock } from '@motcua/adapters';
 * let t = 0;
 * const clock: TokenBucketClock = { now: () => t, sleep: async (ms) => { t += ms; } };
 * ```
 * @category HTTP
 */
export interface TokenBucketClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Waits `ms` milliseconds. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Waits `ms` milliseconds (rejects with the signal's reason when aborted).
 *
 * @example
 * ```ts
 * import { sleep } from '@motcua/adapters';
 * await sleep(10);
 * ```
 * @category HTTP
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const REAL_CLOCK: TokenBucketClock = { now: () => performance.now(), sleep };

/**
 * Creates a token bucket: `burst` tokens, refilled at `requestsPerSecond`; each request
 * takes one token and waits when none is left. Waiters are served first come, first
 * served, so calls keep their order.
 *
 * @example
 * ```ts
 * import { createTokenBucket } from '@motcua/adapters';
 * const limiter = createTokenBucket({ requestsPerSecond: 10, burst: 2 });
 * await limiter.take(); // immediate
 * ```
 * @category HTTP
 */
export function createTokenBucket(options: RateLimitOptions, clock: TokenBucketClock = REAL_CLOCK): RequestLimiter {
  const rate = options.requestsPerSecond;
  const burst = options.burst ?? 1;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError('requestsPerSecond must be a positive number');
  if (!(burst >= 1) || !Number.isInteger(burst)) throw new RangeError('burst must be a positive integer');
  let tokens = burst;
  let last = clock.now();
  let queue: Promise<void> = Promise.resolve();

  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
    last = now;
  };

  const acquire = async (signal?: AbortSignal): Promise<void> => {
    for (;;) {
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await clock.sleep(Math.ceil(((1 - tokens) / rate) * 1000), signal);
    }
  };

  return {
    take(signal?: AbortSignal): Promise<void> {
      const turn = queue.then(() => acquire(signal));
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
