/**
 * A tiny PDF writer for tests: whole files and incremental updates with classic xref tables or
 * xref streams, object streams, and signature placeholders. It writes exactly the bytes asked
 * for, so tests can build malformed and hostile files as easily as good ones.
 */
import { deflateSync } from 'node:zlib';

const enc = new TextEncoder();

/** One indirect object: `body` is the text between `N G obj` and `endobj` (or before `stream`). */
export interface TestObject {
  num: number;
  gen?: number;
  body: string;
  /** Raw stream data; `/Length` is added to `body` (a dictionary) automatically unless `rawLength` is set. */
  stream?: Uint8Array;
  /** Write `/Length` as given in `body` (for wrong-length tests). */
  rawLength?: boolean;
}

export interface WriteOptions {
  /** Trailer entries besides /Size and /Prev, e.g. `/Root 1 0 R`. */
  trailer: string;
  xref?: 'table' | 'stream';
  /** Objects to pack into one object stream (xref-stream files only). */
  objStm?: number[];
  /** Number of the xref stream / object stream objects (defaults: size, size + 1). */
  size?: number;
}

export function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const bufs = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p));
  const out = new Uint8Array(bufs.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of bufs) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function serialise(o: TestObject): Uint8Array {
  const head = `${o.num} ${o.gen ?? 0} obj\n`;
  if (o.stream === undefined) return concat(head, o.body, '\nendobj\n');
  const dict = o.rawLength ? o.body : o.body.replace(/>>\s*$/, `/Length ${o.stream.length}>>`);
  return concat(head, dict, '\nstream\n', o.stream, '\nendstream\nendobj\n');
}

/** Offset of the last `startxref` value in `bytes`. */
export function lastStartxref(bytes: Uint8Array): number {
  const s = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (m === null) throw new Error('no startxref');
  return Number(m[1]);
}

