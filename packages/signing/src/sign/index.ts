/**
 * Producing signatures: the `Signer` port (software key, PKCS#12, external digest signer such as a
 * USB token or the NEAC remote-signing gateway), `signPdf` (PAdES B-B / B-T incremental update,
 * optional seal appearance), `signXml` (enveloped XMLDSig, edXML and the tax authority's pattern)
 * and `signJws` (JAdES-like JWS with `x5c`).
 *
 * @module
 */
export type { TsaClient } from './cms-builder.ts';
export { timestampRequest, timestampTokenOf } from './cms-builder.ts';
export { pkcs12Signer } from './pkcs12.ts';
export type { SignJwsOptions } from './sign-jws.ts';
export { signJws } from './sign-jws.ts';
export type { SignatureAppearance, SignPdfOptions } from './sign-pdf.ts';
export { signPdf } from './sign-pdf.ts';
export type { SignXmlOptions } from './sign-xml.ts';
export { signXml } from './sign-xml.ts';
export type {
  ExternalSignerOptions,
  HashName,
  SignatureScheme,
  Signer,
  SignRequest,
  SoftwareSignerOptions,
} from './signer.ts';
export { digestInfo, externalSigner, softwareSigner } from './signer.ts';
