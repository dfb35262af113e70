/**
 * The DVCQG integration envelope (dvcqg-wire.md §2): every service call is a POST of
 * `{session, madonvi, service, …parameters}` and every answer is
 * `{error_code, message, result}`.
 *
 * @module
 */
import { z } from 'zod';

type Ctx = z.core.ParsePayload<unknown>;

/**
 * The raw `error_code` of a DVCQG answer: a number or a string, kept verbatim (callers
 * must be able to surface it unchanged, §2.2).
 *
 * @example
 * ```ts
 * import type { DvcqgErrorCode } from '@motcua/schemas/dvcqg';
 * const ok: DvcqgErrorCode = '00';
 * ```
 * @category DVCQG
 */
export type DvcqgErrorCode = string | number;

/**
 * A DVCQG `error_code` (mã lỗi). Lenient: number or string, any value — which codes mean
 * what is decided by {@link isDvcqgSuccess} and {@link isAlreadyExists}, not by the shape.
 * Missing is `REQUIRED` (an answer without `error_code` is an error, §2.2).
 *
 * @example
 * ```ts
 * import { dvcqgErrorCodeSchema } from '@motcua/schemas/dvcqg';
 * dvcqgErrorCodeSchema.parse('00'); // '00'
 * ```
 * @category DVCQG
 */
export const dvcqgErrorCodeSchema: z.ZodType<DvcqgErrorCode, unknown> = z
  .any()
  .check((ctx: Ctx) => {
    const v = ctx.value;
    // Error codes are whole numbers on the wire (0, 3, -3); the JSON Schema says `integer` too.
    if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return;
    ctx.issues.push({ code: 'invalid_type', expected: 'string', input: v });
  })
  .meta({
    description: 'error_code: 0, "0" or "00" mean success',
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  }) as unknown as z.ZodType<DvcqgErrorCode, unknown>;

/**
 * `true` when a DVCQG `error_code` means success (thành công): the number `0` or the
 * strings `"0"` / `"00"` (dvcqg-wire.md §2.2; OpenCPS accepts `== 0` and `"00"`, Thanh Hóa
 * `"0"`). Success is not conditional on the message saying "thành công". Anything else —
 * including `undefined`, `null`, `""`, `"000"` — is not success.
 *
 * @example
 * ```ts
 * import { isDvcqgSuccess } from '@motcua/schemas/dvcqg';
 * isDvcqgSuccess(0); // true
 * isDvcqgSuccess('00'); // true
 * isDvcqgSuccess('-3'); // false
 * ```
 * @category DVCQG
 */
export function isDvcqgSuccess(code: unknown): boolean {
  return code === 0 || code === '0' || code === '00';
}

const ALREADY_EXISTS = 'đã tồn tại'.normalize('NFC');

/**
 * `true` when a create was answered with "already exists" (hồ sơ đã tồn tại): `error_code`
 * is `3` or `-3` (number or string) **and** the message contains "đã tồn tại". The message
 * is compared after Unicode NFC normalisation (decomposed diacritics from some systems)
 * and lower-casing (so "Đã tồn tại" at the start of a sentence matches). The caller should
 * retry once as an update (dvcqg-wire.md §2.2, §11.3).
 *
 * @example
 * ```ts
 * import { isAlreadyExists } from '@motcua/schemas/dvcqg';
 * isAlreadyExists('-3', 'Hồ sơ 000.00.00.H56-250701-0001 đã tồn tại'); // true
 * isAlreadyExists(3, 'Lỗi hệ thống'); // false
 * ```
 * @category DVCQG
 */
export function isAlreadyExists(code: unknown, message: unknown): boolean {
  if (!(code === 3 || code === -3 || code === '3' || code === '-3')) return false;
  if (typeof message !== 'string') return false;
  return message.normalize('NFC').toLowerCase().includes(ALREADY_EXISTS);
}

/**
 * A service call to the DVCQG integration endpoint (lời gọi dịch vụ tích hợp),
 * dvcqg-wire.md §2.1. Service parameters sit beside the envelope fields.
 *
 * @example
 * ```ts
 * import type { DvcqgServiceCall } from '@motcua/schemas/dvcqg';
 * const call: DvcqgServiceCall = { session: 'eyJhbGciOi…', madonvi: '000.00.00.H56', service: 'LayThuTuc', maTTHC: '1.001193' };
 * ```
 * @category DVCQG
 */
export interface DvcqgServiceCall {
  /** Session token from the login (§1.4). Optional because LGSP variants move auth elsewhere (§12). */
  session?: string | undefined;
  /** The caller's agency code (mã đơn vị, identifiers.md §2). */
  madonvi: string;
  /** Service name (tên dịch vụ), e.g. `DongBoHoSoMC`, `LayThuTuc` (§3). */
  service: string;
  /** Service parameters (kept as received). */
  [parameter: string]: unknown;
}

/**
 * Schema of {@link DvcqgServiceCall}. Unknown parameters are kept.
 *
 * @example
 * ```ts
 * import { dvcqgServiceCallSchema } from '@motcua/schemas/dvcqg';
 * dvcqgServiceCallSchema.safeParse({ madonvi: '000.00.00.H56', service: 'TraCuuHoSo', mahoso: '000.00.00.H56-250701-0001' }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgServiceCallSchema: z.ZodType<DvcqgServiceCall> = z.looseObject({
  session: z.string().min(1).optional(),
  madonvi: z.string().min(1),
  service: z.string().min(1),
});

/**
 * A DVCQG answer (phản hồi): `{error_code, message, result}` (dvcqg-wire.md §2.2).
 *
 * @example
 * ```ts
 * import type { DvcqgResponse } from '@motcua/schemas/dvcqg';
 * const r: DvcqgResponse = { error_code: 0, message: 'Đồng bộ hồ sơ thành công', result: [] };
 * ```
 * @category DVCQG
 */
export interface DvcqgResponse {
  /** Raw error code; lenient `0` / `"0"` / `"00"` for success (see {@link isDvcqgSuccess}). */
  error_code: DvcqgErrorCode;
  /** Human-readable message; may be absent or `null` on success. */
  message?: string | null | undefined;
  /** Service-specific payload, kept as received (an array for look-ups). */
  result?: unknown;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgResponse}. Only the envelope is checked; `result` is kept as is.
 *
 * @example
 * ```ts
 * import { dvcqgResponseSchema } from '@motcua/schemas/dvcqg';
 * dvcqgResponseSchema.safeParse({ error_code: '-3', message: 'Hồ sơ đã tồn tại' }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgResponseSchema: z.ZodType<DvcqgResponse, unknown> = z.looseObject({
  error_code: dvcqgErrorCodeSchema,
  message: z.string().nullish(),
  result: z.unknown().optional(),
});
