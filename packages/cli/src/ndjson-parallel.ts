/**
 * NDJSON validation on several cores: the main thread only copies the byte stream into
 * pooled buffers and cuts them after the last newline; worker threads split, decode, parse
 * and validate the lines and send back per-block totals plus only the records that carry
 * issues; blocks come back in input order. Same results as `validateNdjson` (a test checks
 * it), bounded memory (a fixed number of blocks in flight), and the same 16 MiB line cap.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  KINDS,
  type Lang,
  localizeIssues,
  type NdjsonRecordResult,
  type NdjsonSummary,
  type RecordValidator,
  type ValidationIssue,
} from '@motcua/schemas';
import { asBuffer, type BlockOutcome, countLines, renderNdjsonRecord, validateBlock } from './ndjson-parallel-block.ts';

/**
 * Options of {@link validateNdjsonBlocks} and {@link validateNdjsonParallel}.
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
  /**
   * Validate blocks on the calling thread until the first worker has loaded the schemas
   * (default `true`; loading takes about half a second per worker). `false` sends every
   * block to a worker.
   */
  validateWhileStarting?: boolean;
  /**
   * Also render every record's report line on the worker threads, as
   * `motcua validate --ndjson` prints it (`'text'`, in `lang`, or `'json'`): each block's
   * lines are then in {@link NdjsonBlockResult.report}, so that printing a million records
   * costs the calling thread one write per block. Ignored by {@link validateNdjsonParallel}.
   */
  report?: 'text' | 'json';
}

/**
 * The default worker count: one per core (the main thread only cuts blocks and writes
 * what the workers rendered, which costs little), at most 8; 0 on a single core, meaning "validate in-process".
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

/**
 * The results for one block of consecutive lines of an NDJSON input, as
 * {@link validateNdjsonBlocks} yields them: the block's totals, a status byte per line, and
 * objects only for the records that carry issues — a valid record without issues costs
 * no allocation until {@link NdjsonBlockResult.records} is called.
 *
 * @example
 * ```ts
 * import type { NdjsonBlockResult } from '@motcua/cli';
 * function report(b: NdjsonBlockResult): string[] {
 *   return b.flagged().map((r) => `${r.line}: ${r.issues.map((i) => i.code).join(', ')}`);
 * }
 * ```
 * @category CLI
 */
export interface NdjsonBlockResult {
  /** 1-based line number of the block's first line. */
  readonly firstLine: number;
  /** Totals over this block only. */
  readonly summary: Readonly<NdjsonSummary>;
  /**
   * One byte per line of the block (blank lines included): `0` blank, `1` a record valid
   * without issues, `2` a record with issues (invalid, or valid with warnings), listed by
   * {@link NdjsonBlockResult.flagged}. Line `i` of the block is line `firstLine + i`.
   */
  readonly status: Uint8Array;
  /**
   * The records with status `2`, in order. Issue objects may be shared between records of
   * the block: treat them as read-only.
   */
  flagged(): NdjsonRecordResult[];
  /** Every record of the block in order, exactly as `validateNdjson` would yield them. */
  records(): NdjsonRecordResult[];
  /** With the `report` option: the block's report lines (UTF-8), ready to write out. */
  readonly report: Uint8Array | undefined;
}

/** What a worker sends back for one block (see `ndjson-worker.ts`). */
interface BlockReply extends BlockOutcome {
  seq: number;
  /** The block's buffer, handed back for reuse (fresh memory is costly to fault in). */
  buffer: ArrayBuffer;
}

class Block implements NdjsonBlockResult {
  readonly firstLine: number;
  readonly summary: NdjsonSummary;
  readonly status: Uint8Array;
  readonly report: Uint8Array | undefined;
  readonly #refs: Int32Array;
  readonly #table: ValidationIssue[];
  #flagged: NdjsonRecordResult[] | undefined;

  constructor(firstLine: number, reply: BlockOutcome) {
    this.firstLine = firstLine;
    this.summary = reply.summary;
    this.status = reply.status;
    this.report = reply.report;
    this.#refs = reply.refs;
    this.#table = reply.table;
  }

