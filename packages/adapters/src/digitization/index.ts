/**
 * `@motcua/adapters/digitization`: the DVCQG digitization store (`GetKetQuaGiayTo`,
 * `GetGiayToByUrl`) and its evidence source for the reuse engine.
 *
 * @module
 */
export * from '../errors.ts';
export * from './client.ts';
