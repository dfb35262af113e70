/**
 * XML signatures (XMLDSig / XAdES): `verifyXml` with the wrapping defences of signatures.md §9
 * checks 25–30, and the reader limits.
 *
 * @module
 */
export type { XmlLimits } from './prescan.ts';
export { DEFAULT_XML_LIMITS } from './prescan.ts';
export type { XmlVerifyOptions } from './verify-xml.ts';
export { verifyXml } from './verify-xml.ts';
