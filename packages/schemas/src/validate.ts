/**
 * Validation that never throws: a zod schema (errors) plus optional rule functions
 * (warnings), turned into localized {@link ValidationIssue}s.
 *
 * @module
 */
import type { z } from 'zod';
import { formatPath, type Lang, type Severity, type ValidationIssue, type ValidationResult } from './issues.ts';
import { formatMessage } from './messages.ts';

/**
 * An issue before localization: what schema refinements and warning rules produce.
 *
 * @example
 * ```ts
 * import type { RawIssue } from '@motcua/schemas';
 * const w: RawIssue = { code: 'DVCQG_NO_DIGITIZED_COMPONENT', path: ['TaiLieuNop'], severity: 'warning' };
 * ```
 * @category Validation
 */
export interface RawIssue {
  code: string;
  path: ReadonlyArray<string | number>;
  /** Defaults to `error`. */
  severity?: Severity;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * Builds the argument for zod's `ctx.addIssue` so that a refinement reports a
 * catalogued motcua code (see {@link MESSAGES}) instead of free text.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { customIssue } from '@motcua/schemas';
 * const due = z.object({ from: z.number(), to: z.number() }).superRefine((v, ctx) => {
 *   if (v.to < v.from) ctx.addIssue(customIssue('DVCQG_DUE_BEFORE_RECEIVED', undefined, ['to']));
 * });
 * ```
 * @category Validation
 */
export function customIssue(
  code: string,
  params?: Readonly<Record<string, string | number>>,
  path?: ReadonlyArray<string | number>,
): { code: 'custom'; message: string; params: Record<string, string | number>; path?: Array<string | number> } {
  const out: {
    code: 'custom';
    message: string;
    params: Record<string, string | number>;
    path?: Array<string | number>;
  } = { code: 'custom', message: code, params: { ...params, motcuaCode: code } };
  if (path !== undefined) out.path = [...path];
  return out;
}

/**
 * Options of {@link validateWith} and {@link validate}.
 *
 * @example
 * ```ts
 * import type { ValidateOptions } from '@motcua/schemas';
 * const opts: ValidateOptions = { lang: 'en' };
 * ```
 * @category Validation
 */
export interface ValidateOptions {
  /** Message language; Vietnamese by default. */
  lang?: Lang;
  /** Prefix prepended to every issue path (used when validating items of a batch). */
  pathPrefix?: ReadonlyArray<string | number>;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): RawIssue {
  const path = issue.path as Array<string | number>;
  switch (issue.code) {
    case 'invalid_type': {
      const received = valueAt(input, issue.path);
      if (received === undefined) return { code: 'REQUIRED', path };
      if (issue.expected === 'int' && typeof received === 'number' && Number.isFinite(received)) {
        if (!Number.isInteger(received)) return { code: 'NUMBER_NOT_INTEGER', path };
        return { code: 'NUMBER_TOO_BIG', path, params: { maximum: Number.MAX_SAFE_INTEGER } };
      }
      return { code: 'TYPE_INVALID', path, params: { expected: String(issue.expected), received: typeName(received) } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'STRING_TOO_LONG', path, params: { maximum: max } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'ARRAY_TOO_LONG', path, params: { maximum: max } };
      return { code: 'NUMBER_TOO_BIG', path, params: { maximum: max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min === 1 && valueAt(input, issue.path) === '') return { code: 'REQUIRED', path };
        return { code: 'STRING_TOO_SHORT', path, params: { minimum: min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'ARRAY_TOO_SHORT', path, params: { minimum: min } };
      return { code: 'NUMBER_TOO_SMALL', path, params: { minimum: min } };
    }
    case 'invalid_format':
      return { code: 'FORMAT_INVALID', path, params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'NUMBER_NOT_MULTIPLE', path, params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'UNKNOWN_KEY', path, params: { keys: issue.keys.join(', ') } };
    case 'invalid_union': {
      // A discriminated union names its discriminator: say which value is missing or not allowed.
      const d = issue as { discriminator?: unknown; options?: unknown };
      if (typeof d.discriminator === 'string') {
        if (valueAt(input, issue.path) === undefined) return { code: 'REQUIRED', path };
        const options = Array.isArray(d.options) ? d.options.map((v) => JSON.stringify(v)).join(', ') : '';
        return { code: 'VALUE_NOT_ALLOWED', path, params: { values: options } };
      }
      return { code: 'UNION_NO_MATCH', path };
    }
    case 'invalid_key':
      return { code: 'INVALID_KEY', path };
    case 'invalid_element':
      return { code: 'INVALID_ELEMENT', path };
    case 'invalid_value':
      return {
        code: 'VALUE_NOT_ALLOWED',
        path,
        params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') },
      };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      const code = typeof params.motcuaCode === 'string' ? params.motcuaCode : undefined;
      if (code === undefined) return { code: 'CUSTOM', path, params: { message: issue.message } };
      const { motcuaCode: _drop, ...rest } = params;
      return { code, path, params: rest };
    }
    default:
      return { code: 'CUSTOM', path, params: { message: (issue as { message: string }).message } };
  }
}

/**
 * Turns raw issues into localized {@link ValidationIssue}s.
 *
 * @example
 * ```ts
 * import { localizeIssues } from '@motcua/schemas';
 * localizeIssues([{ code: 'REQUIRED', path: ['MaHoSo'] }], { lang: 'en' });
 * // [{ path: 'MaHoSo', code: 'REQUIRED', severity: 'error', message: 'Required value is missing' }]
 * ```
 * @category Validation
 */
export function localizeIssues(raw: ReadonlyArray<RawIssue>, options: ValidateOptions = {}): ValidationIssue[] {
  const lang = options.lang ?? 'vi';
  const prefix = options.pathPrefix ?? [];
  return raw.map((r) => {
    const out: ValidationIssue = {
      path: formatPath([...prefix, ...r.path]),
      code: r.code,
      severity: r.severity ?? 'error',
      message: formatMessage(r.code, r.params, lang),
    };
    if (r.params !== undefined && Object.keys(r.params).length > 0) out.params = r.params;
    return out;
  });
}

/**
 * Validates `input` against any zod schema, then runs warning rules on the parsed value.
 * Never throws on bad input: a schema that throws is reported as an issue.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { validateWith } from '@motcua/schemas';
 * const r = validateWith(z.object({ MaHoSo: z.string() }), {}, undefined, { lang: 'en' });
 * r.ok; // false
 * r.issues[0]?.message; // 'Required value is missing'
 * ```
 * @category Validation
 */
export function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  warnings?: (value: T) => RawIssue[],
  options: ValidateOptions = {},
): ValidationResult<T> {
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = schema.safeParse(input, { reportInput: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: localizeIssues([{ code: 'CUSTOM', path: [], params: { message } }], options) };
  }
  if (!parsed.success) {
    return {
      ok: false,
      issues: localizeIssues(
        parsed.error.issues.map((i) => fromZodIssue(i, input)),
        options,
      ),
    };
  }
  const raw =
    warnings === undefined ? [] : warnings(parsed.data).map((w) => ({ ...w, severity: w.severity ?? 'warning' }));
  const issues = localizeIssues(raw, options);
  const hasError = issues.some((i) => i.severity === 'error');
  return hasError ? { ok: false, issues } : { ok: true, value: parsed.data, issues };
}
