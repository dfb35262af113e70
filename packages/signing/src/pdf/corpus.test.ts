import { describe, expect, it } from 'vitest';
import { pdfEntries, readEntry, readPdf } from '../../test/pdf/corpus.ts';
import { DEFAULT_PDF_READ_LIMITS } from './limits.ts';
import { readPdfSignatures, signedBytes } from './read.ts';
import type { PdfSignatureField, PdfSignatureStructure } from './types.ts';

/**
 * Every PDF of the shared corpus, asserted at the container layer (signatures.md §9 checks 1–12).
 * Cryptographic verdicts (digest, signature value, trust) belong to the CMS layer; here we check
 * what the manifest's expectation implies about structure, coverage and later modifications.
 */

const codes = (x: { problems: { code: string }[] }): string[] => x.problems.map((p) => p.code);
const errors = (x: { problems: { code: string; severity: string }[] }): string[] =>
  x.problems.filter((p) => p.severity === 'error').map((p) => p.code);
const LTV_OR_SIGNING = new Set(['signature', 'dss', 'doc-timestamp']);

/** Signature entries as pdfsig counts them: each field of a shared dictionary, plus empty fields; orphans not. */
function pdfsigCount(s: PdfSignatureStructure): number {
  const inForm = s.signatures.filter((x) => !codes(x).includes('SIG_NOT_IN_ACROFORM'));
  return inForm.reduce((n, x) => n + Math.max(1, x.fieldNames.length), 0) + s.emptySignatureFields.length;
}

/** Invalid entries whose `why` names a structural attack, with what this layer must report. */
const STRUCTURAL_INVALID: Record<string, (s: PdfSignatureStructure) => void> = {
  'pdf/esig-dss/siwa.pdf': (s) => expect(codes(s.signatures[0] as PdfSignatureField)).toContain('CONTENTS_NOT_IN_GAP'),
  'pdf/esig-dss/pdf-byterange-overlap.pdf': (s) => {
    // DSS: signature 1 passes, signature 2 FORMAT_FAILURE.
    expect(errors(s.signatures[0] as PdfSignatureField)).toEqual([]);
    expect(codes(s.signatures[1] as PdfSignatureField)).toContain('CONTENTS_NOT_IN_GAP');
  },
  'pdf/esig-dss/pdf-signed-out-of-byteRange.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('BYTE_RANGE_INVALID'),
  'pdf/esig-dss/pdf-signed-corrupted.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('BYTE_RANGE_INVALID'),
  'pdf/esig-dss/hello_signed_INCSAVE_signed_EDITED.pdf': (s) => {
    // DSS917CorruptedTest: exactly one ByteRange invalid.
    expect(s.signatures.filter((x) => codes(x).includes('CONTENTS_NOT_IN_GAP'))).toHaveLength(1);
  },
  'pdf/esig-dss/pdf-eof.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('BYTE_RANGE_INVALID'),
  'pdf/esig-dss/pdf-spoofing-attack.pdf': (s) => {
    // The signed field was removed and a look-alike field points at the same byte range.
    const all = s.signatures.flatMap(codes);
    expect(all).toContain('SIG_NOT_IN_ACROFORM');
    expect(all).toContain('MODIFIED_AFTER_SIGNING');
    expect(all).toContain('CONTENTS_NOT_IN_GAP');
  },
  'pdf/esig-dss/pades-spoofing-replaced-reason.pdf': (s) => {
    const sig = s.signatures[0] as PdfSignatureField;
    expect(codes(sig)).toContain('SIG_DICT_MODIFIED');
    expect(sig.reason).not.toBe('EVIL'); // the signed /Reason is reported, not the spoofed one
  },
  'pdf/esig-dss/malformed-pades.pdf': (s) => {
    expect(s.ok).toBe(false);
    expect(codes(s)).toContain('FORMAT_FAILURE');
  },
  'pdf/pyhanko/coverage-anomalies/signature-gap-too-big.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('CONTENTS_NOT_IN_GAP'),
  'pdf/pyhanko/coverage-anomalies/one-byterange.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('BYTE_RANGE_INVALID'),
  'pdf/pyhanko/coverage-anomalies/weird-byterange.pdf': (s) =>
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('CONTENTS_NOT_IN_GAP'),
};

/** pdfsig reconstructs this file (its startxref points past the end); this reader refuses it. */
const COUNT_DEVIATIONS = new Set(['pdf/esig-dss/pades_opposite_infinite_loop.pdf']);

