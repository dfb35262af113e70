/**
 * `signPdf`: PAdES baseline B-B (optionally B-T) as an incremental update — the original bytes,
 * earlier signatures included, are never rewritten, so the official's signature stays valid when
 * the records clerk adds the agency seal (NĐ 30/2020 Art. 32–33, signatures.md §4.1).
 *
 * The update adds a signature dictionary (`/SubFilter /ETSI.CAdES.detached`), a merged signature
 * field / widget (invisible, or visible with the seal image as its appearance), and new versions of
 * the page (its `/Annots`) and of the AcroForm (its `/Fields`, `/SigFlags 3`). Existing objects are
 * read with the package's strict PDF reader and copied object by object.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { SignatureError } from '../errors.ts';
import { PdfDocument } from '../pdf/document.ts';
import { Budget, resolveLimits } from '../pdf/limits.ts';
import {
  dictOf,
  isArray,
  isName,
  isRef,
  isString,
  type PdfArray,
  type PdfDict,
  type PdfObject,
  type PdfRef,
} from '../pdf/objects.ts';
import { ProblemList } from '../pdf/problems.ts';
import { decodeTextString } from '../pdf/text.ts';
import { buildCadesDetached, type TsaClient } from './cms-builder.ts';
import { sealImage } from './seal-image.ts';
import { nodeHash, type Signer } from './signer.ts';

/**
 * A visible appearance: the seal (or signature) image drawn in a rectangle of a page.
 *
 * @example
 * ```ts
 * import type { SignatureAppearance } from '@motcua/signing/sign';
 * declare const sealPng: Uint8Array;
 * // Top right of the first page of an A4 portrait page, 4 cm wide.
 * const a: SignatureAppearance = { page: 0, rect: [440, 700, 553, 813], image: sealPng };
 * ```
 * @category Signing
 */
export interface SignatureAppearance {
  /** 0-based page index. Default 0. */
  page?: number;
  /** `[x1, y1, x2, y2]` in PDF user space (points, origin bottom left). */
  rect: readonly [number, number, number, number];
  /** PNG (transparency kept) or JPEG. */
  image: Uint8Array;
}

/**
 * Options of {@link signPdf}.
 *
 * @example
 * ```ts
 * import type { SignPdfOptions } from '@motcua/signing/sign';
 * const o: SignPdfOptions = { reason: 'Phê duyệt kết quả giải quyết TTHC', location: 'UBND xã Y', fieldName: 'ChuKyLanhDao' };
 * ```
 * @category Signing
 */
export interface SignPdfOptions {
  /** Name of the new signature field. Default `Signature<n>`, unused in the document. */
  fieldName?: string;
  /** `/Reason`. */
  reason?: string;
  /** `/Location`. */
  location?: string;
  /** `/ContactInfo`. */
  contactInfo?: string;
  /** Claimed signing time written to `/M` (PAdES has no signing-time attribute). Default now. */
  signingTime?: Date;
  /** A TSA client: adds a signature timestamp (PAdES B-T). */
  tsa?: TsaClient;
  /** A visible appearance; invisible when absent. */
  appearance?: SignatureAppearance;
  /** Bytes reserved for the CMS in `/Contents`. Default: estimated from the certificates (and the TSA). */
  contentsSize?: number;
}

const enc = (s: string): Buffer => Buffer.from(s, 'latin1');

/**
 * Signs a PDF and returns the signed file (the original bytes plus one incremental update).
 *
 * @throws {SignatureError} `INVALID_INPUT` for an encrypted or unreadable PDF, a missing page, or an
 * unsupported seal image; `INVALID_OPTIONS` when the CMS does not fit `contentsSize`.
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * import { pkcs12Signer, signPdf } from '@motcua/signing/sign';
 * const official = await pkcs12Signer(readFileSync('lanh-dao.p12'), process.env.P12_PASS ?? '');
 * const seal = await pkcs12Signer(readFileSync('co-quan.p12'), process.env.SEAL_PASS ?? '');
 * let pdf: Uint8Array = readFileSync('ket-qua.pdf');
 * pdf = await signPdf(pdf, official, { reason: 'Phê duyệt' });
 * pdf = await signPdf(pdf, seal, { appearance: { rect: [440, 700, 553, 813], image: readFileSync('con-dau.png') } });
 * writeFileSync('ket-qua.signed.pdf', pdf);
 * ```
 * @category Signing
 */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: SignPdfOptions = {}): Promise<Uint8Array> {
  const certBytes = [signer.certificate, ...signer.chain].reduce((n, c) => n + c.length, 0);
  let reserve = options.contentsSize ?? certBytes + 4096 + (options.tsa ? 16384 : 0);
  for (let attempt = 0; ; attempt++) {
    const prepared = prepare(pdf, options, reserve);
    const h = createHash(nodeHash(signer.hash));
    for (const s of prepared.slices()) h.update(s);
    const cms = await buildCadesDetached(new Uint8Array(h.digest()), signer, { tsa: options.tsa });
    if (cms.length <= reserve) return prepared.fill(cms);
    if (options.contentsSize !== undefined || attempt > 0)
      throw new SignatureError('INVALID_OPTIONS', `the signature needs ${cms.length} bytes, ${reserve} reserved`);
    reserve = cms.length + 2048;
  }
}

