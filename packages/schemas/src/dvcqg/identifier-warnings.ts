/**
 * Warning helpers shared by the dossier and progress rules. Internal to `dvcqg/`.
 *
 * @module
 */
import { PERSONAL_ID_PROVINCES, parseDossierCode, parseFieldCode, parseProcedureCode } from '../ids/index.ts';
import type { RawIssue } from '../validate.ts';

/**
 * Builds a warning-severity {@link RawIssue}, leaving `params` out when there are none.
 *
 * @example
 * ```ts
 * warn('DVCQG_CHANNEL_MISSING', ['KenhThucHien']);
 * ```
 * @category DVCQG
 */
export function warn(
  code: string,
  path: ReadonlyArray<string | number>,
  params?: Record<string, string | number>,
): RawIssue {
  return params === undefined ? { code, path, severity: 'warning' } : { code, path, severity: 'warning', params };
}

/**
 * Identifier-shape warnings: a code the SDK would not generate (`MaHoSo` outside TT
 * 01/2018 Điều 19, an unknown `MaTTHC` or `MaLinhVuc` shape) is kept as an opaque string
 * — generate strictly, parse leniently (identifiers.md) — and reported once as
 * `DVCQG_IDENTIFIER_SHAPE` with the parser's first error code. Parser warnings on a valid
 * code (e.g. `ID_DOSSIER_AGENCY_QD20`) are passed through as warnings.
 *
 * @example
 * ```ts
 * const out: RawIssue[] = [];
 * identifierShapeWarnings(out, 'MaHoSo', 'HS-2025-0001', 'dossier-code');
 * out[0]?.code; // 'DVCQG_IDENTIFIER_SHAPE'
 * ```
 * @category DVCQG
 */
export function identifierShapeWarnings(
  out: RawIssue[],
  field: string,
  value: string,
  kind: 'dossier-code' | 'procedure-code' | 'field-code',
): void {
  if (
    kind === 'dossier-code'
      ? isCleanDossierCode(value)
      : kind === 'procedure-code'
        ? NATIONAL_PROCEDURE.test(value)
        : value.length <= 256 && FIELD_CODE.test(value)
  ) {
    return;
  }
  const parsed =
    kind === 'dossier-code'
      ? parseDossierCode(value)
      : kind === 'procedure-code'
        ? parseProcedureCode(value)
        : parseFieldCode(value);
  if (!parsed.valid) {
    const first = parsed.problems.find((p) => p.severity === 'error');
    out.push(warn('DVCQG_IDENTIFIER_SHAPE', [field], { field, kind, problem: first?.code ?? '' }));
    return;
  }
  for (const p of parsed.problems) out.push(warn(p.code, [field], p.params));
}

// Hot-path pre-checks. Each accepts only values the `ids` parser finds valid with no problem
// at all, so skipping the parser for them cannot change a result; anything else goes to it.
const DOSSIER_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}$/;
const NATIONAL_PROCEDURE = /^[0-9]\.[0-9]{6}$/;
const FIELD_CODE = /^[A-Y][0-9]{2}-[0-9A-Z]+$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * `true` when `value` is a dossier code in the legal shape (TT 01/2018/TT-VPCP Điều 19)
 * that `parseDossierCode` accepts without any problem: QCVN 102 agency, a real `YYMMDD`
 * in 20YY, a non-zero 4-digit sequence.
 *
 * @example
 * ```ts
 * isCleanDossierCode('000.00.00.H56-250701-0001'); // true
 * isCleanDossierCode('000.00.00.H56-250230-0001'); // false
 * ```
 * @category DVCQG
 */
export function isCleanDossierCode(value: string): boolean {
  if (value.length !== 25 || !DOSSIER_CODE.test(value)) return false;
  const two = (i: number): number => (value.charCodeAt(i) - 48) * 10 + value.charCodeAt(i + 1) - 48;
  const month = two(16);
  const day = two(18);
  return !value.endsWith('0000') && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000 + two(14), month);
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const vietnamYearAt = (ms: number): number => new Date(ms + VN_OFFSET_MS).getUTCFullYear();
/** Birth years up to this one can never be in the future (time only moves forward). */
const YEAR_AT_LOAD = vietnamYearAt(Date.now());

/** Birth-province codes as numbers (`"038"` → 38), for an allocation-free lookup. */
const PROVINCES: ReadonlySet<number> = new Set(Object.keys(PERSONAL_ID_PROVINCES).map(Number));

/**
 * `true` when `value` is a personal identification number that `parsePersonalId` accepts
 * without any problem: 12 digits, a known birth-province code, a birth year not in the
 * future.
 *
 * @example
 * ```ts
 * isCleanPersonalId('038190012345'); // true
 * isCleanPersonalId('999190012345'); // false (unknown province: a warning)
 * ```
 * @category DVCQG
 */
export function isCleanPersonalId(value: string): boolean {
  if (value.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const province = (value.charCodeAt(0) - 48) * 100 + (value.charCodeAt(1) - 48) * 10 + value.charCodeAt(2) - 48;
  if (!PROVINCES.has(province)) return false;
  const g = value.charCodeAt(3) - 48;
  const birthYear = 1900 + 100 * Math.floor(g / 2) + (value.charCodeAt(4) - 48) * 10 + (value.charCodeAt(5) - 48);
  return birthYear <= YEAR_AT_LOAD || birthYear <= vietnamYearAt(Date.now());
}
