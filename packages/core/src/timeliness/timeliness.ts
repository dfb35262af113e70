/**
 * Timeliness of one dossier as QĐ 766/QĐ-TTg indicator 2.1 ("Xử lý trước hạn, đúng
 * hạn") measures it, and the summary figures provinces report.
 *
 * @module
 */
import { CoreError } from '../errors.ts';
import { instantMs, toVietnamIso, vietnamDay } from '../lifecycle/instant.ts';

/**
 * A DVCQG status code (`TrangThaiHoSo` / progress `TrangThai`, dvcqg-wire.md §4.1),
 * as a number or as the string the wire sends (`"9"`).
 *
 * @example
 * ```ts
 * import type { DvcqgStatusInput } from '@motcua/core';
 * const resolved: DvcqgStatusInput = '9';
 * ```
 * @category Timeliness
 */
export type DvcqgStatusInput = number | string;

/**
 * One progress row (`CapNhatTienDoHoSoMC` → `TrangThai` + `ThoiDiemXuLy`,
 * dvcqg-wire.md §6), or one event of the lifecycle history.
 *
 * @example
 * ```ts
 * import type { TimelinessProgressRow } from '@motcua/core';
 * const row: TimelinessProgressRow = { status: 9, at: '2025-07-08T10:00:00+07:00' };
 * ```
 * @category Timeliness
 */
export interface TimelinessProgressRow {
  /** DVCQG status code 1–10. */
  status: DvcqgStatusInput;
  /** When the step happened (ISO 8601 with offset, or a `Date`). */
  at: string | Date;
}

/**
 * One supplement round (`DanhSachHoSoBoSung[]`, dvcqg-wire.md §5.4): when the
 * supplement was requested (`NgayBoSung`) and when the applicant's supplement was
 * received (`NgayTiepNhanBoSung`; absent while still waiting).
 *
 * @example
 * ```ts
 * import type { TimelinessSupplementRound } from '@motcua/core';
 * const round: TimelinessSupplementRound = {
 *   requestedAt: '2025-07-02T09:00:00+07:00',
 *   resubmittedAt: '2025-07-04T09:00:00+07:00',
 * };
 * ```
 * @category Timeliness
 */
export interface TimelinessSupplementRound {
  /** `NgayBoSung`: the request. */
  requestedAt: string | Date;
  /** `NgayTiepNhanBoSung`: the supplement received; absent while waiting. */
  resubmittedAt?: string | Date;
}

/**
 * The minimal facts indicator 2.1 reads, so the same function serves the lifecycle
 * and DVCQG wire data (`NgayTiepNhan`, `NgayHenTra`, progress rows, supplement rounds).
 *
 * `dueAt` is the appointment date **before** any shift for supplements: the formula
 * subtracts supplement time from the end instead. From the lifecycle pass
 * `initialDueAt`; from wire data pass the first round's `NgayHenTraTruoc` when there
 * is one, else `NgayHenTra`. (Passing a due date already shifted by the wait would
 * count the wait twice.)
 *
 * @example
 * ```ts
 * import type { TimelinessInput } from '@motcua/core';
 * const input: TimelinessInput = {
 *   receivedAt: '2025-07-01T08:00:00+07:00',
 *   dueAt: '2025-07-08T17:00:00+07:00',
 *   progress: [
 *     { status: 2, at: '2025-07-01T08:00:00+07:00' },
 *     { status: 9, at: '2025-07-07T15:00:00+07:00' },
 *     { status: 10, at: '2025-07-08T09:00:00+07:00' },
 *   ],
 * };
 * ```
 * @category Timeliness
 */
export interface TimelinessInput {
  /** `NgayTiepNhan` (fallback `NgayNopHoSo`): when the clock starts. */
  receivedAt: string | Date;
  /** `NgayHenTra`, not shifted for supplements; see above. */
  dueAt?: string | Date;
  /**
   * Used only without `dueAt`: the instant the procedure's statutory maximum gives
   * from `receivedAt` (computed with the working-day calendar). Indicator 2.1 then
   * checks `end − start − supplement time ≤ statutory maximum`, which is the same as
   * `end − supplement time ≤ statutoryDueAt`.
   */
  statutoryDueAt?: string | Date;
  /** Progress rows (any order). The processing end is chosen from them by status priority. */
  progress: readonly TimelinessProgressRow[];
  /**
   * Supplement rounds. When absent, they are read from the progress rows: a round runs
   * from a row with status 5 to the next row with another status.
   */
  supplementRounds?: readonly TimelinessSupplementRound[];
  /** `NgayKetThucXuLy`, used only when no progress row has status 9, 10, 8 or 3. */
  processingEndAt?: string | Date;
  /** For unfinished dossiers: report whether they are already overdue at this instant. */
  asOf?: string | Date;
}

