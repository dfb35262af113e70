/**
 * `@motcua/adapters/vietqr`: VietQR (NAPAS EMVCo merchant-presented QR) encode and
 * decode, with the EMVCo TLV layer and CRC-16/CCITT-FALSE.
 *
 * @module
 */
export * from '../errors.ts';
export * from './tlv.ts';
export * from './vietqr.ts';
