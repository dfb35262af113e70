/**
 * Money: whole Vietnamese đồng.
 *
 * @module
 */
import { z } from 'zod';

/**
 * Số tiền (an amount of money) in whole Vietnamese đồng (VND): a non-negative safe
 * integer. The đồng has no minor unit in use, so fractions are always an error, and
 * amounts stay exact (no floating-point cents).
 *
 * @example
 * ```ts
 * import type { VndAmount } from '@motcua/schemas';
 * const fee: VndAmount = 50_000; // 50.000 ₫
 * ```
 * @category Canonical
 */
export type VndAmount = number;

/**
 * Zod schema of a {@link VndAmount}: an integer from 0 to `Number.MAX_SAFE_INTEGER`.
 * A fraction is reported as `TYPE_INVALID` (expected `int`), a negative amount as
 * `NUMBER_TOO_SMALL`, an unsafe one as `NUMBER_TOO_BIG`.
 *
 * @example
 * ```ts
 * import { vndAmountSchema } from '@motcua/schemas';
 * vndAmountSchema.safeParse(50000).success; // true
 * vndAmountSchema.safeParse(50000.5).success; // false
 * ```
 * @category Canonical
 */
export const vndAmountSchema: z.ZodType<VndAmount> = z
  .number()
  .int()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Amount in whole Vietnamese đồng (VND).', examples: [50000] });