/**
 * The verdict of indicator 2.1 on one dossier.
 *
 * | Outcome | Meaning |
 * |---|---|
 * | `early` | trước hạn: finished (supplement time subtracted) on a Vietnam calendar day before the due day |
 * | `on-time` | đúng hạn: finished on the due day, not after the due instant |
 * | `late` | quá hạn: finished after the due instant, or more than one supplement request |
 * | `unfinished` | no processing end yet (see `overdue` when `asOf` was given) |
 * | `withdrawn` | the applicant withdrew (status 7) before any end status: not counted |
 * | `no-deadline` | finished, but neither `dueAt` nor `statutoryDueAt` was given |
 *
 * @example
 * ```ts
 * import type { TimelinessOutcome } from '@motcua/core';
 * const outcome: TimelinessOutcome = 'on-time';
 * ```
 * @category Timeliness
 */
export type TimelinessOutcome = 'early' | 'on-time' | 'late' | 'unfinished' | 'withdrawn' | 'no-deadline';

/**
 * Why a dossier is late: after the due instant, or more than one supplement request
 * (QĐ 766 indicator 2.1: "more than one counts as overdue").
 *
 * @example
 * ```ts
 * import type { LateReason } from '@motcua/core';
 * const reason: LateReason = 'multiple-supplement-requests';
 * ```
 * @category Timeliness
 */
export type LateReason = 'after-due' | 'multiple-supplement-requests';

/**
 * The result of {@link assessTimeliness}: the outcome and every intermediate value of
 * the formula, so a report can show its work. Instants are rendered in Vietnam time.
 *
 * @example
 * ```ts
 * import type { TimelinessResult } from '@motcua/core';
 * const result: TimelinessResult = {
 *   outcome: 'early',
 *   supplementMs: 0,
 *   supplementRequests: 0,
 *   basis: 'due-date',
 *   lateReasons: [],
 * };
 * ```
 * @category Timeliness
 */
export interface TimelinessResult {
  /** The verdict. */
  outcome: TimelinessOutcome;
  /** The processing end chosen by status priority (9 > 10 > 8 / 3), or `NgayKetThucXuLy`. */
  endAt?: string;
  /** The status of the row that gave `endAt`; absent when `processingEndAt` was used. */
  endStatus?: 9 | 10 | 8 | 3;
  /** Supplement waiting time subtracted, in milliseconds (overlapping rounds counted once). */
  supplementMs: number;
  /** Number of supplement requests seen (the larger of the rounds and the status-5 episodes in progress). */
  supplementRequests: number;
  /** `endAt` minus the supplement time: what is compared with the deadline. */
  effectiveEndAt?: string;
  /** The deadline compared with: `dueAt`, else `statutoryDueAt`. */
  deadlineAt?: string;
  /** Which deadline was used. */
  basis: 'due-date' | 'statutory-maximum' | 'none';
  /** Why the dossier is late (empty unless `outcome` is `late`). */
  lateReasons: readonly LateReason[];
  /**
   * Resolved (end status 9 or 10) in less than half the legal time: effective
   * processing time `< (deadline − received) / 2`. Absent when not resolved or
   * without a deadline; `false` for late dossiers.
   */
  withinHalfTime?: boolean;
  /** Unfinished dossiers with `asOf`: `asOf − supplement time` is after the deadline, or > 1 request. */
  overdue?: boolean;
}

const END_PRIORITY: readonly (readonly (9 | 10 | 8 | 3)[])[] = [[9], [10], [8, 3]];
const SUPPLEMENT_REQUESTED = 5;
const WITHDRAWN = 7;

interface Row {
  status: number;
  at: number;
  index: number;
}

function statusOf(value: DvcqgStatusInput, index: number): number {
  const status = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(status) || status < 1 || status > 10) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `progress[${index}].status: expected a DVCQG status 1–10, got ${JSON.stringify(value)}`,
    );
  }
  return status;
}

