/**
 * Turns an identifier parser into a zod schema. Internal to `ids/`.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';
import type { IdentifierResult } from './result.ts';

/**
 * A `string → string` zod schema whose refinement reports every error-severity problem
 * of `parse` as a catalogued issue (via {@link customIssue}). Warnings have no place in
 * a zod result; callers who want them use the parser.
 */
export function identifierSchema(parse: (value: string) => IdentifierResult<unknown>): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    for (const p of parse(value).problems) {
      if (p.severity === 'error') ctx.addIssue(customIssue(p.code, p.params));
    }
  });
}
