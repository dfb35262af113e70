/**
 * The verification report (signatures.md §9 check 32).
 *
 * @module
 */
import type { PdfModification, PdfSignatureField } from '../pdf/types.ts';
import type { CertificateRevocation } from '../revocation/check.ts';
import type { Indication, SubIndication } from './findings.ts';
import type { Lang } from './messages.ts';

/**
 * A problem of a signature or of the document: stable `code`, severity and a display message.
 *
 * @example
 * ```ts
 * import type { ReportProblem } from '@motcua/signing';
 * const p: ReportProblem = { code: 'DIGEST_MISMATCH', severity: 'error', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', message: 'Nội dung đã bị thay đổi sau khi ký' };
 * ```
 * @category Verification
 */
export interface ReportProblem {
  /** Stable key (CMS / certificate / revocation codes, or the PDF reader's codes). */
  code: string;
  /** `error` affects the indication; `warning` does not. */
  severity: 'error' | 'warning';
  /** Indication forced by this problem. */
  indication?: 'TOTAL_FAILED' | 'INDETERMINATE';
  /** Sub-indication forced by this problem. */
  subIndication?: SubIndication;
  /** Message in the report language. */
  message: string;
}

/**
 * A warning with a stable key (the 2025 circular requires e.g. a warning when revocation cannot be checked).
 *
 * @example
 * ```ts
 * import type { ReportWarning } from '@motcua/signing';
 * const w: ReportWarning = { key: 'REVOCATION_UNAVAILABLE', message: 'Cảnh báo: không kiểm tra được tình trạng thu hồi' };
 * ```
 * @category Verification
 */
export interface ReportWarning {
  /** Stable key. */
  key: string;
  /** Message in the report language. */
  message: string;
}

/**
 * A certificate as shown in the report.
 *
 * @example
 * ```ts
 * import type { CertificateSummary } from '@motcua/signing';
 * const c: CertificateSummary = { subject: 'CN=Nguyễn Văn A, O=UBND tỉnh X, C=VN', issuer: 'CN=VNPT-CA SHA2, C=VN', serialNumber: '01ab', validFrom: '2024-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', sha256: '…' };
 * ```
 * @category Verification
 */
export interface CertificateSummary {
  /** Subject DN, most specific first. */
  subject: string;
  /** Issuer DN. */
  issuer: string;
  /** Certificate serial number (hex). */
  serialNumber: string;
  /** notBefore (ISO 8601). */
  validFrom: string;
  /** notAfter (ISO 8601). */
  validTo: string;
  /** SHA-256 fingerprint of the DER (hex). */
  sha256: string;
}

/**
 * Who signed, from the signer certificate (TT 15/2025 display fields).
 *
 * @example
 * ```ts
 * import type { SignerSummary } from '@motcua/signing';
 * const s: SignerSummary = { subject: 'CN=Nguyễn Văn A, O=UBND xã Y, C=VN', commonName: 'Nguyễn Văn A', organization: 'UBND xã Y', serialNumber: 'CCCD:001090000001', issuer: 'CN=VNPT-CA SHA2, O=VNPT, C=VN', caName: 'VNPT-CA SHA2', certificateSerialNumber: '5401…', validFrom: '2024-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z' };
 * ```
 * @category Verification
 */
export interface SignerSummary {
  /** Subject DN. */
  subject: string;
  /** Subject CN (the signer's name). */
  commonName?: string;
  /** Subject O (the unit that manages the certificate). */
  organization?: string;
  /** Subject OU. */
  organizationalUnit?: string;
  /** Subject serialNumber attribute (Vietnamese certificates put CCCD / MST / CMND here, or in UID). */
  serialNumber?: string;
  /** Subject UID (0.9.2342.19200300.100.1.1), used by Vietnamese CAs for CMND/CCCD/MST. */
  uid?: string;
  /** Issuer DN. */
  issuer: string;
  /** Issuing CA name (issuer CN, else O). */
  caName?: string;
  /** Certificate serial number (hex). */
  certificateSerialNumber: string;
  /** notBefore. */
  validFrom: string;
  /** notAfter. */
  validTo: string;
}

