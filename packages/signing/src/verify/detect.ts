/**
 * One entry point for any signed document: detects PDF, XML or JWS from the bytes and runs the
 * matching verifier, so every format gets the same trust, time and revocation rules and the same
 * report shape.
 *
 * @module
 */
import { SignatureError } from '../errors.ts';
import { type JwsVerifyOptions, verifyJws } from '../jws/verify-jws.ts';
import { hasPdfHeader } from '../pdf/header.ts';
import { verifyXml, type XmlVerifyOptions } from '../xml/verify-xml.ts';
import type { VerificationReport } from './report.ts';
import { verifyPdf } from './verify-pdf.ts';

/**
 * A signed document's format.
 *
 * @example
 * ```ts
 * import type { SignedFormat } from '@motcua/signing';
 * const f: SignedFormat = 'xml';
 * ```
 * @category Verification
 */
export type SignedFormat = VerificationReport['format'];

/**
 * Options of {@link verifyDocument}: the common options plus those of the XML and JWS verifiers
 * (ignored for other formats).
 *
 * @example
 * ```ts
 * import type { DocumentVerifyOptions } from '@motcua/signing';
 * declare const rootPem: string;
 * const o: DocumentVerifyOptions = { trustAnchors: [rootPem], expectedSignedElements: ['/TBao/DLTBao'], algorithms: ['PS256', 'ES256'] };
 * ```
 * @category Verification
 */
export interface DocumentVerifyOptions extends XmlVerifyOptions, JwsVerifyOptions {}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/**
 * Detects the format from the bytes: `%PDF-` in the first KiB; a compact JWS token or a JSON
 * object; XML markup. `undefined` when none fits.
 *
 * @example
 * ```ts
 * import { detectFormat } from '@motcua/signing';
 * detectFormat(new TextEncoder().encode('<a/>')); // 'xml'
 * ```
 * @category Verification
 */
export function detectFormat(bytes: Uint8Array): SignedFormat | undefined {
  if (hasPdfHeader(bytes)) return 'pdf';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const start = head.replace(/^(\xef\xbb\xbf)?[\s]*/, '');
  if (start.startsWith('<')) return 'xml';
  if (start.startsWith('{')) return 'jws';
  if (bytes.length <= 16 * 1024 * 1024) {
    const text = Buffer.from(bytes)
      .toString('latin1')
      .replace(/^(\xef\xbb\xbf)?\s+|\s+$/g, '');
    if (COMPACT.test(text)) return 'jws';
  }
  return undefined;
}

/**
 * Verifies a signed PDF, XML document or JWS, detected from its bytes.
 *
 * @throws {SignatureError} `INVALID_INPUT` when the bytes are none of the three formats, or the
 * options' anchors / CRLs are unreadable.
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { verifyDocument } from '@motcua/signing';
 * const report = await verifyDocument(await readFile('ket-qua.xml'), { trustAnchors: [await readFile('root.pem', 'utf8')] });
 * console.log(report.format, report.valid);
 * ```
 * @category Verification
 */
export async function verifyDocument(bytes: Uint8Array, options: DocumentVerifyOptions): Promise<VerificationReport> {
  switch (detectFormat(bytes)) {
    case 'pdf':
      return verifyPdf(bytes, options);
    case 'xml':
      return verifyXml(bytes, options);
    case 'jws':
      return verifyJws(bytes, options);
    default:
      throw new SignatureError('INVALID_INPUT', 'not a signed PDF, XML document or JWS');
  }
}
