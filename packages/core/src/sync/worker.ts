/**
 * The sync worker: claims outbox messages, delivers them to the portal, acknowledges or
 * schedules a retry, and dead-letters after a bound. Pure logic over two ports — the
 * {@link OutboxStore} and the {@link PortalSender} — so any number of workers in any number
 * of processes can share one outbox.
 *
 * Guarantees (given a store that keeps the `OutboxStore` contract):
 * - **in order per dossier**: a message is only claimable when every earlier message of
 *   its key is done, so a dossier's changes reach the portal one at a time, in enqueue
 *   order — across workers too;
 * - **at least once**: a message is acknowledged only after the portal accepted it; a
 *   worker that dies leaves a lease that expires, and the message is delivered again;
 * - **effect exactly once**: the upsert and the progress rows are idempotent, so a second
 *   delivery changes nothing on the portal.
 *
 * @module
 */
import type { DvcqgProgress } from '@motcua/schemas/dvcqg';
import { CoreError } from '../errors.ts';
import { type Clock, systemClock } from '../ports.ts';
import { type BackoffPolicy, backoffDelay, resolveBackoff } from './backoff.ts';
import { DVCQG_DOSSIER_MESSAGE, DVCQG_PROGRESS_MESSAGE, readDossierPayload, readProgressPayload } from './messages.ts';
import {
  classifyPortalFailure,
  type PortalDossierUpsert,
  type PortalFailure,
  type PortalSender,
} from './portal-port.ts';
import type { ClaimedOutboxMessage, OutboxState, OutboxStore } from './ports.ts';

/**
 * Delivers one message; resolves when the other side accepted it. Must stop when
 * `signal` aborts.
 *
 * @example
 * ```ts
 * import type { SyncHandler } from '@motcua/core';
 * const lgspHandler: SyncHandler = async (message, { signal }) => {
 *   const res = await fetch('https://lgsp.example.gov.vn/Document/SyncDocument', {
 *     method: 'POST', body: JSON.stringify(message.payload), signal,
 *   });
 *   if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { transient: res.status >= 500 });
 * };
 * ```
 * @category Sync
 */
export type SyncHandler = (
  message: ClaimedOutboxMessage,
  context: { portal: PortalSender; signal: AbortSignal },
) => Promise<void>;

/**
 * The handlers of the DVCQG message types: `dvcqg.DongBoHoSoMC` → `portal.upsertDossier`,
 * `dvcqg.CapNhatTienDoHoSoMC` → `portal.sendProgress`. A payload that cannot be read is a
 * permanent failure.
 *
 * @example
 * ```ts
 * import { DVCQG_HANDLERS } from '@motcua/core';
 * Object.keys(DVCQG_HANDLERS); // ['dvcqg.DongBoHoSoMC', 'dvcqg.CapNhatTienDoHoSoMC']
 * ```
 * @category Sync
 */
export const DVCQG_HANDLERS: Readonly<Record<string, SyncHandler>> = Object.freeze({
  [DVCQG_DOSSIER_MESSAGE]: async (message, { portal, signal }) => {
    const payload = permanentOnThrow(() => readDossierPayload(message.payload));
    await portal.upsertDossier(payload, { signal });
  },
  [DVCQG_PROGRESS_MESSAGE]: async (message, { portal, signal }) => {
    const { rows } = permanentOnThrow(() => readProgressPayload(message.payload));
    if (rows.length > 0) await portal.sendProgress(rows, { signal });
  },
});

function permanentOnThrow<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw Object.assign(new Error((error as Error).message), { code: 'SYNC_BAD_PAYLOAD', permanent: true });
  }
}

/**
 * What happened to one delivery, for logs and tests.
 *
 * @example
 * ```ts
 * import type { SyncEvent } from '@motcua/core';
 * const onEvent = (e: SyncEvent) => {
 *   if (e.type === 'dead') console.error(`dead letter ${e.id}: ${e.reason}`);
 * };
 * ```
 * @category Sync
 */