/**
 * A display row: the fields TT 15/2025/TT-BKHCN requires verification software to show.
 *
 * @example
 * ```ts
 * import type { DisplayField } from '@motcua/signing';
 * const row: DisplayField = { field: 'signer', label: 'Người ký', value: 'Nguyễn Văn A' };
 * ```
 * @category Verification
 */
export interface DisplayField {
  /** Stable key: result, signer, organization, issuer, signingTime, timestamp, integrity, validityAtSigning, certificateValidity, revocation, coverage. */
  field: string;
  /** Label in the report language. */
  label: string;
  /** Value in the report language. */
  value: string;
}

/**
 * The result for one signature or document timestamp.
 *
 * @example
 * ```ts
 * import { verifyPdf } from '@motcua/signing';
 * declare const pdf: Uint8Array;
 * const report = await verifyPdf(pdf, { trustAnchors: [] });
 * for (const s of report.signatures) console.log(s.indication, s.subIndication, s.signer?.commonName);
 * ```
 * @category Verification
 */
export interface SignatureReport {
  /** Position in the document (0-based, in revision order). */
  index: number;
  /** Signature or document timestamp. */
  type: 'signature' | 'doc-timestamp';
  /** Field name. */
  fieldName?: string;
  /** `/SubFilter`. */
  subFilter?: string;
  /** ETSI main indication. */
  indication: Indication;
  /** ETSI sub-indication. */
  subIndication?: SubIndication;
  /** The signer (or, for a document timestamp, the timestamping authority). */
  signer?: SignerSummary;
  /** The certification path, end entity first; the last element is the trust anchor when `trusted`. */
  chain: CertificateSummary[];
  /** Whether the chain reached a configured trust anchor. */
  trusted: boolean;
  /** Claimed signing time (signingTime attribute, else `/M`), ISO 8601: a claim only. */
  claimedSigningTime?: string;
  /** Signing time proven by a trusted timestamp (the best-signature-time), ISO 8601. */
  provenSigningTime?: string;
  /** Where the time used for validation comes from. */
  timeSource: 'signature-timestamp' | 'document-timestamp' | 'claimed' | 'validation-time';
  /** Signature timestamp, when present. */
  timestamp?: { genTime?: string; authority?: string; intact: boolean; trusted: boolean };
  /** Algorithms used. */
  algorithms: { digest?: string; signature?: string; keyBits?: number; keyType?: string };
  /** Cryptographic integrity: the digest of the signed bytes matches, and the signature value verifies. */
  integrity: { digestMatches: boolean; signatureValid: boolean };
  /**
   * What the signature covers. PDF: the reader's coverage class. XML and JWS: `whole-document` when
   * everything the caller reads is signed, `partial` otherwise (see {@link SignatureReport.scope}).
   */
  coverage: PdfSignatureField['coverage'] | 'whole-document';
  /** XML and JWS: exactly what this signature covers, one entry per reference (JWS: the payload). */
  scope?: SignedScopeEntry[];
  /** XML: where the `ds:Signature` element sits, e.g. `/TBao/DSCKS/CQT/Signature`. */
  elementPath?: string;
  /** JWS: the header parameters (protected ones first) and the serialization. */
  jws?: JwsSignatureInfo;
  /** `/ByteRange` as found. */
  byteRange?: number[];
  /** Revision the signature covers. */
  signedRevision?: number;
  /** Changes after the signed revision, by category. */
  modificationsAfter: PdfModification[];
  /** Revocation checks of the chain, with the evidence used (kept, as the 2025 circular requires). */
  revocation: {
    status: 'good' | 'revoked' | 'unknown' | 'not-checked';
    /** The time whose status was checked. */
    checkedAt?: string;
    certificates: CertificateRevocation[];
  };
  /** `/Reason`, `/Location` of the signature dictionary (claims). */
  reason?: string;
  /** `/Location`. */
  location?: string;
  /** The fields TT 15/2025/TT-BKHCN requires to be shown, in the report language. */
  display: DisplayField[];
  /** Warnings with stable keys. */
  warnings: ReportWarning[];
  /** Errors (that set the indication) and warnings, in check order. */
  problems: ReportProblem[];
}

