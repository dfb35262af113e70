/**
 * Masking of personal identifiers in text that may reach a log: error messages built
 * from remote answers, log events.
 *
 * @module
 */

// 9-digit CMND, 12-digit personal identification numbers and 10/13-digit tax codes,
// standing alone (not inside a longer digit run such as a wire date).
const ID_RUN = /(?<![0-9])([0-9]{9}|[0-9]{10}|[0-9]{12}|[0-9]{13})(?![0-9])/g;

/**
 * Masks personal identification numbers, legacy ID numbers and tax codes in free text:
 * keeps the first three and the last two digits (`038*******45`). Longer digit runs
 * (wire dates `yyyyMMddHHmmss`, amounts) are left alone.
 *
 * @example
 * ```ts
 * import { maskPersonalIds } from '@motcua/adapters';
 * maskPersonalIds('Số định danh 038190012345 không khớp'); // 'Số định danh 038*******45 không khớp'
 * ```
 * @category Errors
 */
export function maskPersonalIds(text: string): string {
  return text.replace(ID_RUN, (id) => `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`);
}

/**
 * Masks one identifier completely but its last two characters, for log fields that hold
 * exactly one identifier.
 *
 * @example
 * ```ts
 * import { maskIdentifier } from '@motcua/adapters';
 * maskIdentifier('038190012345'); // '**********45'
 * ```
 * @category Errors
 */
export function maskIdentifier(value: string): string {
  if (value.length <= 2) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 2)}${value.slice(-2)}`;
}
