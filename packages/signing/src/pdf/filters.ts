import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import { hexValue } from './lexer.ts';
import { type Budget, FormatError, LimitError } from './limits.ts';
import { dictOf, isArray, isInt, nameValue, type PdfDict, type PdfObject } from './objects.ts';

/**
 * Stream decoding (ISO 32000-1 §7.4) for the few streams the reader needs: cross-reference
 * streams, object streams and `/DSS` streams. Only FlateDecode (with PNG/TIFF predictors),
 * ASCIIHexDecode and ASCII85Decode are supported; content streams are never decoded.
 *
 * Inflation uses `node:zlib` `inflateSync` with `maxOutputLength`: native speed, a synchronous
 * API (the reader is synchronous), and zlib stops as soon as the output passes the limit, so a
 * deflate bomb costs at most `maxStreamBytes` of work and memory per filter stage.
 */

function isBufferTooLarge(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE');
}

function inflateBounded(data: Uint8Array, max: number, offset: number): Uint8Array {
  const opts = { maxOutputLength: Math.max(1, max), finishFlush: constants.Z_SYNC_FLUSH };
  try {
    return inflateSync(data, opts);
  } catch (e) {
    if (isBufferTooLarge(e)) throw new LimitError('maxStreamBytes', max);
    // Some producers write raw deflate data without the zlib header.
    try {
      return inflateRawSync(data, opts);
    } catch (e2) {
      if (isBufferTooLarge(e2)) throw new LimitError('maxStreamBytes', max);
      throw new FormatError('FlateDecode: corrupt data', offset);
    }
  }
}

function asciiHex(data: Uint8Array, offset: number): Uint8Array {
  const out = new Uint8Array((data.length + 1) >> 1);
  let n = 0;
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = hexValue(c);
    if (v === 255) {
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00) continue;
      throw new FormatError('ASCIIHexDecode: bad byte', offset);
    }
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0) out[n++] = hi << 4;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array, offset: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((data.length * 4) / 5) + 4);
  let n = 0;
  const group: number[] = [];
  const flush = (count: number): void => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    for (let i = 0; i < count - 1; i++) out[n++] = (v >>> (24 - 8 * i)) & 0xff;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break; // ~>
    if (c === 0x7a && group.length === 0) {
      out.fill(0, n, n + 4);
      n += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) {
      if (c <= 0x20) continue;
      throw new FormatError('ASCII85Decode: bad byte', offset);
    }
    group.push(c - 0x21);
    if (group.length === 5) {
      flush(5);
      group.length = 0;
    }
  }
  if (group.length === 1) throw new FormatError('ASCII85Decode: truncated group', offset);
  if (group.length > 0) flush(group.length);
  return out.subarray(0, n);
}

function intParam(parms: PdfDict | undefined, key: string, dflt: number): number {
  const v = parms?.map.get(key);
  return isInt(v) ? v : dflt;
}

/** PNG (10–15) and TIFF (2) predictors, §7.4.4.4. */
function unpredict(data: Uint8Array, parms: PdfDict | undefined, max: number, offset: number): Uint8Array {
  const predictor = intParam(parms, 'Predictor', 1);
  if (predictor <= 1) return data;
  const colors = intParam(parms, 'Colors', 1);
  const bpc = intParam(parms, 'BitsPerComponent', 8);
  const columns = intParam(parms, 'Columns', 1);
  if (colors < 1 || colors > 32 || ![1, 2, 4, 8, 16].includes(bpc) || columns < 1 || columns > 1 << 24) {
    throw new FormatError('bad predictor parameters', offset);
  }
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new FormatError('TIFF predictor supported for 8 bits only', offset);
    const out = data.slice();
    for (let r = 0; r + rowLen <= out.length; r += rowLen) {
      for (let i = bpp; i < rowLen; i++) out[r + i] = ((out[r + i] as number) + (out[r + i - bpp] as number)) & 0xff;
    }
    return out;
  }
  if (predictor < 10) throw new FormatError(`unsupported predictor ${predictor}`, offset);
  const rows = Math.floor(data.length / (rowLen + 1));
  if (rows * rowLen > max) throw new LimitError('maxStreamBytes', max);
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const inRow = r * (rowLen + 1);
    const type = data[inRow] as number;
    const o = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[inRow + 1 + i] as number;
      const left = i >= bpp ? (out[o + i - bpp] as number) : 0;
      const up = r > 0 ? (out[o - rowLen + i] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[o - rowLen + i - bpp] as number) : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new FormatError(`bad PNG predictor row type ${type}`, offset);
      }
      out[o + i] = v & 0xff;
    }
  }
  return out;
}

/**
 * Applies the `/Filter` chain of a stream dictionary to its raw bytes. Each stage is bounded by
 * `maxStreamBytes` and charged to the total-inflate budget.
 */
export function decodeStream(raw: Uint8Array, dict: PdfDict, budget: Budget, offset: number): Uint8Array {
  const filterObj = dict.map.get('Filter');
  const parmsObj: PdfObject | undefined = dict.map.get('DecodeParms') ?? dict.map.get('DP');
  const filters: PdfObject[] = isArray(filterObj)
    ? filterObj.items
    : filterObj === undefined || filterObj === null
      ? []
      : [filterObj];
  const parms: PdfObject[] = isArray(parmsObj) ? parmsObj.items : [parmsObj ?? null];
  if (filters.length > 8) throw new FormatError('too many filters', offset);
  const max = budget.limits.maxStreamBytes;
  let data = raw;
  budget.spend(raw.length >> 2);
  filters.forEach((f, i) => {
    const name = nameValue(f);
    const p = dictOf(parms[i] ?? undefined);
    switch (name) {
      case 'FlateDecode':
      case 'Fl':
        data = unpredict(inflateBounded(data, max, offset), p, max, offset);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data, offset);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data, offset);
        break;
      default:
        throw new FormatError(`unsupported filter ${name ?? '?'}`, offset);
    }
    if (data.length > max) throw new LimitError('maxStreamBytes', max);
    budget.inflate(data.length);
  });
  return data;
}
