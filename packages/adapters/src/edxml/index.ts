/**
 * `@motcua/adapters/edxml` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
