import type { MessageTemplate } from './messages.ts';

/** Messages for structural problems reported by any schema. */
export const COMMON_MESSAGES: Readonly<Record<string, MessageTemplate>> = {
  REQUIRED: { vi: 'Thiếu giá trị bắt buộc', en: 'Required value is missing' },
  TYPE_INVALID: {
    vi: 'Sai kiểu dữ liệu: cần {expected}, nhận được {received}',
    en: 'Wrong type: expected {expected}, received {received}',
  },
  VALUE_NOT_ALLOWED: {
    vi: 'Giá trị không nằm trong danh mục cho phép: {values}',
    en: 'Value is not one of the allowed values: {values}',
  },
  STRING_TOO_LONG: {
    vi: 'Chuỗi quá dài: tối đa {maximum} ký tự',
    en: 'Text is too long: at most {maximum} characters',
  },
  STRING_TOO_SHORT: {
    vi: 'Chuỗi quá ngắn: tối thiểu {minimum} ký tự',
    en: 'Text is too short: at least {minimum} characters',
  },
  NUMBER_TOO_BIG: { vi: 'Số quá lớn: tối đa {maximum}', en: 'Number is too large: at most {maximum}' },
  NUMBER_TOO_SMALL: { vi: 'Số quá nhỏ: tối thiểu {minimum}', en: 'Number is too small: at least {minimum}' },
  NUMBER_NOT_INTEGER: { vi: 'Phải là số nguyên', en: 'Must be an integer' },
  NUMBER_NOT_MULTIPLE: { vi: 'Phải là bội số của {divisor}', en: 'Must be a multiple of {divisor}' },
  ARRAY_TOO_LONG: {
    vi: 'Danh sách quá dài: tối đa {maximum} phần tử',
    en: 'List is too long: at most {maximum} items',
  },
  ARRAY_TOO_SHORT: {
    vi: 'Danh sách quá ngắn: tối thiểu {minimum} phần tử',
    en: 'List is too short: at least {minimum} items',
  },
  FORMAT_INVALID: { vi: 'Sai định dạng ({format})', en: 'Invalid format ({format})' },
  UNKNOWN_KEY: { vi: 'Trường không được hỗ trợ: {keys}', en: 'Unsupported field: {keys}' },
  UNION_NO_MATCH: {
    vi: 'Giá trị không khớp với dạng nào được chấp nhận',
    en: 'Value matches none of the accepted shapes',
  },
  INVALID_KEY: { vi: 'Khóa không hợp lệ', en: 'Invalid key' },
  INVALID_ELEMENT: { vi: 'Phần tử không hợp lệ', en: 'Invalid element' },
  CUSTOM: { vi: '{message}', en: '{message}' },
  JSON_MALFORMED: {
    vi: 'JSON không hợp lệ: {detail}',
    en: 'Malformed JSON: {detail}',
  },
  INPUT_TOO_LARGE: {
    vi: 'Dữ liệu vào quá lớn: {size} byte, tối đa {maximum} byte',
    en: 'Input is too large: {size} bytes, at most {maximum} bytes',
  },
  INPUT_TOO_DEEP: {
    vi: 'Dữ liệu lồng nhau quá sâu: tối đa {maximum} cấp',
    en: 'Input is nested too deeply: at most {maximum} levels',
  },
  KIND_UNKNOWN: {
    vi: 'Loại dữ liệu không được hỗ trợ: {kind}. Các loại hỗ trợ: {kinds}',
    en: 'Unsupported kind: {kind}. Supported kinds: {kinds}',
  },
  DATE_INVALID: {
    vi: 'Thời điểm không hợp lệ: cần dạng {format} là một thời điểm có thật',
    en: 'Invalid instant: expected {format} denoting a real instant',
  },
  URL_INVALID: {
    vi: 'Đường dẫn tệp phải là URL http(s) tuyệt đối mà Cổng có thể tải về',
    en: 'File link must be an absolute http(s) URL the portal can download',
  },
};
