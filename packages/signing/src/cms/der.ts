/**
 * A small, bounded BER/DER reader that keeps byte offsets.
 *
 * CMS verification needs the exact bytes of several fields (the signed attributes as encoded,
 * `tbsCertificate`, `tbsCertList`, `tbsResponseData`, whole certificates for ESS hashes), so
 * structures are read as TLVs over the original buffer instead of being re-serialised.
 * Indefinite lengths are accepted (PDF signers often emit BER envelopes); nesting depth and
 * element counts are bounded.
 *
 * @module
 */
import { SignatureError } from '../errors.ts';

/** Universal tag numbers used here. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  SEQUENCE: 0x10,
  SET: 0x11,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
} as const;

/** Tag classes. */
export const CLASS = { universal: 0, application: 1, context: 2, private: 3 } as const;

/** One decoded TLV: offsets into `buf` (the original bytes, never copied). */
export interface Tlv {
  /** The buffer the element was read from. */
  readonly buf: Uint8Array;
  /** Tag class (0 universal, 1 application, 2 context, 3 private). */
  readonly cls: number;
  /** Constructed bit. */
  readonly constructed: boolean;
  /** Tag number. */
  readonly tag: number;
  /** Offset of the first identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset one past the last content octet (before end-of-contents for indefinite lengths). */
  readonly contentEnd: number;
  /** Offset one past the whole element (including end-of-contents octets). */
  readonly end: number;
  /** Whether the length was indefinite (BER). */
  readonly indefinite: boolean;
}

const MAX_DEPTH = 64;

function fail(message: string): never {
  throw new SignatureError('ASN1_MALFORMED', message);
}

/**
 * Reads one TLV at `offset`, bounded by `limit`.
 *
 * @example
 * ```ts
 * const tlv = readTlv(new Uint8Array([0x05, 0x00]), 0);
 * // tlv.tag === 5
 * ```
 */
export function readTlv(buf: Uint8Array, offset: number, limit: number = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) fail('ASN.1 nesting too deep');
  let p = offset;
  if (p >= limit) fail('ASN.1 element truncated');
  const first = buf[p++] as number;
  const cls = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let n = 0;
    for (;;) {
      if (p >= limit) fail('ASN.1 tag truncated');
      const b = buf[p++] as number;
      tag = tag * 128 + (b & 0x7f);
      if (++n > 4) fail('ASN.1 tag too long');
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) fail('ASN.1 length truncated');
  const lb = buf[p++] as number;
  if (lb === 0x80) {
    if (!constructed) fail('indefinite length on a primitive element');
    const contentStart = p;
    let q = p;
    for (;;) {
      if (q + 2 > limit) fail('missing end-of-contents');
      if (buf[q] === 0 && buf[q + 1] === 0) break;
      q = readTlv(buf, q, limit, depth + 1).end;
    }
    return { buf, cls, constructed, tag, start: offset, contentStart, contentEnd: q, end: q + 2, indefinite: true };
  }
  let len = 0;
  if (lb & 0x80) {
    const n = lb & 0x7f;
    if (n > 4) fail('ASN.1 length too large');
    for (let i = 0; i < n; i++) {
      if (p >= limit) fail('ASN.1 length truncated');
      len = len * 256 + (buf[p++] as number);
    }
  } else {
    len = lb;
  }
  if (p + len > limit) fail('ASN.1 element runs past its container');
  return {
    buf,
    cls,
    constructed,
    tag,
    start: offset,
    contentStart: p,
    contentEnd: p + len,
    end: p + len,
    indefinite: false,
  };
}

/** Reads the single TLV that must fill `bytes` exactly (trailing bytes are an error unless `allowTrailing`). */
export function parseDer(bytes: Uint8Array, allowTrailing = false): Tlv {
  const tlv = readTlv(bytes, 0);
  if (!allowTrailing && tlv.end !== bytes.length) fail('trailing data after ASN.1 element');
  return tlv;
}

