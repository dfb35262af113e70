/**
 * NDJSON validation on several cores: the main thread only splits the byte stream into
 * blocks of whole lines; worker threads decode, parse and validate them; results come back
 * in input order. Same results as `validateNdjson` (a test checks it), bounded memory
 * (a fixed number of blocks in flight), and the same 16 MiB line cap.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Lang, localizeIssues, type NdjsonRecordResult, type NdjsonSummary } from '@motcua/schemas';

/**
 * Options of {@link validateNdjsonParallel}.
 *
 * @example
 * ```ts
 * import type { ParallelNdjsonOptions } from '@motcua/cli';
 * const o: ParallelNdjsonOptions = { kind: 'dvcqg-dossier', workers: 2, lang: 'en' };
 * ```
 * @category CLI
 */
export interface ParallelNdjsonOptions {
  /** The validation kind (see `KINDS`). */
  kind: string;
  /** Worker threads (at least 1); default {@link defaultWorkerCount}, or 1 when that is 0. */
  workers?: number;
  lang?: Lang;
  /** Longest accepted line in bytes (default 16 MiB). */
  maxLineBytes?: number;
  /** Bytes per block sent to a worker (default 1 MiB). */
  blockBytes?: number;
}

/**
 * The default worker count: one per core (the main thread only splits lines and prints,
 * which costs little), at most 8; 0 on a single core, meaning "validate in-process".
 *
 * @example
 * ```ts
 * import { defaultWorkerCount } from '@motcua/cli';
 * defaultWorkerCount(); // e.g. 2 on a 2-core machine
 * ```
 * @category CLI
 */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores <= 1 ? 0 : Math.min(8, cores);
}

interface Reply {
  seq: number;
  status: Uint8Array;
  details: NdjsonRecordResult[];
  /** The block's buffer, handed back for reuse (fresh memory is costly to fault in). */
  buffer?: ArrayBuffer;
}

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './ndjson-worker.ts' : './ndjson-worker.js',
  import.meta.url,
);

/**
 * Validates an NDJSON byte stream on worker threads, yielding one result per non-blank
 * line in input order and returning the summary — the multi-core twin of
 * `validateNdjson` from `@motcua/schemas`.
 *
 * @example
 * ```ts
 * import { openStream, validateNdjsonParallel } from '@motcua/cli';
 * const it = validateNdjsonParallel(openStream('dossiers.ndjson', process.stdin), { kind: 'dvcqg-dossier' });
 * for (let r = await it.next(); !r.done; r = await it.next()) if (!r.value.valid) console.log(r.value.line);
 * ```
 * @category CLI
 */
