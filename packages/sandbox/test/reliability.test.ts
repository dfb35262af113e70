/**
 * Reliability of the sync engine against the sandbox portal, over real sockets:
 *
 * 1. 10,000 dossiers and their status changes, 20 % of the portal calls failing (application
 *    errors, 5xx, 429, timeouts, connections dropped after processing): afterwards the portal
 *    holds exactly the local state, every progress row once, nothing out of order.
 * 2. The worker process is killed with SIGKILL twice in the middle of the run and started
 *    again (SQLite file outbox): same result.
 * 3. Two worker processes share one PostgreSQL outbox: same result, and with faults that
 *    never process a request, not a single write reaches the portal twice.
 *
 * The workers run as separate OS processes (support/worker-child.ts); the sandbox runs in
 * the test process. Figures are printed for the record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@motcua/store';
import { openPostgresStore } from '@motcua/store/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSchema, startTestPostgres, type TestPostgres } from '../../store/test/pg-server.ts';
import { type FaultConfig, type Sandbox, startSandbox } from '../src/index.ts';
import { enqueuePlan, messageCount, type PlannedDossier, planDossiers } from './support/plan.ts';
import { spawnWorker } from './support/spawn-worker.ts';
import { compareWithSandbox } from './support/verify.ts';
import type { WorkerChildArgs } from './support/worker-child.ts';

function portalConfig(sandbox: Sandbox, requestTimeoutMs: number): WorkerChildArgs['portal'] {
  return { ...sandbox.dvcqg, requestTimeoutMs };
}

/** Enqueues the plan while letting the event loop (the sandbox) breathe. */
async function produce(outbox: Parameters<typeof enqueuePlan>[0], plans: readonly PlannedDossier[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < plans.length; i += 250) {
    n += await enqueuePlan(outbox, plans.slice(i, i + 250));
    await new Promise((r) => setImmediate(r));
  }
  return n;
}

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-sync-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sync against the sandbox portal', () => {
  it('10,000 dossiers through 20 % injected failures and timeouts: portal = local, no duplicates, no reordering', async () => {
    const started = Date.now();
    const plans = planDossiers(10_000, 7);
    const faults: FaultConfig = {
      seed: 7,
      errorRate: 0.06,
      serverErrorRate: 0.05,
      rateLimitRate: 0.02,
      retryAfterSeconds: 1,
      dropRate: 0.04,
      timeoutRate: 0.03,
      holdMs: 5_000,
      sessionExpiry: { afterCalls: 5_000 },
    };
    const sandbox = await startSandbox({ faults, requestLogLimit: 0 });
    try {
      // One process produces the changes into its outbox (SQLite in memory) while its worker
      // sends them; the sandbox portal runs in this process.
      const messages = messageCount(plans);
      const { result } = await spawnWorker({
        ...workerArgs('sqlite', ':memory:', sandbox, 'w1', { concurrency: 96, requestTimeoutMs: 500 }),
        produce: { dossiers: plans.length, seed: 7, backlog: 5_000 },
      }).done;
      expect(result?.produced).toBe(messages);
      expect(result?.drained).toBe(true);
      expect(result?.counts).toEqual({ pending: 0, leased: 0, done: messages, dead: 0 });

      const { figures, problems } = await compareWithSandbox(sandbox.url, plans);
      expect(problems).toEqual([]);
      const stats = sandbox.state.stats();
      const faulted = stats.requests - stats.faults.none;
      expect(faulted / stats.requests).toBeGreaterThan(0.17);
      expect(stats.faults.timeout).toBeGreaterThan(0);
      expect(stats.faults.drop).toBeGreaterThan(0);
      console.info(
        `[sync reliability 1] ${JSON.stringify({
          ...figures,
          messages,
          portalRequests: stats.requests,
          faults: stats.faults,
          retries: result?.stats.retries,
          logins: stats.byRoute.login,
          seconds: (Date.now() - started) / 1000,
        })}`,
      );
    } finally {
      await sandbox.close();
    }
  }, 600_000);

  it('survives SIGKILL of the worker process mid-run, twice: portal = local, no duplicates, no reordering', async () => {
    const started = Date.now();
    const plans = planDossiers(2_000, 11);
    const sandbox = await startSandbox({
      faults: { seed: 11, errorRate: 0.04, serverErrorRate: 0.03, dropRate: 0.02, timeoutRate: 0.01, holdMs: 5_000 },
      requestLogLimit: 0,
    });
    const where = join(dir, 'kill.db');
    const store = openSqliteStore({ path: where, synchronous: 'normal', busyTimeoutMs: 60_000 });
    try {
      const messages = await produce(store.outbox, plans);
      const changes = plans.reduce((n, p) => n + p.changes.length, 0);
      const kills: Array<{ at: number; leased: number }> = [];
      for (const [name, share] of [
        ['w1', 0.25],
        ['w2', 0.6],
      ] as const) {
        const w = spawnWorker(workerArgs('sqlite', where, sandbox, name, { concurrency: 32, leaseMs: 5_000 }));
        await until(() => sandbox.state.stats().dossierWrites >= changes * share, `${name} to reach ${share}`);
        w.child.kill('SIGKILL');
        const end = await w.done;
        expect(end.signal).toBe('SIGKILL');
        const counts = await store.outbox.counts();
        kills.push({ at: counts.done, leased: counts.leased });
      }
      // Killed mid-delivery: claims were left leased, to be taken over when their leases end.
      expect(kills.some((k) => k.leased > 0)).toBe(true);
      const last = await spawnWorker(workerArgs('sqlite', where, sandbox, 'w3', { concurrency: 32, leaseMs: 5_000 }))
        .done;
      expect(last.result?.counts).toEqual({ pending: 0, leased: 0, done: messages, dead: 0 });

      const { figures, problems } = await compareWithSandbox(sandbox.url, plans);
      expect(problems).toEqual([]);
      console.info(
        `[sync reliability 2] ${JSON.stringify({ ...figures, messages, kills, seconds: (Date.now() - started) / 1000 })}`,
      );
    } finally {
      await store.close();
      await sandbox.close();
    }
  }, 600_000);

  describe('on PostgreSQL', () => {
    let server: TestPostgres;
    let admin: pg.Pool;
    beforeAll(() => {
      server = startTestPostgres();
      admin = new pg.Pool({ connectionString: server.url, max: 2 });
    }, 120_000);
    afterAll(async () => {
      await admin?.end();
      server?.stop();
    }, 60_000);

    it('two worker processes share one outbox: portal = local, no double sends, no reordering', async () => {
      const started = Date.now();
      const plans = planDossiers(2_000, 13);
      // Faults that never process the request: every write the portal accepted was sent once.
      const sandbox = await startSandbox({
        faults: { seed: 13, errorRate: 0.06, serverErrorRate: 0.05, rateLimitRate: 0.03, retryAfterSeconds: 0 },
        requestLogLimit: 0,
      });
      const schema = freshSchema('motcua_sync');
      const store = await openPostgresStore({ connectionString: server.url, schema, poolConfig: { max: 4 } });
      try {
        const messages = await produce(store.outbox, plans);
        const runs = await Promise.all(
          ['pg1', 'pg2'].map(
            (name) =>
              spawnWorker(
                workerArgs('postgres', server.url, sandbox, name, { concurrency: 24, requestTimeoutMs: 5_000 }, schema),
              ).done,
          ),
        );
        const results = runs.map((r) => r.result);
        for (const r of results) expect(r?.drained).toBe(true);
        expect(await store.outbox.counts()).toEqual({ pending: 0, leased: 0, done: messages, dead: 0 });
        // Both processes did a share of the work.
        for (const r of results) expect(r?.stats.delivered ?? 0).toBeGreaterThan(messages * 0.1);
        expect(results.reduce((n, r) => n + (r?.stats.delivered ?? 0), 0)).toBe(messages);

        const { figures, problems } = await compareWithSandbox(sandbox.url, plans);
        expect(problems).toEqual([]);
        expect(figures.repeatedWrites).toBe(0);
        expect(figures.repeatedProgress).toBe(0);
        console.info(
          `[sync reliability 3] ${JSON.stringify({
            ...figures,
            messages,
            delivered: results.map((r) => r?.stats.delivered),
            retries: results.map((r) => r?.stats.retries),
            seconds: (Date.now() - started) / 1000,
          })}`,
        );
      } finally {
        await store.close();
        await sandbox.close();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    }, 600_000);
  });
});

function workerArgs(
  backend: 'sqlite' | 'postgres',
  where: string,
  sandbox: Sandbox,
  name: string,
  o: { concurrency: number; leaseMs?: number; requestTimeoutMs?: number },
  schema?: string,
): WorkerChildArgs {
  const requestTimeoutMs = o.requestTimeoutMs ?? 1_000;
  return {
    backend,
    where,
    ...(schema === undefined ? {} : { schema }),
    portal: portalConfig(sandbox, requestTimeoutMs),
    name,
    concurrency: o.concurrency,
    // A delivery may take a login, a create answered "đã tồn tại" and the update.
    deliveryTimeoutMs: requestTimeoutMs * 3,
    leaseMs: o.leaseMs ?? Math.max(10_000, requestTimeoutMs * 3 + 2_000),
    pollMs: 20,
    backoff: { baseMs: 20, maxMs: 1_000, jitter: 1, maxAttempts: 100 },
  };
}
