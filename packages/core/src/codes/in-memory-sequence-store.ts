/**
 * An in-process {@link SequenceStore}, for tests, demos and single-process embedding.
 *
 * @module
 */
import type { SequenceStore } from '../ports.ts';

/**
 * A {@link SequenceStore} kept in a `Map`, atomic within one JavaScript realm.
 *
 * Each `(agencyCode, day)` pair has its own promise chain: a call reads the counter,
 * yields to the event loop, then writes, exactly like a database round trip would;
 * the chain serialises those steps so that concurrent callers never interleave
 * between read and write. Counters are lost when the process ends; use
 * `@motcua/store` (SQLite, PostgreSQL) when they must survive a restart or be shared
 * by several processes.
 *
 * @example
 * ```ts
 * import { InMemorySequenceStore } from '@motcua/core';
 * const store = new InMemorySequenceStore();
 * const numbers = await Promise.all([1, 2, 3].map(() => store.next('000.00.00.H56', '2025-07-01')));
 * numbers.sort(); // [1, 2, 3]
 * ```
 * @category Codes
 */
export class InMemorySequenceStore implements SequenceStore {
  readonly #counters = new Map<string, number>();
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Increment and return the counter of `(agencyCode, day)`; the first call returns 1. */
  next(agencyCode: string, day: string): Promise<number> {
    const key = `${agencyCode}\u0000${day}`;
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(async () => {
      const current = this.#counters.get(key) ?? 0;
      // Yield between read and write, as a real store's round trip would.
      await Promise.resolve();
      const value = current + 1;
      this.#counters.set(key, value);
      return value;
    });
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    // Drop the chain once it is idle so the map does not grow with every key ever used.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** The last number handed out for `(agencyCode, day)`, or 0. */
  peek(agencyCode: string, day: string): number {
    return this.#counters.get(`${agencyCode}\u0000${day}`) ?? 0;
  }
}
