/** Edits of DER CMS produced by openssl, for tests (timestamps, attacks). */
import { children, header, parseDer, raw, type Tlv } from '../src/cms/der.ts';

function encode(t: Tlv, body: Uint8Array): Uint8Array {
  return Buffer.concat([header(t.buf[t.start] as number, body.length), body]);
}

function path(cms: Uint8Array): { ci: Tlv; explicit: Tlv; sd: Tlv; sis: Tlv; si: Tlv } {
  const ci = parseDer(cms);
  const explicit = children(ci)[1] as Tlv;
  const sd = children(explicit)[0] as Tlv;
  const sdParts = children(sd);
  const sis = sdParts[sdParts.length - 1] as Tlv;
  const si = children(sis)[0] as Tlv;
  return { ci, explicit, sd, sis, si };
}

/** Rebuilds the CMS with the first SignerInfo replaced by `newSi`. */
function replaceSignerInfo(cms: Uint8Array, newSi: Uint8Array): Uint8Array {
  const { ci, explicit, sd, sis } = path(cms);
  const sisBody = Buffer.concat([
    newSi,
    ...children(sis)
      .slice(1)
      .map((c) => raw(c)),
  ]);
  const sisNew = encode(sis, sisBody);
  const sdParts = children(sd);
  const sdNew = encode(sd, Buffer.concat([...sdParts.slice(0, -1).map((c) => raw(c)), sisNew]));
  const explicitNew = encode(explicit, sdNew);
  const ciParts = children(ci);
  return new Uint8Array(encode(ci, Buffer.concat([raw(ciParts[0]), explicitNew])));
}

function derOid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [(parts[0] as number) * 40 + (parts[1] as number)];
  for (const p of parts.slice(2)) {
    const stack: number[] = [];
    let v = p;
    do {
      stack.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < stack.length - 1; i++) stack[i] = (stack[i] as number) | 0x80;
    bytes.push(...stack);
  }
  return Buffer.concat([header(0x06, bytes.length), Uint8Array.from(bytes)]);
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  return Buffer.concat([header(tag, body.length), body]);
}

/** Adds an unsigned attribute (e.g. a signature timestamp token) to the first SignerInfo. */
export function addUnsignedAttribute(cms: Uint8Array, oid: string, value: Uint8Array): Uint8Array {
  const { si } = path(cms);
  const parts = children(si);
  const attr = tlv(0x30, derOid(oid), tlv(0x31, value));
  const last = parts[parts.length - 1] as Tlv;
  let body: Uint8Array;
  if (last.buf[last.start] === 0xa1)
    body = Buffer.concat([
      ...parts.slice(0, -1).map((c) => raw(c)),
      tlv(0xa1, ...children(last).map((c) => raw(c)), attr),
    ]);
  else body = Buffer.concat([...parts.map((c) => raw(c)), tlv(0xa1, attr)]);
  return replaceSignerInfo(cms, encode(si, body));
}

/** The SignerInfo signature value (to timestamp it). */
export function signatureValue(cms: Uint8Array): Uint8Array {
  const { si } = path(cms);
  const octet = children(si).find((c) => c.buf[c.start] === 0x04) as Tlv;
  return Uint8Array.from(octet.buf.subarray(octet.contentStart, octet.contentEnd));
}

/** Zeroes the SignerInfo signature value in place. */
export function zeroSignature(cms: Uint8Array): Uint8Array {
  const out = Uint8Array.from(cms);
  const { si } = path(out);
  const octet = children(si).find((c) => c.buf[c.start] === 0x04) as Tlv;
  out.fill(0, octet.contentStart, octet.contentEnd);
  return out;
}
