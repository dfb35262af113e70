import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  concat,
  fromLatin1,
  latin1,
  minimalDocument,
  signIncrementally,
  writeRevision,
} from '../../test/pdf/build-pdf.ts';
import { pdfEntries, readEntry } from '../../test/pdf/corpus.ts';
import { DEFAULT_PDF_READ_LIMITS } from './limits.ts';
import { readPdfSignatures } from './read.ts';
import type { PdfReadLimits, PdfSignatureStructure } from './types.ts';

/**
 * Hostile and malformed input (signatures.md §9 check 12): every case returns a result — with a
 * FORMAT_FAILURE or LIMIT_EXCEEDED problem where it must — and never throws or runs unbounded.
 */

const enc = new TextEncoder();
const codes = (s: { problems: { code: string }[] }): string[] => s.problems.map((p) => p.code);

function read(bytes: Uint8Array, limits?: PdfReadLimits): PdfSignatureStructure {
  const s = readPdfSignatures(bytes, limits);
  expect(s.work).toBeLessThanOrEqual((limits?.maxWork ?? DEFAULT_PDF_READ_LIMITS.maxWork) + 1);
  return s;
}

/** A classic-xref file written by hand, so that offsets and trailers can be wrong on purpose. */
function handWritten(objects: string[], trailer: string, startxref?: (xrefAt: number) => number): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<<${trailer} /Size ${objects.length + 1}>>\nstartxref\n${startxref ? startxref(xrefAt) : xrefAt}\n%%EOF\n`;
  return fromLatin1(out);
}

describe('not a PDF', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)],
    ['header only', enc.encode('%PDF-1.7\n')],
    ['startxref to nowhere', enc.encode('%PDF-1.7\nstartxref\n999999\n%%EOF\n')],
  ])('%s → FORMAT_FAILURE', (_name, bytes) => {
    const s = read(bytes);
    expect(s.ok).toBe(false);
    expect(codes(s)).toContain('FORMAT_FAILURE');
    expect(s.signatures).toEqual([]);
  });

  it('a value that is not a Uint8Array', () => {
    const s = readPdfSignatures('%PDF' as unknown as Uint8Array);
    expect(s.ok).toBe(false);
    expect(codes(s)).toContain('FORMAT_FAILURE');
  });
});

describe('cross-reference chains', () => {
  it('a /Prev loop is detected', () => {
    const base = minimalDocument();
    const xrefAt = Number(/startxref\s+(\d+)/.exec(latin1(base))?.[1]);
    // An update whose /Prev points at itself.
    const text = latin1(base);
    const self = text.length;
    const looped = concat(
      base,
      `xref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R /Size 6 /Prev ${self}>>\nstartxref\n${self}\n%%EOF\n`,
    );
    const s = read(looped);
    expect(s.problems.some((p) => p.code === 'FORMAT_FAILURE' && p.detail?.reason === 'xref /Prev loop')).toBe(true);
    expect(xrefAt).toBeGreaterThan(0);
  });

  it('two sections pointing at each other', () => {
    const base = minimalDocument();
    const firstXref = Number(/startxref\s+(\d+)/.exec(latin1(base))?.[1]);
    const t = latin1(base);
    // Rewrite the original trailer to point forward at the update, and the update back at it.
    const updAt = t.length;
    const original = 'trailer\n<</Root 1 0 R /Size 6 >>';
    expect(t).toContain(original);
    const patched = t.replace(original, `trailer\n<</Root 1 0 R /Prev ${updAt}>>`.padEnd(original.length, ' '));
    const pdf = concat(
      fromLatin1(patched),
      `xref\n0 1\n0000000000 65535 f \ntrailer\n<</Root 1 0 R /Size 6 /Prev ${firstXref}>>\nstartxref\n${updAt}\n%%EOF\n`,
    );
    const s = read(pdf);
    expect(s.problems.some((p) => p.code === 'FORMAT_FAILURE' && p.detail?.reason === 'xref /Prev loop')).toBe(true);
    expect(s.revisions.length).toBeLessThanOrEqual(2);
  });

  it('maxRevisions bounds long chains', () => {
    let pdf = minimalDocument();
    for (let i = 0; i < 30; i++)
      pdf = writeRevision(pdf, [{ num: 5, body: `<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /N ${i}>>` }], {
        trailer: '/Root 1 0 R',
      });
    expect(read(pdf).revisions).toHaveLength(31);
    const s = read(pdf, { maxRevisions: 10 });
    expect(s.ok).toBe(false);
    expect(codes(s)).toContain('LIMIT_EXCEEDED');
  });

  it('xref offsets off by a few bytes are repaired and reported', () => {
    const pdf = handWritten(
      ['<</Type /Catalog /Pages 2 0 R>>', '<</Type /Pages /Kids [3 0 R] /Count 1>>', '<</Type /Page /Parent 2 0 R>>'],
      '/Root 1 0 R',
      (at) => at + 3,
    );
    // Shift every object by two bytes after the xref was computed.
    const shifted = concat(pdf.subarray(0, 9), '  ', pdf.subarray(9));
    const s = read(shifted);
    expect(s.ok).toBe(true);
    expect(codes(s)).toContain('XREF_REPAIRED');
    expect(s.pageCount).toBe(1);
  });

  it('a hybrid-reference file resolves objects hidden in its /XRefStm and is flagged', () => {
    // Objects 1–3 in the table; object 4 (the page tree's real /Count holder) only in the stream.
    const head = '%PDF-1.7\n';
    const o1 = `1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n`;
    const o2 = `2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 4 0 R>>\nendobj\n`;
    const o3 = `3 0 obj\n<</Type /Page /Parent 2 0 R>>\nendobj\n`;
    const objStmBody = '4 0 1\n';
    const stmData = deflateSync(enc.encode(objStmBody));
    const o5At = head.length + o1.length + o2.length + o3.length;
    const o5 = concat(
      `5 0 obj\n<</Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stmData.length}>>\nstream\n`,
      stmData,
      '\nendstream\nendobj\n',
    );
    const o6At = o5At + o5.length;
    // Rows (W [1 4 1]): object 4 is type 2 in stream 5 at index 0; object 5 is type 1 at o5At.
    const xs = deflateSync(Uint8Array.from([2, 0, 0, 0, 5, 0, 1, 0, 0, (o5At >> 8) & 0xff, o5At & 0xff, 0]));
    const o6 = concat(
      `6 0 obj\n<</Type /XRef /W [1 4 1] /Index [4 2] /Size 7 /Filter /FlateDecode /Length ${xs.length}>>\nstream\n`,
      xs,
      '\nendstream\nendobj\n',
    );
    const tableAt = o6At + o6.length;
    const off = (n: number): string => `${String(n).padStart(10, '0')} 00000 n \n`;
    const table = `xref\n0 4\n0000000000 65535 f \n${off(head.length)}${off(head.length + o1.length)}${off(head.length + o1.length + o2.length)}trailer\n<</Root 1 0 R /Size 7 /XRefStm ${o6At}>>\nstartxref\n${tableAt}\n%%EOF\n`;
    const s = read(concat(head, o1, o2, o3, o5, o6, table));
    expect(codes(s)).toContain('HYBRID_XREF');
    expect(s.revisions[0]?.xrefKind).toBe('hybrid');
    expect(s.pageCount).toBe(1);
  });
});

describe('resource limits', () => {
  const bomb = deflateSync(new Uint8Array(4 * 1024 * 1024));

  it('a deflate bomb in the xref stream stops at maxStreamBytes', () => {
    const head = '%PDF-1.7\n';
    const obj = concat(
      `1 0 obj\n<</Type /XRef /W [1 4 2] /Size 1000000 /Filter /FlateDecode /Length ${bomb.length}>>\nstream\n`,
      bomb,
      '\nendstream\nendobj\n',
    );
    const pdf = concat(head, obj, `startxref\n${head.length}\n%%EOF\n`);
    const s = read(pdf, { maxStreamBytes: 1024 * 1024 });
    expect(s.ok).toBe(false);
    expect(s.problems.find((p) => p.code === 'LIMIT_EXCEEDED')?.detail?.limit).toBe('maxStreamBytes');
  });

  it('a chain of filters cannot multiply past the limit', () => {
    const twice = deflateSync(bomb);
    const head = '%PDF-1.7\n';
    const obj = concat(
      `1 0 obj\n<</Type /XRef /W [1 4 2] /Size 10 /Filter [/FlateDecode /FlateDecode] /Length ${twice.length}>>\nstream\n`,
      twice,
      '\nendstream\nendobj\n',
    );
    const s = read(concat(head, obj, `startxref\n${head.length}\n%%EOF\n`), { maxStreamBytes: 1024 * 1024 });
    expect(codes(s)).toContain('LIMIT_EXCEEDED');
  });

  it('a bomb in a DSS stream is skipped; the signatures are still read', () => {
    const signed = signIncrementally(minimalDocument());
    const pdf = writeRevision(
      signed,
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R /AcroForm 8 0 R /DSS 20 0 R>>' },
        { num: 20, body: '<</Certs [21 0 R]>>' },
        { num: 21, body: '<</Filter /FlateDecode>>', stream: bomb },
      ],
      { trailer: '/Root 1 0 R' },
    );
    const s = read(pdf, { maxStreamBytes: 1024 * 1024 });
    expect(s.signatures).toHaveLength(1);
    expect(s.dss?.certs).toEqual([]);
    expect(codes(s)).toContain('LIMIT_EXCEEDED');
  });

  it('maxTotalInflated bounds the sum over streams', () => {
    const signed = signIncrementally(minimalDocument());
    const small = deflateSync(new Uint8Array(300 * 1024));
    const pdf = writeRevision(
      signed,
      [
        { num: 1, body: '<</Type /Catalog /Pages 2 0 R /AcroForm 8 0 R /DSS 20 0 R>>' },
        { num: 20, body: '<</Certs [21 0 R 22 0 R 23 0 R 24 0 R]>>' },
        ...[21, 22, 23, 24].map((num) => ({ num, body: '<</Filter /FlateDecode>>', stream: small })),
      ],
      { trailer: '/Root 1 0 R' },
    );
    const s = read(pdf, { maxTotalInflated: 1024 * 1024 });
    expect(s.problems.some((p) => p.detail?.limit === 'maxTotalInflated')).toBe(true);
  });

  it('maxWork stops everything and is reported', () => {
    const s = read(signIncrementally(minimalDocument()), { maxWork: 200 });
    expect(s.ok).toBe(false);
    expect(s.problems.find((p) => p.code === 'LIMIT_EXCEEDED')?.detail?.limit).toBe('maxWork');
    expect(s.work).toBe(201);
  });

  it('maxObjects bounds the cross-reference entries', () => {
    const s = read(minimalDocument(), { maxObjects: 3 });
    expect(codes(s)).toContain('LIMIT_EXCEEDED');
  });

  it('a table claiming more entries than the file can hold is refused', () => {
    const pdf = fromLatin1('%PDF-1.7\nxref\n0 99999999\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF\n');
    const s = read(pdf);
    expect(s.ok).toBe(false);
  });
});

describe('cycles and recursion in the object graph', () => {
  it('an object that is a reference to itself, and a self-referencing /Length', () => {
    const pdf = handWritten(
      [
        '<</Type /Catalog /Pages 2 0 R /AcroForm 3 0 R>>',
        '2 0 R',
        '4 0 R',
        '<</Length 4 0 R>>\nstream\nabc\nendstream',
      ],
      '/Root 1 0 R',
    );
    const s = read(pdf);
    expect(s.signatures).toEqual([]);
    expect(s.pageCount).toBeUndefined();
  });

  it('a field tree whose /Kids loop back', () => {
    const pdf = handWritten(
      [
        '<</Type /Catalog /Pages 4 0 R /AcroForm <</Fields [2 0 R]>>>>',
        '<</T (a) /Kids [3 0 R]>>',
        '<</T (b) /Kids [2 0 R]>>',
        '<</Type /Pages /Kids [] /Count 0>>',
      ],
      '/Root 1 0 R',
    );
    const s = read(pdf);
    expect(s.problems.some((p) => p.detail?.reason === 'field tree has a cycle or is too deep')).toBe(true);
  });

  it('deeply nested arrays in the catalog', () => {
    const pdf = handWritten([`<</Type /Catalog /X ${'['.repeat(5000)}${']'.repeat(5000)}>>`], '/Root 1 0 R');
    const s = read(pdf);
    expect(codes(s)).toContain('LIMIT_EXCEEDED');
    expect(s.signatures).toEqual([]);
  });
});

describe('the corpus DoS files terminate within a small fraction of the default work budget', () => {
  const dos = pdfEntries().filter((e) => e.expect === 'must-terminate');
  it.each(dos.map((e) => [e.file, e] as const))('%s', (_name, e) => {
    const s = read(readEntry(e));
    expect(s.work).toBeLessThan(DEFAULT_PDF_READ_LIMITS.maxWork / 10);
  });
});
