/**
 * The HTTP transport every adapter client shares: one ky request per attempt, with a
 * per-attempt deadline covering headers and body, a token-bucket rate limiter, and
 * retries with exponential backoff and full jitter — only where a repeat is safe.
 *
 * Retry rules (decided per call by `idempotent`):
 * - HTTP 429 is always retried: the server says it did not process the request
 *   (RFC 6585 §4). `Retry-After` is honoured (capped by `maxRetryAfterMs`).
 * - Timeouts, dropped connections and 5xx are retried only for idempotent calls,
 *   because the request may have been processed. 503 honours `Retry-After`.
 * - Anything else (4xx, a portal rejection, a malformed answer) is not retried.
 *
 * @module
 */
import ky, { HTTPError, TimeoutError } from 'ky';
import { PortalError, type PortalErrorCode } from '../errors.ts';
import { createTokenBucket, type RateLimitOptions, type RequestLimiter, sleep } from './rate-limit.ts';
import { maskPersonalIds } from './redact.ts';

/**
 * Retry settings. The delay before retry `n` (1-based) is a uniformly random value in
 * `[0, min(maxDelayMs, baseDelayMs · 2^(n-1))]` ("full jitter"), unless the server sent
 * `Retry-After`.
 *
 * @example
 * ```ts
 * import type { RetryOptions } from '@motcua/adapters';
 * const retry: RetryOptions = { retries: 5, baseDelayMs: 200, maxDelayMs: 5_000 };
 * ```
 * @category HTTP
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number | undefined;
  /** Base of the exponential backoff, ms (default 250). */
  baseDelayMs?: number | undefined;
  /** Cap of the backoff, ms (default 8000). */
  maxDelayMs?: number | undefined;
  /** Longest `Retry-After` honoured, ms (default 60000); longer values are capped. */
  maxRetryAfterMs?: number | undefined;
}

/**
 * One log event of the transport. It never carries a body, a session token or a
 * personal identifier, so it can go to any log.
 *
 * @example
 * ```ts
 * import type { TransportLogEvent } from '@motcua/adapters';
 * const e: TransportLogEvent = { type: 'retry', service: 'TraCuuHoSo', attempt: 1, requestId: 'a1b2', delayMs: 180, code: 'PORTAL_TIMEOUT' };
 * ```
 * @category HTTP
 */
export interface TransportLogEvent {
  /** `response`: an answer arrived; `retry`: the call will be repeated; `error`: the call failed for good. */
  type: 'response' | 'retry' | 'error';
  /** Service name. */
  service: string;
  /** Attempt number, 1-based. */
  attempt: number;
  /** Request id sent (or received). */
  requestId: string;
  /** HTTP status, when an answer arrived. */
  status?: number | undefined;
  /** Time of the attempt, ms. */
  durationMs?: number | undefined;
  /** Delay before the next attempt, for `retry`. */
  delayMs?: number | undefined;
  /** Error code, for `retry` and `error`. */
  code?: PortalErrorCode | undefined;
}

/**
 * Receives {@link TransportLogEvent}s.
 *
 * @example
 * ```ts
 * import type { TransportLogger } from '@motcua/adapters';
 * const log: TransportLogger = (e) => console.debug(JSON.stringify(e));
 * ```
 * @category HTTP
 */
export type TransportLogger = (event: TransportLogEvent) => void;

/**
 * Options shared by every client of this package.
 *
 * @example
 * ```ts
 * import type { TransportOptions } from '@motcua/adapters';
 * const o: TransportOptions = { timeoutMs: 30_000, retry: { retries: 2 }, rateLimit: { requestsPerSecond: 20 } };
 * ```
 * @category HTTP
 */