interface Prepared {
  slices(): Uint8Array[];
  fill(cms: Uint8Array): Uint8Array;
}

function open(pdf: Uint8Array): PdfDocument {
  const problems = new ProblemList();
  let doc: PdfDocument;
  try {
    doc = PdfDocument.open(pdf, new Budget(resolveLimits(undefined)), problems);
  } catch (cause) {
    throw new SignatureError('INVALID_INPUT', 'the PDF could not be read', { cause });
  }
  if (doc.encrypted) throw new SignatureError('INVALID_INPUT', 'encrypted PDFs cannot be signed');
  return doc;
}

function prepare(pdf: Uint8Array, options: SignPdfOptions, reserve: number): Prepared {
  const doc = open(pdf);
  const rev = doc.last;
  const revision = doc.revisions[rev];
  if (!revision) throw new SignatureError('INVALID_INPUT', 'the PDF has no readable revision');
  const trailer = revision.trailer.map;
  const rootRef = trailer.get('Root');
  const size = trailer.get('Size');
  if (!isRef(rootRef) || typeof size !== 'number')
    throw new SignatureError('INVALID_INPUT', 'the trailer lacks /Root or /Size');
  const catalog = dictOf(doc.resolve(rootRef, rev));
  if (!catalog) throw new SignatureError('INVALID_INPUT', 'no document catalog');

  const objects = new Map<number, { gen: number; body: Buffer }>();
  let next = size;
  const alloc = (): number => next++;

  // The page that carries the widget.
  const pageIndex = options.appearance?.page ?? 0;
  const page = findPage(doc, rev, catalog, pageIndex);
  if (!page) throw new SignatureError('INVALID_INPUT', `page ${pageIndex} not found`);

  // AcroForm: existing fields (for a unique name) and where the dictionary lives.
  const acroEntry = catalog.map.get('AcroForm');
  const acro = dictOf(doc.resolve(acroEntry, rev));
  const fieldsEntry = acro?.map.get('Fields');
  const fields = doc.resolve(fieldsEntry, rev);
  const existing: PdfObject[] = isArray(fields) ? [...fields.items] : [];
  const names = new Set<string>();
  for (const f of existing) {
    const t = dictOf(doc.resolve(f, rev))?.map.get('T');
    if (isString(t)) names.add(decodeTextString(t.bytes));
  }
  let fieldName = options.fieldName;
  if (fieldName === undefined) {
    let n = 1;
    while (names.has(`Signature${n}`)) n++;
    fieldName = `Signature${n}`;
  } else if (names.has(fieldName)) throw new SignatureError('INVALID_OPTIONS', `field ${fieldName} already exists`);

  // New objects: signature value dictionary, widget / field, appearance.
  const sigNum = alloc();
  const widgetNum = alloc();
  const when = options.signingTime ?? new Date();
  const sigDict = [
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    ` /ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    ` /Contents <${'0'.repeat(reserve * 2)}>`,
    ` /M ${pdfText(pdfDate(when))}`,
    options.reason !== undefined ? ` /Reason ${pdfText(options.reason)}` : '',
    options.location !== undefined ? ` /Location ${pdfText(options.location)}` : '',
    options.contactInfo !== undefined ? ` /ContactInfo ${pdfText(options.contactInfo)}` : '',
    ' >>',
  ].join('');
  objects.set(sigNum, { gen: 0, body: enc(sigDict) });

  let rect = '[0 0 0 0]';
  let ap = '';
  if (options.appearance) {
    const [x1, y1, x2, y2] = options.appearance.rect;
    const w = Math.abs(x2 - x1);
    const hgt = Math.abs(y2 - y1);
    rect = `[${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)}]`;
    const img = sealImage(options.appearance.image);
    const imgNum = alloc();
    let smaskRef = '';
    if (img.smask) {
      const smNum = alloc();
      objects.set(smNum, { gen: 0, body: stream(`/Type /XObject /Subtype /Image ${img.smask.dict}`, img.smask.data) });
      smaskRef = ` /SMask ${smNum} 0 R`;
    }
    objects.set(imgNum, { gen: 0, body: stream(`/Type /XObject /Subtype /Image ${img.dict}${smaskRef}`, img.data) });
    const apNum = alloc();
    const content = enc(`q ${num(w)} 0 0 ${num(hgt)} 0 0 cm /Seal Do Q\n`);
    objects.set(apNum, {
      gen: 0,
      body: stream(
        `/Type /XObject /Subtype /Form /BBox [0 0 ${num(w)} ${num(hgt)}] /Resources << /XObject << /Seal ${imgNum} 0 R >> >>`,
        content,
      ),
    });
    ap = ` /AP << /N ${apNum} 0 R >>`;
  }
  objects.set(widgetNum, {
    gen: 0,
    body: enc(
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfText(fieldName)} /V ${sigNum} 0 R /F 132 /Rect ${rect} /P ${page.ref.num} ${page.ref.gen} R${ap} >>`,
    ),
  });

  // The page's /Annots gets the widget (in the array object when /Annots is indirect).
  const annots = page.dict.map.get('Annots');
  const widgetRef: PdfRef = { k: 'ref', num: widgetNum, gen: 0 };
  if (isRef(annots)) {
    const arr = doc.resolve(annots, rev);
    const items = isArray(arr) ? arr.items : [];
    objects.set(annots.num, { gen: annots.gen, body: serialize({ k: 'arr', items: [...items, widgetRef] }) });
  } else {
    const items = isArray(annots) ? annots.items : [];
    const map = new Map(page.dict.map);
    map.set('Annots', { k: 'arr', items: [...items, widgetRef] } as PdfArray);
    objects.set(page.ref.num, { gen: page.ref.gen, body: serialize(dictWith(page.dict, map)) });
  }

  // The AcroForm gets the field and /SigFlags 3 (signatures exist, append only).
  const newFields: PdfArray = { k: 'arr', items: [...existing, widgetRef] };
  const acroMap = new Map<string, PdfObject>(acro?.map ?? []);
  if (isRef(fieldsEntry)) objects.set(fieldsEntry.num, { gen: fieldsEntry.gen, body: serialize(newFields) });
  else acroMap.set('Fields', newFields);
  acroMap.set('SigFlags', 3);
  const newAcro = dictWith(acro, acroMap);
  if (isRef(acroEntry)) objects.set(acroEntry.num, { gen: acroEntry.gen, body: serialize(newAcro) });
  else {
    const catMap = new Map(catalog.map);
    catMap.set('AcroForm', newAcro);
    objects.set(rootRef.num, { gen: rootRef.gen, body: serialize(dictWith(catalog, catMap)) });
  }

  // Assemble the update: objects, then a cross-reference section of the kind the file uses.
  const base = pdf.length;
  const parts: Buffer[] = [];
  let pos = base;
  const lead = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  parts.push(enc(lead));
  pos += lead.length;
  const offsets = new Map<number, { gen: number; offset: number }>();
  for (const [n, o] of [...objects].sort((a, b) => a[0] - b[0])) {
    const chunk = Buffer.concat([enc(`${n} ${o.gen} obj\n`), o.body, enc('\nendobj\n')]);
    offsets.set(n, { gen: o.gen, offset: pos });
    parts.push(chunk);
    pos += chunk.length;
  }
  const prev = revision.sections[0]?.offset ?? 0;
  const carry = ['Root', 'Info', 'ID']
    .filter((k) => trailer.has(k))
    .map((k) => `/${k} ${serialize(trailer.get(k) as PdfObject).toString('latin1')}`)
    .join(' ');
  const xrefAt = pos;
  if (revision.xrefKind === 'stream') {
    const xrefNum = alloc();
    offsets.set(xrefNum, { gen: 0, offset: xrefAt });
    parts.push(xrefStream(xrefNum, offsets, next, prev, carry));
  } else parts.push(xrefTable(offsets, next, prev, carry));
  parts.push(enc(`startxref\n${xrefAt}\n%%EOF\n`));
  const out = Buffer.concat([Buffer.from(pdf), ...parts]);

  // Byte range around /Contents of the new signature dictionary.
  const sigStart = (offsets.get(sigNum) as { offset: number }).offset;
  const contentsAt = out.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const b = contentsAt;
  const c = contentsAt + reserve * 2 + 2;
  const d = out.length - c;
  const brAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1');
  const br = `[0 ${b} ${c} ${d}]`;
  if (br.length > BYTE_RANGE_PLACEHOLDER.length) throw new SignatureError('INVALID_INPUT', 'the PDF is too large');
  out.write(br.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), brAt, 'latin1');
  return {
    slices: () => [out.subarray(0, b), out.subarray(c)],
    fill: (cms) => {
      out.write(
        Buffer.from(cms)
          .toString('hex')
          .padEnd(reserve * 2, '0'),
        b + 1,
        'latin1',
      );
      return new Uint8Array(out);
    },
  };
}

