/**
 * The one error family of `@motcua/adapters`: {@link AdapterError} with a stable string
 * `code` union callers `switch` on, and its transport subclass {@link PortalError}, which
 * keeps the request context (service, `madonvi`, raw `error_code`, HTTP status, request
 * id) the way ky's `HTTPError` and stripe-node's `requestId` do.
 *
 * @module
 */

/**
 * Codes of a {@link PortalError}: something went wrong talking to a remote system
 * (Cổng DVCQG, the digitization store, the population database, the payment platform,
 * LGSP). The set only grows; a code is never reused for another meaning.
 *
 * | Code | Raised when | Retried by the client |
 * |---|---|---|
 * | `PORTAL_SESSION_EXPIRED` | the portal refused the session and a fresh login did not help | no (one re-login already happened) |
 * | `PORTAL_AUTH_FAILED` | the login or token request was refused (bad credentials, no session in the answer) | no |
 * | `PORTAL_REJECTED` | the portal answered with a non-success `error_code` (the raw code and message are kept) | no |
 * | `PORTAL_ALREADY_EXISTS` | a create was answered "đã tồn tại" (`error_code` ±3), dvcqg-wire.md §2.2 | no (the upsert turns it into an update) |
 * | `PORTAL_TIMEOUT` | no answer within `timeoutMs` | idempotent calls only |
 * | `PORTAL_HTTP` | an HTTP status outside 2xx (other than 401 and 429) | 5xx on idempotent calls; 503 honours `Retry-After` |
 * | `PORTAL_NETWORK` | the connection failed or was dropped | idempotent calls only |
 * | `PORTAL_BAD_RESPONSE` | the answer is not JSON, or fails the wire schema (the raw payload is attached) | no |
 * | `PORTAL_RATE_LIMITED` | HTTP 429, after the retries allowed | yes, always (the request was not processed), honouring `Retry-After` |
 *
 * @example
 * ```ts
 * import type { PortalErrorCode } from '@motcua/adapters';
 * const code: PortalErrorCode = 'PORTAL_REJECTED';
 * ```
 * @category Errors
 */
export type PortalErrorCode =
  | 'PORTAL_SESSION_EXPIRED'
  | 'PORTAL_AUTH_FAILED'
  | 'PORTAL_REJECTED'
  | 'PORTAL_ALREADY_EXISTS'
  | 'PORTAL_TIMEOUT'
  | 'PORTAL_HTTP'
  | 'PORTAL_NETWORK'
  | 'PORTAL_BAD_RESPONSE'
  | 'PORTAL_RATE_LIMITED';

/**
 * Every code an {@link AdapterError} can carry: the {@link PortalErrorCode}s plus the
 * local ones.
 *
 * | Code | Raised when |
 * |---|---|
 * | `CODEC_WIRE_INVALID` | a codec produced a wire object the wire schema rejects (the canonical input lacks what the portal requires); `issues` lists why |
 * | `CODEC_UNSUPPORTED` | a canonical value has no wire form in the chosen profile |
 * | `XML_DOCTYPE_FORBIDDEN` | an XML document carries a `<!DOCTYPE` (entity and DTD attacks are refused before parsing) |
 * | `XML_MALFORMED` | an XML document could not be parsed, or is not the expected document |
 * | `XML_LIMIT` | an XML document exceeds a size, depth or count limit |
 * | `EDXML_INVALID` | an edXML envelope or status message misses what QCVN 102 requires |
 * | `VIETQR_INVALID` | VietQR input cannot be encoded (a value too long, not ASCII, a bad BIN) |
 * | `PAYMENT_INVALID` | a payment message cannot be built (amount, reference, time) |
 * | `INVALID_ARGUMENT` | any other argument outside its documented domain |
 *
 * @example
 * ```ts
 * import type { AdapterErrorCode } from '@motcua/adapters';
 * const code: AdapterErrorCode = 'XML_DOCTYPE_FORBIDDEN';
 * ```
 * @category Errors
 */
export type AdapterErrorCode =
  | PortalErrorCode
  | 'CODEC_WIRE_INVALID'
  | 'CODEC_UNSUPPORTED'
  | 'XML_DOCTYPE_FORBIDDEN'
  | 'XML_MALFORMED'
  | 'XML_LIMIT'
  | 'EDXML_INVALID'
  | 'VIETQR_INVALID'
  | 'PAYMENT_INVALID'
  | 'INVALID_ARGUMENT';

/**
 * Options of {@link AdapterError}.
 *
 * @example
 * ```ts
 * import type { AdapterErrorOptions } from '@motcua/adapters';
 * const o: AdapterErrorOptions = { cause: new Error('socket hang up'), details: { field: 'SoTien' } };
 * ```
 * @category Errors
 */