export interface TransportOptions {
  /** Deadline of one attempt (headers and body), ms (default 60000, dvcqg-wire.md §1.2). */
  timeoutMs?: number | undefined;
  /** Retry settings, or `false` for none. */
  retry?: RetryOptions | false | undefined;
  /** A token bucket, a ready limiter (to share one between clients), or `false` for none (default). */
  rateLimit?: RateLimitOptions | RequestLimiter | false | undefined;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Receives log events. */
  logger?: TransportLogger | undefined;
  /** Random numbers in `[0, 1)` for the jitter (default `Math.random`). */
  random?: (() => number) | undefined;
  /** How to wait between attempts (default: a timer). */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

/**
 * One request through the transport.
 *
 * @example
 * ```ts
 * import type { TransportRequest } from '@motcua/adapters';
 * const r: TransportRequest = { service: 'TraCuuHoSo', url: 'http://127.0.0.1:8080/api', json: { service: 'TraCuuHoSo' }, idempotent: true };
 * ```
 * @category HTTP
 */
export interface TransportRequest {
  /** Service name, for errors and logs. */
  service: string;
  /** Agency code, for errors. */
  madonvi?: string | undefined;
  /** Absolute URL. */
  url: string;
  /** HTTP method (default `POST`). */
  method?: 'GET' | 'POST' | undefined;
  /** JSON body. */
  json?: unknown;
  /** Raw body (form data, text). */
  body?: string | URLSearchParams | undefined;
  /** Extra headers. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Whether repeating the request is harmless (enables retries on timeouts, network errors, 5xx). */
  idempotent: boolean;
  /** How to read the body: parsed JSON (default), raw bytes, or text. */
  responseType?: 'json' | 'bytes' | 'text' | undefined;
  /** Statuses outside 2xx returned to the caller instead of raising `PORTAL_HTTP` (e.g. 401 for re-login). */
  acceptStatuses?: readonly number[] | undefined;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * An answer the transport accepted.
 *
 * @example
 * ```ts
 * import type { TransportResponse } from '@motcua/adapters';
 * declare const r: TransportResponse;
 * r.status; // 200
 * ```
 * @category HTTP
 */
export interface TransportResponse {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed JSON, bytes or text, per `responseType`. */
  body: unknown;
  /** The answer's `X-Request-Id`, or the one sent. */
  requestId: string;
  /** Attempts made. */
  attempts: number;
}

/**
 * Sends requests; see the module notes for the retry rules.
 *
 * @example
 * ```ts
 * import { createTransport } from '@motcua/adapters';
 * const transport = createTransport({ timeoutMs: 10_000 });
 * const r = await transport.send({ service: 'ping', url: 'http://127.0.0.1:8080/ping', method: 'GET', idempotent: true });
 * ```
 * @category HTTP
 */
export interface Transport {
  /** Sends one request, retrying where safe. Throws {@link PortalError}. */
  send(request: TransportRequest): Promise<TransportResponse>;
}

const DEFAULTS = { retries: 3, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * Reads a `Retry-After` value: delay seconds or an HTTP-date. Returns milliseconds, or
 * `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from '@motcua/adapters';
 * parseRetryAfter('2'); // 2000
 * parseRetryAfter('soon'); // undefined
 * ```
 * @category HTTP
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** One failed attempt: the error to surface and whether repeating is safe. */
class AttemptFailure extends Error {
  readonly error: PortalError;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(error: PortalError, retryable: boolean, retryAfterMs?: number) {
    super(error.message);
    this.name = 'AttemptFailure';
    this.error = error;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * Creates a {@link Transport}.
 *
 * @example
 * ```ts
 * import { createTransport } from '@motcua/adapters';
 * const transport = createTransport({ retry: { retries: 2 }, rateLimit: { requestsPerSecond: 5 } });
 * ```
 * @category HTTP
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retry: typeof DEFAULTS =
    options.retry === false ? { ...DEFAULTS, retries: 0 } : { ...DEFAULTS, ...stripUndefined(options.retry) };
  const limiter: RequestLimiter | undefined =
    options.rateLimit === undefined || options.rateLimit === false
      ? undefined
      : 'take' in options.rateLimit
        ? options.rateLimit
        : createTokenBucket(options.rateLimit);
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? sleep;
  const log = options.logger;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function attempt(request: TransportRequest, requestId: string, n: number): Promise<TransportResponse> {
    const context = { service: request.service, madonvi: request.madonvi, requestId, attempts: n };
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineError()), timeoutMs);
    const signal = request.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, request.signal]);
    const started = performance.now();
    try {
      let response: Response;
      try {
        response = await ky(request.url, {
          method: request.method ?? 'POST',
          ...(request.json === undefined ? {} : { json: request.json }),
          ...(request.body === undefined ? {} : { body: request.body }),
          headers: { 'X-Request-Id': requestId, ...request.headers },
          timeout: false,
          retry: 0,
          throwHttpErrors: false,
          signal,
          fetch: fetchImpl,
        });
      } catch (cause) {
        throw classifyTransportFailure(cause, request, context, timeoutMs);
      }
      const answeredId = response.headers.get('x-request-id') ?? requestId;
      const status = response.status;
      let raw: Uint8Array;
      try {
        raw = new Uint8Array(await response.arrayBuffer());
      } catch (cause) {
        throw classifyTransportFailure(cause, request, { ...context, requestId: answeredId, status }, timeoutMs);
      }
      log?.({
        type: 'response',
        service: request.service,
        attempt: n,
        requestId: answeredId,
        status,
        durationMs: Math.round(performance.now() - started),
      });
      const ok = (status >= 200 && status < 300) || (request.acceptStatuses?.includes(status) ?? false);
      if (!ok) throw httpFailure(status, response.headers, raw, request, { ...context, requestId: answeredId });
      const responseType = request.responseType ?? 'json';
      let body: unknown;
      if (responseType === 'bytes') body = raw;
      else {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
        if (responseType === 'text') body = text;
        else {
          try {
            body = text.trim() === '' ? undefined : JSON.parse(text);
          } catch (cause) {
            // An accepted error status (401 for re-login) may carry any text.
            if (status < 200 || status >= 300)
              return { status, headers: response.headers, body: text, requestId: answeredId, attempts: n };
            const error = new PortalError(
              'PORTAL_BAD_RESPONSE',
              `${request.service}: the answer is not JSON (HTTP ${status})`,
              { ...context, requestId: answeredId, status, payload: text },
              { cause },
            );
            throw new AttemptFailure(error, false);
          }
        }
      }
      return { status, headers: response.headers, body, requestId: answeredId, attempts: n };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const requestId = newRequestId();
      for (let n = 1; ; n++) {
        if (limiter !== undefined) await limiter.take(request.signal);
        try {
          return await attempt(request, requestId, n);
        } catch (thrown) {
          if (!(thrown instanceof AttemptFailure)) throw thrown;
          const { error } = thrown;
          if (!thrown.retryable || n > retry.retries) {
            log?.({ type: 'error', service: request.service, attempt: n, requestId, code: error.code });
            throw error;
          }
          const delayMs =
            thrown.retryAfterMs !== undefined
              ? Math.min(thrown.retryAfterMs, retry.maxRetryAfterMs)
              : Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (n - 1)));
          log?.({ type: 'retry', service: request.service, attempt: n, requestId, delayMs, code: error.code });
          await wait(delayMs, request.signal);
        }
      }
    },
  };
}

