/**
 * Test doubles for the sync engine: an in-memory {@link OutboxStore} that keeps the port's
 * contract, and a scripted {@link PortalSender} that records what it accepted. Not part of
 * the public API.
 *
 * @module
 * @internal
 */
import type { DvcqgProgress } from '@motcua/schemas/dvcqg';
import { type Clock, systemClock } from '../ports.ts';
import type { PortalCallOptions, PortalDossierUpsert, PortalSender } from './portal-port.ts';
import type {
  ClaimedOutboxMessage,
  ClaimOptions,
  OutboxFailure,
  OutboxMessage,
  OutboxMessageInput,
  OutboxState,
  OutboxStore,
} from './ports.ts';

interface Row extends OutboxMessage {
  seq: number;
  leaseToken?: string | undefined;
  leaseUntilMs?: number | undefined;
}

/** An in-memory outbox with the contract of `OutboxStore`. */
export class MemoryOutbox implements OutboxStore {
  readonly rows: Row[] = [];
  readonly #byId = new Map<string, Row>();
  readonly #clock: Clock;
  #seq = 0;
  #tokens = 0;

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  async enqueue(m: OutboxMessageInput): Promise<{ enqueued: boolean }> {
    if (this.#byId.has(m.id)) return { enqueued: false };
    const now = this.#clock.now();
    const available = m.availableAt === undefined ? now : new Date(m.availableAt);
    const row: Row = {
      seq: ++this.#seq,
      id: m.id,
      key: m.key,
      type: m.type,
      payload: JSON.parse(JSON.stringify(m.payload)) as unknown,
      state: 'pending',
      attempts: 0,
      enqueuedAt: now.toISOString(),
      availableAt: available.toISOString(),
    };
    this.rows.push(row);
    this.#byId.set(row.id, row);
    return { enqueued: true };
  }

  async claim(o: ClaimOptions): Promise<ClaimedOutboxMessage[]> {
    const now = this.#clock.now().getTime();
    const blocked = new Set<string>();
    const out: ClaimedOutboxMessage[] = [];
    for (const r of this.rows) {
      if (out.length >= o.limit) break;
      if (r.state === 'done') continue;
      if (blocked.has(r.key)) continue;
      blocked.add(r.key);
      const due =
        (r.state === 'pending' && Date.parse(r.availableAt) <= now) ||
        (r.state === 'leased' && (r.leaseUntilMs ?? 0) <= now);
      if (!due) continue;
      r.state = 'leased';
      r.attempts++;
      r.leaseToken = `t${++this.#tokens}`;
      r.leaseUntilMs = now + o.leaseMs;
      out.push({
        ...strip(r),
        leaseToken: r.leaseToken,
        leaseUntil: new Date(r.leaseUntilMs).toISOString(),
      });
    }
    return out;
  }

  #held(id: string, token: string): Row {
    const r = this.#byId.get(id);
    if (r === undefined) throw Object.assign(new Error(`no message ${id}`), { code: 'NOT_FOUND' });
    if (r.state !== 'leased' || r.leaseToken !== token) {
      throw Object.assign(new Error(`lease on ${id} lost`), { code: 'LEASE_LOST' });
    }
    return r;
  }

  async complete(id: string, token: string): Promise<void> {
    const r = this.#held(id, token);
    r.state = 'done';
    r.leaseToken = undefined;
  }

