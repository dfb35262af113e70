/**
 * The receipt-and-appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) as a PDF.
 *
 * @module
 */
import fontkit from '@cantoo/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from '@cantoo/pdf-lib';
import type { Duration } from '@motcua/schemas';
import { CoreError } from '../errors.ts';
import { instantMs } from '../lifecycle/instant.ts';
import { qrModules } from './qr.ts';

/**
 * The font shipped for receipts: **Be Vietnam Pro** (SIL Open Font License 1.1), a
 * typeface designed for Vietnamese, from the npm package
 * `@expo-google-fonts/be-vietnam-pro` (a dependency of `@motcua/core`; its
 * `LICENSE_FONT` holds the OFL text). The receipt functions take the font *bytes*, so
 * `@motcua/core` stays free of file-system access and runs anywhere; `regular` and
 * `bold` are module specifiers a Node program resolves and reads:
 *
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createRequire } from 'node:module';
 * import { RECEIPT_FONT } from '@motcua/core/receipt';
 * // Resolve from @motcua/core's own location, where the font package is installed.
 * const require = createRequire(import.meta.resolve('@motcua/core/receipt'));
 * const fontBytes = await readFile(require.resolve(RECEIPT_FONT.regular));
 * const boldFontBytes = await readFile(require.resolve(RECEIPT_FONT.bold));
 * ```
 *
 * In a browser, fetch the same files from your bundler's asset URL. Any TrueType or
 * OpenType font with Vietnamese coverage works (e.g. a Times New Roman licensed by
 * the agency, as official documents use under NĐ 30/2020/NĐ-CP).
 *
 * @example
 * ```ts
 * import { RECEIPT_FONT } from '@motcua/core/receipt';
 * RECEIPT_FONT.licence; // 'OFL-1.1'
 * ```
 * @category Receipt
 */
export const RECEIPT_FONT: {
  readonly family: 'Be Vietnam Pro';
  readonly licence: 'OFL-1.1';
  readonly package: '@expo-google-fonts/be-vietnam-pro';
  readonly regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf';
  readonly bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf';
} = Object.freeze({
  family: 'Be Vietnam Pro',
  licence: 'OFL-1.1',
  package: '@expo-google-fonts/be-vietnam-pro',
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
} as const);

/**
 * One dossier component received at the desk (thành phần hồ sơ).
 *
 * @example
 * ```ts
 * import type { ReceiptComponent } from '@motcua/core/receipt';
 * const c: ReceiptComponent = { name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 };
 * ```
 * @category Receipt
 */
export interface ReceiptComponent {
  /** The component's name as in the procedure catalogue. */
  name: string;
  /** Bản chính, bản sao, bản sao chứng thực, or bản điện tử. */
  form?: 'original' | 'copy' | 'certified-copy' | 'electronic';
  /** Number of copies (số lượng), default 1. */
  copies?: number;
}

/**
 * What the slip shows (NĐ 61/2018/NĐ-CP Điều 17.3; layout after Mẫu số 01 of
 * TT 01/2018/TT-VPCP): the receiving agency, the dossier code, the applicant, the
 * procedure, the components received, the reception and due times, and a QR code
 * opening the status look-up page.
 *
 * @example
 * ```ts
 * import type { ReceiptInput } from '@motcua/core/receipt';
 * const input: ReceiptInput = {
 *   agency: { name: 'Ủy ban nhân dân xã Đông Sơn', parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa' },
 *   dossierCode: '000.00.00.H56-250701-0001',
 *   applicant: { name: 'Nguyễn Thị Ánh Tuyết' },
 *   procedure: { name: 'Đăng ký khai sinh', code: '1.001193' },
 *   components: [{ name: 'Tờ khai đăng ký khai sinh' }],
 *   receivedAt: '2025-07-01T08:30:00+07:00',
 *   dueAt: '2025-07-02T16:30:00+07:00',
 * };
 * ```
 * @category Receipt
 */
