/**
 * The outbox port: every state change bound for DVCQG (or any other system) is written
 * to an outbox first; workers claim messages, deliver them and acknowledge. `@motcua/store`
 * implements it for SQLite and PostgreSQL, so any number of workers in any number of
 * processes can share one outbox.
 *
 * @module
 */

/**
 * A message to put in the outbox.
 *
 * @example
 * ```ts
 * import type { OutboxMessageInput } from '@motcua/core';
 * const m: OutboxMessageInput = {
 *   id: 'dvcqg:000.00.00.H56-250701-0001:status:2',
 *   key: '000.00.00.H56-250701-0001',
 *   type: 'dvcqg.DongBoHoSoMC',
 *   payload: { MaHoSo: '000.00.00.H56-250701-0001', TrangThaiHoSo: '2' },
 * };
 * ```
 * @category Sync
 */
export interface OutboxMessageInput {
  /** Idempotency key: enqueuing the same id twice stores one message. */
  id: string;
  /** Ordering key (typically the dossier code): messages of one key are delivered in enqueue order. */
  key: string;
  /** What the message is, for the worker's dispatch (`dvcqg.DongBoHoSoMC`, …). */
  type: string;
  /** Any JSON value; stored and returned as JSON. */
  payload: unknown;
  /** Not deliverable before this instant (default: at once). */
  availableAt?: string | Date | undefined;
}

/**
 * States of an outbox message: `pending` (waiting or scheduled for retry), `leased`
 * (claimed by a worker until its lease ends), `done` (acknowledged), `dead` (given up;
 * it keeps blocking the later messages of its key until an operator acts).
 *
 * @example
 * ```ts
 * import type { OutboxState } from '@motcua/core';
 * const s: OutboxState = 'pending';
 * ```
 * @category Sync
 */
export type OutboxState = 'pending' | 'leased' | 'done' | 'dead';

/**
 * A stored outbox message.
 *
 * @example
 * ```ts
 * import type { OutboxMessage } from '@motcua/core';
 * declare const m: OutboxMessage;
 * if (m.state === 'dead') console.log(m.lastError);
 * ```
 * @category Sync
 */
export interface OutboxMessage {
  /** The idempotency key given at enqueue. */
  id: string;
  /** Ordering key. */
  key: string;
  /** Message type. */
  type: string;
  /** The JSON payload. */
  payload: unknown;
  /** Where the message is in its life. */
  state: OutboxState;
  /** Delivery attempts so far (claims). */
  attempts: number;
  /** When it was enqueued. */
  enqueuedAt: string;
  /** Not deliverable before this instant. */
  availableAt: string;
  /** The last failure reported by a worker. */
  lastError?: string | undefined;
}

/**
 * A message a worker holds: deliver it, then {@link OutboxStore.complete} or
 * {@link OutboxStore.fail} it with `leaseToken` before `leaseUntil`.
 *
 * @example
 * ```ts
 * import type { ClaimedOutboxMessage } from '@motcua/core';
 * declare const m: ClaimedOutboxMessage;
 * m.leaseToken; // opaque, unique per claim
 * ```
 * @category Sync
 */
export interface ClaimedOutboxMessage extends OutboxMessage {
  /** Proof of this claim; a later claim of the same message gets another token. */
  leaseToken: string;
  /** When the lease ends and another worker may claim the message again. */
  leaseUntil: string;
}

/**
 * Options of {@link OutboxStore.claim}.
 *
 * @example
 * ```ts
 * import type { ClaimOptions } from '@motcua/core';
 * const o: ClaimOptions = { worker: 'sync-worker-1', limit: 50, leaseMs: 60_000 };
 * ```
 * @category Sync
 */
export interface ClaimOptions {
  /** Who claims (kept for operators). */
  worker: string;
  /** At most this many messages. */
  limit: number;
  /** Lease length in milliseconds. */
  leaseMs: number;
}

/**
 * How a delivery failed: retry at an instant, or give up (`dead`).
 *
 * @example
 * ```ts
 * import type { OutboxFailure } from '@motcua/core';
 * const retry: OutboxFailure = { error: 'HTTP 503 from DVCQG', retryAt: '2025-07-01T08:05:00+07:00' };
 * ```
 * @category Sync
 */
export interface OutboxFailure {
  /** What went wrong (kept as `lastError`; never put personal data here). */
  error: string;
  /** When to try again (default: at once). Ignored when `dead`. */
  retryAt?: string | Date | undefined;
  /** Give up on this message. */
  dead?: boolean | undefined;
}

/**
 * The transactional outbox.
 *
 * Contract for implementations (checked by `@motcua/store`'s shared contract suite):
 * - `enqueue` is idempotent by id: `{ enqueued: false }` when the id is already stored.
 * - `claim` leases up to `limit` deliverable messages, oldest first: `pending` ones whose
 *   `availableAt` has come, and `leased` ones whose lease ended (their worker is
 *   presumed dead). A message is deliverable only when every earlier message of its
 *   key is `done`, so a key's messages are delivered one at a time, in order. Any number
 *   of concurrent claimers (threads, processes, machines) never hold the same message.
 * - `complete` / `fail` need the claim's lease token; a lease taken over by another
 *   claim throws (`LEASE_LOST`), so a slow worker cannot acknowledge someone else's
 *   delivery.
 *
 * @example
 * ```ts
 * import type { OutboxStore } from '@motcua/core';
 * declare const outbox: OutboxStore;
 * for (const m of await outbox.claim({ worker: 'w1', limit: 10, leaseMs: 30_000 })) {
 *   try {
 *     // deliver m.payload …
 *     await outbox.complete(m.id, m.leaseToken);
 *   } catch (error) {
 *     await outbox.fail(m.id, m.leaseToken, { error: String(error), retryAt: new Date(Date.now() + 60_000) });
 *   }
 * }
 * ```
 * @category Sync
 */
export interface OutboxStore {
  /** Store a message unless its id is already stored. */
  enqueue(message: OutboxMessageInput): Promise<{ enqueued: boolean }>;
  /** Lease deliverable messages. */
  claim(options: ClaimOptions): Promise<ClaimedOutboxMessage[]>;
  /** Acknowledge a delivered message. */
  complete(id: string, leaseToken: string): Promise<void>;
  /** Report a failed delivery. */
  fail(id: string, leaseToken: string, failure: OutboxFailure): Promise<void>;
  /** One message by id. */
  get(id: string): Promise<OutboxMessage | undefined>;
  /** Number of messages per state. */
  counts(): Promise<Record<OutboxState, number>>;
}
