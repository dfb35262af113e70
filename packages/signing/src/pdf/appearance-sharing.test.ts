import { describe, expect, it } from 'vitest';
import { fillSignature, latin1, signIncrementally, type TestObject, writeRevision } from '../../test/pdf/build-pdf.ts';
import { readPdf } from '../../test/pdf/corpus.ts';
import { readPdfSignatures } from './read.ts';
import type { PdfSignatureField } from './types.ts';

/**
 * A form fill or signing after a signature may give a field a new appearance, but it may not
 * leave behind an appearance dictionary that the signed revision shares with something else
 * (pyHanko `test_disallow_appearance_stream_override_if_clobbers`: a catalog or trailer key
 * `/FooBar` pointing at the field's indirect `/AP`), nor adopt an object of an earlier revision
 * as its new `/AP` (an appearance prepared before signing and revealed after it). Fresh
 * appearances written by the update itself stay permitted.
 */

const enc = new TextEncoder();
const first = (pdf: Uint8Array): PdfSignatureField => readPdfSignatures(pdf).signatures[0] as PdfSignatureField;
const kinds = (pdf: Uint8Array): [string, boolean][] => first(pdf).modificationsAfter.map((m) => [m.kind, m.permitted]);

type Share = 'none' | 'catalog' | 'trailer' | 'annotation';

/**
 * A signed form: text field `ho_ten` (7) whose appearance dictionary 9 (`/N` → stream 8) is an
 * indirect object, shared as `share` says; its widget is the field itself, or a kid (15) with
 * `kid`. Object 16 is a prepared appearance dictionary nothing references. Signature: 10–12.
 */
