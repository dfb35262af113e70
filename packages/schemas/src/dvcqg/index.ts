/**
 * `@motcua/schemas/dvcqg`: the exact wire shapes exchanged with Cổng DVCQG.
 *
 * @module
 */
export { DVCQG_KINDS } from './kinds.ts';
export { DVCQG_MESSAGES } from './messages.ts';
