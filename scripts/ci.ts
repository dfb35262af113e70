/**
 * The whole check, as CI runs it (`./dev.sh test` → `pnpm run ci`): build (with the
 * packaging checks publint and attw), typecheck, lint, the import-boundary check, every
 * test, the TypeDoc site. Stops at the first failing step; prints a closing
 * `N passed, N failed` line for the test step.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string[];
}

const steps: Step[] = [
  { name: 'build (tsdown + publint + attw)', cmd: ['pnpm', 'run', 'build'] },
  { name: 'typecheck', cmd: ['pnpm', 'run', 'typecheck'] },
  { name: 'lint (biome)', cmd: ['pnpm', 'run', 'lint'] },
  { name: 'package boundaries', cmd: ['node', 'scripts/check-boundaries.ts'] },
  {
    name: 'tests (vitest)',
    cmd: [
      'pnpm',
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=.vitest-report.json',
    ],
  },
  { name: 'API docs (typedoc)', cmd: ['pnpm', 'run', 'docs'] },
];

const only = process.argv.slice(2);
const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n── ${step.name} ──`);
  const t0 = Date.now();
  if (step.name.startsWith('tests')) rmSync('.vitest-report.json', { force: true });
  const [bin, ...args] = step.cmd as [string, ...string[]];
  const r = spawnSync(bin, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (step.name.startsWith('tests')) printTestSummary();
  if (step.name.startsWith('API docs') && r.status === 0 && existsSync('packages/schemas/json-schema')) {
    cpSync('packages/schemas/json-schema', 'docs/api/json-schema', { recursive: true });
  }
  if (r.status !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${r.status ?? r.signal}) after ${secs}s`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${secs}s)`);
}
console.log(`\nall checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);

function printTestSummary(): void {
  if (!existsSync('.vitest-report.json')) return;
  const report = JSON.parse(readFileSync('.vitest-report.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(
    `\nTests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
}