/** Merge intervals and sum their lengths, so overlapping rounds are subtracted once. */
function unionLength(intervals: [number, number][]): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let currentStart = Number.NEGATIVE_INFINITY;
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const [start, end] of sorted) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/**
 * Judge one dossier exactly as QĐ 766/QĐ-TTg indicator **2.1** ("Xử lý trước hạn, đúng
 * hạn", DVCQG's formula description; dvcqg-wire.md §4.3) does:
 *
 * 1. **Processing end** (`NgayKetThucXuLy`): from the progress rows by status priority
 *    Đã xử lý xong (9) > Đã trả kết quả (10) > Dừng xử lý (8) / Từ chối (3); within the
 *    chosen priority, the earliest row. Without such a row, `processingEndAt`.
 * 2. **Supplement time** is subtracted: every supplement round's wait, from the request
 *    to the received supplement (or to the end, if the dossier ended while waiting),
 *    clamped to `[receivedAt, end]`.
 * 3. **One supplement request stops the clock; more than one counts as overdue**, what
 *    ever the dates say.
 * 4. **On time** when `end − supplement time ≤ NgayHenTra`. Without `NgayHenTra`,
 *    `end − start − supplement time ≤ statutory maximum` (pass `statutoryDueAt`).
 * 5. Early vs on time splits "on time" at Vietnam-calendar-day granularity, like the
 *    provinces' local 766 counters (indicators-766.md §5.2): early when the effective
 *    end falls on a day before the due day.
 *
 * It also gives the "resolved in less than half the legal time" flag provinces report
 * (`withinHalfTime`). Its exact definition is not in the formula description; here it
 * is `effective processing time < (deadline − received) / 2`, in elapsed time.
 *
 * Pure: no clock, no I/O; throws `CoreError` `INVALID_ARGUMENT` on malformed input.
 *
 * @example
 * ```ts
 * import { assessTimeliness } from '@motcua/core';
 * const result = assessTimeliness({
 *   receivedAt: '2025-07-01T08:00:00+07:00',
 *   dueAt: '2025-07-08T17:00:00+07:00',
 *   progress: [
 *     { status: 2, at: '2025-07-01T08:00:00+07:00' },
 *     { status: 5, at: '2025-07-02T08:00:00+07:00' },
 *     { status: 4, at: '2025-07-04T08:00:00+07:00' },
 *     { status: 9, at: '2025-07-10T10:00:00+07:00' },
 *   ],
 * });
 * result.outcome; // 'on-time': 10 July minus the 2-day wait is 8 July 10:00
 * result.supplementRequests; // 1
 * ```
 * @category Timeliness
 */
export function assessTimeliness(input: TimelinessInput): TimelinessResult {
  const receivedAt = instantMs(input.receivedAt, 'receivedAt');
  const rows: Row[] = input.progress
    .map((row, index) => ({
      status: statusOf(row.status, index),
      at: instantMs(row.at, `progress[${index}].at`),
      index,
    }))
    .sort((a, b) => a.at - b.at || a.index - b.index);

  // 1. Processing end by status priority.
  let end: number | undefined;
  let endStatus: 9 | 10 | 8 | 3 | undefined;
  for (const statuses of END_PRIORITY) {
    const row = rows.find((r) => (statuses as readonly number[]).includes(r.status));
    if (row !== undefined) {
      end = row.at;
      endStatus = row.status as 9 | 10 | 8 | 3;
      break;
    }
  }
  if (end === undefined && input.processingEndAt !== undefined)
    end = instantMs(input.processingEndAt, 'processingEndAt');

  // 3. Count supplement requests: rounds, and status-5 episodes in the progress rows.
  let episodes = 0;
  const derivedRounds: [number, number | undefined][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const previous = rows[i - 1];
    if (row.status === SUPPLEMENT_REQUESTED && previous?.status !== SUPPLEMENT_REQUESTED) {
      episodes++;
      const resumed = rows.slice(i + 1).find((r) => r.status !== SUPPLEMENT_REQUESTED);
      derivedRounds.push([row.at, resumed?.at]);
    }
  }
  const givenRounds: [number, number | undefined][] | undefined = input.supplementRounds?.map((round, index) => [
    instantMs(round.requestedAt, `supplementRounds[${index}].requestedAt`),
    round.resubmittedAt === undefined
      ? undefined
      : instantMs(round.resubmittedAt, `supplementRounds[${index}].resubmittedAt`),
  ]);
  const rounds = givenRounds ?? derivedRounds;
  const supplementRequests = Math.max(rounds.length, episodes);

  // 2. Supplement time, clamped to [received, end or asOf].
  const asOf = input.asOf === undefined ? undefined : instantMs(input.asOf, 'asOf');
  const horizon = end ?? asOf;
  const supplementMs =
    horizon === undefined
      ? 0
      : unionLength(
          rounds.map(([from, to]): [number, number] => [Math.max(from, receivedAt), Math.min(to ?? horizon, horizon)]),
        );

  // 4. The deadline.
  let deadline: number | undefined;
  let basis: TimelinessResult['basis'] = 'none';
  if (input.dueAt !== undefined) {
    deadline = instantMs(input.dueAt, 'dueAt');
    basis = 'due-date';
  } else if (input.statutoryDueAt !== undefined) {
    deadline = instantMs(input.statutoryDueAt, 'statutoryDueAt');
    basis = 'statutory-maximum';
  }

  const multiple = supplementRequests > 1;
  const result: TimelinessResult = {
    outcome: 'unfinished',
    supplementMs,
    supplementRequests,
    basis,
    lateReasons: [],
  };
  if (deadline !== undefined) result.deadlineAt = toVietnamIso(deadline);

  if (end === undefined) {
    if (rows.some((r) => r.status === WITHDRAWN)) {
      result.outcome = 'withdrawn';
      return result;
    }
    if (asOf !== undefined && (multiple || (deadline !== undefined && asOf - supplementMs > deadline))) {
      result.overdue = true;
    } else if (asOf !== undefined) {
      result.overdue = false;
    }
    return result;
  }

  const effectiveEnd = end - supplementMs;
  result.endAt = toVietnamIso(end);
  if (endStatus !== undefined) result.endStatus = endStatus;
  result.effectiveEndAt = toVietnamIso(effectiveEnd);

  const lateReasons: LateReason[] = [];
  if (deadline !== undefined && effectiveEnd > deadline) lateReasons.push('after-due');
  if (multiple) lateReasons.push('multiple-supplement-requests');
  result.lateReasons = lateReasons;

  if (lateReasons.length > 0) result.outcome = 'late';
  else if (deadline === undefined) result.outcome = 'no-deadline';
  else result.outcome = vietnamDay(effectiveEnd) < vietnamDay(deadline) ? 'early' : 'on-time';

  if ((endStatus === 9 || endStatus === 10) && deadline !== undefined) {
    result.withinHalfTime = lateReasons.length === 0 && effectiveEnd - receivedAt < (deadline - receivedAt) / 2;
  }
  return result;
}

