/**
 * `verifyPdfFile`: {@link verifyPdf} for a PDF on disk, in bounded memory for large files.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { algorithmIdentifier, type Digest, digestByOid, type HashSource } from '../cms/algorithms.ts';
import type { SignedData } from '../cms/signed-data.ts';
import { SignatureError } from '../errors.ts';
import { resolveLimits } from '../pdf/limits.ts';
import { readPdfSignatures } from '../pdf/read.ts';
import { SparseFile, type SparseTuning } from '../pdf/sparse.ts';
import type { PdfSignatureStructure } from '../pdf/types.ts';
import { parseTstInfo } from '../tsp/timestamp.ts';
import type { VerifyOptions } from './options.ts';
import type { VerificationReport } from './report.ts';
import { usableByteRange, verifyPdf, verifyPdfStructure } from './verify-pdf.ts';

/** How {@link verifyPdfFileWith} reads the file (for tests and benchmarks; the defaults suit production). */
export interface PdfFileTuning extends SparseTuning {
  /**
   * Files of at most this many bytes are read whole, like {@link verifyPdf} (default 16 MiB).
   * A file is also read whole when it is small enough for the reader's orphan scan
   * (`pdfLimits.orphanScanMaxBytes`), which reads every byte anyway.
   */
  wholeFileMaxBytes?: number;
}

/** How a file was verified, for tests and benchmarks. */
export interface PdfFileRead {
  /** `whole`: read into memory; `sparse`: structure loaded, signed ranges streamed; `fallback`: sparse, then whole. */
  mode: 'whole' | 'sparse' | 'fallback';
  /** File bytes copied into memory for the structure (sparse and fallback modes). */
  loadedBytes?: number;
}

const CHUNK = 1 << 20;

/**
 * Digests of the signed ranges of a file, computed by streaming positional reads through one
 * reused buffer; every (range, algorithm) requested before the pass is hashed in that one pass.
 */
class FileRanges {
  private readonly cache = new Map<string, Uint8Array>();
  private readonly file: SparseFile;
  constructor(file: SparseFile) {
    this.file = file;
  }

  /** The {@link HashSource} of ByteRange `[a, b, c, d]`. */
  source(r: readonly [number, number, number, number]): HashSource {
    return {
      digest: (d) => this.digest(r, d),
      read: () => {
        const out = [new Uint8Array(r[1]), new Uint8Array(r[3])];
        this.file.readInto(out[0] as Uint8Array, 0, r[0], r[0] + r[1]);
        this.file.readInto(out[1] as Uint8Array, 0, r[2], r[2] + r[3]);
        return out;
      },
    };
  }

