/**
 * Instants as core's lifecycle, timeliness, codes and receipt read them: ISO 8601 with
 * an explicit offset (or `Date` objects), refused with a `CoreError` otherwise; and the
 * Vietnam calendar day of an instant. Internal to `@motcua/core`.
 *
 * @module
 */
import { parseInstant } from '@motcua/schemas';
import { formatLocalDate, formatVietnamInstant, type LocalDate, vietnamDateOf } from '../calendar/index.ts';
import { CoreError, type CoreErrorCode } from '../errors.ts';

/**
 * Milliseconds since the epoch of an ISO 8601 instant with offset, or of a `Date`.
 * A string without an offset is refused: its meaning would depend on the machine's
 * time zone.
 */
export function instantMs(value: string | Date, what: string, code: CoreErrorCode = 'INVALID_ARGUMENT'): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new CoreError(code, `${what}: invalid Date`);
    return time;
  }
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (parsed === undefined) {
    throw new CoreError(code, `${what}: expected an ISO 8601 instant with offset, got ${JSON.stringify(value)}`);
  }
  return parsed.epochMilliseconds;
}

/** The Vietnam (UTC+07:00) calendar date of an instant. */
export function vietnamDate(epochMs: number): LocalDate {
  return vietnamDateOf(new Date(epochMs));
}

/** The Vietnam calendar day of an instant as `YYYY-MM-DD`. */
export function vietnamDay(epochMs: number): string {
  return formatLocalDate(vietnamDate(epochMs));
}

/** An instant rendered in Vietnam time, e.g. `2025-07-01T08:00:00+07:00` (second precision). */
export function toVietnamIso(epochMs: number): string {
  return formatVietnamInstant(new Date(epochMs));
}
