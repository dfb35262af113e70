/**
 * `@motcua/adapters/dvcqg`: the Cổng DVCQG client (login, catalogues, `TraCuuHoSo`, the
 * `DongBoHoSoMC` upsert, chunked `CapNhatTienDoHoSoMC`) and the canonical ⇄ wire codecs.
 *
 * @module
 */

export * from '../codecs/index.ts';
export * from '../errors.ts';
export * from '../http/index.ts';
export * from './catalogs.ts';
export * from './client.ts';
