import type { PdfProblem, PdfProblemCode } from './types.ts';

/** Messages per code, Vietnamese first (signatures.md §9 check numbers in brackets). */
const MESSAGES: Record<PdfProblemCode, { vi: string; en: string }> = {
  FORMAT_FAILURE: {
    vi: 'Tệp PDF sai cấu trúc, không đọc được đầy đủ',
    en: 'The PDF is malformed and cannot be read completely',
  },
  LIMIT_EXCEEDED: {
    vi: 'Tệp PDF vượt giới hạn xử lý an toàn; phần còn lại không được đọc',
    en: 'The PDF exceeds a safety limit of the reader; the rest was not read',
  },
  XREF_REPAIRED: {
    vi: 'Bảng tham chiếu chéo (xref) sai lệch, đã phải sửa khi đọc',
    en: 'The cross-reference data is inconsistent and had to be repaired',
  },
  HYBRID_XREF: {
    vi: 'Tệp dùng bảng xref lai (/XRefStm): các trình đọc khác nhau có thể thấy nội dung khác nhau',
    en: 'Hybrid cross-reference file (/XRefStm): different readers may see different content',
  },
  ENCRYPTED_UNSUPPORTED: {
    vi: 'Tệp PDF được mã hóa: không giải mã thông tin chữ ký dạng văn bản và luồng đối tượng',
    en: 'Encrypted PDF: text values of signature dictionaries and object streams are not decrypted',
  },
  TRAILING_BYTES: {
    vi: 'Có dữ liệu sau dấu %%EOF cuối cùng, không thuộc phiên bản nào và không được chữ ký nào bao phủ',
    en: 'Data after the last %%EOF belongs to no revision and is covered by no signature',
  },
  SUBFILTER_UNSUPPORTED: {
    vi: '/SubFilter của chữ ký không được hỗ trợ (kiểm tra 1)',
    en: 'Unsupported signature /SubFilter (check 1)',
  },
  BYTE_RANGE_MISSING: {
    vi: 'Từ điển chữ ký thiếu /ByteRange (kiểm tra 2)',
    en: 'The signature dictionary has no /ByteRange (check 2)',
  },
  BYTE_RANGE_INVALID: {
    vi: '/ByteRange không hợp lệ: phải là 4 số nguyên a=0, b>0, c>b, d≥0, c+d ≤ độ dài tệp (kiểm tra 2)',
    en: 'Invalid /ByteRange: must be 4 integers with a=0, b>0, c>b, d≥0, c+d ≤ file length (check 2)',
  },
  CONTENTS_MISSING: {
    vi: 'Từ điển chữ ký thiếu /Contents hoặc /Contents không phải chuỗi',
    en: 'The signature dictionary has no /Contents string',
  },
  CONTENTS_NOT_IN_GAP: {
    vi: 'Khoảng trống ByteRange không đúng là chuỗi hex /Contents của chữ ký này: dấu hiệu tấn công bọc chữ ký (kiểm tra 3)',
    en: 'The ByteRange gap is not exactly this signature’s /Contents hex string: signature wrapping (check 3)',
  },
  CONTENTS_NOT_DER: {
    vi: '/Contents không bắt đầu bằng một phần tử DER hợp lệ (kiểm tra 4)',
    en: '/Contents does not start with one well-formed DER element (check 4)',
  },
  NON_ZERO_PADDING: {
    vi: 'Sau dữ liệu chữ ký trong /Contents còn byte khác 0 (kiểm tra 4)',
    en: 'Non-zero bytes follow the signature data inside /Contents (check 4)',
  },
  BYTE_RANGE_COLLISION: {
    vi: 'Vùng ký của hai chữ ký chồng lấn nhau (kiểm tra 6)',
    en: 'The byte ranges of two signatures overlap (check 6)',
  },
  COVERAGE_PARTIAL: {
    vi: 'Chữ ký không bao phủ toàn bộ tệp hoặc trọn một phiên bản (kiểm tra 5)',
    en: 'The signature covers neither the whole file nor exactly one whole revision (check 5)',
  },
  SIG_DICT_MODIFIED: {
    vi: 'Từ điển chữ ký đã bị sửa sau khi ký (giả mạo thông tin hiển thị, kiểm tra 7)',
    en: 'The signature dictionary was changed after signing (spoofing, check 7)',
  },
  SIG_DICT_MULTIPLE_FIELDS: {
    vi: 'Một từ điển chữ ký được nhiều trường chữ ký tham chiếu (kiểm tra 8)',
    en: 'One signature dictionary is referenced from several signature fields (check 8)',
  },
  SIG_NOT_IN_ACROFORM: {
    vi: 'Từ điển chữ ký không thuộc trường chữ ký nào của biểu mẫu cuối cùng (kiểm tra 1)',
    en: 'A signature dictionary that no signature field of the final form reaches (check 1)',
  },
  MODIFIED_AFTER_SIGNING: {
    vi: 'Tài liệu đã bị sửa đổi sau khi ký, ngoài các thay đổi được phép (kiểm tra 9)',
    en: 'The document was modified after signing beyond the permitted changes (check 9)',
  },
  MODIFIED_PERMITTED: {
    vi: 'Sau khi ký có thay đổi thuộc loại được phép (điền biểu mẫu, chú thích): tài liệu khác bản đã ký (kiểm tra 9, 11)',
    en: 'Permitted changes (form filling, annotations) were made after signing: the file differs from what was signed (checks 9, 11)',
  },
  PAGE_COUNT_CHANGED: {
    vi: 'Số trang đã thay đổi sau khi ký (kiểm tra 11)',
    en: 'The page count changed after signing (check 11)',
  },
  DOCMDP_VIOLATION: {
    vi: 'Thay đổi sau khi ký bị chữ ký chứng nhận (DocMDP) cấm (kiểm tra 10)',
    en: 'A change after signing is forbidden by the certification signature (DocMDP, check 10)',
  },
  FIELDMDP_VIOLATION: {
    vi: 'Trường bị khóa (FieldMDP / Lock) đã bị thay đổi sau khi ký (kiểm tra 10)',
    en: 'A field locked by FieldMDP / Lock was changed after signing (check 10)',
  },
  CERTIFICATION_INVALID: {
    vi: 'Chữ ký chứng nhận (DocMDP) không phải chữ ký đầu tiên hoặc có nhiều hơn một (kiểm tra 10)',
    en: 'The certification (DocMDP) signature is not the first signature, or there is more than one (check 10)',
  },
};

/** Builds a {@link PdfProblem} with the catalogue message of `code`. */
export function problem(
  code: PdfProblemCode,
  severity: 'error' | 'warning',
  detail?: Record<string, string | number>,
): PdfProblem {
  const message = MESSAGES[code];
  const p: PdfProblem = { code, severity, message: { vi: message.vi, en: message.en } };
  if (detail !== undefined) p.detail = detail;
  return p;
}

/** Collects problems, merging repeats of the same code (counted in `detail.count`). */
export class ProblemList {
  readonly items: PdfProblem[] = [];
  add(code: PdfProblemCode, severity: 'error' | 'warning', detail?: Record<string, string | number>): void {
    const prev = this.items.find((p) => p.code === code && p.severity === severity);
    if (prev !== undefined && (code === 'XREF_REPAIRED' || code === 'FORMAT_FAILURE' || code === 'LIMIT_EXCEEDED')) {
      prev.detail ??= {};
      const d = prev.detail;
      d.count = (typeof d.count === 'number' ? d.count : 1) + 1;
      return;
    }
    if (prev !== undefined && detail === undefined) return;
    this.items.push(problem(code, severity, detail));
  }
  has(code: PdfProblemCode): boolean {
    return this.items.some((p) => p.code === code);
  }
}
