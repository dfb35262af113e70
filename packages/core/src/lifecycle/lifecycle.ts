/**
 * The event-sourced dossier lifecycle: statuses, legal moves, the deadline clock with
 * its pauses, supplement rounds and the due date.
 *
 * @module
 */
import {
  type Actor,
  DOSSIER_STATUS_TO_DVCQG,
  type DossierStatus,
  type Instant,
  type StatusChange,
  type SupplementRequest,
} from '@motcua/schemas';
import { defaultCalendar, type ProcessingTime, toEpochDay, type WorkingCalendar } from '../calendar/index.ts';
import { CoreError, IllegalTransitionError } from '../errors.ts';
import { assessTimeliness, type TimelinessInput, type TimelinessResult } from '../timeliness/index.ts';
import { instantMs, toVietnamIso, vietnamDate } from './instant.ts';
import {
  EVENT_TARGET,
  findTransition,
  LIFECYCLE_EVENT_TYPES,
  type LifecycleEventType,
  TRANSITIONS,
} from './transitions.ts';

/**
 * How a deployment treats a second supplement request (yêu cầu bổ sung).
 *
 * - `one-only` (default): refused with `CoreError` `SUPPLEMENT_LIMIT`. The one-stop rules
 *   allow one request; QĐ 766 indicator 2.1 counts a dossier with more than one as late.
 * - `allow-and-record`: accepted and recorded (`supplementRequests`,
 *   `supplementLimitExceeded`), so the 766 assessment marks the dossier late.
 *
 * @example
 * ```ts
 * import type { DossierPolicy } from '@motcua/core';
 * const policy: DossierPolicy = { supplementRequests: 'allow-and-record' };
 * ```
 * @category Lifecycle
 */
export interface DossierPolicy {
  /** What a second supplement request does. */
  supplementRequests: 'one-only' | 'allow-and-record';
}

/**
 * The default {@link DossierPolicy}: one supplement request only.
 *
 * @example
 * ```ts
 * import { DEFAULT_DOSSIER_POLICY } from '@motcua/core';
 * DEFAULT_DOSSIER_POLICY.supplementRequests; // 'one-only'
 * ```
 * @category Lifecycle
 */
export const DEFAULT_DOSSIER_POLICY: DossierPolicy = Object.freeze({ supplementRequests: 'one-only' });

/**
 * One event in a dossier's life: what happened, when, by whom, and an optional note
 * (the progress row's `NoiDungXuLy`; for `request-supplement`, what must be supplied).
 * A `receive` event may carry the due date, either as `dueAt` or as the procedure's
 * `processingTime`, computed with the working-day calendar.
 *
 * @example
 * ```ts
 * import type { LifecycleEvent } from '@motcua/core';
 * const received: LifecycleEvent = {
 *   type: 'receive',
 *   at: '2025-07-01T08:30:00+07:00',
 *   actor: { name: 'Lê Thị Hoa', position: 'Chuyên viên' },
 *   processingTime: { amount: 5, unit: 'working-days' },
 * };
 * ```
 * @category Lifecycle
 */
export interface LifecycleEvent {
  /** The event type; see {@link LIFECYCLE_EVENT_TYPES}. */
  type: LifecycleEventType;
  /** When it happened: ISO 8601 with offset. Events must come in time order. */
  at: Instant;
  /** Who did it (officer, or the applicant for `withdraw` / `resubmit`). */
  actor: Actor;
  /** What was done, or what must be supplemented. */
  note?: string;
  /** `receive` only: the appointment date (ngày hẹn trả). */
  dueAt?: Instant;
  /** `receive` only: the statutory processing time, turned into `dueAt` by the calendar. */
  processingTime?: ProcessingTime;
}

/**
 * One applied event in the history: a canonical `StatusChange` (a DVCQG progress
 * row) plus the event type and the status it left.
 *
 * @example
 * ```ts
 * import type { LifecycleRecord } from '@motcua/core';
 * const record: LifecycleRecord = {
 *   event: 'resolve',
 *   from: 'processing',
 *   status: 'resolved',
 *   at: '2025-07-05T10:00:00+07:00',
 *   actor: { name: 'Trần Văn Nam' },
 * };
 * ```
 * @category Lifecycle
 */
