/**
 * The SQLite outbox.
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
import type { SqliteDatabase } from './database.ts';

/**
 * Inserts one checked message unless its id is stored; `true` when inserted. The one
 * insert path of the SQLite outbox: `enqueue` uses it on its own, the dossier store
 * inside its write transaction.
 */
export function insertOutboxMessage(db: SqliteDatabase, m: CheckedEnqueue, nowMs: number): boolean {
  const result = db
    .statement(
      `INSERT INTO outbox (id, key, type, payload, enqueued_at_ms, available_at_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    )
    .run(m.id, m.key, m.type, m.payload, nowMs, m.availableAtMs ?? nowMs);
  return result.changes === 1;
}

/**
 * An {@link OutboxStore} in a SQLite database. Claims run in `BEGIN IMMEDIATE`
 * transactions, so workers in several processes sharing the file never hold the same
 * message.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: ':memory:' });
 * await store.outbox.enqueue({ id: 'm1', key: 'HS-1', type: 'dvcqg.DongBoHoSoMC', payload: { MaHoSo: 'HS-1' } });
 * const [m] = await store.outbox.claim({ worker: 'w1', limit: 1, leaseMs: 30_000 });
 * if (m) await store.outbox.complete(m.id, m.leaseToken);
 * await store.close();
 * ```
 * @category Store
 */
export class SqliteOutboxStore implements OutboxStore {
  readonly #db: SqliteDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openSqliteStore. */
  constructor(db: SqliteDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Store a message unless its id is already stored. */
  async enqueue(message: OutboxMessageInput): Promise<{ enqueued: boolean }> {
    const m = checkEnqueue(message);
    return { enqueued: insertOutboxMessage(this.#db, m, this.#clock.now().getTime()) };
  }

  /** Lease deliverable messages, oldest first, one per key at a time. */
  async claim(options: ClaimOptions): Promise<ClaimedOutboxMessage[]> {
    checkClaim(options);
    const now = this.#clock.now().getTime();
    const token = randomUUID();
    const leaseUntil = now + options.leaseMs;
    const rows = this.#db.write(
      () =>
        this.#db
          .statement(
            `UPDATE outbox SET state = 'leased', lease_token = ?, lease_until_ms = ?, worker = ?, attempts = attempts + 1
             WHERE seq IN (
               SELECT o.seq FROM outbox o
               WHERE o.state IN ('pending', 'leased')
                 AND ((o.state = 'pending' AND o.available_at_ms <= ?) OR (o.state = 'leased' AND o.lease_until_ms <= ?))
                 AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.key = o.key AND p.seq < o.seq AND p.state <> 'done')
               ORDER BY o.seq LIMIT ?)
             RETURNING seq, ${COLUMNS}`,
          )
          .all(token, leaseUntil, options.worker, now, now, options.limit) as unknown as Array<
          OutboxRow & { seq: number }
        >,
    );
    return rows
      .sort((a, b) => a.seq - b.seq)
      .map((row) => ({ ...messageOf(row), leaseToken: token, leaseUntil: isoOfMs(leaseUntil) }));
  }

  /** Acknowledge a delivered message. */
  async complete(id: string, leaseToken: string): Promise<void> {
    const now = this.#clock.now().getTime();
    const result = this.#db
      .statement(
        `UPDATE outbox SET state = 'done', lease_token = NULL, lease_until_ms = NULL, done_at_ms = ?
         WHERE id = ? AND lease_token = ? AND state = 'leased'`,
      )
      .run(now, id, leaseToken);
    if (result.changes === 0) this.#leaseProblem(id);
  }

  /** Report a failed delivery. */
  async fail(id: string, leaseToken: string, failure: OutboxFailure): Promise<void> {
    const f = checkFailure(failure, this.#clock.now().getTime());
    const result = this.#db
      .statement(
        `UPDATE outbox SET state = ?, available_at_ms = ?, last_error = ?, lease_token = NULL, lease_until_ms = NULL
         WHERE id = ? AND lease_token = ? AND state = 'leased'`,
      )
      .run(f.dead ? 'dead' : 'pending', f.retryAtMs, f.error, id, leaseToken);
    if (result.changes === 0) this.#leaseProblem(id);
  }

  /** One message by id. */
  async get(id: string): Promise<OutboxMessage | undefined> {
    const row = this.#db.statement(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxRow | undefined;
    return row === undefined ? undefined : messageOf(row);
  }

  /** Number of messages per state. */
  async counts(): Promise<Record<OutboxState, number>> {
    const out = emptyCounts();
    const rows = this.#db.statement('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{
      state: OutboxState;
      n: number;
    }>;
    for (const r of rows) out[r.state] = r.n;
    return out;
  }

  /** Enqueue time of the oldest message neither done nor dead (`OutboxLagSource`), or `undefined`. */
  async oldestOpenEnqueuedAt(): Promise<string | undefined> {
    const row = this.#db
      .statement("SELECT min(enqueued_at_ms) AS t FROM outbox WHERE state IN ('pending', 'leased')")
      .get() as { t: number | null } | undefined;
    return row?.t === null || row?.t === undefined ? undefined : isoOfMs(row.t);
  }

  #leaseProblem(id: string): never {
    const row = this.#db.statement('SELECT state FROM outbox WHERE id = ?').get(id);
    if (row === undefined) throw new StoreError('NOT_FOUND', `no outbox message with id ${JSON.stringify(id)}`);
    throw new StoreError('LEASE_LOST', `the lease on outbox message ${JSON.stringify(id)} is not held by this token`);
  }
}
