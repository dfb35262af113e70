/**
 * Inter-agency dossiers (một cửa liên thông): legs, and the overall status and
 * lateness derived from them.
 *
 * @module
 */
import type { DossierStatus, Duration, Instant, InterAgencyLeg } from '@motcua/schemas';
import { defaultCalendar, type WorkingCalendar } from '../calendar/index.ts';
import { CoreError } from '../errors.ts';
import { instantMs, toVietnamIso } from './instant.ts';

/**
 * Level of government of a leg's agency. `district` (cấp huyện) exists only in data
 * before 1 July 2025, when local government became two-level (province and commune).
 *
 * @example
 * ```ts
 * import type { AgencyLevel } from '@motcua/core';
 * const level: AgencyLevel = 'province';
 * ```
 * @category Lifecycle
 */
export type AgencyLevel = 'commune' | 'district' | 'province' | 'ministry';

/**
 * One leg of an inter-agency dossier: the canonical `InterAgencyLeg` (agency, direction
 * dọc/ngang, its share of the deadline, its own status, start and finish) plus the
 * agency's level of government, which vertical legs (between levels) should carry.
 *
 * @example
 * ```ts
 * import type { Leg } from '@motcua/core';
 * const tax: Leg = {
 *   agencyCode: '000.00.00.H56',
 *   agencyName: 'Thuế tỉnh Thanh Hóa',
 *   direction: 'horizontal',
 *   deadlineShare: { amount: 3, unit: 'working-days' },
 *   status: 'processing',
 *   startedAt: '2025-07-02T08:00:00+07:00',
 * };
 * ```
 * @category Lifecycle
 */
export interface Leg extends InterAgencyLeg {
  /** The agency's level; expected on vertical legs. */
  level?: AgencyLevel;
}

/**
 * A problem found in the legs; derivation still runs.
 *
 * | Code | Meaning |
 * |---|---|
 * | `DISTRICT_LEVEL_AFTER_REFORM` | a `district` leg started on or after 1 July 2025, when the district level no longer exists |
 * | `VERTICAL_WITHOUT_LEVEL` | a vertical leg without `level` |
 * | `SHARES_EXCEED_DEADLINE` | the legs' working-day shares add up to more than the dossier's processing time |
 * | `UNSUPPORTED_SHARE_UNIT` | a share in months or years: the leg's due date is not computed |
 * | `FINISHED_WITHOUT_TIME` | a leg whose status is finished has no `finishedAt` |
 *
 * @example
 * ```ts
 * import type { LegIssue } from '@motcua/core';
 * const issue: LegIssue = { code: 'VERTICAL_WITHOUT_LEVEL', legIndex: 0, message: 'legs[0]: vertical leg without level' };
 * ```
 * @category Lifecycle
 */
export interface LegIssue {
  /** Stable code. */
  code:
    | 'DISTRICT_LEVEL_AFTER_REFORM'
    | 'VERTICAL_WITHOUT_LEVEL'
    | 'SHARES_EXCEED_DEADLINE'
    | 'UNSUPPORTED_SHARE_UNIT'
    | 'FINISHED_WITHOUT_TIME';
  /** The leg concerned, when one is. */
  legIndex?: number;
  /** English explanation. */
  message: string;
}

/**
 * One leg with its computed due date and lateness.
 *
 * @example
 * ```ts
 * import type { LegAssessment } from '@motcua/core';
 * const a: LegAssessment = { index: 0, agencyCode: '000.00.00.H56', dueAt: '2025-07-07T17:00:00+07:00', finished: true, late: false };
 * ```
 * @category Lifecycle
 */
export interface LegAssessment {
  /** Position in the input. */
  index: number;
  /** The leg's agency. */
  agencyCode: string;
  /** `startedAt` + the leg's share, by the calendar. */
  dueAt?: string;
  /** The leg's status is `completed`, `returned` or `rejected`. */
  finished: boolean;
  /**
   * The leg overran its share: finished after its due date, or (unfinished) already past
   * it at `asOf`. `undefined` when it cannot be told (no due date, or unfinished without `asOf`).
   */
  late?: boolean;
}

/**
 * The overall picture of an inter-agency dossier; see {@link deriveInterAgency}.
 *
 * @example
 * ```ts
 * import type { InterAgencyDerivation } from '@motcua/core';
 * const d: InterAgencyDerivation = { status: 'processing', late: false, legs: [], lateLegs: [], responsibleAgencies: [], issues: [] };
 * ```
 * @category Lifecycle
 */
