/**
 * `verifyPdfFile` against `verifyPdf`: whatever the file, the report must be the one
 * `verifyPdf(readFileSync(path))` gives. The shared corpus and generated scanned-looking documents
 * (big noise image streams, signed with `openssl cms`) are read in sparse mode with as many holes
 * as the tuning allows, attacked where the sparse reader does not look, and fuzzed.
 *
 * Besides the reports, the structure the reader builds on the sparse buffer is compared with the
 * one it builds on the whole file whenever the sparse file is not `suspect`: an invalid document
 * is always re-read whole, so the report alone would not show a reader guard that is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, loadCorpus } from '../../test/corpus.ts';
import {
  concat,
  fillSignature,
  fromLatin1,
  latin1,
  patchSameLength,
  signIncrementally,
  sizeOf,
  type TestObject,
  writeRevision,
} from '../../test/pdf/build-pdf.ts';
import { covered } from '../../test/pdf.ts';
import { cmsSign, makePki, type TestPki } from '../../test/pki.ts';
import { SignatureError } from '../errors.ts';
import { readPdfSignatures } from '../pdf/read.ts';
import { SparseFile } from '../pdf/sparse.ts';
import type { VerifyOptions } from './options.ts';
import type { VerificationReport } from './report.ts';
import { verifyPdf } from './verify-pdf.ts';
import { type PdfFileRead, type PdfFileTuning, verifyPdfFile, verifyPdfFileWith } from './verify-pdf-file.ts';

const tmp = mkdtempSync(join(tmpdir(), 'motcua-vpf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Sparse mode with as many holes as the loader allows. */
const MOST_HOLES: PdfFileTuning = { wholeFileMaxBytes: 0, holeMinBytes: 128, margin: 16 };
/** Default hole sizes, sparse mode whatever the size. */
const SPARSE: PdfFileTuning = { wholeFileMaxBytes: 0 };

