/**
 * Seal images for visible signatures (NĐ 30/2020: the agency seal, red, at real size; commonly a
 * PNG with transparency). JPEG passes through as DCTDecode; PNG is decoded (8-bit, non-interlaced;
 * grey, RGB, palette, with or without alpha) and re-compressed with a separate soft mask, since PDF
 * image XObjects carry alpha as an SMask.
 *
 * @module
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { SignatureError } from '../errors.ts';

/** An image ready to become PDF objects: the dictionary entries (without /Length) and the data. */
export interface PdfImage {
  width: number;
  height: number;
  /** Entries of the image XObject dictionary, serialized (e.g. `/ColorSpace /DeviceRGB`). */
  dict: string;
  data: Uint8Array;
  /** Soft mask (alpha), a DeviceGray image of the same size. */
  smask?: { dict: string; data: Uint8Array };
}

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG or JPEG seal image. @throws {SignatureError} `INVALID_INPUT` for other formats. */
export function sealImage(bytes: Uint8Array, maxPixels = 16_000_000): PdfImage {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 8).equals(PNG_SIG)) return png(b, maxPixels);
  if (b[0] === 0xff && b[1] === 0xd8) return jpeg(b);
  throw new SignatureError('INVALID_INPUT', 'the seal image must be PNG or JPEG');
}

function jpeg(b: Buffer): PdfImage {
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) throw new SignatureError('INVALID_INPUT', 'malformed JPEG');
    const marker = b[p + 1] as number;
    const len = b.readUInt16BE(p + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = b.readUInt16BE(p + 5);
      const width = b.readUInt16BE(p + 7);
      const comps = b[p + 9] as number;
      const cs = comps === 1 ? '/DeviceGray' : comps === 4 ? '/DeviceCMYK' : '/DeviceRGB';
      const decode = comps === 4 ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
      return {
        width,
        height,
        dict: `/Width ${width} /Height ${height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode${decode}`,
        data: new Uint8Array(b),
      };
    }
    p += 2 + len;
  }
  throw new SignatureError('INVALID_INPUT', 'JPEG without a frame header');
}

function png(b: Buffer, maxPixels: number): PdfImage {
  let p = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = 0;
  let palette: Buffer | undefined;
  let trns: Buffer | undefined;
  const idat: Buffer[] = [];
  while (p + 8 <= b.length) {
    const len = b.readUInt32BE(p);
    const kind = b.toString('latin1', p + 4, p + 8);
    const data = b.subarray(p + 8, p + 8 + len);
    if (data.length !== len) throw new SignatureError('INVALID_INPUT', 'truncated PNG');
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8] as number;
      type = data[9] as number;
      if (data[12] !== 0) throw new SignatureError('INVALID_INPUT', 'interlaced PNG is not supported');
    } else if (kind === 'PLTE') palette = data;
    else if (kind === 'tRNS') trns = data;
    else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    p += 12 + len;
  }
  if (depth !== 8 || ![0, 2, 3, 4, 6].includes(type))
    throw new SignatureError('INVALID_INPUT', 'only 8-bit PNG images are supported');
  if (width === 0 || height === 0 || width * height > maxPixels)
    throw new SignatureError('INVALID_INPUT', 'PNG size out of bounds');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[type] as number;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (stride + 1) * height + 1 });
  const pix = unfilter(raw, stride, height, channels);
  const colorChannels = type === 0 || type === 4 ? 1 : 3;
  const color = Buffer.alloc(width * height * colorChannels);
  let alpha: Buffer | undefined;
  if (type === 4 || type === 6 || (type === 3 && trns)) alpha = Buffer.alloc(width * height);
  for (let i = 0; i < width * height; i++) {
    if (type === 3) {
      const idx = pix[i] as number;
      if (!palette || idx * 3 + 2 >= palette.length) throw new SignatureError('INVALID_INPUT', 'bad PNG palette');
      palette.copy(color, i * 3, idx * 3, idx * 3 + 3);
      if (alpha) alpha[i] = idx < (trns as Buffer).length ? ((trns as Buffer)[idx] as number) : 255;
    } else {
      pix.copy(color, i * colorChannels, i * channels, i * channels + colorChannels);
      if (alpha) alpha[i] = pix[i * channels + colorChannels] as number;
    }
  }
  const cs = colorChannels === 1 ? '/DeviceGray' : '/DeviceRGB';
  const out: PdfImage = {
    width,
    height,
    dict: `/Width ${width} /Height ${height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /FlateDecode`,
    data: new Uint8Array(deflateSync(color)),
  };
  if (alpha)
    out.smask = {
      dict: `/Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
      data: new Uint8Array(deflateSync(alpha)),
    };
  return out;
}

/** Reverses the PNG row filters (None, Sub, Up, Average, Paeth). */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Buffer {
  if (raw.length < (stride + 1) * height) throw new SignatureError('INVALID_INPUT', 'truncated PNG data');
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)] as number;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x] as number;
      const a = x >= bpp ? (out[row + x - bpp] as number) : 0;
      const up = y > 0 ? (out[row - stride + x] as number) : 0;
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] as number) : 0;
      let r: number;
      if (f === 0) r = v;
      else if (f === 1) r = v + a;
      else if (f === 2) r = v + up;
      else if (f === 3) r = v + ((a + up) >> 1);
      else if (f === 4) {
        const pa = Math.abs(up - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + up - 2 * c);
        r = v + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c);
      } else throw new SignatureError('INVALID_INPUT', 'bad PNG filter');
      out[row + x] = r & 0xff;
    }
  }
  return out;
}