export interface LifecycleRecord extends StatusChange {
  /** The event applied. */
  event: LifecycleEventType;
  /** The status before it. */
  from: DossierStatus;
}

/**
 * A stretch of the deadline clock: running (the agency's time) or paused (waiting for
 * the applicant's supplement or financial obligation). `to` is absent on the open one.
 *
 * @example
 * ```ts
 * import type { ClockSegment } from '@motcua/core';
 * const pause: ClockSegment = {
 *   state: 'paused',
 *   reason: 'supplement',
 *   from: '2025-07-02T09:00:00+07:00',
 *   to: '2025-07-04T09:00:00+07:00',
 * };
 * ```
 * @category Lifecycle
 */
export interface ClockSegment {
  /** Whether the agency's time runs. */
  state: 'running' | 'paused';
  /** Why the clock is paused. */
  reason?: 'supplement' | 'financial-obligation';
  /** Start of the segment. */
  from: Instant;
  /** End of the segment; absent while it lasts. */
  to?: Instant;
}

/**
 * A financial-obligation pause (yêu cầu thực hiện nghĩa vụ tài chính, DVCQG status 6):
 * requested, confirmed, and the due date before and after.
 *
 * @example
 * ```ts
 * import type { PaymentPause } from '@motcua/core';
 * const pause: PaymentPause = { requestedAt: '2025-07-02T09:00:00+07:00', requestedBy: 'Trần Văn Nam' };
 * ```
 * @category Lifecycle
 */
export interface PaymentPause {
  /** When the obligation was notified. */
  requestedAt: Instant;
  /** Who notified it. */
  requestedBy: string;
  /** What must be paid. */
  content?: string;
  /** When payment was confirmed. */
  confirmedAt?: Instant;
  /** Due date before the pause. */
  dueBefore?: Instant;
  /** Due date after the pause. */
  dueAfter?: Instant;
}

/**
 * The state of a dossier's lifecycle: plain data (JSON-serialisable), rebuilt from the
 * events with {@link replayLifecycle} or advanced one event at a time with
 * {@link applyEvent}.
 *
 * @example
 * ```ts
 * import { startLifecycle, type DossierLifecycle } from '@motcua/core';
 * const state: DossierLifecycle = startLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' });
 * state.status; // 'submitted'
 * ```
 * @category Lifecycle
 */
export interface DossierLifecycle {
  /** The deployment's policy, fixed when the lifecycle starts. */
  readonly policy: DossierPolicy;
  /** Current status. */
  readonly status: DossierStatus;
  /** When the dossier was submitted (status 1). */
  readonly submittedAt: Instant;
  /** When it was received (status 2); the clock starts here. */
  readonly receivedAt?: Instant;
  /** The due date set at reception, never shifted: what QĐ 766 indicator 2.1 compares with. */
  readonly initialDueAt?: Instant;
  /** The current due date, shifted after each pause by the working time that remained. */
  readonly dueAt?: Instant;
  /** The 766 processing end: when it was resolved (9), stopped (8) or rejected (3). */
  readonly processingEndAt?: Instant;
  /** When the result was returned (10). */
  readonly returnedAt?: Instant;
  /** Every applied event, in order. */
  readonly history: readonly LifecycleRecord[];
  /** The deadline clock's segments, in order. */
  readonly clock: readonly ClockSegment[];
  /** Supplement rounds (DVCQG `DanhSachHoSoBoSung`). */
  readonly supplementRounds: readonly SupplementRequest[];
  /** Number of supplement requests made. */
  readonly supplementRequests: number;
  /** More than one supplement request was made (policy `allow-and-record`): late under 766. */
  readonly supplementLimitExceeded: boolean;
  /** Financial-obligation pauses. */
  readonly paymentPauses: readonly PaymentPause[];
}

