/**
 * Ports: the interfaces `@motcua/core` needs from the outside world. Core never does
 * I/O and never reads the system clock by itself; whoever embeds it passes these in.
 * `@motcua/store` implements {@link SequenceStore} for SQLite and PostgreSQL.
 *
 * @module
 */

/**
 * Where "now" comes from. Pass {@link systemClock} in production and
 * {@link fixedClock} in tests, so that no result depends on when a test runs.
 *
 * @example
 * ```ts
 * import type { Clock } from '@motcua/core';
 * const clock: Clock = { now: () => new Date('2025-07-01T01:00:00Z') };
 * ```
 * @category Ports
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/**
 * The machine's clock, as a {@link Clock}. The only place in `@motcua/core` that reads
 * the system time, and only when a caller passes it in.
 *
 * @example
 * ```ts
 * import { createDossierCodeSequencer, InMemorySequenceStore, systemClock } from '@motcua/core';
 * const sequencer = createDossierCodeSequencer({ store: new InMemorySequenceStore(), clock: systemClock });
 * ```
 * @category Ports
 */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A {@link Clock} stopped at one instant, for tests and replays.
 *
 * @example
 * ```ts
 * import { fixedClock } from '@motcua/core';
 * fixedClock('2025-07-01T08:00:00+07:00').now().toISOString(); // '2025-07-01T01:00:00.000Z'
 * ```
 * @category Ports
 */
export function fixedClock(instant: string | Date): Clock {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new TypeError(`fixedClock: not an instant: ${String(instant)}`);
  return { now: () => new Date(time) };
}

/**
 * Atomic per-agency, per-day counters behind the dossier-code sequencer
 * (TT 01/2018/TT-VPCP Điều 19: the last 4 digits are "the sequence number of the
 * dossier among those received that day").
 *
 * Contract for implementations:
 * - `next(agencyCode, day)` increments the counter of that pair and returns the new
 *   value; the first call for a pair returns `1`.
 * - It is **atomic**: any number of concurrent callers (in one process or, for a
 *   database store, in many processes) never receive the same number for the same
 *   pair, and the numbers handed out for a pair are exactly `1..n` with no gaps
 *   unless a caller's transaction is lost after the increment.
 * - `day` is the receiving date in Vietnam time (`Asia/Ho_Chi_Minh`, UTC+07:00) as
 *   `YYYY-MM-DD`; the store treats it as an opaque key and never converts it.
 * - Counters of different agencies or days are independent.
 *
 * @example
 * ```ts
 * import { InMemorySequenceStore, type SequenceStore } from '@motcua/core';
 * const store: SequenceStore = new InMemorySequenceStore();
 * await store.next('000.00.00.H56', '2025-07-01'); // 1
 * await store.next('000.00.00.H56', '2025-07-01'); // 2
 * ```
 * @category Ports
 */
export interface SequenceStore {
  /** Increment the counter of `(agencyCode, day)` and return its new value (first call: 1). */
  next(agencyCode: string, day: string): Promise<number>;
}