  digest(r: readonly number[], d: Digest): Uint8Array {
    const key = `${r.join(' ')}|${d.node}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      this.hashAll([{ range: r as [number, number, number, number], digest: d }]);
      v = this.cache.get(key) as Uint8Array;
    }
    return v;
  }

  /** Hashes every request not yet cached in one sequential pass over the file. */
  hashAll(requests: readonly { range: readonly [number, number, number, number]; digest: Digest }[]): void {
    const todo = new Map<string, { parts: [number, number][]; hash: ReturnType<typeof createHash> }>();
    for (const {
      range: [a, b, c, d],
      digest,
    } of requests) {
      const key = `${a} ${b} ${c} ${d}|${digest.node}`;
      if (this.cache.has(key) || todo.has(key)) continue;
      todo.set(key, {
        parts: [
          [a, a + b],
          [c, c + d],
        ],
        hash: createHash(digest.node),
      });
    }
    if (todo.size === 0) return;
    const jobs = [...todo.values()];
    const from = Math.min(...jobs.map((j) => (j.parts[0] as [number, number])[0]));
    const to = Math.max(...jobs.map((j) => (j.parts[1] as [number, number])[1]));
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let at = from; at < to; ) {
      const n = this.file.readInto(buf, 0, at, Math.min(to, at + CHUNK));
      if (n === 0) break;
      const end = at + n;
      for (const j of jobs) {
        for (const [s, e] of j.parts) {
          const lo = Math.max(s, at);
          const hi = Math.min(e, end);
          if (lo < hi) j.hash.update(buf.subarray(lo - at, hi - at));
        }
      }
      at = end;
    }
    for (const [key, j] of todo) this.cache.set(key, j.hash.digest());
  }
}

/** The digests each signature's verification will ask for, so that one pass computes them all. */
function plannedDigests(
  structure: PdfSignatureStructure,
  parsed: readonly (SignedData | Error)[],
): { range: [number, number, number, number]; digest: Digest }[] {
  const out: { range: [number, number, number, number]; digest: Digest }[] = [];
  structure.signatures.forEach((sig, i) => {
    const range = usableByteRange(sig.byteRange, structure.fileLength);
    const sd = parsed[i];
    if (range === undefined || sd === undefined || sd instanceof Error) return;
    try {
      if (sig.type === 'doc-timestamp') {
        const d = sd.eContent === undefined ? undefined : parseTstInfo(sd.eContent).imprintDigest;
        if (d !== undefined) out.push({ range, digest: d });
        return;
      }
      for (const si of sd.signerInfos) {
        const d = digestByOid(algorithmIdentifier(si.digestAlgorithm).oid);
        if (d !== undefined) out.push({ range, digest: d });
      }
    } catch {
      // Malformed: verification reports it; nothing to plan.
    }
  });
  return out;
}

async function readWhole(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new SignatureError('FILE_UNREADABLE', `cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
}

/**
 * Verifies the PDF at `path`, exactly as {@link verifyPdf} would verify its bytes, in bounded
 * memory: a large file (over 16 MiB) is not read into memory. Its structure — cross-reference
 * data, dictionaries, signature values — is loaded by one sequential pass that skips the inside
 * of large stream payloads (scanned pages), and the signed ranges are hashed by streaming them
 * from the file through one reused buffer, all signatures and algorithms in one pass. Whenever
 * the reader needs bytes that were skipped it loads them; when it cannot tell, or when the
 * document does not verify, the whole file is read and verified again, so the report is always
 * the one {@link verifyPdf} gives. Reads are synchronous (like hashing, they are CPU-bound).
 *
 * The file must not change while it is verified.
 *
 * @param path - The PDF file.
 * @param options - As for {@link verifyPdf}.
 * @returns The verification report.
 * @throws {SignatureError} `FILE_UNREADABLE` when the file cannot be opened or read; otherwise as {@link verifyPdf}.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { verifyPdfFile } from '@motcua/signing';
 * const report = await verifyPdfFile('ho-so-quet-120-trang.signed.pdf', {
 *   trustAnchors: [await readFile('vnrca256.pem', 'utf8')],
 * });
 * console.log(report.valid, report.signatures.map((s) => s.indication));
 * ```
 * @category Verification
 */
export async function verifyPdfFile(path: string, options: VerifyOptions): Promise<VerificationReport> {
  return (await verifyPdfFileWith(path, options)).report;
}

/**
 * {@link verifyPdfFile} with explicit tuning, also telling how the file was read.
 *
 * @example
 * ```ts
 * import { verifyPdfFileWith } from '@motcua/signing';
 * declare const options: import('@motcua/signing').VerifyOptions;
 * const { report, read } = await verifyPdfFileWith('big.pdf', options, { wholeFileMaxBytes: 0 });
 * console.log(read.mode, read.loadedBytes, report.valid);
 * ```
 * @category Verification
 */
export async function verifyPdfFileWith(
  path: string,
  options: VerifyOptions,
  tuning: PdfFileTuning = {},
): Promise<{ report: VerificationReport; read: PdfFileRead }> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new SignatureError('FILE_UNREADABLE', `cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  const limits = resolveLimits(options.pdfLimits);
  if (size <= (tuning.wholeFileMaxBytes ?? 16 * 1024 * 1024) || size <= limits.orphanScanMaxBytes) {
    return { report: await verifyPdf(await readWhole(path), options), read: { mode: 'whole' } };
  }
  let file: SparseFile;
  try {
    file = SparseFile.open(path, tuning);
  } catch (cause) {
    throw new SignatureError('FILE_UNREADABLE', `cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    const ranges = new FileRanges(file);
    let structure: PdfSignatureStructure | undefined;
    const report = await verifyPdfStructure(
      () => {
        structure = readPdfSignatures(file.bytes, options.pdfLimits);
        return structure;
      },
      options,
      (br) => {
        const r = usableByteRange(br, file.size);
        return r === undefined ? undefined : ranges.source(r);
      },
      (s, parsed) => ranges.hashAll(plannedDigests(s, parsed)),
    );
    // Only a clean pass is trusted as is: anything else is judged again on the whole file, so
    // that a skipped byte can never make a verdict differ from verifyPdf's.
    if (report.valid && !file.suspect && structure !== undefined) {
      return { report, read: { mode: 'sparse', loadedBytes: file.loadedBytes } };
    }
    const loadedBytes = file.loadedBytes;
    file.close();
    return { report: await verifyPdf(await readWhole(path), options), read: { mode: 'fallback', loadedBytes } };
  } finally {
    file.close();
  }
}
