/**
 * Incremental base64 for attachments: encode and decode chunk by chunk, holding at most
 * a few bytes between chunks.
 *
 * @module
 */
import { AdapterError } from '../errors.ts';

/**
 * Encodes a byte stream as base64 text chunks (no line breaks).
 *
 * @example
 * ```ts
 * import { base64Encode } from '@motcua/adapters/edxml';
 * async function* bytes() { yield new Uint8Array([1, 2]); yield new Uint8Array([3]); }
 * let out = '';
 * for await (const s of base64Encode(bytes())) out += s;
 * out; // 'AQID'
 * ```
 * @category edXML
 */
export async function* base64Encode(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string> {
  let carry = new Uint8Array(0);
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    const all = carry.length === 0 ? chunk : concat(carry, chunk);
    const whole = all.length - (all.length % 3);
    if (whole > 0) yield Buffer.from(all.buffer, all.byteOffset, whole).toString('base64');
    carry = all.slice(whole);
  }
  if (carry.length > 0) yield Buffer.from(carry).toString('base64');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes base64 text arriving in pieces (whitespace ignored, as XML producers wrap
 * lines). Feed text with {@link Base64Decoder.push}, finish with
 * {@link Base64Decoder.end}; both return the bytes completed. Throws
 * {@link AdapterError} `EDXML_INVALID` for a character outside base64 or a bad ending.
 *
 * @example
 * ```ts
 * import { Base64Decoder } from '@motcua/adapters/edxml';
 * const d = new Base64Decoder();
 * [...d.push('AQ'), ...d.push('ID\n'), ...d.end()]; // [1, 2, 3]
 * ```
 * @category edXML
 */
export class Base64Decoder {
  #pending = '';
  #ended = false;

  /** Adds text; returns the bytes of every complete 4-character group. */
  push(text: string): Uint8Array {
    const stripped = text.replace(/[\s]+/g, '');
    if (stripped === '') return new Uint8Array(0);
    if (this.#ended) throw new AdapterError('EDXML_INVALID', 'base64 data after padding');
    const clean = this.#pending + stripped;
    if (!B64.test(clean)) throw new AdapterError('EDXML_INVALID', 'attachment content is not base64');
    const pad = clean.indexOf('=');
    if (pad >= 0) {
      // Padding ends the data: everything must be complete then.
      if (clean.length % 4 !== 0) {
        this.#pending = clean;
        return new Uint8Array(0);
      }
      this.#ended = true;
      this.#pending = '';
      return new Uint8Array(Buffer.from(clean, 'base64'));
    }
    const whole = clean.length - (clean.length % 4);
    this.#pending = clean.slice(whole);
    return whole === 0 ? new Uint8Array(0) : new Uint8Array(Buffer.from(clean.slice(0, whole), 'base64'));
  }

  /** Ends the data; returns the last bytes. */
  end(): Uint8Array {
    const rest = this.#pending;
    this.#pending = '';
    if (rest === '') return new Uint8Array(0);
    if (rest.length % 4 === 1 || rest.includes('=')) throw new AdapterError('EDXML_INVALID', 'truncated base64');
    // Unpadded final group (2 or 3 characters) is accepted.
    return new Uint8Array(Buffer.from(rest, 'base64'));
  }
}