export interface ReceiptInput {
  /** The receiving agency and, above it on the header, its parent (cơ quan chủ quản). */
  agency: { name: string; parentName?: string; code?: string };
  /** Mã số hồ sơ (TT 01/2018/TT-VPCP Điều 19). */
  dossierCode: string;
  /** Số biên nhận, when the agency numbers its slips separately. */
  receiptNumber?: string;
  /** The applicant (người nộp / chủ hồ sơ). */
  applicant: { name: string; idNumber?: string; address?: string; phone?: string; email?: string };
  /** The procedure (nội dung yêu cầu giải quyết). */
  procedure: { name: string; code?: string };
  /** Components received. */
  components: readonly ReceiptComponent[];
  /** Number of dossier sets (số lượng hồ sơ), default 1. */
  sets?: number;
  /** Statutory processing time (thời gian giải quyết theo quy định). */
  processingTime?: Duration;
  /** Reception instant (ISO 8601 with offset); printed in Vietnam time. */
  receivedAt: string;
  /** Appointment instant (ngày hẹn trả); printed in Vietnam time. */
  dueAt: string;
  /** Where the result is collected (đăng ký nhận kết quả tại). */
  resultDelivery?: string;
  /** Officer who received the dossier (người tiếp nhận). */
  receivedBy?: string;
  /** Place name for the date line (địa danh), e.g. `Thanh Hóa`. */
  place?: string;
}

/**
 * How to render: the font bytes and the status look-up URL.
 *
 * @example
 * ```ts
 * import type { ReceiptOptions } from '@motcua/core/receipt';
 * const options: ReceiptOptions = {
 *   fontBytes: new Uint8Array(), // the bytes of RECEIPT_FONT.regular
 *   lookupUrl: 'https://dichvucong.thanhhoa.gov.vn/tra-cuu?ma={dossierCode}',
 * };
 * ```
 * @category Receipt
 */
export interface ReceiptOptions {
  /** A TrueType/OpenType font with Vietnamese coverage (see {@link RECEIPT_FONT}). */
  fontBytes: Uint8Array;
  /** Bold face for headings; the regular face when absent. */
  boldFontBytes?: Uint8Array;
  /**
   * The status look-up page: a pattern where `{dossierCode}` is replaced by the
   * URL-encoded code, or a function of the code. See {@link receiptLookupUrl}.
   */
  lookupUrl: string | ((dossierCode: string) => string);
}

/**
 * The status look-up URL printed as a QR code: `{dossierCode}` in `pattern` replaced
 * by the URL-encoded dossier code. Citizens use the code to look up the status on
 * DVCQG and the ministry/provincial portals (NĐ 61/2018/NĐ-CP Điều 17.3); each
 * deployment configures its own page.
 *
 * @example
 * ```ts
 * import { receiptLookupUrl } from '@motcua/core/receipt';
 * receiptLookupUrl('https://dvc.example.gov.vn/tra-cuu?ma={dossierCode}', '000.00.00.H56-250701-0001');
 * // 'https://dvc.example.gov.vn/tra-cuu?ma=000.00.00.H56-250701-0001'
 * ```
 * @category Receipt
 */
