/**
 * Options of {@link verifyPdf}.
 *
 * @module
 */
import type { PdfReadLimits } from '../pdf/types.ts';
import type { RevocationFetcher } from '../revocation/check.ts';
import type { BinaryOrPem } from '../x509/pem.ts';
import type { Lang } from './messages.ts';

/**
 * The dated cryptographic policy (signatures.md §9 check 18). Vietnamese legacy documents use
 * SHA-1 and short RSA keys; a document signed with them passes only when a timestamp (proof of
 * existence) predates the sunset.
 *
 * @example
 * ```ts
 * import type { VerifyPolicy } from '@motcua/signing';
 * // Accept SHA-1 for signatures proven to exist before 2020 (a Vietnamese archive policy).
 * const policy: VerifyPolicy = { sha1AllowedBefore: new Date('2020-01-01T00:00:00Z'), rsaMinBits: 2048 };
 * ```
 * @category Verification
 */
export interface VerifyPolicy {
  /** SHA-1 (and RIPEMD-160) is accepted only for times before this. Default 2012-08-01 (ETSI TS 119 312 via DSS). */
  sha1AllowedBefore?: Date;
  /** Minimum RSA modulus size. Default 2048 (TT 15/2025/TT-BKHCN Phụ lục I). */
  rsaMinBits?: number;
  /** Minimum EC key size. Default 256. */
  ecMinBits?: number;
  /** Shorter RSA / EC keys are accepted only for times before this. Default 2019-10-01 (DSS). */
  legacyRsaAllowedBefore?: Date;
  /**
   * Missing revocation information: `require` (default) makes the signature INDETERMINATE / TRY_LATER
   * with a warning; `warn` keeps only the warning (the 2025 circular requires at least the warning).
   */
  revocation?: 'require' | 'warn';
  /** CRL / OCSP evidence issued this long before the time that matters, with no covering nextUpdate, is stale. Default 7 days. */
  revocationMaxAgeMs?: number;
  /**
   * Signed attributes not in DER order (RFC 5652 §5.3 requires DER): `fail` (default, TOTAL_FAILED /
   * FORMAT_FAILURE, as DSS and the ETSI plugtests) or `warn`. The signature is always checked over the
   * attributes exactly as encoded, never re-sorted.
   */
  signedAttributesOrder?: 'fail' | 'warn';
}

/**
 * Options of {@link verifyPdf}. Nothing is trusted by default: pass the roots you trust
 * (for Vietnamese roots see the opt-in `vietnameseTrustBundle`).
 *
 * @example
 * ```ts
 * import { verifyPdf, type VerifyOptions } from '@motcua/signing';
 * declare const rootPem: string;
 * const options: VerifyOptions = { trustAnchors: [rootPem], validationTime: new Date('2025-06-01T00:00:00Z'), lang: 'en' };
 * ```
 * @category Verification
 */
export interface VerifyOptions {
  /** Trust anchors (PEM text with one or more certificates, or DER). */
  trustAnchors: readonly BinaryOrPem[];
  /** Extra intermediate certificates for path building. */
  intermediates?: readonly BinaryOrPem[];
  /** CRLs (DER or PEM-armoured). */
  crls?: readonly BinaryOrPem[];
  /** OCSP responses (DER OCSPResponse or BasicOCSPResponse). */
  ocspResponses?: readonly Uint8Array[];
  /** Injected fetcher for CRL / OCSP (none by default: the library does no network I/O). */
  fetcher?: RevocationFetcher;
  /** Validation time; default now. */
  validationTime?: Date;
  /** Cryptographic and revocation policy. */
  policy?: VerifyPolicy;
  /** Language of the report texts; default Vietnamese. */
  lang?: Lang;
  /** Limits for the PDF reader. */
  pdfLimits?: PdfReadLimits;
}