let seq = 0;
function fileOf(bytes: Uint8Array): string {
  const path = join(tmp, `doc-${seq++}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The reader on the sparse buffer builds what it builds on the whole file, unless the sparse file says it may not have. */
function expectSameStructure(path: string, bytes: Uint8Array, options: VerifyOptions, tuning: PdfFileTuning): void {
  const f = SparseFile.open(path, tuning);
  try {
    const sparse = readPdfSignatures(f.bytes, options.pdfLimits);
    if (!f.suspect) expect(sparse).toEqual(readPdfSignatures(bytes, options.pdfLimits));
  } finally {
    f.close();
  }
}

/** verifyPdfFileWith on `bytes` written to a file; asserts the report is verifyPdf's. */
async function check(
  bytes: Uint8Array,
  options: VerifyOptions,
  tuning: PdfFileTuning,
): Promise<{ report: VerificationReport; read: PdfFileRead }> {
  const path = fileOf(bytes);
  try {
    const got = await verifyPdfFileWith(path, options, tuning);
    expect(got.report).toEqual(await verifyPdf(bytes, options));
    expectSameStructure(path, bytes, options, tuning);
    return got;
  } finally {
    rmSync(path, { force: true });
  }
}

describe('verifyPdfFile on the shared corpus (sparse, smallest holes)', () => {
  it('gives verifyPdf’s report for every PDF entry, most valid ones without reading the whole file', async () => {
    const counts = { whole: 0, sparse: 0, fallback: 0 };
    let sparseBelowSize = 0;
    const entries = loadCorpus('pdf');
    expect(entries.length).toBeGreaterThan(50);
    for (const e of entries) {
      const raw = readFileSync(`${CORPORA}${e.file}`);
      const bytes = new Uint8Array(
        e.container === 'gzip' ? gunzipSync(raw, { maxOutputLength: 64 * 1024 * 1024 }) : raw,
      );
      const path = fileOf(bytes);
      const runs =
        e.validation_time == null && e.per_signer && e.per_signer.length > 0
          ? e.per_signer
          : [{ ...(e.validation_time ? { validation_time: e.validation_time } : {}), anchors: e.anchors ?? [] }];
      for (const r of runs) {
        const options: VerifyOptions = {
          trustAnchors: (r.anchors ?? e.anchors ?? []).map((a) => readFileSync(`${CORPORA}${a}`, 'utf8')),
          validationTime: new Date(r.validation_time ?? '2025-06-01T00:00:00Z'),
          // Missing revocation data only warned about: more documents are valid, so more stay sparse.
          policy: { revocation: 'warn' },
          pdfLimits: { orphanScanMaxBytes: 0 },
        };
        const got = await verifyPdfFileWith(path, options, MOST_HOLES);
        expect(got.report, e.file).toEqual(await verifyPdf(bytes, options));
        counts[got.read.mode]++;
        if (got.read.mode === 'sparse') {
          expect(got.report.valid).toBe(true);
          if ((got.read.loadedBytes as number) < bytes.length) sparseBelowSize++;
        } else expect(got.read.mode === 'fallback' && got.report.valid, e.file).toBe(false);
        expectSameStructure(path, bytes, options, MOST_HOLES);
      }
      rmSync(path, { force: true });
    }
    console.log(
      `corpus through verifyPdfFile: ${JSON.stringify(counts)}, ${sparseBelowSize} sparse reads loaded less than the file`,
    );
    // Observed: 21 sparse (18 of them loading less than the file), 58 fallback (the invalid ones), 0 whole.
    expect(counts.whole).toBe(0);
    expect(counts.sparse).toBeGreaterThanOrEqual(15);
    expect(sparseBelowSize).toBeGreaterThanOrEqual(10);
    expect(counts.fallback).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated scanned-looking documents.

const enc = new TextEncoder();

/** Deterministic noise (xorshift32), so that failures reproduce. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

interface Scanned {
  objects: TestObject[];
  /** Body of the first page (object 3). */
  firstPage: string;
  /** Object numbers of the images, page by page. */
  images: number[];
}

const IMAGE_DICT = (n: number): string =>
  `<</Type /XObject /Subtype /Image /Width ${n} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode>>`;

/** Pages of one noise image each (`imageBytes` of payload, the bytes behave like JPEG scan data). */
function scanned(pages: number, imageBytes: number, seed = 1): Scanned {
  const objects: TestObject[] = [
    { num: 1, body: '<</Type /Catalog /Pages 2 0 R>>' },
    {
      num: 2,
      body: `<</Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 3 * i} 0 R`).join(' ')}]>>`,
    },
  ];
  const images: number[] = [];
  let firstPage = '';
  for (let i = 0; i < pages; i++) {
    const page = 3 + 3 * i;
    const body = `<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R /Resources <</XObject <</Im0 ${page + 2} 0 R>>>>>>`;
    if (i === 0) firstPage = body;
    objects.push(
      { num: page, body },
      { num: page + 1, body: '<<>>', stream: enc.encode('q 595 0 0 842 0 0 cm /Im0 Do Q') },
      { num: page + 2, body: IMAGE_DICT(imageBytes), stream: noise(imageBytes, seed * 7919 + i) },
    );
    images.push(page + 2);
  }
  return { objects, firstPage, images };
}

function write(doc: Scanned, xref: 'table' | 'stream' = 'table'): Uint8Array {
  return writeRevision(new Uint8Array(0), doc.objects, {
    trailer: '/Root 1 0 R',
    xref,
    ...(xref === 'stream' ? { objStm: [1, 2] } : {}),
  });
}

let pki: TestPki;
let options: VerifyOptions;

/** Adds a signature field on page 1 (incremental update) and signs its ByteRange with `openssl cms`. */
function sign(
  base: Uint8Array,
  firstPage: string,
  o: { xref?: 'table' | 'stream'; field?: string; formFields?: string; annots?: string } = {},
): Uint8Array {
  const num = sizeOf(base);
  const filled = signIncrementally(base, {
    num,
    field: o.field ?? 'KySo',
    subFilter: 'adbe.pkcs7.detached',
    placeholder: 8192,
    page: { num: 3, body: firstPage.replace(/>>$/, ` /Annots [${o.annots ?? ''} ${num} 0 R]>>`) },
    xref: o.xref ?? 'table',
    ...(o.formFields === undefined ? {} : { formFields: o.formFields }),
  });
  const m = [
    ...latin1(filled.subarray(filled.length - 40_000)).matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g),
  ].at(-1);
  if (m === undefined) throw new Error('no ByteRange');
  return fillSignature(filled, num + 1, cmsSign(pki, pki.good, covered(filled, m.slice(1, 5).map(Number))));
}

