/**
 * Signed test PDFs for `pnpm bench verify-pdf`, built with the signing package's own test
 * helpers: the throw-away PKI of `packages/signing/test/pki.ts` (root → issuing CA → signer,
 * CRLs), the PDF writer of `packages/signing/test/pdf/build-pdf.ts`, and `openssl cms -sign`
 * as the independent signer.
 *
 * The documents look like a scanned result: pages of A4 at 150 dpi, each one a big grayscale
 * image stream (pseudo-random noise, FlateDecode, so it does not compress: the bytes behave
 * like JPEG / JBIG2 scan data) with a small content stream drawing it, then one incremental
 * update adding a signature field whose ByteRange covers the whole file (`adbe.pkcs7.detached`,
 * SHA-256, RSA 2048, certificate chain embedded).
 */
import { randomFillSync } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  fillSignature,
  signIncrementally,
  sizeOf,
  type TestObject,
  writeRevision,
} from '../../packages/signing/test/pdf/build-pdf.ts';
import { covered } from '../../packages/signing/test/pdf.ts';
import { cmsSign, makePki, type TestPki } from '../../packages/signing/test/pki.ts';

const enc = new TextEncoder();

/** A4 at 150 dpi, 8-bit gray. */
const WIDTH = 1240;
const FULL_HEIGHT = 1754;
/** Bytes reserved for the CMS (an RSA 2048 signature with two certificates is about 3 KB). */
const PLACEHOLDER = 16_384;

/** What the verifiers need besides the PDFs: the trust anchor and the CRLs (PEM files). */
export interface BenchPki {
  root: string;
  crls: string[];
}

export function pkiFiles(dir: string): BenchPki {
  return { root: join(dir, 'root.pem'), crls: [join(dir, 'intermediate.crl.pem'), join(dir, 'root.crl.pem')] };
}

export function pdfFile(dir: string, megabytes: number): string {
  return join(dir, `signed-${megabytes}mb.pdf`);
}

/** An unsigned document of about `target` bytes, one noise image per page; `firstPage` is the body of object 3. */
function scannedDocument(target: number): { pdf: Uint8Array; firstPage: string } {
  const pageBytes = WIDTH * FULL_HEIGHT;
  const pages = Math.max(1, Math.round(target / pageBytes));
  const height = Math.min(FULL_HEIGHT, Math.max(1, Math.floor(target / pages / WIDTH)));
  const objects: TestObject[] = [
    { num: 1, body: '<</Type /Catalog /Pages 2 0 R>>' },
    {
      num: 2,
      body: `<</Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${3 + 3 * i} 0 R`).join(' ')}]>>`,
    },
  ];
  const pixels = new Uint8Array(WIDTH * height);
  let firstPage = '';
  for (let i = 0; i < pages; i++) {
    const page = 3 + 3 * i;
    randomFillSync(pixels);
    const w = 595;
    const h = Math.round((842 * height) / FULL_HEIGHT);
    const body = `<</Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents ${page + 1} 0 R /Resources <</XObject <</Im0 ${page + 2} 0 R>>>>>>`;
    if (i === 0) firstPage = body;
    objects.push(
      { num: page, body },
      { num: page + 1, body: '<<>>', stream: enc.encode(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`) },
      {
        num: page + 2,
        body: `<</Type /XObject /Subtype /Image /Width ${WIDTH} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode>>`,
        stream: deflateSync(pixels, { level: 1 }),
      },
    );
  }
  return { pdf: writeRevision(new Uint8Array(0), objects, { trailer: '/Root 1 0 R' }), firstPage };
}

/** Adds the signature field (incremental update) and signs the ByteRange with `openssl cms`. */
function sign(pki: TestPki, { pdf: base, firstPage }: { pdf: Uint8Array; firstPage: string }): Uint8Array {
  const num = sizeOf(base);
  const sigNum = num + 1;
  const placeholderFilled = signIncrementally(base, {
    num,
    field: 'KySo',
    subFilter: 'adbe.pkcs7.detached',
    placeholder: PLACEHOLDER,
    // The widget goes on page 1 (signIncrementally points its /P at object 3).
    page: { num: 3, body: firstPage.replace(/>>$/, ` /Annots [${num} 0 R]>>`) },
  });
  const tail = Buffer.from(placeholderFilled.subarray(Math.max(0, placeholderFilled.length - 2 * PLACEHOLDER - 8192)));
  const m = [...tail.toString('latin1').matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)].at(-1);
  if (m === undefined) throw new Error('no ByteRange in the signature update');
  const byteRange = m.slice(1, 5).map(Number);
  const cms = cmsSign(pki, pki.good, covered(placeholderFilled, byteRange));
  return fillSignature(placeholderFilled, sigNum, cms);
}

/**
 * Writes `signed-<N>mb.pdf` for each size and the PKI files into `dir` (a fresh PKI each time:
 * all documents are regenerated together so that one trust anchor verifies them all).
 */
export function generate(dir: string, sizesMb: readonly number[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pki = makePki();
  try {
    for (const mb of sizesMb) {
      const t0 = performance.now();
      const pdf = sign(pki, scannedDocument(mb * 1_000_000));
      writeFileSync(pdfFile(dir, mb), pdf);
      console.log(
        `  ${pdfFile(dir, mb)}: ${(pdf.length / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const files = pkiFiles(dir);
    writeFileSync(files.root, pki.root.certPem);
    writeFileSync(files.crls[0] as string, pki.crlPem);
    writeFileSync(files.crls[1] as string, pki.rootCrlPem);
  } finally {
    rmSync(pki.dir, { recursive: true, force: true });
  }
}
