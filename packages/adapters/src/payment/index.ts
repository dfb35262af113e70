/**
 * `@motcua/adapters/payment`: the DVCQG payment platform — `INIT`, `QUERY`, `GET_BILL`
 * with their `MaXacThuc` checksums, and verification of the confirm callback (constant-time
 * checksum comparison, replay protection).
 *
 * @module
 */
export * from '../errors.ts';
export * from './callback.ts';
export * from './client.ts';
export * from './messages.ts';
