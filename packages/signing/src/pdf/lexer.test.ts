import { describe, expect, it } from 'vitest';
import { PdfLexer } from './lexer.ts';
import { Budget, FormatError, LimitError, resolveLimits } from './limits.ts';
import type { PdfDict, PdfObject, PdfString } from './objects.ts';
import { decodeTextString } from './text.ts';

const enc = new TextEncoder();
const parse = (src: string | Uint8Array, maxDepth = 64): PdfObject => {
  const bytes = typeof src === 'string' ? enc.encode(src) : src;
  return new PdfLexer(bytes, 0, new Budget(resolveLimits(undefined))).readObject(0, maxDepth);
};
const str = (o: PdfObject): string => new TextDecoder('latin1').decode((o as PdfString).bytes);

describe('PdfLexer (ISO 32000-1 §7.2–7.3)', () => {
  it('numbers: integers stay numbers, reals are boxed', () => {
    expect(parse('42')).toBe(42);
    expect(parse('-7')).toBe(-7);
    expect(parse('+3')).toBe(3);
    expect(parse('1.5')).toEqual({ k: 'real', v: 1.5 });
    expect(parse('.25')).toEqual({ k: 'real', v: 0.25 });
    expect(parse('-.5')).toEqual({ k: 'real', v: -0.5 });
    expect(parse('4.')).toEqual({ k: 'real', v: 4 });
  });

  it('malformed numbers are refused, not guessed', () => {
    expect(() => parse('1.2.3')).toThrow(FormatError);
    expect(() => parse('-1.#INF')).toThrow(FormatError);
    expect(() => parse('-')).toThrow(FormatError);
  });

  it('references, and integers that merely look like the start of one', () => {
    expect(parse('12 0 R')).toEqual({ k: 'ref', num: 12, gen: 0 });
    expect(parse('[1 2 R 3 4]')).toEqual({ k: 'arr', items: [{ k: 'ref', num: 1, gen: 2 }, 3, 4] });
    expect(parse('[1 2 3]')).toEqual({ k: 'arr', items: [1, 2, 3] });
    expect(() => parse('[1 2 RG]')).toThrow(FormatError); // RG is an operator, not R
  });

  it('names with #xx escapes', () => {
    expect(parse('/A#20B')).toEqual({ k: 'name', v: 'A B' });
    expect(parse('/ETSI.CAdES.detached')).toEqual({ k: 'name', v: 'ETSI.CAdES.detached' });
    expect(parse('/')).toEqual({ k: 'name', v: '' });
  });

  it('literal strings: escapes, balanced parentheses, octal, line continuation, EOL normalisation', () => {
    expect(str(parse('(a\\(b\\)c)'))).toBe('a(b)c');
    expect(str(parse('(x(y)z)'))).toBe('x(y)z');
    expect(str(parse('(\\101\\7\\0101)'))).toBe('A\x07\x081');
    expect(str(parse('(ab\\\ncd)'))).toBe('abcd');
    expect(str(parse('(a\r\nb\rc)'))).toBe('a\nb\nc');
    expect(str(parse('(\\n\\t\\\\)'))).toBe('\n\t\\');
    const s = parse('  (xy)') as PdfString;
    expect([s.start, s.end, s.hex]).toEqual([2, 6, false]);
  });

  it('hex strings: offsets, odd digit count, strictness', () => {
    const h = parse('<3082 01>') as PdfString;
    expect([...h.bytes]).toEqual([0x30, 0x82, 0x01]);
    expect(h.strictHex).toBe(false); // white-space inside
    const strict = parse('<308201>') as PdfString;
    expect(strict.strictHex).toBe(true);
    expect([strict.start, strict.end]).toEqual([0, 8]);
    expect([...(parse('<ABC>') as PdfString).bytes]).toEqual([0xab, 0xc0]);
    expect(() => parse('<30 zz>')).toThrow(FormatError);
    expect(() => parse('<3082')).toThrow(FormatError);
  });

  it('dictionaries keep offsets and the first of duplicated keys; differing duplicates are recorded', () => {
    const d = parse('<</Type /Sig /Contents <00> /Type /DocTimeStamp>>') as PdfDict;
    expect(d.map.get('Type')).toEqual({ k: 'name', v: 'Sig' });
    expect(d.duplicateKeys).toEqual(['Type']);
    const same = parse('<</Type /Sig /Type /Sig>>') as PdfDict;
    expect(same.duplicateKeys).toBeUndefined();
    expect([d.start, d.end]).toEqual([0, 49]);
    expect(() => parse('<</A 1')).toThrow(FormatError);
    expect(() => parse('<<1 2>>')).toThrow(FormatError);
  });

  it('booleans, null and comments', () => {
    expect(parse('% comment\ntrue')).toBe(true);
    expect(parse('[false null]')).toEqual({ k: 'arr', items: [false, null] });
    expect(() => parse('endobj')).toThrow(FormatError);
  });

  it('nesting deeper than maxDepth is a limit, not a stack overflow', () => {
    const deep = '['.repeat(100_000);
    expect(() => parse(deep, 64)).toThrow(LimitError);
  });

  it('a spent work budget stops the lexer', () => {
    const budget = new Budget(resolveLimits({ maxWork: 10 }));
    const lx = new PdfLexer(enc.encode(`[${'1 '.repeat(1000)}]`), 0, budget);
    expect(() => lx.readObject(0, 64)).toThrow(LimitError);
    expect(budget.work).toBe(11);
  });
});

describe('PDF text strings (§7.9.2.2)', () => {
  it('UTF-16BE with BOM (Vietnamese signer names)', () => {
    const bytes = Uint8Array.from([0xfe, 0xff, 0x00, 0x4e, 0x00, 0x67, 0x00, 0x75, 0x00, 0x79, 0x1e, 0xc5, 0x00, 0x6e]);
    expect(decodeTextString(bytes)).toBe('Nguyễn');
  });
  it('UTF-8 with BOM (PDF 2.0)', () => {
    expect(decodeTextString(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode('Hà Nội')]))).toBe('Hà Nội');
  });
  it('PDFDocEncoding', () => {
    expect(decodeTextString(Uint8Array.from([0x41, 0x80, 0xa0, 0xe9]))).toBe('A•€é');
  });
});
