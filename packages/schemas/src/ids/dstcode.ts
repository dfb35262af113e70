/**
 * `dstcode`: the destination-service code of DVCQG requests.
 *
 * @module
 */
import type { z } from 'zod';
import { decodeAgencyCode } from './agency-code.ts';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierResult } from './result.ts';
import { parseTaxCode } from './tax-code.ts';

/**
 * What a `dstcode` encodes.
 *
 * @example
 * ```ts
 * import type { DstcodeFacts } from '@motcua/schemas/ids';
 * const facts: DstcodeFacts = { memberClass: 'GOV', memberCode: '000.00.00.G22', serviceCode: 'vpcpdvcprovider' };
 * ```
 * @category Identifiers
 */
export interface DstcodeFacts {
  /** `GOV` (state agency), `COM` (company), or another class (unknown, not invalid). */
  memberClass: string;
  /** An agency code (QCVN 102:2016) for `GOV`, a tax code for `COM`. */
  memberCode: string;
  /** The service offered by the member, e.g. `vpcpdvcprovider`. */
  serviceCode: string;
}

// identifiers.md §8 gives `[^:]+` for the parts; motcua narrows them to printable ASCII
// without spaces, because the value travels as an HTTP header and a query parameter,
// where a control character or line break would corrupt (or inject into) the request.
const DSTCODE = /^VN:([A-Z]+):([!-9;-~]+):([!-9;-~]+)$/;

/**
 * Parses a `dstcode` (mã dịch vụ đích, sent as an HTTP header on every DVCQG adapter
 * request; identifiers.md §8): `VN:<memberClass>:<memberCode>:<serviceCode>`.
 *
 * Rules:
 * - not matching `^VN:([A-Z]+):([^:]+):([^:]+)$` → error `ID_DSTCODE_FORMAT`; the member
 *   and service codes must also be printable ASCII without spaces (the value is sent as
 *   an HTTP header, where control characters and line breaks are unsafe);
 * - member class other than `GOV`/`COM` → warning `ID_DSTCODE_MEMBER_CLASS_UNKNOWN`
 *   (unknown, not invalid);
 * - `GOV` member code that is not an agency code → warning `ID_DSTCODE_GOV_MEMBER_CODE`;
 *   `COM` member code that is not a valid tax code → warning `ID_DSTCODE_COM_MEMBER_CODE`.
 *   Warnings only: `dstcode` values are deployment configuration, not values motcua builds.
 *
 * @example
 * ```ts
 * import { parseDstcode } from '@motcua/schemas/ids';
 * parseDstcode('VN:COM:0106001236:NganLuongPaymentSvc').facts;
 * // { memberClass: 'COM', memberCode: '0106001236', serviceCode: 'NganLuongPaymentSvc' }
 * ```
 * @category Identifiers
 */
export function parseDstcode(value: string): IdentifierResult<DstcodeFacts, 'dstcode'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('dstcode', prepared.input, prepared.problems);
  const problems = [...prepared.problems];
  const m = DSTCODE.exec(prepared.value);
  if (m === null) {
    problems.push(problem('ID_DSTCODE_FORMAT', 'error'));
    return resultOf('dstcode', prepared.input, problems);
  }
  const [, memberClass = '', memberCode = '', serviceCode = ''] = m;
  if (memberClass === 'GOV') {
    const agency = decodeAgencyCode(memberCode);
    if (agency === undefined || agency.problems.length > 0) {
      problems.push(problem('ID_DSTCODE_GOV_MEMBER_CODE', 'warning'));
    }
  } else if (memberClass === 'COM') {
    if (!parseTaxCode(memberCode).valid) problems.push(problem('ID_DSTCODE_COM_MEMBER_CODE', 'warning'));
  } else {
    problems.push(problem('ID_DSTCODE_MEMBER_CLASS_UNKNOWN', 'warning', { memberClass }));
  }
  return resultOf('dstcode', prepared.input, problems, { memberClass, memberCode, serviceCode });
}

/**
 * Zod schema of a DVCQG `dstcode` `VN:<memberClass>:<memberCode>:<serviceCode>` (see
 * {@link parseDstcode}).
 *
 * @example
 * ```ts
 * import { dstcodeSchema } from '@motcua/schemas/ids';
 * dstcodeSchema.safeParse('VN:GOV:000.00.00.G22:vpcpdvcprovider').success; // true
 * dstcodeSchema.safeParse('GOV:000.00.00.G22:vpcpdvcprovider').success; // false (ID_DSTCODE_FORMAT)
 * ```
 * @category Identifiers
 */
export const dstcodeSchema: z.ZodType<string> = identifierSchema(parseDstcode);
