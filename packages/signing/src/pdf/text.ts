/**
 * PDF text strings (ISO 32000-1 §7.9.2.2, ISO 32000-2 §7.9.2.2): UTF-16BE with a BOM, UTF-8 with
 * a BOM (PDF 2.0), else PDFDocEncoding. Vietnamese signer names and reasons are usually UTF-16BE.
 */

/** PDFDocEncoding code points that differ from Latin-1 (Annex D.2). */
const PDF_DOC: Record<number, number> = {
  24: 0x02d8,
  25: 0x02c7,
  26: 0x02c6,
  27: 0x02d9,
  28: 0x02dd,
  29: 0x02db,
  30: 0x02da,
  31: 0x02dc,
  128: 0x2022,
  129: 0x2020,
  130: 0x2021,
  131: 0x2026,
  132: 0x2014,
  133: 0x2013,
  134: 0x0192,
  135: 0x2044,
  136: 0x2039,
  137: 0x203a,
  138: 0x2212,
  139: 0x2030,
  140: 0x201e,
  141: 0x201c,
  142: 0x201d,
  143: 0x2018,
  144: 0x2019,
  145: 0x201a,
  146: 0x2122,
  147: 0xfb01,
  148: 0xfb02,
  149: 0x0141,
  150: 0x0152,
  151: 0x0160,
  152: 0x0178,
  153: 0x017d,
  154: 0x0131,
  155: 0x0142,
  156: 0x0153,
  157: 0x0161,
  158: 0x017e,
  159: 0xfffd,
  160: 0x20ac,
};

// Creating a TextDecoder costs far more than decoding a field name: keep one of each.
let utf16: { decode(input: Uint8Array): string } | undefined;
let utf8: { decode(input: Uint8Array): string } | undefined;

/** Decodes a PDF text string to a JavaScript string. */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    utf16 ??= new TextDecoder('utf-16be');
    return utf16.decode(bytes.subarray(2));
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    utf8 ??= new TextDecoder('utf-8');
    return utf8.decode(bytes.subarray(3));
  }
  let s = '';
  for (const b of bytes) s += String.fromCharCode(PDF_DOC[b] ?? b);
  return s;
}
