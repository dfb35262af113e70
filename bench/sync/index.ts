/**
 * `pnpm bench sync [--dossiers N] [--concurrency N]`
 *
 * Question: how many dossiers per second does the sync engine bring to the portal, with
 * every status change and progress row, over loopback HTTP — with no faults, and with 10 %
 * of the portal's answers failing — and what does the hand-written loop vendors use today
 * (send each change once, no outbox, no retry) achieve, and lose, on the same portal?
 *
 * Per scenario, each side gets a fresh sandbox portal in this process and sends from a
 * child process:
 *
 *   motcua   the changes of N dossiers (each walks the lifecycle: about four changes, two
 *            messages each) wait in a SQLite outbox file (WAL, synchronous=normal); one sync
 *            worker (batches of 10, `concurrency` messages in flight) delivers them; timed
 *            from its start until the outbox is empty
 *   naive    the same changes sent straight from memory by `concurrency` loops, in order
 *            per dossier, a failed call logged and forgotten
 *
 * Afterwards the portal is compared with the local plan: `lost` counts the dossiers whose
 * portal state is not the local one. motcua must lose none (the bench fails otherwise).
 *
 * Last line: one JSON object with the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FaultConfig, type Sandbox, startSandbox } from '@motcua/sandbox';
import { openSqliteStore } from '@motcua/store';
import { enqueuePlan, messageCount, planDossiers } from '../../packages/sandbox/test/support/plan.ts';
import { spawnWorker } from '../../packages/sandbox/test/support/spawn-worker.ts';
import { compareWithSandbox } from '../../packages/sandbox/test/support/verify.ts';
import type { WorkerChildArgs } from '../../packages/sandbox/test/support/worker-child.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 42;
const REQUEST_TIMEOUT_MS = 2_000;

interface Figures {
  seconds: number;
  dossiersPerSecond: number;
  messagesPerSecond: number;
  requests: number;
  faulted: number;
  lost: number;
}

function portalConfig(sandbox: Sandbox): WorkerChildArgs['portal'] {
  return { ...sandbox.dvcqg, requestTimeoutMs: REQUEST_TIMEOUT_MS };
}

async function finish(sandbox: Sandbox, dossiers: number, messages: number, seconds: number): Promise<Figures> {
  const plans = planDossiers(dossiers, SEED);
  const { figures } = await compareWithSandbox(sandbox.url, plans);
  const stats = sandbox.state.stats();
  return {
    seconds: Math.round(seconds * 100) / 100,
    dossiersPerSecond: Math.round(dossiers / seconds),
    messagesPerSecond: Math.round(messages / seconds),
    requests: stats.requests,
    faulted: stats.requests - stats.faults.none,
    lost: figures.mismatched,
  };
}

async function motcua(dossiers: number, concurrency: number, faults: FaultConfig): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sync-'));
  const sandbox = await startSandbox({ faults, requestLogLimit: 0 });
  const where = join(dir, 'outbox.db');
  const store = openSqliteStore({ path: where, synchronous: 'normal', busyTimeoutMs: 60_000 });
  try {
    const plans = planDossiers(dossiers, SEED);
    const messages = await enqueuePlan(store.outbox, plans);
    if (messages !== messageCount(plans)) throw new Error('enqueue lost messages');
    const started = process.hrtime.bigint();
    const { result } = await spawnWorker({
      backend: 'sqlite',
      where,
      portal: portalConfig(sandbox),
      name: 'bench',
      concurrency,
      deliveryTimeoutMs: REQUEST_TIMEOUT_MS * 3,
      leaseMs: REQUEST_TIMEOUT_MS * 3 + 5_000,
      pollMs: 20,
      backoff: { baseMs: 20, maxMs: 1_000, jitter: 1, maxAttempts: 100 },
    }).done;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result?.counts.done !== messages) throw new Error(`not drained: ${JSON.stringify(result?.counts)}`);
    const figures = await finish(sandbox, dossiers, messages, seconds);
    if (figures.lost > 0) throw new Error(`motcua lost ${figures.lost} dossiers`);
    return figures;
  } finally {
    await store.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function naive(dossiers: number, concurrency: number, faults: FaultConfig): Promise<Figures> {
  const sandbox = await startSandbox({ faults, requestLogLimit: 0 });
  try {
    const messages = messageCount(planDossiers(dossiers, SEED));
    const started = process.hrtime.bigint();
    await new Promise<void>((resolvePromise, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--conditions=@motcua/source',
          '--disable-warning=ExperimentalWarning',
          join(here, 'naive-child.ts'),
          JSON.stringify({ portal: portalConfig(sandbox), dossiers, seed: SEED, concurrency }),
        ],
        { cwd: resolve(here, '../..'), stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`naive sender exited ${code}`))));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return await finish(sandbox, dossiers, messages, seconds);
  } finally {
    await sandbox.close();
  }
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { dossiers: { type: 'string' }, concurrency: { type: 'string' } },
  });
  const dossiers = Number(values.dossiers ?? 5000);
  const concurrency = Number(values.concurrency ?? 64);
  const faults10: FaultConfig = {
    seed: 2,
    errorRate: 0.03,
    serverErrorRate: 0.03,
    rateLimitRate: 0.01,
    retryAfterSeconds: 1,
    dropRate: 0.02,
    timeoutRate: 0.01,
    holdMs: 5_000,
  };
  const out: Record<string, Figures> = {};
  for (const [name, faults] of [
    ['noFaults', { seed: 1 }],
    ['faults10', faults10],
  ] as const) {
    out[`${name}.motcua`] = await motcua(dossiers, concurrency, faults);
    console.log(`${name.padEnd(8)} motcua ${JSON.stringify(out[`${name}.motcua`])}`);
    out[`${name}.naive`] = await naive(dossiers, concurrency, faults);
    console.log(`${name.padEnd(8)} naive  ${JSON.stringify(out[`${name}.naive`])}`);
  }
  const pick = (k: string) => out[k] as Figures;
  console.log(
    JSON.stringify({
      bench: 'sync',
      dossiers,
      concurrency,
      noFaults: {
        dossiersPerSecond: pick('noFaults.motcua').dossiersPerSecond,
        messagesPerSecond: pick('noFaults.motcua').messagesPerSecond,
        naiveDossiersPerSecond: pick('noFaults.naive').dossiersPerSecond,
        lost: pick('noFaults.motcua').lost,
        naiveLost: pick('noFaults.naive').lost,
      },
      faults10: {
        dossiersPerSecond: pick('faults10.motcua').dossiersPerSecond,
        messagesPerSecond: pick('faults10.motcua').messagesPerSecond,
        naiveDossiersPerSecond: pick('faults10.naive').dossiersPerSecond,
        lost: pick('faults10.motcua').lost,
        naiveLost: pick('faults10.naive').lost,
        faultedRequests: pick('faults10.motcua').faulted,
      },
    }),
  );
}
