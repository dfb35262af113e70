/**
 * The shared conformance corpus (../shared/corpora beside the repository): every PDF entry must meet
 * its `expect` with its `anchors` and `validation_time` (see corpora/README.md "Running the corpus").
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CORPORA, type CorpusEntry as Entry, loadCorpus } from '../../test/corpus.ts';
import type { VerificationReport } from './report.ts';
import { verifyPdf } from './verify-pdf.ts';

const entries = loadCorpus('pdf');

function bytesOf(e: Entry): Uint8Array {
  const raw = readFileSync(`${CORPORA}${e.file}`);
  return new Uint8Array(e.container === 'gzip' ? gunzipSync(raw, { maxOutputLength: 64 * 1024 * 1024 }) : raw);
}

async function run(e: Entry, revocation: 'require' | 'warn'): Promise<VerificationReport[]> {
  const bytes = bytesOf(e);
  const runs =
    e.validation_time == null && e.per_signer && e.per_signer.length > 0
      ? e.per_signer
      : [{ ...(e.validation_time ? { validation_time: e.validation_time } : {}), anchors: e.anchors ?? [] }];
  const reports: VerificationReport[] = [];
  for (const r of runs) {
    const anchors = (r.anchors ?? e.anchors ?? []).map((a) => readFileSync(`${CORPORA}${a}`, 'utf8'));
    reports.push(
      await verifyPdf(bytes, {
        trustAnchors: anchors,
        ...(r.validation_time ? { validationTime: new Date(r.validation_time) } : {}),
        policy: { revocation },
      }),
    );
  }
  return reports;
}

const MODIFICATION_CODES = new Set([
  'MODIFIED_AFTER_SIGNING',
  'MODIFIED_PERMITTED',
  'PAGE_COUNT_CHANGED',
  'COVERAGE_PARTIAL',
  'DOCUMENT_MODIFIED',
]);

function saysModified(r: VerificationReport): boolean {
  return (
    r.modifiedAfterLastSignature ||
    r.problems.some((p) => MODIFICATION_CODES.has(p.code)) ||
    r.signatures.some((s) => s.coverage === 'partial' || s.problems.some((p) => MODIFICATION_CODES.has(p.code)))
  );
}

function brief(r: VerificationReport): string {
  return JSON.stringify({
    valid: r.valid,
    problems: r.problems.map((p) => p.code),
    signatures: r.signatures.map((s) => [
      s.type,
      s.indication,
      s.subIndication,
      s.problems.filter((p) => p.severity === 'error').map((p) => p.code),
    ]),
  });
}

describe('shared signature corpus (PDF)', () => {
  it('has PDF entries', () => {
    expect(entries.length).toBeGreaterThan(50);
  });

  for (const e of entries) {
    it(`${e.expect}: ${e.file}`, async () => {
      switch (e.expect) {
        case 'valid': {
          // Revocation is a separate axis (corpora README step 3): with missing revocation data only warned
          // about, the document must be valid; with the default policy every signature is either passed or
          // INDETERMINATE / TRY_LATER for that reason alone.
          const warned = await run(e, 'warn');
          for (const r of warned) expect(r.valid, brief(r)).toBe(true);
          for (const r of await run(e, 'require'))
            for (const s of r.signatures.filter((x) => x.type === 'signature'))
              expect(
                s.indication === 'TOTAL_PASSED' ||
                  (s.indication === 'INDETERMINATE' && s.subIndication === 'TRY_LATER'),
                brief(r),
              ).toBe(true);
          break;
        }
        case 'invalid':
          for (const r of await run(e, 'require')) {
            expect(r.valid, brief(r)).toBe(false);
            const failedSig = r.signatures.some((s) => s.indication === 'TOTAL_FAILED');
            const formatProblem = r.problems.some((p) => p.severity === 'error');
            expect(failedSig || formatProblem, brief(r)).toBe(true);
          }
          break;
        case 'not-whole-document':
          for (const r of await run(e, 'require')) {
            expect(r.valid, brief(r)).toBe(false);
            expect(saysModified(r), brief(r)).toBe(true);
          }
          break;
        case 'indeterminate-trust':
          for (const r of await run(e, 'require')) {
            expect(r.valid, brief(r)).toBe(false);
            expect(
              r.signatures.some((s) => s.indication === 'INDETERMINATE'),
              brief(r),
            ).toBe(true);
            expect(
              r.signatures.some((s) => s.indication === 'TOTAL_FAILED'),
              brief(r),
            ).toBe(false);
          }
          break;
        case 'must-terminate':
          for (const r of await run(e, 'require')) expect(r.valid, brief(r)).toBe(false);
          break;
        case 'unknown':
          await run(e, 'require');
          break;
      }
    });
  }
});
