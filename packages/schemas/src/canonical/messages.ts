import type { MessageTemplate } from '../messages.ts';

/**
 * Issue codes and texts of the canonical model (Vietnamese first, then English). Codes
 * are stable; the texts may improve. Merged into the package-wide `MESSAGES`.
 *
 * @example
 * ```ts
 * import { CANONICAL_MESSAGES } from '@motcua/schemas';
 * CANONICAL_MESSAGES.CANON_INSTANT_NO_OFFSET?.vi;
 * ```
 * @category Canonical
 */
export const CANONICAL_MESSAGES: Readonly<Record<string, MessageTemplate>> = {
  // Values
  CANON_INSTANT_NO_OFFSET: {
    vi: 'Thời điểm phải ghi kèm múi giờ, ví dụ 2025-07-01T08:30:00+07:00 hoặc 2025-07-01T01:30:00Z',
    en: 'An instant must carry a UTC offset, e.g. 2025-07-01T08:30:00+07:00 or 2025-07-01T01:30:00Z',
  },
  CANON_SHA256_INVALID: {
    vi: 'Mã băm SHA-256 phải gồm đúng 64 ký tự thập lục phân viết thường',
    en: 'A SHA-256 digest must be exactly 64 lowercase hexadecimal characters',
  },
  CANON_MEDIA_TYPE_INVALID: {
    vi: 'Kiểu tệp (media type) không hợp lệ: cần dạng kiểu/kiểu-con viết thường, không có tham số, ví dụ application/pdf',
    en: 'Invalid media type: expected lowercase type/subtype without parameters, e.g. application/pdf',
  },
  CANON_PASSPORT_FORMAT: {
    vi: 'Số hộ chiếu chỉ gồm 5–20 chữ cái in hoa và chữ số, không có khoảng trắng',
    en: 'A passport number is 5–20 uppercase letters and digits, without spaces',
  },
  CANON_PHONE_FORMAT: {
    vi: 'Số điện thoại chỉ gồm 8–15 chữ số, có thể bắt đầu bằng dấu +, không có khoảng trắng hay dấu chấm',
    en: 'A phone number is 8–15 digits, optionally after a leading +, without spaces or dots',
  },
  CANON_DUPLICATE: {
    vi: 'Giá trị bị trùng lặp: {value}',
    en: 'Duplicate value: {value}',
  },
  CANON_VALIDITY_BEFORE_ISSUE: {
    vi: 'Thời hạn hiệu lực ({until}) kết thúc trước ngày ban hành ({issueDate})',
    en: 'The validity period ({until}) ends before the issue date ({issueDate})',
  },

  // Party
  CANON_PARTY_NO_IDENTITY: {
    vi: 'Chủ thể không có số định danh, mã số thuế hay mã định danh nào: không đồng bộ được DinhDanhCHS và không tra cứu được dữ liệu để tái sử dụng',
    en: 'The party has no identifier, tax code or agency code: DinhDanhCHS cannot be synced and reuse look-ups are impossible',
  },
  CANON_PARTY_ID_MISMATCH: {
    vi: 'Thông tin {field} giải mã từ số định danh cá nhân ({decoded}) khác với thông tin khai báo ({declared}); có thể đã nhập sai một trong hai',
    en: 'The {field} decoded from the personal identification number ({decoded}) differs from the declared one ({declared}); one of them is probably mistyped',
  },

  // Issued document
  CANON_RESULT_NO_FILE_URL: {
    vi: 'Kết quả giải quyết không có tệp nào kèm đường dẫn tải về: Cổng DVCQG sẽ không ghi nhận kết quả điện tử (chỉ số 3.3, 4.1 theo Quyết định 766)',
    en: 'The result has no file with a download URL: DVCQG will not see an electronic result (Decision 766 indicators 3.3, 4.1)',
  },

  // Procedure
  CANON_PROCEDURE_CODE_NOT_NATIONAL: {
    vi: 'Mã thủ tục phải là mã quốc gia dạng d.dddddd ({national}); đưa mã địa phương vào localCodes',
    en: 'The procedure code must be the national code d.dddddd ({national}); put localized codes in localCodes',
  },
  CANON_PROCEDURE_LOCAL_CODE_MISMATCH: {
    vi: 'Mã thủ tục địa phương phải là mã quốc gia {code} kèm mã cơ quan',
    en: 'A localized procedure code must be the national code {code} followed by an agency code',
  },
  CANON_PROCEDURE_ONLINE_CHANNEL_MISSING: {
    vi: 'Thủ tục cung cấp dịch vụ công trực tuyến ({onlineLevel}) nhưng không có cách thức thực hiện trực tuyến',
    en: 'The procedure is offered online ({onlineLevel}) but lists no online channel',
  },
  CANON_PROCEDURE_NO_RESULT_CODES: {
    vi: 'Thủ tục không có mã kết quả nào: kết quả giải quyết không số hóa và tái sử dụng theo mã được',
    en: 'The procedure has no result code: its results cannot be digitized or reused by code',
  },

  // Access log
  CANON_ACCESS_PURPOSE_INCOMPLETE: {
    vi: 'Mục đích tra cứu phải có mã hồ sơ hoặc nội dung mô tả, ngoài mã thủ tục',
    en: 'The purpose of a look-up needs a dossier code or a free-text description besides the procedure code',
  },
  CANON_ACCESS_DOCUMENTS_WITHOUT_FOUND: {
    vi: 'Lượt tra cứu có kết quả {outcome} không thể trả về giấy tờ',
    en: 'A look-up with outcome {outcome} cannot have returned documents',
  },
  CANON_ACCESS_DOCUMENT_UNIDENTIFIED: {
    vi: 'Giấy tờ trả về phải có ít nhất một trong: mã giấy tờ, mã kết quả, mã loại giấy tờ, số ký hiệu',
    en: 'A returned document needs at least one of: document id, result code, document type, reference number',
  },
  CANON_ACCESS_NO_ERROR_DETAIL: {
    vi: 'Lượt tra cứu không thành công ({outcome}) nhưng không ghi lý do; người dân xem nhật ký cần biết lý do',
    en: 'The look-up failed ({outcome}) but no reason is recorded; citizens reading the log need it',
  },

  // Dossier
  CANON_DOSSIER_RECEIVED_AT_REQUIRED: {
    vi: 'Hồ sơ ở trạng thái {status} đã được tiếp nhận nên phải có thời điểm tiếp nhận (receivedAt)',
    en: 'A dossier in status {status} has been received and needs a reception instant (receivedAt)',
  },
  CANON_DOSSIER_SUBMITTED_AFTER_RECEIVED: {
    vi: 'Thời điểm nộp hồ sơ sau thời điểm tiếp nhận',
    en: 'The submission instant is after the reception instant',
  },
  CANON_DOSSIER_DUE_BEFORE_RECEIVED: {
    vi: 'Ngày hẹn trả trước thời điểm tiếp nhận hồ sơ',
    en: 'The due instant is before the reception instant',
  },
  CANON_DOSSIER_HISTORY_ORDER: {
    vi: 'Lịch sử trạng thái phải xếp theo thời gian tăng dần: mục này sớm hơn mục trước',
    en: 'The status history must be oldest first: this entry is earlier than the previous one',
  },
  CANON_DOSSIER_STATUS_NOT_LAST: {
    vi: 'Trạng thái hồ sơ ({status}) khác trạng thái cuối cùng trong lịch sử ({last})',
    en: 'The dossier status ({status}) differs from the last status in its history ({last})',
  },
  CANON_DOSSIER_SUPPLEMENT_MISSING: {
    vi: 'Hồ sơ đang chờ bổ sung nhưng không có yêu cầu bổ sung nào chưa được nộp lại',
    en: 'The dossier awaits a supplement but has no open supplement request',
  },
  CANON_SUPPLEMENT_RESUBMITTED_BEFORE_REQUESTED: {
    vi: 'Thời điểm nộp bổ sung trước thời điểm yêu cầu bổ sung',
    en: 'The supplement was handed in before it was requested',
  },
  CANON_LEG_FINISHED_BEFORE_STARTED: {
    vi: 'Bước liên thông kết thúc trước khi bắt đầu',
    en: 'The inter-agency leg finished before it started',
  },
  CANON_LEG_FINISHED_AT_REQUIRED: {
    vi: 'Bước liên thông ở trạng thái {status} phải có thời điểm kết thúc',
    en: 'An inter-agency leg in status {status} needs a finish instant',
  },
  CANON_RESULT_DOSSIER_MISMATCH: {
    vi: 'Kết quả giải quyết thuộc hồ sơ khác: mã hồ sơ phải là {code}',
    en: 'The result belongs to another dossier: the dossier code must be {code}',
  },
  CANON_RESULT_ISSUED_BEFORE_RECEIVED: {
    vi: 'Kết quả được ban hành trước khi hồ sơ được tiếp nhận',
    en: 'The result was issued before the dossier was received',
  },
  CANON_DOSSIER_NO_RESULT: {
    vi: 'Hồ sơ đã giải quyết xong nhưng không có kết quả giải quyết: ảnh hưởng chỉ số 3.3, 4.1, 4.2 theo Quyết định 766',
    en: 'The dossier is resolved but has no result document: affects Decision 766 indicators 3.3, 4.1, 4.2',
  },
  CANON_DOSSIER_NO_DIGITIZED_COMPONENT: {
    vi: 'Hồ sơ trực tuyến không có thành phần nào được số hóa hoặc tái sử dụng: ảnh hưởng chỉ số 4.3 theo Quyết định 766',
    en: 'The online dossier has no digitized or reused component: affects Decision 766 indicator 4.3',
  },
  CANON_DOSSIER_NO_HISTORY: {
    vi: 'Hồ sơ không có lịch sử trạng thái: Cổng DVCQG không nhận được tiến độ xử lý để tính đúng hạn (chỉ số 2.1)',
    en: 'The dossier has no status history: DVCQG gets no progress rows to measure timeliness (indicator 2.1)',
  },
  CANON_DOSSIER_NO_DUE_DATE: {
    vi: 'Hồ sơ đã tiếp nhận nhưng không có ngày hẹn trả: chỉ số 2.1 sẽ so với thời hạn tối đa theo quy định',
    en: 'The dossier was received without a due instant: indicator 2.1 then compares with the statutory maximum',
  },
  CANON_DOSSIER_MULTIPLE_SUPPLEMENTS: {
    vi: 'Hồ sơ có {count} lần yêu cầu bổ sung: theo Quyết định 766, từ lần thứ hai hồ sơ bị tính là trễ hạn',
    en: 'The dossier has {count} supplement requests: under Decision 766 a second request counts the dossier as late',
  },
  CANON_DOSSIER_CODE_AGENCY_MISMATCH: {
    vi: 'Mã cơ quan trong mã hồ sơ khác mã cơ quan tiếp nhận ({agencyCode})',
    en: 'The agency part of the dossier code differs from the receiving agency ({agencyCode})',
  },
  CANON_DOSSIER_CODE_DATE_MISMATCH: {
    vi: 'Phần ngày YYMMDD của mã hồ sơ khác ngày tiếp nhận theo giờ Việt Nam ({receivedDate})',
    en: 'The YYMMDD part of the dossier code differs from the reception day in Vietnam time ({receivedDate})',
  },
  CANON_REUSE_NATIONAL_FLAG: {
    vi: 'Thành phần lấy từ Kho số hóa DVCQG nhưng chưa đánh dấu lấy từ kho dữ liệu quốc gia: không được tính vào chỉ số 4.4',
    en: 'The component comes from the DVCQG store but is not flagged as taken from the national store: indicator 4.4 will not count it',
  },

  // Digitized document
  CANON_DIGITIZED_TYPE_REQUIRED: {
    vi: 'Giấy tờ số hóa loại {kind} phải có mã kết quả (kết quả giải quyết) hoặc mã loại giấy tờ (thành phần hồ sơ)',
    en: 'A digitized document of kind {kind} needs a result code (results) or a document-type code (dossier components)',
  },
  CANON_DIGITIZED_BEFORE_ISSUE: {
    vi: 'Giấy tờ được số hóa ngày {digitizedOn}, trước ngày ban hành {issueDate}',
    en: 'The document was digitized on {digitizedOn}, before its issue date {issueDate}',
  },
  CANON_DIGITIZED_EXPIRED: {
    vi: 'Giấy tờ đã hết hiệu lực ({until}) khi được số hóa ({digitizedOn}); không được dùng để tái sử dụng',
    en: 'The document had expired ({until}) when it was digitized ({digitizedOn}); it must not be offered for reuse',
  },
  CANON_DIGITIZED_METADATA_INCOMPLETE: {
    vi: 'Kết quả số hóa thiếu siêu dữ liệu cần có: {fields}',
    en: 'The digitized result lacks expected metadata: {fields}',
  },
};
