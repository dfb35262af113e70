/**
 * The shared conformance corpus (../shared/corpora beside the repository): every XML entry must meet
 * its `expect` with its `anchors` (corpora/README.md "Running the corpus"). The outcome table is
 * printed so reviewers can compare with the DSS reference results.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPORA, loadCorpus, outcome, outcomeDetail, outcomeRow } from '../../test/corpus.ts';
import { verifyXml } from './verify-xml.ts';

const rows: string[] = [];
afterAll(() => {
  console.info(`XML corpus (expect → outcome):\n${rows.join('\n')}`);
});

describe('shared signature corpus (XML)', () => {
  const entries = loadCorpus('xml');
  it('has the 11 XML entries of the manifest', () => {
    expect(entries).toHaveLength(11);
  });
  for (const e of entries) {
    it(`${e.expect}: ${e.file}`, async () => {
      const anchors = (e.anchors ?? []).map((a) => readFileSync(`${CORPORA}${a}`, 'utf8'));
      const r = await verifyXml(new Uint8Array(readFileSync(`${CORPORA}${e.file}`)), {
        trustAnchors: anchors,
        ...(e.validation_time ? { validationTime: new Date(e.validation_time) } : {}),
        lang: 'en',
      });
      const got = outcome(r);
      const detail = outcomeDetail(r);
      rows.push(outcomeRow(e, got, detail));
      expect(r.valid).toBe(false);
      if (e.expect === 'invalid') expect(got, detail).not.toBe('valid');
      else expect(got, detail).toBe(e.expect);
    });
  }
});
