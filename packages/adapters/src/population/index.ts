/**
 * `@motcua/adapters/population` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
