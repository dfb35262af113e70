/**
 * Minimal PDFs with a signature placeholder, filled by an external signer (e.g. `openssl cms`).
 * Written byte by byte so the offsets (xref, ByteRange, Contents) are exact.
 */

const enc = new TextEncoder();

export interface PlaceholderOptions {
  subFilter?: string;
  /** Bytes reserved for the CMS (hex doubles it). */
  contentsSize?: number;
  /** `/Type` of the signature dictionary. */
  type?: 'Sig' | 'DocTimeStamp';
  /** `/M` value. */
  m?: string;
  /** Page text. */
  text?: string;
}

/** A one-page PDF with one signature field whose dictionary has placeholder /ByteRange and /Contents. */
export function pdfWithPlaceholder(opts: PlaceholderOptions = {}): Uint8Array {
  const size = opts.contentsSize ?? 16384;
  const text = opts.text ?? 'Quyet dinh so 01/QD-UBND';
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 7 0 R >> >> /Annots [4 0 R] /Contents 6 0 R >>',
    '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 5 0 R >>',
    `<< /Type /${opts.type ?? 'Sig'} /Filter /Adobe.PPKLite /SubFilter /${opts.subFilter ?? 'adbe.pkcs7.detached'} /ByteRange [0 ********** ********** **********] /Contents <${'0'.repeat(size * 2)}>${opts.m ? ` /M (${opts.m})` : ''} >>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let i = 0; i < objs.length; i++) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A one-page PDF without any form field. */
export function plainPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  for (let i = 0; i < objs.length; i++) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function indexOf(hay: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(hay).indexOf(needle, from, 'latin1');
}

/** Fixes the ByteRange around the (first) placeholder Contents; returns the bytes and the ranges. */
export function fixByteRange(pdf: Uint8Array): { pdf: Uint8Array; byteRange: [number, number, number, number] } {
  const out = Uint8Array.from(pdf);
  const brAt = indexOf(out, '/ByteRange [0 **********');
  const contentsAt = indexOf(out, '/Contents <', brAt) + '/Contents '.length;
  const close = indexOf(out, '>', contentsAt);
  const b = contentsAt;
  const c = close + 1;
  const d = out.length - c;
  const br: [number, number, number, number] = [0, b, c, d];
  const placeholder = '[0 ********** ********** **********]';
  const value = `[0 ${b} ${c} ${d}]`.padEnd(placeholder.length, ' ');
  out.set(enc.encode(value), brAt + '/ByteRange '.length);
  return { pdf: out, byteRange: br };
}

/** The bytes covered by a ByteRange. */
export function covered(pdf: Uint8Array, br: readonly number[]): Uint8Array {
  const [a, b, c, d] = br as [number, number, number, number];
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}

/** Writes a CMS into the placeholder Contents (hex, zero-padded). */
export function insertContents(pdf: Uint8Array, br: readonly number[], cms: Uint8Array): Uint8Array {
  const out = Uint8Array.from(pdf);
  const start = (br[1] as number) + 1;
  const capacity = (br[2] as number) - 1 - start;
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > capacity) throw new Error(`CMS too large for the placeholder (${hex.length} > ${capacity})`);
  out.set(enc.encode(hex), start);
  return out;
}

/** Builds and signs a PDF with `sign(coveredBytes) → CMS`. */
export function signPdf(sign: (data: Uint8Array) => Uint8Array, opts: PlaceholderOptions = {}): Uint8Array {
  const { pdf, byteRange } = fixByteRange(pdfWithPlaceholder(opts));
  return insertContents(pdf, byteRange, sign(covered(pdf, byteRange)));
}

/** Appends an incremental update that changes the page text (an unsigned change, kind `other`). */
export function appendUnsignedChange(pdf: Uint8Array, newText: string): Uint8Array {
  const s = Buffer.from(pdf).toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(s)?.[1]);
  const stream = `BT /F1 12 Tf 20 100 Td (${newText}) Tj ET`;
  let add = `6 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
  const objAt = pdf.length;
  const xrefAt = objAt + add.length;
  add += `xref\n0 1\n0000000000 65535 f \n6 1\n${String(objAt).padStart(10, '0')} 00000 n \n`;
  add += `trailer\n<< /Size 8 /Root 1 0 R /Prev ${prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([pdf, Buffer.from(add, 'latin1')]));
}
