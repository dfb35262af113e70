/**
 * The strict, revision-aware PDF signature reader (signatures.md §9 checks 1–12).
 *
 * @module
 */
export { DEFAULT_PDF_READ_LIMITS } from './limits.ts';
export { readPdfSignatures, signedBytes } from './read.ts';
export { SUPPORTED_PDF_SUBFILTERS } from './signature-dict.ts';
export type * from './types.ts';
