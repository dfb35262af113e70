import { describe, expect, it } from 'vitest';
import {
  concat,
  fakeDer,
  latin1,
  minimalDocument,
  patchSameLength,
  signIncrementally,
  writeRevision,
} from '../../test/pdf/build-pdf.ts';
import { readPdf } from '../../test/pdf/corpus.ts';
import { PdfDocument } from './document.ts';
import { Budget, resolveLimits } from './limits.ts';
import { dictOf, isArray, isRef, type PdfRef } from './objects.ts';
import { ProblemList } from './problems.ts';
import { readPdfSignatures, signedBytes } from './read.ts';
import type { PdfSignatureField } from './types.ts';

/**
 * Attack generators (signatures.md §7, checks 2–11): each test takes a signed PDF — a real one
 * from the corpus or one built here — applies one manipulation and checks what the reader reports.
 */

const enc = new TextEncoder();
const codes = (x: { problems: { code: string }[] }): string[] => x.problems.map((p) => p.code);
const first = (pdf: Uint8Array): PdfSignatureField => readPdfSignatures(pdf).signatures[0] as PdfSignatureField;

/** The real signed document used by most attacks: one signature over the whole file, classic xref. */
const ORIGINAL = 'esig-dss/pdf-signed-original.pdf';

function trailerRoot(pdf: Uint8Array): { root: PdfRef; firstPageContents: PdfRef } {
  const doc = PdfDocument.open(pdf, new Budget(resolveLimits(undefined)), new ProblemList());
  const rev = doc.last;
  const root = doc.revisions[rev]?.trailer.map.get('Root');
  const pages = dictOf(doc.getIn(doc.catalog(rev), 'Pages', rev));
  const kids = doc.getIn(pages, 'Kids', rev);
  const page = dictOf(doc.resolve(isArray(kids) ? kids.items[0] : undefined, rev));
  const contents = page?.map.get('Contents');
  if (!isRef(root) || !isRef(contents)) throw new Error('unexpected test document');
  return { root, firstPageContents: contents };
}

function byteRangeText(pdf: Uint8Array, nth = 0): string {
  const all = [...latin1(pdf).matchAll(/\/ByteRange\s*\[[^\]]*\]/g)];
  const m = all[nth];
  if (m === undefined) throw new Error('no ByteRange');
  return m[0];
}

/** Rewrites the nth ByteRange in place with `numbers`, padded to the same length. */
function setByteRange(pdf: Uint8Array, numbers: string, nth = 0): Uint8Array {
  const m = [...latin1(pdf).matchAll(/\/ByteRange\s*\[[^\]]*\]/g)][nth];
  if (m === undefined) throw new Error('no ByteRange');
  const replacement = `/ByteRange [${numbers}]`.padEnd(m[0].length, ' ');
  if (replacement.length !== m[0].length) throw new Error('ByteRange replacement too long');
  const out = pdf.slice();
  out.set(enc.encode(replacement), m.index);
  return out;
}

describe('(a) incremental updates after signing', () => {
  it('a changed page content stream is an `other` modification (shadow / ISA)', () => {
    const signed = readPdf(ORIGINAL);
    const { root, firstPageContents } = trailerRoot(signed);
    const evil = writeRevision(
      signed,
      [{ num: firstPageContents.num, body: '<<>>', stream: enc.encode('BT /F1 24 Tf 72 720 Td (Da sua) Tj ET') }],
      { trailer: `/Root ${root.num} ${root.gen} R` },
    );
    const s = readPdfSignatures(evil);
    const sig = s.signatures[0] as PdfSignatureField;
    expect(s.ok).toBe(true);
    expect(sig.coverage).toBe('whole-revision');
    expect(sig.signedRevision).toBe(1);
    expect(sig.modificationsAfter).toEqual([
      {
        revision: 2,
        kind: 'other',
        objects: [`${firstPageContents.num} ${firstPageContents.gen}`],
        permitted: false,
        detail: expect.stringContaining('modified'),
      },
    ]);
    expect(codes(sig)).toContain('MODIFIED_AFTER_SIGNING');
  });

  it('an update that changes nothing visible (metadata only) is not reported', () => {
    const signed = readPdf(ORIGINAL);
    const { root } = trailerRoot(signed);
    const s = readPdfSignatures(
      writeRevision(signed, [{ num: 900, body: '<</Producer (motcua test)>>' }], {
        trailer: `/Root ${root.num} ${root.gen} R /Info 900 0 R`,
      }),
    );
    expect(s.signatures[0]?.coverage).toBe('whole-revision');
    expect(s.signatures[0]?.modificationsAfter).toEqual([]);
  });

  it('a new /Root is never a permitted change', () => {
    const signed = readPdf(ORIGINAL);
    const s = readPdfSignatures(
      writeRevision(
        signed,
        [
          { num: 901, body: '<</Type /Catalog /Pages 902 0 R>>' },
          { num: 902, body: '<</Type /Pages /Kids [] /Count 0>>' },
        ],
        { trailer: '/Root 901 0 R' },
      ),
    );
    const kinds = s.signatures[0]?.modificationsAfter.map((m) => [m.kind, m.permitted]);
    expect(kinds).toContainEqual(['other', false]);
  });

  it('bytes appended after the last %%EOF are reported; a trailing newline is not', () => {
    const signed = readPdf(ORIGINAL);
    expect(codes(readPdfSignatures(concat(signed, '\n\r\n')))).not.toContain('TRAILING_BYTES');
    const s = readPdfSignatures(concat(signed, '9999 0 obj\n(hidden)\nendobj\n'));
    expect(s.ok).toBe(false);
    expect(codes(s)).toContain('TRAILING_BYTES');
    expect(s.signatures[0]?.coverage).toBe('whole-revision');
  });
});

