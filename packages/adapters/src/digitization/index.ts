/**
 * `@motcua/adapters/digitization` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
