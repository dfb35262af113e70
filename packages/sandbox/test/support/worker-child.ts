/**
 * A sync worker in its own OS process (for the SIGKILL and multi-process tests): opens the
 * outbox (SQLite file or PostgreSQL schema), sends to the sandbox over real sockets, runs
 * until nothing is pending or in flight, prints one JSON line with its figures.
 *
 * argv[2]: JSON of {@link WorkerChildArgs}.
 */

import { createDvcqgClient } from '@motcua/adapters/dvcqg';
import type { OutboxStore } from '@motcua/core';
import { createSyncWorker } from '@motcua/core';
import { openSqliteStore } from '@motcua/store';
import { createDvcqgPortalSender } from '../../../cli/src/commands/sync.ts';
import type { SandboxDvcqgConfig } from '../../src/index.ts';
import { enqueuePlan, planDossiers } from './plan.ts';

export interface WorkerChildArgs {
  backend: 'sqlite' | 'postgres';
  /** Also produce the changes of this plan, in this process, while the worker runs. */
  produce?: { dossiers: number; seed: number; backlog: number } | undefined;
  /** SQLite file, or PostgreSQL URL. */
  where: string;
  /** PostgreSQL schema. */
  schema?: string;
  /** The sandbox's DVCQG configuration and the deadline of one HTTP request. */
  portal: SandboxDvcqgConfig & { requestTimeoutMs: number };
  name: string;
  concurrency: number;
  leaseMs: number;
  deliveryTimeoutMs: number;
  pollMs: number;
  backoff: { baseMs: number; maxMs: number; jitter: number; maxAttempts: number };
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerChildArgs;

let outbox: OutboxStore;
let close: () => Promise<void>;
if (args.backend === 'sqlite') {
  const store = openSqliteStore({ path: args.where, busyTimeoutMs: 60_000, synchronous: 'normal' });
  outbox = store.outbox;
  close = () => store.close();
} else {
  const { openPostgresStore } = await import('@motcua/store/postgres');
  const store = await openPostgresStore({
    connectionString: args.where,
    ...(args.schema === undefined ? {} : { schema: args.schema }),
    poolConfig: { max: 4 },
  });
  outbox = store.outbox;
  close = () => store.close();
}

// The product wiring: @motcua/adapters' DVCQG client (global fetch) behind core's port. No
// retries inside the client: the outbox does the retrying.
const { requestTimeoutMs, ...dvcqg } = args.portal;
const portal = createDvcqgPortalSender(createDvcqgClient({ ...dvcqg, timeoutMs: requestTimeoutMs, retry: false }));
const worker = createSyncWorker({
  outbox,
  portal,
  worker: args.name,
  concurrency: args.concurrency,
  leaseMs: args.leaseMs,
  deliveryTimeoutMs: args.deliveryTimeoutMs,
  pollMs: args.pollMs,
  backoff: args.backoff,
});
const started = Date.now();
let produced = 0;
if (args.produce !== undefined) {
  // The changes arrive while the worker runs: start it, then enqueue in slices.
  worker.start();
  const plans = planDossiers(args.produce.dossiers, args.produce.seed);
  for (let i = 0; i < plans.length; i += 20) {
    produced += await enqueuePlan(outbox, plans.slice(i, i + 20));
    // Changes arrive at the pace the portal takes them, with a backlog of a few thousand
    // messages (a real backlog after an outage is a store-performance question).
    while (produced - worker.stats().delivered > args.produce.backlog) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setImmediate(r));
  }
}
const result = await worker.drain();
await worker.stop();
await close();
process.stdout.write(
  `${JSON.stringify({
    name: args.name,
    drained: result.drained,
    counts: result.counts,
    stats: worker.stats(),
    produced,
    seconds: (Date.now() - started) / 1000,
  })}\n`,
);
