/**
 * The one error class of `@motcua/signing`.
 *
 * Verification never throws on a bad document (it returns a report); this error is thrown
 * internally by parsers and by API misuse (bad options), and caught at the report boundary.
 *
 * @module
 */

/**
 * Stable error codes of {@link SignatureError}; callers can `switch` on them.
 *
 * @example
 * ```ts
 * import { SignatureError, type SignatureErrorCode } from '@motcua/signing';
 * function describe(err: unknown): SignatureErrorCode | undefined {
 *   return err instanceof SignatureError ? err.code : undefined;
 * }
 * ```
 * @category Errors
 */
export type SignatureErrorCode =
  /** Malformed BER/DER. */
  | 'ASN1_MALFORMED'
  /** A CMS structure is not what PDF signatures allow (content type, SignedData version, …). */
  | 'CMS_MALFORMED'
  /** A certificate could not be decoded. */
  | 'CERTIFICATE_MALFORMED'
  /** A CRL or OCSP response could not be decoded. */
  | 'REVOCATION_MALFORMED'
  /** A timestamp token could not be decoded. */
  | 'TIMESTAMP_MALFORMED'
  /** An algorithm is unknown or not supported. */
  | 'UNSUPPORTED_ALGORITHM'
  /** A PEM/DER input given by the caller (trust anchor, CRL file, …) is unreadable. */
  | 'INVALID_INPUT'
  /** The caller's options are inconsistent. */
  | 'INVALID_OPTIONS'
  /** A file to verify could not be opened or read (`verifyPdfFile`). */
  | 'FILE_UNREADABLE';

/**
 * Error raised by the signing package, with a stable `code` and the original `cause`.
 *
 * @example
 * ```ts
 * import { SignatureError } from '@motcua/signing';
 * try {
 *   throw new SignatureError('INVALID_INPUT', 'not a certificate');
 * } catch (e) {
 *   if (e instanceof SignatureError && e.code === 'INVALID_INPUT') console.log(e.message);
 * }
 * ```
 * @category Errors
 */
export class SignatureError extends Error {
  /** Stable machine-readable code. */
  readonly code: SignatureErrorCode;

  constructor(code: SignatureErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignatureError';
    this.code = code;
  }
}
