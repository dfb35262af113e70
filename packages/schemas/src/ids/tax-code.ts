/**
 * Mã số thuế (MST, tax code).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import { decodePersonalId, type PersonalIdFacts } from './personal-id.ts';
import type { IdentifierProblem, IdentifierResult } from './result.ts';

/**
 * What a mã số thuế encodes.
 *
 * @example
 * ```ts
 * import type { TaxCodeFacts } from '@motcua/schemas/ids';
 * const branch: TaxCodeFacts = { form: 'branch', base: '0100109106', branchSuffix: '001', checkDigitVerified: true };
 * ```
 * @category Identifiers
 */
export interface TaxCodeFacts {
  /**
   * `entity`: 10 digits (legal entity, head unit or individual); `branch`: 10 digits,
   * `-` and a 3-digit suffix (dependent unit); `personal-id`: a 12-digit số định danh
   * cá nhân accepted as a personal tax code (only with `acceptPersonalId`).
   */
  form: 'entity' | 'branch' | 'personal-id';
  /** The 10 digits of the entity (or the 12 digits of the personal identification number). */
  base: string;
  /** The 3-digit suffix of a dependent unit; it carries no checksum. */
  branchSuffix?: string;
  /**
   * `true` only when the 10th digit was checked and matched. `false` when the weighted
   * sum is divisible by 11 (cannot be verified), when it did not match, and for the
   * `personal-id` form (which has no check digit).
   */
  checkDigitVerified: boolean;
  /** Decoded personal identification number, for the `personal-id` form. */
  personalId?: PersonalIdFacts;
}

/**
 * Options of {@link parseTaxCode}.
 *
 * @example
 * ```ts
 * import type { TaxCodeOptions } from '@motcua/schemas/ids';
 * const opts: TaxCodeOptions = { acceptPersonalId: true };
 * ```
 * @category Identifiers
 */
export interface TaxCodeOptions {
  /**
   * Also accept a 12-digit số định danh cá nhân, validated as by `parsePersonalId`.
   * Use it where a personal tax code is expected: from 2025 the personal identification
   * number reportedly serves as the personal tax code (identifiers.md §7.3–7.4, unconfirmed).
   */
  acceptPersonalId?: boolean;
  /** Passed to the personal-identification-number check (future birth year); defaults to `new Date()`. */
  now?: Date;
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
const ENTITY = /^\d{10}$/;
const BRANCH = /^(\d{10})-(\d{3})$/;
const BRANCH_UNDASHED = /^(\d{10})(\d{3})$/;
const BRANCH_BAD_SUFFIX = /^\d{10}-/;
const TWELVE_DIGITS = /^\d{12}$/;
const NINE_DIGITS = /^\d{9}$/;

/** `S mod 11` of the first nine digits (identifiers.md §7.2). */
function weightedRemainder(first9: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first9.charAt(i)) * (WEIGHTS[i] ?? 0);
  return sum % 11;
}

/**
 * Computes the check digit (10th digit) of a mã số thuế from its first nine digits:
 * `S = Σ Nᵢ × Wᵢ` with `W = [31, 29, 23, 19, 17, 13, 7, 5, 3]`, `r = S mod 11`,
 * check digit `10 − r`, and `0` when `r = 10` (identifiers.md §7.2; TT 105/2020/TT-BTC
 * as implemented publicly). Never `11 − r`.
 *
 * Returns `undefined` when `r = 0`: sources disagree whether such prefixes are never
 * issued or take check digit `0`, so a generator must not use them.
 *
 * A helper for generating trusted values: it throws a `RangeError` unless given
 * exactly nine ASCII digits.
 *
 * @example
 * ```ts
 * import { taxCodeCheckDigit } from '@motcua/schemas/ids';
 * taxCodeCheckDigit('010010910'); // 6 → 0100109106
 * taxCodeCheckDigit('010000001'); // 0 → 0100000010
 * taxCodeCheckDigit('010000005'); // undefined (cannot be determined)
 * ```
 * @category Identifiers
 */
export function taxCodeCheckDigit(first9: string): number | undefined {
  if (typeof first9 !== 'string' || !NINE_DIGITS.test(first9)) {
    throw new RangeError('taxCodeCheckDigit: expected exactly nine ASCII digits');
  }
  const r = weightedRemainder(first9);
  if (r === 0) return undefined;
  return r === 10 ? 0 : 10 - r;
}

/** Checks the 10-digit base; `verified` is true only on a checked match. */
function checkBase(base: string): { verified: boolean; problems: IdentifierProblem[] } {
  const r = weightedRemainder(base.slice(0, 9));
  const actual = Number(base.charAt(9));
  // identifiers.md §7.4: r = 0 gives 10 − r = 10, not a digit; implementations disagree,
  // so the code is neither accepted as verified nor rejected.
  if (r === 0) return { verified: false, problems: [problem('ID_TAX_CHECK_DIGIT_UNVERIFIABLE', 'warning')] };
  const expected = r === 10 ? 0 : 10 - r;
  if (actual === expected) return { verified: true, problems: [] };
  return { verified: false, problems: [problem('ID_TAX_CHECK_DIGIT', 'error', { expected, actual })] };
}