/** Offset of the payload of stream object `num` (its last definition). */
function payloadAt(pdf: Uint8Array, num: number): number {
  const text = latin1(pdf);
  const obj = text.lastIndexOf(`\n${num} 0 obj`);
  return text.indexOf('stream\n', obj) + 'stream\n'.length;
}

/** Flips one byte. */
function flip(pdf: Uint8Array, at: number): Uint8Array {
  const out = pdf.slice();
  out[at] = (out[at] as number) ^ 0x5a;
  return out;
}

const MB = 1024 * 1024;
let big: Scanned;
let bigSigned: Uint8Array;

beforeAll(() => {
  pki = makePki();
  options = {
    trustAnchors: [pki.root.certPem],
    crls: [pki.crlPem, pki.rootCrlPem],
    // One instant for both verifications (openssl stamps the signing time with the clock).
    validationTime: new Date(),
    pdfLimits: { orphanScanMaxBytes: 64 * 1024 },
  };
  big = scanned(4, MB);
  bigSigned = sign(write(big), big.firstPage);
});
afterAll(() => {
  if (pki !== undefined) rmSync(pki.dir, { recursive: true, force: true });
});

describe('verifyPdfFile on large generated documents', () => {
  it('verifies a signed 4 MB scan sparsely, loading a small part of it', async () => {
    const { report, read } = await check(bigSigned, options, SPARSE);
    expect(read.mode).toBe('sparse');
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED']);
    expect(read.loadedBytes as number).toBeLessThan(bigSigned.length * 0.05);
  });

  it('also with the smallest holes', async () => {
    const { report, read } = await check(bigSigned, options, { ...MOST_HOLES });
    expect(read.mode).toBe('sparse');
    expect(report.valid).toBe(true);
    expect(read.loadedBytes as number).toBeLessThan(bigSigned.length * 0.05);
  });

  it('with xref streams and object streams, signed twice (both ranges hashed in one pass)', async () => {
    const doc = scanned(3, MB, 2);
    const once = sign(write(doc, 'stream'), doc.firstPage, { xref: 'stream' });
    const first = sizeOf(write(doc, 'stream'));
    const twice = sign(once, doc.firstPage, {
      xref: 'stream',
      field: 'KySo2',
      formFields: `${first} 0 R`,
      annots: `${first} 0 R`,
    });
    const { report, read } = await check(twice, options, SPARSE);
    expect(read.mode).toBe('sparse');
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(read.loadedBytes as number).toBeLessThan(twice.length * 0.05);
  });

  it('reads small files whole, and files under the orphan-scan limit whole', async () => {
    const path = fileOf(bigSigned);
    expect((await verifyPdfFileWith(path, options)).read.mode).toBe('whole');
    const scan = { ...options, pdfLimits: { orphanScanMaxBytes: 8 * MB } };
    expect((await verifyPdfFileWith(path, scan, SPARSE)).read.mode).toBe('whole');
    expect(await verifyPdfFile(path, options)).toEqual(await verifyPdf(bigSigned, options));
  });
});