/** The children of a constructed element. */
export function children(tlv: Tlv | undefined, maxCount = 100_000): Tlv[] {
  if (tlv === undefined || !tlv.constructed) fail('expected a constructed element');
  const out: Tlv[] = [];
  let p = tlv.contentStart;
  while (p < tlv.contentEnd) {
    const c = readTlv(tlv.buf, p, tlv.contentEnd);
    out.push(c);
    p = c.end;
    if (out.length > maxCount) fail('too many ASN.1 elements');
  }
  return out;
}

/** The whole encoding of an element (a view, not a copy). */
export function raw(tlv: Tlv | undefined): Uint8Array {
  if (tlv === undefined) fail('missing element');
  return tlv.buf.subarray(tlv.start, tlv.end);
}

/** The content octets of a primitive element (a view). */
export function content(tlv: Tlv | undefined): Uint8Array {
  if (tlv === undefined) fail('missing element');
  return tlv.buf.subarray(tlv.contentStart, tlv.contentEnd);
}

/** True for a universal element with this tag. */
export function isUniversal(tlv: Tlv | undefined, tag: number): boolean {
  return tlv !== undefined && tlv.cls === CLASS.universal && tlv.tag === tag;
}

/** True for a context-specific element `[n]`. */
export function isContext(tlv: Tlv | undefined, n: number): boolean {
  return tlv !== undefined && tlv.cls === CLASS.context && tlv.tag === n;
}

/** Asserts a universal tag and returns the element. */
export function expect(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (tlv === undefined || !isUniversal(tlv, tag)) fail(`expected ${what}`);
  return tlv;
}

/** Children of a SEQUENCE (asserted). */
export function seq(tlv: Tlv | undefined, what: string): Tlv[] {
  return children(expect(tlv, TAG.SEQUENCE, what));
}

/** Decodes an OBJECT IDENTIFIER to dotted form. */
export function oid(tlv: Tlv | undefined): string {
  const t = expect(tlv, TAG.OID, 'OBJECT IDENTIFIER');
  const c = content(t);
  if (c.length === 0 || c.length > 64) fail('bad OBJECT IDENTIFIER');
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < c.length; i++) {
    const b = c[i] as number;
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        if (v < 40) parts.push(0, v);
        else if (v < 80) parts.push(1, v - 40);
        else parts.push(2, v - 80);
      } else parts.push(v);
      v = 0;
    } else if (v > Number.MAX_SAFE_INTEGER / 128) fail('OBJECT IDENTIFIER arc too large');
  }
  if ((c[c.length - 1] as number) & 0x80) fail('OBJECT IDENTIFIER truncated');
  return parts.join('.');
}

/** Content of an INTEGER as unsigned big-endian bytes with sign/leading zeros stripped, as hex. */
export function integerHex(tlv: Tlv | undefined): string {
  const c = content(expect(tlv, TAG.INTEGER, 'INTEGER'));
  if (c.length === 0) fail('empty INTEGER');
  // X.690 §8.3.2: the first nine bits must not be all zeros or all ones (minimal encoding).
  if (
    c.length > 1 &&
    ((c[0] === 0 && ((c[1] as number) & 0x80) === 0) || (c[0] === 0xff && ((c[1] as number) & 0x80) !== 0))
  )
    fail('INTEGER not minimally encoded');
  let i = 0;
  while (i < c.length - 1 && c[i] === 0) i++;
  return Buffer.from(c.subarray(i)).toString('hex');
}

/** A small INTEGER as a number. */
export function smallInt(tlv: Tlv | undefined): number {
  const t = tlv !== undefined && tlv.tag === TAG.ENUMERATED ? tlv : expect(tlv, TAG.INTEGER, 'INTEGER');
  const c = content(t);
  if (c.length === 0 || c.length > 6) fail('INTEGER out of range');
  let v = 0;
  for (const b of c) v = v * 256 + b;
  if ((c[0] as number) & 0x80) v -= 2 ** (8 * c.length);
  return v;
}