  flagged(): NdjsonRecordResult[] {
    if (this.#flagged !== undefined) return this.#flagged;
    const out: NdjsonRecordResult[] = [];
    const refs = this.#refs;
    const table = this.#table;
    for (let k = 0; k < refs.length; ) {
      const line = this.firstLine + (refs[k++] ?? 0);
      const valid = refs[k++] === 1;
      const n = refs[k++] ?? 0;
      const issues: ValidationIssue[] = [];
      for (let j = 0; j < n; j++) {
        const issue = table[refs[k++] ?? -1];
        if (issue !== undefined) issues.push(issue);
      }
      out.push({ line, valid, issues });
    }
    this.#flagged = out;
    return out;
  }

  records(): NdjsonRecordResult[] {
    const flagged = this.flagged();
    const out: NdjsonRecordResult[] = [];
    let f = 0;
    for (let i = 0; i < this.status.length; i++) {
      const s = this.status[i];
      if (s === 1) out.push({ line: this.firstLine + i, valid: true, issues: [] });
      else if (s === 2) {
        const r = flagged[f++];
        if (r !== undefined) out.push(r);
      }
    }
    return out;
  }
}

const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './ndjson-worker.ts' : './ndjson-worker.js',
  import.meta.url,
);

/**
 * Validates an NDJSON byte stream on worker threads, yielding one {@link NdjsonBlockResult}
 * per block of lines in input order and returning the summary. This is what
 * `motcua validate --ndjson` runs: the main thread only copies the stream into pooled
 * buffers, cuts them after the last newline and hands them over; the workers split, decode,
 * parse and validate, and send back totals plus only the records that carry issues.
 * Memory stays bounded (a fixed number of blocks in flight; a line longer than
 * `maxLineBytes` is reported as `INPUT_TOO_LARGE` without being held whole). The records,
 * block after block, are exactly those of `validateNdjson` from `@motcua/schemas`.
 *
 * @example
 * ```ts
 * import { openStream, validateNdjsonBlocks } from '@motcua/cli';
 * const blocks = validateNdjsonBlocks(openStream('dossiers.ndjson', process.stdin), { kind: 'dvcqg-dossier' });
 * for (let b = await blocks.next(); ; b = await blocks.next()) {
 *   if (b.done) { console.log(b.value); break; } // the summary
 *   for (const r of b.value.flagged()) if (!r.valid) console.log(r.line, r.issues[0]?.code);
 * }
 * ```
 * @category CLI
 */
