import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../errors.ts';
import { backoffDelay, DEFAULT_BACKOFF, resolveBackoff } from './backoff.ts';
import {
  DVCQG_DOSSIER_MESSAGE,
  DVCQG_PROGRESS_MESSAGE,
  dossierChangeMessages,
  readDossierPayload,
  readProgressPayload,
} from './messages.ts';
import { classifyPortalFailure } from './portal-port.ts';
import { FakePortal, MemoryOutbox } from './test-support.ts';
import { createSyncWorker, type OutboxLagSource, type SyncEvent } from './worker.ts';

const STATUSES = ['1', '2', '4', '5', '4', '9', '10'] as const;

function dossier(code: string, status: string): DvcqgDossier {
  return {
    MaHoSo: code,
    MaTTHC: '1.001193',
    TrangThaiHoSo: status as DvcqgDossier['TrangThaiHoSo'],
    NgayTiepNhan: '20250701083000',
  };
}

function row(code: string, status: string, i: number): DvcqgProgress {
  return {
    MaHoSo: code,
    ThoiDiemXuLy: `2025070${1 + Math.floor(i / 10)}0${i % 10}0000`,
    TrangThai: status as DvcqgProgress['TrangThai'],
    NoiDungXuLy: `bước ${i}`,
  };
}

/** Enqueues `changes` changes for each of `dossiers` dossiers, interleaved as real traffic would be. */
async function enqueueChanges(outbox: MemoryOutbox, dossiers: number, changes: number): Promise<Map<string, string[]>> {
  const expected = new Map<string, string[]>();
  for (let c = 0; c < changes; c++) {
    for (let d = 0; d < dossiers; d++) {
      const code = `000.00.00.H56-250701-${String(d + 1).padStart(4, '0')}`;
      const status = STATUSES[c % STATUSES.length] as string;
      for (const m of dossierChangeMessages({
        changeId: String(c),
        first: c === 0,
        dossier: dossier(code, status),
        progress: [row(code, status, c)],
      })) {
        await outbox.enqueue(m);
      }
      expected.set(code, [...(expected.get(code) ?? []), status, `row:${status}`]);
    }
  }
  return expected;
}

const FAST = { baseMs: 1, maxMs: 5, jitter: 1, maxAttempts: 50 };

describe('backoff', () => {
  it('doubles up to the cap, honours Retry-After as a floor, and checks the policy', () => {
    const p = resolveBackoff({ baseMs: 100, factor: 2, maxMs: 1000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(p, n, 0.3))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(p, 1, 0, 5000)).toBe(5000);
    expect(backoffDelay(resolveBackoff({ ...p, maxRetryAfterMs: 2000 }), 1, 0, 5000)).toBe(2000);
    expect(() => resolveBackoff({ jitter: 2 })).toThrow(CoreError);
    expect(() => resolveBackoff({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(resolveBackoff()).toEqual(DEFAULT_BACKOFF);
  });

  it('keeps every delay between (1 - jitter) × full and full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (baseMs, factor, jitter, attempts, r) => {
          const p = resolveBackoff({ baseMs, factor, maxMs: baseMs * 100, jitter });
          const full = Math.min(p.maxMs, baseMs * factor ** (attempts - 1));
          const d = backoffDelay(p, attempts, r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(full * (1 - jitter)) - 1);
          expect(d).toBeLessThanOrEqual(Math.ceil(full) + 1);
        },
      ),
    );
  });
});

describe('messages', () => {
  it('turns a change into an upsert then its progress, keyed by MaHoSo, with stable ids', () => {
    const code = '000.00.00.H56-250701-0001';
    const messages = dossierChangeMessages({
      changeId: '7',
      first: false,
      dossier: dossier(code, '4'),
      progress: [row(code, '4', 1)],
    });
    expect(messages.map((m) => [m.id, m.key, m.type])).toEqual([
      [`dvcqg:${code}:7:dossier`, code, DVCQG_DOSSIER_MESSAGE],
      [`dvcqg:${code}:7:progress`, code, DVCQG_PROGRESS_MESSAGE],
    ]);
    expect(readDossierPayload(messages[0]?.payload)).toEqual({ dossier: dossier(code, '4'), exists: true });
    expect(readProgressPayload(messages[1]?.payload).rows).toHaveLength(1);
    expect(dossierChangeMessages({ changeId: '1', dossier: dossier(code, '2') })).toHaveLength(1);
    expect(() =>
      dossierChangeMessages({ changeId: '1', dossier: dossier(code, '2'), progress: [row('other', '2', 0)] }),
    ).toThrow(/belongs to other/);
    expect(() => dossierChangeMessages({ changeId: '', dossier: dossier(code, '2') })).toThrow(CoreError);
    expect(readDossierPayload(dossier(code, '2')).dossier.MaHoSo).toBe(code);
    expect(() => readDossierPayload({ x: 1 })).toThrow(CoreError);
    expect(() => readProgressPayload({ rows: 'x' })).toThrow(CoreError);
  });
});

