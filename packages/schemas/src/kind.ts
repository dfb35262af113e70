/**
 * A validation kind: a named schema plus its warning rules, as used by
 * {@link validate} and `motcua validate --as <kind>`.
 *
 * @module
 */
import { z } from 'zod';
import type { ValidationResult } from './issues.ts';
import type { MessageTemplate } from './messages.ts';
import { type RawIssue, type ValidateOptions, validateWith } from './validate.ts';

/**
 * A named validator as the registry holds it (the item type erased).
 *
 * @example
 * ```ts
 * import { KINDS, type Kind } from '@motcua/schemas';
 * const k: Kind | undefined = KINDS['dvcqg-progress'];
 * ```
 * @category Validation
 */
export interface Kind {
  /** The name used by `validate(kind, …)` and `--as`. */
  readonly kind: string;
  /** What the kind is, in both languages. */
  readonly title: MessageTemplate;
  /** The schema of one item; its JSON Schema is generated at build time. */
  readonly schema: z.ZodType;
  /** Validates an input (which may be a batch, for kinds that accept several shapes). */
  validate(input: unknown, options?: ValidateOptions): ValidationResult<unknown>;
}

/**
 * A named, documented validator with its item type.
 *
 * @example
 * ```ts
 * import { defineKind } from '@motcua/schemas';
 * import { z } from 'zod';
 * const kind = defineKind({
 *   kind: 'note',
 *   title: { vi: 'Ghi chú', en: 'Note' },
 *   schema: z.object({ text: z.string() }),
 * });
 * kind.validate({ text: 'xin chào' }).ok; // true
 * ```
 * @category Validation
 */
export interface KindDefinition<T = unknown> extends Kind {
  /** The schema of one item; its JSON Schema is generated at build time. */
  readonly schema: z.ZodType<T>;
  /** Warning rules run on a structurally valid item. */
  readonly warnings?: ((value: T) => RawIssue[]) | undefined;
  /** Validates an input (which may be a batch, for kinds that accept several shapes). */
  validate(input: unknown, options?: ValidateOptions): ValidationResult<unknown>;
}

/**
 * Creates a {@link KindDefinition}. Pass `validate` to accept more shapes than the
 * item schema (for example an array or a request envelope around items).
 *
 * @example
 * ```ts
 * import { defineKind } from '@motcua/schemas';
 * import { z } from 'zod';
 * const amount = defineKind({ kind: 'amount', title: { vi: 'Số tiền', en: 'Amount' }, schema: z.number().int().min(0) });
 * amount.validate(-1, { lang: 'en' }).issues[0]?.code; // 'NUMBER_TOO_SMALL'
 * ```
 * @category Validation
 */
export function defineKind<T>(def: {
  kind: string;
  title: MessageTemplate;
  schema: z.ZodType<T>;
  warnings?: (value: T) => RawIssue[];
  validate?: (input: unknown, options?: ValidateOptions) => ValidationResult<unknown>;
}): KindDefinition<T> {
  const { validate, ...rest } = def;
  // Compiled on first use: importing the package (in every worker thread too) stays cheap.
  let fast: z.ZodType<T> | undefined;
  return {
    ...rest,
    validate:
      validate ??
      ((input, options) => {
        fast ??= compiled(def.schema);
        return validateWith(fast, input, def.warnings, options);
      }),
  };
}

/**
 * The schema with zod's ahead-of-time compiled fast path (`z.compile`): valid inputs take
 * generated code, invalid ones fall back to the regular parser, so issues are identical.
 * Where code generation is unavailable (a CSP that forbids `new Function`) or the schema
 * cannot be compiled, the schema is used as it is.
 *
 * @example
 * ```ts
 * import { compiled } from '@motcua/schemas';
 * import { z } from 'zod';
 * const fast = compiled(z.object({ MaHoSo: z.string() }));
 * fast.safeParse({ MaHoSo: 'x' }).success; // true
 * ```
 * @category Validation
 */
export function compiled<S extends z.ZodType>(schema: S): S {
  try {
    return z.compile(schema);
  } catch {
    return schema;
  }
}
