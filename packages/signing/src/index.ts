export type { SignatureErrorCode } from './errors.ts';
export { SignatureError } from './errors.ts';
export * from './jws/index.ts';
export * from './pdf/index.ts';
export type { CertificateRevocation, EvidenceOrigin, RevocationFetcher } from './revocation/check.ts';
export * from './sign/index.ts';
export type { BundledCertificate } from './trust-bundle/vn.ts';
export { vietnameseTrustBundle } from './trust-bundle/vn.ts';
export type { DocumentVerifyOptions, SignedFormat } from './verify/detect.ts';
export { detectFormat, verifyDocument } from './verify/detect.ts';
export type { Indication, SubIndication } from './verify/findings.ts';
export type { Lang } from './verify/messages.ts';
export type { VerifyOptions, VerifyPolicy } from './verify/options.ts';
export type {
  CertificateSummary,
  DisplayField,
  JwsSignatureInfo,
  ReportProblem,
  ReportWarning,
  SignatureReport,
  SignedElementCheck,
  SignedScopeEntry,
  SignerSummary,
  VerificationReport,
} from './verify/report.ts';
export type { BinaryOrPem } from './x509/pem.ts';
export * from './xml/index.ts';
