/**
 * Display texts of the verification report, Vietnamese first (TT 15/2025/TT-BKHCN requires the
 * verification result to be shown in Vietnamese), English on request.
 *
 * @module
 */

/**
 * Display language of report texts: Vietnamese by default, English on request.
 *
 * @example
 * ```ts
 * import type { Lang } from '@motcua/signing';
 * const lang: Lang = 'en';
 * ```
 */
export type Lang = 'vi' | 'en';

/** Message templates by stable key: `[vi, en]`, `{name}` placeholders. */
export const MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  // CMS (checks 13–17)
  CMS_MISSING: ['Không đọc được dữ liệu chữ ký (/Contents).', 'The signature data (/Contents) could not be read.'],
  CMS_MALFORMED: [
    'Dữ liệu chữ ký không phải CMS SignedData hợp lệ.',
    'The signature data is not a valid CMS SignedData.',
  ],
  CMS_CERTIFICATE_MALFORMED: [
    'Một chứng thư số trong dữ liệu chữ ký bị mã hoá sai (không đúng DER).',
    'A certificate inside the signature is badly encoded (not DER).',
  ],
  CMS_NO_SIGNER_INFO: ['Chữ ký không có thông tin người ký (SignerInfo).', 'The signature has no SignerInfo.'],
  CMS_MULTIPLE_SIGNER_INFOS: [
    'Chữ ký chứa {count} SignerInfo; chữ ký PDF chỉ được có đúng một.',
    'The signature holds {count} SignerInfos; a PDF signature must have exactly one.',
  ],
  CMS_CONTENT_TYPE_UNEXPECTED: ['Kiểu nội dung CMS không đúng ({oid}).', 'Unexpected CMS content type ({oid}).'],
  CMS_NOT_DETACHED: [
    'Chữ ký tách rời nhưng lại chứa nội dung đính kèm.',
    'A detached signature carries encapsulated content.',
  ],
  CMS_NO_CONTENT: ['Chữ ký thiếu nội dung đính kèm.', 'The signature lacks its encapsulated content.'],
  UNSUPPORTED_DIGEST_ALGORITHM: ['Thuật toán băm không được hỗ trợ ({oid}).', 'Unsupported digest algorithm ({oid}).'],
  UNSUPPORTED_SIGNATURE_ALGORITHM: [
    'Thuật toán ký không được hỗ trợ ({oid}).',
    'Unsupported signature algorithm ({oid}).',
  ],
  DIGEST_ALGORITHM_MISMATCH: [
    'Thuật toán băm ({digest}) khác thuật toán ký ({signature}).',
    'The digest algorithm ({digest}) differs from the signature algorithm ({signature}).',
  ],
  SIGNED_ATTRS_NOT_DER: [
    'Các thuộc tính được ký không được mã hoá DER (sai thứ tự SET OF); chữ ký được kiểm tra đúng trên bản mã hoá nhận được.',
    'The signed attributes are not DER-encoded (SET OF out of order); the signature was checked over the encoding as received.',
  ],
  SIGNING_TIME_MALFORMED: ['Thuộc tính thời điểm ký sai định dạng.', 'The signing-time attribute is malformed.'],
  REVOCATION_ARCHIVAL_MALFORMED: [
    'Dữ liệu thu hồi nhúng trong chữ ký sai định dạng và đã bị bỏ qua.',
    'The revocation data embedded in the signature is malformed and was ignored.',
  ],
  CONTENT_TYPE_ATTRIBUTE_MISSING: [
    'Thiếu thuộc tính contentType được ký.',
    'The signed contentType attribute is missing.',
  ],
  CONTENT_TYPE_ATTRIBUTE_MISMATCH: [
    'Thuộc tính contentType ({oid}) không khớp nội dung.',
    'The contentType attribute ({oid}) does not match the content.',
  ],
  MESSAGE_DIGEST_ATTRIBUTE_MISSING: [
    'Thiếu thuộc tính messageDigest được ký.',
    'The signed messageDigest attribute is missing.',
  ],
  ATTRIBUTE_REPEATED: [
    'Thuộc tính được ký {oid} xuất hiện nhiều lần.',
    'Signed attribute {oid} occurs more than once.',
  ],
  DIGEST_MISMATCH: [
    'Nội dung đã bị thay đổi sau khi ký: giá trị băm không khớp.',
    'The content was changed after signing: the digest does not match.',
  ],
  SHA1_CONTENT_MISMATCH: [
    'Nội dung đã bị thay đổi sau khi ký: giá trị SHA-1 đính kèm không khớp.',
    'The content was changed after signing: the attached SHA-1 value does not match.',
  ],
  SIGNER_CERTIFICATE_NOT_FOUND: ['Không tìm thấy chứng thư số của người ký.', 'The signer certificate was not found.'],
  SIGNER_KEY_UNSUPPORTED: ['Khoá công khai của người ký không được hỗ trợ.', 'The signer public key is not supported.'],
  KEY_ALGORITHM_MISMATCH: [
    'Khoá ({key}) không phù hợp với thuật toán ký ({algorithm}).',
    'The key ({key}) does not fit the signature algorithm ({algorithm}).',
  ],
  SIGNATURE_INVALID: [
    'Giá trị chữ ký không hợp lệ với khoá công khai của chứng thư số.',
    'The signature value does not verify with the certificate public key.',
  ],
  ESS_SIGNING_CERTIFICATE_MISSING: [
    'Thiếu thuộc tính signing-certificate (ESS) ràng buộc chứng thư số với chữ ký.',
    'The ESS signing-certificate attribute binding the certificate to the signature is missing.',
  ],
  ESS_SIGNING_CERTIFICATE_MISMATCH: [
    'Thuộc tính signing-certificate không khớp chứng thư số người ký ({detail}).',
    'The signing-certificate attribute does not match the signer certificate ({detail}).',
  ],
  // Certificates (checks 19–20)
  NO_CERTIFICATE_CHAIN: [
    'Không xây dựng được đường dẫn tin cậy tới chứng thư số gốc được tin cậy (tổ chức phát hành: {issuer}).',
    'No certification path to a trusted root could be built (issuer: {issuer}).',
  ],
  CERT_UNKNOWN_CRITICAL_EXTENSION: [
    'Chứng thư số {subject} có phần mở rộng bắt buộc không xác định ({oid}).',
    'Certificate {subject} has an unknown critical extension ({oid}).',
  ],
  CERT_NAME_CONSTRAINTS: [
    'Chứng thư số {subject} vi phạm ràng buộc tên.',
    'Certificate {subject} violates name constraints.',
  ],
  NAME_CONSTRAINTS_PARTIAL: [
    'Ràng buộc tên của {subject} chỉ được kiểm tra cho tên thư mục.',
    'Name constraints of {subject} were only checked for directory names.',
  ],
  CA_NOT_CA: [
    'Chứng thư số {subject} không phải chứng thư số của CA.',
    'Certificate {subject} is not a CA certificate.',
  ],
  CA_KEY_USAGE: [
    'Chứng thư số CA {subject} không được phép ký chứng thư số.',
    'CA certificate {subject} may not sign certificates.',
  ],
  PATH_LENGTH_EXCEEDED: [
    'Đường dẫn chứng thực vượt giới hạn độ dài tại {subject}.',
    'The path length constraint is exceeded at {subject}.',
  ],
  CRL_ISSUER_KEY_USAGE: ['{subject} không được phép ký CRL.', '{subject} may not sign CRLs.'],
  SIGNER_KEY_USAGE: [
    'Mục đích sử dụng khoá của chứng thư số {subject} không cho phép ký số (digitalSignature / nonRepudiation).',
    'The key usage of certificate {subject} does not allow signing (digitalSignature / nonRepudiation).',
  ],
  TSA_EXTENDED_KEY_USAGE: [
    'Chứng thư số {subject} không dành cho cấp dấu thời gian.',
    'Certificate {subject} is not a timestamping certificate.',
  ],
  OCSP_RESPONDER_EXTENDED_KEY_USAGE: [
    'Chứng thư số {subject} không dành cho OCSP.',
    'Certificate {subject} is not an OCSP-signing certificate.',
  ],
  // Time (checks 21, 22, 24)
  SIGNER_CERT_EXPIRED: [
    'Chứng thư số người ký đã hết hạn tại thời điểm ký được chứng minh ({time}).',
    'The signer certificate had expired at the proven signing time ({time}).',
  ],
  SIGNER_CERT_NOT_YET_VALID: [
    'Chứng thư số người ký chưa có hiệu lực tại thời điểm ký ({time}).',
    'The signer certificate was not yet valid at the signing time ({time}).',
  ],
  SIGNER_CERT_OUT_OF_BOUNDS_NO_POE: [
    'Chứng thư số người ký không còn hiệu lực tại thời điểm kiểm tra ({time}) và không có dấu thời gian chứng minh thời điểm ký.',
    'The signer certificate is outside its validity at the validation time ({time}) and no timestamp proves the signing time.',
  ],
  CA_CERT_OUT_OF_VALIDITY: [
    'Chứng thư số {subject} trong đường dẫn chứng thực không có hiệu lực tại {time}.',
    'Certificate {subject} of the path is not valid at {time}.',
  ],
  SIGNING_TIME_UNPROVEN: [
    'Thời điểm ký chỉ do người ký khai báo, không có dấu thời gian hợp lệ chứng minh.',
    'The signing time is only claimed by the signer; no valid timestamp proves it.',
  ],
  TIMESTAMP_MALFORMED: ['Dấu thời gian sai định dạng.', 'The timestamp is malformed.'],
  TIMESTAMP_IMPRINT_MISMATCH: [
    'Dấu thời gian không gắn với dữ liệu được đóng dấu (messageImprint không khớp).',
    'The timestamp does not match the timestamped data (messageImprint differs).',
  ],
  TIMESTAMP_TSA_OUT_OF_VALIDITY: [
    'Chứng thư số của đơn vị cấp dấu thời gian {subject} hiện đã hết hiệu lực.',
    'The certificate of timestamping authority {subject} is no longer valid.',
  ],
  SIGNATURE_TIMESTAMP_INVALID: ['Dấu thời gian của chữ ký không hợp lệ.', 'The signature timestamp is invalid.'],
  SIGNATURE_TIMESTAMP_UNTRUSTED: [
    'Dấu thời gian của chữ ký không được tin cậy (không xác thực được đơn vị cấp); thời điểm ký chưa được chứng minh.',
    'The signature timestamp is not trusted (its authority could not be validated); the signing time is unproven.',
  ],
  TIMESTAMP_ORDER_FAILURE: ['Thứ tự các dấu thời gian không hợp lệ.', 'The timestamps are out of order.'],
  // Crypto policy (check 18)
  CRYPTO_ALGORITHM_EXPIRED: [
    'Thuật toán {algorithm} không còn được chấp nhận tại {time} và không có bằng chứng thời điểm ký trước đó.',
    'Algorithm {algorithm} is no longer accepted at {time} and there is no proof of an earlier signing time.',
  ],
  CRYPTO_KEY_TOO_SHORT: [
    'Khoá {bits} bit quá ngắn tại {time} (tối thiểu {min} bit).',
    'The {bits}-bit key is too short at {time} (minimum {min} bits).',
  ],
  // Revocation (check 23)
  CERT_REVOKED: [
    'Chứng thư số {subject} đã bị thu hồi từ {time}, trước thời điểm ký.',
    'Certificate {subject} was revoked on {time}, before the signing time.',
  ],
  CERT_REVOKED_CA: [
    'Chứng thư số CA {subject} đã bị thu hồi từ {time}.',
    'CA certificate {subject} was revoked on {time}.',
  ],
  CERT_REVOKED_NO_POE: [
    'Chứng thư số {subject} đã bị thu hồi từ {time}; không có dấu thời gian chứng minh chữ ký được tạo trước đó.',
    'Certificate {subject} was revoked on {time}; no timestamp proves the signature was made before.',
  ],
  CERT_REVOKED_NO_POE_CA: [
    'Chứng thư số CA {subject} đã bị thu hồi từ {time}; không có dấu thời gian chứng minh chữ ký được tạo trước đó.',
    'CA certificate {subject} was revoked on {time}; no timestamp proves the signature was made before.',
  ],
  CERT_REVOKED_AFTER_SIGNING: [
    'Chứng thư số {subject} bị thu hồi từ {time}, sau thời điểm ký đã được chứng minh.',
    'Certificate {subject} was revoked on {time}, after the proven signing time.',
  ],
  REVOCATION_UNAVAILABLE: [
    'Cảnh báo: không kiểm tra được tình trạng thu hồi của chứng thư số {subject} (không có OCSP hoặc CRL phù hợp).',
    'Warning: the revocation status of certificate {subject} could not be checked (no suitable OCSP or CRL).',
  ],
  // XML (checks 25–30)
  XML_DTD_FORBIDDEN: [
    'Tài liệu XML có khai báo DTD (DOCTYPE); bị từ chối trước khi phân tích để chống XXE.',
    'The XML document has a DTD (DOCTYPE); it is refused before parsing (XXE defence).',
  ],
  XML_ENTITY_FORBIDDEN: [
    'Tài liệu XML dùng thực thể (entity) không được phép; bị từ chối.',
    'The XML document uses an entity that is not allowed; refused.',
  ],
  XML_ENCODING_UNSUPPORTED: [
    'Bảng mã của tài liệu XML không được hỗ trợ (chỉ UTF-8).',
    'Unsupported XML encoding (UTF-8 only).',
  ],
  XML_MALFORMED: ['Tài liệu XML sai cú pháp.', 'The XML document is malformed.'],
  XML_LIMIT_EXCEEDED: ['Tài liệu XML vượt giới hạn xử lý.', 'The XML document exceeds a processing limit.'],
  XML_NESTED_SIGNATURE_IGNORED: [
    '{count} chữ ký lồng bên trong chữ ký khác (chữ ký đối ứng) không được kiểm tra.',
    '{count} signature(s) nested inside another signature (counter-signatures) were not checked.',
  ],
  XML_DUPLICATE_ID: [
    'Giá trị định danh "{id}" xuất hiện nhiều lần trong tài liệu (dấu hiệu tấn công bọc chữ ký).',
    'Id "{id}" occurs more than once in the document (a signature-wrapping sign).',
  ],
  XML_SIGNATURE_MISPLACED: [
    'Chữ ký nằm ở vị trí không cho phép ({path}).',
    'A signature sits where none is allowed ({path}).',
  ],
  XML_ELEMENT_MISSING: [
    'Không tìm thấy phần tử {selector} cần được ký.',
    'Element {selector}, which must be signed, was not found.',
  ],
  XML_ELEMENT_AMBIGUOUS: [
    'Có nhiều phần tử {selector}; không xác định được phần tử nào đã được ký.',
    'There are several {selector} elements; which one is signed cannot be told.',
  ],
  XML_ELEMENT_NOT_SIGNED: [
    'Phần tử {selector} không nằm trong phạm vi được ký của chữ ký hợp lệ nào.',
    'Element {selector} is not within what any valid signature signed.',
  ],
  XML_SIGNATURE_STRUCTURE: [
    'Cấu trúc chữ ký XML không hợp lệ: {detail}.',
    'Invalid XML signature structure: {detail}.',
  ],
  XML_SIGNED_INFO_COUNT: [
    'Chữ ký chứa nhiều hơn một SignedInfo (dấu hiệu tấn công bọc chữ ký).',
    'The signature contains more than one SignedInfo (a signature-wrapping sign).',
  ],
  XML_SIGNED_INFO_COMMENT: [
    'SignedInfo chứa chú thích hoặc chỉ thị xử lý; bị từ chối.',
    'SignedInfo contains comments or processing instructions; refused.',
  ],
  XML_C14N_NOT_ALLOWED: [
    'Phương pháp chuẩn hoá không được phép ({detail}).',
    'Canonicalization method not allowed ({detail}).',
  ],
  XML_SIGNATURE_METHOD_UNSUPPORTED: [
    'Thuật toán ký không được hỗ trợ ({detail}).',
    'Unsupported signature method ({detail}).',
  ],
  XML_REFERENCE_URI_UNSUPPORTED: [
    'Tham chiếu "{detail}" không được hỗ trợ (chỉ URI="" hoặc "#id").',
    'Reference "{detail}" is not supported (only URI="" or "#id").',
  ],
  XML_REFERENCE_NOT_FOUND: [
    'Không tìm thấy dữ liệu được tham chiếu {detail}.',
    'The referenced data {detail} was not found.',
  ],
  XML_REFERENCE_TARGET_MISPLACED: [
    'Dữ liệu được ký ({uri}) bị giấu sâu bên trong chữ ký, không phải vị trí ứng dụng đọc (tấn công bọc chữ ký).',
    'The signed data ({uri}) is buried inside the signature, not where an application reads it (signature wrapping).',
  ],
  XML_DIGEST_METHOD_UNSUPPORTED: [
    'Thuật toán băm không được hỗ trợ ({detail}).',
    'Unsupported digest method ({detail}).',
  ],
  XML_TRANSFORM_NOT_ALLOWED: [
    'Phép biến đổi không được phép ({detail}); chỉ chấp nhận enveloped-signature và chuẩn hoá C14N.',
    'Transform not allowed ({detail}); only enveloped-signature and C14N canonicalization are accepted.',
  ],
  XML_DIGEST_MISMATCH: [
    'Nội dung được tham chiếu {uri} đã bị thay đổi sau khi ký: giá trị băm không khớp.',
    'The content referenced by {uri} was changed after signing: the digest does not match.',
  ],
  XADES_SIGNED_PROPERTIES_NOT_FOUND: [
    'Các thuộc tính được ký (XAdES SignedProperties) của chữ ký không được ký đúng chỗ.',
    "The signature's XAdES SignedProperties are not the ones that were signed.",
  ],
  XML_CERTIFICATE_MALFORMED: [
    'Chứng thư số trong KeyInfo bị mã hoá sai.',
    'A certificate in KeyInfo is badly encoded.',
  ],
  XADES_SIGNING_CERTIFICATE_MISMATCH: [
    'Không chứng thư số nào trong KeyInfo khớp thuộc tính SigningCertificate.',
    'No certificate in KeyInfo matches the SigningCertificate property.',
  ],
  XML_SIGNING_TIME_MALFORMED: ['Thời điểm ký (SigningTime) sai định dạng.', 'The SigningTime is malformed.'],
  XML_SIGNING_TIME_NOT_SIGNED: [
    'Thời điểm ký (SigningTime) không được ký nên bị bỏ qua.',
    'The SigningTime is not signed and was ignored.',
  ],
  // JWS (check 31)
  JWS_MALFORMED: ['JWS sai cấu trúc: {detail}.', 'Malformed JWS: {detail}.'],
  JWS_DUPLICATE_HEADER: [
    'Phần đầu JWS có tham số trùng tên ({detail}); bị từ chối.',
    'The JWS header repeats a parameter ({detail}); refused.',
  ],
  JWS_ALG_NOT_PROTECTED: [
    'Thuật toán (alg) không nằm trong phần đầu được bảo vệ.',
    'The alg parameter is not in the protected header.',
  ],
  JWS_ALGORITHM_NOT_ALLOWED: [
    'Thuật toán ký {detail} không được chấp nhận (không bao giờ chấp nhận none hoặc HMAC).',
    'Signature algorithm {detail} is not accepted (none and HMAC never are).',
  ],
  JWS_DETACHED_PAYLOAD_MISSING: [
    'JWS tách rời nhưng không được cung cấp nội dung được ký.',
    'The JWS is detached but no payload was supplied.',
  ],
  JWS_PAYLOAD_NOT_DETACHED: [
    'JWS đã chứa nội dung; không dùng nội dung tách rời được cung cấp.',
    'The JWS carries its payload; the supplied detached payload is not used.',
  ],
  JWS_CRIT_NOT_UNDERSTOOD: [
    'Tham số bắt buộc (crit) không được hỗ trợ: {detail}.',
    'A critical (crit) parameter is not understood: {detail}.',
  ],
  JWS_CRIT_INVALID: ['Tham số crit không hợp lệ: {detail}.', 'Invalid crit parameter: {detail}.'],
  JWS_CLAIM_MALFORMED: ['Tham số thời gian {claim} sai định dạng.', 'The time parameter {claim} is malformed.'],
  JWS_X5C_MALFORMED: ['Chuỗi chứng thư số x5c sai định dạng.', 'The x5c certificate chain is malformed.'],
  JWS_CERTIFICATE_THUMBPRINT_MISMATCH: [
    'Chứng thư số trong x5c không khớp giá trị băm x5t#S256 / x5t.',
    'The x5c certificate does not match the x5t#S256 / x5t thumbprint.',
  ],
  JWS_EXPIRED: ['JWS đã hết hạn từ {time} (exp).', 'The JWS expired at {time} (exp).'],
  JWS_NOT_YET_VALID: ['JWS chưa có hiệu lực trước {time} (nbf).', 'The JWS is not valid before {time} (nbf).'],
  JWS_ISSUED_IN_FUTURE: [
    'JWS có thời điểm phát hành trong tương lai ({time}, iat).',
    'The JWS is issued in the future ({time}, iat).',
  ],
  JADES_UNSIGNED_PROPERTIES_NOT_CHECKED: [
    'Các thuộc tính không được ký (etsiU) của JAdES không được kiểm tra.',
    'The JAdES unsigned properties (etsiU) were not checked.',
  ],
  // Document
  NO_SIGNATURES: ['Tài liệu không có chữ ký số.', 'The document has no digital signature.'],
  DOCUMENT_MODIFIED: [
    'Tài liệu đã bị thay đổi sau chữ ký cuối cùng; phần thay đổi không được ký.',
    'The document was changed after the last signature; the changes are not signed.',
  ],
  DOC_TIMESTAMP_NOT_TRUSTED: [
    'Dấu thời gian tài liệu #{index} không được tin cậy; không ảnh hưởng đến hiệu lực các chữ ký.',
    'Document timestamp #{index} is not trusted; the signatures are not affected.',
  ],
  PDF_UNREADABLE: ['Không đọc được tệp PDF.', 'The PDF file could not be read.'],
};

