/**
 * `@motcua/adapters/edxml`: edXML (QCVN 102:2016) envelopes with the explicit `edXML:`
 * prefixes the national exchange requires, attachments streamed in base64, status
 * messages, and signing through `@motcua/signing` (whole-document or streaming).
 *
 * @module
 */
export * from '../errors.ts';
export * from './base64.ts';
export * from './model.ts';
export * from './read.ts';
export * from './status.ts';
export * from './write.ts';
