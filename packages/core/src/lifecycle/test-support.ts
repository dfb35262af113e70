/**
 * Helpers shared by the lifecycle tests (not exported from the package).
 *
 * @module
 */
import type { DossierStatus } from '@motcua/schemas';
import { type DossierLifecycle, type DossierPolicy, type LifecycleEvent, replayLifecycle } from './lifecycle.ts';
import type { LifecycleEventType } from './transitions.ts';

/** Submission instant of every test dossier: Tuesday 1 July 2025, 08:00 in Vietnam. */
export const SUBMITTED_AT = '2025-07-01T08:00:00+07:00';

const BASE = Date.parse(SUBMITTED_AT);

/** An instant `minutes` after {@link SUBMITTED_AT}, in Vietnam time. */
export function minutesLater(minutes: number): string {
  const local = new Date(BASE + minutes * 60_000 + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

/** An event of `type` at `minutes` after submission, by a test officer. */
export function eventAt(
  type: LifecycleEventType,
  minutes: number,
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent {
  return { type, at: minutesLater(minutes), actor: { name: 'Lê Thị Hoa' }, ...extra };
}

/** The shortest event path from `submitted` to each status. */
export const PATH_TO: Readonly<Record<DossierStatus, readonly LifecycleEventType[]>> = {
  submitted: [],
  received: ['receive'],
  rejected: ['reject'],
  processing: ['receive', 'start-processing'],
  'supplement-requested': ['receive', 'start-processing', 'request-supplement'],
  'financial-obligation': ['receive', 'start-processing', 'request-payment'],
  withdrawn: ['withdraw'],
  stopped: ['receive', 'stop'],
  resolved: ['receive', 'start-processing', 'resolve'],
  returned: ['receive', 'start-processing', 'resolve', 'return-result'],
};

/** A lifecycle in `status`, reached by {@link PATH_TO} one minute apart; due 8 July 17:00. */
export function lifecycleIn(status: DossierStatus, policy?: DossierPolicy): DossierLifecycle {
  const events = PATH_TO[status].map((type, i) =>
    eventAt(type, i + 1, type === 'receive' ? { dueAt: '2025-07-08T17:00:00+07:00' } : {}),
  );
  return replayLifecycle({ submittedAt: SUBMITTED_AT, ...(policy === undefined ? {} : { policy }) }, events);
}