class DeadlineError extends Error {
  constructor() {
    super('deadline exceeded');
    this.name = 'DeadlineError';
  }
}

function stripUndefined(o: RetryOptions | undefined): Partial<typeof DEFAULTS> {
  const out: Partial<typeof DEFAULTS> = {};
  if (o === undefined) return out;
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number') out[k as keyof typeof DEFAULTS] = v;
  return out;
}

function isDeadline(cause: unknown): boolean {
  if (cause instanceof DeadlineError || cause instanceof TimeoutError) return true;
  if (cause instanceof Error && cause.cause instanceof DeadlineError) return true;
  return false;
}

function classifyTransportFailure(
  cause: unknown,
  request: TransportRequest,
  context: { service: string; madonvi: string | undefined; requestId: string; attempts: number; status?: number },
  timeoutMs: number,
): unknown {
  // The caller's own abort is not a portal failure: let it through unchanged.
  if (request.signal?.aborted === true) return request.signal.reason;
  if (isDeadline(cause) || (cause instanceof Error && cause.name === 'AbortError')) {
    const error = new PortalError('PORTAL_TIMEOUT', `${request.service}: no answer within ${timeoutMs} ms`, context, {
      cause,
    });
    return new AttemptFailure(error, request.idempotent);
  }
  if (cause instanceof HTTPError) {
    return httpFailure(cause.response.status, cause.response.headers, new Uint8Array(), request, context);
  }
  const error = new PortalError(
    'PORTAL_NETWORK',
    `${request.service}: connection failed (${cause instanceof Error ? cause.message : String(cause)})`,
    context,
    { cause },
  );
  return new AttemptFailure(error, request.idempotent);
}

function httpFailure(
  status: number,
  headers: Headers,
  raw: Uint8Array,
  request: TransportRequest,
  context: { service: string; madonvi: string | undefined; requestId: string; attempts: number },
): AttemptFailure {
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after')) : undefined;
  const snippet = maskPersonalIds(new TextDecoder().decode(raw.subarray(0, 200)).trim());
  const code: PortalErrorCode = status === 429 ? 'PORTAL_RATE_LIMITED' : 'PORTAL_HTTP';
  const error = new PortalError(code, `${request.service}: HTTP ${status}${snippet === '' ? '' : ` (${snippet})`}`, {
    ...context,
    status,
    retryAfterMs,
  });
  const retryable = status === 429 || (request.idempotent && (status >= 500 || status === 408));
  return new AttemptFailure(error, retryable, retryAfterMs);
}
