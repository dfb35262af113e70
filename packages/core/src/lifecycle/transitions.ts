/**
 * The lifecycle transition table, as data.
 *
 * @module
 */
import { DOSSIER_STATUS_TO_DVCQG, type DossierStatus } from '@motcua/schemas';

/**
 * The events that move a dossier between statuses.
 *
 * | Event | Vietnamese | Who |
 * |---|---|---|
 * | `receive` | tiếp nhận hồ sơ | one-stop desk |
 * | `reject` | từ chối tiếp nhận | one-stop desk |
 * | `start-processing` | chuyển xử lý | one-stop desk / handling officer |
 * | `request-supplement` | yêu cầu bổ sung hồ sơ | handling officer |
 * | `resubmit` | nộp bổ sung | applicant (received by the desk) |
 * | `request-payment` | yêu cầu thực hiện nghĩa vụ tài chính | handling officer |
 * | `confirm-payment` | hoàn thành nghĩa vụ tài chính | desk / payment platform |
 * | `resolve` | xử lý xong | handling officer |
 * | `return-result` | trả kết quả | one-stop desk |
 * | `withdraw` | rút hồ sơ | applicant |
 * | `stop` | dừng xử lý | competent agency |
 *
 * @example
 * ```ts
 * import { LIFECYCLE_EVENT_TYPES } from '@motcua/core';
 * LIFECYCLE_EVENT_TYPES.length; // 11
 * ```
 * @category Lifecycle
 */
export const LIFECYCLE_EVENT_TYPES: readonly [
  'receive',
  'reject',
  'start-processing',
  'request-supplement',
  'resubmit',
  'request-payment',
  'confirm-payment',
  'resolve',
  'return-result',
  'withdraw',
  'stop',
] = [
  'receive',
  'reject',
  'start-processing',
  'request-supplement',
  'resubmit',
  'request-payment',
  'confirm-payment',
  'resolve',
  'return-result',
  'withdraw',
  'stop',
] as const;

/**
 * One of {@link LIFECYCLE_EVENT_TYPES}.
 *
 * @example
 * ```ts
 * import type { LifecycleEventType } from '@motcua/core';
 * const type: LifecycleEventType = 'request-supplement';
 * ```
 * @category Lifecycle
 */
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

/**
 * One legal move: from a status, an event, to a status.
 *
 * @example
 * ```ts
 * import type { Transition } from '@motcua/core';
 * const t: Transition = { from: 'processing', event: 'resolve', to: 'resolved' };
 * ```
 * @category Lifecycle
 */
export interface Transition {
  /** Status before the event. */
  readonly from: DossierStatus;
  /** The event. */
  readonly event: LifecycleEventType;
  /** Status after the event. */
  readonly to: DossierStatus;
}

/**
 * The status each event leads to. Every event has exactly one target, so an illegal
 * move can always name both states.
 *
 * @example
 * ```ts
 * import { EVENT_TARGET } from '@motcua/core';
 * EVENT_TARGET.resubmit; // 'processing'
 * ```
 * @category Lifecycle
 */
export const EVENT_TARGET: Readonly<Record<LifecycleEventType, DossierStatus>> = Object.freeze({
  receive: 'received',
  reject: 'rejected',
  'start-processing': 'processing',
  'request-supplement': 'supplement-requested',
  resubmit: 'processing',
  'request-payment': 'financial-obligation',
  'confirm-payment': 'processing',
  resolve: 'resolved',
  'return-result': 'returned',
  withdraw: 'withdrawn',
  stop: 'stopped',
});

const row = (from: DossierStatus, event: LifecycleEventType): Transition =>
  Object.freeze({ from, event, to: EVENT_TARGET[event] });

/**
 * Every legal move of a dossier, and nothing else (NĐ 61/2018/NĐ-CP; statuses as
 * DVCQG `TrangThaiHoSo` 1–10, dvcqg-wire.md §4.1):
 *
 * - reception: a submitted dossier (1) is received (2) or refused at reception (3);
 * - processing: received (2) → processing (4) → resolved (9) → result returned (10);
 * - pauses: processing (4) ⇄ supplement requested (5) and ⇄ financial obligation (6);
 *   the deadline clock stops while paused;
 * - the applicant may withdraw (7) any time before the dossier is resolved;
 * - the agency may stop processing (8) a received dossier before it is resolved.
 *
 * `rejected`, `withdrawn`, `stopped` and `returned` are terminal: no event leaves them.
 * The README's table is generated from this constant by {@link transitionTableMarkdown}.
 *
 * @example
 * ```ts
 * import { TRANSITIONS } from '@motcua/core';
 * TRANSITIONS.filter((t) => t.from === 'processing').map((t) => t.event);
 * // ['request-supplement', 'request-payment', 'resolve', 'withdraw', 'stop']
 * ```
 * @category Lifecycle
 */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  row('submitted', 'receive'),
  row('submitted', 'reject'),
  row('submitted', 'withdraw'),
  row('received', 'start-processing'),
  row('received', 'withdraw'),
  row('received', 'stop'),
  row('processing', 'request-supplement'),
  row('processing', 'request-payment'),
  row('processing', 'resolve'),
  row('processing', 'withdraw'),
  row('processing', 'stop'),
  row('supplement-requested', 'resubmit'),
  row('supplement-requested', 'withdraw'),
  row('supplement-requested', 'stop'),
  row('financial-obligation', 'confirm-payment'),
  row('financial-obligation', 'withdraw'),
  row('financial-obligation', 'stop'),
  row('resolved', 'return-result'),
]);

/**
 * Statuses no event leaves: `rejected` (3), `withdrawn` (7), `stopped` (8) and
 * `returned` (10).
 *
 * @example
 * ```ts
 * import { TERMINAL_STATUSES } from '@motcua/core';
 * TERMINAL_STATUSES.has('returned'); // true
 * ```
 * @category Lifecycle
 */
export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'rejected',
  'withdrawn',
  'stopped',
  'returned',
]);

/**
 * The legal move of `event` from `from`, or `undefined` when the table has none.
 *
 * @example
 * ```ts
 * import { findTransition } from '@motcua/core';
 * findTransition('processing', 'resolve')?.to; // 'resolved'
 * findTransition('returned', 'resolve'); // undefined
 * ```
 * @category Lifecycle
 */
export function findTransition(from: DossierStatus, event: LifecycleEventType): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/**
 * The transition table as a Markdown table (status, DVCQG code, event, target), for
 * the README and the docs site. Generated from {@link TRANSITIONS}, so documentation
 * and behaviour cannot drift apart.
 *
 * @example
 * ```ts
 * import { transitionTableMarkdown } from '@motcua/core';
 * transitionTableMarkdown().split('\n')[2]; // '| `submitted`            | 1     | `receive`            | `received`             | 2     |'
 * ```
 * @category Lifecycle
 */
export function transitionTableMarkdown(): string {
  const rows = [
    ['From', 'DVCQG', 'Event', 'To', 'DVCQG'],
    ...TRANSITIONS.map((t) => [
      `\`${t.from}\``,
      DOSSIER_STATUS_TO_DVCQG[t.from],
      `\`${t.event}\``,
      `\`${t.to}\``,
      DOSSIER_STATUS_TO_DVCQG[t.to],
    ]),
  ];
  // Columns padded to their widest cell, as the repository's Markdown formatter lays tables out.
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
