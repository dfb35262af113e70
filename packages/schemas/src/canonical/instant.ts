/**
 * Instants: ISO 8601 timestamps (RFC 3339 profile) that always carry a UTC offset.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';
import { civilFromDays, daysFromCivil, type IsoDate, isRealDate } from './iso-date.ts';

/**
 * Thời điểm (an instant): `YYYY-MM-DDTHH:mm:ss[.fraction]` followed by `Z` or a
 * `±HH:MM` offset, e.g. `2025-07-01T08:30:00+07:00`. Without an offset a timestamp is
 * ambiguous (DVCQG's `yyyyMMddHHmmss` is implicitly Asia/Ho_Chi_Minh, other systems
 * send UTC), so the canonical model never stores one.
 *
 * @example
 * ```ts
 * import type { Instant } from '@motcua/schemas';
 * const receivedAt: Instant = '2025-07-01T08:30:00+07:00';
 * ```
 * @category Canonical
 */
export type Instant = string;

/**
 * An {@link Instant} decoded by {@link parseInstant}.
 *
 * @example
 * ```ts
 * import { parseInstant, type ParsedInstant } from '@motcua/schemas';
 * const p: ParsedInstant | undefined = parseInstant('2025-07-01T08:30:00+07:00');
 * p?.epochMilliseconds; // 1751333400000
 * p?.offsetMinutes; // 420
 * ```
 * @category Canonical
 */
export interface ParsedInstant {
  /** Milliseconds since 1970-01-01T00:00:00Z; fractional when the input has sub-millisecond digits. */
  epochMilliseconds: number;
  /** The offset written in the input, in minutes east of UTC (`+07:00` → 420, `Z` → 0). */
  offsetMinutes: number;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;
// The widest offsets in use are -12:00 and +14:00; RFC 3339 §4.3 reserves -00:00 for
// "offset unknown", which is exactly what an instant must not be.
const MAX_OFFSET_MINUTES = 14 * 60;
const MAX_INSTANT_LENGTH = 40;
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Format label put in the params of `DATE_INVALID` issues about instants.
 *
 * @internal
 */
export const INSTANT_FORMAT = 'YYYY-MM-DDTHH:mm:ss[.fff]±HH:MM';

/**
 * Decodes an {@link Instant}. Returns `undefined` for anything that is not a real
 * instant with an offset: a missing offset, an impossible date (`2025-02-29`), an hour
 * above 23, a leap second (`:60`, which JavaScript time cannot represent), an offset
 * beyond ±14:00, or `-00:00`. Never throws.
 *
 * @example
 * ```ts
 * import { parseInstant } from '@motcua/schemas';
 * parseInstant('2025-07-01T01:30:00Z')?.epochMilliseconds; // 1751333400000
 * parseInstant('2025-07-01T08:30:00'); // undefined (no offset)
 * ```
 * @category Canonical
 */
export function parseInstant(value: string): ParsedInstant | undefined {
  if (typeof value !== 'string' || value.length > MAX_INSTANT_LENGTH) return undefined;
  const m = INSTANT.exec(value);
  if (m === null) return undefined;
  const [, ys = '', mos = '', ds = '', hs = '', mis = '', ss = '', fraction, zone = '', sign, ohs = '', oms = ''] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = Number(ss);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(ohs);
    const om = Number(oms);
    if (om > 59) return undefined;
    const magnitude = oh * 60 + om;
    if (magnitude > MAX_OFFSET_MINUTES) return undefined;
    if (sign === '-' && magnitude === 0) return undefined;
    offsetMinutes = sign === '-' ? -magnitude : magnitude;
  }
  const fractionMs = fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000;
  const epochMilliseconds =
    daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fractionMs;
  return { epochMilliseconds, offsetMinutes };
}

/**
 * The calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+07:00 all year, no daylight
 * saving) at which an instant falls; `undefined` when the instant is invalid. This is
 * how instants are compared with the dates of papers and with the `YYMMDD` of a
 * dossier code.
 *
 * @example
 * ```ts
 * import { vietnamDateOf } from '@motcua/schemas';
 * vietnamDateOf('2025-06-30T18:00:00Z'); // '2025-07-01'
 * ```
 * @category Canonical
 */
export function vietnamDateOf(instant: Instant): IsoDate | undefined {
  const parsed = parseInstant(instant);
  if (parsed === undefined) return undefined;
  const { year, month, day } = civilFromDays(Math.floor((parsed.epochMilliseconds + VIETNAM_OFFSET_MS) / DAY_MS));
  if (year < 0 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Zod schema of an {@link Instant}. A timestamp without an offset is reported as
 * `CANON_INSTANT_NO_OFFSET`; any other malformed or impossible value as `DATE_INVALID`.
 *
 * @example
 * ```ts
 * import { instantSchema } from '@motcua/schemas';
 * instantSchema.safeParse('2025-07-01T08:30:00+07:00').success; // true
 * instantSchema.safeParse('2025-07-01T08:30:00').success; // false (CANON_INSTANT_NO_OFFSET)
 * instantSchema.safeParse('2025-02-29T08:30:00Z').success; // false (DATE_INVALID)
 * ```
 * @category Canonical
 */
export const instantSchema: z.ZodType<Instant> = z
  .string()
  .superRefine((value, ctx) => {
    if (parseInstant(value) !== undefined) return;
    if (value.length <= MAX_INSTANT_LENGTH && WITHOUT_OFFSET.test(value)) {
      ctx.addIssue(customIssue('CANON_INSTANT_NO_OFFSET'));
    } else {
      ctx.addIssue(customIssue('DATE_INVALID', { format: INSTANT_FORMAT }));
    }
  })
  .meta({
    format: 'date-time',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$',
    description: 'ISO 8601 instant with a UTC offset (thời điểm).',
    examples: ['2025-07-01T08:30:00+07:00'],
  });