/** Highest /Size among the trailers of `bytes` (rough, for appending updates). */
export function sizeOf(bytes: Uint8Array): number {
  let max = 0;
  for (const m of latin1(bytes).matchAll(/\/Size\s+(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * Writes objects plus an xref section and trailer after `base` (empty for a new file).
 * With a non-empty base this is an incremental update (`/Prev` is set).
 */
export function writeRevision(base: Uint8Array, objects: TestObject[], opts: WriteOptions): Uint8Array {
  const isNew = base.length === 0;
  const parts: Uint8Array[] = [isNew ? fromLatin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n') : base];
  if (!isNew && base[base.length - 1] !== 0x0a) parts.push(enc.encode('\n'));
  let offset = parts.reduce((n, p) => n + p.length, 0);
  const entries = new Map<number, { type: 1 | 2; f2: number; f3: number }>();
  const packed = new Set(opts.objStm ?? []);
  const size = Math.max(opts.size ?? 0, sizeOf(base), ...objects.map((o) => o.num + 1));
  const loose = objects.filter((o) => !packed.has(o.num));
  for (const o of loose) {
    const bytes = serialise(o);
    entries.set(o.num, { type: 1, f2: offset, f3: o.gen ?? 0 });
    parts.push(bytes);
    offset += bytes.length;
  }
  let total = size;
  if (packed.size > 0) {
    const stmNum = total++;
    const inStm = objects.filter((o) => packed.has(o.num));
    let header = '';
    let body = '';
    inStm.forEach((o, i) => {
      header += `${o.num} ${body.length} `;
      body += `${o.body}\n`;
      entries.set(o.num, { type: 2, f2: stmNum, f3: i });
    });
    const data = deflateSync(enc.encode(header + body));
    const first = header.length;
    const stm = serialise({
      num: stmNum,
      body: `<</Type /ObjStm /N ${inStm.length} /First ${first} /Filter /FlateDecode>>`,
      stream: data,
    });
    entries.set(stmNum, { type: 1, f2: offset, f3: 0 });
    parts.push(stm);
    offset += stm.length;
  }
  const prev = isNew ? '' : `/Prev ${lastStartxref(base)} `;
  if ((opts.xref ?? 'table') === 'table') {
    const nums = [...entries.keys()].sort((a, b) => a - b);
    let x = 'xref\n0 1\n0000000000 65535 f \n';
    for (const n of nums) {
      const e = entries.get(n) as { f2: number; f3: number };
      x += `${n} 1\n${String(e.f2).padStart(10, '0')} ${String(e.f3).padStart(5, '0')} n \n`;
    }
    x += `trailer\n<<${opts.trailer} /Size ${total} ${prev}>>\nstartxref\n${offset}\n%%EOF\n`;
    parts.push(enc.encode(x));
    return concat(...parts);
  }
  const xrefNum = total++;
  entries.set(xrefNum, { type: 1, f2: offset, f3: 0 });
  const nums = [...entries.keys(), 0].sort((a, b) => a - b);
  const rows: number[] = [];
  const index: number[] = [];
  for (const n of nums) {
    index.push(n, 1);
    if (n === 0) rows.push(0, 0, 0, 0, 0, 0xff, 0xff);
    else {
      const e = entries.get(n) as { type: number; f2: number; f3: number };
      rows.push(
        e.type,
        (e.f2 >>> 24) & 0xff,
        (e.f2 >>> 16) & 0xff,
        (e.f2 >>> 8) & 0xff,
        e.f2 & 0xff,
        (e.f3 >>> 8) & 0xff,
        e.f3 & 0xff,
      );
    }
  }
  // PNG "Up" predictor rows, as most producers write them.
  const cols = 7;
  const raw: number[] = [];
  for (let r = 0; r < rows.length / cols; r++) {
    raw.push(2);
    for (let c = 0; c < cols; c++) {
      const v = rows[r * cols + c] as number;
      const up = r > 0 ? (rows[(r - 1) * cols + c] as number) : 0;
      raw.push((v - up) & 0xff);
    }
  }
  const data = deflateSync(Uint8Array.from(raw));
  const xs = serialise({
    num: xrefNum,
    body: `<</Type /XRef /W [1 4 2] /Index [${index.join(' ')}] /Size ${total} ${prev}${opts.trailer} /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns ${cols}>>>>`,
    stream: data,
  });
  parts.push(xs, enc.encode(`startxref\n${offset}\n%%EOF\n`));
  return concat(...parts);
}

/** A minimal one-page document (objects 1 catalog, 2 pages, 3 page, 4 content, 5 font). */
export function minimalDocument(xref: 'table' | 'stream' = 'table', objStm = false): Uint8Array {
  const objects: TestObject[] = [
    { num: 1, body: '<</Type /Catalog /Pages 2 0 R>>' },
    { num: 2, body: '<</Type /Pages /Kids [3 0 R] /Count 1>>' },
    {
      num: 3,
      body: '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>',
    },
    { num: 4, body: '<<>>', stream: enc.encode('BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET') },
    { num: 5, body: '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>' },
  ];
  return writeRevision(new Uint8Array(0), objects, {
    trailer: '/Root 1 0 R',
    xref,
    ...(objStm ? { objStm: [1, 2, 3, 5] } : {}),
  });
}

/** A fake CMS blob: a well-formed DER SEQUENCE of `len` bytes (no cryptography at this layer). */
export function fakeDer(len = 64): Uint8Array {
  const body = len - 4;
  const out = new Uint8Array(len);
  out.set([0x30, 0x82, (body >> 8) & 0xff, body & 0xff]);
  out.fill(0x01, 4);
  return out;
}

export interface SignOptions {
  field?: string;
  /** Signature field object number (the sig dict is num + 1, the widget is the field itself). */
  num?: number;
  subFilter?: string;
  type?: 'Sig' | 'DocTimeStamp';
  /** Placeholder size in bytes (hex digits = 2 ×). */
  placeholder?: number;
  /** Extra entries for the signature dictionary. */
  extra?: string;
  /** Catalog and page objects to re-write (the catalog gains /AcroForm). */
  catalog?: string;
  page?: { num: number; body: string };
  xref?: 'table' | 'stream';
  /** Trailer entries (default `/Root 1 0 R`). */
  trailer?: string;
  /** Bytes to write into /Contents (default {@link fakeDer}). */
  contents?: Uint8Array;
  /** References already in /AcroForm /Fields, kept before the new signature field (e.g. `7 0 R`). */
  formFields?: string;
  /** Extra entries of the signature field dictionary (e.g. a `/Lock`). */
  fieldExtra?: string;
}

/**
 * Appends an incremental update that adds and "signs" a signature field: a widget on page 3,
 * an AcroForm in the catalog, and a signature dictionary whose ByteRange covers the whole result.
 */
export function signIncrementally(base: Uint8Array, o: SignOptions = {}): Uint8Array {
  const num = o.num ?? sizeOf(base);
  const sigNum = num + 1;
  const formNum = num + 2;
  const hexLen = (o.placeholder ?? 256) * 2;
  const br = '/ByteRange [0 0000000000 0000000000 0000000000]';
  const sig = `<</Type /${o.type ?? 'Sig'} /Filter /Adobe.PPKLite /SubFilter /${o.subFilter ?? 'ETSI.CAdES.detached'} ${br} /Contents <${'0'.repeat(hexLen)}> /M (D:20250101000000+07'00') ${o.extra ?? ''}>>`;
  const objects: TestObject[] = [
    {
      num,
      body: `<</FT /Sig /T (${o.field ?? `Sig${num}`}) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /V ${sigNum} 0 R ${o.fieldExtra ?? ''}>>`,
    },
    { num: sigNum, body: sig },
    { num: formNum, body: `<</Fields [${o.formFields ?? ''} ${num} 0 R] /SigFlags 3>>` },
    { num: 1, body: o.catalog ?? `<</Type /Catalog /Pages 2 0 R /AcroForm ${formNum} 0 R>>` },
  ];
  if (o.page !== undefined) objects.push({ num: o.page.num, body: o.page.body });
  const out = writeRevision(base, objects, { trailer: o.trailer ?? '/Root 1 0 R', xref: o.xref ?? 'table' });
  return fillSignature(out, sigNum, o.contents ?? fakeDer());
}

/** Fills the ByteRange and /Contents of signature dictionary `sigNum` (the last one written) in place. */
export function fillSignature(pdf: Uint8Array, sigNum: number, der: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const objAt = text.lastIndexOf(`\n${sigNum} 0 obj`);
  const brAt = text.indexOf('/ByteRange [', objAt);
  const lt = text.indexOf('/Contents <', objAt) + '/Contents '.length;
  const gt = text.indexOf('>', lt);
  const b = lt;
  const c = gt + 1;
  const d = pdf.length - c;
  const brText = `/ByteRange [0 ${String(b).padStart(10, '0')} ${String(c).padStart(10, '0')} ${String(d).padStart(10, '0')}]`;
  const out = pdf.slice();
  out.set(fromLatin1(brText), brAt);
  const hex = Buffer.from(der).toString('hex').toUpperCase();
  if (hex.length > gt - lt - 1) throw new Error('placeholder too small');
  out.set(fromLatin1(hex), lt + 1);
  return out;
}

/** Replaces `search` (latin-1) with `replacement` of the same length at its `nth` occurrence. */
export function patchSameLength(pdf: Uint8Array, search: string, replacement: string, nth = 0): Uint8Array {
  if (search.length !== replacement.length) throw new Error('lengths differ');
  const text = latin1(pdf);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(search, at + 1);
    if (at < 0) throw new Error(`not found: ${search}`);
  }
  const out = pdf.slice();
  out.set(fromLatin1(replacement), at);
  return out;
}
