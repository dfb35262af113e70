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
import { CoreError } from '../errors.ts';
import { type Clock, systemClock } from '../ports.ts';
import { type BackoffPolicy, backoffDelay, resolveBackoff } from './backoff.ts';
import { DVCQG_DOSSIER_MESSAGE, DVCQG_PROGRESS_MESSAGE, readDossierPayload, readProgressPayload } from './messages.ts';
import { classifyPortalFailure, type PortalFailure, type PortalSender } from './portal-port.ts';
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
  /** Deliveries at the same time, each of a different dossier (default 8). */
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
 * The sync metrics: the outbox as a whole plus this worker.
 *
 * @example
 * ```ts
 * import type { SyncMetrics } from '@motcua/core';
 * declare const m: SyncMetrics;
 * if (m.failed > 0) console.warn(`${m.failed} dead letters wait for an operator`);
 * ```
 * @category Sync
 */
export interface SyncMetrics {
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
   * implements {@link OutboxLagSource}); otherwise this worker's last delivery lag.
   */
  lagMs: number | undefined;
  /** This worker. */
  worker: SyncWorkerStats;
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
  drain(options?: { timeoutMs?: number | undefined }): Promise<DrainResult>;
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
  const concurrency = positiveInt(options.concurrency, 'concurrency', 8);
  const deliveryTimeoutMs = positiveInt(options.deliveryTimeoutMs, 'deliveryTimeoutMs', 60_000);
  const leaseMs = positiveInt(options.leaseMs, 'leaseMs', 120_000);
  if (leaseMs < deliveryTimeoutMs + 2000) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `sync worker: leaseMs (${leaseMs}) must exceed deliveryTimeoutMs (${deliveryTimeoutMs}) by at least 2000 ms`,
    );
  }
  const pollMs = positiveInt(options.pollMs, 'pollMs', 500);
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

  async function deliver(m: ClaimedOutboxMessage): Promise<Outcome> {
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
    let failure: PortalFailure | undefined;
    try {
      const handler = handlers[m.type];
      if (handler === undefined) {
        failure = {
          kind: 'permanent',
          reason: `SYNC_NO_HANDLER: no handler for message type ${JSON.stringify(m.type)}`,
        };
      } else {
        // Stop waiting at the deadline even if the handler ignores the signal.
        await Promise.race([handler(m, { portal, signal: controller.signal }), timedOut]);
      }
    } catch (error) {
      failure = classify(error);
    } finally {
      clearTimeout(timer);
      timedOut.catch(() => {});
    }
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

  function launch(m: ClaimedOutboxMessage, tally?: RunOnceResult): void {
    stats.inFlight++;
    const p: Promise<void> = deliver(m)
      .then((outcome) => {
        if (tally === undefined) return;
        if (outcome === 'delivered') tally.delivered++;
        else if (outcome === 'retried') tally.retried++;
        else if (outcome === 'dead') tally.dead++;
        else if (outcome === 'lease-lost') tally.leaseLost++;
      })
      .finally(() => {
        stats.inFlight--;
        inFlight.delete(p);
        signalWake();
      });
    inFlight.add(p);
  }

  async function claim(limit: number): Promise<ClaimedOutboxMessage[]> {
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

  async function run(): Promise<void> {
    while (running) {
      woken = false;
      const free = concurrency - inFlight.size;
      if (free > 0) {
        const batch = await claim(free);
        for (const m of batch) launch(m);
        // A full batch means there may be more; otherwise wait for a delivery to finish
        // (its dossier's next message becomes claimable) or for the poll interval.
        if (batch.length === free) continue;
      }
      if (!running) break;
      await sleep(pollMs);
    }
  }

  const worker: SyncWorker = {
    id,
    async runOnce() {
      const tally: RunOnceResult = { claimed: 0, delivered: 0, retried: 0, dead: 0, leaseLost: 0 };
      const batch = await claim(concurrency);
      tally.claimed = batch.length;
      for (const m of batch) launch(m, tally);
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
      try {
        for (;;) {
          counts = await outbox.counts();
          if (counts.pending + counts.leased === 0 && inFlight.size === 0) return { drained: true, counts };
          if (Date.now() >= deadline) return { drained: false, counts };
          await new Promise((r) => setTimeout(r, Math.min(pollMs, 200)));
        }
      } finally {
        if (startedHere) await worker.stop();
      }
    },
    async metrics() {
      const counts = await outbox.counts();
      let lagMs: number | undefined = stats.lastDeliveryLagMs;
      const source = outbox as Partial<OutboxLagSource>;
      if (typeof source.oldestOpenEnqueuedAt === 'function') {
        const oldest = await source.oldestOpenEnqueuedAt();
        lagMs = oldest === undefined ? 0 : Math.max(0, clock.now().getTime() - ms(oldest));
      }
      return {
        pending: counts.pending,
        inFlight: counts.leased,
        failed: counts.dead,
        done: counts.done,
        lagMs,
        worker: worker.stats(),
      };
    },
    stats: () => ({ ...stats }),
  };
  return worker;
}
