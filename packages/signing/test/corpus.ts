/**
 * The shared conformance corpus (../shared/corpora beside the repository, corpora/README.md
 * "Running the corpus"): the manifest, its entries of one format, and, for the JWS and XML
 * corpus tests, the outcome of a report in the manifest's vocabulary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VerificationReport } from '../src/verify/report.ts';

// this file: <repo>/packages/signing/test/corpus.ts → <repo>/../shared/corpora/
export const CORPORA: string = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const MANIFEST = `${CORPORA}manifest.json`;

export interface CorpusEntry {
  file: string;
  format: string;
  expect: 'valid' | 'invalid' | 'not-whole-document' | 'indeterminate-trust' | 'must-terminate' | 'unknown';
  anchors?: string[];
  validation_time?: string | null;
  reference_result?: string;
  per_signer?: { validation_time?: string; anchors?: string[] }[];
  container?: string;
}

/** The manifest entries of `format`; throws when the corpus is missing. */
export function loadCorpus(format: string): CorpusEntry[] {
  if (!existsSync(MANIFEST))
    throw new Error(
      `The signature corpus is missing: expected ${MANIFEST} (the shared/ folder beside the repository).`,
    );
  return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as CorpusEntry[]).filter((e) => e.format === format);
}

/** What the report says, in the manifest's vocabulary. */
export function outcome(r: VerificationReport): string {
  if (r.valid) return 'valid';
  const sigs = r.signatures;
  const intact = sigs.length > 0 && sigs.every((s) => s.integrity.digestMatches && s.integrity.signatureValid);
  if (sigs.some((s) => s.subIndication === 'SIGNED_DATA_NOT_FOUND' || s.indication === 'TOTAL_FAILED'))
    return 'invalid';
  if (intact && sigs.some((s) => s.coverage === 'partial')) return 'not-whole-document';
  if (
    intact &&
    sigs.some((s) => s.indication === 'INDETERMINATE') &&
    !sigs.some((s) => s.indication === 'TOTAL_FAILED')
  )
    return 'indeterminate-trust';
  return 'invalid';
}

/** The report's problem codes and per-signature verdicts, for the outcome table and assertion messages. */
export function outcomeDetail(r: VerificationReport): string {
  return [
    ...r.problems.map((p) => p.code),
    ...r.signatures.map(
      (s) =>
        `${s.indication}/${s.subIndication ?? '-'}:${s.coverage}:${s.problems.find((p) => p.severity === 'error')?.code ?? ''}`,
    ),
  ].join(' ');
}

/** One row of the printed outcome table (expect → outcome). */
export function outcomeRow(e: CorpusEntry, got: string, detail: string): string {
  return `  ${e.expect.padEnd(20)} ${got.padEnd(20)} ${e.file}  [${detail}]`;
}