describe('(b) bytes tampered inside the signed range', () => {
  it('the reader still returns the same structure; the signed slices carry the change', () => {
    const signed = readPdf(ORIGINAL);
    const text = latin1(signed);
    const at = text.indexOf('stream', text.indexOf(' 0 obj')) + 20;
    const tampered = signed.slice();
    tampered[at] = (tampered[at] as number) ^ 0xff;
    const a = readPdfSignatures(signed);
    const b = readPdfSignatures(tampered);
    expect(b.ok).toBe(true);
    expect(b.signatures.map((x) => [x.coverage, x.byteRange])).toEqual(
      a.signatures.map((x) => [x.coverage, x.byteRange]),
    );
    const range = b.signatures[0]?.byteRange as number[];
    const [x] = signedBytes(tampered, range);
    const [y] = signedBytes(signed, range);
    expect(x?.[at]).not.toBe(y?.[at]);
  });
});

describe('(c) ByteRange manipulations (checks 2, 5)', () => {
  const signed = readPdf(ORIGINAL);

  it('zeroed', () => {
    expect(codes(first(setByteRange(signed, '0 0 0 0')))).toContain('BYTE_RANGE_INVALID');
  });

  it('removed', () => {
    const s = first(patchSameLength(signed, '/ByteRange', '/ByteRangX'));
    expect(codes(s)).toContain('BYTE_RANGE_MISSING');
    expect(s.coverage).toBe('invalid');
  });

  it('short (two numbers)', () => {
    const [, a, b] = /\[(\d+) (\d+)/.exec(byteRangeText(signed)) as RegExpExecArray;
    expect(codes(first(setByteRange(signed, `${a} ${b}`)))).toContain('BYTE_RANGE_INVALID');
  });

  it('reals instead of integers', () => {
    const [, , b, c, d] = /\[(\d+) (\d+) (\d+) (\d+)/.exec(byteRangeText(signed)) as RegExpExecArray;
    const sig = first(setByteRange(signed, `0 ${String(b).slice(0, -2)}.0 ${c} ${d}`));
    expect(sig.problems.find((p) => p.code === 'BYTE_RANGE_INVALID')?.detail?.reason).toContain('integers');
  });

  it('not starting at 0', () => {
    const [, , b, c, d] = /\[(\d+) (\d+) (\d+) (\d+)/.exec(byteRangeText(signed)) as RegExpExecArray;
    expect(codes(first(setByteRange(signed, `1 ${Number(b) - 1} ${c} ${d}`)))).toContain('BYTE_RANGE_INVALID');
  });

  it('stretched over appended data: past a revision end is partial, past the file end is invalid', () => {
    const { root } = trailerRoot(signed);
    const updated = writeRevision(signed, [{ num: 900, body: '<</Producer (x)>>' }], {
      trailer: `/Root ${root.num} ${root.gen} R /Info 900 0 R`,
    });
    const [, , b, c] = /\[(\d+) (\d+) (\d+) (\d+)/.exec(byteRangeText(updated)) as RegExpExecArray;
    const into = Number(updated.length) - Number(c) - 5;
    const partial = first(setByteRange(updated, `0 ${b} ${c} ${into}`));
    expect(partial.coverage).toBe('partial');
    expect(codes(partial)).toContain('COVERAGE_PARTIAL');
    const beyond = first(setByteRange(updated, `0 ${b} ${c} ${updated.length}`));
    expect(codes(beyond)).toContain('BYTE_RANGE_INVALID');
    // Exactly to the new end: structurally whole-file; the edited ByteRange itself breaks the
    // digest, which the CMS layer reports. The signed bytes now include the appended update.
    const toEnd = first(setByteRange(updated, `0 ${b} ${c} ${updated.length - Number(c)}`));
    expect(toEnd.coverage).toBe('whole-file');
    expect(signedBytes(updated, toEnd.byteRange as number[])[1]?.length).toBe(updated.length - Number(c));
  });

  it('a gap larger than /Contents (signature wrapping, SIWA)', () => {
    const [, , b, c, d] = /\[(\d+) (\d+) (\d+) (\d+)/.exec(byteRangeText(signed)) as RegExpExecArray;
    const s = first(setByteRange(signed, `0 ${Number(b) - 100} ${c} ${d}`));
    expect(codes(s)).toContain('CONTENTS_NOT_IN_GAP');
    expect(s.coverage).toBe('invalid');
  });
});

describe('(d) a second signature dictionary pointing at the first one’s /Contents (wrapping)', () => {
  it('is CONTENTS_NOT_IN_GAP for the second; the first is untouched', () => {
    const signed = readPdf(ORIGINAL);
    const { root } = trailerRoot(signed);
    const firstRange = byteRangeText(signed);
    const numbers = /\[([^\]]*)\]/.exec(firstRange)?.[1] as string;
    let wrapped = signIncrementally(signed, {
      num: 900,
      formFields: '61 0 R',
      catalog: '<</Type /Catalog /Pages 3 0 R /OutputIntents [5 0 R] /Metadata 60 0 R /AcroForm 902 0 R>>',
      trailer: `/Root ${root.num} ${root.gen} R`,
    });
    // Point the new dictionary's ByteRange at the first signature's bytes.
    wrapped = setByteRange(wrapped, numbers.split(/\s+/).join(' '), 1);
    const s = readPdfSignatures(wrapped);
    const [one, two] = s.signatures as [PdfSignatureField, PdfSignatureField];
    expect(two.objectRef).toBe('901 0');
    expect(codes(two)).toContain('CONTENTS_NOT_IN_GAP');
    expect(one.problems).toEqual([]);
    expect(one.modificationsAfter.map((m) => [m.kind, m.permitted])).toEqual([['signature', true]]);
  });
});

describe('synthetic signed documents', () => {
  const base = minimalDocument();

  it('a clean incremental signature covers the whole file (table, stream and object-stream xref)', () => {
    for (const [xref, objStm] of [
      ['table', false],
      ['stream', false],
      ['stream', true],
    ] as const) {
      const s = readPdfSignatures(signIncrementally(minimalDocument(xref, objStm), { xref }));
      expect(s.ok).toBe(true);
      const sig = s.signatures[0] as PdfSignatureField;
      expect(sig.problems).toEqual([]);
      expect(sig.coverage).toBe('whole-file');
      expect(sig.revision).toBe(1);
      expect(sig.claimedSigningTime).toBe("D:20250101000000+07'00'");
      expect(sig.contents).toEqual(fakeDer());
      expect(s.revisions.map((r) => r.xrefKind)).toEqual([xref, xref]);
    }
  });

  it('a signature dictionary re-written later with another /Reason (spoofing, check 7)', () => {
    const signed = signIncrementally(base, { extra: '/Reason (Phe duyet)' });
    const text = latin1(signed);
    const start = text.lastIndexOf('7 0 obj');
    const end = text.indexOf('endobj', start);
    const body = text.slice(text.indexOf('<<', start), end).replace('(Phe duyet)', '(Gia mao!!)');
    const spoofed = writeRevision(signed, [{ num: 7, body }], { trailer: '/Root 1 0 R' });
    const sig = first(spoofed);
    expect(codes(sig)).toContain('SIG_DICT_MODIFIED');
    expect(codes(sig)).not.toContain('CONTENTS_NOT_IN_GAP');
    expect(sig.coverage).toBe('whole-revision');
    expect(sig.reason).toBe('Phe duyet');
    expect(sig.modificationsAfter.map((m) => m.kind)).toEqual(['other']);
  });

  it('a signature field removed by a later revision is still found, as an orphan', () => {
    const signed = signIncrementally(base);
    const removed = writeRevision(signed, [{ num: 8, body: '<</Fields []>>' }], { trailer: '/Root 1 0 R' });
    const sig = first(removed);
    expect(codes(sig)).toContain('SIG_NOT_IN_ACROFORM');
    expect(codes(sig)).toContain('MODIFIED_AFTER_SIGNING');
  });

  it('a second signature, a DSS and a document timestamp are permitted after a signature', () => {
    let pdf = signIncrementally(base, { field: 'NguoiKy' });
    pdf = signIncrementally(pdf, {
      num: 9,
      field: 'VanThu',
      formFields: '6 0 R',
      catalog: '<</Type /Catalog /Pages 2 0 R /AcroForm 11 0 R>>',
    });
    pdf = writeRevision(
      pdf,
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R /AcroForm 11 0 R /DSS 12 0 R>>' },
        { num: 12, body: '<</Certs [13 0 R] /VRI <</ABCD <</Cert [13 0 R]>>>>>>' },
        { num: 13, body: '<<>>', stream: fakeDer(32) },
      ],
      { trailer: '/Root 1 0 R', xref: 'stream' },
    );
    pdf = signIncrementally(pdf, {
      num: 20,
      field: 'DauThoiGian',
      type: 'DocTimeStamp',
      subFilter: 'ETSI.RFC3161',
      formFields: '6 0 R 9 0 R',
      catalog: '<</Type /Catalog /Pages 2 0 R /AcroForm 22 0 R /DSS 12 0 R>>',
    });
    const s = readPdfSignatures(pdf);
    expect(s.ok).toBe(true);
    expect(s.signatures.map((x) => [x.fieldName, x.type, x.coverage])).toEqual([
      ['NguoiKy', 'signature', 'whole-revision'],
      ['VanThu', 'signature', 'whole-revision'],
      ['DauThoiGian', 'doc-timestamp', 'whole-file'],
    ]);
    expect(s.signatures[0]?.modificationsAfter.map((m) => [m.revision, m.kind, m.permitted])).toEqual([
      [2, 'signature', true],
      [3, 'dss', true],
      [4, 'doc-timestamp', true],
    ]);
    expect(s.signatures.flatMap((x) => x.problems)).toEqual([]);
    expect(s.dss?.certs).toEqual([fakeDer(32)]);
  });

  it('byte ranges that overlap other than as nested prefixes collide (check 6)', () => {
    let pdf = signIncrementally(base);
    const c = /\[0 (\d+) (\d+) (\d+)\]/.exec(byteRangeText(pdf)) as RegExpExecArray;
    pdf = signIncrementally(pdf, {
      num: 9,
      formFields: '6 0 R',
      catalog: '<</Type /Catalog /Pages 2 0 R /AcroForm 11 0 R>>',
    });
    // Stretch the first signature over the second one's bytes.
    pdf = setByteRange(pdf, `0 ${c[1]} ${c[2]} ${pdf.length - Number(c[2])}`, 0);
    const s = readPdfSignatures(pdf);
    expect(s.signatures.flatMap(codes)).toContain('BYTE_RANGE_COLLISION');
  });

  it('unsupported /SubFilter (check 1)', () => {
    expect(codes(first(signIncrementally(base, { subFilter: 'adbe.x509.rsa_sha1' })))).toContain(
      'SUBFILTER_UNSUPPORTED',
    );
  });

  it('/Contents that is not DER, and non-zero padding after the DER (check 4)', () => {
    expect(codes(first(signIncrementally(base, { contents: new Uint8Array([0x04, 0x01]) })))).toContain(
      'CONTENTS_NOT_DER',
    );
    const padded = concat(fakeDer(), new Uint8Array([0, 0, 7]));
    const sig = first(signIncrementally(base, { contents: padded }));
    expect(sig.problems.map((p) => [p.code, p.severity])).toEqual([['NON_ZERO_PADDING', 'warning']]);
    expect(sig.contents).toEqual(fakeDer());
  });

  it('an indefinite-length BER /Contents is measured to its end-of-contents octets', () => {
    const ber = Uint8Array.from([0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00]);
    const sig = first(signIncrementally(base, { contents: ber }));
    expect(sig.contents).toEqual(ber);
    expect(sig.problems).toEqual([]);
  });

  it('a signature dictionary that no field reaches is found by the key scan (orphan, check 1)', () => {
    const signed = signIncrementally(base);
    const text = latin1(signed);
    const start = text.lastIndexOf('7 0 obj');
    const body = text.slice(text.indexOf('<<', start), text.indexOf('endobj', start));
    const withOrphan = writeRevision(signed, [{ num: 40, body }], { trailer: '/Root 1 0 R' });
    const s = readPdfSignatures(withOrphan);
    const orphan = s.signatures.find((x) => x.objectRef === '40 0') as PdfSignatureField;
    expect(codes(orphan)).toContain('SIG_NOT_IN_ACROFORM');
    expect(orphan.fieldNames).toEqual([]);
    expect(readPdfSignatures(withOrphan, { orphanScanMaxBytes: 0 }).signatures).toHaveLength(1);
  });

  it('empty signature fields are listed apart from signatures', () => {
    const pdf = writeRevision(
      base,
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [6 0 R]>>>>' },
        { num: 6, body: '<</FT /Sig /T (ChoKy) /Type /Annot /Subtype /Widget /Rect [0 0 0 0]>>' },
      ],
      { trailer: '/Root 1 0 R' },
    );
    const s = readPdfSignatures(pdf);
    expect(s.signatures).toEqual([]);
    expect(s.emptySignatureFields).toEqual(['ChoKy']);
  });

  it('a new object filling a dangling reference of the signed revision is `other`; an orphan is ignored', () => {
    const dangling = writeRevision(
      new Uint8Array(0),
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R>>' },
        { num: 2, body: '<</Type /Pages /Kids [3 0 R] /Count 1>>' },
        { num: 3, body: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [50 0 R]>>' },
      ],
      { trailer: '/Root 1 0 R' },
    );
    const signed = signIncrementally(dangling, { num: 6 });
    const filled = writeRevision(
      signed,
      [{ num: 50, body: '<</Type /Annot /Subtype /FreeText /Rect [0 0 100 100]>>' }],
      {
        trailer: '/Root 1 0 R',
      },
    );
    expect(first(filled).modificationsAfter.map((m) => m.kind)).toEqual(['other']);
    const orphan = writeRevision(
      signed,
      [{ num: 60, body: '<</Type /Annot /Subtype /FreeText /Rect [0 0 100 100]>>' }],
      {
        trailer: '/Root 1 0 R',
      },
    );
    expect(first(orphan).modificationsAfter).toEqual([]);
  });
});

describe('permissions: DocMDP, FieldMDP, /Lock (check 10)', () => {
  /** A form with one text field (7) and its appearance (8), then a signature (9–11). */
  function formDocument(sigExtra: string, fieldExtra = '', catalogExtra = ''): Uint8Array {
    const base = writeRevision(
      new Uint8Array(0),
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R /AcroForm 6 0 R>>' },
        { num: 2, body: '<</Type /Pages /Kids [3 0 R] /Count 1>>' },
        { num: 3, body: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [7 0 R]>>' },
        { num: 6, body: '<</Fields [7 0 R]>>' },
        {
          num: 7,
          body: '<</FT /Tx /T (ho_ten) /V (Nguyen Van A) /Type /Annot /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP <</N 8 0 R>>>>',
        },
        {
          num: 8,
          body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>',
          stream: enc.encode('BT (Nguyen Van A) Tj ET'),
        },
      ],
      { trailer: '/Root 1 0 R' },
    );
    return signIncrementally(base, {
      num: 9,
      formFields: '7 0 R',
      extra: sigExtra,
      fieldExtra,
      catalog: `<</Type /Catalog /Pages 2 0 R /AcroForm 11 0 R ${catalogExtra}>>`,
    });
  }
  const fill = (pdf: Uint8Array): Uint8Array =>
    writeRevision(
      pdf,
      [
        {
          num: 7,
          body: '<</FT /Tx /T (ho_ten) /V (Tran Thi B) /Type /Annot /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP <</N 20 0 R>>>>',
        },
        {
          num: 20,
          body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>',
          stream: enc.encode('BT (Tran Thi B) Tj ET'),
        },
      ],
      { trailer: '/Root 1 0 R' },
    );
  const annotate = (pdf: Uint8Array): Uint8Array =>
    writeRevision(
      pdf,
      [
        { num: 3, body: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [7 0 R 21 0 R]>>' },
        { num: 21, body: '<</Type /Annot /Subtype /FreeText /Rect [0 0 100 100] /Contents (ghi chu)>>' },
      ],
      { trailer: '/Root 1 0 R' },
    );
  const docMdp = (p: number): string =>
    `/Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P ${p} /V /1.2>>>>]`;

  it('approval signature: form filling and annotations are permitted but reported', () => {
    const pdf = formDocument('');
    const filled = first(fill(pdf));
    expect(filled.modificationsAfter.map((m) => [m.kind, m.permitted, m.fields])).toEqual([
      ['form-fill', true, ['ho_ten']],
    ]);
    expect(codes(filled)).toEqual(['MODIFIED_PERMITTED']);
    expect(first(annotate(pdf)).modificationsAfter.map((m) => [m.kind, m.permitted])).toEqual([['annotation', true]]);
  });

  it('certification P=1 forbids form filling; P=2 forbids annotations; P=3 allows both', () => {
    const certified = (p: number): Uint8Array => formDocument(docMdp(p), '', '/Perms <</DocMDP 10 0 R>>');
    expect(readPdfSignatures(certified(1)).docMdp).toEqual({ signatureIndex: 0, permissions: 1 });
    expect(codes(first(fill(certified(1))))).toContain('DOCMDP_VIOLATION');
    expect(codes(first(fill(certified(2))))).not.toContain('DOCMDP_VIOLATION');
    expect(codes(first(annotate(certified(2))))).toContain('DOCMDP_VIOLATION');
    expect(codes(first(annotate(certified(3))))).not.toContain('DOCMDP_VIOLATION');
  });

  it('FieldMDP locks the listed fields only', () => {
    const lock = (fields: string): string =>
      `/Reference [<</Type /SigRef /TransformMethod /FieldMDP /TransformParams <</Type /TransformParams /Action /Include /Fields [${fields}] /V /1.2>>>>]`;
    expect(codes(first(fill(formDocument(lock('(ho_ten)')))))).toContain('FIELDMDP_VIOLATION');
    expect(codes(first(fill(formDocument(lock('(dia_chi)')))))).not.toContain('FIELDMDP_VIOLATION');
  });

  it('a signature field /Lock with /Action /All locks every field', () => {
    const pdf = formDocument('', '/Lock <</Type /SigFieldLock /Action /All>>');
    expect(first(pdf).transforms).toEqual([{ method: 'Lock', action: 'All' }]);
    const sig = first(fill(pdf));
    expect(sig.modificationsAfter[0]?.permitted).toBe(false);
    expect(codes(sig)).toContain('FIELDMDP_VIOLATION');
  });

  it('a new appearance without a new value is not form filling', () => {
    const pdf = formDocument('');
    const sneaky = writeRevision(
      pdf,
      [
        {
          num: 7,
          body: '<</FT /Tx /T (ho_ten) /V (Nguyen Van A) /Type /Annot /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP <</N 20 0 R>>>>',
        },
        {
          num: 20,
          body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>',
          stream: enc.encode('BT (Tran Thi B) Tj ET'),
        },
      ],
      { trailer: '/Root 1 0 R' },
    );
    expect(first(sneaky).modificationsAfter.map((m) => m.kind)).toEqual(['other']);
  });

  it('over-writing an existing appearance stream is `other`', () => {
    const pdf = formDocument('');
    const sneaky = writeRevision(
      pdf,
      [{ num: 8, body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>', stream: enc.encode('BT (khac) Tj ET') }],
      { trailer: '/Root 1 0 R' },
    );
    expect(first(sneaky).modificationsAfter.map((m) => m.kind)).toEqual(['other']);
  });

  it('adding or removing pages is a page-count change (check 11)', () => {
    const pdf = formDocument('');
    const added = writeRevision(
      pdf,
      [
        { num: 2, body: '<</Type /Pages /Kids [3 0 R 30 0 R] /Count 2>>' },
        { num: 30, body: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>' },
      ],
      { trailer: '/Root 1 0 R' },
    );
    const sig = first(added);
    expect(sig.modificationsAfter.map((m) => m.kind)).toEqual(['page-count-change']);
    expect(codes(sig)).toContain('PAGE_COUNT_CHANGED');
  });
});
