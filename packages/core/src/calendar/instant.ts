/**
 * Instants (a point in time, with an offset) as the calendar reads and prints them.
 *
 * @module
 */
import { type CalendarResult, isValidLocalDate, VIETNAM_UTC_OFFSET_MINUTES } from './local-date.ts';

/**
 * An instant: a `Date`, or an ISO 8601 string with an explicit offset such as
 * `2025-04-29T09:15:00+07:00` or `2025-04-29T02:15:00Z`. A string without an offset is
 * refused: it is ambiguous.
 *
 * @example
 * ```ts
 * import type { InstantInput } from '@motcua/core/calendar';
 * const receivedAt: InstantInput = '2025-04-29T09:15:00+07:00';
 * ```
 * @category Calendar
 */
export type InstantInput = Date | string;

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 instant with an offset (`Z` or `±HH:MM`). Never throws.
 *
 * @example
 * ```ts
 * import { parseIsoInstant } from '@motcua/core/calendar';
 * parseIsoInstant('2025-04-29T16:45:00+07:00'); // { ok: true, value: Date(2025-04-29T09:45:00.000Z) }
 * parseIsoInstant('2025-04-29 16:45').ok; // false: no offset
 * ```
 * @category Calendar
 */
export function parseIsoInstant(text: string): CalendarResult<Date> {
  const m = ISO_INSTANT.exec(text);
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const bad: CalendarResult<Date> = {
    ok: false,
    error: {
      vi: `'${shown}' không phải thời điểm ISO 8601 có múi giờ (vd. 2025-04-29T16:45:00+07:00)`,
      en: `'${shown}' is not an ISO 8601 instant with an offset (e.g. 2025-04-29T16:45:00+07:00)`,
    },
  };
  if (m === null) return bad;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isValidLocalDate({ year, month, day }) || hour > 23 || minute > 59 || second > 59) return bad;
  if (m[8] !== 'Z' && (Number(m[9]) > 23 || Number(m[10]) > 59)) return bad;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return bad;
  return { ok: true, value: new Date(ms) };
}

/**
 * Reads an {@link InstantInput}; throws a `RangeError` naming `what` when it is not a
 * valid instant (programmer error: validate user input with {@link parseIsoInstant}).
 *
 * @example
 * ```ts
 * import { toInstant } from '@motcua/core/calendar';
 * toInstant('2025-04-29T16:45:00+07:00').toISOString(); // '2025-04-29T09:45:00.000Z'
 * ```
 * @category Calendar
 */
export function toInstant(input: InstantInput, what = 'instant'): Date {
  if (input instanceof Date) {
    if (!Number.isFinite(input.getTime())) throw new RangeError(`${what}: invalid Date`);
    return input;
  }
  if (typeof input === 'string') {
    const r = parseIsoInstant(input);
    if (!r.ok) throw new RangeError(`${what}: ${r.error.en}`);
    return r.value;
  }
  throw new RangeError(`${what}: expected a Date or an ISO 8601 string, got ${typeof input}`);
}

/**
 * Formats an instant in Vietnamese civil time: `YYYY-MM-DDTHH:MM:SS+07:00`.
 *
 * @example
 * ```ts
 * import { formatVietnamInstant } from '@motcua/core/calendar';
 * formatVietnamInstant(new Date('2025-05-06T10:00:00Z')); // '2025-05-06T17:00:00+07:00'
 * ```
 * @category Calendar
 */
export function formatVietnamInstant(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatVietnamInstant: invalid Date');
  const shifted = new Date(Math.floor(ms / 1000) * 1000 + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}