function assertStructurallySound(s: PdfSignatureStructure): void {
  expect(errors(s)).toEqual([]);
  expect(s.signatures.length).toBeGreaterThan(0);
  for (const sig of s.signatures) {
    expect(errors(sig), `signature ${sig.index} (${sig.fieldName})`).toEqual([]);
    expect(['whole-file', 'whole-revision']).toContain(sig.coverage);
    for (const m of sig.modificationsAfter) {
      expect(m.permitted, `${sig.fieldName} r${m.revision} ${m.kind}: ${m.detail}`).toBe(true);
      expect(LTV_OR_SIGNING.has(m.kind), `${sig.fieldName} r${m.revision} ${m.kind}`).toBe(true);
    }
    // Check 3 holds, so the contents sit exactly in the gap and the signed bytes are b + d long.
    const br = sig.byteRange as number[];
    expect(sig.contentsOffset).toEqual({ start: br[1], end: br[2] });
    expect(sig.contents?.[0]).toBe(0x30);
  }
}

function assertNotWholeDocument(s: PdfSignatureStructure): void {
  const flagged = s.signatures.some(
    (sig) =>
      sig.coverage !== 'whole-file' &&
      (sig.coverage === 'partial' || sig.modificationsAfter.some((m) => !m.permitted || !LTV_OR_SIGNING.has(m.kind))),
  );
  expect(flagged || codes(s).includes('TRAILING_BYTES')).toBe(true);
}

describe('corpus PDFs', () => {
  const entries = pdfEntries();

  it('the manifest lists the PDF corpus', () => {
    expect(entries.length).toBeGreaterThanOrEqual(79);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s', (_name, e) => {
    const bytes = readEntry(e);
    const s = readPdfSignatures(bytes);
    expect(s.fileLength).toBe(bytes.length);
    expect(s.work).toBeLessThanOrEqual(DEFAULT_PDF_READ_LIMITS.maxWork);
    switch (e.expect) {
      case 'must-terminate':
        expect(!s.ok || s.signatures.length === 0 || s.signatures.every((x) => errors(x).length > 0)).toBe(true);
        break;
      case 'valid':
      case 'indeterminate-trust':
        assertStructurallySound(s);
        break;
      case 'not-whole-document':
        assertNotWholeDocument(s);
        break;
      case 'invalid': {
        const structural = STRUCTURAL_INVALID[e.file];
        if (structural !== undefined) structural(s);
        else {
          // Cryptographic failures (digest, signer infos, algorithms, CMS encoding): the
          // container is sound and hands the CMS layer one /Contents per signature.
          expect(errors(s)).toEqual([]);
          for (const sig of s.signatures) {
            expect(sig.contents?.length ?? 0).toBeGreaterThan(0);
            expect(['whole-file', 'whole-revision']).toContain(sig.coverage);
          }
        }
        break;
      }
      default:
        break;
    }
    if (typeof e.signatures === 'number' && !COUNT_DEVIATIONS.has(e.file)) {
      expect(pdfsigCount(s)).toBe(e.signatures);
    }
    for (const sig of s.signatures) {
      if (sig.byteRange !== undefined && sig.coverage !== 'invalid') {
        const parts = signedBytes(bytes, sig.byteRange);
        expect(parts.reduce((n, p) => n + p.length, 0)).toBe(
          (sig.byteRange[1] as number) + (sig.byteRange[3] as number),
        );
      }
    }
  });
});

