// This test checks the PDF the way a person would, with Poppler's pdftotext, pdftoppm
// and pdfinfo (Debian package poppler-utils), so it needs Node's process and file APIs.
// biome-ignore lint/correctness/noNodejsModules: the test runs Poppler on the PDF
import { execFileSync } from 'node:child_process';
// biome-ignore lint/correctness/noNodejsModules: the test writes the PDF for Poppler
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the font is loaded from node_modules
import { createRequire } from 'node:module';
// biome-ignore lint/correctness/noNodejsModules: temporary directory for Poppler's files
import { tmpdir } from 'node:os';
// biome-ignore lint/correctness/noNodejsModules: temporary directory for Poppler's files
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../errors.ts';
import { createReceiptPdf, RECEIPT_FONT, type ReceiptInput, type ReceiptOptions, receiptLookupUrl } from './index.ts';

// jsqr is a CommonJS bundle: its `module.exports` is the function, which also carries itself as `default`.
const jsQR = jsQRModule.default;

const require = createRequire(import.meta.url);
const fontBytes = new Uint8Array(readFileSync(require.resolve(RECEIPT_FONT.regular)));
const boldFontBytes = new Uint8Array(readFileSync(require.resolve(RECEIPT_FONT.bold)));

const LOOKUP = 'https://dichvucong.thanhhoa.example.vn/tra-cuu-ho-so?ma={dossierCode}';
const options: ReceiptOptions = { fontBytes, boldFontBytes, lookupUrl: LOOKUP };

const input: ReceiptInput = {
  agency: { name: 'Ủy ban nhân dân xã Đông Sơn', parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa' },
  dossierCode: '000.00.00.H56-250701-0001',
  applicant: {
    name: 'Nguyễn Thị Ánh Tuyết',
    idNumber: '038190012345',
    address: 'Thôn Quyết Thắng, xã Đông Sơn, tỉnh Thanh Hóa',
    phone: '0912345678',
  },
  procedure: { name: 'Đăng ký khai sinh', code: '1.001193' },
  components: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'original', copies: 1 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', form: 'original' },
    { name: 'Giấy tờ chứng minh nơi cư trú của người yêu cầu', form: 'certified-copy', copies: 2 },
  ],
  processingTime: { amount: 1, unit: 'working-days' },
  receivedAt: '2025-07-01T08:30:00+07:00',
  dueAt: '2025-07-02T16:30:00+07:00',
  resultDelivery: 'Bộ phận Một cửa xã Đông Sơn',
  receivedBy: 'Lê Thị Hoa',
  place: 'Đông Sơn',
};

let dir = '';
const poppler = (tool: string, args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const squash = (text: string): string => text.replace(/\s+/g, ' ');

beforeAll(() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch (cause) {
    throw new Error('the receipt tests need Poppler: apt-get install -y poppler-utils', { cause });
  }
  dir = mkdtempSync(join(tmpdir(), 'motcua-receipt-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Parse a binary PGM (P5) as written by `pdftoppm -gray`. */
function readPgm(bytes: Buffer): { width: number; height: number; gray: Uint8Array } {
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset] ?? 0))) offset++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[offset] ?? 32))) token += String.fromCharCode(bytes[offset++] ?? 0);
    header.push(token);
  }
  offset++; // the single whitespace after maxval
  const [magic, w, h] = header;
  expect(magic).toBe('P5');
  const width = Number(w);
  const height = Number(h);
  return { width, height, gray: bytes.subarray(offset, offset + width * height) };
}