export async function* validateNdjsonBlocks(
  source: AsyncIterable<Uint8Array>,
  options: ParallelNdjsonOptions,
): AsyncGenerator<NdjsonBlockResult, NdjsonSummary, undefined> {
  const lang = options.lang ?? 'vi';
  const maxLine = options.maxLineBytes ?? 16 * 1024 * 1024;
  const blockBytes = Math.max(1, options.blockBytes ?? 1 << 20);
  const count = Math.max(1, options.workers ?? defaultWorkerCount());
  const execArgv = WORKER_URL.pathname.endsWith('.ts')
    ? [...process.execArgv.filter((a) => !a.startsWith('--conditions')), '--conditions=@motcua/source']
    : process.execArgv;
  const summary: NdjsonSummary = { records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 };
  const maxInFlight = count * 3;
  // Buffers of this size are pooled; a larger one (a long line) is left to the GC.
  const capacity = blockBytes * 2;
  const pool: ArrayBuffer[] = [];
  const replies = new Map<number, BlockReply>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let closing = false;
  // Per worker: loaded the schemas yet; blocks sent and not answered yet.
  const ready = Array.from({ length: count }, () => false);
  const load = Array.from({ length: count }, () => 0);
  const onMessage = (index: number, reply: BlockReply | 'ready') => {
    if (reply === 'ready') {
      ready[index] = true;
      return;
    }
    load[index] = (load[index] ?? 1) - 1;
    if (reply.buffer.byteLength === capacity) pool.push(reply.buffer);
    arrived++;
    replies.set(reply.seq, reply);
    wake?.();
  };
  const onError = (err: Error) => {
    failure ??= err;
    wake?.();
  };
  const onExit = (code: number) => {
    if (!closing) onError(new Error(`NDJSON validation worker exited early (code ${code})`));
  };
  const workers = Array.from({ length: count }, (_, index) => {
    const w = new Worker(WORKER_URL, { workerData: { kind: options.kind, lang }, execArgv });
    w.on('message', (reply: BlockReply | 'ready') => onMessage(index, reply));
    w.on('error', onError);
    w.on('exit', onExit);
    return w;
  });

  // Blocks in input order: a worker's sequence number, or a block settled here (an
  // overlong line, never buffered whole).
  const order: Array<number | BlockOutcome> = [];
  const kind = KINDS[options.kind];
  const check: RecordValidator | undefined = kind === undefined ? undefined : (v, o) => kind.validate(v, o);
  const here = options.validateWhileStarting ?? true;
  const format = options.report;
  // With a report, lines are counted as blocks leave, so that workers can number them.
  let dispatchLine = 1;
  const reportFor = (bytes: Uint8Array) => {
    if (format === undefined) return undefined;
    const firstLine = dispatchLine;
    dispatchLine += countLines(bytes);
    return { format, firstLine };
  };
  let sent = 0;
  let arrived = 0;
  let inFlight = 0;
  let nextLine = 1;

  const take = (min: number): Uint8Array<ArrayBuffer> => {
    if (min <= capacity) {
      const pooled = pool.pop();
      return new Uint8Array(pooled ?? new ArrayBuffer(capacity));
    }
    return new Uint8Array(new ArrayBuffer(min * 2));
  };
  // The block being filled: whole lines in [0, lineStart), a partial line in [lineStart, fill).
  let buf = take(capacity);
  let fill = 0;
  let lineStart = 0;
  const send = () => {
    if (lineStart === 0) return;
    // The least busy worker that is ready; while none is (they are still loading the
    // schemas), this thread validates rather than wait.
    const anyReady = ready.includes(true);
    if (!anyReady && here) {
      const bytes = buf.subarray(0, lineStart);
      order.push(validateBlock(bytes, maxLine, check, lang, reportFor(bytes)));
      buf.copyWithin(0, lineStart, fill);
      fill -= lineStart;
      lineStart = 0;
      return;
    }
    let target = -1;
    for (let i = 0; i < count; i++) {
      if (anyReady && !ready[i]) continue;
      if (target === -1 || (load[i] ?? 0) < (load[target] ?? 0)) target = i;
    }
    const next = take(fill - lineStart);
    next.set(buf.subarray(lineStart, fill));
    const seq = sent++;
    inFlight++;
    load[target] = (load[target] ?? 0) + 1;
    const bytes = buf.subarray(0, lineStart);
    workers[target]?.postMessage({ seq, bytes, maxLine, report: reportFor(bytes) }, [buf.buffer]);
    order.push(seq);
    buf = next;
    fill -= lineStart;
    lineStart = 0;
  };
  const append = (piece: Uint8Array) => {
    if (fill + piece.length > buf.length) {
      send();
      if (fill + piece.length > buf.length) {
        const bigger = take(fill + piece.length);
        bigger.set(buf.subarray(0, fill));
        buf = bigger;
      }
    }
    buf.set(piece, fill);
    fill += piece.length;
  };

  let overlong = false;
  let overlongBytes = 0;
  const settleOverlong = () => {
    lineStart = fill;
    send();
    const issues = localizeIssues(
      [{ code: 'INPUT_TOO_LARGE', path: [], params: { size: overlongBytes, maximum: maxLine } }],
      { lang },
    );
    const settledHere: BlockOutcome = {
      summary: { records: 1, valid: 0, invalid: 1, warnings: 0, blankLines: 0 },
      status: Uint8Array.of(2),
      refs: Int32Array.of(0, 0, issues.length, ...issues.map((_, i) => i)),
      table: issues,
    };
    if (format !== undefined) {
      const r = { line: dispatchLine++, valid: false, issues };
      settledHere.report = new TextEncoder().encode(renderNdjsonRecord(r, lang, format));
    }
    order.push(settledHere);
    overlong = false;
    overlongBytes = 0;
  };

  const cut = (chunk: Uint8Array) => {
    let piece = asBuffer(chunk);
    while (piece.length > 0) {
      if (overlong) {
        const nl = piece.indexOf(0x0a);
        if (nl === -1) {
          overlongBytes += piece.length;
          return;
        }
        overlongBytes += nl;
        settleOverlong();
        piece = piece.subarray(nl + 1);
        continue;
      }
      const last = piece.lastIndexOf(0x0a);
      if (last === -1) {
        // Still inside one line: stop buffering it once it passes the cap.
        if (fill - lineStart + piece.length > maxLine) {
          overlong = true;
          overlongBytes = fill - lineStart + piece.length;
          fill = lineStart;
          return;
        }
        append(piece);
        return;
      }
      // Lines completed here are bounded by the cap plus one chunk; the worker reports
      // those over the cap, as validateNdjson would.
      const tail = piece.length - last - 1;
      if (tail > maxLine) {
        append(piece.subarray(0, last + 1));
        lineStart = fill;
        overlong = true;
        overlongBytes = tail;
        return;
      }
      append(piece);
      lineStart = fill - tail;
      return;
    }
  };

  const settled = (): Block | undefined => {
    const head = order[0];
    if (head === undefined) return undefined;
    const reply = typeof head === 'number' ? replies.get(head) : head;
    if (reply === undefined) return undefined;
    if (typeof head === 'number') {
      replies.delete(head);
      inFlight--;
    }
    const block = new Block(nextLine, reply);
    order.shift();
    nextLine += block.status.length;
    summary.records += block.summary.records;
    summary.valid += block.summary.valid;
    summary.invalid += block.summary.invalid;
    summary.warnings += block.summary.warnings;
    summary.blankLines += block.summary.blankLines;
    return block;
  };
  const waitForReply = async () => {
    if (failure !== undefined) throw failure;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
    if (failure !== undefined) throw failure;
  };

  try {
    for await (const chunk of source) {
      // At most a block at a time, so that a source's huge chunks still fill pooled buffers.
      for (let at = 0; at < chunk.length; at += blockBytes) {
        cut(chunk.subarray(at, at + blockBytes));
        if (fill >= blockBytes) send();
      }
      // Idle workers (a slow source): send what is whole now rather than wait for a full block.
      if (sent === arrived) send();
      for (;;) {
        if (failure !== undefined) throw failure;
        const block = settled();
        if (block !== undefined) yield block;
        else if (inFlight >= maxInFlight) await waitForReply();
        else break;
      }
    }
    if (overlong) settleOverlong();
    lineStart = fill;
    send();
    while (order.length > 0) {
      const block = settled();
      if (block !== undefined) yield block;
      else await waitForReply();
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return summary;
}

/**
 * Validates an NDJSON byte stream on worker threads, yielding one result per non-blank
 * line in input order and returning the summary — the multi-core twin of
 * `validateNdjson` from `@motcua/schemas`, for callers that want every record as an object.
 * {@link validateNdjsonBlocks} gives the same results block by block, without an object
 * or an async step per valid record; the CLI uses that.
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
  const { report: _rendered, ...engine } = options;
  const blocks = validateNdjsonBlocks(source, engine);
  let done = false;
  try {
    for (;;) {
      const step = await blocks.next();
      if (step.done) {
        done = true;
        return step.value;
      }
      yield* step.value.records();
    }
  } finally {
    // Stopped early by the caller: end the block generator too (it stops the workers).
    if (!done) await blocks.return({ records: 0, valid: 0, invalid: 0, warnings: 0, blankLines: 0 });
  }
}
