/**
 * Instants between the canonical model (ISO 8601 with offset) and the DVCQG wire
 * (`yyyyMMddHHmmss`, Asia/Ho_Chi_Minh, whole seconds), dvcqg-wire.md §7.
 *
 * @module
 */
import { type Instant, parseInstant } from '@motcua/schemas';
import { isWireDate, wireDateFromInstant } from '@motcua/schemas/dvcqg';
import { AdapterError } from '../errors.ts';

/**
 * The wire date of a canonical instant: Vietnam time, the fraction of a second dropped.
 * Throws {@link AdapterError} `INVALID_ARGUMENT` for a malformed instant or a year the
 * wire cannot carry (before 1900, after 2999).
 *
 * @example
 * ```ts
 * import { instantToWireDate } from '@motcua/adapters/dvcqg';
 * instantToWireDate('2025-07-01T01:30:00.750Z'); // '20250701083000'
 * ```
 * @category Codecs
 */
export function instantToWireDate(instant: Instant): string {
  const parsed = parseInstant(instant);
  if (parsed === undefined) throw new AdapterError('INVALID_ARGUMENT', `not an instant: ${JSON.stringify(instant)}`);
  try {
    return wireDateFromInstant(new Date(Math.floor(parsed.epochMilliseconds / 1000) * 1000));
  } catch (cause) {
    throw new AdapterError('INVALID_ARGUMENT', `the wire cannot carry ${instant}`, { cause });
  }
}

/**
 * The canonical instant of a wire date, written with the `+07:00` offset the wire
 * implies; `undefined` for `""`, `null`, absence or a malformed date.
 *
 * @example
 * ```ts
 * import { wireDateToVietnamInstant } from '@motcua/adapters/dvcqg';
 * wireDateToVietnamInstant('20250701083000'); // '2025-07-01T08:30:00+07:00'
 * wireDateToVietnamInstant(''); // undefined
 * ```
 * @category Codecs
 */
export function wireDateToVietnamInstant(value: unknown): Instant | undefined {
  if (typeof value !== 'string' || !isWireDate(value)) return undefined;
  const s = value;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+07:00`;
}

/**
 * What an instant becomes after a trip through the wire: the same moment in `+07:00`,
 * whole seconds.
 *
 * @example
 * ```ts
 * import { normalizeInstantForWire } from '@motcua/adapters/dvcqg';
 * normalizeInstantForWire('2025-07-01T01:30:00.750Z'); // '2025-07-01T08:30:00+07:00'
 * ```
 * @category Codecs
 */
export function normalizeInstantForWire(instant: Instant): Instant {
  return wireDateToVietnamInstant(instantToWireDate(instant)) as Instant;
}