describe('verifyPdfFile: attacks on large files give verifyPdf’s report', () => {
  async function attacked(bytes: Uint8Array, tuning: PdfFileTuning = SPARSE): Promise<VerificationReport> {
    const { report } = await check(bytes, options, tuning);
    expect(report.valid).toBe(false);
    return report;
  }

  it('(a) one byte flipped inside an image payload (inside a hole)', async () => {
    const at = payloadAt(bigSigned, big.images[1] as number) + MB / 2;
    for (const tuning of [SPARSE, MOST_HOLES]) {
      const report = await attacked(flip(bigSigned, at), tuning);
      expect(report.signatures[0]?.integrity.digestMatches).toBe(false);
    }
  });

  it('(b) an update after signing rewrites an image with a same-length payload', async () => {
    const img = big.images[2] as number;
    const original = big.objects.find((o) => o.num === img) as TestObject;
    const changed = (original.stream as Uint8Array).slice();
    changed[MB / 2] = (changed[MB / 2] as number) ^ 1;
    for (const tuning of [SPARSE, MOST_HOLES]) {
      const updated = writeRevision(bigSigned, [{ num: img, body: original.body, stream: changed }], {
        trailer: '/Root 1 0 R',
      });
      await attacked(updated, tuning);
    }
    // The same payload written again: the comparison of the two payloads must load both.
    const same = writeRevision(bigSigned, [original], { trailer: '/Root 1 0 R' });
    for (const tuning of [SPARSE, MOST_HOLES]) await check(same, options, tuning);
  });

  it('(c) 2 MB appended after the last %%EOF', async () => {
    await attacked(concat(bigSigned, noise(2 * MB, 99)));
    await attacked(concat(bigSigned, '\n', noise(2 * MB, 98)), MOST_HOLES);
  });

  it('(d) an image /Length made wrong after signing', async () => {
    const right = `/Length ${MB}`;
    for (const wrong of [`/Length ${MB - 1000}`, `/Length ${MB + 5000}`, `/Length ${2 * MB}`, '/Length 9 0 R'])
      await attacked(patchSameLength(bigSigned, right, wrong.padEnd(right.length, ' ')));
  });

  it('(e) a later revision puts an object inside an old image payload', async () => {
    const doc = scanned(3, MB, 3);
    const img = doc.images[1] as number;
    const hidden = `\n50 0 obj\n<</Type /Annot /Subtype /Text /Rect [0 0 10 10] /P 3 0 R /Contents (hidden)>>\nendobj\n`;
    const o = doc.objects.find((x) => x.num === img) as TestObject;
    o.stream = concat((o.stream as Uint8Array).subarray(0, MB / 2), hidden, (o.stream as Uint8Array).subarray(MB / 2));
    const signed = sign(write(doc), doc.firstPage);
    const inPayload = payloadAt(signed, img) + MB / 2 + 1;
    expect(latin1(signed.subarray(inPayload, inPayload + 8))).toBe('50 0 obj');
    const update = pointInto(signed, 50, inPayload, [
      { num: 3, body: doc.firstPage.replace(/>>$/, ` /Annots [${sizeOf(write(doc))} 0 R 50 0 R]>>`) },
    ]);
    for (const tuning of [SPARSE, MOST_HOLES]) await attacked(update, tuning);
  });
});

/**
 * An incremental update writing `objects` and mapping object `num` to `offset` (which may lie
 * anywhere, e.g. inside an old stream payload): a placeholder object `num` is written and its
 * xref row is patched to `offset`.
 */
function pointInto(base: Uint8Array, num: number, offset: number, objects: TestObject[]): Uint8Array {
  const out = writeRevision(base, [...objects, { num, body: 'null' }], { trailer: '/Root 1 0 R' });
  const text = latin1(out);
  const placeholder = text.lastIndexOf(`\n${num} 0 obj\nnull`) + 1;
  const row = `${String(placeholder).padStart(10, '0')} 00000 n `;
  return patchSameLength(out, row, `${String(offset).padStart(10, '0')} 00000 n `, countBefore(text, row, base.length));
}