/**
 * The calendar functions the lifecycle needs: a `WorkingCalendar` from
 * `createCalendar()` satisfies it.
 *
 * @example
 * ```ts
 * import { createCalendar, type LifecycleCalendar } from '@motcua/core';
 * const calendar: LifecycleCalendar = createCalendar({ afternoonCutoff: '16:00' });
 * ```
 * @category Lifecycle
 */
export type LifecycleCalendar = Pick<
  WorkingCalendar,
  'addWorkingDays' | 'workingDaysBetween' | 'receptionDate' | 'dueDate'
>;

/**
 * What {@link applyEvent} may need besides the state and the event: the deployment's
 * working-day calendar (default: `defaultCalendar()`, the national rules).
 *
 * @example
 * ```ts
 * import { createCalendar, type LifecycleContext } from '@motcua/core';
 * const context: LifecycleContext = { calendar: createCalendar() };
 * ```
 * @category Lifecycle
 */
export interface LifecycleContext {
  /** Working-day calendar for due dates; `defaultCalendar()` when absent. */
  calendar?: LifecycleCalendar;
}

/**
 * Options of {@link startLifecycle}.
 *
 * @example
 * ```ts
 * import type { StartLifecycleOptions } from '@motcua/core';
 * const options: StartLifecycleOptions = {
 *   submittedAt: '2025-07-01T08:00:00+07:00',
 *   policy: { supplementRequests: 'one-only' },
 * };
 * ```
 * @category Lifecycle
 */
export interface StartLifecycleOptions {
  /** When the dossier was submitted (online) or presented at the desk. */
  submittedAt: Instant;
  /** Policy; {@link DEFAULT_DOSSIER_POLICY} when absent. */
  policy?: DossierPolicy;
}

/**
 * A new lifecycle in status `submitted` (DVCQG 1, "Mới đăng ký"). A dossier brought to
 * the desk in person is then received at once with a `receive` event.
 *
 * @example
 * ```ts
 * import { startLifecycle } from '@motcua/core';
 * startLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' }).status; // 'submitted'
 * ```
 * @category Lifecycle
 */
export function startLifecycle(options: StartLifecycleOptions): DossierLifecycle {
  instantMs(options.submittedAt, 'submittedAt');
  const policy = options.policy ?? DEFAULT_DOSSIER_POLICY;
  if (policy.supplementRequests !== 'one-only' && policy.supplementRequests !== 'allow-and-record') {
    throw new CoreError('INVALID_ARGUMENT', `unknown supplement policy ${JSON.stringify(policy.supplementRequests)}`);
  }
  return {
    policy: { supplementRequests: policy.supplementRequests },
    status: 'submitted',
    submittedAt: options.submittedAt,
    history: [],
    clock: [],
    supplementRounds: [],
    supplementRequests: 0,
    supplementLimitExceeded: false,
    paymentPauses: [],
  };
}

/**
 * The events the table allows from the current status (for a UI's buttons).
 *
 * @example
 * ```ts
 * import { allowedEvents, startLifecycle } from '@motcua/core';
 * allowedEvents(startLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' }));
 * // ['receive', 'reject', 'withdraw']
 * ```
 * @category Lifecycle
 */
export function allowedEvents(state: Pick<DossierLifecycle, 'status'>): LifecycleEventType[] {
  return TRANSITIONS.filter((t) => t.from === state.status).map((t) => t.event);
}