export type SyncEvent =
  | { type: 'delivered'; id: string; key: string; messageType: string; attempts: number; lagMs: number }
  | {
      type: 'retry';
      id: string;
      key: string;
      messageType: string;
      attempts: number;
      reason: string;
      retryAt: string;
    }
  | { type: 'dead'; id: string; key: string; messageType: string; attempts: number; reason: string }
  | { type: 'lease-lost'; id: string; key: string; messageType: string; attempts: number }
  | { type: 'store-error'; operation: 'claim' | 'complete' | 'fail' | 'counts'; reason: string };

/**
 * Options of {@link createSyncWorker}.
 *
 * @example
 * ```ts
 * import type { SyncWorkerOptions, OutboxStore, PortalSender } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * declare const portal: PortalSender;
 * const options: SyncWorkerOptions = {
 *   outbox, portal, worker: 'sync-1', concurrency: 8, leaseMs: 120_000, deliveryTimeoutMs: 45_000,
 *   backoff: { baseMs: 2000, maxAttempts: 15 },
 * };
 * ```
 * @category Sync
 */
export interface SyncWorkerOptions {
  /** The outbox. */
  outbox: OutboxStore;
  /** The portal. */
  portal: PortalSender;
  /** This worker's name in the outbox (default `sync-<random>`). */
  worker?: string | undefined;
  /** Messages in flight at the same time, each of a different dossier (default 32). */
  concurrency?: number | undefined;
  /**
   * Lease of a claimed message, ms (default 120 000). Must exceed `deliveryTimeoutMs` by at
   * least 2 s: the lease must outlive the delivery, or another worker could deliver the
   * same message while this one is still sending it.
   */
  leaseMs?: number | undefined;
  /** Longest one delivery may take before it is aborted and retried, ms (default 60 000). */
  deliveryTimeoutMs?: number | undefined;
  /** Retry policy (default {@link DEFAULT_BACKOFF}). */
  backoff?: Partial<BackoffPolicy> | undefined;
  /**
   * Messages per portal call (default 10, as production sends progress, dvcqg-wire.md
   * §11.3): first attempts of progress messages share one `CapNhatTienDoHoSoMC`, and of
   * dossier upserts with the same create/update hint one `DongBoHoSoMC` (when the sender
   * has `upsertDossiers`). Retries always go alone. 1 turns batching off.
   */
  batchSize?: number | undefined;
  /** How often an idle worker looks for new messages, ms (default 500). */
  pollMs?: number | undefined;
  /** Handlers by message type; merged over {@link DVCQG_HANDLERS}. */
  handlers?: Readonly<Record<string, SyncHandler>> | undefined;
  /** Turns a handler's rejection into a decision (default {@link classifyPortalFailure}). */
  classifyError?: ((error: unknown) => PortalFailure) | undefined;
  /** "Now" for retry times and lag (default the system clock). */
  clock?: Clock | undefined;
  /** Random numbers in [0, 1) for the jitter (default `Math.random`). */
  random?: (() => number) | undefined;
  /** Receives every delivery outcome. */
  onEvent?: ((event: SyncEvent) => void) | undefined;
}

/**
 * This worker's counters since it was created.
 *
 * @example
 * ```ts
 * import type { SyncWorkerStats } from '@motcua/core';
 * declare const s: SyncWorkerStats;
 * console.log(`${s.delivered} delivered, ${s.retries} retries, ${s.deadLettered} dead`);
 * ```
 * @category Sync
 */
export interface SyncWorkerStats {
  /** The worker's name. */
  worker: string;
  /** Whether its loop runs. */
  running: boolean;
  /** Deliveries in progress now. */
  inFlight: number;
  /** Claim calls made to the outbox. */
  claims: number;
  /** Messages claimed. */
  claimed: number;
  /** Messages delivered and acknowledged. */
  delivered: number;
  /** Failed deliveries scheduled for another try. */
  retries: number;
  /** Messages this worker dead-lettered. */
  deadLettered: number;
  /** Acknowledgements refused because the lease had passed to another claim. */
  leaseLost: number;
  /** Failed store operations (the affected leases expire and the messages come back). */
  storeErrors: number;
  /** Enqueue-to-acknowledgement time of the last delivered message, ms. */
  lastDeliveryLagMs?: number | undefined;
  /** Largest enqueue-to-acknowledgement time seen, ms. */
  maxDeliveryLagMs: number;
}

