/**
 * Mã số hồ sơ (dossier code).
 *
 * @module
 */
import type { z } from 'zod';
import { decodeAgencyCode } from './agency-code.ts';
import { identifierSchema } from './identifier-schema.ts';
import { prepareInput, problem, resultOf } from './input.ts';
import type { IdentifierResult } from './result.ts';

/**
 * What a mã số hồ sơ encodes.
 *
 * @example
 * ```ts
 * import type { DossierCodeFacts } from '@motcua/schemas/ids';
 * const facts: DossierCodeFacts = { agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 };
 * ```
 * @category Identifiers
 */
export interface DossierCodeFacts {
  /** Code of the receiving agency (mã định danh cơ quan tiếp nhận), normally QCVN 102:2016. */
  agencyCode: string;
  /** Receiving date `YYYY-MM-DD`, the year read as `20YY`. */
  receivedDate: string;
  /** Sequence number of the dossier among those received that day (1–9999). */
  sequence: number;
}

/**
 * A calendar date (no time, no zone), months and days counted from 1.
 *
 * @example
 * ```ts
 * import type { CalendarDate } from '@motcua/schemas/ids';
 * const d: CalendarDate = { year: 2025, month: 7, day: 1 };
 * ```
 * @category Identifiers
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const QCVN102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const SIX_DIGITS = /^\d{6}$/;
const FOUR_DIGITS = /^\d{4}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Parses a mã số hồ sơ (dossier code) per TT 01/2018/TT-VPCP Điều 19:
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` — receiving agency (QCVN 102:2016), receiving
 * date, and the 4-digit sequence number of that day.
 *
 * Rules:
 * - not three `-`-separated parts → error `ID_DOSSIER_FORMAT`;
 * - agency part not a QCVN 102:2016 code → error `ID_DOSSIER_AGENCY`; a QĐ 20/2020 code
 *   is accepted with warning `ID_DOSSIER_AGENCY_QD20` (parse leniently: how agencies
 *   with only such a code build dossier codes is unconfirmed, identifiers.md §1.2);
 * - `YYMMDD` not six digits or not a real calendar date in 20YY (e.g. `250230`) →
 *   error `ID_DOSSIER_DATE`;
 * - sequence not exactly four digits → error `ID_DOSSIER_SEQUENCE` (this catches the
 *   non-compliant 5-random-digit fallback of some implementations);
 * - sequence `0000` → error `ID_DOSSIER_SEQUENCE_ZERO`: Điều 19 numbers the dossiers
 *   received that day, so the first is 0001 and 0000 can only come from a broken
 *   generator (facts are still decoded).
 *
 * @example
 * ```ts
 * import { parseDossierCode } from '@motcua/schemas/ids';
 * parseDossierCode('000.00.00.H56-250701-0001').facts;
 * // { agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 }
 * parseDossierCode('000.00.00.H56-250230-0001').problems[0]?.code; // 'ID_DOSSIER_DATE'
 * ```
 * @category Identifiers
 */
export function parseDossierCode(value: string): IdentifierResult<DossierCodeFacts, 'dossier-code'> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf('dossier-code', prepared.input, prepared.problems);
  const { input } = prepared;
  const problems = [...prepared.problems];
  const parts = prepared.value.split('-');
  if (parts.length !== 3) {
    problems.push(problem('ID_DOSSIER_FORMAT', 'error'));
    return resultOf('dossier-code', input, problems);
  }
  const [agencyCode = '', yymmdd = '', seq = ''] = parts;

  let agencyOk = true;
  if (!QCVN102.test(agencyCode)) {
    const agency = decodeAgencyCode(agencyCode);
    if (agency !== undefined && agency.problems.length === 0) {
      problems.push(problem('ID_DOSSIER_AGENCY_QD20', 'warning'));
    } else {
      problems.push(problem('ID_DOSSIER_AGENCY', 'error'));
      agencyOk = false;
    }
  }

  let receivedDate: string | undefined;
  if (SIX_DIGITS.test(yymmdd)) {
    const year = 2000 + Number(yymmdd.slice(0, 2));
    const month = Number(yymmdd.slice(2, 4));
    const day = Number(yymmdd.slice(4, 6));
    if (isRealDate(year, month, day)) receivedDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  }
  if (receivedDate === undefined) problems.push(problem('ID_DOSSIER_DATE', 'error', { date: yymmdd }));

  let sequence: number | undefined;
  if (FOUR_DIGITS.test(seq)) {
    sequence = Number(seq);
    if (sequence === 0) problems.push(problem('ID_DOSSIER_SEQUENCE_ZERO', 'error'));
  } else {
    problems.push(problem('ID_DOSSIER_SEQUENCE', 'error'));
  }

  if (!agencyOk || receivedDate === undefined || sequence === undefined) {
    return resultOf('dossier-code', input, problems);
  }
  return resultOf('dossier-code', input, problems, { agencyCode, receivedDate, sequence });
}

/**
 * Builds a mã số hồ sơ (dossier code) exactly as TT 01/2018/TT-VPCP Điều 19 prescribes:
 * `<QCVN 102 agency code>-YYMMDD-XXXX`.
 *
 * Generate strictly: this is for values motcua creates from trusted input, so bad
 * arguments are programming errors and throw a `RangeError` naming the argument — an
 * agency code not in QCVN 102:2016 form, a date that is not a real day of 2000–2099, or
 * a sequence outside 1–9999 (sequences restart at 1 each day; the format allows at most
 * 9,999 dossiers per agency per day).
 *
 * Pass the receiving date in Vietnam local time (`Asia/Ho_Chi_Minh`). Uniqueness of
 * the sequence (atomic, per agency, per day) is the caller's job.
 *
 * @example
 * ```ts
 * import { formatDossierCode } from '@motcua/schemas/ids';
 * formatDossierCode('000.00.00.H56', { year: 2025, month: 7, day: 1 }, 1); // '000.00.00.H56-250701-0001'
 * ```
 * @category Identifiers
 */
export function formatDossierCode(agencyCode: string, date: CalendarDate, sequence: number): string {
  if (typeof agencyCode !== 'string' || !QCVN102.test(agencyCode)) {
    throw new RangeError(
      'formatDossierCode: agencyCode must be a QCVN 102:2016 code V1V2V3.Z1Z2.Y1Y2.MX1X2 (e.g. 000.00.00.H56)',
    );
  }
  // Typed callers cannot pass a missing date, but JavaScript callers can.
  const { year, month, day } = (date ?? {}) as Partial<CalendarDate>;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    year < 2000 ||
    year > 2099 ||
    !isRealDate(year, month, day)
  ) {
    throw new RangeError('formatDossierCode: date must be a real calendar date between 2000-01-01 and 2099-12-31');
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError('formatDossierCode: sequence must be an integer from 1 to 9999');
  }
  return `${agencyCode}-${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}-${pad(sequence, 4)}`;
}

/**
 * Zod schema of a mã số hồ sơ (dossier code) per TT 01/2018/TT-VPCP Điều 19 (see
 * {@link parseDossierCode}).
 *
 * @example
 * ```ts
 * import { dossierCodeSchema } from '@motcua/schemas/ids';
 * dossierCodeSchema.safeParse('000.00.00.H56-250701-0001').success; // true
 * dossierCodeSchema.safeParse('000.00.00.H56-250701-12345').success; // false (ID_DOSSIER_SEQUENCE)
 * ```
 * @category Identifiers
 */
export const dossierCodeSchema: z.ZodType<string> = identifierSchema(parseDossierCode);
