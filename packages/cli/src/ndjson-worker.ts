/**
 * Worker side of {@link validateNdjsonParallel}: validates blocks of whole NDJSON lines.
 * Loaded by `worker_threads`; not part of the public API.
 *
 * @module
 * @internal
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkLine, KINDS, type Lang, localizeIssues, type NdjsonRecordResult } from '@motcua/schemas';

interface Job {
  seq: number;
  firstLine: number;
  bytes: Uint8Array;
  maxLine: number;
}

const { kind: kindName, lang } = workerData as { kind: string; lang: Lang };
const kind = KINDS[kindName];
const decoder = new TextDecoder('utf-8', { fatal: false });

parentPort?.on('message', (job: Job) => {
  // Per line: 0 blank, 1 valid without issues, 2 see `details`.
  const status = new Uint8Array(countLines(job.bytes));
  const details: NdjsonRecordResult[] = [];
  let line = 0;
  let start = 0;
  const bytes = job.bytes;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (end - start > job.maxLine) {
      status[line] = 2;
      details.push({
        line: job.firstLine + line,
        valid: false,
        issues: localizeIssues(
          [{ code: 'INPUT_TOO_LARGE', path: [], params: { size: end - start, maximum: job.maxLine } }],
          { lang },
        ),
      });
      line++;
      start = end + 1;
      continue;
    }
    const text = decoder.decode(bytes.subarray(start, end));
    if (text.trim() !== '') {
      const r =
        kind === undefined
          ? { line: job.firstLine + line, valid: false, issues: [] }
          : checkLine(text, job.firstLine + line, (v, o) => kind.validate(v, o), { lang });
      if (r.valid && r.issues.length === 0) status[line] = 1;
      else {
        status[line] = 2;
        details.push(r);
      }
    }
    line++;
    start = end + 1;
  }
  const buffer = job.bytes.buffer as ArrayBuffer;
  parentPort?.postMessage({ seq: job.seq, status, details, buffer }, [status.buffer, buffer]);
});

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}
