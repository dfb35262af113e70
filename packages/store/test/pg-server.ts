/**
 * The PostgreSQL server the tests run against: `MOTCUA_PG_URL` when set (CI starts one
 * with scripts/pg-test-server.sh), otherwise a throwaway server this helper starts with
 * the same script and stops afterwards. With neither, the tests fail loudly — they are
 * never skipped.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scripts/pg-test-server.sh');

/** A running server and how to stop it (a no-op for a server given by `MOTCUA_PG_URL`). */
export interface TestPostgres {
  url: string;
  stop(): void;
}

/** Uses `MOTCUA_PG_URL` or starts a private server; throws with instructions when neither works. */
export function startTestPostgres(): TestPostgres {
  const given = process.env.MOTCUA_PG_URL;
  if (given !== undefined && given !== '') return { url: given, stop: () => {} };
  const dir = join(tmpdir(), `motcua-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const env = { ...process.env, MOTCUA_PG_DIR: dir };
  const run = (command: string): string =>
    execFileSync('bash', [SCRIPT, command], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  try {
    run('start');
    return { url: run('url'), stop: () => void run('stop') };
  } catch (error) {
    const detail =
      error instanceof Error && 'stderr' in error
        ? String((error as { stderr: unknown }).stderr).trim()
        : String(error);
    try {
      run('stop');
    } catch {
      // nothing was started
    }
    throw new Error(
      `The PostgreSQL store tests need a PostgreSQL server and none is available.\n` +
        `Either set MOTCUA_PG_URL (e.g. eval "$(scripts/pg-test-server.sh start && scripts/pg-test-server.sh env)")\n` +
        `or install the server binaries (Debian: apt-get install -y postgresql) so the tests can start one.\n` +
        `scripts/pg-test-server.sh said: ${detail}`,
    );
  }
}

/** A fresh schema name for one test. */
export function freshSchema(prefix = 'motcua_t'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