  async fail(id: string, token: string, f: OutboxFailure): Promise<void> {
    const r = this.#held(id, token);
    r.state = f.dead === true ? 'dead' : 'pending';
    r.lastError = f.error;
    r.leaseToken = undefined;
    r.availableAt = (f.retryAt === undefined ? this.#clock.now() : new Date(f.retryAt)).toISOString();
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    const r = this.#byId.get(id);
    return r === undefined ? undefined : strip(r);
  }

  async counts(): Promise<Record<OutboxState, number>> {
    const c: Record<OutboxState, number> = { pending: 0, leased: 0, done: 0, dead: 0 };
    for (const r of this.rows) c[r.state]++;
    return c;
  }
}

function strip(r: Row): OutboxMessage {
  return {
    id: r.id,
    key: r.key,
    type: r.type,
    payload: r.payload,
    state: r.state,
    attempts: r.attempts,
    enqueuedAt: r.enqueuedAt,
    availableAt: r.availableAt,
    ...(r.lastError === undefined ? {} : { lastError: r.lastError }),
  };
}

/** What the fake portal does with one call: accept, or throw this error. */
export type Script = (call: { kind: 'dossier' | 'progress' | 'lookup'; maHoSo: string; n: number }) => unknown;

/**
 * A portal that holds dossiers and progress rows like the real one (upsert by `MaHoSo`,
 * rows idempotent), fails when the script says so, and records every accepted write.
 */
export class FakePortal implements PortalSender {
  readonly dossiers: Map<string, Record<string, unknown>> = new Map();
  readonly progress: Map<string, Map<string, DvcqgProgress>> = new Map();
  /** Accepted writes in order: `MaHoSo` and status (dossier) or `row:<TrangThai>`. */
  readonly log: Array<{ maHoSo: string; what: string }> = [];
  /** Calls in flight per dossier right now (must never exceed 1). */
  readonly active: Map<string, number> = new Map();
  maxActivePerDossier = 0;
  /** Calls that carried more than one dossier. */
  batches = 0;
  #n = 0;
  readonly #script: Script;
  readonly #delayMs: () => number;

  constructor(script: Script = () => undefined, delayMs: () => number = () => 0) {
    this.#script = script;
    this.#delayMs = delayMs;
  }

  async #enter(kind: 'dossier' | 'progress' | 'lookup', maHoSo: string, signal?: AbortSignal): Promise<void> {
    const a = (this.active.get(maHoSo) ?? 0) + 1;
    this.active.set(maHoSo, a);
    if (kind !== 'lookup') this.maxActivePerDossier = Math.max(this.maxActivePerDossier, a);
    try {
      const d = this.#delayMs();
      if (d > 0) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, d);
          signal?.addEventListener('abort', () => {
            clearTimeout(t);
            reject(signal.reason);
          });
        });
      }
      signal?.throwIfAborted();
      const failure = this.#script({ kind, maHoSo, n: ++this.#n });
      if (failure !== undefined) throw failure;
    } finally {
      this.active.set(maHoSo, (this.active.get(maHoSo) ?? 1) - 1);
    }
  }

  async upsertDossier(item: PortalDossierUpsert, o?: PortalCallOptions): Promise<void> {
    await this.#enter('dossier', item.dossier.MaHoSo, o?.signal);
    this.dossiers.set(item.dossier.MaHoSo, { ...item.dossier });
    this.log.push({ maHoSo: item.dossier.MaHoSo, what: String(item.dossier.TrangThaiHoSo) });
  }

  async upsertDossiers(items: readonly PortalDossierUpsert[], o?: PortalCallOptions): Promise<void> {
    this.batches++;
    const codes = items.map((i) => i.dossier.MaHoSo);
    for (const c of codes) await this.#enter('dossier', c, o?.signal);
    for (const item of items) {
      this.dossiers.set(item.dossier.MaHoSo, { ...item.dossier });
      this.log.push({ maHoSo: item.dossier.MaHoSo, what: String(item.dossier.TrangThaiHoSo) });
    }
  }

  async sendProgress(rows: readonly DvcqgProgress[], o?: PortalCallOptions): Promise<void> {
    const codes = [...new Set(rows.map((r) => r.MaHoSo))];
    if (codes.length > 1) this.batches++;
    for (const c of codes) await this.#enter('progress', c, o?.signal);
    for (const c of codes) {
      if (!this.dossiers.has(c))
        throw Object.assign(new Error(`Hồ sơ ${c} không tồn tại`), { code: 'PORTAL_REJECTED' });
    }
    for (const r of rows) {
      const m = this.progress.get(r.MaHoSo) ?? new Map<string, DvcqgProgress>();
      m.set(`${r.ThoiDiemXuLy}|${r.TrangThai}`, r);
      this.progress.set(r.MaHoSo, m);
      this.log.push({ maHoSo: r.MaHoSo, what: `row:${r.TrangThai}` });
    }
  }

  async lookUpDossier(maHoSo: string, o?: PortalCallOptions): Promise<Record<string, unknown> | undefined> {
    await this.#enter('lookup', maHoSo, o?.signal);
    return this.dossiers.get(maHoSo);
  }
}
