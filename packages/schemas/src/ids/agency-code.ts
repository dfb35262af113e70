/**
 * Mã định danh điện tử của cơ quan (electronic identifier of an agency).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierProblem, IdentifierResult } from './result.ts';

/**
 * What an agency code encodes.
 *
 * @example
 * ```ts
 * import type { AgencyCodeFacts } from '@motcua/schemas/ids';
 * const vpcp: AgencyCodeFacts = {
 *   format: 'qcvn102',
 *   level1: 'G22',
 *   level1Type: 'ministry',
 *   groups: ['000', '00', '00', 'G22'],
 * };
 * ```
 * @category Identifiers
 */
export interface AgencyCodeFacts {
  /** `qcvn102`: `V1V2V3.Z1Z2.Y1Y2.MX1X2`, level-1 code rightmost; `qd20`: QĐ 20/2020/QĐ-TTg, level-1 code leftmost. */
  format: 'qcvn102' | 'qd20';
  /** The level-1 unit code `MX1X2` (mã cấp 1), e.g. `G22`, `H56`. */
  level1: string;
  /** From the letter `M`: `G` → ministry or central agency (bộ, ngành), `H` → province (tỉnh, thành phố), otherwise `other`. */
  level1Type: 'ministry' | 'province' | 'other';
  /** The dot-separated groups, in written order. */
  groups: string[];
}

const QCVN102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const QD20 = /^[A-Y]\d{2}(?:\.[0-9A-Z]+)*$/;

/**
 * Maximum length of a QĐ 20/2020/QĐ-TTg identifier (Điều 4: at most 35 characters).
 *
 * @example
 * ```ts
 * import { QD20_MAX_LENGTH } from '@motcua/schemas/ids';
 * 'H37.02.02'.length <= QD20_MAX_LENGTH; // true
 * ```
 * @category Identifiers
 */
export const QD20_MAX_LENGTH = 35 as const;

function level1Type(level1: string): AgencyCodeFacts['level1Type'] {
  if (level1.startsWith('G')) return 'ministry';
  if (level1.startsWith('H')) return 'province';
  return 'other';
}

/**
 * Decodes an already trimmed, length-guarded agency code. Shared with the dossier-code,
 * procedure-code and dstcode parsers.
 */
export function decodeAgencyCode(code: string): { facts: AgencyCodeFacts; problems: IdentifierProblem[] } | undefined {
  if (QCVN102.test(code)) {
    const groups = code.split('.');
    const level1 = groups[3] ?? '';
    return { facts: { format: 'qcvn102', level1, level1Type: level1Type(level1), groups }, problems: [] };
  }
  if (QD20.test(code)) {
    const groups = code.split('.');
    const level1 = groups[0] ?? '';
    const problems =
      code.length > QD20_MAX_LENGTH
        ? [problem('ID_AGENCY_TOO_LONG', 'error', { length: code.length, maximum: QD20_MAX_LENGTH })]
        : [];
    return { facts: { format: 'qd20', level1, level1Type: level1Type(level1), groups }, problems };
  }
  return undefined;
}

/**
 * Parses a mã định danh điện tử of an agency in either format in use (identifiers.md §2):
 *
 * - QCVN 102:2016 (TT 10/2016/TT-BTTTT, referenced by TT 01/2018/TT-VPCP Điều 19–20):
 *   `V1V2V3.Z1Z2.Y1Y2.MX1X2`, e.g. `000.00.00.G22`; the level-1 code is the **rightmost**
 *   group. Used in dossier codes, edXML `OrganId`, DVCQG `madonvi` and `dstcode`;
 * - QĐ 20/2020/QĐ-TTg Điều 4: dot-separated groups growing from left to right, the
 *   level-1 code `MX1X2` (`M` in A–Y) **leftmost**, at most 35 characters from
 *   `[.0-9A-Z]`, e.g. `H56.14`; a bare level-1 code such as `H56` is of this form.
 *
 * Errors: neither shape → `ID_AGENCY_FORMAT`; QĐ 20 shape over 35 characters →
 * `ID_AGENCY_TOO_LONG` (facts still decoded). Lower-case letters are not accepted.
 * Identifiers of businesses (Điều 5, their registration number) and of other
 * organisations (Điều 6–7, `Zxy…` schemes) are not agency codes and are not parsed here.
 * Do not validate `Hxx` against a hard-coded province list: load the official catalogue.
 *
 * @example
 * ```ts
 * import { parseAgencyCode } from '@motcua/schemas/ids';
 * parseAgencyCode('000.00.00.H41').facts?.level1; // 'H41' (UBND tỉnh Nghệ An)
 * parseAgencyCode('H37.02.02').facts; // { format: 'qd20', level1: 'H37', level1Type: 'province', groups: ['H37', '02', '02'] }
 * ```
 * @category Identifiers
 */
export function parseAgencyCode(value: string): IdentifierResult<AgencyCodeFacts, 'agency-code'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('agency-code', prepared.input, prepared.problems);
  const problems = [...prepared.problems];
  const decoded = decodeAgencyCode(prepared.value);
  if (decoded === undefined) {
    problems.push(problem('ID_AGENCY_FORMAT', 'error'));
    return resultOf('agency-code', prepared.input, problems);
  }
  problems.push(...decoded.problems);
  return resultOf('agency-code', prepared.input, problems, decoded.facts);
}

/**
 * Zod schema of a mã định danh điện tử of an agency, QCVN 102:2016 or QĐ 20/2020/QĐ-TTg
 * (see {@link parseAgencyCode}).
 *
 * @example
 * ```ts
 * import { agencyCodeSchema } from '@motcua/schemas/ids';
 * agencyCodeSchema.safeParse('000.00.00.G22').success; // true
 * agencyCodeSchema.safeParse('H56.14').success; // true
 * agencyCodeSchema.safeParse('000.00.G22').success; // false (ID_AGENCY_FORMAT)
 * ```
 * @category Identifiers
 */
export const agencyCodeSchema: z.ZodType<string> = identifierSchema(parseAgencyCode);