export interface InterAgencyDerivation {
  /** The dossier status the legs imply. */
  status: Extract<DossierStatus, 'processing' | 'resolved' | 'stopped'>;
  /** Whether the dossier as a whole is late (or, unfinished, overdue at `asOf`). */
  late: boolean;
  /** When the last leg finished (all legs finished). */
  finishedAt?: string;
  /** Every leg, assessed. */
  legs: readonly LegAssessment[];
  /** The legs that overran their share. */
  lateLegs: readonly LegAssessment[];
  /** Agencies of the late legs, once each: who caused the delay. */
  responsibleAgencies: readonly string[];
  /** Problems found in the input. */
  issues: readonly LegIssue[];
}

/**
 * Options of {@link deriveInterAgency}.
 *
 * @example
 * ```ts
 * import type { InterAgencyOptions } from '@motcua/core';
 * const options: InterAgencyOptions = {
 *   dueAt: '2025-07-15T17:00:00+07:00',
 *   processingTime: { amount: 10, unit: 'working-days' },
 *   asOf: '2025-07-10T09:00:00+07:00',
 * };
 * ```
 * @category Lifecycle
 */
export interface InterAgencyOptions {
  /** The dossier's due date. With it, the dossier is late when the last leg finishes after it. */
  dueAt?: Instant;
  /** The dossier's statutory processing time, to check that the legs' shares fit in it. */
  processingTime?: Duration;
  /** "Now", for unfinished legs and dossiers. */
  asOf?: Instant;
  /** Working-day calendar; `defaultCalendar()` when absent. */
  calendar?: Pick<WorkingCalendar, 'dueDate'>;
}

/** Local government has two levels (province, commune) from this instant: 1 July 2025 00:00 in Vietnam. */
const TWO_LEVEL_GOVERNMENT_FROM = Date.parse('2025-07-01T00:00:00+07:00');
const FINISHED: ReadonlySet<InterAgencyLeg['status']> = new Set(['completed', 'returned', 'rejected']);
const MS_PER_HOUR = 3_600_000;

function legDue(leg: Leg, startedAt: number, calendar: Pick<WorkingCalendar, 'dueDate'>): number | undefined {
  const { amount, unit } = leg.deadlineShare;
  switch (unit) {
    case 'working-days':
    case 'days':
      return calendar.dueDate(new Date(startedAt), { amount, unit }).getTime();
    case 'working-hours':
      return calendar.dueDate(new Date(startedAt), { amount, unit: 'hours' }).getTime();
    case 'hours':
      return startedAt + amount * MS_PER_HOUR;
    default:
      return undefined;
  }
}

/**
 * Derive an inter-agency dossier's overall status and lateness from its legs
 * (một cửa liên thông, NĐ 61/2018/NĐ-CP Điều 3.2: **dọc** / vertical between levels —
 * commune → provincial department, and the legacy district level in data before
 * 1 July 2025 — and **ngang** / horizontal between agencies of one level, e.g. land
 * registration office ↔ tax).
 *
 * Each leg is due `startedAt` + its `deadlineShare` by the calendar (the share counts
 * from the leg's own start, like a dossier from its reception) and is late when it
 * finishes after that, or is still open past it at `asOf`.
 *
 * Overall:
 * - **status**: `stopped` when any leg was `rejected` (the lead agency cannot give the
 *   result; it should apply a `stop` event); `resolved` when every leg is `completed`;
 *   otherwise `processing` (legs `sent`, `processing`, or `returned` to be redone);
 * - **late**: with `dueAt`, when the last leg finished after it (or, unfinished, `asOf`
 *   is past it); without `dueAt`, when any leg overran its share;
 * - **responsibleAgencies**: the agencies of the legs that overran, so a delay is
 *   attributed to the agency that caused it.
 *
 * Throws `CoreError` `INVALID_ARGUMENT` for an empty list or a malformed instant; other
 * problems are reported in `issues`.
 *
 * @example
 * ```ts
 * import { deriveInterAgency } from '@motcua/core';
 * const d = deriveInterAgency(
 *   [
 *     { agencyCode: '000.00.00.H56', direction: 'horizontal', deadlineShare: { amount: 2, unit: 'working-days' },
 *       status: 'completed', startedAt: '2025-07-01T08:00:00+07:00', finishedAt: '2025-07-04T10:00:00+07:00' },
 *     { agencyCode: '000.00.00.H41', direction: 'vertical', level: 'province', deadlineShare: { amount: 3, unit: 'working-days' },
 *       status: 'completed', startedAt: '2025-07-04T10:00:00+07:00', finishedAt: '2025-07-08T16:00:00+07:00' },
 *   ],
 *   { dueAt: '2025-07-10T17:00:00+07:00' },
 * );
 * d.status; // 'resolved'
 * d.late; // false: the dossier finished before its due date
 * d.responsibleAgencies; // ['000.00.00.H56']: its leg finished after 3 July 17:00
 * ```
 * @category Lifecycle
 */
