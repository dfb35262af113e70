/**
 * Bounded text fields shared by the canonical schemas. Internal to `canonical/`.
 *
 * @module
 */
import { z } from 'zod';

/**
 * Longest list the canonical schemas accept anywhere (files, components, history …).
 * Real dossiers are far smaller; the bound keeps hostile input from costing unbounded work.
 *
 * @internal
 */
export const MAX_LIST = 1000;

/**
 * A non-empty string of at most `max` characters. An empty string is reported as
 * `REQUIRED`, a longer one as `STRING_TOO_LONG`.
 *
 * @internal
 */
export function text(max: number): z.ZodString {
  return z.string().min(1).max(max);
}
