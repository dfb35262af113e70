/**
 * Boolean-like DVCQG wire fields (`IsDeleted`, `isUpdating`, the `0`/`1` reuse and
 * digitization flags). The official type is unknown and real systems differ, so reading
 * is lenient (dvcqg-wire.md §4.4, "Safe behaviour for IsDeleted and other boolean-like
 * fields"): `"True"`/`"False"` in any case (OpenCPS), `"1"`/`"0"` and `1`/`0` (Thanh Hóa),
 * and JSON booleans.
 *
 * @module
 */
import { z } from 'zod';

type Ctx = z.core.ParsePayload<unknown>;

/**
 * Reads a boolean-like wire value. Returns `undefined` for anything else (including
 * `"yes"`, `2`, `null`). Never throws.
 *
 * @example
 * ```ts
 * import { parseWireBool } from '@motcua/schemas/dvcqg';
 * parseWireBool('False'); // false
 * parseWireBool('TRUE'); // true
 * parseWireBool(1); // true
 * parseWireBool('có'); // undefined
 * ```
 * @category DVCQG
 */
export function parseWireBool(v: unknown): boolean | undefined {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v === 1 ? true : v === 0 ? false : undefined;
    case 'string':
      if (v === '1') return true;
      if (v === '0') return false;
      if (v.length === 4 && v.toLowerCase() === 'true') return true;
      if (v.length === 5 && v.toLowerCase() === 'false') return false;
      return undefined;
    default:
      return undefined;
  }
}

const BOOL_INPUT_ANY_OF = [
  { type: 'boolean' },
  { type: 'integer', enum: [0, 1] },
  { type: 'string', pattern: '^([01]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' },
];

function checkBoolLike(ctx: Ctx): void {
  if (parseWireBool(ctx.value) !== undefined) return;
  if (ctx.value === undefined) {
    ctx.issues.push({ code: 'invalid_type', expected: 'boolean', input: ctx.value });
    return;
  }
  ctx.issues.push({
    code: 'custom',
    message: 'DVCQG_BOOL_INVALID',
    params: { motcuaCode: 'DVCQG_BOOL_INVALID' },
    input: ctx.value,
  });
}

/**
 * A boolean-like wire field, normalised to a JSON boolean on output. Invalid values
 * report `DVCQG_BOOL_INVALID`. Used for `TaiLieuNop[].IsDeleted` and `isUpdating`.
 *
 * @example
 * ```ts
 * import { wireBoolSchema } from '@motcua/schemas/dvcqg';
 * wireBoolSchema.parse('False'); // false
 * wireBoolSchema.parse(1); // true
 * ```
 * @category DVCQG
 */
export const wireBoolSchema: z.ZodType<boolean, unknown> = z
  .any()
  .check(checkBoolLike)
  .overwrite((v: unknown) => parseWireBool(v) === true)
  .meta({
    description: 'Boolean-like: true/false, 1/0, "1"/"0", "True"/"False" (any case)',
    anyOf: BOOL_INPUT_ANY_OF,
  }) as unknown as z.ZodType<boolean, unknown>;

/**
 * A `0`/`1` wire flag (`DuocSoHoa`, `DuocLayTuKhoDMQG`, `HoSoCoThanhPhanSoHoa`,
 * `TaiKhoanDuocXacThucVoiVNeID`). Reads every boolean-like form but outputs the string
 * the portal and the 766 formulas use (`"1"` / `"0"`), so the value can be sent as is.
 *
 * @example
 * ```ts
 * import { wireFlagSchema } from '@motcua/schemas/dvcqg';
 * wireFlagSchema.parse(true); // '1'
 * wireFlagSchema.parse('0'); // '0'
 * ```
 * @category DVCQG
 */
export const wireFlagSchema: z.ZodType<'0' | '1', unknown> = z
  .any()
  .check(checkBoolLike)
  .overwrite((v: unknown): '0' | '1' => (v === '1' ? '1' : v === '0' ? '0' : parseWireBool(v) === true ? '1' : '0'))
  .meta({
    description: '0/1 flag; also accepts true/false and "True"/"False" (any case)',
    anyOf: BOOL_INPUT_ANY_OF,
  }) as unknown as z.ZodType<'0' | '1', unknown>;
