/**
 * Reconciliation: compare the local dossiers with what the portal holds (`TraCuuHoSo`) and
 * put the differences back in the outbox. The safety net for whatever an outbox cannot
 * see — a dossier changed outside the application, a portal that lost data, a dead letter
 * an operator discarded.
 *
 * @module
 */
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { CoreError } from '../errors.ts';
import { DVCQG_DOSSIER_MESSAGE, DVCQG_PROGRESS_MESSAGE } from './messages.ts';
import type { PortalCallOptions, PortalSender } from './portal-port.ts';
import type { OutboxStore } from './ports.ts';

/**
 * A local dossier as the portal should hold it, with all its progress rows.
 *
 * @example
 * ```ts
 * import type { LocalDossierRecord } from '@motcua/core';
 * const r: LocalDossierRecord = {
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '4', NgayTiepNhan: '20250701083000' },
 *   progress: [{ MaHoSo: '000.00.00.H56-250701-0001', ThoiDiemXuLy: '20250701083000', TrangThai: '2' }],
 * };
 * ```
 * @category Sync
 */
export interface LocalDossierRecord {
  /** The dossier (wire form). */
  dossier: DvcqgDossier;
  /** Every progress row of the dossier, in order; re-sent with a differing dossier. */
  progress?: readonly DvcqgProgress[] | undefined;
}

/**
 * One dossier that is not on the portal as it is locally.
 *
 * @example
 * ```ts
 * import type { ReconcileDifference } from '@motcua/core';
 * declare const d: ReconcileDifference;
 * if (d.kind === 'different') console.log(d.maHoSo, d.fields.join(', '));
 * ```
 * @category Sync
 */
export interface ReconcileDifference {
  /** `MaHoSo`. */
  maHoSo: string;
  /** `missing`: the portal has no such dossier; `different`: fields differ; `lookup-failed`: `TraCuuHoSo` failed. */
  kind: 'missing' | 'different' | 'lookup-failed';
  /** The top-level fields that differ (for `different`). */
  fields: string[];
  /** Why the look-up failed (for `lookup-failed`). */
  reason?: string | undefined;
  /** The local record. */
  local: LocalDossierRecord;
}

/**
 * The result of {@link reconcile}.
 *
 * @example
 * ```ts
 * import type { ReconcileReport } from '@motcua/core';
 * declare const r: ReconcileReport;
 * console.log(`${r.checked} checked, ${r.same} in sync, ${r.differences.length} to fix`);
 * ```
 * @category Sync
 */
export interface ReconcileReport {
  /** Local dossiers checked. */
  checked: number;
  /** Of those, how many the portal holds as they are locally. */
  same: number;
  /** The others, in input order. */
  differences: ReconcileDifference[];
}

type Scalar = string | number | boolean | null;

/** Values that mean the same on the wire: `""`, `null` and absent; `4` and `"4"`. */
function normalize(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const n = normalize((v as Record<string, unknown>)[k]);
      if (n !== null) out[k] = n;
    }
    return out;
  }
  return v as Scalar;
}

/**
 * The top-level fields of `local` whose values the portal's copy does not match. Fields
 * only the portal has are ignored (it may add its own); `""`, `null` and absent are the
 * same; numbers and digit strings are the same (`4` = `"4"`); objects and arrays compare
 * by content, key order ignored.
 *
 * @example
 * ```ts
 * import { compareDossiers } from '@motcua/core';
 * compareDossiers({ MaHoSo: 'HS-1', TrangThaiHoSo: '4', NgayTra: '' }, { MaHoSo: 'HS-1', TrangThaiHoSo: 4, Extra: 1 }); // []
 * compareDossiers({ MaHoSo: 'HS-1', TrangThaiHoSo: '9' }, { MaHoSo: 'HS-1', TrangThaiHoSo: '4' }); // ['TrangThaiHoSo']
 * ```
 * @category Sync
 */
export function compareDossiers(
  local: Readonly<Record<string, unknown>>,
  portal: Readonly<Record<string, unknown>>,
): string[] {
  const out: string[] = [];
  for (const k of Object.keys(local)) {
    const a = normalize(local[k]);
    if (a === null && portal[k] === undefined) continue;
    if (JSON.stringify(a) !== JSON.stringify(normalize(portal[k]))) out.push(k);
  }
  return out;
}

/**
 * Options of {@link reconcile}.
 *
 * @example
 * ```ts
 * import type { ReconcileOptions } from '@motcua/core';
 * const o: ReconcileOptions = { concurrency: 4 };
 * ```
 * @category Sync
 */
export interface ReconcileOptions extends PortalCallOptions {
  /** Look-ups at the same time (default 4). */
  concurrency?: number | undefined;
  /** The comparison (default {@link compareDossiers}). */
  compare?:
    | ((local: Readonly<Record<string, unknown>>, portal: Readonly<Record<string, unknown>>) => string[])
    | undefined;
}