describe('createReceiptPdf', () => {
  it('renders the Vietnamese text exactly (pdftotext)', async () => {
    const pdf = await createReceiptPdf(input, options);
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, pdf);
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8', file, '-']));
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Mã hồ sơ: 000.00.00.H56-250701-0001',
      'Ủy ban nhân dân xã Đông Sơn tiếp nhận hồ sơ của:',
      'Ông/Bà: Nguyễn Thị Ánh Tuyết',
      'Địa chỉ: Thôn Quyết Thắng, xã Đông Sơn, tỉnh Thanh Hóa',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)',
      '1. Tờ khai đăng ký khai sinh theo mẫu (bản chính, 1 bản)',
      '3. Giấy tờ chứng minh nơi cư trú của người yêu cầu (bản sao chứng thực, 2 bản)',
      '2. Số lượng hồ sơ: 01 (bộ)',
      'Thời gian giải quyết hồ sơ theo quy định: 1 ngày làm việc',
      'Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 01 tháng 07 năm 2025',
      'Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 02 tháng 07 năm 2025',
      'Đăng ký nhận kết quả tại: Bộ phận Một cửa xã Đông Sơn',
      'Đông Sơn, ngày 01 tháng 07 năm 2025',
      'Quét mã QR để tra cứu tình trạng hồ sơ',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Thị Hoa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sets the document metadata in Vietnamese (pdfinfo)', async () => {
    const file = join(dir, 'meta.pdf');
    writeFileSync(file, await createReceiptPdf(input, options));
    const info = poppler('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+Giấy tiếp nhận hồ sơ và hẹn trả kết quả$/m);
    expect(info).toMatch(/^Subject:\s+Mã hồ sơ 000\.00\.00\.H56-250701-0001$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });

  it('renders a page image (pdftoppm) whose QR code opens the look-up page', async () => {
    const file = join(dir, 'render.pdf');
    writeFileSync(file, await createReceiptPdf(input, options));

    poppler('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(dir, 'page')]);
    const png = readFileSync(join(dir, 'page.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.byteLength).toBeGreaterThan(20_000);

    poppler('pdftoppm', ['-r', '150', '-gray', '-singlefile', file, join(dir, 'page')]);
    const { width, height, gray } = readPgm(readFileSync(join(dir, 'page.pgm')));
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = gray[i] ?? 255;
      rgba[i * 4] = v;
      rgba[i * 4 + 1] = v;
      rgba[i * 4 + 2] = v;
      rgba[i * 4 + 3] = 255;
    }
    const decoded = jsQR(rgba, width, height);
    expect(decoded?.data).toBe('https://dichvucong.thanhhoa.example.vn/tra-cuu-ho-so?ma=000.00.00.H56-250701-0001');
  });

  it('prints decomposed (NFD) input with precomposed glyphs', async () => {
    const file = join(dir, 'nfd.pdf');
    const nfd = { ...input, applicant: { name: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD') } };
    writeFileSync(file, await createReceiptPdf(nfd, options));
    expect(squash(poppler('pdftotext', ['-enc', 'UTF-8', file, '-']))).toContain('Ông/Bà: Nguyễn Thị Ánh Tuyết');
  });

  it('flows long component lists onto further pages', async () => {
    const file = join(dir, 'long.pdf');
    const components = Array.from({ length: 60 }, (_, i) => ({ name: `Giấy tờ số ${i + 1} về quyền sử dụng đất` }));
    writeFileSync(file, await createReceiptPdf({ ...input, components }, options));
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = squash(poppler('pdftotext', ['-enc', 'UTF-8', file, '-']));
    expect(text).toContain('60. Giấy tờ số 60 về quyền sử dụng đất (1 bản)');
  });

  it('works with the regular face alone', async () => {
    const pdf = await createReceiptPdf(input, { fontBytes, lookupUrl: LOOKUP });
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });

  it('refuses a character the font cannot draw instead of printing a box', async () => {
    const error = await createReceiptPdf({ ...input, applicant: { name: 'Nguyễn 漢' } }, options).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.code).toBe('INVALID_RECEIPT');
    expect(error.message).toContain('U+6F22');
  });

  it('refuses missing required content', async () => {
    const error = await createReceiptPdf({ ...input, applicant: { name: '  ' } }, options).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.code).toBe('INVALID_RECEIPT');
    const early = await createReceiptPdf({ ...input, dueAt: '2025-06-30T08:00:00+07:00' }, options).catch((e) => e);
    expect(early.code).toBe('INVALID_RECEIPT');
    const noOffset = await createReceiptPdf({ ...input, receivedAt: '2025-07-01T08:30:00' }, options).catch((e) => e);
    expect(noOffset.code).toBe('INVALID_RECEIPT');
  });

  it('refuses bytes that are not a font', async () => {
    const error = await createReceiptPdf(input, { ...options, fontBytes: new Uint8Array([1, 2, 3]) }).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('receiptLookupUrl', () => {
  it('substitutes the URL-encoded code', () => {
    expect(receiptLookupUrl('https://dvc.example.gov.vn/hs/{dossierCode}', 'H56.14-250701-0001')).toBe(
      'https://dvc.example.gov.vn/hs/H56.14-250701-0001',
    );
    expect(receiptLookupUrl('https://x.example/?q={dossierCode}', 'a b&c')).toBe('https://x.example/?q=a%20b%26c');
    expect(receiptLookupUrl((code) => `https://x.example/${code}`, 'X')).toBe('https://x.example/X');
  });

  it('refuses a pattern without the placeholder or a non-http URL', () => {
    expect(() => receiptLookupUrl('https://x.example/', 'X')).toThrow(CoreError);
    expect(() => receiptLookupUrl('javascript:{dossierCode}', 'X')).toThrow(/http/);
  });
});
