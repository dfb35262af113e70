/**
 * DVCQG login (đăng nhập adapter), dvcqg-wire.md §1.4: `POST {adapter_url}{auth_endpoint}`
 * with `{username, password}`, answered by `{session, error_code, message}`.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';
import { type DvcqgErrorCode, dvcqgErrorCodeSchema, isDvcqgSuccess } from './envelope.ts';

/**
 * The login answer (phản hồi đăng nhập). OpenCPS reads `session`; Hà Giang's C# DTO is
 * `returnSession {error_code, message, session}`.
 *
 * @example
 * ```ts
 * import type { DvcqgLoginResponse } from '@motcua/schemas/dvcqg';
 * const r: DvcqgLoginResponse = { session: 'c2Vzc2lvbi10b2tlbg', error_code: 0, message: 'Đăng nhập thành công' };
 * ```
 * @category DVCQG
 */
export interface DvcqgLoginResponse {
  /** Session token for later calls; present on success (§1.4). */
  session?: string | null | undefined;
  /** Raw error code; `0` / `"0"` / `"00"` is success (lenient, §2.2). */
  error_code: DvcqgErrorCode;
  /** Message; free text. */
  message?: string | null | undefined;
  /** Vendor extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgLoginResponse}. A success code without a non-empty `session` is
 * an error (`DVCQG_LOGIN_SESSION_MISSING`): success means `error_code` 0 **and** a session
 * (§1.4). A failure code is a well-formed answer (the caller decides what to do with it).
 *
 * @example
 * ```ts
 * import { dvcqgLoginResponseSchema } from '@motcua/schemas/dvcqg';
 * dvcqgLoginResponseSchema.safeParse({ error_code: 0 }).success; // false (no session)
 * ```
 * @category DVCQG
 */
export const dvcqgLoginResponseSchema: z.ZodType<DvcqgLoginResponse, unknown> = z
  .looseObject({
    session: z.string().nullish(),
    error_code: dvcqgErrorCodeSchema,
    message: z.string().nullish(),
  })
  .superRefine((v, ctx) => {
    if (isDvcqgSuccess(v.error_code) && (typeof v.session !== 'string' || v.session === '')) {
      ctx.addIssue(customIssue('DVCQG_LOGIN_SESSION_MISSING', undefined, ['session']));
    }
  });

/**
 * `true` when a login answer is a usable success: `error_code` means success and a
 * non-empty `session` is present (§1.4).
 *
 * @example
 * ```ts
 * import { isDvcqgLoginSuccess } from '@motcua/schemas/dvcqg';
 * isDvcqgLoginSuccess({ session: 'c2Vzc2lvbg', error_code: '0' }); // true
 * isDvcqgLoginSuccess({ error_code: 0 }); // false
 * ```
 * @category DVCQG
 */
export function isDvcqgLoginSuccess(response: unknown): boolean {
  if (response === null || typeof response !== 'object') return false;
  const r = response as { session?: unknown; error_code?: unknown };
  return isDvcqgSuccess(r.error_code) && typeof r.session === 'string' && r.session !== '';
}