/**
 * The verification report of a document. `valid` is true only when there is at least one signature,
 * every signature is TOTAL_PASSED, no document timestamp failed, and nothing unsigned changed the content.
 *
 * @example
 * ```ts
 * import { verifyPdf } from '@motcua/signing';
 * declare const pdf: Uint8Array;
 * const report = await verifyPdf(pdf, { trustAnchors: [] });
 * console.log(report.valid, report.summary);
 * ```
 * @category Verification
 */
export interface VerificationReport {
  /** The overall verdict. */
  valid: boolean;
  /** Document format. */
  format: 'pdf' | 'xml' | 'jws';
  /** Language of the messages. */
  lang: Lang;
  /** The validation time used (ISO 8601). */
  validationTime: string;
  /** One-line verdict in the report language. */
  summary: string;
  /** Whether content was changed after the last signature (outside validation data). */
  modifiedAfterLastSignature: boolean;
  /** Per signature. */
  signatures: SignatureReport[];
  /** Document-level problems. */
  problems: ReportProblem[];
  /**
   * XML: for each element the caller will read (`expectedSignedElements`, default the document
   * element), whether it is exactly a node a passing signature digested.
   */
  signedElements?: SignedElementCheck[];
  /**
   * JWS: the payload whose signature verified (decoded from base64url unless `b64: false`). Read the
   * data from here, never from the token again. Absent when no signature value verified.
   */
  payload?: Uint8Array;
}

/**
 * One thing an XML or JWS signature covers.
 *
 * @example
 * ```ts
 * import type { SignedScopeEntry } from '@motcua/signing';
 * const e: SignedScopeEntry = { kind: 'element', uri: '#Id-DLTBao', path: '/TBao/DLTBao', id: 'Id-DLTBao', transforms: ['http://www.w3.org/TR/2001/REC-xml-c14n-20010315'], digestAlgorithm: 'SHA-256', digestMatches: true };
 * ```
 * @category Verification
 */
export interface SignedScopeEntry {
  /**
   * `document`: `URI=""` (the whole document less the enveloped signature); `element`: a data element
   * by Id; `object`, `signature-properties`, `signed-properties`, `key-info`, `manifest`: parts of the
   * signature itself; `payload`: the JWS payload.
   */
  kind:
    | 'document'
    | 'element'
    | 'object'
    | 'signature-properties'
    | 'signed-properties'
    | 'key-info'
    | 'manifest'
    | 'payload';
  /** The reference URI as written. */
  uri?: string;
  /** Path of the digested element (XML). */
  path?: string;
  /** The Id it was found by. */
  id?: string;
  /** Transform algorithm URIs (XML). */
  transforms?: string[];
  /** Digest algorithm. */
  digestAlgorithm?: string;
  /** Whether the digest matched. */
  digestMatches: boolean;
  /** JWS: the payload was supplied separately (detached). */
  detached?: boolean;
}

/**
 * Whether one element the caller reads is covered by a signature (XML).
 *
 * @example
 * ```ts
 * import type { SignedElementCheck } from '@motcua/signing';
 * const c: SignedElementCheck = { selector: '/TBao/DLTBao', status: 'signed', path: '/TBao/DLTBao', signatures: [0, 1] };
 * ```
 * @category Verification
 */
export interface SignedElementCheck {
  /** The selector as given (`/` is the document element). */
  selector: string;
  /** `signed`: the single matching element lies inside what a passing signature digested. */
  status: 'signed' | 'not-signed' | 'missing' | 'ambiguous';
  /** The matching element's path. */
  path?: string;
  /** Indexes of the passing signatures that cover it. */
  signatures: number[];
}

/**
 * JWS header information of one signature.
 *
 * @example
 * ```ts
 * import type { JwsSignatureInfo } from '@motcua/signing';
 * const j: JwsSignatureInfo = { serialization: 'compact', alg: 'RS256', b64: true, protectedHeader: { alg: 'RS256', x5c: ['MII…'] } };
 * ```
 * @category Verification
 */
export interface JwsSignatureInfo {
  /** How the JWS was serialized. */
  serialization: 'compact' | 'flattened' | 'general';
  /** `alg` as written. */
  alg?: string;
  /** RFC 7797 `b64` (default true). */
  b64: boolean;
  /** The protected header. */
  protectedHeader?: Record<string, unknown>;
  /** The unprotected header (JSON serializations). */
  unprotectedHeader?: Record<string, unknown>;
}