/**
 * The outbox as a whole: what waits, what is being sent, what failed, and how far behind.
 *
 * @example
 * ```ts
 * import type { OutboxMetrics } from '@motcua/core';
 * declare const m: OutboxMetrics;
 * if (m.failed > 0) console.warn(`${m.failed} dead letters wait for an operator`);
 * ```
 * @category Sync
 */
export interface OutboxMetrics {
  /** Messages waiting (new, or scheduled for a retry). */
  pending: number;
  /** Messages claimed by some worker and not yet acknowledged. */
  inFlight: number;
  /** Dead letters: given up on, reason kept; they block their dossier's later messages. */
  failed: number;
  /** Messages delivered. */
  done: number;
  /**
   * Age of the oldest message not yet delivered, ms, when the outbox can tell (it
   * implements {@link OutboxLagSource}); otherwise `undefined`.
   */
  lagMs: number | undefined;
}

/**
 * The sync metrics: the outbox as a whole plus this worker. `lagMs` falls back to this
 * worker's last delivery lag when the outbox cannot tell the age of its oldest message.
 *
 * @example
 * ```ts
 * import type { SyncMetrics } from '@motcua/core';
 * declare const m: SyncMetrics;
 * console.log(m.pending, m.inFlight, m.failed, m.lagMs, m.worker.delivered);
 * ```
 * @category Sync
 */
export interface SyncMetrics extends OutboxMetrics {
  /** This worker. */
  worker: SyncWorkerStats;
}

/**
 * The metrics of an outbox, without a worker (for a status page or `motcua sync status`).
 *
 * @example
 * ```ts
 * import { outboxMetrics, type OutboxStore } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * const { pending, inFlight, failed, lagMs } = await outboxMetrics(outbox);
 * ```
 * @category Sync
 */
export async function outboxMetrics(outbox: OutboxStore, clock: Clock = systemClock): Promise<OutboxMetrics> {
  const counts = await outbox.counts();
  let lagMs: number | undefined;
  const source = outbox as Partial<OutboxLagSource>;
  if (typeof source.oldestOpenEnqueuedAt === 'function') {
    const oldest = await source.oldestOpenEnqueuedAt();
    lagMs = oldest === undefined ? 0 : Math.max(0, clock.now().getTime() - ms(oldest));
  }
  return { pending: counts.pending, inFlight: counts.leased, failed: counts.dead, done: counts.done, lagMs };
}

/**
 * An optional capability of an outbox: the enqueue time of its oldest message that is
 * neither done nor dead, for the lag metric.
 *
 * @example
 * ```ts
 * import type { OutboxLagSource } from '@motcua/core';
 * const source: OutboxLagSource = { oldestOpenEnqueuedAt: async () => '2025-07-01T08:00:00+07:00' };
 * ```
 * @category Sync
 */
export interface OutboxLagSource {
  /** Enqueue time of the oldest open message, or `undefined` when there is none. */
  oldestOpenEnqueuedAt(): Promise<string | Date | undefined>;
}

/**
 * What {@link SyncWorker.runOnce} did.
 *
 * @example
 * ```ts
 * import type { RunOnceResult } from '@motcua/core';
 * const r: RunOnceResult = { claimed: 3, delivered: 2, retried: 1, dead: 0, leaseLost: 0 };
 * ```
 * @category Sync
 */
export interface RunOnceResult {
  /** Messages claimed. */
  claimed: number;
  /** Delivered and acknowledged. */
  delivered: number;
  /** Scheduled for another try. */
  retried: number;
  /** Dead-lettered. */
  dead: number;
  /** Acknowledgements refused (lease passed to another claim). */
  leaseLost: number;
}

/**
 * What {@link SyncWorker.drain} ended with.
 *
 * @example
 * ```ts
 * import type { DrainResult } from '@motcua/core';
 * declare const r: DrainResult;
 * if (!r.drained) console.warn('still pending:', r.counts.pending);
 * ```
 * @category Sync
 */
export interface DrainResult {
  /** Nothing is pending or in flight any more (dead letters may remain). */
  drained: boolean;
  /** The outbox counts at the end. */
  counts: Record<OutboxState, number>;
}

/**
 * Options of {@link SyncWorker.drain}.
 *
 * @example
 * ```ts
 * import type { DrainOptions } from '@motcua/core';
 * const o: DrainOptions = { timeoutMs: 600_000, idleMs: 330_000 };
 * ```
 * @category Sync
 */
