import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../src/command.ts';

/** In-memory streams for running commands in-process; `out()`/`err()` return what was written. */
export function memoryIo(stdinText = ''): Io & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  stdout.on('data', (c: Buffer) => o.push(c));
  stderr.on('data', (c: Buffer) => e.push(c));
  return {
    stdout,
    stderr,
    stdin: Readable.from([Buffer.from(stdinText)]),
    out: () => Buffer.concat(o).toString('utf8'),
    err: () => Buffer.concat(e).toString('utf8'),
  };
}
