/**
 * A minimal DER writer: the few constructions a CMS SignedData needs (RFC 5652, ESS RFC 5035),
 * written by hand so the package keeps a single ASN.1 code base (the reader is `cms/der.ts`).
 *
 * @module
 */
import { header } from '../cms/der.ts';

/** A DER encoding. */
export type Der = Uint8Array;

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** A TLV with the given identifier octet. */
export function tlv(tagByte: number, content: Uint8Array): Der {
  return concat([header(tagByte, content.length), content]);
}

/** SEQUENCE. */
export function seq(...items: readonly Der[]): Der {
  return tlv(0x30, concat(items));
}

/** SET OF, sorted by encoding as DER requires (X.690 §11.6). */
export function setOf(...items: readonly Der[]): Der {
  const sorted = [...items].sort((a, b) => Buffer.compare(a, b));
  return tlv(0x31, concat(sorted));
}

/** OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((s) => BigInt(s));
  const first = (arcs[0] as bigint) * 40n + (arcs[1] as bigint);
  const out: number[] = [];
  for (const arc of [first, ...arcs.slice(2)]) {
    const bytes: number[] = [Number(arc & 0x7fn)];
    let v = arc >> 7n;
    while (v > 0n) {
      bytes.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...bytes);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** INTEGER from a non-negative number or unsigned big-endian bytes. */
export function int(v: number | Uint8Array): Der {
  let bytes: Uint8Array;
  if (typeof v === 'number') {
    const a: number[] = [];
    let n = v;
    do {
      a.unshift(n & 0xff);
      n = Math.floor(n / 256);
    } while (n > 0);
    bytes = Uint8Array.from(a);
  } else bytes = v;
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && ((bytes[i + 1] as number) & 0x80) === 0) i++;
  bytes = bytes.subarray(i);
  if (((bytes[0] as number) & 0x80) !== 0) bytes = concat([Uint8Array.of(0), bytes]);
  return tlv(0x02, bytes);
}

/** OCTET STRING. */
export function octets(v: Uint8Array): Der {
  return tlv(0x04, v);
}

/** NULL. */
export function nul(): Der {
  return Uint8Array.of(0x05, 0x00);
}

/** `[n]` EXPLICIT (constructed, wrapping one element). */
export function explicit(n: number, inner: Der): Der {
  return tlv(0xa0 | n, inner);
}

/** `[n]` IMPLICIT constructed: re-tags a SEQUENCE / SET, keeping its content. */
export function implicitConstructed(n: number, encoded: Der, tagLength: number = headerLength(encoded)): Der {
  return tlv(0xa0 | n, encoded.subarray(tagLength));
}

function headerLength(encoded: Der): number {
  const lb = encoded[1] as number;
  return lb < 0x80 ? 2 : 2 + (lb & 0x7f);
}

/** UTCTime (years 1950–2049) or GeneralizedTime, as RFC 5280 §4.1.2.5 prescribes. */
export function time(d: Date): Der {
  const y = d.getUTCFullYear();
  const p = (n: number): string => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, Buffer.from(`${p(y % 100)}${rest}`, 'latin1'));
  return tlv(0x18, Buffer.from(`${y}${rest}`, 'latin1'));
}

/** AlgorithmIdentifier with optional parameters. */
export function algorithm(dotted: string, params?: Der): Der {
  return params ? seq(oid(dotted), params) : seq(oid(dotted));
}
