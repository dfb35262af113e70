/**
 * Issue codes of `@motcua/schemas/dvcqg`, with Vietnamese and English texts. Warnings
 * name the Decision 766 indicator (Bộ chỉ số 766) they affect.
 *
 * @module
 */
import type { MessageTemplate } from '../messages.ts';

/**
 * Issue codes and texts of the DVCQG wire schemas (Vietnamese first, then English). Codes
 * are stable; texts may improve.
 *
 * @example
 * ```ts
 * import { DVCQG_MESSAGES } from '@motcua/schemas/dvcqg';
 * DVCQG_MESSAGES.DVCQG_DUE_BEFORE_RECEIVED?.en; // 'Due date (NgayHenTra) is before the date received ({received})'
 * ```
 * @category DVCQG
 */
export const DVCQG_MESSAGES: Readonly<Record<string, MessageTemplate>> = {
  // --- Errors: shapes -------------------------------------------------------------------
  DVCQG_BOOL_INVALID: {
    vi: 'Giá trị đúng/sai không hợp lệ: chấp nhận true/false, 1/0, "1"/"0", "True"/"False"',
    en: 'Invalid boolean-like value: accepted are true/false, 1/0, "1"/"0", "True"/"False"',
  },
  DVCQG_AMOUNT_INVALID: {
    vi: 'Số tiền/số lượng phải là số nguyên không âm (đồng), dạng số hoặc chuỗi chữ số, không có dấu phân cách',
    en: 'Amount/count must be a non-negative whole number (VND), as a number or a string of digits, without separators',
  },
  DVCQG_CHECKSUM_FORMAT: {
    vi: 'Mã xác thực (MaXacThuc) phải là SHA-256 dạng 64 ký tự hexa chữ thường',
    en: 'Checksum (MaXacThuc) must be a SHA-256 as 64 lower-case hex characters',
  },
  DVCQG_LOGIN_SESSION_MISSING: {
    vi: 'Đăng nhập báo thành công nhưng không có phiên (session)',
    en: 'Login reports success but carries no session',
  },
  // --- Errors: cross-field rules ---------------------------------------------------------
  DVCQG_RECEIVED_DATE_REQUIRED: {
    vi: 'Thiếu ngày tiếp nhận (NgayTiepNhan) với hồ sơ ở trạng thái {status}; chỉ số 766 loại hồ sơ không có ngày tiếp nhận (1.4, 4.3)',
    en: 'Date received (NgayTiepNhan) is missing for a dossier in status {status}; the 766 indicators drop dossiers without it (1.4, 4.3)',
  },
  DVCQG_DUE_BEFORE_RECEIVED: {
    vi: 'Ngày hẹn trả (NgayHenTra) trước ngày tiếp nhận ({received})',
    en: 'Due date (NgayHenTra) is before the date received ({received})',
  },
  DVCQG_DATE_BEFORE_RECEIVED: {
    vi: '{field} trước ngày tiếp nhận ({received})',
    en: '{field} is before the date received ({received})',
  },
  DVCQG_RETURNED_WITHOUT_DATE: {
    vi: 'Hồ sơ ở trạng thái 10 (đã trả kết quả) phải có ngày trả (NgayTra)',
    en: 'A dossier in status 10 (result returned) must have the return date (NgayTra)',
  },
  DVCQG_REUSE_WITHOUT_RESULT_CODE: {
    vi: 'DuocTaiSuDung = "2" (thay bằng kết quả đã có) nhưng thiếu mã kết quả thay thế (MaKetQuaThayThe)',
    en: 'DuocTaiSuDung = "2" (replaced by an existing result) but MaKetQuaThayThe is missing',
  },
  DVCQG_OWNER_ID_MISMATCH: {
    vi: 'Số định danh không khớp loại định danh {LoaiDinhDanh}: cần đúng {digits} chữ số',
    en: 'Identifier does not match LoaiDinhDanh {LoaiDinhDanh}: exactly {digits} digits expected',
  },
  DVCQG_OWNER_ID_PLACEHOLDER: {
    vi: 'Số định danh giữ chỗ (000000001) không phải dữ liệu thật; không được gửi lên Cổng DVCQG',
    en: 'Placeholder identifier (000000001) is not data and must not be sent to DVCQG',
  },
  DVCQG_STEP_END_BEFORE_START: {
    vi: 'Hạn kết thúc bước theo quy định (NgayKetThucTheoQuyDinh) trước ngày bắt đầu ({start})',
    en: 'Statutory step end (NgayKetThucTheoQuyDinh) is before the step start ({start})',
  },
  DVCQG_POPULATION_ID_MISSING: {
    vi: 'Tra cứu CSDL dân cư cần số định danh cá nhân (SoDinhDanh) hoặc số CMND (SoCMND)',
    en: 'A population-database look-up needs SoDinhDanh or SoCMND',
  },
  // --- Warnings --------------------------------------------------------------------------
  DVCQG_IDENTIFIER_SHAPE: {
    vi: '{field} không đúng dạng chuẩn ({kind}: {problem}); vẫn được giữ nguyên nhưng có thể không khớp dữ liệu trên Cổng DVCQG',
    en: '{field} is not in the standard shape ({kind}: {problem}); kept as is, but it may not match DVCQG data',
  },
  DVCQG_CHANNEL_MISSING: {
    vi: 'Thiếu kênh thực hiện (KenhThucHien): chỉ số 766 (3.3) tính là nộp trực tiếp',
    en: 'Channel (KenhThucHien) is missing: 766 indicator 3.3 counts the dossier as in person',
  },
  DVCQG_DUE_DATE_MISSING: {
    vi: 'Thiếu ngày hẹn trả (NgayHenTra): chỉ số 766 (2.1) sẽ so với thời hạn tối đa theo quy định',
    en: 'Due date (NgayHenTra) is missing: 766 indicator 2.1 falls back to the statutory maximum',
  },
  DVCQG_NO_E_RESULT: {
    vi: 'Hồ sơ đã xử lý xong nhưng không có kết quả điện tử (MaGiayToKetQua + DuongDanTepTinKetQua): ảnh hưởng chỉ số 766 ({indicators})',
    en: 'Dossier is finished but has no electronic result (MaGiayToKetQua + DuongDanTepTinKetQua): hurts 766 indicators {indicators}',
  },
  DVCQG_NO_COMPONENT_FILE: {
    vi: 'Không có tệp thành phần hồ sơ nào có đường dẫn tải về: hồ sơ không được tính là đã số hóa (chỉ số 766, 4.2)',
    en: 'No submitted file has a download link: the dossier does not count as digitized (766 indicator 4.2)',
  },
  DVCQG_NO_DIGITIZED_COMPONENT: {
    vi: 'Không có thành phần nào được đánh dấu số hóa/tái sử dụng và HoSoCoThanhPhanSoHoa khác "1" (chỉ số 766, 4.3)',
    en: 'No component is flagged digitized/reused and HoSoCoThanhPhanSoHoa is not "1" (766 indicator 4.3)',
  },
  DVCQG_DIGITIZED_FLAG_INCONSISTENT: {
    vi: 'HoSoCoThanhPhanSoHoa = "1" nhưng không thành phần nào có DuocSoHoa, DuocTaiSuDung hoặc DuocLayTuKhoDMQG (chỉ số 766, 4.3)',
    en: 'HoSoCoThanhPhanSoHoa = "1" but no component has DuocSoHoa, DuocTaiSuDung or DuocLayTuKhoDMQG (766 indicator 4.3)',
  },
  DVCQG_FEE_NOT_PAID_ONLINE: {
    vi: 'Hồ sơ trực tuyến có phí, lệ phí nhưng DuocThanhToanTrucTuyen không phải 1 hoặc 2 (chỉ số 766, 3.6)',
    en: 'Online dossier with a fee but DuocThanhToanTrucTuyen is neither 1 nor 2 (766 indicator 3.6)',
  },
  DVCQG_NO_POPULATION_DATA: {
    vi: 'Hồ sơ công dân không xác thực VNeID, không lấy từ kho DVCQG và không kết nối CSDL quốc gia (chỉ số 766, 4.5)',
    en: 'Citizen dossier with no VNeID authentication, no DVCQG-store component and no national-database check (766 indicator 4.5)',
  },
  DVCQG_SUPPLEMENT_MISSING: {
    vi: 'Hồ sơ ở trạng thái 5 (yêu cầu bổ sung) nhưng không có DanhSachHoSoBoSung: không trừ được thời gian chờ bổ sung (chỉ số 766, 2.1)',
    en: 'Dossier in status 5 (supplement requested) without DanhSachHoSoBoSung: waiting time cannot be subtracted (766 indicator 2.1)',
  },
  DVCQG_MULTIPLE_SUPPLEMENTS: {
    vi: 'Hồ sơ có {count} lần yêu cầu bổ sung: từ lần thứ hai hồ sơ bị tính là trễ hạn (chỉ số 766, 2.1)',
    en: 'Dossier has {count} supplement rounds: more than one counts as late (766 indicator 2.1)',
  },
  DVCQG_TEXT_TOO_LONG: {
    vi: '{field} dài {length} ký tự, vượt {maximum} ký tự mà hệ thống thực tế cắt bớt khi đồng bộ',
    en: '{field} has {length} characters, over the {maximum} that production systems truncate to',
  },
  DVCQG_UNKNOWN_FIELD: {
    vi: 'Trường "{field}" không có trong đặc tả; có phải là "{suggestion}"? Cổng DVCQG sẽ bỏ qua trường này',
    en: 'Field "{field}" is not in the specification; did you mean "{suggestion}"? DVCQG will ignore it',
  },
  DVCQG_PROCEDURE_NO_RESULT_CODE: {
    vi: 'Thủ tục không có mã kết quả (KETQUATHUCHIEN.MAKETQUA): không tra cứu được kho số hóa và không gửi được mã kết quả (chỉ số 766, 3.3, 4.1)',
    en: 'Procedure has no result code (KETQUATHUCHIEN.MAKETQUA): the digitization store cannot be queried and no result code can be sent (766 indicators 3.3, 4.1)',
  },
  DVCQG_PAYMENT_TOTAL_MISMATCH: {
    vi: 'Tổng các khoản phí trên biên lai ({sum}) khác số tiền thanh toán ({total})',
    en: 'Receipt fee lines add up to {sum}, not the payment amount {total}',
  },
};