export interface DrainOptions {
  /** Give up after this long, ms (default: never). */
  timeoutMs?: number | undefined;
  /**
   * Give up when this worker has had nothing to deliver for this long, ms, although
   * messages remain — they wait behind a dead letter, or for a retry time further away
   * (default: never). Set it above the backoff's `maxMs`.
   */
  idleMs?: number | undefined;
  /** Stop draining (the deliveries in progress finish first). */
  signal?: AbortSignal | undefined;
}

/**
 * A sync worker.
 *
 * @example
 * ```ts
 * import { createSyncWorker, type OutboxStore, type PortalSender } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * declare const portal: PortalSender;
 * const worker = createSyncWorker({ outbox, portal });
 * worker.start();
 * // … on shutdown:
 * await worker.stop();
 * ```
 * @category Sync
 */
export interface SyncWorker {
  /** The worker's name in the outbox. */
  readonly id: string;
  /** Claims one batch (up to `concurrency`), delivers it, and resolves with what happened. */
  runOnce(): Promise<RunOnceResult>;
  /** Starts the background loop (no-op when running). */
  start(): void;
  /** Stops claiming and waits for the deliveries in progress. */
  stop(): Promise<void>;
  /**
   * Runs (starting the loop if needed) until nothing is pending or in flight, or the
   * timeout passes; stops the loop again if it started it. Dead letters do not count as
   * pending, but the messages they block do.
   */
  drain(options?: DrainOptions): Promise<DrainResult>;
  /** The outbox counts plus this worker's counters. */
  metrics(): Promise<SyncMetrics>;
  /** This worker's counters. */
  stats(): SyncWorkerStats;
}

function positiveInt(v: number | undefined, name: string, fallback: number): number {
  const n = v ?? fallback;
  if (!Number.isInteger(n) || n < 1)
    throw new CoreError('INVALID_ARGUMENT', `sync worker: ${name} must be an integer ≥ 1`);
  return n;
}

