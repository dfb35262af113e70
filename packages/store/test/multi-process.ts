/**
 * Runs several OS processes (hammer-child.ts) against one shared store and checks the
 * outcome: no duplicate sequence numbers, none skipped, every message delivered exactly
 * once, each key's messages processed in order.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

/** One processed-message record from the side log, in commit order. */
export interface HammerLogRow {
  worker: string;
  message_id: string;
  key: string;
  n: number;
}

/** Sizes of a run. */
export interface HammerPlan {
  workers: number;
  sequencesPerWorker: number;
  messagesPerWorker: number;
  keysPerWorker: number;
}

function runChild(args: string[]): Promise<{ sequences: number[]; processed: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@motcua/source', '--disable-warning=ExperimentalWarning', join(here, 'hammer-child.ts'), ...args],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`hammer child ${args[3]} exited ${code}: ${err.slice(-2000)}`));
      else
        resolvePromise(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { sequences: number[]; processed: number });
    });
  });
}

/** Spawns the workers, waits for all, and checks the invariants against the side log. */
export async function hammer(
  backend: 'sqlite' | 'postgres',
  where: string,
  schema: string,
  plan: HammerPlan,
  readLog: () => Promise<HammerLogRow[]>,
): Promise<{ pids: number; processedPerWorker: number[] }> {
  const total = plan.workers * plan.messagesPerWorker;
  const results = await Promise.all(
    Array.from({ length: plan.workers }, (_, w) =>
      runChild([
        backend,
        where,
        schema,
        String(w),
        String(plan.sequencesPerWorker),
        String(plan.messagesPerWorker),
        String(plan.keysPerWorker),
        String(total),
      ]),
    ),
  );
  const numbers = results.flatMap((r) => r.sequences).sort((a, b) => a - b);
  const expectedNumbers = Array.from({ length: plan.workers * plan.sequencesPerWorker }, (_, i) => i + 1);
  expect(numbers).toEqual(expectedNumbers);

  const log = await readLog();
  const ids = log.map((r) => r.message_id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(total);
  const lastByKey = new Map<string, number>();
  for (const row of log) {
    const previous = lastByKey.get(row.key) ?? -1;
    expect(Number(row.n), `order of key ${row.key}`).toBeGreaterThan(previous);
    lastByKey.set(row.key, Number(row.n));
  }
  return { pids: results.length, processedPerWorker: results.map((r) => r.processed) };
}