export async function* validateNdjsonParallel(
  source: AsyncIterable<Uint8Array>,
  options: ParallelNdjsonOptions,
): AsyncGenerator<NdjsonRecordResult, NdjsonSummary, undefined> {
  const lang = options.lang ?? 'vi';
  const maxLine = options.maxLineBytes ?? 16 * 1024 * 1024;
  const blockBytes = options.blockBytes ?? 1 << 20;
  const count = Math.max(1, options.workers ?? defaultWorkerCount());
  const execArgv = WORKER_URL.pathname.endsWith('.ts')
    ? [...process.execArgv.filter((a) => !a.startsWith('--conditions')), '--conditions=@motcua/source']
    : process.execArgv;
  const workers = Array.from(
    { length: count },
    () => new Worker(WORKER_URL, { workerData: { kind: options.kind, lang }, execArgv }),
  );
  const summary: NdjsonSummary = { records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 };
  const maxInFlight = count * 3;
  const waiting = new Map<number, Reply | Error>();
  let wake: (() => void) | undefined;
  const pool: ArrayBuffer[] = [];
  const onMessage = (reply: Reply) => {
    if (reply.buffer !== undefined) pool.push(reply.buffer);
    waiting.set(reply.seq, reply);
    wake?.();
  };
  const onError = (err: Error) => {
    waiting.set(-1, err);
    wake?.();
  };
  for (const w of workers) {
    w.on('message', onMessage);
    w.on('error', onError);
  }

  let sent = 0;
  let received = 0;
  let nextLine = 1;
  // Lines that the main thread settles itself (overlong ones) wait here for their turn.
  const local = new Map<number, NdjsonRecordResult>();
  const pendingOrder: Array<{ seq: number; kind: 'block' } | { seq: number; kind: 'local'; line: number }> = [];

  const count1 = (r: NdjsonRecordResult) => {
    summary.records++;
    if (r.valid) summary.valid++;
    else summary.invalid++;
    for (const i of r.issues) if (i.severity === 'warning') summary.warnings++;
  };

  // Settled results wait here; the generator yields them directly (one async hop per record).
  let ready: NdjsonRecordResult[] = [];
  async function drain(all: boolean): Promise<void> {
    while (pendingOrder.length > 0 && (all || sent - received >= maxInFlight)) {
      const head = pendingOrder[0];
      if (head === undefined) break;
      if (head.kind === 'local') {
        pendingOrder.shift();
        const r = local.get(head.line);
        local.delete(head.line);
        if (r !== undefined) {
          count1(r);
          ready.push(r);
        }
        continue;
      }
      const err = waiting.get(-1);
      if (err instanceof Error) throw err;
      const reply = waiting.get(head.seq);
      if (reply === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      if (reply instanceof Error) throw reply;
      waiting.delete(head.seq);
      pendingOrder.shift();
      received++;
      let d = 0;
      const first = blockFirstLine.get(head.seq) ?? 0;
      for (let i = 0; i < reply.status.length; i++) {
        const s = reply.status[i];
        if (s === 0) summary.blankLines++;
        else if (s === 1) {
          summary.records++;
          summary.valid++;
          ready.push({ line: first + i, valid: true, issues: [] });
        } else {
          const r = reply.details[d++];
          if (r !== undefined) {
            count1(r);
            ready.push(r);
          }
        }
      }
      blockFirstLine.delete(head.seq);
    }
  }

  const blockFirstLine = new Map<number, number>();
  let block: Uint8Array[] = [];
  let blockSize = 0;
  let blockLines = 0;
  const flushBlock = () => {
    if (blockSize === 0) return;
    // One copy into a pooled buffer: transferable, and the producer may reuse its own buffer.
    let buffer = pool.pop();
    if (buffer === undefined || buffer.byteLength < blockSize)
      buffer = new ArrayBuffer(Math.max(blockSize, blockBytes * 2));
    const bytes = new Uint8Array(buffer, 0, blockSize);
    let off = 0;
    for (const p of block) {
      bytes.set(p, off);
      off += p.length;
    }
    const seq = sent++;
    blockFirstLine.set(seq, nextLine);
    nextLine += blockLines;
    pendingOrder.push({ seq, kind: 'block' });
    workers[seq % count]?.postMessage({ seq, firstLine: blockFirstLine.get(seq), bytes, maxLine }, [buffer]);
    block = [];
    blockSize = 0;
    blockLines = 0;
  };
  const addToBlock = (bytes: Uint8Array, lines: number) => {
    block.push(bytes);
    blockSize += bytes.length;
    blockLines += lines;
    if (blockSize >= blockBytes) flushBlock();
  };
  // The partial line at the end of the last chunk (copied), or an overlong line being skipped.
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  let overlong = false;
  let overlongBytes = 0;
  const settleOverlong = () => {
    flushBlock();
    const line = nextLine++;
    local.set(line, {
      line,
      valid: false,
      issues: localizeIssues(
        [{ code: 'INPUT_TOO_LARGE', path: [], params: { size: overlongBytes, maximum: maxLine } }],
        {
          lang,
        },
      ),
    });
    pendingOrder.push({ seq: -1, kind: 'local', line });
    overlong = false;
    overlongBytes = 0;
  };
  const keepPartial = (piece: Uint8Array) => {
    if (overlong) overlongBytes += piece.length;
    else if (carryBytes + piece.length > maxLine) {
      overlong = true;
      overlongBytes = carryBytes + piece.length;
      carry = [];
      carryBytes = 0;
    } else if (piece.length > 0) {
      carry.push(new Uint8Array(piece));
      carryBytes += piece.length;
    }
  };

  try {
    for await (const chunk of source) {
      let start = 0;
      const last = chunk.lastIndexOf(0x0a);
      if (last === -1) {
        keepPartial(chunk);
      } else {
        // The first line of this chunk completes the carried partial line.
        const first = chunk.indexOf(0x0a);
        keepPartial(chunk.subarray(0, first));
        if (overlong) settleOverlong();
        else {
          const head = new Uint8Array(carryBytes + 1);
          let off = 0;
          for (const p of carry) {
            head.set(p, off);
            off += p.length;
          }
          head[off] = 0x0a;
          addToBlock(head, 1);
        }
        carry = [];
        carryBytes = 0;
        start = first + 1;
        // Whole lines in the middle go to the workers as they are (lines longer than the
        // cap inside them are reported by the worker, as validateNdjson would).
        if (last >= start) {
          const body = chunk.subarray(start, last + 1);
          addToBlock(body, countNewlines(body));
        }
        keepPartial(chunk.subarray(last + 1));
      }
      // Blocks may hold views into this chunk, which the producer may overwrite next.
      flushBlock();
      await drain(false);
      if (ready.length > 0) {
        const out = ready;
        ready = [];
        for (const r of out) yield r;
      }
    }
    if (overlong) settleOverlong();
    else if (carryBytes > 0) {
      const tail = new Uint8Array(carryBytes);
      let off = 0;
      for (const p of carry) {
        tail.set(p, off);
        off += p.length;
      }
      addToBlock(tail, 1);
    }
    flushBlock();
    await drain(true);
    for (const r of ready) yield r;
    ready = [];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return summary;
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
