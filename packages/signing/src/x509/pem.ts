/**
 * PEM / DER input handling for caller-supplied certificates, CRLs and OCSP responses.
 *
 * @module
 */
import { SignatureError } from '../errors.ts';

/**
 * Bytes or text as accepted by the public API (PEM text, PEM bytes or DER bytes).
 *
 * @example
 * ```ts
 * import type { BinaryOrPem } from '@motcua/signing';
 * const anchor: BinaryOrPem = '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----';
 * ```
 */
export type BinaryOrPem = Uint8Array | string;

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Splits an input into DER blobs. PEM text (any number of blocks, any labels in `labels`,
 * surrounding whitespace tolerated) or a single DER blob. rootca.gov.vn serves CRLs as PEM
 * (signatures.md §3.5), so CRL inputs go through here too.
 *
 * @example
 * ```ts
 * const ders = pemOrDer('-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----', ['CERTIFICATE']);
 * ```
 */
export function pemOrDer(input: BinaryOrPem, labels: readonly string[]): Uint8Array[] {
  const asText =
    typeof input === 'string' ? input : looksLikeText(input) ? Buffer.from(input).toString('latin1') : undefined;
  if (asText?.includes('-----BEGIN ')) {
    const out: Uint8Array[] = [];
    for (const m of asText.matchAll(PEM_RE)) {
      if (!labels.includes(m[1] as string)) continue;
      const body = (m[2] as string).replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body))
        throw new SignatureError('INVALID_INPUT', `bad base64 in PEM block ${m[1]}`);
      out.push(new Uint8Array(Buffer.from(body, 'base64')));
    }
    if (out.length === 0) throw new SignatureError('INVALID_INPUT', `no PEM block of type ${labels.join(' / ')}`);
    return out;
  }
  if (typeof input === 'string') {
    // Bare base64 (some services answer a CRL/OCSP as base64 text).
    const body = input.replace(/\s+/g, '');
    if (body.length > 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(body)) return [new Uint8Array(Buffer.from(body, 'base64'))];
    throw new SignatureError('INVALID_INPUT', 'input is neither PEM nor DER');
  }
  // DER, possibly with surrounding whitespace stripped by the caller already.
  if (input.length < 2 || input[0] !== 0x30) throw new SignatureError('INVALID_INPUT', 'input is neither PEM nor DER');
  return [input];
}

function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 64);
  let i = 0;
  while (
    i < n &&
    (b[i] === 0x20 ||
      b[i] === 0x0a ||
      b[i] === 0x0d ||
      b[i] === 0x09 ||
      b[i] === 0xef ||
      b[i] === 0xbb ||
      b[i] === 0xbf)
  )
    i++;
  return b[i] === 0x2d; // '-'
}

/** Encodes DER as PEM text. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
