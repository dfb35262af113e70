/**
 * `@motcua/adapters/lgsp` (in progress).
 *
 * @module
 */
export * from '../errors.ts';
