/**
 * Mã thủ tục hành chính (procedure code of the national TTHC database).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierResult } from './result.ts';

/**
 * What a mã thủ tục hành chính encodes.
 *
 * @example
 * ```ts
 * import type { ProcedureCodeFacts } from '@motcua/schemas/ids';
 * const facts: ProcedureCodeFacts = { form: 'localized-short', national: '1.000948', agencyCode: 'H38' };
 * ```
 * @category Identifiers
 */
export interface ProcedureCodeFacts {
  /** `national` `d.dddddd`; `localized-long` `<national>.<QCVN 102 agency code>`; `localized-short` `<national>.<MX1X2>`. */
  form: 'national' | 'localized-long' | 'localized-short';
  /** The national code `d.dddddd` (mã TTHC trên CSDL quốc gia). */
  national: string;
  /** The agency part of a localized code: `000.00.00.H56` (long) or `H38` (short). */
  agencyCode?: string;
}

const NATIONAL = /^\d\.\d{6}$/;
const LOCALIZED_LONG = /^(\d\.\d{6})\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})$/;
const LOCALIZED_SHORT = /^(\d\.\d{6})\.([A-Z]\d{2})$/;

/**
 * Parses a mã thủ tục hành chính (procedure code) of the national TTHC database
 * (CSDL quốc gia về TTHC; identifiers.md §4):
 *
 * - national `d.dddddd`, e.g. `1.001193`;
 * - localized long `<national>.<QCVN 102:2016 agency code>`, e.g. `1.003560.000.00.00.H56`
 *   (every observed code has `000.00.00.Hxx`; any QCVN 102 agency code is accepted);
 * - localized short `<national>.<MX1X2>`, e.g. `1.000948.H38`.
 *
 * Anything else → error `ID_PROCEDURE_FORMAT`. The meaning of the leading digit is
 * unconfirmed, so every digit is accepted. Send DVCQG the code from your local ↔ DVCQG
 * mapping; `facts.national` is a decoding, not a mapping.
 *
 * @example
 * ```ts
 * import { parseProcedureCode } from '@motcua/schemas/ids';
 * parseProcedureCode('1.003560.000.00.00.H56').facts;
 * // { form: 'localized-long', national: '1.003560', agencyCode: '000.00.00.H56' }
 * ```
 * @category Identifiers
 */
export function parseProcedureCode(value: string): IdentifierResult<ProcedureCodeFacts, 'procedure-code'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('procedure-code', prepared.input, prepared.problems);
  const { input } = prepared;
  const problems = [...prepared.problems];
  const code = prepared.value;
  if (NATIONAL.test(code)) return resultOf('procedure-code', input, problems, { form: 'national', national: code });
  const long = LOCALIZED_LONG.exec(code);
  if (long !== null) {
    const [, national = '', agencyCode = ''] = long;
    return resultOf('procedure-code', input, problems, { form: 'localized-long', national, agencyCode });
  }
  const short = LOCALIZED_SHORT.exec(code);
  if (short !== null) {
    const [, national = '', agencyCode = ''] = short;
    return resultOf('procedure-code', input, problems, { form: 'localized-short', national, agencyCode });
  }
  problems.push(problem('ID_PROCEDURE_FORMAT', 'error'));
  return resultOf('procedure-code', input, problems);
}

/**
 * Zod schema of a mã thủ tục hành chính, national or localized (see {@link parseProcedureCode}).
 *
 * @example
 * ```ts
 * import { procedureCodeSchema } from '@motcua/schemas/ids';
 * procedureCodeSchema.safeParse('2.002621.H56').success; // true
 * procedureCodeSchema.safeParse('1.00119').success; // false (ID_PROCEDURE_FORMAT)
 * ```
 * @category Identifiers
 */
export const procedureCodeSchema: z.ZodType<string> = identifierSchema(parseProcedureCode);
