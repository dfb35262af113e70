import type { Kind } from '../kind.ts';

/** The validation kinds of this module. */
export const CANONICAL_KINDS: ReadonlyArray<Kind> = [];
