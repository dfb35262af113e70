/**
 * Mã lĩnh vực (field / sector code).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierResult } from './result.ts';

/**
 * What a mã lĩnh vực encodes.
 *
 * @example
 * ```ts
 * import type { FieldCodeFacts } from '@motcua/schemas/ids';
 * const facts: FieldCodeFacts = { level1: 'G03', field: 'GD10' };
 * ```
 * @category Identifiers
 */
export interface FieldCodeFacts {
  /** `MX1X2`: level-1 code of the ministry that governs the field, e.g. `G03` (Bộ Giáo dục và Đào tạo). */
  level1: string;
  /** `LV`: the field code from the Government Office's list, letters and digits. */
  field: string;
}

const FIELD_CODE = /^([A-Y]\d{2})-([0-9A-Z]+)$/;

/**
 * Parses a mã lĩnh vực (field code) per TT 01/2018/TT-VPCP Điều 20: `MX1X2-LV`, the
 * governing ministry's level-1 code, a hyphen, and the field code (letters and digits).
 * Anything else → error `ID_FIELD_FORMAT`.
 *
 * @example
 * ```ts
 * import { parseFieldCode } from '@motcua/schemas/ids';
 * parseFieldCode('G03-GD10').facts; // { level1: 'G03', field: 'GD10' } (Giáo dục Trung học)
 * ```
 * @category Identifiers
 */
export function parseFieldCode(value: string): IdentifierResult<FieldCodeFacts, 'field-code'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('field-code', prepared.input, prepared.problems);
  const problems = [...prepared.problems];
  const m = FIELD_CODE.exec(prepared.value);
  if (m === null) {
    problems.push(problem('ID_FIELD_FORMAT', 'error'));
    return resultOf('field-code', prepared.input, problems);
  }
  const [, level1 = '', field = ''] = m;
  return resultOf('field-code', prepared.input, problems, { level1, field });
}

/**
 * Zod schema of a mã lĩnh vực per TT 01/2018/TT-VPCP Điều 20 (see {@link parseFieldCode}).
 *
 * @example
 * ```ts
 * import { fieldCodeSchema } from '@motcua/schemas/ids';
 * fieldCodeSchema.safeParse('G03-GD06').success; // true
 * fieldCodeSchema.safeParse('G03GD06').success; // false (ID_FIELD_FORMAT)
 * ```
 * @category Identifiers
 */
export const fieldCodeSchema: z.ZodType<string> = identifierSchema(parseFieldCode);
