/**
 * What every route handler receives and returns.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultPlan } from './faults.ts';
import type { SandboxStore } from './state.ts';

/** A parsed incoming request. */
export interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON; `undefined` when it is empty or not JSON. */
  json: unknown;
  /** `true` when the body was not empty and did not parse as JSON. */
  badJson: boolean;
}

/** An answer. `body` is sent as JSON unless it is a Buffer or a string. */
export interface Reply {
  status: number;
  headers?: Record<string, string> | undefined;
  body: unknown;
  /** The portal `error_code` answered, for the request log. */
  errorCode?: string | number | undefined;
}

/** The sandbox a handler works in. */
export interface Ctx {
  store: SandboxStore;
  faults: () => FaultPlan;
  now: () => number;
  /** Base URL of the sandbox (`http://127.0.0.1:PORT`). */
  url: () => string;
  /** Runs work after the answer (payment callbacks); tracked so `close()` waits for it. */
  background: (work: Promise<unknown>) => void;
}

/** A JSON answer. */
export function json(status: number, body: Record<string, unknown>, headers?: Record<string, string>): Reply {
  const errorCode = body.error_code ?? body.errorCode;
  return {
    status,
    body,
    ...(headers === undefined ? {} : { headers }),
    ...(typeof errorCode === 'string' || typeof errorCode === 'number' ? { errorCode } : {}),
  };
}

/**
 * The sandbox's error codes (the portal publishes no table; these are the sandbox's own,
 * chosen to be told apart by a client):
 *
 * | `error_code` | HTTP | Meaning |
 * |---|---|---|
 * | `0` (login) / `"0"` | 200 | success |
 * | `"-1"` | 200 | request invalid: not JSON, rejected by the wire schema, unknown service, missing parameter |
 * | `"-2"` | 401 (200 for a failed login) | not authenticated: wrong credentials, session missing, unknown or expired, bad bearer token |
 * | `"-4"` | 200 | `dstcode` header missing or not accepted |
 * | `"3"` | 200 | create (`isUpdating` false): "Hồ sơ … đã tồn tại" |
 * | `"4"` | 200 | update or progress: "Hồ sơ … không tồn tại" |
 * | `"5"` | 200 | the dossier belongs to another agency (`madonvi`) |
 * | `"-9"` | 200 | injected application error (fault `errorRate`) |
 * | `"-99"` | 500/502/503/504 | injected server error (fault `serverErrorRate`) |
 * | `"429"` | 429 | injected rate limit, with `Retry-After` |
 */
export const ERROR = {
  invalid: '-1',
  auth: '-2',
  dstcode: '-4',
  exists: '3',
  missing: '4',
  foreign: '5',
  injected: '-9',
  server: '-99',
  rateLimited: '429',
} as const;

/** A portal-style error answer. */
export function portalError(
  code: string,
  message: string,
  status = 200,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): Reply {
  return json(status, { error_code: code, message, ...extra }, headers);
}
