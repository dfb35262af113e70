/**
 * EMVCo tag–length–value encoding (vietqr.md §1) and the CRC-16/CCITT-FALSE checksum
 * (vietqr.md §5).
 *
 * @module
 */

/**
 * One data object: a two-digit id, its value, and — for templates that were parsed —
 * its nested objects.
 *
 * @example
 * ```ts
 * import type { TlvField } from '@motcua/adapters/vietqr';
 * const f: TlvField = { id: '58', value: 'VN' };
 * ```
 * @category VietQR
 */
export interface TlvField {
  /** Two-digit id. */
  id: string;
  /** The value, exactly as written. */
  value: string;
  /** Nested objects, for a template that was parsed. */
  children?: TlvField[] | undefined;
}

/**
 * A TLV parse error: where and what.
 *
 * @example
 * ```ts
 * import type { TlvError } from '@motcua/adapters/vietqr';
 * const e: TlvError = { position: 42, message: 'length 13 runs past the end (12 characters left)' };
 * ```
 * @category VietQR
 */
export interface TlvError {
  /** Offset of the object that failed, in characters. */
  position: number;
  /** What is wrong. */
  message: string;
}

/**
 * Parses a sequence of data objects strictly: ids and lengths must be two digits, every
 * value must fit, nothing may be left over. Never throws.
 *
 * @example
 * ```ts
 * import { parseTlv } from '@motcua/adapters/vietqr';
 * parseTlv('0002015802VN'); // { ok: true, fields: [{ id: '00', value: '01' }, { id: '58', value: 'VN' }] }
 * parseTlv('5803VN').ok; // false
 * ```
 * @category VietQR
 */
export function parseTlv(text: string, offset = 0): { ok: true; fields: TlvField[] } | { ok: false; error: TlvError } {
  const fields: TlvField[] = [];
  let i = 0;
  while (i < text.length) {
    if (i + 4 > text.length) {
      return { ok: false, error: { position: offset + i, message: 'truncated id/length' } };
    }
    const id = text.slice(i, i + 2);
    const len = text.slice(i + 2, i + 4);
    if (!/^[0-9]{2}$/.test(id) || !/^[0-9]{2}$/.test(len)) {
      return { ok: false, error: { position: offset + i, message: `bad id or length ${JSON.stringify(id + len)}` } };
    }
    const n = Number(len);
    if (i + 4 + n > text.length) {
      return {
        ok: false,
        error: {
          position: offset + i,
          message: `length ${n} runs past the end (${text.length - i - 4} characters left)`,
        },
      };
    }
    fields.push({ id, value: text.slice(i + 4, i + 4 + n) });
    i += 4 + n;
  }
  return { ok: true, fields };
}

/**
 * Writes data objects: id, two-digit length, value. Throws `RangeError` for a bad id or
 * a value longer than 99 characters.
 *
 * @example
 * ```ts
 * import { encodeTlv } from '@motcua/adapters/vietqr';
 * encodeTlv([{ id: '00', value: '01' }, { id: '58', value: 'VN' }]); // '0002015802VN'
 * ```
 * @category VietQR
 */
export function encodeTlv(fields: ReadonlyArray<Pick<TlvField, 'id' | 'value'>>): string {
  let out = '';
  for (const f of fields) {
    if (!/^[0-9]{2}$/.test(f.id)) throw new RangeError(`bad TLV id ${JSON.stringify(f.id)}`);
    if (f.value.length > 99) throw new RangeError(`TLV value of ${f.id} is longer than 99 characters`);
    out += f.id + String(f.value.length).padStart(2, '0') + f.value;
  }
  return out;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR)
 * of an ASCII string, as four upper-case hex digits. For VietQR the input is the whole
 * payload up to and including `6304`.
 *
 * @example
 * ```ts
 * import { crc16CcittFalse } from '@motcua/adapters/vietqr';
 * crc16CcittFalse('123456789'); // '29B1'
 * ```
 * @category VietQR
 */
export function crc16CcittFalse(ascii: string): string {
  let crc = 0xffff;
  for (let i = 0; i < ascii.length; i++) {
    crc ^= (ascii.charCodeAt(i) & 0xff) << 8;
    for (let b = 0; b < 8; b++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