const BYTE_RANGE_PLACEHOLDER = `[0 ${'9'.repeat(10)} ${'9'.repeat(10)} ${'9'.repeat(10)}]`;

/** A dictionary with new entries, keeping the original key order. */
function dictWith(original: PdfDict | undefined, map: Map<string, PdfObject>): PdfDict {
  return { k: 'dict', map, start: original?.start ?? 0, end: original?.end ?? 0 };
}

/** Page `index` through the page tree (bounded, cycle-safe). */
function findPage(
  doc: PdfDocument,
  rev: number,
  catalog: PdfDict,
  index: number,
): { ref: PdfRef; dict: PdfDict } | undefined {
  let remaining = index;
  const seen = new Set<string>();
  let node = catalog.map.get('Pages');
  for (let depth = 0; depth < 64 && isRef(node); depth++) {
    const key = `${node.num} ${node.gen}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const dict = dictOf(doc.resolve(node, rev));
    if (!dict) return undefined;
    if (isName(dict.map.get('Type'), 'Page') || !dict.map.has('Kids'))
      return remaining === 0 ? { ref: node, dict } : undefined;
    const kids = doc.resolve(dict.map.get('Kids'), rev);
    if (!isArray(kids)) return undefined;
    let descended = false;
    for (const kid of kids.items) {
      const kd = dictOf(doc.resolve(kid, rev));
      if (!kd || !isRef(kid)) continue;
      const count = doc.resolve(kd.map.get('Count'), rev);
      const n = isName(kd.map.get('Type'), 'Pages') && typeof count === 'number' ? count : 1;
      if (remaining < n) {
        node = kid;
        descended = true;
        break;
      }
      remaining -= n;
    }
    if (!descended) return undefined;
  }
  return undefined;
}

function xrefTable(
  offsets: Map<number, { gen: number; offset: number }>,
  size: number,
  prev: number,
  carry: string,
): Buffer {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let s = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
    s += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k] as number) as { gen: number; offset: number };
      s += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  s += `trailer\n<< /Size ${size} ${carry} /Prev ${prev} >>\n`;
  return enc(s);
}

function xrefStream(
  self: number,
  offsets: Map<number, { gen: number; offset: number }>,
  size: number,
  prev: number,
  carry: string,
): Buffer {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  const index: number[] = [];
  const rows: Buffer[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
    index.push(nums[i] as number, j - i + 1);
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k] as number) as { gen: number; offset: number };
      const row = Buffer.alloc(7);
      row[0] = 1;
      row.writeUInt32BE(e.offset, 1);
      row.writeUInt16BE(e.gen, 5);
      rows.push(row);
    }
    i = j + 1;
  }
  const data = Buffer.concat(rows);
  return Buffer.concat([
    enc(`${self} 0 obj\n`),
    stream(`/Type /XRef /Size ${size} /W [1 4 2] /Index [${index.join(' ')}] ${carry} /Prev ${prev}`, data),
    enc('\nendobj\n'),
  ]);
}

function stream(dict: string, data: Uint8Array): Buffer {
  return Buffer.concat([enc(`<< ${dict} /Length ${data.length} >>\nstream\n`), Buffer.from(data), enc('\nendstream')]);
}

/** Serializes a parsed object (strings as hex, names re-escaped). */
export function serialize(o: PdfObject): Buffer {
  return enc(write(o, 0));
}

function write(o: PdfObject, depth: number): string {
  if (depth > 100) throw new SignatureError('INVALID_INPUT', 'object nesting too deep');
  if (o === null) return 'null';
  if (typeof o === 'boolean') return o ? 'true' : 'false';
  if (typeof o === 'number') return num(o);
  switch (o.k) {
    case 'real':
      return num(o.v);
    case 'name':
      return name(o.v);
    case 'str':
      return `<${Buffer.from(o.bytes).toString('hex')}>`;
    case 'ref':
      return `${o.num} ${o.gen} R`;
    case 'arr':
      return `[${o.items.map((x) => write(x, depth + 1)).join(' ')}]`;
    case 'dict':
      return `<< ${[...o.map].map(([k, v]) => `${name(k)} ${write(v, depth + 1)}`).join(' ')} >>`;
    case 'stream':
      throw new SignatureError('INVALID_INPUT', 'a stream cannot be a direct object');
  }
}

function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function name(v: string): string {
  let s = '/';
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    s += c < 0x21 || c > 0x7e || '()<>[]{}/%#'.includes(ch) ? `#${c.toString(16).padStart(2, '0')}` : ch;
  }
  return s;
}

/** A PDF text string: PDFDocEncoding-safe ASCII as is, anything else UTF-16BE with a BOM (hex). */
function pdfText(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, '\\$&')})`;
  const utf16 = Buffer.from(s, 'utf16le').swap16();
  return `<feff${utf16.toString('hex')}>`;
}

/** `D:YYYYMMDDHHmmSS+07'00'`: Vietnam time, the zone the documents are issued in. */
function pdfDate(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `D:${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCSeconds())}+07'00'`;
}
