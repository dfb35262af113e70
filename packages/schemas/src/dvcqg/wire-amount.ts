/**
 * Money amounts on the DVCQG wire (`Gia`, `SoTien`): whole VND, never negative.
 *
 * Decision: an amount may arrive as a JSON integer (`150000`) or as a string of ASCII
 * digits (`"150000"`), because DTOs differ (C# `decimal` serializes a number, string-typed
 * Java fields a string). Decimals (`1.5`, `"1.5"`), signs, exponents, thousands separators
 * (`"150.000"`), `NaN`/`Infinity` and amounts beyond `Number.MAX_SAFE_INTEGER` are
 * rejected with `DVCQG_AMOUNT_INVALID`: VND has no minor unit, and a separator is
 * ambiguous (`.` is the Vietnamese thousands separator).
 *
 * @module
 */
import { z } from 'zod';

type Ctx = z.core.ParsePayload<unknown>;

const DIGITS = /^[0-9]{1,16}$/;

/**
 * Reads a wire amount as a non-negative safe integer, or `undefined` when it is not one.
 *
 * @example
 * ```ts
 * import { parseWireAmount } from '@motcua/schemas/dvcqg';
 * parseWireAmount('150000'); // 150000
 * parseWireAmount(-1); // undefined
 * parseWireAmount('150.000'); // undefined
 * ```
 * @category DVCQG
 */
export function parseWireAmount(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  if (typeof v === 'string' && DIGITS.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

function checkAmount(ctx: Ctx): void {
  if (parseWireAmount(ctx.value) !== undefined) return;
  if (ctx.value === undefined) {
    ctx.issues.push({ code: 'invalid_type', expected: 'number', input: ctx.value });
    return;
  }
  ctx.issues.push({
    code: 'custom',
    message: 'DVCQG_AMOUNT_INVALID',
    params: { motcuaCode: 'DVCQG_AMOUNT_INVALID' },
    input: ctx.value,
  });
}

const AMOUNT_ANY_OF = [
  { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  { type: 'string', pattern: DIGITS.source },
];

/**
 * A fee amount in VND (`DanhSachLePhi[].Gia`), normalised to a number on output.
 *
 * @example
 * ```ts
 * import { wireAmountSchema } from '@motcua/schemas/dvcqg';
 * wireAmountSchema.parse('50000'); // 50000
 * wireAmountSchema.safeParse(1.5).success; // false
 * ```
 * @category DVCQG
 */
export const wireAmountSchema: z.ZodType<number, unknown> = z
  .any()
  .check(checkAmount)
  .overwrite((v: unknown) => (typeof v === 'number' ? v : Number(v)))
  .meta({
    description: 'Whole VND, non-negative: integer or string of digits',
    anyOf: AMOUNT_ANY_OF,
  }) as unknown as z.ZodType<number, unknown>;

/**
 * An amount kept exactly as received (string or number) — for payment messages, whose
 * `MaXacThuc` checksum is computed over the received text, so it must not be rewritten.
 * Same acceptance rule as {@link wireAmountSchema}.
 *
 * @example
 * ```ts
 * import { verbatimAmountSchema } from '@motcua/schemas/dvcqg';
 * verbatimAmountSchema.parse('50000'); // '50000' (unchanged)
 * ```
 * @category DVCQG
 */
export const verbatimAmountSchema: z.ZodType<string | number, unknown> = z.any().check(checkAmount).meta({
  description: 'Whole VND, non-negative: integer or string of digits (kept verbatim)',
  anyOf: AMOUNT_ANY_OF,
}) as unknown as z.ZodType<string | number, unknown>;
