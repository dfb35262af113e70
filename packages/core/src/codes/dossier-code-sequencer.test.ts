import { parseDossierCode } from '@motcua/schemas/ids';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.ts';
import { fixedClock, type SequenceStore } from '../ports.ts';
import { createDossierCodeSequencer, MAX_DAILY_SEQUENCE } from './dossier-code-sequencer.ts';
import { InMemorySequenceStore } from './in-memory-sequence-store.ts';

const H56 = '000.00.00.H56';
const clock = fixedClock('2025-07-01T08:00:00+07:00');

async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
}

/** A store that reads, yields, then writes with no lock: what the port forbids. */
class RacyStore implements SequenceStore {
  readonly #counters = new Map<string, number>();
  async next(agencyCode: string, day: string): Promise<number> {
    const key = `${agencyCode}|${day}`;
    const current = this.#counters.get(key) ?? 0;
    await Promise.resolve();
    this.#counters.set(key, current + 1);
    return current + 1;
  }
}

const AGENCIES = [H56, '000.00.00.H41', '000.00.00.G22', '000.01.21.H56'] as const;
const DAYS = [
  '2025-06-30T17:00:00Z',
  '2025-07-01T08:00:00+07:00',
  '2025-07-01T23:59:59+07:00',
  '2025-07-02T00:00:00+07:00',
];

/** Run `calls` concurrently and check codes are unique and, per agency and day, exactly 0001..n. */
async function runConcurrently(store: SequenceStore, calls: readonly [number, number][]): Promise<string[]> {
  const sequencer = createDossierCodeSequencer({ store, clock });
  return Promise.all(calls.map(([a, d]) => sequencer.next(AGENCIES[a] ?? H56, DAYS[d])));
}

function checkContiguous(codes: readonly string[]): void {
  expect(new Set(codes).size).toBe(codes.length);
  const byKey = new Map<string, number[]>();
  for (const code of codes) {
    const facts = parseDossierCode(code).facts;
    expect(facts).toBeDefined();
    if (facts === undefined) continue;
    const key = `${facts.agencyCode} ${facts.receivedDate}`;
    byKey.set(key, [...(byKey.get(key) ?? []), facts.sequence]);
  }
  for (const numbers of byKey.values()) {
    expect([...numbers].sort((x, y) => x - y)).toEqual(numbers.map((_, i) => i + 1));
  }
}

describe('createDossierCodeSequencer', () => {
  it('numbers each agency per Vietnam-time day from 0001 (TT 01/2018/TT-VPCP Điều 19)', async () => {
    const sequencer = createDossierCodeSequencer({ store: new InMemorySequenceStore(), clock });
    expect(await sequencer.next(H56)).toBe('000.00.00.H56-250701-0001');
    expect(await sequencer.next(H56, '2025-07-01T16:59:59Z')).toBe('000.00.00.H56-250701-0002');
    // 17:00 UTC on 1 July is midnight in Vietnam: a new day, a new sequence.
    expect(await sequencer.next(H56, '2025-07-01T17:00:00Z')).toBe('000.00.00.H56-250702-0001');
    expect(await sequencer.next('000.00.00.H41', new Date('2025-07-01T02:00:00Z'))).toBe('000.00.00.H41-250701-0001');
    const code = await sequencer.next(H56);
    expect(parseDossierCode(code)).toMatchObject({
      valid: true,
      problems: [],
      facts: { agencyCode: H56, receivedDate: '2025-07-01', sequence: 3 },
    });
  });

  it('hands out no duplicates and no gaps under hundreds of concurrent callers', async () => {
    const calls: [number, number][] = [];
    for (let i = 0; i < 800; i++) calls.push([(i * 7) % AGENCIES.length, (i * 3) % DAYS.length]);
    checkContiguous(await runConcurrently(new InMemorySequenceStore(), calls));
  });

  it('property: any interleaving of concurrent calls across agencies and days gives unique, contiguous codes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: AGENCIES.length - 1 }), fc.nat({ max: DAYS.length - 1 })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.scheduler(),
        async (calls, scheduler) => {
          // The scheduler interleaves the store's steps in a random order.
          const inner = new InMemorySequenceStore();
          const store: SequenceStore = {
            next: (a, d) => scheduler.schedule(Promise.resolve(), 'enter').then(() => inner.next(a, d)),
          };
          const pending = runConcurrently(store, calls);
          await scheduler.waitAll();
          checkContiguous(await pending);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the concurrency check has teeth: a store without atomicity gives duplicates', async () => {
    const calls = Array.from({ length: 50 }, (): [number, number] => [0, 1]);
    const codes = await runConcurrently(new RacyStore(), calls);
    expect(new Set(codes).size).toBeLessThan(codes.length);
  });

  it('refuses the 10,000th dossier of a day with SEQUENCE_EXHAUSTED', async () => {
    const store = new InMemorySequenceStore();
    for (let i = 1; i < MAX_DAILY_SEQUENCE; i++) await store.next(H56, '2025-07-01');
    const sequencer = createDossierCodeSequencer({ store, clock });
    expect(await sequencer.next(H56)).toBe('000.00.00.H56-250701-9999');
    expect((await rejection(sequencer.next(H56))).code).toBe('SEQUENCE_EXHAUSTED');
    expect(await sequencer.next(H56, '2025-07-02T08:00:00+07:00')).toBe('000.00.00.H56-250702-0001');
  });

  it('refuses an agency code without the QCVN 102:2016 shape, before taking a number', async () => {
    const store = new InMemorySequenceStore();
    const sequencer = createDossierCodeSequencer({ store, clock });
    for (const bad of ['H56.14', '000.00.00.h56', '', '000.00.00.H56-']) {
      const error = await rejection(sequencer.next(bad));
      expect(error.code).toBe('INVALID_AGENCY_CODE');
      expect(store.peek(bad, '2025-07-01')).toBe(0);
    }
  });

  it('refuses instants without offset and stores that return nonsense; store failures pass through', async () => {
    const sequencer = createDossierCodeSequencer({ store: new InMemorySequenceStore(), clock });
    expect((await rejection(sequencer.next(H56, '2025-07-01T08:00:00'))).code).toBe('INVALID_ARGUMENT');
    for (const value of [0, -1, 1.5, Number.NaN]) {
      const broken = createDossierCodeSequencer({ store: { next: async () => value }, clock });
      expect((await rejection(broken.next(H56))).code).toBe('INVALID_SEQUENCE');
    }
    const offline = new Error('database is offline');
    const failing = createDossierCodeSequencer({ store: { next: () => Promise.reject(offline) }, clock });
    await expect(failing.next(H56)).rejects.toBe(offline);
  });
});

describe('InMemorySequenceStore', () => {
  it('keeps agencies and days apart and recovers after a failed call', async () => {
    const store = new InMemorySequenceStore();
    expect(await store.next('A', '2025-07-01')).toBe(1);
    expect(await store.next('A', '2025-07-02')).toBe(1);
    expect(await store.next('B', '2025-07-01')).toBe(1);
    expect(await store.next('A', '2025-07-01')).toBe(2);
    expect(store.peek('A', '2025-07-01')).toBe(2);
  });
});
