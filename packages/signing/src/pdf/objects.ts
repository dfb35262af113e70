/**
 * The PDF object model of the reader (ISO 32000-1 §7.3). Integers are plain numbers; reals are
 * boxed so that checks demanding integers (ByteRange, check 2) can tell `1.0` from `1`.
 * Every string and dictionary keeps its byte offsets in the buffer it was parsed from.
 */

export interface PdfRef {
  readonly k: 'ref';
  readonly num: number;
  readonly gen: number;
}
export interface PdfName {
  readonly k: 'name';
  readonly v: string;
}
export interface PdfReal {
  readonly k: 'real';
  readonly v: number;
}
export interface PdfString {
  readonly k: 'str';
  readonly bytes: Uint8Array;
  readonly hex: boolean;
  /** Offset of `(` or `<`. */
  readonly start: number;
  /** Offset after `)` or `>`. */
  readonly end: number;
  /** Hex strings only: every byte between the brackets is a hex digit (no whitespace, no junk). */
  readonly strictHex: boolean;
}
export interface PdfArray {
  readonly k: 'arr';
  readonly items: PdfObject[];
}
export interface PdfDict {
  readonly k: 'dict';
  readonly map: Map<string, PdfObject>;
  readonly start: number;
  readonly end: number;
  /** Keys that occurred more than once with different values (the first is kept): a parser-differential smell. */
  readonly duplicateKeys?: string[] | undefined;
}
export interface PdfStream {
  readonly k: 'stream';
  readonly dict: PdfDict;
  /** Offsets of the raw (encoded) data in the file. */
  readonly dataStart: number;
  readonly dataEnd: number;
}
export type PdfObject =
  | null
  | boolean
  | number
  | PdfReal
  | PdfName
  | PdfString
  | PdfRef
  | PdfArray
  | PdfDict
  | PdfStream;

/** `"num gen"`, the key the public API uses for objects. */
export function refKey(num: number, gen: number): string {
  return `${num} ${gen}`;
}

export function isRef(o: PdfObject | undefined): o is PdfRef {
  return typeof o === 'object' && o !== null && o.k === 'ref';
}
export function isDict(o: PdfObject | undefined): o is PdfDict {
  return typeof o === 'object' && o !== null && o.k === 'dict';
}
export function isStream(o: PdfObject | undefined): o is PdfStream {
  return typeof o === 'object' && o !== null && o.k === 'stream';
}
export function isArray(o: PdfObject | undefined): o is PdfArray {
  return typeof o === 'object' && o !== null && o.k === 'arr';
}
export function isString(o: PdfObject | undefined): o is PdfString {
  return typeof o === 'object' && o !== null && o.k === 'str';
}
export function isName(o: PdfObject | undefined, value?: string): o is PdfName {
  return typeof o === 'object' && o !== null && o.k === 'name' && (value === undefined || o.v === value);
}
export function isInt(o: PdfObject | undefined): o is number {
  return typeof o === 'number' && Number.isSafeInteger(o);
}

/** The dictionary of a dictionary or a stream, else undefined. */
export function dictOf(o: PdfObject | undefined): PdfDict | undefined {
  if (isDict(o)) return o;
  if (isStream(o)) return o.dict;
  return undefined;
}

export function nameValue(o: PdfObject | undefined): string | undefined {
  return isName(o) ? o.v : undefined;
}

/** Latin-1 view of bytes (names, keywords, raw `/M`): one char per byte, no decoding surprises. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 4096)));
  }
  return s;
}
