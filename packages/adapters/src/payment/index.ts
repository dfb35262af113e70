/**
 * `@motcua/adapters/payment` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
