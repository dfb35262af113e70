/**
 * The shared conformance corpus (../shared/corpora beside the repository): every JWS entry must meet
 * its `expect` with its `anchors` (corpora/README.md "Running the corpus"); `unknown` entries are
 * recorded in the printed outcome table only. Reviewers can compare it with the DSS reference results.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPORA, loadCorpus, outcome, outcomeDetail, outcomeRow } from '../../test/corpus.ts';
import { verifyJws } from './verify-jws.ts';

const rows: string[] = [];
afterAll(() => {
  console.info(`JWS corpus (expect → outcome):\n${rows.join('\n')}`);
});

describe('shared signature corpus (JWS)', () => {
  const entries = loadCorpus('jws');
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
      const detail = outcomeDetail(r);
      rows.push(outcomeRow(e, got, detail));
      if (e.expect === 'unknown') return;
      expect(r.valid).toBe(false);
      if (e.expect === 'invalid') expect(got, detail).not.toBe('valid');
      else expect(got, detail).toBe(e.expect);
    });
  }
});