export function deriveInterAgency(legs: readonly Leg[], options: InterAgencyOptions = {}): InterAgencyDerivation {
  if (legs.length === 0) throw new CoreError('INVALID_ARGUMENT', 'an inter-agency dossier needs at least one leg');
  const calendar = options.calendar ?? defaultCalendar();
  const asOf = options.asOf === undefined ? undefined : instantMs(options.asOf, 'asOf');
  const dueAt = options.dueAt === undefined ? undefined : instantMs(options.dueAt, 'dueAt');
  const issues: LegIssue[] = [];

  const assessed = legs.map((leg, index): LegAssessment & { end?: number } => {
    const startedAt = instantMs(leg.startedAt, `legs[${index}].startedAt`);
    const finished = FINISHED.has(leg.status);
    const finishedAt =
      leg.finishedAt === undefined ? undefined : instantMs(leg.finishedAt, `legs[${index}].finishedAt`);
    if (leg.level === 'district' && startedAt >= TWO_LEVEL_GOVERNMENT_FROM) {
      issues.push({
        code: 'DISTRICT_LEVEL_AFTER_REFORM',
        legIndex: index,
        message: `legs[${index}]: a district-level leg started on or after 1 July 2025, when local government became two-level`,
      });
    }
    if (leg.direction === 'vertical' && leg.level === undefined) {
      issues.push({
        code: 'VERTICAL_WITHOUT_LEVEL',
        legIndex: index,
        message: `legs[${index}]: vertical leg without level`,
      });
    }
    if (finished && finishedAt === undefined) {
      issues.push({
        code: 'FINISHED_WITHOUT_TIME',
        legIndex: index,
        message: `legs[${index}]: status ${leg.status} without finishedAt`,
      });
    }
    let due: number | undefined;
    try {
      due = legDue(leg, startedAt, calendar);
    } catch (cause) {
      throw new CoreError(
        'INVALID_ARGUMENT',
        `legs[${index}].deadlineShare: ${cause instanceof Error ? cause.message : String(cause)}`,
        {
          cause,
        },
      );
    }
    if (due === undefined) {
      issues.push({
        code: 'UNSUPPORTED_SHARE_UNIT',
        legIndex: index,
        message: `legs[${index}]: a share in ${leg.deadlineShare.unit} has no due date here`,
      });
    }
    const end = finished ? finishedAt : asOf;
    const result: LegAssessment & { end?: number } = { index, agencyCode: leg.agencyCode, finished };
    if (due !== undefined) result.dueAt = toVietnamIso(due);
    if (due !== undefined && end !== undefined) result.late = end > due;
    if (finishedAt !== undefined) result.end = finishedAt;
    return result;
  });

  if (options.processingTime?.unit === 'working-days' && legs.every((l) => l.deadlineShare.unit === 'working-days')) {
    const total = legs.reduce((sum, l) => sum + l.deadlineShare.amount, 0);
    if (total > options.processingTime.amount) {
      issues.push({
        code: 'SHARES_EXCEED_DEADLINE',
        message: `the legs' shares add up to ${total} working days, more than the ${options.processingTime.amount} of the procedure`,
      });
    }
  }

  const status: InterAgencyDerivation['status'] = legs.some((l) => l.status === 'rejected')
    ? 'stopped'
    : legs.every((l) => l.status === 'completed')
      ? 'resolved'
      : 'processing';
  const allFinished = assessed.every((a) => a.finished && a.end !== undefined);
  const lastEnd = allFinished ? Math.max(...assessed.map((a) => a.end ?? Number.NEGATIVE_INFINITY)) : undefined;
  const lateLegs = assessed.filter((a) => a.late === true).map(({ end: _end, ...a }) => a);
  const overallEnd = lastEnd ?? asOf;
  const late = dueAt === undefined ? lateLegs.length > 0 : overallEnd !== undefined && overallEnd > dueAt;

  return {
    status,
    late,
    ...(lastEnd === undefined ? {} : { finishedAt: toVietnamIso(lastEnd) }),
    legs: assessed.map(({ end: _end, ...a }) => a),
    lateLegs,
    responsibleAgencies: [...new Set(lateLegs.map((a) => a.agencyCode))],
    issues,
  };
}