/** Renders a message. Unknown keys render as the key itself. */
export function render(code: string, lang: Lang, params?: Record<string, string>): string {
  const t = MESSAGES[code];
  const template = t ? (lang === 'vi' ? t[0] : t[1]) : code;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params?.[k] ?? m);
}

/** Labels of the display fields required by TT 15/2025/TT-BKHCN (signatures.md §1.4). */
export const DISPLAY_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  result: ['Kết quả kiểm tra', 'Result'],
  signer: ['Người ký', 'Signer'],
  organization: ['Cơ quan, tổ chức quản lý chứng thư số', 'Organisation holding the certificate'],
  issuer: ['Tổ chức cung cấp dịch vụ chứng thực chữ ký số', 'Issuing certification authority'],
  signingTime: ['Thời điểm ký', 'Signing time'],
  timestamp: ['Dấu thời gian', 'Timestamp'],
  integrity: ['Tính toàn vẹn của nội dung', 'Integrity of the content'],
  validityAtSigning: ['Hiệu lực chứng thư số tại thời điểm ký', 'Certificate validity at signing time'],
  certificateValidity: ['Thời hạn hiệu lực của chứng thư số', 'Certificate validity period'],
  revocation: ['Tình trạng thu hồi', 'Revocation status'],
  coverage: ['Phạm vi được ký', 'Signed scope'],
};

