/**
 * The shared conformance corpus (../shared/corpora beside the repository): every JWS entry must meet
 * its `expect` with its `anchors` (corpora/README.md "Running the corpus"); `unknown` entries are
 * recorded in the printed outcome table only. Reviewers can compare it with the DSS reference results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../verify/report.ts';
import { verifyJws } from './verify-jws.ts';

const CORPORA = fileURLToPath(new URL('../../../../../shared/corpora/', import.meta.url));
const MANIFEST = `${CORPORA}manifest.json`;

interface Entry {
  file: string;
  format: string;
  expect: 'valid' | 'invalid' | 'not-whole-document' | 'indeterminate-trust' | 'must-terminate' | 'unknown';
  anchors?: string[];
  validation_time?: string | null;
  reference_result?: string;
}

function load(): Entry[] {
  if (!existsSync(MANIFEST))
    throw new Error(
      `The signature corpus is missing: expected ${MANIFEST} (the shared/ folder beside the repository).`,
    );
  return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as Entry[]).filter((e) => e.format === 'jws');
}

/** What the report says, in the manifest's vocabulary. */
function outcome(r: VerificationReport): string {
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

const rows: string[] = [];
afterAll(() => {
  console.info(`JWS corpus (expect → outcome):\n${rows.join('\n')}`);
});

describe('shared signature corpus (JWS)', () => {
  const entries = load();
  it('has the 25 JWS entries of the manifest', () => {
    expect(entries).toHaveLength(25);
  });
  for (const e of entries) {
    it(`${e.expect}: ${e.file}`, async () => {
      const anchors = (e.anchors ?? []).map((a) => readFileSync(`${CORPORA}${a}`, 'utf8'));
      // `unknown` entries: the sources do not settle the verdict; record the behaviour, assert only that it does not throw.
      const r = await verifyJws(new Uint8Array(readFileSync(`${CORPORA}${e.file}`)), {
        trustAnchors: anchors,
        ...(e.validation_time ? { validationTime: new Date(e.validation_time) } : {}),
        lang: 'en',
      });
      const got = outcome(r);
      const detail = [
        ...r.problems.map((p) => p.code),
        ...r.signatures.map(
          (s) =>
            `${s.indication}/${s.subIndication ?? '-'}:${s.coverage}:${s.problems.find((p) => p.severity === 'error')?.code ?? ''}`,
        ),
      ].join(' ');
      rows.push(`  ${e.expect.padEnd(20)} ${got.padEnd(20)} ${e.file}  [${detail}]`);
      if (e.expect === 'unknown') return;
      expect(r.valid).toBe(false);
      if (e.expect === 'invalid') expect(got, detail).not.toBe('valid');
      else expect(got, detail).toBe(e.expect);
    });
  }
});
