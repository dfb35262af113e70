/**
 * Số định danh cá nhân (personal identification number, the number on the CCCD card).
 *
 * @module
 */
import type { z } from 'zod';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierProblem, IdentifierResult } from './result.ts';

/**
 * Birth-registration province codes (`PPP`, the first three digits of a số định danh cá
 * nhân) of the 63 pre-2025 provinces, code → Vietnamese name.
 *
 * The codes are historical: numbers are not reissued after the 2025 provincial mergers,
 * so this table describes where a birth was registered, not a current province. Country
 * codes (births abroad) are not listed because their range is unknown.
 *
 * @example
 * ```ts
 * import { PERSONAL_ID_PROVINCES } from '@motcua/schemas/ids';
 * PERSONAL_ID_PROVINCES['038']; // 'Thanh Hóa'
 * ```
 * @category Identifiers
 */
export const PERSONAL_ID_PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa – Vũng Tàu',
  '079': 'TP Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
});

/**
 * What a số định danh cá nhân `PPP G YY RRRRRR` encodes.
 *
 * @example
 * ```ts
 * import type { PersonalIdFacts } from '@motcua/schemas/ids';
 * const facts: PersonalIdFacts = {
 *   provinceCode: '038',
 *   provinceName: 'Thanh Hóa',
 *   century: 20,
 *   gender: 'female',
 *   birthYear: 1990,
 *   random: '012345',
 * };
 * ```
 * @category Identifiers
 */
export interface PersonalIdFacts {
  /** `PPP`: birth-registration province (or country) code, three digits. */
  provinceCode: string;
  /** Vietnamese name from {@link PERSONAL_ID_PROVINCES}; absent for codes not in the table. */
  provinceName?: string;
  /** Ordinal century of birth: 20 for 1900–1999, 21 for 2000–2099, … 24 for 2300–2399. */
  century: number;
  /** From the parity of the century-and-gender digit `G`: even → male, odd → female. */
  gender: 'male' | 'female';
  /** `1900 + 100 × floor(G / 2) + YY`. */
  birthYear: number;
  /** `RRRRRR`: the six random digits, leading zeros kept. */
  random: string;
}

/**
 * Options of {@link parsePersonalId}.
 *
 * @example
 * ```ts
 * import type { PersonalIdOptions } from '@motcua/schemas/ids';
 * const opts: PersonalIdOptions = { now: new Date('2025-07-01T00:00:00+07:00') };
 * ```
 * @category Identifiers
 */
export interface PersonalIdOptions {
  /** The moment that decides whether a birth year is in the future; defaults to `new Date()`. */
  now?: Date;
}

const PERSONAL_ID = /^(\d{3})(\d)(\d{2})(\d{6})$/;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar year in Vietnam (`Asia/Ho_Chi_Minh`, UTC+07:00, no DST) at `now`. */
function vietnamYear(now: Date): number {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}

/**
 * Decodes a 12-character string known to be ASCII digits. Shared with the tax-code
 * parser, which accepts a personal identification number as a personal tax code.
 */
export function decodePersonalId(
  digits: string,
  now: Date,
): { facts: PersonalIdFacts; problems: IdentifierProblem[] } | undefined {
  const m = PERSONAL_ID.exec(digits);
  if (m === null) return undefined;
  const [, provinceCode = '', g = '', yy = '', random = ''] = m;
  const centuryIndex = Math.floor(Number(g) / 2);
  const birthYear = 1900 + 100 * centuryIndex + Number(yy);
  const provinceName = Object.hasOwn(PERSONAL_ID_PROVINCES, provinceCode)
    ? PERSONAL_ID_PROVINCES[provinceCode]
    : undefined;
  const facts: PersonalIdFacts = {
    provinceCode,
    ...(provinceName === undefined ? {} : { provinceName }),
    century: 20 + centuryIndex,
    gender: Number(g) % 2 === 0 ? 'male' : 'female',
    birthYear,
    random,
  };
  const problems: IdentifierProblem[] = [];
  if (provinceName === undefined) {
    problems.push(problem('ID_PERSONAL_PROVINCE_UNKNOWN', 'warning', { provinceCode }));
  }
  const currentYear = vietnamYear(now);
  if (birthYear > currentYear) {
    problems.push(problem('ID_PERSONAL_BIRTH_YEAR_FUTURE', 'error', { birthYear, currentYear }));
  }
  return { facts, problems };
}

/**
 * Parses a số định danh cá nhân (personal identification number, CCCD number):
 * twelve ASCII digits `PPP G YY RRRRRR` — birth-registration province, century and
 * gender, two-digit birth year, six random digits (identifiers.md §5; structure per
 * NĐ 137/2015/NĐ-CP Điều 13 as implemented publicly). There is no check digit.
 *
 * Rules:
 * - not exactly 12 ASCII digits → error `ID_PERSONAL_FORMAT`;
 * - province code not in {@link PERSONAL_ID_PROVINCES} → **warning**
 *   `ID_PERSONAL_PROVINCE_UNKNOWN` only. The table is historical (pre-2025 provinces)
 *   and country codes for births abroad are unknown, so an unknown code is not evidence
 *   of a wrong number; rejecting it would turn away real citizens (identifiers.md §5.4);
 * - decoded birth year after the current year in Vietnam → error
 *   `ID_PERSONAL_BIRTH_YEAR_FUTURE`. identifiers.md §5.4 only asks for a warning; motcua
 *   rejects because no one can be born in the future, so the number is certainly wrong
 *   (mistyped century digit). Inject `now` for reproducible results.
 *
 * @example
 * ```ts
 * import { parsePersonalId } from '@motcua/schemas/ids';
 * const r = parsePersonalId('038190012345', { now: new Date('2025-07-01') });
 * r.valid; // true
 * r.facts; // { provinceCode: '038', provinceName: 'Thanh Hóa', century: 20, gender: 'female', birthYear: 1990, random: '012345' }
 * ```
 * @category Identifiers
 */
export function parsePersonalId(
  value: string,
  options: PersonalIdOptions = {},
): IdentifierResult<PersonalIdFacts, 'personal-id'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('personal-id', prepared.input, prepared.problems);
  const problems = [...prepared.problems];
  const decoded = decodePersonalId(prepared.value, options.now ?? new Date());
  if (decoded === undefined) {
    problems.push(problem('ID_PERSONAL_FORMAT', 'error'));
    return resultOf('personal-id', prepared.input, problems);
  }
  problems.push(...decoded.problems);
  return resultOf('personal-id', prepared.input, problems, decoded.facts);
}

/**
 * Zod schema of a số định danh cá nhân (personal identification number): a string that
 * {@link parsePersonalId} finds valid at the time of parsing. Errors are reported with
 * their `ID_…` code in `params.motcuaCode`; warnings (unknown province) are not reported.
 *
 * @example
 * ```ts
 * import { personalIdSchema } from '@motcua/schemas/ids';
 * personalIdSchema.safeParse('038190012345').success; // true
 * personalIdSchema.safeParse('38190012345').success; // false (ID_PERSONAL_FORMAT)
 * ```
 * @category Identifiers
 */
export const personalIdSchema: z.ZodType<string> = identifierSchema((v) => parsePersonalId(v));