const MS_PER_DAY = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function calendarCall<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    if (cause instanceof CoreError) throw cause;
    throw new CoreError('INVALID_EVENT', `${what}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * The due date after a pause: the working days that remained after the pause day, counted
 * again from the day the resumption counts as received, at the old due date's time of day.
 * A pause that starts after the due date shifts nothing (the dossier was already late).
 */
function shiftedDue(dueAt: Instant, pausedAt: number, resumedAt: number, calendar: LifecycleCalendar): Instant {
  const due = instantMs(dueAt, 'dueAt');
  if (due <= pausedAt) return dueAt;
  return calendarCall('shifting the due date', () => {
    const remaining = calendar.workingDaysBetween(vietnamDate(pausedAt), vietnamDate(due));
    const restart = calendar.receptionDate(new Date(resumedAt));
    const day = calendar.addWorkingDays(restart, remaining);
    const timeOfDay = (((due + VIETNAM_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
    const shifted = toEpochDay(day) * MS_PER_DAY + timeOfDay - VIETNAM_OFFSET_MS;
    return toVietnamIso(Math.max(shifted, due));
  });
}

function lastTime(state: DossierLifecycle): number {
  const last = state.history.at(-1);
  return instantMs(last === undefined ? state.submittedAt : last.at, 'previous event');
}

function closeClock(clock: readonly ClockSegment[], at: Instant): ClockSegment[] {
  const segments = [...clock];
  const open = segments.at(-1);
  if (open !== undefined && open.to === undefined) segments[segments.length - 1] = { ...open, to: at };
  return segments;
}

function validateEvent(event: LifecycleEvent): void {
  if (typeof event !== 'object' || event === null) throw new CoreError('INVALID_EVENT', 'event must be an object');
  if (!(LIFECYCLE_EVENT_TYPES as readonly string[]).includes(event.type)) {
    throw new CoreError('INVALID_EVENT', `unknown event type ${JSON.stringify(event.type)}`);
  }
  instantMs(event.at, `${event.type}.at`, 'INVALID_EVENT');
  if (
    typeof event.actor !== 'object' ||
    event.actor === null ||
    typeof event.actor.name !== 'string' ||
    event.actor.name.trim() === ''
  ) {
    throw new CoreError('INVALID_EVENT', `${event.type}.actor.name is required`);
  }
  if (event.type !== 'receive' && (event.dueAt !== undefined || event.processingTime !== undefined)) {
    throw new CoreError('INVALID_EVENT', `${event.type}: dueAt and processingTime belong to the receive event`);
  }
}

/**
 * Apply one event to a lifecycle and return the new state (the input is not modified).
 *
 * - The move must be in {@link TRANSITIONS}; otherwise an {@link IllegalTransitionError}
 *   names the current status and the status the event leads to.
 * - Events must come in time order (`INVALID_EVENT` otherwise).
 * - `receive` starts the deadline clock and sets the due date (`dueAt`, or
 *   `processingTime` through the calendar's `dueDate`).
 * - `request-supplement` and `request-payment` pause the clock; `resubmit` and
 *   `confirm-payment` restart it with a **new due date**: the working days that remained
 *   after the pause day, counted again from the day the resumption counts as received
 *   (the calendar's `receptionDate`: afternoon cut-off, days off), at the old due time.
 * - A second supplement request is refused (`SUPPLEMENT_LIMIT`) under the `one-only`
 *   policy and recorded under `allow-and-record` (QĐ 766 indicator 2.1 then counts the
 *   dossier as late).
 * - `resolve`, `stop` and `reject` set `processingEndAt`, the end QĐ 766 reads.
 *
 * Throws only `CoreError` (including its subclass `IllegalTransitionError`).
 *
 * @example
 * ```ts
 * import { applyEvent, startLifecycle } from '@motcua/core';
 * const officer = { name: 'Lê Thị Hoa' };
 * let s = startLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' });
 * s = applyEvent(s, { type: 'receive', at: '2025-07-01T08:30:00+07:00', actor: officer, dueAt: '2025-07-08T17:00:00+07:00' });
 * s = applyEvent(s, { type: 'start-processing', at: '2025-07-01T09:00:00+07:00', actor: officer });
 * s = applyEvent(s, { type: 'request-supplement', at: '2025-07-02T09:00:00+07:00', actor: officer, note: 'Bản sao giấy chứng sinh' });
 * s = applyEvent(s, { type: 'resubmit', at: '2025-07-04T09:00:00+07:00', actor: { name: 'Nguyễn Văn A' } });
 * s.dueAt; // '2025-07-10T17:00:00+07:00': 4 working days remained after 2 July, counted from 4 July
 * ```
 * @category Lifecycle
 */
export function applyEvent(
  state: DossierLifecycle,
  event: LifecycleEvent,
  context: LifecycleContext = {},
): DossierLifecycle {
  validateEvent(event);
  const transition = findTransition(state.status, event.type);
  if (transition === undefined) throw new IllegalTransitionError(state.status, event.type, EVENT_TARGET[event.type]);
  const at = instantMs(event.at, `${event.type}.at`, 'INVALID_EVENT');
  const previous = lastTime(state);
  if (at < previous) {
    throw new CoreError('INVALID_EVENT', `${event.type} at ${event.at} is earlier than the previous event`);
  }
  const calendar = context.calendar ?? defaultCalendar();
  const note = event.note?.trim() === '' ? undefined : event.note;

  const record: LifecycleRecord = {
    event: event.type,
    from: state.status,
    status: transition.to,
    at: event.at,
    actor: event.actor,
    ...(note === undefined ? {} : { note }),
  };
  let next: DossierLifecycle = { ...state, status: transition.to, history: [...state.history, record] };

  switch (event.type) {
    case 'receive': {
      let dueAt: Instant | undefined;
      if (event.dueAt !== undefined) {
        if (instantMs(event.dueAt, 'receive.dueAt', 'INVALID_EVENT') < at) {
          throw new CoreError('INVALID_EVENT', 'receive.dueAt is before the reception');
        }
        dueAt = event.dueAt;
      } else if (event.processingTime !== undefined) {
        const processingTime = event.processingTime;
        dueAt = toVietnamIso(
          calendarCall('receive.processingTime', () => calendar.dueDate(new Date(at), processingTime).getTime()),
        );
      }
      next = {
        ...next,
        receivedAt: event.at,
        ...(dueAt === undefined ? {} : { dueAt, initialDueAt: dueAt }),
        clock: [{ state: 'running', from: event.at }],
      };
      break;
    }
    case 'request-supplement': {
      if (state.supplementRequests >= 1 && state.policy.supplementRequests === 'one-only') {
        throw new CoreError(
          'SUPPLEMENT_LIMIT',
          'a supplement was already requested; the one-only policy allows one request (QĐ 766 indicator 2.1 counts more than one as late)',
        );
      }
      const round: SupplementRequest = {
        requestedAt: event.at,
        requestedBy: event.actor.name,
        content: note ?? '',
        ...(state.dueAt === undefined ? {} : { dueBefore: state.dueAt }),
      };
      const count = state.supplementRequests + 1;
      next = {
        ...next,
        supplementRounds: [...state.supplementRounds, round],
        supplementRequests: count,
        supplementLimitExceeded: count > 1,
        clock: [...closeClock(state.clock, event.at), { state: 'paused', reason: 'supplement', from: event.at }],
      };
      break;
    }
    case 'request-payment': {
      const pause: PaymentPause = {
        requestedAt: event.at,
        requestedBy: event.actor.name,
        ...(note === undefined ? {} : { content: note }),
        ...(state.dueAt === undefined ? {} : { dueBefore: state.dueAt }),
      };
      next = {
        ...next,
        paymentPauses: [...state.paymentPauses, pause],
        clock: [
          ...closeClock(state.clock, event.at),
          { state: 'paused', reason: 'financial-obligation', from: event.at },
        ],
      };
      break;
    }
    case 'resubmit':
    case 'confirm-payment': {
      const open = state.clock.at(-1);
      const pausedAt = open === undefined ? at : instantMs(open.from, 'pause start');
      const dueAt = state.dueAt === undefined ? undefined : shiftedDue(state.dueAt, pausedAt, at, calendar);
      const withDue = dueAt === undefined ? {} : { dueAfter: dueAt };
      next = {
        ...next,
        ...(dueAt === undefined ? {} : { dueAt }),
        clock: [...closeClock(state.clock, event.at), { state: 'running', from: event.at }],
      };
      if (event.type === 'resubmit') {
        const rounds = [...state.supplementRounds];
        const last = rounds.at(-1);
        if (last !== undefined) rounds[rounds.length - 1] = { ...last, resubmittedAt: event.at, ...withDue };
        next = { ...next, supplementRounds: rounds };
      } else {
        const pauses = [...state.paymentPauses];
        const last = pauses.at(-1);
        if (last !== undefined) pauses[pauses.length - 1] = { ...last, confirmedAt: event.at, ...withDue };
        next = { ...next, paymentPauses: pauses };
      }
      break;
    }
    case 'resolve':
    case 'stop':
    case 'reject':
      next = { ...next, processingEndAt: event.at, clock: closeClock(state.clock, event.at) };
      break;
    case 'withdraw':
      next = { ...next, clock: closeClock(state.clock, event.at) };
      break;
    case 'return-result':
      next = { ...next, returnedAt: event.at };
      break;
    case 'start-processing':
      break;
  }
  return next;
}

/**
 * Rebuild a lifecycle from its events (event sourcing): {@link startLifecycle} then
 * {@link applyEvent} for each event in order.
 *
 * @example
 * ```ts
 * import { replayLifecycle } from '@motcua/core';
 * const officer = { name: 'Lê Thị Hoa' };
 * const state = replayLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' }, [
 *   { type: 'receive', at: '2025-07-01T08:30:00+07:00', actor: officer, processingTime: { amount: 3, unit: 'working-days' } },
 *   { type: 'start-processing', at: '2025-07-01T09:00:00+07:00', actor: officer },
 *   { type: 'resolve', at: '2025-07-03T15:00:00+07:00', actor: officer },
 *   { type: 'return-result', at: '2025-07-04T08:00:00+07:00', actor: officer },
 * ]);
 * state.status; // 'returned'
 * state.dueAt; // '2025-07-04T17:00:00+07:00'
 * ```
 * @category Lifecycle
 */
export function replayLifecycle(
  start: StartLifecycleOptions,
  events: Iterable<LifecycleEvent>,
  context: LifecycleContext = {},
): DossierLifecycle {
  let state = startLifecycle(start);
  for (const event of events) state = applyEvent(state, event, context);
  return state;
}

/**
 * The lifecycle as the input of {@link assessTimeliness}: reception, the due date set at
 * reception (`initialDueAt`: the 766 formula subtracts supplement time instead of
 * shifting the due date), one progress row per applied event with its DVCQG status code,
 * and the supplement rounds.
 *
 * @example
 * ```ts
 * import { lifecycleTimelinessInput, startLifecycle } from '@motcua/core';
 * lifecycleTimelinessInput(startLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' })).progress; // []
 * ```
 * @category Lifecycle
 */
export function lifecycleTimelinessInput(state: DossierLifecycle, asOf?: Instant): TimelinessInput {
  return {
    receivedAt: state.receivedAt ?? state.submittedAt,
    ...(state.initialDueAt === undefined ? {} : { dueAt: state.initialDueAt }),
    progress: state.history.map((r) => ({ status: Number(DOSSIER_STATUS_TO_DVCQG[r.status]), at: r.at })),
    supplementRounds: state.supplementRounds.map((r) => ({
      requestedAt: r.requestedAt,
      ...(r.resubmittedAt === undefined ? {} : { resubmittedAt: r.resubmittedAt }),
    })),
    ...(asOf === undefined ? {} : { asOf }),
  };
}

/**
 * QĐ 766 indicator 2.1 on a lifecycle: {@link assessTimeliness} over
 * {@link lifecycleTimelinessInput}.
 *
 * @example
 * ```ts
 * import { assessLifecycleTimeliness, replayLifecycle } from '@motcua/core';
 * const officer = { name: 'Lê Thị Hoa' };
 * const state = replayLifecycle({ submittedAt: '2025-07-01T08:00:00+07:00' }, [
 *   { type: 'receive', at: '2025-07-01T08:30:00+07:00', actor: officer, dueAt: '2025-07-08T17:00:00+07:00' },
 *   { type: 'start-processing', at: '2025-07-01T09:00:00+07:00', actor: officer },
 *   { type: 'resolve', at: '2025-07-08T10:00:00+07:00', actor: officer },
 * ]);
 * assessLifecycleTimeliness(state).outcome; // 'on-time'
 * ```
 * @category Lifecycle
 */
export function assessLifecycleTimeliness(state: DossierLifecycle, asOf?: Instant): TimelinessResult {
  return assessTimeliness(lifecycleTimelinessInput(state, asOf));
}