/**
 * Parses a mã số thuế (MST, tax code) per identifiers.md §7: 10 digits whose last is a
 * check digit, or the 13-character dependent-unit form `NNNNNNNNNN-NNN`.
 *
 * Rules:
 * - check digit (identifiers.md §7.2, §7.4): `r = S mod 11`; `r = 10` requires `0`,
 *   `1 ≤ r ≤ 9` requires `10 − r` (else error `ID_TAX_CHECK_DIGIT`); `r = 0` is not
 *   rejected but reported as warning `ID_TAX_CHECK_DIGIT_UNVERIFIABLE`;
 * - branch form: the first 10 are checked as above; the suffix must be 3 digits
 *   (`ID_TAX_BRANCH_SUFFIX`);
 * - 13 digits without the hyphen → error `ID_TAX_BRANCH_DASH`, whose params carry the
 *   corrected form. No source shows systems exchanging the undashed form, and accepting
 *   it would make a 13-digit typo of a 12-digit number pass silently; the specific code
 *   tells the integrator exactly what to fix. Facts are still decoded;
 * - 12 digits → a personal identification number: accepted (validated as such) only with
 *   `acceptPersonalId`, otherwise error `ID_TAX_PERSONAL_ID_NOT_ACCEPTED`;
 * - anything else → error `ID_TAX_FORMAT`.
 *
 * @example
 * ```ts
 * import { parseTaxCode } from '@motcua/schemas/ids';
 * parseTaxCode('0100109106').valid; // true (Viettel)
 * parseTaxCode('0100109107').problems[0]?.code; // 'ID_TAX_CHECK_DIGIT'
 * parseTaxCode('0100109106-001').facts; // { form: 'branch', base: '0100109106', branchSuffix: '001', checkDigitVerified: true }
 * ```
 * @category Identifiers
 */
export function parseTaxCode(value: string, options: TaxCodeOptions = {}): IdentifierResult<TaxCodeFacts, 'tax-code'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('tax-code', prepared.input, prepared.problems);
  const { input } = prepared;
  const problems = [...prepared.problems];
  const code = prepared.value;

  if (ENTITY.test(code)) {
    const check = checkBase(code);
    problems.push(...check.problems);
    return resultOf('tax-code', input, problems, { form: 'entity', base: code, checkDigitVerified: check.verified });
  }
  const branch = BRANCH.exec(code) ?? BRANCH_UNDASHED.exec(code);
  if (branch !== null) {
    const [, base = '', branchSuffix = ''] = branch;
    if (!code.includes('-')) {
      problems.push(problem('ID_TAX_BRANCH_DASH', 'error', { suggestion: `${base}-${branchSuffix}` }));
    }
    const check = checkBase(base);
    problems.push(...check.problems);
    return resultOf('tax-code', input, problems, {
      form: 'branch',
      base,
      branchSuffix,
      checkDigitVerified: check.verified,
    });
  }
  if (BRANCH_BAD_SUFFIX.test(code)) {
    problems.push(problem('ID_TAX_BRANCH_SUFFIX', 'error'));
    return resultOf('tax-code', input, problems);
  }
  if (TWELVE_DIGITS.test(code)) {
    if (options.acceptPersonalId !== true) {
      problems.push(problem('ID_TAX_PERSONAL_ID_NOT_ACCEPTED', 'error'));
      return resultOf('tax-code', input, problems);
    }
    const decoded = decodePersonalId(code, options.now ?? new Date());
    if (decoded !== undefined) {
      problems.push(...decoded.problems);
      return resultOf('tax-code', input, problems, {
        form: 'personal-id',
        base: code,
        checkDigitVerified: false,
        personalId: decoded.facts,
      });
    }
  }
  problems.push(problem('ID_TAX_FORMAT', 'error'));
  return resultOf('tax-code', input, problems);
}

/**
 * Zod schema of a mã số thuế of an organisation or dependent unit: 10 digits with a
 * valid check digit, or `NNNNNNNNNN-NNN` (see {@link parseTaxCode}).
 *
 * @example
 * ```ts
 * import { taxCodeSchema } from '@motcua/schemas/ids';
 * taxCodeSchema.safeParse('0106001236').success; // true
 * taxCodeSchema.safeParse('0106001237').success; // false (ID_TAX_CHECK_DIGIT)
 * ```
 * @category Identifiers
 */
export const taxCodeSchema: z.ZodType<string> = identifierSchema((v) => parseTaxCode(v));

/**
 * Zod schema of a personal mã số thuế: like {@link taxCodeSchema}, and also a 12-digit
 * số định danh cá nhân (identifiers.md §7.4, `acceptPersonalId`).
 *
 * @example
 * ```ts
 * import { personalTaxCodeSchema } from '@motcua/schemas/ids';
 * personalTaxCodeSchema.safeParse('038190012345').success; // true
 * personalTaxCodeSchema.safeParse('0100109106').success; // true
 * ```
 * @category Identifiers
 */
export const personalTaxCodeSchema: z.ZodType<string> = identifierSchema((v) =>
  parseTaxCode(v, { acceptPersonalId: true }),
);
