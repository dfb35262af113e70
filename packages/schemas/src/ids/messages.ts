import type { MessageTemplate } from '../messages.ts';

/**
 * Issue codes and texts of `@motcua/schemas/ids` (Vietnamese first, then English).
 * Merged into the package-wide `MESSAGES` catalogue.
 *
 * @example
 * ```ts
 * import { ID_MESSAGES } from '@motcua/schemas/ids';
 * ID_MESSAGES.ID_TAX_CHECK_DIGIT?.en; // 'Wrong tax code check digit: the 10th digit must be {expected}, got {actual}'
 * ```
 * @category Identifiers
 */
export const ID_MESSAGES: Readonly<Record<string, MessageTemplate>> = {
  // Any identifier
  ID_NOT_STRING: {
    vi: 'Mã phải là chuỗi ký tự, nhận được {received}',
    en: 'An identifier must be a string, received {received}',
  },
  ID_TOO_LONG: {
    vi: 'Chuỗi quá dài để là một mã hợp lệ: {length} ký tự, tối đa {maximum} ký tự',
    en: 'Too long to be a valid identifier: {length} characters, at most {maximum}',
  },
  ID_WHITESPACE: {
    vi: 'Mã có khoảng trắng ở đầu hoặc cuối; hãy loại bỏ khoảng trắng trước khi gửi',
    en: 'The identifier has leading or trailing whitespace; remove it before sending',
  },
  ID_UNRECOGNIZED: {
    vi: 'Không nhận dạng được loại mã: giá trị không khớp với dạng mã nào được hỗ trợ',
    en: 'Unrecognized identifier: the value matches none of the supported shapes',
  },
  ID_KIND_UNKNOWN: {
    vi: 'Loại mã không được hỗ trợ: {as}',
    en: 'Unsupported identifier kind: {as}',
  },

  // Số định danh cá nhân
  ID_PERSONAL_FORMAT: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
    en: 'A personal identification number must be exactly 12 digits',
  },
  ID_PERSONAL_PROVINCE_UNKNOWN: {
    vi: 'Mã nơi đăng ký khai sinh {provinceCode} không có trong danh mục 63 tỉnh, thành phố; có thể là mã quốc gia hoặc mã mới',
    en: 'Birth-registration code {provinceCode} is not one of the 63 provinces; it may be a country code or a new code',
  },
  ID_PERSONAL_BIRTH_YEAR_FUTURE: {
    vi: 'Năm sinh {birthYear} giải mã từ số định danh cá nhân nằm trong tương lai (năm hiện tại: {currentYear})',
    en: 'Birth year {birthYear} decoded from the personal identification number is in the future (current year: {currentYear})',
  },

  // Chứng minh nhân dân
  ID_CMND_FORMAT: {
    vi: 'Số chứng minh nhân dân phải gồm đúng 9 chữ số',
    en: "A people's identity card (CMND) number must be exactly 9 digits",
  },
  ID_CMND_PLACEHOLDER: {
    vi: 'Số chứng minh nhân dân này là giá trị giữ chỗ (như 000000001), không phải số thật',
    en: 'This CMND number is a placeholder (such as 000000001), not a real number',
  },

  // Mã số thuế
  ID_TAX_FORMAT: {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với đơn vị phụ thuộc (NNNNNNNNNN-NNN)',
    en: 'A tax code must be 10 digits, or 10 digits, a hyphen and 3 digits for a dependent unit (NNNNNNNNNN-NNN)',
  },
  ID_TAX_CHECK_DIGIT: {
    vi: 'Sai chữ số kiểm tra của mã số thuế: chữ số thứ 10 phải là {expected}, nhận được {actual}',
    en: 'Wrong tax code check digit: the 10th digit must be {expected}, got {actual}',
  },
  ID_TAX_CHECK_DIGIT_UNVERIFIABLE: {
    vi: 'Không kiểm tra được chữ số kiểm tra của mã số thuế: tổng có trọng số chia hết cho 11, trường hợp các nguồn tham khảo chưa thống nhất cách xử lý',
    en: 'The tax code check digit cannot be verified: the weighted sum is divisible by 11, a case on which sources disagree',
  },
  ID_TAX_BRANCH_DASH: {
    vi: 'Mã số thuế của đơn vị phụ thuộc phải có dấu gạch ngang sau 10 chữ số đầu: {suggestion}',
    en: 'A dependent-unit tax code needs a hyphen after the first 10 digits: {suggestion}',
  },
  ID_TAX_BRANCH_SUFFIX: {
    vi: 'Phần sau dấu gạch ngang của mã số thuế đơn vị phụ thuộc phải gồm đúng 3 chữ số',
    en: 'The part after the hyphen of a dependent-unit tax code must be exactly 3 digits',
  },
  ID_TAX_PERSONAL_ID_NOT_ACCEPTED: {
    vi: 'Mã 12 chữ số (số định danh cá nhân) chỉ được dùng làm mã số thuế ở nơi yêu cầu mã số thuế cá nhân',
    en: 'A 12-digit number (personal identification number) is accepted as a tax code only where a personal tax code is expected',
  },

  // Mã định danh cơ quan
  ID_AGENCY_FORMAT: {
    vi: 'Mã định danh cơ quan phải theo QCVN 102:2016 (V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.00.00.G22) hoặc Quyết định 20/2020/QĐ-TTg (ví dụ H56.14)',
    en: 'An agency code must follow QCVN 102:2016 (V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.00.G22) or Decision 20/2020/QĐ-TTg (e.g. H56.14)',
  },
  ID_AGENCY_TOO_LONG: {
    vi: 'Mã định danh theo Quyết định 20/2020/QĐ-TTg dài tối đa {maximum} ký tự, nhận được {length} ký tự',
    en: 'An identifier under Decision 20/2020/QĐ-TTg has at most {maximum} characters, got {length}',
  },

  // Mã số hồ sơ
  ID_DOSSIER_FORMAT: {
    vi: 'Mã số hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX, ví dụ 000.00.00.H56-250701-0001',
    en: 'A dossier code must have the form <agency code>-YYMMDD-XXXX, e.g. 000.00.00.H56-250701-0001',
  },
  ID_DOSSIER_AGENCY: {
    vi: 'Phần mã cơ quan tiếp nhận trong mã số hồ sơ phải theo QCVN 102:2016 (V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.00.00.H56)',
    en: 'The receiving-agency part of a dossier code must follow QCVN 102:2016 (V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.00.00.H56)',
  },
  ID_DOSSIER_AGENCY_QD20: {
    vi: 'Mã số hồ sơ dùng mã cơ quan theo Quyết định 20/2020/QĐ-TTg; Điều 19 Thông tư 01/2018/TT-VPCP quy định mã theo QCVN 102:2016',
    en: 'The dossier code uses a Decision 20/2020/QĐ-TTg agency code; Circular 01/2018/TT-VPCP Article 19 prescribes a QCVN 102:2016 code',
  },
  ID_DOSSIER_DATE: {
    vi: 'Ngày tiếp nhận "{date}" trong mã số hồ sơ không phải ngày có thật dạng YYMMDD',
    en: 'The receiving date "{date}" in the dossier code is not a real date in YYMMDD form',
  },
  ID_DOSSIER_SEQUENCE: {
    vi: 'Số thứ tự hồ sơ trong ngày phải gồm đúng 4 chữ số',
    en: 'The daily sequence number of a dossier code must be exactly 4 digits',
  },
  ID_DOSSIER_SEQUENCE_ZERO: {
    vi: 'Số thứ tự hồ sơ trong ngày bắt đầu từ 0001; 0000 không hợp lệ',
    en: 'Daily sequence numbers start at 0001; 0000 is invalid',
  },

  // Mã thủ tục hành chính, mã lĩnh vực
  ID_PROCEDURE_FORMAT: {
    vi: 'Mã thủ tục hành chính phải có dạng d.dddddd (ví dụ 1.001193), có thể kèm mã cơ quan: 1.003560.000.00.00.H56 hoặc 1.000948.H38',
    en: 'A procedure code must have the form d.dddddd (e.g. 1.001193), optionally with an agency code: 1.003560.000.00.00.H56 or 1.000948.H38',
  },
  ID_FIELD_FORMAT: {
    vi: 'Mã lĩnh vực phải có dạng MX1X2-LV, ví dụ G03-GD10',
    en: 'A field code must have the form MX1X2-LV, e.g. G03-GD10',
  },

  // dstcode
  ID_DSTCODE_FORMAT: {
    vi: 'dstcode phải có dạng VN:<nhóm thành viên>:<mã thành viên>:<mã dịch vụ>, ví dụ VN:GOV:000.00.00.G22:vpcpdvcprovider',
    en: 'A dstcode must have the form VN:<member class>:<member code>:<service code>, e.g. VN:GOV:000.00.00.G22:vpcpdvcprovider',
  },
  ID_DSTCODE_MEMBER_CLASS_UNKNOWN: {
    vi: 'Nhóm thành viên {memberClass} trong dstcode chưa được biết (các nhóm đã biết: GOV, COM)',
    en: 'Member class {memberClass} of the dstcode is unknown (known classes: GOV, COM)',
  },
  ID_DSTCODE_GOV_MEMBER_CODE: {
    vi: 'Mã thành viên của nhóm GOV trong dstcode không phải mã định danh cơ quan',
    en: 'The member code of a GOV dstcode is not an agency code',
  },
  ID_DSTCODE_COM_MEMBER_CODE: {
    vi: 'Mã thành viên của nhóm COM trong dstcode không phải mã số thuế hợp lệ',
    en: 'The member code of a COM dstcode is not a valid tax code',
  },
};
