/**
 * Recognising a PDF by its header.
 *
 * @module
 */

/**
 * Whether `%PDF-` appears in the first 1024 bytes — where ISO 32000-1 §7.5.2 lets readers
 * find it (real files may start with a few bytes of junk). A quick test of what a file is,
 * not a validation.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { hasPdfHeader } from '@motcua/signing/pdf';
 * hasPdfHeader(readFileSync('ket-qua.pdf').subarray(0, 1024)); // true
 * ```
 * @category PDF
 */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) - 5;
  for (let i = bytes.indexOf(0x25); i >= 0 && i <= n; i = bytes.indexOf(0x25, i + 1)) {
    if (bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}
