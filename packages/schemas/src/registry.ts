/**
 * The registry of validation kinds and the top-level {@link validate} function.
 *
 * @module
 */
import { CANONICAL_KINDS } from './canonical/kinds.ts';
import { DVCQG_KINDS } from './dvcqg/kinds.ts';
import type { ValidationResult } from './issues.ts';
import type { Kind } from './kind.ts';
import { localizeIssues, type ValidateOptions } from './validate.ts';

/**
 * Every built-in kind, by name.
 *
 * @example
 * ```ts
 * import { KINDS } from '@motcua/schemas';
 * Object.keys(KINDS); // ['dvcqg-dossier', 'dvcqg-progress', …, 'dossier', 'procedure', …]
 * ```
 * @category Validation
 */
export const KINDS: Readonly<Record<string, Kind>> = Object.fromEntries(
  [...DVCQG_KINDS, ...CANONICAL_KINDS].map((k) => [k.kind, k]),
);

/**
 * Names of the built-in kinds.
 *
 * @example
 * ```ts
 * import { kindNames } from '@motcua/schemas';
 * kindNames().includes('dvcqg-dossier'); // true
 * ```
 * @category Validation
 */
export function kindNames(): string[] {
  return Object.keys(KINDS);
}

/**
 * Validates `input` as the named kind. Never throws on bad input, including an unknown
 * kind: that is reported as a `KIND_UNKNOWN` issue.
 *
 * @example
 * ```ts
 * import { validate } from '@motcua/schemas';
 * const r = validate('dvcqg-progress', { MaHoSo: '000.00.00.H56-250701-0001' }, { lang: 'en' });
 * if (!r.ok) for (const i of r.issues) console.log(i.path, i.code, i.message);
 * ```
 * @category Validation
 */
export function validate(kind: string, input: unknown, options: ValidateOptions = {}): ValidationResult<unknown> {
  const def = KINDS[kind];
  if (def === undefined) {
    return {
      ok: false,
      issues: localizeIssues(
        [{ code: 'KIND_UNKNOWN', path: [], params: { kind, kinds: kindNames().join(', ') } }],
        options,
      ),
    };
  }
  return def.validate(input, options);
}
