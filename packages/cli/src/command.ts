/**
 * The shape of a `motcua` sub-command.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';

/**
 * The streams a command reads and writes; injected so tests run commands in-process.
 *
 * @example
 * ```ts
 * import type { Io } from '@motcua/cli';
 * const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
 * ```
 * @category CLI
 */
export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

/**
 * Exit codes shared by every command: 0 valid / success, 1 invalid, 2 usage error or unreadable input.
 *
 * @example
 * ```ts
 * import { EXIT } from '@motcua/cli';
 * process.exitCode = EXIT.usage;
 * ```
 * @category CLI
 */
export const EXIT: { readonly ok: 0; readonly invalid: 1; readonly usage: 2 } = { ok: 0, invalid: 1, usage: 2 };

/**
 * A sub-command: `motcua <name> …`.
 *
 * @example
 * ```ts
 * import type { Command } from '@motcua/cli';
 * const hello: Command = {
 *   name: 'hello',
 *   summary: { vi: 'Chào', en: 'Say hello' },
 *   usage: 'motcua hello',
 *   run: async (_args, io) => { io.stdout.write('xin chào\n'); return 0; },
 * };
 * ```
 * @category CLI
 */
export interface Command {
  /** First word after `motcua`. */
  name: string;
  /** One line for `motcua --help`. */
  summary: { vi: string; en: string };
  /** Usage text printed by `motcua <name> --help` and on usage errors. */
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[], io: Io): Promise<number>;
}