describe('corpus PDFs: specific findings', () => {
  it('PAdES-LTV: only a document timestamp, DSS and another timestamp follow the signature', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pades-ltv.pdf'));
    expect(s.signatures.map((x) => x.type)).toEqual(['signature', 'doc-timestamp', 'doc-timestamp']);
    expect(s.signatures[0]?.modificationsAfter.map((m) => `${m.revision}:${m.kind}`)).toEqual([
      '2:doc-timestamp',
      '3:dss',
      '4:doc-timestamp',
    ]);
    expect(s.dss?.certs.length).toBeGreaterThan(0);
    for (const der of [...(s.dss?.certs ?? []), ...(s.dss?.crls ?? []), ...(s.dss?.ocsps ?? [])])
      expect(der[0]).toBe(0x30);
  });

  it('one dictionary from two fields is one signature with both names (check 8)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/signature-referenced-from-multiple-fields.pdf'));
    expect(s.signatures).toHaveLength(1);
    expect(s.signatures[0]?.fieldNames).toEqual(['signature-test', 'signature-test2']);
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('SIG_DICT_MULTIPLE_FIELDS');
  });

  it('an added page is a page-count change (check 11)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pdf-signed-added-page.pdf'));
    const sig = s.signatures[0] as PdfSignatureField;
    expect(codes(sig)).toContain('PAGE_COUNT_CHANGED');
    expect(sig.pageCountSigned).toBe(1);
    expect(s.pageCount).toBe(2);
  });

  it('annotations added after an approval signature are permitted but reported', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pades-signed-annot-added.pdf'));
    const sig = s.signatures[0] as PdfSignatureField;
    expect(sig.modificationsAfter.map((m) => [m.kind, m.permitted])).toEqual([['annotation', true]]);
    expect(codes(sig)).toContain('MODIFIED_PERMITTED');
    expect(errors(sig)).toEqual([]);
  });

  it('a later appearance without a new value is not form filling (shadow replace)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/dss-2236/replace.pdf'));
    expect(s.signatures[0]?.modificationsAfter.map((m) => m.kind)).toEqual(['other']);
  });

  it('a certification added later is not the first signature (check 10)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/dss-2236/annotation-and-visible-change.pdf'));
    expect(s.docMdp).toEqual({ signatureIndex: 1, permissions: 3 });
    expect(codes(s.signatures[1] as PdfSignatureField)).toContain('CERTIFICATION_INVALID');
  });

  it('encrypted files: signatures are read, text values are not decrypted', () => {
    const s = readPdfSignatures(readPdf('esig-dss/encrypted.pdf'));
    expect(s.encrypted).toBe(true);
    expect(s.ok).toBe(true);
    expect(codes(s)).toContain('ENCRYPTED_UNSUPPORTED');
    expect(s.signatures[0]?.coverage).toBe('whole-file');
    expect(s.signatures[0]?.reason).toBeUndefined();
  });

  it('hybrid-reference files are flagged (check 12)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/DSS-2155.pdf'));
    expect(codes(s)).toContain('HYBRID_XREF');
    expect(s.revisions.map((r) => r.xrefKind)).toContain('hybrid');
  });

  it('non-zero padding after the DER is a warning (check 4)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/DSS-2155.pdf'));
    const p = s.signatures[0]?.problems.find((x) => x.code === 'NON_ZERO_PADDING');
    expect(p?.severity).toBe('warning');
  });

  it('a lone CR after %%EOF still ends the revision (whole file)', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pdf-with-eof-cr.pdf'));
    expect(s.signatures[0]?.coverage).toBe('whole-file');
  });

  it('linearized originals are one revision', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pkcs7.pdf'));
    expect(s.revisions).toHaveLength(3);
    expect(s.signatures[0]?.signedRevision).toBe(2);
  });

  it('the uncovered tail is partial coverage (check 5)', () => {
    const s = readPdfSignatures(readPdf('pyhanko/coverage-anomalies/tail-uncovered.pdf'));
    expect(s.signatures[0]?.coverage).toBe('partial');
    expect(codes(s.signatures[0] as PdfSignatureField)).toContain('COVERAGE_PARTIAL');
  });

  it('usage-rights signatures (/Perms /UR3) are not document signatures', () => {
    const s = readPdfSignatures(readPdf('esig-dss/pades-signed-filled-form.pdf'));
    expect(s.signatures.map((x) => x.fieldName)).toEqual(['Signature1']);
  });

  it('a new appearance that abandons an /AP dictionary shared with a catalog or trailer key is `other` (pyHanko)', () => {
    for (const [file, where] of [
      ['form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf', '1 0 /FooBar'],
      ['form-update-ap-indirect-sneaky-trailer.pdf', 'trailer /FooBar'],
    ] as const) {
      const sig = readPdfSignatures(readPdf(`pyhanko/${file}`)).signatures[0] as PdfSignatureField;
      const other = sig.modificationsAfter.find((m) => m.kind === 'other');
      expect(other?.permitted, file).toBe(false);
      expect(other?.detail).toContain(`appearance dictionary 10 0 is also referenced from ${where}`);
    }
  });

  it('a new object filling a reference that existed before signing is not an orphan', () => {
    const s = readPdfSignatures(
      readPdf(
        'rub-nds-pdf-attacker/hide-and-replace/variant-2_change_objects_usage/4_original-document-shadowed-signed-manipulated.pdf',
      ),
    );
    expect(s.signatures[0]?.modificationsAfter[0]?.detail).toContain('fills a reference');
  });
});