export function receiptLookupUrl(pattern: string | ((dossierCode: string) => string), dossierCode: string): string {
  const url =
    typeof pattern === 'function'
      ? pattern(dossierCode)
      : pattern.replaceAll('{dossierCode}', encodeURIComponent(dossierCode));
  if (typeof pattern === 'string' && !pattern.includes('{dossierCode}')) {
    throw new CoreError('INVALID_ARGUMENT', `lookupUrl pattern must contain {dossierCode}: ${pattern}`);
  }
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
    throw new CoreError('INVALID_ARGUMENT', `lookup URL must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  return url;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "08 giờ 30 phút, ngày 01 tháng 07 năm 2025", in Vietnam time. */
function vietnameseDateTime(epochMs: number): string {
  const d = new Date(epochMs + VIETNAM_OFFSET_MS);
  return `${pad2(d.getUTCHours())} giờ ${pad2(d.getUTCMinutes())} phút, ngày ${pad2(d.getUTCDate())} tháng ${pad2(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

function vietnameseDate(epochMs: number): string {
  const d = new Date(epochMs + VIETNAM_OFFSET_MS);
  return `ngày ${pad2(d.getUTCDate())} tháng ${pad2(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

const UNIT_NAMES: Readonly<Record<Duration['unit'], string>> = {
  'working-days': 'ngày làm việc',
  days: 'ngày',
  'working-hours': 'giờ làm việc',
  hours: 'giờ',
  months: 'tháng',
  years: 'năm',
};

const FORM_NAMES: Readonly<Record<NonNullable<ReceiptComponent['form']>, string>> = {
  original: 'bản chính',
  copy: 'bản sao',
  'certified-copy': 'bản sao chứng thực',
  electronic: 'bản điện tử',
};

function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : String(amount).replace('.', ',');
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 48;
const MARGIN_BOTTOM = 56;
const BLACK = rgb(0, 0, 0);

/** Lays text out top-down, wrapping lines and adding pages as needed. */
class Layout {
  readonly #doc: PDFDocument;
  readonly #regular: PDFFont;
  readonly #bold: PDFFont;
  page: PDFPage;
  y: number;

  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.#doc = doc;
    this.#regular = regular;
    this.#bold = bold;
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  font(bold: boolean): PDFFont {
    return bold ? this.#bold : this.#regular;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) {
      this.page = this.#doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      this.y = PAGE_HEIGHT - MARGIN_TOP;
    }
  }

  /** Split `text` into lines no wider than `width`. */
  wrap(text: string, size: number, bold: boolean, width: number): string[] {
    const font = this.font(bold);
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width || line === '') {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
      // A single word wider than the line (a long URL): cut it by characters.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  /** Write a paragraph at `x` (left) or centred on `center`, wrapped to `width`. */
  text(
    text: string,
    options: { size?: number; bold?: boolean; x?: number; width?: number; center?: number; gap?: number },
  ): void {
    const size = options.size ?? 11;
    const bold = options.bold ?? false;
    const x = options.x ?? MARGIN_X;
    const width = options.width ?? PAGE_WIDTH - MARGIN_X - x;
    const lineHeight = size * 1.45;
    const font = this.font(bold);
    for (const line of this.wrap(text, size, bold, width)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const lineX = options.center === undefined ? x : options.center - font.widthOfTextAtSize(line, size) / 2;
      this.page.drawText(line, { x: lineX, y: this.y, size, font, color: BLACK });
    }
    this.y -= options.gap ?? 0;
  }
}

function requireText(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CoreError('INVALID_RECEIPT', `receipt: ${what} is required`);
  }
  return value.normalize('NFC').trim();
}

function optionalText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.normalize('NFC').trim();
  return text === '' ? undefined : text;
}

/**
 * Render the **Giấy tiếp nhận hồ sơ và hẹn trả kết quả** (receipt-and-appointment
 * slip) that NĐ 61/2018/NĐ-CP Điều 17.3 requires for every received dossier, with the
 * dossier code citizens use to look up its status, laid out after Mẫu số 01 of
 * TT 01/2018/TT-VPCP: agency header and national motto, title and dossier code, the
 * applicant, the procedure, the components received, the number of sets, the
 * statutory processing time, the reception and due times (Vietnam time), where the
 * result is collected, a QR code that opens the status look-up page, and the two
 * signature blocks.
 *
 * Made with `@cantoo/pdf-lib` (the maintained pdf-lib fork) and `@cantoo/fontkit`;
 * the font is embedded as a subset, and text is NFC-normalised so that decomposed
 * input (`e` + combining marks) renders with the font's precomposed Vietnamese glyphs.
 * A character the font cannot draw is refused (`INVALID_RECEIPT`) rather than printed
 * as an empty box. Produces bytes only: no I/O, no clock (the document dates are the
 * reception time).
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { createRequire } from 'node:module';
 * import { createReceiptPdf, RECEIPT_FONT } from '@motcua/core/receipt';
 * const require = createRequire(import.meta.resolve('@motcua/core/receipt'));
 * const pdf = await createReceiptPdf(
 *   {
 *     agency: { name: 'Ủy ban nhân dân xã Đông Sơn', parentName: 'Ủy ban nhân dân tỉnh Thanh Hóa' },
 *     dossierCode: '000.00.00.H56-250701-0001',
 *     applicant: { name: 'Nguyễn Thị Ánh Tuyết' },
 *     procedure: { name: 'Đăng ký khai sinh', code: '1.001193' },
 *     components: [{ name: 'Tờ khai đăng ký khai sinh', form: 'original' }],
 *     receivedAt: '2025-07-01T08:30:00+07:00',
 *     dueAt: '2025-07-02T16:30:00+07:00',
 *   },
 *   {
 *     fontBytes: await readFile(require.resolve(RECEIPT_FONT.regular)),
 *     boldFontBytes: await readFile(require.resolve(RECEIPT_FONT.bold)),
 *     lookupUrl: 'https://dvc.example.gov.vn/tra-cuu?ma={dossierCode}',
 *   },
 * );
 * pdf.byteLength > 0; // true
 * ```
 * @category Receipt
 */
export async function createReceiptPdf(input: ReceiptInput, options: ReceiptOptions): Promise<Uint8Array> {
  const agencyName = requireText(input.agency?.name, 'agency.name');
  const parentName = optionalText(input.agency.parentName);
  const dossierCode = requireText(input.dossierCode, 'dossierCode');
  const applicantName = requireText(input.applicant?.name, 'applicant.name');
  const procedureName = requireText(input.procedure?.name, 'procedure.name');
  if (!Array.isArray(input.components as unknown))
    throw new CoreError('INVALID_RECEIPT', 'receipt: components must be a list');
  const components = input.components.map((c, i) => ({ ...c, name: requireText(c?.name, `components[${i}].name`) }));
  const receivedAt = instantMs(input.receivedAt, 'receipt.receivedAt', 'INVALID_RECEIPT');
  const dueAt = instantMs(input.dueAt, 'receipt.dueAt', 'INVALID_RECEIPT');
  if (dueAt < receivedAt) throw new CoreError('INVALID_RECEIPT', 'receipt: dueAt is before receivedAt');
  if (!(options?.fontBytes instanceof Uint8Array) || options.fontBytes.byteLength === 0) {
    throw new CoreError('INVALID_ARGUMENT', 'receipt: options.fontBytes must hold a TrueType/OpenType font');
  }
  const url = receiptLookupUrl(options.lookupUrl, dossierCode);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  let regular: PDFFont;
  let bold: PDFFont;
  try {
    regular = await doc.embedFont(options.fontBytes, { subset: true });
    bold = options.boldFontBytes === undefined ? regular : await doc.embedFont(options.boldFontBytes, { subset: true });
  } catch (cause) {
    throw new CoreError('INVALID_ARGUMENT', 'receipt: the font bytes are not a usable TrueType/OpenType font', {
      cause,
    });
  }

  const layout = new Layout(doc, regular, bold);
  const drawn: { text: string; bold: boolean }[] = [];
  const say = (text: string, opts: Parameters<Layout['text']>[1] = {}): void => {
    drawn.push({ text, bold: opts.bold === true });
    layout.text(text, opts);
  };

  const place = optionalText(input.place);
  const receiptNumber = optionalText(input.receiptNumber);

  // Header: agency (left), national title and motto (right).
  const leftCenter = MARGIN_X + 110;
  const rightCenter = PAGE_WIDTH - MARGIN_X - 125;
  const top = layout.y;
  if (parentName !== undefined) say(parentName.toLocaleUpperCase('vi'), { size: 10, center: leftCenter, width: 220 });
  say(agencyName.toLocaleUpperCase('vi'), { size: 10, bold: true, center: leftCenter, width: 220 });
  const leftBottom = layout.y;
  layout.y = top;
  say('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 10, bold: true, center: rightCenter, width: 250 });
  say('Độc lập - Tự do - Hạnh phúc', { size: 10.5, bold: true, center: rightCenter, width: 250 });
  const motto = bold.widthOfTextAtSize('Độc lập - Tự do - Hạnh phúc', 10.5);
  layout.page.drawLine({
    start: { x: rightCenter - motto / 2, y: layout.y - 3 },
    end: { x: rightCenter + motto / 2, y: layout.y - 3 },
    thickness: 0.6,
    color: BLACK,
  });
  layout.y = Math.min(layout.y, leftBottom) - 10;
  const numberLineY = layout.y;
  say(`Số: ${receiptNumber ?? dossierCode}`, { size: 10, center: leftCenter, width: 220 });
  layout.y = numberLineY;
  say(`${place === undefined ? '' : `${place}, `}${vietnameseDate(receivedAt)}`, {
    size: 10,
    center: rightCenter,
    width: 250,
    gap: 14,
  });

  // Title.
  say('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { size: 14, bold: true, center: PAGE_WIDTH / 2, width: 480 });
  say(`Mã hồ sơ: ${dossierCode}`, { size: 12, bold: true, center: PAGE_WIDTH / 2, width: 480, gap: 10 });

  // Body.
  say(`${agencyName} tiếp nhận hồ sơ của:`);
  say(`Ông/Bà: ${applicantName}`, { bold: true });
  const idNumber = optionalText(input.applicant.idNumber);
  if (idNumber !== undefined) say(`Số định danh cá nhân/giấy tờ tùy thân: ${idNumber}`);
  const address = optionalText(input.applicant.address);
  if (address !== undefined) say(`Địa chỉ: ${address}`);
  const contact = [
    optionalText(input.applicant.phone) === undefined ? undefined : `Số điện thoại: ${input.applicant.phone?.trim()}`,
    optionalText(input.applicant.email) === undefined ? undefined : `Email: ${input.applicant.email?.trim()}`,
  ].filter((s) => s !== undefined);
  if (contact.length > 0) say(contact.join('    '));
  const procedureCode = optionalText(input.procedure.code);
  say(
    `Nội dung yêu cầu giải quyết: ${procedureName}${procedureCode === undefined ? '' : ` (mã thủ tục ${procedureCode})`}`,
    {
      gap: 6,
    },
  );

  say('1. Thành phần hồ sơ nộp gồm:');
  if (components.length === 0) say('(không có)', { x: MARGIN_X + 18 });
  components.forEach((c, i) => {
    const details = [c.form === undefined ? undefined : FORM_NAMES[c.form], `${c.copies ?? 1} bản`]
      .filter((s) => s !== undefined)
      .join(', ');
    say(`${i + 1}. ${c.name} (${details})`, { x: MARGIN_X + 18 });
  });
  say(`2. Số lượng hồ sơ: ${pad2(input.sets ?? 1)} (bộ)`);
  let item = 3;
  if (input.processingTime !== undefined) {
    const unit = UNIT_NAMES[input.processingTime.unit];
    if (unit === undefined) throw new CoreError('INVALID_RECEIPT', 'receipt: processingTime.unit is unknown');
    say(`${item++}. Thời gian giải quyết hồ sơ theo quy định: ${formatAmount(input.processingTime.amount)} ${unit}`);
  }
  say(`${item++}. Thời gian nhận hồ sơ: ${vietnameseDateTime(receivedAt)}`);
  say(`${item++}. Thời gian trả kết quả giải quyết hồ sơ: ${vietnameseDateTime(dueAt)}`, { bold: true });
  const delivery = optionalText(input.resultDelivery);
  if (delivery !== undefined) say(`${item++}. Đăng ký nhận kết quả tại: ${delivery}`);
  layout.y -= 8;

  // QR code opening the status look-up page.
  const modules = qrModules(url);
  const qrSize = 96;
  const caption = 'Quét mã QR để tra cứu tình trạng hồ sơ';
  layout.ensure(qrSize + 40);
  const moduleSize = qrSize / modules.length;
  const qrX = MARGIN_X;
  const qrTop = layout.y - 4;
  modules.forEach((row, r) => {
    // Draw runs of dark modules as one rectangle each: fewer operators, no hairline gaps.
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c++;
      layout.page.drawRectangle({
        x: qrX + start * moduleSize,
        y: qrTop - (r + 1) * moduleSize,
        width: (c - start) * moduleSize,
        height: moduleSize,
        color: BLACK,
      });
    }
  });
  const afterQr = qrTop - qrSize;
  layout.y = qrTop + 4;
  say(caption, { size: 10, x: qrX + qrSize + 16 });
  say(url, { size: 9, x: qrX + qrSize + 16 });
  layout.y = Math.min(layout.y, afterQr) - 18;

  // Signatures.
  layout.ensure(100);
  const signTop = layout.y;
  say('NGƯỜI NỘP HỒ SƠ', { size: 10.5, bold: true, center: leftCenter, width: 220 });
  say('(Ký và ghi rõ họ tên)', { size: 9.5, center: leftCenter, width: 220 });
  layout.y -= 48;
  say(applicantName, { size: 10.5, center: leftCenter, width: 220 });
  const signLeftBottom = layout.y;
  layout.y = signTop;
  say('NGƯỜI TIẾP NHẬN HỒ SƠ', { size: 10.5, bold: true, center: rightCenter, width: 250 });
  say('(Ký và ghi rõ họ tên)', { size: 9.5, center: rightCenter, width: 250 });
  layout.y -= 48;
  const receivedBy = optionalText(input.receivedBy);
  if (receivedBy !== undefined) say(receivedBy, { size: 10.5, center: rightCenter, width: 250 });
  layout.y = Math.min(layout.y, signLeftBottom) - 16;

  say(`Giấy tiếp nhận hồ sơ và hẹn trả kết quả - mã hồ sơ ${dossierCode}`, { size: 8.5, center: PAGE_WIDTH / 2 });

  // Refuse characters the font cannot draw instead of printing empty boxes.
  const regularSet = new Set(regular.getCharacterSet());
  const boldSet = bold === regular ? regularSet : new Set(bold.getCharacterSet());
  for (const { text, bold: isBold } of drawn) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp > 0x20 && !(isBold ? boldSet : regularSet).has(cp)) {
        throw new CoreError(
          'INVALID_RECEIPT',
          `receipt: the ${isBold ? 'bold' : 'regular'} font has no glyph for ${JSON.stringify(ch)} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`,
        );
      }
    }
  }

  doc.setTitle('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
  doc.setSubject(`Mã hồ sơ ${dossierCode}`);
  doc.setKeywords([dossierCode]);
  doc.setLanguage('vi-VN');
  doc.setCreator('motcua');
  doc.setProducer('motcua (@cantoo/pdf-lib)');
  doc.setCreationDate(new Date(receivedAt));
  doc.setModificationDate(new Date(receivedAt));
  return doc.save();
}