/** Short display values. */
export const VALUES: Readonly<Record<string, readonly [string, string]>> = {
  TOTAL_PASSED: ['Hợp lệ', 'Valid'],
  TOTAL_FAILED: ['Không hợp lệ', 'Invalid'],
  INDETERMINATE: ['Chưa xác định được', 'Indeterminate'],
  intact: ['Nội dung toàn vẹn, chưa bị thay đổi sau khi ký', 'Intact: not changed since signing'],
  notIntact: ['Nội dung đã bị thay đổi sau khi ký', 'Changed after signing'],
  unknownIntegrity: ['Không kiểm tra được', 'Could not be checked'],
  validAtSigning: ['Còn hiệu lực', 'Valid'],
  notValidAtSigning: ['Không còn hiệu lực', 'Not valid'],
  unknownValidity: ['Không xác định', 'Unknown'],
  claimed: ['(do người ký khai báo, chưa được chứng minh)', '(claimed by the signer, unproven)'],
  proven: ['(đã được chứng minh bằng dấu thời gian)', '(proven by a timestamp)'],
  good: ['Chưa bị thu hồi', 'Not revoked'],
  revoked: ['Đã bị thu hồi', 'Revoked'],
  unknown: ['Không kiểm tra được', 'Could not be checked'],
  'not-checked': ['Chưa kiểm tra', 'Not checked'],
  'whole-file': ['Toàn bộ tệp', 'Whole file'],
  'whole-revision': [
    'Một phiên bản của tệp (có thay đổi sau khi ký)',
    'One revision of the file (changed after signing)',
  ],
  partial: ['Một phần tài liệu', 'Part of the document'],
  'whole-document': ['Toàn bộ nội dung được đọc', 'Everything that is read'],
  invalid: ['Không xác định được', 'Undeterminable'],
  to: ['đến', 'to'],
  documentValid: ['Tài liệu có chữ ký số hợp lệ.', 'The document is validly signed.'],
  documentInvalid: ['Tài liệu KHÔNG có chữ ký số hợp lệ.', 'The document is NOT validly signed.'],
};

/** A short display value. */
export function value(key: string, lang: Lang): string {
  const v = VALUES[key];
  return v ? (lang === 'vi' ? v[0] : v[1]) : key;
}

/** A display label. */
export function label(key: string, lang: Lang): string {
  const v = DISPLAY_LABELS[key];
  return v ? (lang === 'vi' ? v[0] : v[1]) : key;
}
