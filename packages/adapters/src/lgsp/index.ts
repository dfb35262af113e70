/**
 * `@motcua/adapters/lgsp`: the provincial integration platform (LGSP) — client-credentials
 * token (form body or HTTP Basic), `/Document/SyncDocument`, and the provincial proxy of
 * `DongBoHoSoMC`.
 *
 * @module
 */
export * from '../errors.ts';
export * from './client.ts';
