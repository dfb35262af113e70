/**
 * Số chứng minh nhân dân (CMND, the legacy people's ID number).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierResult } from './result.ts';

/**
 * What a 9-digit CMND number tells: only the number itself, and whether it is one of
 * the placeholders some systems send when they have no number.
 *
 * @example
 * ```ts
 * import type { CmndFacts } from '@motcua/schemas/ids';
 * const facts: CmndFacts = { number: '172345678', placeholder: false };
 * ```
 * @category Identifiers
 */
export interface CmndFacts {
  /** The nine digits. */
  number: string;
  /** `true` for `000000000` and `000000001`, placeholders rather than data. */
  placeholder: boolean;
}

const CMND = /^\d{9}$/;
// Thanh Hóa's DVCQG sync sends `000000001` when it has no number (identifiers.md §6).
const PLACEHOLDER = /^0{8}[01]$/;

/**
 * Parses a số chứng minh nhân dân (CMND): nine ASCII digits (identifiers.md §6; DVCQG
 * marks it `LoaiDinhDanh = "2"`). The structure has no documented check digit.
 *
 * Rules: not exactly 9 ASCII digits → error `ID_CMND_FORMAT`; `000000000` or
 * `000000001` → warning `ID_CMND_PLACEHOLDER` (a stand-in some systems send, not data).
 *
 * @example
 * ```ts
 * import { parseCmnd } from '@motcua/schemas/ids';
 * parseCmnd('172345678').facts; // { number: '172345678', placeholder: false }
 * parseCmnd('000000001').problems[0]?.code; // 'ID_CMND_PLACEHOLDER'
 * ```
 * @category Identifiers
 */
export function parseCmnd(value: string): IdentifierResult<CmndFacts, 'cmnd'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('cmnd', prepared.input, prepared.problems);
  const problems = [...prepared.problems];
  const number = prepared.value;
  if (!CMND.test(number)) {
    problems.push(problem('ID_CMND_FORMAT', 'error'));
    return resultOf('cmnd', prepared.input, problems);
  }
  const placeholder = PLACEHOLDER.test(number);
  if (placeholder) problems.push(problem('ID_CMND_PLACEHOLDER', 'warning'));
  return resultOf('cmnd', prepared.input, problems, { number, placeholder });
}

/**
 * Zod schema of a số chứng minh nhân dân (CMND): nine ASCII digits.
 *
 * @example
 * ```ts
 * import { cmndSchema } from '@motcua/schemas/ids';
 * cmndSchema.safeParse('172345678').success; // true
 * cmndSchema.safeParse('17234567').success; // false (ID_CMND_FORMAT)
 * ```
 * @category Identifiers
 */
export const cmndSchema: z.ZodType<string> = identifierSchema(parseCmnd);