/**
 * Counts and rates over many {@link TimelinessResult}s, as a province or ministry
 * reports them for indicator 2.1. Rates are percentages rounded to 2 decimals (the
 * 766 scoring rules); a zero denominator gives `null` (N/A).
 *
 * @example
 * ```ts
 * import type { TimelinessSummary } from '@motcua/core';
 * const summary: TimelinessSummary = {
 *   total: 4, early: 1, onTime: 1, late: 1, unfinished: 1, withdrawn: 0, noDeadline: 0,
 *   finished: 3, onTimeRate: 66.67, withinHalfTime: 1, withinHalfTimeRate: 33.33,
 * };
 * ```
 * @category Timeliness
 */
export interface TimelinessSummary {
  /** Every result given. */
  total: number;
  /** Trước hạn. */
  early: number;
  /** Đúng hạn. */
  onTime: number;
  /** Quá hạn. */
  late: number;
  /** Not finished yet. */
  unfinished: number;
  /** Withdrawn before any end status. */
  withdrawn: number;
  /** Finished without a deadline to compare with. */
  noDeadline: number;
  /** `early + onTime + late`: the denominator of the rates. */
  finished: number;
  /** `(early + onTime) / finished`, percent, 2 decimals; `null` when nothing finished. */
  onTimeRate: number | null;
  /** Resolved in less than half the legal time. */
  withinHalfTime: number;
  /** `withinHalfTime / finished`, percent, 2 decimals; `null` when nothing finished. */
  withinHalfTimeRate: number | null;
}

function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 100;
}

/**
 * Summarise many dossiers' timeliness: the counts behind QĐ 766 indicator **2.1**
 * (early, on time, late) and the "resolved in less than half the legal time" figure.
 *
 * @example
 * ```ts
 * import { assessTimeliness, summarizeTimeliness } from '@motcua/core';
 * const result = assessTimeliness({
 *   receivedAt: '2025-07-01T08:00:00+07:00',
 *   dueAt: '2025-07-15T17:00:00+07:00',
 *   progress: [{ status: 9, at: '2025-07-03T10:00:00+07:00' }],
 * });
 * summarizeTimeliness([result]).onTimeRate; // 100
 * summarizeTimeliness([result]).withinHalfTime; // 1
 * ```
 * @category Timeliness
 */
export function summarizeTimeliness(results: Iterable<TimelinessResult>): TimelinessSummary {
  const summary: TimelinessSummary = {
    total: 0,
    early: 0,
    onTime: 0,
    late: 0,
    unfinished: 0,
    withdrawn: 0,
    noDeadline: 0,
    finished: 0,
    onTimeRate: null,
    withinHalfTime: 0,
    withinHalfTimeRate: null,
  };
  for (const result of results) {
    summary.total++;
    switch (result.outcome) {
      case 'early':
        summary.early++;
        break;
      case 'on-time':
        summary.onTime++;
        break;
      case 'late':
        summary.late++;
        break;
      case 'unfinished':
        summary.unfinished++;
        break;
      case 'withdrawn':
        summary.withdrawn++;
        break;
      case 'no-deadline':
        summary.noDeadline++;
        break;
    }
    if (result.withinHalfTime === true) summary.withinHalfTime++;
  }
  summary.finished = summary.early + summary.onTime + summary.late;
  summary.onTimeRate = percent(summary.early + summary.onTime, summary.finished);
  summary.withinHalfTimeRate = percent(summary.withinHalfTime, summary.finished);
  return summary;
}
