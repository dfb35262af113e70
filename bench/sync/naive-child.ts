/**
 * The peer of `pnpm bench sync`: the sync loop vendors hand-write today — for each dossier,
 * send each change as it comes (`DongBoHoSoMC`, then `CapNhatTienDoHoSoMC`), no outbox,
 * no retry; a failure is logged and the update is lost. Same client (@motcua/adapters,
 * retries off) and same process layout as the worker. argv[2]: JSON
 * { portal, dossiers, seed, concurrency }. Prints one JSON line: { sent, failed, seconds }.
 */

import { createDvcqgClient } from '@motcua/adapters/dvcqg';
import type { SandboxDvcqgConfig } from '@motcua/sandbox';
import { planDossiers } from '../../packages/sandbox/test/support/plan.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  portal: SandboxDvcqgConfig & { requestTimeoutMs: number };
  dossiers: number;
  seed: number;
  concurrency: number;
};
const plans = planDossiers(args.dossiers, args.seed);
const { requestTimeoutMs, ...dvcqg } = args.portal;
const client = createDvcqgClient({ ...dvcqg, timeoutMs: requestTimeoutMs, retry: false });
let next = 0;
let sent = 0;
let failed = 0;
const started = Date.now();
await Promise.all(
  Array.from({ length: args.concurrency }, async () => {
    for (let i = next++; i < plans.length; i = next++) {
      for (const change of plans[i]?.changes ?? []) {
        try {
          await client.dongBoHoSo([change.dossier], { isUpdating: change.first !== true });
          const r = await client.capNhatTienDo(change.progress ?? []);
          if (!r.ok) throw new Error('progress not sent');
          sent++;
        } catch {
          failed++; // logged somewhere, never sent again: the update is lost
        }
      }
    }
  }),
);
process.stdout.write(`${JSON.stringify({ sent, failed, seconds: (Date.now() - started) / 1000 })}\n`);