function isLeaseLost(error: unknown): boolean {
  return error !== null && typeof error === 'object' && (error as { code?: unknown }).code === 'LEASE_LOST';
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function ms(value: string | Date): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/**
 * Creates a sync worker over an outbox and a portal. Checks its options: throws
 * `CoreError` `INVALID_ARGUMENT` when `leaseMs` does not exceed `deliveryTimeoutMs` by 2 s
 * or more, or a count is not a positive integer.
 *
 * @example
 * ```ts
 * import { createSyncWorker, type OutboxStore, type PortalSender } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * declare const portal: PortalSender;
 * const worker = createSyncWorker({ outbox, portal, concurrency: 16, onEvent: (e) => e.type === 'dead' && console.error(e) });
 * const { drained } = await worker.drain({ timeoutMs: 60_000 });
 * console.log(drained, await worker.metrics());
 * ```
 * @category Sync
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { outbox, portal } = options;
  const id = options.worker ?? `sync-${Math.random().toString(36).slice(2, 10)}`;
  const concurrency = positiveInt(options.concurrency, 'concurrency', 32);
  const deliveryTimeoutMs = positiveInt(options.deliveryTimeoutMs, 'deliveryTimeoutMs', 60_000);
  const leaseMs = positiveInt(options.leaseMs, 'leaseMs', 120_000);
  if (leaseMs < deliveryTimeoutMs + 2000) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `sync worker: leaseMs (${leaseMs}) must exceed deliveryTimeoutMs (${deliveryTimeoutMs}) by at least 2000 ms`,
    );
  }
  const pollMs = positiveInt(options.pollMs, 'pollMs', 500);
  const batchSize = positiveInt(options.batchSize, 'batchSize', 10);
  const policy = resolveBackoff(options.backoff);
  const handlers: Readonly<Record<string, SyncHandler>> = { ...DVCQG_HANDLERS, ...(options.handlers ?? {}) };
  const classify = options.classifyError ?? ((e: unknown) => classifyPortalFailure(e));
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const emit = options.onEvent ?? (() => {});

  const stats: SyncWorkerStats = {
    worker: id,
    running: false,
    inFlight: 0,
    claims: 0,
    claimed: 0,
    delivered: 0,
    retries: 0,
    deadLettered: 0,
    leaseLost: 0,
    storeErrors: 0,
    maxDeliveryLagMs: 0,
  };
  const inFlight = new Set<Promise<void>>();
  let loop: Promise<void> | undefined;
  let running = false;
  let wake: (() => void) | undefined;
  // Set when a delivery finished since the loop last claimed: its dossier's next message
  // may be claimable now.
  let woken = false;
  let finishedSinceClaim = 0;

  const signalWake = (): void => {
    woken = true;
    const w = wake;
    wake = undefined;
    w?.();
  };

  type Outcome = 'delivered' | 'retried' | 'dead' | 'lease-lost' | 'store-error';

  async function settle(
    m: ClaimedOutboxMessage,
    op: 'complete' | 'fail',
    run: () => Promise<void>,
  ): Promise<'ok' | 'lease-lost' | 'store-error'> {
    try {
      await run();
      return 'ok';
    } catch (error) {
      if (isLeaseLost(error)) {
        stats.leaseLost++;
        emit({ type: 'lease-lost', id: m.id, key: m.key, messageType: m.type, attempts: m.attempts });
        return 'lease-lost';
      }
      stats.storeErrors++;
      emit({ type: 'store-error', operation: op, reason: reasonOf(error) });
      return 'store-error';
    }
  }

  /** Runs `send` with the delivery deadline: the signal aborts it, and the wait stops. */
  async function attempt(send: (signal: AbortSignal) => Promise<void>): Promise<PortalFailure | undefined> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = Object.assign(new Error(`delivery timed out after ${deliveryTimeoutMs} ms`), {
          code: 'SYNC_DELIVERY_TIMEOUT',
          transient: true,
        });
        controller.abort(error);
        reject(error);
      }, deliveryTimeoutMs);
    });
    try {
      // Stop waiting at the deadline even if the sender ignores the signal.
      await Promise.race([send(controller.signal), timedOut]);
      return undefined;
    } catch (error) {
      return classify(error);
    } finally {
      clearTimeout(timer);
      timedOut.catch(() => {});
    }
  }

  /** Acknowledges, reschedules or dead-letters one message after its delivery. */
  async function conclude(m: ClaimedOutboxMessage, failure: PortalFailure | undefined): Promise<Outcome> {
    const now = clock.now().getTime();
    if (failure === undefined) {
      const r = await settle(m, 'complete', () => outbox.complete(m.id, m.leaseToken));
      if (r !== 'ok') return r;
      const lagMs = Math.max(0, now - ms(m.enqueuedAt));
      stats.delivered++;
      stats.lastDeliveryLagMs = lagMs;
      stats.maxDeliveryLagMs = Math.max(stats.maxDeliveryLagMs, lagMs);
      emit({ type: 'delivered', id: m.id, key: m.key, messageType: m.type, attempts: m.attempts, lagMs });
      return 'delivered';
    }
    const dead = failure.kind === 'permanent' || m.attempts >= policy.maxAttempts;
    if (dead) {
      const reason = `${failure.reason} (after ${m.attempts} attempt${m.attempts === 1 ? '' : 's'})`;
      const r = await settle(m, 'fail', () => outbox.fail(m.id, m.leaseToken, { error: reason, dead: true }));
      if (r !== 'ok') return r;
      stats.deadLettered++;
      emit({ type: 'dead', id: m.id, key: m.key, messageType: m.type, attempts: m.attempts, reason });
      return 'dead';
    }
    const retryAt = new Date(now + backoffDelay(policy, m.attempts, random(), failure.retryAfterMs));
    const r = await settle(m, 'fail', () => outbox.fail(m.id, m.leaseToken, { error: failure.reason, retryAt }));
    if (r !== 'ok') return r;
    stats.retries++;
    emit({
      type: 'retry',
      id: m.id,
      key: m.key,
      messageType: m.type,
      attempts: m.attempts,
      reason: failure.reason,
      retryAt: retryAt.toISOString(),
    });
    return 'retried';
  }

  /** One portal call: a single message through its handler, or a batch of one kind. */
  type Unit =
    | { kind: 'single'; messages: [ClaimedOutboxMessage] }
    | { kind: 'progress'; messages: ClaimedOutboxMessage[] }
    | { kind: 'dossiers'; messages: ClaimedOutboxMessage[]; items: PortalDossierUpsert[] };

  /**
   * Groups a claimed batch into portal calls. Only first attempts are batched: a message
   * that failed before goes alone, so one bad message cannot keep failing its neighbours.
   * Every message of a batch is the head of a different dossier, so a batch never
   * reorders anything.
   */
  function units(batch: readonly ClaimedOutboxMessage[]): Unit[] {
    const out: Unit[] = [];
    const progress: ClaimedOutboxMessage[] = [];
    const creates: Array<[ClaimedOutboxMessage, PortalDossierUpsert]> = [];
    const updates: Array<[ClaimedOutboxMessage, PortalDossierUpsert]> = [];
    for (const m of batch) {
      const batchable = batchSize > 1 && m.attempts <= 1 && options.handlers?.[m.type] === undefined;
      if (batchable && m.type === DVCQG_PROGRESS_MESSAGE) {
        progress.push(m);
        continue;
      }
      if (batchable && m.type === DVCQG_DOSSIER_MESSAGE && portal.upsertDossiers !== undefined) {
        let item: PortalDossierUpsert | undefined;
        try {
          item = readDossierPayload(m.payload);
        } catch {
          item = undefined; // unreadable: the single handler dead-letters it with the reason
        }
        if (item?.exists === false) {
          creates.push([m, item]);
          continue;
        }
        if (item?.exists === true) {
          updates.push([m, item]);
          continue;
        }
      }
      out.push({ kind: 'single', messages: [m] });
    }
    for (let i = 0; i < progress.length; i += batchSize) {
      out.push({ kind: 'progress', messages: progress.slice(i, i + batchSize) });
    }
    for (const group of [creates, updates]) {
      for (let i = 0; i < group.length; i += batchSize) {
        const part = group.slice(i, i + batchSize);
        out.push({ kind: 'dossiers', messages: part.map(([m]) => m), items: part.map(([, item]) => item) });
      }
    }
    return out;
  }

  async function deliver(unit: Unit): Promise<Outcome[]> {
    let failure: PortalFailure | undefined;
    if (unit.kind === 'single') {
      const [m] = unit.messages;
      const handler = handlers[m.type];
      failure =
        handler === undefined
          ? { kind: 'permanent', reason: `SYNC_NO_HANDLER: no handler for message type ${JSON.stringify(m.type)}` }
          : await attempt((signal) => handler(m, { portal, signal }));
    } else if (unit.kind === 'progress') {
      let rows: DvcqgProgress[];
      try {
        rows = unit.messages.flatMap((m) => readProgressPayload(m.payload).rows);
      } catch {
        // A bad payload among them: deliver one by one (the bad one is dead-lettered alone).
        return (await Promise.all(unit.messages.map((m) => deliver({ kind: 'single', messages: [m] })))).flat();
      }
      failure = rows.length === 0 ? undefined : await attempt((signal) => portal.sendProgress(rows, { signal }));
    } else {
      const upsert = portal.upsertDossiers;
      if (upsert === undefined) {
        return (await Promise.all(unit.messages.map((m) => deliver({ kind: 'single', messages: [m] })))).flat();
      }
      failure = await attempt((signal) => upsert.call(portal, unit.items, { signal }));
    }
    return Promise.all(unit.messages.map((m) => conclude(m, failure)));
  }

  let inFlightMessages = 0;

  function launch(batch: readonly ClaimedOutboxMessage[], tally?: RunOnceResult): void {
    for (const unit of units(batch)) {
      const n = unit.messages.length;
      inFlightMessages += n;
      stats.inFlight = inFlightMessages;
      const p: Promise<void> = deliver(unit)
        .then((outcomes) => {
          if (tally === undefined) return;
          for (const outcome of outcomes) {
            if (outcome === 'delivered') tally.delivered++;
            else if (outcome === 'retried') tally.retried++;
            else if (outcome === 'dead') tally.dead++;
            else if (outcome === 'lease-lost') tally.leaseLost++;
          }
        })
        .finally(() => {
          inFlightMessages -= n;
          stats.inFlight = inFlightMessages;
          finishedSinceClaim += n;
          inFlight.delete(p);
          signalWake();
        });
      inFlight.add(p);
    }
  }

  async function claim(limit: number): Promise<ClaimedOutboxMessage[]> {
    stats.claims++;
    try {
      const batch = await outbox.claim({ worker: id, limit, leaseMs });
      stats.claimed += batch.length;
      return batch;
    } catch (error) {
      stats.storeErrors++;
      emit({ type: 'store-error', operation: 'claim', reason: reasonOf(error) });
      return [];
    }
  }

  function sleep(delay: number): Promise<void> {
    if (woken) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        resolve();
      };
      const t = setTimeout(() => {
        if (wake === done) wake = undefined;
        resolve();
      }, delay);
      wake = done;
    });
  }

  // A claim scans the outbox, so it is not made for every finished delivery: the worker
  // claims when at least `minBatch` slots are free (and either the last claim was full, or
  // `minBatch` deliveries finished since — each may free its dossier's next message), or
  // when the poll interval has passed.
  const minBatch = Math.max(1, Math.ceil(concurrency / 4));

  async function run(): Promise<void> {
    let lastClaimAt = Number.NEGATIVE_INFINITY;
    let lastFull = true;
    while (running) {
      woken = false;
      const free = concurrency - inFlightMessages;
      const sinceClaim = Date.now() - lastClaimAt;
      const due =
        free >= minBatch
          ? lastFull || finishedSinceClaim >= minBatch || sinceClaim >= pollMs
          : free > 0 && sinceClaim >= pollMs;
      if (due) {
        lastClaimAt = Date.now();
        finishedSinceClaim = 0;
        const batch = await claim(free);
        launch(batch);
        lastFull = batch.length === free;
        // A full batch means there may be more at once.
        if (lastFull) continue;
      }
      if (!running) break;
      await sleep(free > 0 ? Math.max(1, pollMs - (Date.now() - lastClaimAt)) : pollMs);
    }
  }

  const worker: SyncWorker = {
    id,
    async runOnce() {
      const tally: RunOnceResult = { claimed: 0, delivered: 0, retried: 0, dead: 0, leaseLost: 0 };
      const batch = await claim(concurrency);
      tally.claimed = batch.length;
      launch(batch, tally);
      await Promise.all([...inFlight]);
      return tally;
    },
    start() {
      if (running) return;
      running = true;
      stats.running = true;
      loop = run();
    },
    async stop() {
      running = false;
      stats.running = false;
      signalWake();
      await loop;
      loop = undefined;
      await Promise.all([...inFlight]);
    },
    async drain(o = {}) {
      const startedHere = !running;
      worker.start();
      const deadline = o.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + o.timeoutMs;
      let counts: Record<OutboxState, number>;
      let busySince = Date.now();
      let seen = stats.claimed;
      try {
        for (;;) {
          if (o.signal?.aborted === true) {
            if (startedHere) await worker.stop();
            else await Promise.all([...inFlight]);
            counts = await outbox.counts();
            return { drained: counts.pending + counts.leased === 0, counts };
          }
          if (inFlight.size > 0 || stats.claimed !== seen) {
            busySince = Date.now();
            seen = stats.claimed;
          }
          const idle = o.idleMs !== undefined && inFlight.size === 0 && Date.now() - busySince >= o.idleMs;
          // While this worker holds leases the outbox cannot be empty: count only when idle
          // (counting scans the outbox).
          if (inFlight.size === 0 || Date.now() >= deadline) {
            counts = await outbox.counts();
            if (counts.pending + counts.leased === 0 && inFlight.size === 0) return { drained: true, counts };
            if (Date.now() >= deadline || idle) return { drained: false, counts };
          }
          await new Promise<void>((r) => {
            const t = setTimeout(r, Math.max(pollMs, 100));
            o.signal?.addEventListener(
              'abort',
              () => {
                clearTimeout(t);
                r();
              },
              { once: true },
            );
          });
        }
      } finally {
        if (startedHere) await worker.stop();
      }
    },
    async metrics() {
      const m = await outboxMetrics(outbox, clock);
      return { ...m, lagMs: m.lagMs ?? stats.lastDeliveryLagMs, worker: worker.stats() };
    },
    stats: () => ({ ...stats }),
  };
  return worker;
}