export interface AdapterErrorOptions {
  /** What went wrong underneath, kept as `Error.cause`. */
  cause?: unknown;
  /** Machine-readable details (validation issues, the offending field). Never personal data. */
  details?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The base error of `@motcua/adapters`. Callers `switch` on the stable
 * {@link AdapterError.code}; the message is for people and may change.
 *
 * @example
 * ```ts
 * import { AdapterError } from '@motcua/adapters';
 * try {
 *   throw new AdapterError('XML_DOCTYPE_FORBIDDEN', 'DOCTYPE is not allowed');
 * } catch (error) {
 *   if (error instanceof AdapterError && error.code === 'XML_DOCTYPE_FORBIDDEN') {
 *     // refuse the message, log the sender
 *   }
 * }
 * ```
 * @category Errors
 */
export class AdapterError extends Error {
  /** Stable machine-readable code; see {@link AdapterErrorCode}. */
  readonly code: AdapterErrorCode;
  /** Machine-readable details, when any. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: AdapterErrorCode, message: string, options?: AdapterErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AdapterError';
    this.code = code;
    this.details = options?.details;
  }
}

/**
 * The context of a {@link PortalError}: which call failed and what the other side said.
 *
 * @example
 * ```ts
 * import type { PortalErrorContext } from '@motcua/adapters';
 * const c: PortalErrorContext = { service: 'DongBoHoSoMC', madonvi: '000.00.00.H56', errorCode: '-1', status: 200 };
 * ```
 * @category Errors
 */
export interface PortalErrorContext {
  /** Service name (`DongBoHoSoMC`, `login`, `payment:INIT`, `lgsp:/Document/SyncDocument`, …). */
  service: string;
  /** The caller's agency code, for DVCQG calls. */
  madonvi?: string | undefined;
  /** The raw `error_code` (or `errorCode`, `MaLoi`) exactly as received. */
  errorCode?: string | number | undefined;
  /** The remote message exactly as received (may contain personal data: do not log it as is). */
  portalMessage?: string | undefined;
  /** HTTP status, when an answer arrived. */
  status?: number | undefined;
  /** Request id: the answer's `X-Request-Id` when present, else the one the client sent. */
  requestId?: string | undefined;
  /** Milliseconds the server asked to wait (`Retry-After`), when it did. */
  retryAfterMs?: number | undefined;
  /** Attempts made, including the first. */
  attempts?: number | undefined;
  /** The raw answer, for `PORTAL_BAD_RESPONSE` (may contain personal data: do not log it). */
  payload?: unknown;
}

/**
 * A failed call to a remote system. Keeps the service, `madonvi`, the raw `error_code`
 * and message, the HTTP status and the request id; `cause` holds the transport error.
 * The `message` never contains the session token, and personal identification numbers
 * in it are masked.
 *
 * @example
 * ```ts
 * import { PortalError } from '@motcua/adapters';
 * declare const error: unknown;
 * if (error instanceof PortalError) {
 *   switch (error.code) {
 *     case 'PORTAL_REJECTED':
 *       console.warn(error.service, error.errorCode, error.requestId); // keep for the operator
 *       break;
 *     case 'PORTAL_TIMEOUT':
 *     case 'PORTAL_NETWORK':
 *       // try again later: the upsert is idempotent
 *       break;
 *   }
 * }
 * ```
 * @category Errors
 */
export class PortalError extends AdapterError {
  declare readonly code: PortalErrorCode;
  /** Service name. */
  readonly service: string;
  /** The caller's agency code, for DVCQG calls. */
  readonly madonvi: string | undefined;
  /** The raw error code as received. */
  readonly errorCode: string | number | undefined;
  /** The remote message as received. */
  readonly portalMessage: string | undefined;
  /** HTTP status. */
  readonly status: number | undefined;
  /** Request id. */
  readonly requestId: string | undefined;
  /** `Retry-After` in milliseconds, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  /** Attempts made. */
  readonly attempts: number | undefined;
  /** The raw answer, for `PORTAL_BAD_RESPONSE`. */
  readonly payload: unknown;

  constructor(code: PortalErrorCode, message: string, context: PortalErrorContext, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'PortalError';
    this.service = context.service;
    this.madonvi = context.madonvi;
    this.errorCode = context.errorCode;
    this.portalMessage = context.portalMessage;
    this.status = context.status;
    this.requestId = context.requestId;
    this.retryAfterMs = context.retryAfterMs;
    this.attempts = context.attempts;
    this.payload = context.payload;
  }

  /**
   * `true` when trying the same call again later may succeed (timeouts, network errors,
   * 5xx, 429, an expired session); `false` for rejections, bad answers and refused logins.
   *
   * @example
   * ```ts
   * import { PortalError } from '@motcua/adapters';
   * new PortalError('PORTAL_TIMEOUT', 'timed out', { service: 'TraCuuHoSo' }).transient; // true
   * ```
   */
  get transient(): boolean {
    switch (this.code) {
      case 'PORTAL_TIMEOUT':
      case 'PORTAL_NETWORK':
      case 'PORTAL_RATE_LIMITED':
      case 'PORTAL_SESSION_EXPIRED':
        return true;
      case 'PORTAL_HTTP':
        return this.status === undefined || this.status >= 500 || this.status === 408;
      default:
        return false;
    }
  }
}