/** Index of the first occurrence of `needle` at or after `from`, among all occurrences (for patchSameLength). */
function countBefore(text: string, needle: string, from: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && at < from; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

describe('verifyPdfFile: unusual but signed large documents give verifyPdf’s report', () => {
  it('an image with a wrong or indirect /Length, signed as is', async () => {
    for (const length of [`/Length ${MB - 100}`, `/Length ${MB + 100}`, '/Length 40 0 R', '']) {
      const doc = scanned(3, MB, 4);
      const o = doc.objects.find((x) => x.num === doc.images[1]) as TestObject;
      o.body = o.body.replace(/>>$/, `${length}>>`);
      o.rawLength = true;
      if (length.endsWith('R')) doc.objects.push({ num: 40, body: String(MB) });
      const signed = sign(write(doc), doc.firstPage);
      for (const tuning of [SPARSE, MOST_HOLES]) await check(signed, options, tuning);
    }
  });

  it('payloads containing `endstream`, `stream` and `obj` text', async () => {
    const doc = scanned(3, MB, 5);
    for (const [k, text] of [
      [0, '\nendstream\nendobj\n'],
      [1, '\nstream\n'],
      [2, '\nendstream\nendobj\n60 0 obj\n<</Length 3000000>>\nstream\n'],
    ] as const) {
      const o = doc.objects.find((x) => x.num === doc.images[k]) as TestObject;
      o.stream = concat(
        (o.stream as Uint8Array).subarray(0, 300_000),
        text,
        (o.stream as Uint8Array).subarray(300_000),
      );
    }
    // One of them with an indirect /Length: the scanner must search for (and may be fooled by) endstream.
    const o = doc.objects.find((x) => x.num === doc.images[0]) as TestObject;
    o.body = o.body.replace(/>>$/, '/Length 41 0 R>>');
    o.rawLength = true;
    doc.objects.push({ num: 41, body: String((o.stream as Uint8Array).length) });
    const signed = sign(write(doc), doc.firstPage);
    for (const tuning of [SPARSE, MOST_HOLES]) await check(signed, options, tuning);
  });

  it('an update before signing that puts an object inside an old image payload', async () => {
    const doc = scanned(3, MB, 6);
    const img = doc.images[1] as number;
    const hidden = `\n50 0 obj\n<</Type /Annot /Subtype /Text /Rect [0 0 10 10] /P 3 0 R /Contents (hidden)>>\nendobj\n`;
    const o = doc.objects.find((x) => x.num === img) as TestObject;
    o.stream = concat((o.stream as Uint8Array).subarray(0, MB / 2), hidden, (o.stream as Uint8Array).subarray(MB / 2));
    const base = write(doc);
    const inPayload = payloadAt(base, img) + MB / 2 + 1;
    const page = doc.firstPage.replace(/>>$/, ' /Annots [50 0 R]>>');
    const updated = pointInto(base, 50, inPayload, [{ num: 3, body: page }]);
    const signed = sign(updated, page, { annots: '50 0 R' });
    for (const tuning of [SPARSE, MOST_HOLES]) await check(signed, options, tuning);
  });
});

/**
 * Holes the scanner makes where the reader sees no stream: `stream` and `endstream` inside a
 * string or a comment. The reader's lexer stops at the hole; what it then does must never read
 * as a clean pass (each of these made the sparse path call an invalid document valid).
 */
describe('verifyPdfFile: holes where the reader sees no stream payload', () => {
  const holeOptions = (): VerifyOptions => ({ ...options, pdfLimits: { orphanScanMaxBytes: 0 } });
  /** The trailer of the last revision and its /Size. */
  const tail = (pdf: Uint8Array): { prev: number; size: number } => ({
    prev: Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf.subarray(pdf.length - 64)))?.[1]),
    size: sizeOf(pdf),
  });
  // The last KiB of a file is always loaded (startxref): keep the attacked bytes before it.
  const pad = `/Pad (${'P'.repeat(3000)})`;
  let signedDangling: Uint8Array;
  beforeAll(() => {
    // The signed page lists annotation 20 0 R, which does not exist yet.
    const doc = scanned(1, 50_000, 9);
    signedDangling = sign(write(doc), doc.firstPage, { annots: '20 0 R' });
  });

  async function dangerous(bytes: Uint8Array): Promise<void> {
    const { report, read } = await check(bytes, holeOptions(), MOST_HOLES);
    expect(report.valid).toBe(false);
    expect(read.mode).toBe('fallback');
    expect(report.problems.map((p) => p.code)).toContain('DOCUMENT_MODIFIED');
  }

  it('a later object filling a dangling reference, with a string running into a hole', async () => {
    expect((await check(signedDangling, holeOptions(), MOST_HOLES)).report.valid).toBe(true);
    // The literal string fails at the hole while the lexer's position stays at its start.
    const fill = `<</Type /Annot /Subtype /Text /Rect [0 0 9 9] /Contents (stream\n${'A'.repeat(3000)}endstream)>>`;
    await dangerous(writeRevision(signedDangling, [{ num: 20, body: fill }], { trailer: '/Root 1 0 R' }));
  });

  it('a later object filling a dangling reference, with `num gen` and its `R` split by a hole', async () => {
    // `5 0` then white-space to the hole: no `R` is seen, the lexer backs up to after `5`.
    const fill = `<</Type /Annot /K (stream\n) /Subtype /Text /Rect [0 0 9 9] /P 5 0${' '.repeat(3000)}R /Z (endstream)>>`;
    await dangerous(writeRevision(signedDangling, [{ num: 20, body: fill }], { trailer: '/Root 1 0 R' }));
  });

  it('xref rows running into a hole, with a decoy table within the repair window', async () => {
    const doc = scanned(1, 50_000, 10);
    const signed = sign(write(doc), doc.firstPage);
    const { prev, size } = tail(signed);
    let out = latin1(signed);
    const objAt = out.length;
    out += `3 0 obj\n${doc.firstPage.replace('595 842', '10 10')}\nendobj\n`;
    // A decoy section (behind a comment) that changes nothing, 51 bytes before the real one.
    out += `%stream\n%xref\n0 0\ntrailer<</Size ${size}/Root 1 0 R/Prev ${prev}>>\n`;
    const xrefAt = out.length;
    // The real section re-writes the page; its rows hold more white-space than the loader expects.
    const free = '0000000000 65535 f \n';
    out += `xref\n100 5\n${free.repeat(4)}${' '.repeat(300)}${free}3 1\n${String(objAt).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<</Size ${size}/Root 1 0 R/Prev ${prev}/X (endstream)${pad}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    await dangerous(fromLatin1(out));
  });

  it('`stream` in strings of a signed revision: the valid document stays valid', async () => {
    const doc = scanned(1, 50_000, 11);
    const note = `<</Type /Annot /Subtype /Text /Rect [0 0 9 9] /Contents (stream\n${'A'.repeat(600)}endstream)>>`;
    const page = doc.firstPage.replace(/>>$/, ' /Annots [20 0 R]>>');
    const base = writeRevision(
      write(doc),
      [
        { num: 20, body: note },
        { num: 3, body: page },
      ],
      {
        trailer: `/Root 1 0 R /C (stream\r${'B'.repeat(400)}endstream)`,
      },
    );
    const signed = sign(base, page.replace(' /Annots [20 0 R]>>', '>>'), { annots: '20 0 R' });
    const { report } = await check(signed, holeOptions(), MOST_HOLES);
    expect(report.valid).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing.

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.constantFrom('stream\n', 'endstream', 'endobj', ' 0 obj', '/Length 0', '%%EOF', 'xref', '>>', '\r\n'),
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
    ),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0.5, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let b = bytes;
  const pos = (f: number): number => Math.min(b.length, Math.floor(f * b.length));
  for (const m of muts) {
    const at = pos(m.at);
    switch (m.op) {
      case 'flip':
        if (at < b.length) {
          b = b.slice();
          b[at] = (b[at] as number) ^ m.xor;
        }
        break;
      case 'insert':
        b = concat(b.subarray(0, at), m.text, b.subarray(at));
        break;
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(at + m.len));
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
    }
  }
  return b;
}

describe('verifyPdfFile: fuzzing', () => {
  const fuzzOptions = (): VerifyOptions => ({ ...options, pdfLimits: { orphanScanMaxBytes: 0 } });

  it('mutated signed documents: never throws, always verifyPdf’s report', async () => {
    const doc = scanned(4, 50_000, 7);
    const signed = sign(write(doc), doc.firstPage);
    expect((await check(signed, fuzzOptions(), MOST_HOLES)).read.mode).toBe('sparse');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (muts) => {
        await check(mutate(signed, muts), fuzzOptions(), MOST_HOLES);
      }),
      { numRuns: 100 },
    );
  });

  it('documents mutated before signing: the valid ones too give verifyPdf’s report', async () => {
    const doc = scanned(4, 50_000, 8);
    const base = write(doc);
    let sparse = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (muts) => {
        let signed: Uint8Array;
        try {
          signed = sign(mutate(base, muts), doc.firstPage);
        } catch {
          return; // the test writer cannot sign what it cannot read (no trailer found)
        }
        if ((await check(signed, fuzzOptions(), MOST_HOLES)).read.mode === 'sparse') sparse++;
      }),
      { numRuns: 60 },
    );
    expect(sparse).toBeGreaterThan(0);
  });
});

describe('verifyPdfFile: unreadable files', () => {
  it('rejects a missing file with FILE_UNREADABLE', async () => {
    const missing = join(tmp, 'no-such-file.pdf');
    await expect(verifyPdfFile(missing, options)).rejects.toSatisfy(
      (e) => e instanceof SignatureError && e.code === 'FILE_UNREADABLE',
    );
    await expect(verifyPdfFileWith(missing, options, SPARSE)).rejects.toBeInstanceOf(SignatureError);
  });

  it('rejects a directory with FILE_UNREADABLE, read whole or sparsely', async () => {
    for (const tuning of [{}, SPARSE])
      await expect(verifyPdfFileWith(tmp, options, tuning)).rejects.toSatisfy(
        (e) => e instanceof SignatureError && e.code === 'FILE_UNREADABLE',
      );
  });
});