/**
 * Looks every local dossier up on the portal (`TraCuuHoSo`) and reports the ones that are
 * missing or differ. Changes nothing: pass the report to {@link enqueueReconciliation}. A
 * failed look-up is reported (`lookup-failed`), not thrown.
 *
 * Run it when the outbox is empty (`counts()`: nothing pending or leased): a dossier whose
 * newer change is still in the outbox looks different, and re-enqueuing an older snapshot
 * read before that change would put it after the change.
 *
 * @example
 * ```ts
 * import { reconcile, type LocalDossierRecord, type PortalSender } from '@motcua/core';
 * declare const portal: PortalSender;
 * declare const local: LocalDossierRecord[];
 * const report = await reconcile(local, portal);
 * for (const d of report.differences) console.log(d.kind, d.maHoSo, d.fields);
 * ```
 * @category Sync
 */
export async function reconcile(
  local: Iterable<LocalDossierRecord> | AsyncIterable<LocalDossierRecord>,
  portal: Pick<PortalSender, 'lookUpDossier'>,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new CoreError('INVALID_ARGUMENT', 'reconcile: concurrency must be an integer ≥ 1');
  }
  const compare = options.compare ?? compareDossiers;
  const callOptions: PortalCallOptions = options.signal === undefined ? {} : { signal: options.signal };
  const results: Array<ReconcileDifference | null> = [];
  const running = new Set<Promise<void>>();
  let index = 0;

  const check = async (record: LocalDossierRecord, at: number): Promise<void> => {
    const maHoSo = record.dossier.MaHoSo;
    try {
      const remote = await portal.lookUpDossier(maHoSo, callOptions);
      if (remote === undefined) {
        results[at] = { maHoSo, kind: 'missing', fields: [], local: record };
        return;
      }
      const fields = compare(record.dossier, remote);
      results[at] = fields.length === 0 ? null : { maHoSo, kind: 'different', fields, local: record };
    } catch (error) {
      results[at] = {
        maHoSo,
        kind: 'lookup-failed',
        fields: [],
        reason: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        local: record,
      };
    }
  };

  for await (const record of local) {
    if (typeof record?.dossier?.MaHoSo !== 'string' || record.dossier.MaHoSo === '') {
      throw new CoreError('INVALID_ARGUMENT', `reconcile: local record ${index} has no dossier.MaHoSo`);
    }
    options.signal?.throwIfAborted();
    const p: Promise<void> = check(record, index++).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  const differences = results.filter((r): r is ReconcileDifference => r !== null && r !== undefined);
  return { checked: index, same: index - differences.length, differences };
}

/**
 * Puts the fixable differences of a report back in the outbox: for each `missing` or
 * `different` dossier, an upsert of the local dossier and then all its progress rows, keyed
 * by `MaHoSo` (so they queue behind anything still pending for it). Ids are
 * `reconcile:<runId>:<MaHoSo>:dossier|progress`, so running the same reconciliation twice
 * enqueues once. `lookup-failed` dossiers are skipped (reconcile again later).
 *
 * @example
 * ```ts
 * import { enqueueReconciliation, reconcile, type LocalDossierRecord, type OutboxStore, type PortalSender } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * declare const portal: PortalSender;
 * declare const local: LocalDossierRecord[];
 * const report = await reconcile(local, portal);
 * const { enqueued } = await enqueueReconciliation(outbox, report, { runId: '2025-07-01T02:00' });
 * ```
 * @category Sync
 */
export async function enqueueReconciliation(
  outbox: Pick<OutboxStore, 'enqueue'>,
  report: ReconcileReport,
  options: { runId: string },
): Promise<{ dossiers: number; enqueued: number }> {
  if (typeof options.runId !== 'string' || options.runId === '') {
    throw new CoreError('INVALID_ARGUMENT', 'enqueueReconciliation: runId is empty');
  }
  let dossiers = 0;
  let enqueued = 0;
  for (const d of report.differences) {
    if (d.kind === 'lookup-failed') continue;
    dossiers++;
    const base = `reconcile:${options.runId}:${d.maHoSo}`;
    const r = await outbox.enqueue({
      id: `${base}:dossier`,
      key: d.maHoSo,
      type: DVCQG_DOSSIER_MESSAGE,
      payload: { dossier: d.local.dossier, exists: d.kind === 'different' },
    });
    if (r.enqueued) enqueued++;
    const rows = d.local.progress ?? [];
    if (rows.length > 0) {
      const p = await outbox.enqueue({
        id: `${base}:progress`,
        key: d.maHoSo,
        type: DVCQG_PROGRESS_MESSAGE,
        payload: { rows: [...rows] },
      });
      if (p.enqueued) enqueued++;
    }
  }
  return { dossiers, enqueued };
}
