/**
 * `@motcua/adapters/vietqr` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
