import { open, readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * Why an input could not be read (exit code 2), or was too large to read whole (exit 1).
 *
 * @example
 * ```ts
 * import { InputError } from '@motcua/cli';
 * const e = new InputError('NOT_FOUND', 'missing.json');
 * e.code; // 'NOT_FOUND'
 * ```
 * @category CLI
 */
export class InputError extends Error {
  readonly code: 'NOT_FOUND' | 'IS_DIRECTORY' | 'NO_PERMISSION' | 'TOO_LARGE' | 'READ_FAILED';
  readonly source: string;
  constructor(code: InputError['code'], source: string, options?: { cause?: unknown }) {
    super(`${code}: ${source}`, options);
    this.name = 'InputError';
    this.code = code;
    this.source = source;
  }
}

/** Default cap on a whole-file read (not used by streaming modes). */
export const DEFAULT_MAX_BYTES: number = 512 * 1024 * 1024;

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function toInputError(err: unknown, source: string): InputError {
  const code = errnoCode(err);
  if (code === 'ENOENT') return new InputError('NOT_FOUND', source, { cause: err });
  if (code === 'EISDIR') return new InputError('IS_DIRECTORY', source, { cause: err });
  if (code === 'EACCES' || code === 'EPERM') return new InputError('NO_PERMISSION', source, { cause: err });
  return new InputError('READ_FAILED', source, { cause: err });
}

/**
 * The first `bytes` bytes of a file (fewer when it is shorter), to detect its format before
 * deciding how to read it.
 *
 * @throws {InputError} when the file cannot be opened or read.
 * @example
 * ```ts
 * import { readHead } from '@motcua/cli';
 * const head = await readHead('ket-qua.pdf', 1024);
 * console.log(Buffer.from(head).toString('latin1').startsWith('%PDF-'));
 * ```
 * @category CLI
 */
export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  try {
    const h = await open(file, 'r');
    try {
      const buf = new Uint8Array(bytes);
      const { bytesRead } = await h.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await h.close();
    }
  } catch (err) {
    throw toInputError(err, file);
  }
}

/**
 * Reads a whole file (or standard input for `-`) up to `maxBytes`, as a plain `Uint8Array`
 * view: a file is read with one allocation (its size is checked first), standard input
 * with one final join — large signed PDFs are not copied again on the way in.
 *
 * @example
 * ```ts
 * import { readWhole } from '@motcua/cli';
 * const bytes = await readWhole('-', process.stdin, 1024 * 1024);
 * ```
 * @category CLI
 */
export async function readWhole(
  source: string,
  stdin: Readable,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<Uint8Array> {
  if (source !== '-') {
    let buf: Buffer;
    try {
      const info = await stat(source);
      if (info.isDirectory()) throw new InputError('IS_DIRECTORY', source);
      if (info.size > maxBytes) throw new InputError('TOO_LARGE', source);
      buf = await readFile(source);
    } catch (err) {
      throw err instanceof InputError ? err : toInputError(err, source);
    }
    if (buf.length > maxBytes) throw new InputError('TOO_LARGE', source);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    total += bytes.length;
    if (total > maxBytes) throw new InputError('TOO_LARGE', source);
    chunks.push(bytes);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/**
 * Streams a file (or standard input for `-`) in chunks, translating file-system errors
 * into {@link InputError}s.
 *
 * @example
 * ```ts
 * import { openStream } from '@motcua/cli';
 * for await (const chunk of openStream('batch.ndjson', process.stdin)) console.log(chunk.length);
 * ```
 * @category CLI
 */
export async function* openStream(source: string, stdin: Readable): AsyncGenerator<Uint8Array> {
  if (source === '-') {
    for await (const chunk of stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    return;
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(source, 'r');
  } catch (err) {
    throw toInputError(err, source);
  }
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buf, 0, buf.length, null));
      } catch (err) {
        throw toInputError(err, source);
      }
      if (n === 0) return;
      // The buffer is reused for the next read: consumers copy what they keep
      // (validateNdjson copies partial lines, readWhole copies every chunk).
      yield buf.subarray(0, n);
    }
  } finally {
    await handle.close();
  }
}
