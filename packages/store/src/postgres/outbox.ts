/**
 * The PostgreSQL outbox.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type {
  ClaimedOutboxMessage,
  ClaimOptions,
  Clock,
  OutboxFailure,
  OutboxMessage,
  OutboxMessageInput,
  OutboxState,
  OutboxStore,
} from '@motcua/core';
import { StoreError } from '../errors.ts';
import {
  type CheckedEnqueue,
  OUTBOX_COLUMNS as COLUMNS,
  checkClaim,
  checkEnqueue,
  checkFailure,
  emptyCounts,
  isoOfMs,
  messageOf,
  type OutboxRow,
} from '../outbox-rules.ts';
import type { PgDatabase, Queryable } from './database.ts';

/**
 * Inserts one checked message unless its id is stored; `true` when inserted. The one
 * insert path of the PostgreSQL outbox: `enqueue` runs it on the pool, the dossier store
 * on its transaction's client.
 */
export async function insertOutboxMessage(q: Queryable, m: CheckedEnqueue, nowMs: number): Promise<boolean> {
  const result = await q.query(
    `INSERT INTO {s}.outbox (id, key, type, payload, enqueued_at_ms, available_at_ms) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING`,
    [m.id, m.key, m.type, m.payload, nowMs, m.availableAtMs ?? nowMs],
  );
  return result.rowCount === 1;
}

/**
 * An {@link OutboxStore} in PostgreSQL. A claim locks its candidates with
 * `FOR UPDATE SKIP LOCKED` and only considers the head of each key, so workers on many
 * machines share one outbox without ever holding the same message or overtaking a
 * key's earlier message.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * const batch = await store.outbox.claim({ worker: 'sync-1', limit: 50, leaseMs: 60_000 });
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresOutboxStore implements OutboxStore {
  readonly #db: PgDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openPostgresStore. */
  constructor(db: PgDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Store a message unless its id is already stored. */
  async enqueue(message: OutboxMessageInput): Promise<{ enqueued: boolean }> {
    const m = checkEnqueue(message);
    return { enqueued: await insertOutboxMessage(this.#db, m, this.#clock.now().getTime()) };
  }

  /** Lease deliverable messages, oldest first, one per key at a time. */
  async claim(options: ClaimOptions): Promise<ClaimedOutboxMessage[]> {
    checkClaim(options);
    const now = this.#clock.now().getTime();
    const token = randomUUID();
    const leaseUntil = now + options.leaseMs;
    const { rows } = await this.#db.prepared<OutboxRow & { seq: string }>(
      `WITH candidates AS (
         SELECT o.seq FROM {s}.outbox o
         WHERE o.state IN ('pending', 'leased')
           AND ((o.state = 'pending' AND o.available_at_ms <= $4) OR (o.state = 'leased' AND o.lease_until_ms <= $4))
           AND NOT EXISTS (SELECT 1 FROM {s}.outbox p WHERE p.key = o.key AND p.seq < o.seq AND p.state <> 'done')
         ORDER BY o.seq
         LIMIT $5
         FOR UPDATE OF o SKIP LOCKED)
       UPDATE {s}.outbox t SET state = 'leased', lease_token = $1, lease_until_ms = $2, worker = $3, attempts = t.attempts + 1
       FROM candidates c WHERE t.seq = c.seq
       RETURNING t.seq, ${COLUMNS.split(', ')
         .map((c) => `t.${c}`)
         .join(', ')}`,
      [token, leaseUntil, options.worker, now, options.limit],
    );
    return rows
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((row) => ({ ...messageOf(row), leaseToken: token, leaseUntil: isoOfMs(leaseUntil) }));
  }

  /** Acknowledge a delivered message. */
  async complete(id: string, leaseToken: string): Promise<void> {
    const now = this.#clock.now().getTime();
    const result = await this.#db.query(
      `UPDATE {s}.outbox SET state = 'done', lease_token = NULL, lease_until_ms = NULL, done_at_ms = $1
       WHERE id = $2 AND lease_token = $3 AND state = 'leased'`,
      [now, id, leaseToken],
    );
    if (result.rowCount === 0) await this.#leaseProblem(id);
  }

  /** Report a failed delivery. */
  async fail(id: string, leaseToken: string, failure: OutboxFailure): Promise<void> {
    const f = checkFailure(failure, this.#clock.now().getTime());
    const result = await this.#db.query(
      `UPDATE {s}.outbox SET state = $1, available_at_ms = $2, last_error = $3, lease_token = NULL, lease_until_ms = NULL
       WHERE id = $4 AND lease_token = $5 AND state = 'leased'`,
      [f.dead ? 'dead' : 'pending', f.retryAtMs, f.error, id, leaseToken],
    );
    if (result.rowCount === 0) await this.#leaseProblem(id);
  }

  /** One message by id. */
  async get(id: string): Promise<OutboxMessage | undefined> {
    const { rows } = await this.#db.query<OutboxRow>(`SELECT ${COLUMNS} FROM {s}.outbox WHERE id = $1`, [id]);
    const row = rows[0];
    return row === undefined ? undefined : messageOf(row);
  }

  /** Number of messages per state. */
  async counts(): Promise<Record<OutboxState, number>> {
    const out = emptyCounts();
    const { rows } = await this.#db.query<{ state: OutboxState; n: number }>(
      'SELECT state, count(*)::int AS n FROM {s}.outbox GROUP BY state',
    );
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  /** Enqueue time of the oldest message neither done nor dead (`OutboxLagSource`), or `undefined`. */
  async oldestOpenEnqueuedAt(): Promise<string | undefined> {
    const { rows } = await this.#db.query<{ t: string | null }>(
      "SELECT min(enqueued_at_ms) AS t FROM {s}.outbox WHERE state IN ('pending', 'leased')",
    );
    const t = rows[0]?.t;
    return t === null || t === undefined ? undefined : isoOfMs(t);
  }

  async #leaseProblem(id: string): Promise<never> {
    const { rows } = await this.#db.query('SELECT state FROM {s}.outbox WHERE id = $1', [id]);
    if (rows.length === 0) throw new StoreError('NOT_FOUND', `no outbox message with id ${JSON.stringify(id)}`);
    throw new StoreError('LEASE_LOST', `the lease on outbox message ${JSON.stringify(id)} is not held by this token`);
  }
}
