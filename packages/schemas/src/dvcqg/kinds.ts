import type { Kind } from '../kind.ts';

/** The validation kinds of this module. */
export const DVCQG_KINDS: ReadonlyArray<Kind> = [];