/** OCTET STRING content (primitive or BER constructed) as a fresh copy or view. */
export function octets(tlv: Tlv | undefined): Uint8Array {
  const t = expect(tlv, TAG.OCTET_STRING, 'OCTET STRING');
  if (!t.constructed) return content(t);
  const parts: Uint8Array[] = [];
  for (const c of children(t)) parts.push(octets(c));
  return Buffer.concat(parts);
}

/** BIT STRING content without the unused-bits octet, plus the unused-bit count. */
export function bitString(tlv: Tlv | undefined): { bytes: Uint8Array; unused: number } {
  const t = expect(tlv, TAG.BIT_STRING, 'BIT STRING');
  if (t.constructed) fail('constructed BIT STRING');
  const c = content(t);
  if (c.length === 0) fail('empty BIT STRING');
  const unused = c[0] as number;
  if (unused > 7) fail('bad BIT STRING');
  return { bytes: c.subarray(1), unused };
}

/** Decodes UTCTime / GeneralizedTime. */
export function time(tlv: Tlv | undefined): Date {
  if (tlv === undefined) fail('missing time');
  const s = Buffer.from(content(tlv)).toString('latin1');
  let m: RegExpExecArray | null;
  if (isUniversal(tlv, TAG.UTC_TIME)) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(s);
    if (!m) fail(`bad UTCTime ${s}`);
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return mkDate(year, m[2], m[3], m[4], m[5], m[6] ?? '00', '', m[7] as string);
  }
  if (isUniversal(tlv, TAG.GENERALIZED_TIME)) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?([.,]\d+)?(Z|[+-]\d{4})?$/.exec(s);
    if (!m) fail(`bad GeneralizedTime ${s}`);
    return mkDate(Number(m[1]), m[2], m[3], m[4], m[5] ?? '00', m[6] ?? '00', m[7] ?? '', m[8] ?? 'Z');
  }
  fail('expected a time');
}

function mkDate(
  year: number,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  sec: string,
  frac: string,
  zone: string,
): Date {
  const ms = frac ? Math.round(Number(`0.${frac.slice(1)}`) * 1000) : 0;
  let t = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  const date = new Date(t);
  if (Number.isNaN(date.getTime())) fail('invalid date');
  return date;
}

/** Decodes the common directory-string types to text. */
export function text(tlv: Tlv): string {
  const c = content(tlv);
  if (tlv.cls !== CLASS.universal) return Buffer.from(c).toString('hex');
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return Buffer.from(c).toString('utf8');
    case TAG.BMP_STRING: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2)
        s += String.fromCharCode(((c[i] as number) << 8) | (c[i + 1] as number));
      return s;
    }
    case TAG.UNIVERSAL_STRING: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4)
        s += String.fromCodePoint(
          (((c[i] as number) << 24) |
            ((c[i + 1] as number) << 16) |
            ((c[i + 2] as number) << 8) |
            (c[i + 3] as number)) >>>
            0,
        );
      return s;
    }
    case TAG.TELETEX_STRING:
      // T.61 in theory; in practice Latin-1 or UTF-8. Prefer UTF-8 when it decodes cleanly.
      return decodeLoose(c);
    default:
      return Buffer.from(c).toString('latin1');
  }
}

function decodeLoose(c: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(c);
  } catch {
    return Buffer.from(c).toString('latin1');
  }
}

/** Encodes a DER length + tag header. */
export function header(tagByte: number, length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(tagByte, length);
  const bytes: number[] = [];
  let l = length;
  while (l > 0) {
    bytes.unshift(l & 0xff);
    l = Math.floor(l / 256);
  }
  return Uint8Array.of(tagByte, 0x80 | bytes.length, ...bytes);
}

/** Compares two byte arrays for equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
