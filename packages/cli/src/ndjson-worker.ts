/**
 * Worker side of {@link validateNdjsonBlocks}: validates blocks of whole NDJSON lines and
 * answers with the compact {@link BlockOutcome}, handing the block's buffer back for reuse.
 * Loaded by `worker_threads`; not part of the public API.
 *
 * @module
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KINDS, type Lang, type RecordValidator } from '@motcua/schemas';
import { type BlockReport, validateBlock } from './ndjson-parallel-block.ts';

interface Job {
  seq: number;
  bytes: Uint8Array;
  maxLine: number;
  report?: BlockReport;
}

const { kind: kindName, lang } = workerData as { kind: string; lang: Lang };
const kind = KINDS[kindName];
const check: RecordValidator | undefined = kind === undefined ? undefined : (v, o) => kind.validate(v, o);

parentPort?.on('message', (job: Job) => {
  const out = validateBlock(job.bytes, job.maxLine, check, lang, job.report);
  const buffer = job.bytes.buffer as ArrayBuffer;
  const transfer = [out.status.buffer, out.refs.buffer, buffer];
  if (out.report !== undefined) transfer.push(out.report.buffer);
  parentPort?.postMessage({ seq: job.seq, ...out, buffer }, transfer);
});
// Loading the schemas takes a while: until this arrives the calling thread validates.
parentPort?.postMessage('ready');