function signedForm(share: Share, kid = false): { pdf: Uint8Array; trailer: string } {
  const trailer = share === 'trailer' ? '/Root 1 0 R /FooBar 9 0 R' : '/Root 1 0 R';
  const catalogExtra = share === 'catalog' ? '/FooBar 9 0 R' : '';
  const widget = '/Type /Annot /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP 9 0 R';
  const annots = [kid ? '15 0 R' : '7 0 R', ...(share === 'annotation' ? ['14 0 R'] : [])].join(' ');
  const objects: TestObject[] = [
    { num: 1, body: `<</Type /Catalog /Pages 2 0 R /AcroForm 6 0 R ${catalogExtra}>>` },
    { num: 2, body: '<</Type /Pages /Kids [3 0 R] /Count 1>>' },
    { num: 3, body: `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [${annots}]>>` },
    { num: 6, body: '<</Fields [7 0 R]>>' },
    {
      num: 7,
      body: kid
        ? '<</FT /Tx /T (ho_ten) /V (Nguyen Van A) /Kids [15 0 R]>>'
        : `<</FT /Tx /T (ho_ten) /V (Nguyen Van A) ${widget}>>`,
    },
    {
      num: 8,
      body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>',
      stream: enc.encode('BT (Nguyen Van A) Tj ET'),
    },
    { num: 9, body: '<</N 8 0 R>>' },
    { num: 16, body: '<</N 17 0 R>>' },
    { num: 17, body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>', stream: enc.encode('BT (an) Tj ET') },
  ];
  if (kid) objects.push({ num: 15, body: `<</Parent 7 0 R ${widget}>>` });
  if (share === 'annotation') {
    objects.push({ num: 14, body: '<</Type /Annot /Subtype /Stamp /Rect [300 10 490 30] /AP 9 0 R>>' });
  }
  const base = writeRevision(new Uint8Array(0), objects, { trailer });
  const pdf = signIncrementally(base, {
    num: 10,
    formFields: '7 0 R',
    trailer,
    catalog: `<</Type /Catalog /Pages 2 0 R /AcroForm 12 0 R ${catalogExtra}>>`,
  });
  return { pdf, trailer };
}

/** Fills `ho_ten` with a new value and the appearance `ap`; the update also writes a fresh stream 20 and `extra`. */
function fill(
  form: { pdf: Uint8Array; trailer: string },
  ap: string,
  kid = false,
  extra: TestObject[] = [],
): Uint8Array {
  const widget = `/Type /Annot /Subtype /Widget /Rect [10 10 200 30] /P 3 0 R /AP ${ap}`;
  const objects: TestObject[] = kid
    ? [
        { num: 7, body: '<</FT /Tx /T (ho_ten) /V (Tran Thi B) /Kids [15 0 R]>>' },
        { num: 15, body: `<</Parent 7 0 R ${widget}>>` },
      ]
    : [{ num: 7, body: `<</FT /Tx /T (ho_ten) /V (Tran Thi B) ${widget}>>` }];
  objects.push(
    {
      num: 20,
      body: '<</Type /XObject /Subtype /Form /BBox [0 0 190 20]>>',
      stream: enc.encode('BT (Tran Thi B) Tj ET'),
    },
    ...extra,
  );
  return writeRevision(form.pdf, objects, { trailer: form.trailer });
}

describe('appearance updates after signing', () => {
  it('a fresh appearance for a field that owns its indirect /AP is a permitted form fill', () => {
    for (const kid of [false, true]) {
      const filled = fill(signedForm('none', kid), '<</N 20 0 R>>', kid);
      expect(kinds(filled), `kid widget: ${kid}`).toEqual([['form-fill', true]]);
      expect(first(filled).modificationsAfter[0]?.fields).toEqual(['ho_ten']);
      // A new indirect appearance dictionary written by the update is as good as a direct one.
      const indirect = fill(signedForm('none', kid), '21 0 R', kid, [{ num: 21, body: '<</N 20 0 R>>' }]);
      expect(kinds(indirect)).toEqual([['form-fill', true]]);
    }
  });

  it('leaving behind an /AP dictionary shared with a catalog key, a trailer key or another annotation is `other`', () => {
    for (const share of ['catalog', 'trailer', 'annotation'] as const) {
      for (const kid of [false, true]) {
        const sig = first(fill(signedForm(share, kid), '<</N 20 0 R>>', kid));
        const other = sig.modificationsAfter.find((m) => m.kind === 'other');
        expect(other, `${share}, kid widget: ${kid}`).toBeDefined();
        expect(other?.permitted).toBe(false);
        const where = { catalog: '1 0 /FooBar', trailer: 'trailer /FooBar', annotation: '14 0 /AP' }[share];
        expect(other?.detail).toContain(`dictionary 9 0 is also referenced from ${where}`);
        expect(other?.objects).toContain(kid ? '15 0' : '7 0');
      }
    }
  });

  it('a new /AP that adopts an object of an earlier revision is `other`', () => {
    const sig = first(fill(signedForm('none'), '16 0 R'));
    expect(sig.modificationsAfter.map((m) => [m.kind, m.permitted])).toEqual([['other', false]]);
    expect(sig.modificationsAfter[0]?.detail).toContain('re-uses object 16 0');
  });

  it('the field itself, reached through /Fields and /Annots, is one reference', () => {
    // The merged field-widget 7 is in both arrays; its /AP 9 0 R must still count once.
    expect(kinds(fill(signedForm('none'), '<</N 20 0 R>>'))).toEqual([['form-fill', true]]);
  });
});

describe('signing a field whose appearance dictionary is shared (pyHanko sneaky update, on its signed revision)', () => {
  /** The first, fully signed revision of the pyHanko file: Sig1 signed, Sig2 empty with `/AP 10 0 R` also under catalog `/FooBar`. */
  function signedRevision(): Uint8Array {
    const all = readPdf('pyhanko/form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf');
    const end = latin1(all).indexOf('%%EOF') + '%%EOF\n'.length;
    return all.slice(0, end);
  }
  const sigDict =
    '<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 0000000000 0000000000 0000000000] /Contents <' +
    '0'.repeat(512) +
    "> /M (D:20250101000000+07'00')>>";
  const signSig2 = (ap: string, extra: TestObject[] = []): Uint8Array =>
    fillSignature(
      writeRevision(
        signedRevision(),
        [
          {
            num: 8,
            body: `<</FT /Sig /T (Sig2) /Type /Annot /Subtype /Widget /F 132 /Rect [10 74 290 134] /P 3 0 R /AP ${ap} /V 18 0 R>>`,
          },
          { num: 18, body: sigDict },
          ...extra,
        ],
        { trailer: '/Root 1 0 R /Info 14 0 R' },
      ),
      18,
      Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01]),
    );

  it('the base is a clean signed document', () => {
    const s = readPdfSignatures(signedRevision());
    expect(s.signatures.map((x) => [x.fieldName, x.coverage])).toEqual([['Sig1', 'whole-file']]);
    expect(s.emptySignatureFields).toEqual(['Sig2']);
  });

  it('a fresh appearance for Sig2 abandons the shared dictionary 10: `other`', () => {
    const pdf = signSig2('<</N 17 0 R>>', [
      { num: 17, body: '<</Type /XObject /Subtype /Form /BBox [0 0 280 60]>>', stream: enc.encode('0 0 280 60 re S') },
    ]);
    const s = readPdfSignatures(pdf);
    expect(s.signatures.map((x) => x.fieldName)).toEqual(['Sig1', 'Sig2']);
    const after = s.signatures[0]?.modificationsAfter ?? [];
    expect(after.find((m) => m.kind === 'other')?.detail).toContain(
      'dictionary 10 0 is also referenced from 1 0 /FooBar',
    );
    expect(after.some((m) => !m.permitted)).toBe(true);
  });

  it('signing Sig2 with its appearance left as it was is a permitted signature', () => {
    const s = readPdfSignatures(signSig2('10 0 R'));
    expect(s.signatures[0]?.modificationsAfter.map((m) => [m.kind, m.permitted])).toEqual([['signature', true]]);
  });
});
