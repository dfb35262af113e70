import { DOSSIER_STATUSES, type DossierStatus } from '@motcua/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError, IllegalTransitionError } from '../errors.ts';
import { allowedEvents, applyEvent, type DossierLifecycle, type LifecycleEvent, startLifecycle } from './lifecycle.ts';
import { minutesLater, SUBMITTED_AT } from './test-support.ts';
import { findTransition, LIFECYCLE_EVENT_TYPES, TERMINAL_STATUSES, TRANSITIONS } from './transitions.ts';

const CLOCK_OPEN: ReadonlySet<DossierStatus> = new Set([
  'received',
  'processing',
  'supplement-requested',
  'financial-obligation',
]);
const PAUSED: ReadonlySet<DossierStatus> = new Set(['supplement-requested', 'financial-obligation']);

/**
 * Steps: an event type (half the time one the table allows, so that runs go deep; now and
 * then a bogus one), a gap in minutes (now and then negative), a due date.
 */
const step = fc.record({
  legalPick: fc.option(fc.nat(), { nil: undefined }),
  type: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...LIFECYCLE_EVENT_TYPES) },
    { weight: 1, arbitrary: fc.constantFrom('approve', '', 'RECEIVE') },
  ),
  gap: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 6 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.constant(-5) },
  ),
  dueInDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

function checkInvariants(state: DossierLifecycle): void {
  expect(DOSSIER_STATUSES).toContain(state.status);
  // Every record is a row of the table, and records chain.
  let status: DossierStatus = 'submitted';
  for (const record of state.history) {
    expect(record.from).toBe(status);
    expect(TRANSITIONS).toContainEqual({ from: record.from, event: record.event, to: record.status });
    status = record.status;
  }
  expect(state.status).toBe(status);
  // The clock: only the last segment may be open; open iff the dossier is live; paused iff waiting.
  for (const segment of state.clock.slice(0, -1)) expect(segment.to).toBeDefined();
  const open = state.clock.at(-1)?.to === undefined && state.clock.length > 0;
  expect(open).toBe(CLOCK_OPEN.has(state.status));
  if (open) expect(state.clock.at(-1)?.state).toBe(PAUSED.has(state.status) ? 'paused' : 'running');
  // Supplement bookkeeping.
  expect(state.supplementRequests).toBe(state.supplementRounds.length);
  expect(state.supplementLimitExceeded).toBe(state.supplementRequests > 1);
  if (state.policy.supplementRequests === 'one-only') expect(state.supplementRequests).toBeLessThanOrEqual(1);
  // The due date only ever moves later.
  if (state.initialDueAt !== undefined && state.dueAt !== undefined) {
    expect(Date.parse(state.dueAt)).toBeGreaterThanOrEqual(Date.parse(state.initialDueAt));
  }
  if (TERMINAL_STATUSES.has(state.status)) expect(open).toBe(false);
}

describe('lifecycle properties', () => {
  it('no event sequence reaches a state outside the table, and only typed errors are thrown', () => {
    const statuses = new Set<DossierStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom('one-only' as const, 'allow-and-record' as const),
        fc.array(step, { maxLength: 40 }),
        (policy, steps) => {
          let state = startLifecycle({ submittedAt: SUBMITTED_AT, policy: { supplementRequests: policy } });
          let minutes = 0;
          for (const { legalPick, type: randomType, gap, dueInDays } of steps) {
            const allowed = allowedEvents(state);
            const type =
              legalPick === undefined || allowed.length === 0
                ? randomType
                : (allowed[legalPick % allowed.length] ?? randomType);
            minutes += gap;
            const event: LifecycleEvent = {
              type: type as LifecycleEvent['type'],
              at: minutesLater(minutes),
              actor: { name: 'Cán bộ' },
              ...(type === 'receive' && dueInDays !== undefined
                ? { dueAt: minutesLater(minutes + dueInDays * 1440) }
                : {}),
            };
            const before = JSON.stringify(state);
            try {
              state = applyEvent(state, event);
            } catch (error) {
              expect(error).toBeInstanceOf(CoreError);
              const known = (LIFECYCLE_EVENT_TYPES as readonly string[]).includes(type);
              const code = (error as CoreError).code;
              // applyEvent checks, in order: the event's shape, the table, time order, the policy.
              if (!known) {
                expect(code).toBe('INVALID_EVENT');
              } else if (findTransition(state.status, type as LifecycleEvent['type']) === undefined) {
                expect(error).toBeInstanceOf(IllegalTransitionError);
              } else if (gap < 0) {
                expect(code).toBe('INVALID_EVENT');
              } else {
                expect(code).toBe('SUPPLEMENT_LIMIT');
                expect(policy).toBe('one-only');
              }
              expect(JSON.stringify(state)).toBe(before);
              minutes -= gap;
            }
            checkInvariants(state);
            statuses.add(state.status);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The runs went through every status, so the property was exercised everywhere.
    expect([...statuses].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });
});
