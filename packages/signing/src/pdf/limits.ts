import type { PdfReadLimits } from './types.ts';

/**
 * The limits the reader applies when {@link PdfReadLimits} leaves one out (signatures.md §9 check 12).
 *
 * @example
 * ```ts
 * import { DEFAULT_PDF_READ_LIMITS, readPdfSignatures } from '@motcua/signing/pdf';
 * declare const pdf: Uint8Array;
 * readPdfSignatures(pdf, { maxWork: DEFAULT_PDF_READ_LIMITS.maxWork / 10 });
 * ```
 * @category PDF
 */
export const DEFAULT_PDF_READ_LIMITS: Readonly<Required<PdfReadLimits>> = Object.freeze({
  maxObjects: 2_000_000,
  maxDepth: 64,
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalInflated: 256 * 1024 * 1024,
  maxRevisions: 2_000,
  maxWork: 200_000_000,
  orphanScanMaxBytes: 16 * 1024 * 1024,
});

/** Which limit was hit; `maxWork` is global (everything after it fails fast), the others are local. */
export type LimitName = keyof PdfReadLimits;

/** Thrown inside the reader when a limit is reached; caught before {@link readPdfSignatures} returns. */
export class LimitError extends Error {
  readonly limit: LimitName;
  readonly value: number;
  constructor(limit: LimitName, value: number) {
    super(`PDF read limit ${limit} (${value}) exceeded`);
    this.name = 'LimitError';
    this.limit = limit;
    this.value = value;
  }
}

/** Thrown inside the reader on malformed syntax; caught at the nearest boundary that can carry on. */
export class FormatError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'FormatError';
    this.offset = offset;
  }
}

/** Merges caller limits over the defaults, ignoring non-finite or negative values. */
export function resolveLimits(limits: PdfReadLimits | undefined): Required<PdfReadLimits> {
  const out: Required<PdfReadLimits> = { ...DEFAULT_PDF_READ_LIMITS };
  if (limits === undefined) return out;
  for (const key of Object.keys(out) as (keyof PdfReadLimits)[]) {
    const v = limits[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = Math.floor(v);
  }
  return out;
}

/** The reader's work counter and inflate accounting, shared by every part of one read. */
export class Budget {
  readonly limits: Required<PdfReadLimits>;
  work = 0;
  inflated = 0;
  constructor(limits: Required<PdfReadLimits>) {
    this.limits = limits;
  }
  /** Adds `units` of work; throws a global {@link LimitError} once the budget is spent. */
  spend(units: number): void {
    this.work += units;
    if (this.work > this.limits.maxWork) {
      // Charges come before the work they pay for, so the counter never passes the limit by more than one.
      this.work = this.limits.maxWork + 1;
      throw new LimitError('maxWork', this.limits.maxWork);
    }
  }
  get exhausted(): boolean {
    return this.work > this.limits.maxWork;
  }
  /** Accounts for `bytes` of decoded stream output against the total-inflate limit. */
  inflate(bytes: number): void {
    this.inflated += bytes;
    this.spend(bytes);
    if (this.inflated > this.limits.maxTotalInflated) {
      throw new LimitError('maxTotalInflated', this.limits.maxTotalInflated);
    }
  }
}

/** True for errors a local boundary may absorb (malformed object, local limit); false for a spent work budget and bugs. */
export function isRecoverable(e: unknown): e is FormatError | LimitError {
  if (e instanceof FormatError) return true;
  if (e instanceof LimitError) return e.limit !== 'maxWork';
  return false;
}
