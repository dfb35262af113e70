/**
 * Starts worker-child.ts as an OS process and collects its one-line JSON result.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerChildArgs } from './worker-child.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');

export interface WorkerResult {
  name: string;
  drained: boolean;
  counts: Record<'pending' | 'leased' | 'done' | 'dead', number>;
  stats: { delivered: number; retries: number; deadLettered: number; leaseLost: number; claimed: number };
  produced: number;
  seconds: number;
}

export interface SpawnedWorker {
  child: ChildProcess;
  /** Resolves with the result, or with `{ signal }` when the process was killed. */
  done: Promise<{ result?: WorkerResult; signal?: NodeJS.Signals | null; code?: number | null }>;
}

export function spawnWorker(args: WorkerChildArgs): SpawnedWorker {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@motcua/source',
      '--disable-warning=ExperimentalWarning',
      join(here, 'worker-child.ts'),
      JSON.stringify(args),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const done = new Promise<{ result?: WorkerResult; signal?: NodeJS.Signals | null; code?: number | null }>(
    (resolvePromise, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (signal !== null) {
          resolvePromise({ signal, code });
          return;
        }
        if (code !== 0) {
          reject(new Error(`worker ${args.name} exited ${code}: ${err.slice(-3000)}`));
          return;
        }
        const line = out.trim().split('\n').at(-1) ?? '{}';
        resolvePromise({ result: JSON.parse(line) as WorkerResult, code });
      });
    },
  );
  return { child, done };
}
