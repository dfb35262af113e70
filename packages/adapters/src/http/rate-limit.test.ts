import { describe, expect, it } from 'vitest';
import { createTokenBucket, type TokenBucketClock } from './rate-limit.ts';
import { maskIdentifier, maskPersonalIds } from './redact.ts';
import { parseRetryAfter } from './transport.ts';

function fakeClock(): TokenBucketClock & { t: number; waits: number[] } {
  const clock = {
    t: 0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe('token bucket', () => {
  it('lets a burst through, then paces at the rate', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ requestsPerSecond: 4, burst: 2 }, clock);
    for (let i = 0; i < 5; i++) await bucket.take();
    // 2 immediate, then one every 250 ms.
    expect(clock.waits).toEqual([250, 250, 250]);
    expect(clock.t).toBe(750);
  });

  it('refills while idle, never above the burst', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ requestsPerSecond: 10, burst: 3 }, clock);
    for (let i = 0; i < 3; i++) await bucket.take();
    clock.t += 10_000;
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(clock.waits).toEqual([]);
    await bucket.take();
    expect(clock.waits).toEqual([100]);
  });

  it('serves concurrent waiters in order', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ requestsPerSecond: 1 }, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.t).toBe(3000);
  });

  it('rejects nonsense settings', () => {
    expect(() => createTokenBucket({ requestsPerSecond: 0 })).toThrow(RangeError);
    expect(() => createTokenBucket({ requestsPerSecond: 1, burst: 0.5 })).toThrow(RangeError);
  });
});

describe('Retry-After and masking', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('later')).toBeUndefined();
  });

  it('masks 9/10/12/13-digit identifiers but not wire dates', () => {
    expect(maskPersonalIds('CCCD 038190012345, CMND 172345678, MST 0101234567, lúc 20250701083000')).toBe(
      'CCCD 038*******45, CMND 172****78, MST 010*****67, lúc 20250701083000',
    );
    expect(maskIdentifier('038190012345')).toBe('**********45');
    expect(maskIdentifier('7')).toBe('*');
  });
});