describe('classifyPortalFailure', () => {
  it('retries the unknown, gives up on what cannot succeed, keeps Retry-After and masks ID numbers', () => {
    expect(classifyPortalFailure(new Error('socket hang up'))).toEqual({ kind: 'transient', reason: 'socket hang up' });
    const rejected = Object.assign(new Error('DongBoHoSoMC: error_code -9'), {
      code: 'PORTAL_REJECTED',
      transient: false,
    });
    expect(classifyPortalFailure(rejected).kind).toBe('transient');
    const invalid = Object.assign(new Error('bad wire'), { code: 'CODEC_WIRE_INVALID', transient: false });
    expect(classifyPortalFailure(invalid)).toEqual({ kind: 'permanent', reason: 'CODEC_WIRE_INVALID: bad wire' });
    expect(classifyPortalFailure(Object.assign(new Error('x'), { permanent: true })).kind).toBe('permanent');
    expect(classifyPortalFailure(Object.assign(new Error('429'), { retryAfterMs: 3000 })).retryAfterMs).toBe(3000);
    expect(classifyPortalFailure(new Error('owner 038190012345 refused')).reason).toBe('owner ••• refused');
    expect(classifyPortalFailure('plain').reason).toBe('plain');
  });
});

describe('sync worker', () => {
  it('refuses a lease that does not outlive the delivery', () => {
    const outbox = new MemoryOutbox();
    const portal = new FakePortal();
    expect(() => createSyncWorker({ outbox, portal, leaseMs: 10_000, deliveryTimeoutMs: 9_000 })).toThrow(/leaseMs/);
    expect(() => createSyncWorker({ outbox, portal, concurrency: 0 })).toThrow(/concurrency/);
  });

  it('delivers every change in order per dossier, one call per dossier at a time', async () => {
    const outbox = new MemoryOutbox();
    const expected = await enqueueChanges(outbox, 30, 7);
    const portal = new FakePortal(undefined, () => Math.floor(Math.random() * 3));
    const worker = createSyncWorker({ outbox, portal, concurrency: 8, pollMs: 5, backoff: FAST });
    const { drained, counts } = await worker.drain({ timeoutMs: 30_000 });
    expect(drained).toBe(true);
    expect(counts).toEqual({ pending: 0, leased: 0, done: 30 * 7 * 2, dead: 0 });
    expect(portal.maxActivePerDossier).toBe(1);
    for (const [code, writes] of expected) {
      expect(portal.log.filter((l) => l.maHoSo === code).map((l) => l.what)).toEqual(writes);
      expect(portal.dossiers.get(code)?.TrangThaiHoSo).toBe(writes.at(-2));
    }
    expect(worker.stats()).toMatchObject({ delivered: 420, retries: 0, deadLettered: 0, running: false });
  });

  it('retries transient failures with backoff until they pass, never reordering', async () => {
    const outbox = new MemoryOutbox();
    const expected = await enqueueChanges(outbox, 20, 5);
    const portal = new FakePortal(({ n }) =>
      n % 3 === 0 ? Object.assign(new Error('HTTP 503'), { code: 'PORTAL_HTTP', transient: true }) : undefined,
    );
    const events: SyncEvent[] = [];
    const worker = createSyncWorker({ outbox, portal, pollMs: 5, backoff: FAST, onEvent: (e) => events.push(e) });
    expect((await worker.drain({ timeoutMs: 30_000 })).drained).toBe(true);
    for (const [code, writes] of expected) {
      const seen = portal.log.filter((l) => l.maHoSo === code).map((l) => l.what);
      expect(seen).toEqual(writes);
    }
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((e) => e.type === 'retry' && e.reason === 'PORTAL_HTTP: HTTP 503')).toBe(true);
    expect(worker.stats().retries).toBe(retries.length);
  });

  it('dead-letters after the attempt bound with the reason, and the dossier waits behind it', async () => {
    const outbox = new MemoryOutbox();
    const bad = '000.00.00.H56-250701-0001';
    await enqueueChanges(outbox, 3, 2);
    const portal = new FakePortal(({ maHoSo }) => (maHoSo === bad ? new Error('Lỗi hệ thống') : undefined));
    const worker = createSyncWorker({ outbox, portal, pollMs: 5, backoff: { ...FAST, maxAttempts: 3 } });
    const { drained, counts } = await worker.drain({ timeoutMs: 2_000 });
    expect(drained).toBe(false); // the dead letter blocks its dossier's later messages
    expect(counts).toEqual({ pending: 3, leased: 0, done: 8, dead: 1 });
    const dead = await outbox.get(`dvcqg:${bad}:0:dossier`);
    expect(dead).toMatchObject({ state: 'dead', attempts: 3, lastError: 'Lỗi hệ thống (after 3 attempts)' });
    expect(portal.dossiers.has(bad)).toBe(false);
    const m = await worker.metrics();
    expect(m).toMatchObject({ pending: 3, inFlight: 0, failed: 1, done: 8 });
    expect(m.worker.deadLettered).toBe(1);
  });

  it('dead-letters permanent failures at once', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue({ id: 'x1', key: 'HS-1', type: 'unknown.type', payload: {} });
    await outbox.enqueue({ id: 'x2', key: 'HS-2', type: DVCQG_DOSSIER_MESSAGE, payload: { nope: true } });
    const worker = createSyncWorker({ outbox, portal: new FakePortal(), pollMs: 5, backoff: FAST });
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, dead: 2 });
    expect((await outbox.get('x1'))?.lastError).toMatch(/^SYNC_NO_HANDLER/);
    expect((await outbox.get('x2'))?.lastError).toMatch(/^SYNC_BAD_PAYLOAD/);
  });

  it('aborts a delivery that outlives deliveryTimeoutMs and tries again', async () => {
    const outbox = new MemoryOutbox();
    await enqueueChanges(outbox, 1, 1);
    let slow = true;
    const portal = new FakePortal(undefined, () => (slow ? 10_000 : 0));
    const worker = createSyncWorker({
      outbox,
      portal,
      deliveryTimeoutMs: 50,
      leaseMs: 2_050,
      pollMs: 5,
      backoff: FAST,
    });
    const first = await worker.runOnce();
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    expect((await outbox.get('dvcqg:000.00.00.H56-250701-0001:0:dossier'))?.lastError).toMatch(/timed out after 50 ms/);
    slow = false;
    expect((await worker.drain({ timeoutMs: 5_000 })).drained).toBe(true);
    expect(portal.active.get('000.00.00.H56-250701-0001')).toBe(0);
  });

  it('counts an acknowledgement refused for a lost lease and lets the new holder finish', async () => {
    const outbox = new MemoryOutbox();
    await outbox.enqueue({
      id: 'm1',
      key: 'HS-1',
      type: DVCQG_DOSSIER_MESSAGE,
      payload: { dossier: dossier('HS-1', '2') },
    });
    const original = outbox.complete.bind(outbox);
    let first = true;
    outbox.complete = async (id, token) => {
      if (first) {
        first = false;
        throw Object.assign(new Error('lease lost'), { code: 'LEASE_LOST' });
      }
      return original(id, token);
    };
    const events: SyncEvent[] = [];
    const worker = createSyncWorker({ outbox, portal: new FakePortal(), onEvent: (e) => events.push(e) });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, leaseLost: 1, delivered: 0 });
    expect(events.map((e) => e.type)).toEqual(['lease-lost']);
  });

  it('survives a failing store: the claim error is reported and the loop goes on', async () => {
    const outbox = new MemoryOutbox();
    await enqueueChanges(outbox, 2, 1);
    const original = outbox.claim.bind(outbox);
    let failures = 2;
    outbox.claim = async (o) => {
      if (failures-- > 0) throw new Error('database is locked');
      return original(o);
    };
    const events: SyncEvent[] = [];
    const worker = createSyncWorker({ outbox, portal: new FakePortal(), pollMs: 5, onEvent: (e) => events.push(e) });
    expect((await worker.drain({ timeoutMs: 5_000 })).drained).toBe(true);
    expect(events.filter((e) => e.type === 'store-error')).toHaveLength(2);
    expect(worker.stats().storeErrors).toBe(2);
  });

  it('reports the lag from the oldest open message when the outbox can tell', async () => {
    const outbox = Object.assign(new MemoryOutbox(), {
      oldestOpenEnqueuedAt: async () => new Date(Date.now() - 5_000),
    }) satisfies OutboxLagSource;
    const worker = createSyncWorker({ outbox, portal: new FakePortal() });
    expect((await worker.metrics()).lagMs).toBeGreaterThanOrEqual(5_000);
    const plain = createSyncWorker({ outbox: new MemoryOutbox(), portal: new FakePortal() });
    expect((await plain.metrics()).lagMs).toBeUndefined();
  });

  it('keeps order, delivers everything and never overlaps a dossier, whatever fails (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        async (dossiers, changes, failPattern, concurrency) => {
          const outbox = new MemoryOutbox();
          const expected = await enqueueChanges(outbox, dossiers, changes);
          const portal = new FakePortal(({ n }) =>
            failPattern[n % failPattern.length] === true && n % 7 !== 0 ? new Error('flaky') : undefined,
          );
          const worker = createSyncWorker({
            outbox,
            portal,
            concurrency,
            pollMs: 1,
            backoff: { ...FAST, maxAttempts: 1000 },
          });
          const { drained } = await worker.drain({ timeoutMs: 20_000 });
          expect(drained).toBe(true);
          expect(portal.maxActivePerDossier).toBeLessThanOrEqual(1);
          for (const [code, writes] of expected) {
            expect(portal.log.filter((l) => l.maHoSo === code).map((l) => l.what)).toEqual(writes);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('batches first attempts (progress rows, and upserts with the same hint), in order per dossier', async () => {
    const outbox = new MemoryOutbox();
    const expected = await enqueueChanges(outbox, 40, 4);
    const portal = new FakePortal();
    const worker = createSyncWorker({ outbox, portal, concurrency: 40, batchSize: 10, pollMs: 5 });
    expect((await worker.drain({ timeoutMs: 10_000 })).drained).toBe(true);
    expect(portal.batches).toBeGreaterThan(0);
    expect(worker.stats().claimed).toBe(40 * 4 * 2);
    for (const [code, writes] of expected) {
      expect(portal.log.filter((l) => l.maHoSo === code).map((l) => l.what)).toEqual(writes);
    }
    // batchSize 1: every message alone
    const single = new FakePortal();
    const outbox2 = new MemoryOutbox();
    await enqueueChanges(outbox2, 10, 2);
    await createSyncWorker({ outbox: outbox2, portal: single, batchSize: 1, pollMs: 5 }).drain({ timeoutMs: 10_000 });
    expect(single.batches).toBe(0);
  });

  it('sends a failed batch member alone next time, so one bad dossier does not sink its batch', async () => {
    const outbox = new MemoryOutbox();
    const bad = '000.00.00.H56-250701-0003';
    await enqueueChanges(outbox, 10, 1);
    const portal = new FakePortal(({ maHoSo }) =>
      maHoSo === bad
        ? Object.assign(new Error('error_code -1: Dữ liệu không hợp lệ'), { code: 'PORTAL_REJECTED' })
        : undefined,
    );
    const worker = createSyncWorker({
      outbox,
      portal,
      concurrency: 20,
      pollMs: 5,
      backoff: { ...FAST, maxAttempts: 3 },
    });
    await worker.drain({ timeoutMs: 2_000 });
    expect(await outbox.counts()).toEqual({ pending: 1, leased: 0, done: 18, dead: 1 });
    expect((await outbox.get(`dvcqg:${bad}:0:dossier`))?.state).toBe('dead');
    expect(portal.dossiers.size).toBe(9);
  });

  it('drain gives up when idle behind a dead letter, and stops on its signal', async () => {
    const outbox = new MemoryOutbox();
    const bad = '000.00.00.H56-250701-0001';
    await enqueueChanges(outbox, 2, 2);
    const portal = new FakePortal(({ maHoSo }) => (maHoSo === bad ? new Error('x') : undefined));
    const worker = createSyncWorker({ outbox, portal, pollMs: 5, backoff: { ...FAST, maxAttempts: 2 } });
    const r = await worker.drain({ idleMs: 300 });
    expect(r).toMatchObject({ drained: false, counts: { dead: 1, pending: 3, done: 4 } });

    const slow = new MemoryOutbox();
    await enqueueChanges(slow, 20, 3);
    const stop = new AbortController();
    const w2 = createSyncWorker({
      outbox: slow,
      portal: new FakePortal(undefined, () => 20),
      concurrency: 2,
      pollMs: 5,
    });
    setTimeout(() => stop.abort(), 50);
    const stopped = await w2.drain({ signal: stop.signal });
    expect(stopped.drained).toBe(false);
    expect(stopped.counts.leased).toBe(0);
    expect(w2.stats()).toMatchObject({ running: false, inFlight: 0 });
  });

  it('stops cleanly: in-flight deliveries finish, nothing new is claimed', async () => {
    const outbox = new MemoryOutbox();
    await enqueueChanges(outbox, 10, 3);
    const portal = new FakePortal(undefined, () => 5);
    const worker = createSyncWorker({ outbox, portal, concurrency: 4, pollMs: 5 });
    worker.start();
    worker.start();
    await new Promise((r) => setTimeout(r, 30));
    await worker.stop();
    const counts = await outbox.counts();
    expect(counts.leased).toBe(0);
    expect(counts.done).toBeGreaterThan(0);
    expect(counts.done).toBeLessThan(60);
    expect(worker.stats().inFlight).toBe(0);
  });
});
