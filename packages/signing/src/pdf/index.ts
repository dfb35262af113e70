/**
 * PDF signatures: the strict, revision-aware reader (signatures.md §9 checks 1–12) and the
 * verification built on it (`verifyPdf`, `verifyPdfFile`), without the XML, JWS and signing code —
 * what a program that only verifies PDFs needs to load.
 *
 * @module
 */

export { SignatureError, type SignatureErrorCode } from '../errors.ts';
export { verifyPdf } from '../verify/verify-pdf.ts';
export {
  type PdfFileRead,
  type PdfFileTuning,
  verifyPdfFile,
  verifyPdfFileWith,
} from '../verify/verify-pdf-file.ts';
export { hasPdfHeader } from './header.ts';
export { DEFAULT_PDF_READ_LIMITS } from './limits.ts';
export { readPdfSignatures, signedBytes } from './read.ts';
export { SUPPORTED_PDF_SUBFILTERS } from './signature-dict.ts';
export type * from './types.ts';
