/**
 * The Cổng DVCQG client (dvcqg-wire.md §1–§3, §11): login to a session, the catalogue
 * look-ups, `TraCuuHoSo`, the `DongBoHoSoMC` upsert and the chunked
 * `CapNhatTienDoHoSoMC`, over the shared transport (timeouts, safe retries with
 * backoff and full jitter, `Retry-After`, a token-bucket rate limiter).
 *
 * Idempotency — why retrying these calls is safe:
 * - the look-ups (`LayThuTuc`, `LayDanhSachTTHC`, `LayDanhMucCoQuan`, `LayDanhMucLinhVuc`,
 *   `TraCuuHoSo`) and the login change nothing;
 * - `DongBoHoSoMC` is used as an upsert keyed by `MaHoSo`: sending the same dossier twice
 *   leaves the portal in the same state (a create repeated after a lost answer is
 *   answered "đã tồn tại" and {@link DvcqgClient.upsertDossier} turns it into an update,
 *   §11.3.1);
 * - `CapNhatTienDoHoSoMC` rows carry their own time and status; a repeated row is the same
 *   fact, and 766 reads the end of processing by status priority, not by row count
 *   (§4.3, §11.3.6).
 *
 * @module
 */
import {
  type DvcqgDossier,
  type DvcqgProcedure,
  type DvcqgProgress,
  type DvcqgResponse,
  dvcqgLoginResponseSchema,
  dvcqgProcedureSchema,
  dvcqgProgressSchema,
  dvcqgResponseSchema,
  isAlreadyExists,
  isDvcqgLoginSuccess,
  isDvcqgSuccess,
  validateDvcqgDossier,
} from '@motcua/schemas/dvcqg';
import type { z } from 'zod';
import type { WireBooleanStyle } from '../codecs/profile.ts';
import { AdapterError, PortalError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { createTransport, type TransportOptions, type TransportResponse } from '../http/transport.ts';
import {
  type DvcqgAgencyItem,
  type DvcqgFieldItem,
  type DvcqgProcedureListItem,
  dvcqgAgencyItemSchema,
  dvcqgFieldItemSchema,
  dvcqgProcedureListItemSchema,
} from './catalogs.ts';

/**
 * What the portal answered, as seen by the session-expiry check.
 *
 * @example
 * ```ts
 * import type { DvcqgAnswer } from '@motcua/adapters/dvcqg';
 * const a: DvcqgAnswer = { status: 200, body: { error_code: '-1', message: 'Phiên đăng nhập đã hết hạn' } };
 * ```
 * @category DVCQG
 */
export interface DvcqgAnswer {
  /** HTTP status. */
  status: number;
  /** Parsed JSON body. */
  body: unknown;
}

/**
 * Options of {@link createDvcqgClient}: the OpenCPS configuration keys of
 * dvcqg-wire.md §1.1 plus the transport settings.
 *
 * @example
 * ```ts
 * import type { DvcqgClientOptions } from '@motcua/adapters/dvcqg';
 * const options: DvcqgClientOptions = {
 *   adapterUrl: 'http://127.0.0.1:8080',
 *   authEndpoint: '/mapi/login',
 *   integrationEndpoint: '/mapi/g',
 *   shareEndpoint: '/mapi/share',
 *   username: 'motcua-h56',
 *   password: process.env.DVCQG_PASSWORD ?? '',
 *   madonvi: '000.00.00.H56',
 *   dstcode: 'VN:GOV:000.00.00.G22:DVCQG',
 *   rateLimit: { requestsPerSecond: 10, burst: 5 },
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgClientOptions extends TransportOptions {
  /** Base URL of the adapter; every call URL is `adapterUrl + endpoint` (§1.1). */
  adapterUrl: string;
  /** Login endpoint. */
  authEndpoint: string;
  /** Endpoint of service calls (sync, look-ups). */
  integrationEndpoint: string;
  /** Endpoint of shared catalogues (`LayDanhSachTTHC`, `LayDanhMucCoQuan`, `LayDanhMucLinhVuc`). */
  shareEndpoint: string;
  /** Adapter user name. */
  username: string;
  /** Adapter password (never logged). */
  password: string;
  /** The caller's agency code (mã đơn vị), sent in every call. */
  madonvi: string;
  /** Destination service code, sent as the `dstcode` header (§1.2). */
  dstcode: string;
  /** How `isUpdating` is written (default `opencps`: `"True"` / `"False"`). */
  booleanStyle?: WireBooleanStyle | undefined;
  /** Progress rows per `CapNhatTienDoHoSoMC` call (default 10, §11.3.4). */
  progressChunkSize?: number | undefined;
  /** Extra passes for a progress chunk that failed with a transient error (default 1). */
  chunkRetries?: number | undefined;
  /** Check outgoing dossiers and progress rows with the wire schemas before sending (default `true`). */
  validateRequests?: boolean | undefined;
  /** Decides that an answer means "session expired" (default {@link isSessionExpiredAnswer}). */
  isSessionExpired?: ((answer: DvcqgAnswer) => boolean) | undefined;
}

/**
 * Options of one service call.
 *
 * @example
 * ```ts
 * import type { DvcqgCallOptions } from '@motcua/adapters/dvcqg';
 * const o: DvcqgCallOptions = { endpoint: 'share', idempotent: true };
 * ```
 * @category DVCQG
 */
export interface DvcqgCallOptions {
  /** Which endpoint (default `integration`). */
  endpoint?: 'integration' | 'share' | undefined;
  /** Whether repeating the call is harmless (default `true`; see the module notes). */
  idempotent?: boolean | undefined;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * The answer of `TraCuuHoSo`: a non-empty `result` means the dossier exists on the
 * portal (§3). The records are kept as received (their shape is not documented).
 *
 * @example
 * ```ts
 * import type { DvcqgLookupResult } from '@motcua/adapters/dvcqg';
 * const r: DvcqgLookupResult = { found: false, records: [] };
 * ```
 * @category DVCQG
 */
export interface DvcqgLookupResult {
  /** The dossier exists on the portal. */
  found: boolean;
  /** What the portal returned for it. */
  records: Record<string, unknown>[];
}

/**
 * What {@link DvcqgClient.upsertDossier} did.
 *
 * @example
 * ```ts
 * import type { DvcqgUpsertResult } from '@motcua/adapters/dvcqg';
 * declare const r: DvcqgUpsertResult;
 * if (r.raced) console.info('another sender created the dossier first');
 * ```
 * @category DVCQG
 */
export interface DvcqgUpsertResult {
  /** `created`: sent with `isUpdating = False`; `updated`: with `isUpdating = True`. */
  action: 'created' | 'updated';
  /** The look-up said "absent" but the create was answered "already exists", so it was retried as an update. */
  raced: boolean;
  /** The portal's answer to the last `DongBoHoSoMC`. */
  response: DvcqgResponse;
}

/**
 * The outcome of one chunk of progress rows.
 *
 * @example
 * ```ts
 * import type { DvcqgProgressChunk } from '@motcua/adapters/dvcqg';
 * declare const chunk: DvcqgProgressChunk;
 * if (chunk.outcome === 'failed') console.warn(chunk.error?.code);
 * ```
 * @category DVCQG
 */
export interface DvcqgProgressChunk {
  /** Position of the chunk, 0-based. */
  index: number;
  /** Its rows, in order. */
  rows: DvcqgProgress[];
  /** `sent`: the portal accepted it; `failed`: it did not; `skipped`: not sent because an earlier chunk failed. */
  outcome: 'sent' | 'failed' | 'skipped';
  /** Calls made for this chunk (each with the transport's own retries). */
  passes: number;
  /** The portal's answer, when sent. */
  response?: DvcqgResponse | undefined;
  /** Why it failed. */
  error?: PortalError | undefined;
}

/**
 * The outcome of {@link DvcqgClient.capNhatTienDo}.
 *
 * @example
 * ```ts
 * import type { DvcqgProgressResult } from '@motcua/adapters/dvcqg';
 * declare const r: DvcqgProgressResult;
 * const unsent = r.chunks.filter((c) => c.outcome !== 'sent').flatMap((c) => c.rows);
 * ```
 * @category DVCQG
 */
export interface DvcqgProgressResult {
  /** Every chunk was sent. */
  ok: boolean;
  /** Number of rows the portal accepted. */
  sentRows: number;
  /** Per-chunk outcomes, in order. */
  chunks: DvcqgProgressChunk[];
}

/**
 * The outcome of {@link DvcqgClient.syncDossier}.
 *
 * @example
 * ```ts
 * import type { DvcqgSyncResult } from '@motcua/adapters/dvcqg';
 * declare const r: DvcqgSyncResult;
 * r.progress.ok; // every progress chunk accepted
 * ```
 * @category DVCQG
 */
export interface DvcqgSyncResult {
  /** The dossier upsert. */
  upsert: DvcqgUpsertResult;
  /** The progress rows, sent after the upsert succeeded (§11.3.2). */
  progress: DvcqgProgressResult;
}

/**
 * A Cổng DVCQG client. Every method throws {@link PortalError} for transport and portal
 * failures and {@link AdapterError} `CODEC_WIRE_INVALID` for an outgoing payload the
 * wire schema rejects.
 *
 * @example
 * ```ts
 * import { createDvcqgClient } from '@motcua/adapters/dvcqg';
 * declare const options: import('@motcua/adapters/dvcqg').DvcqgClientOptions;
 * const portal = createDvcqgClient(options);
 * const { action } = await portal.upsertDossier({
 *   MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000',
 * });
 * ```
 * @category DVCQG
 */
export interface DvcqgClient {
  /** The caller's agency code. */
  readonly madonvi: string;
  /** Logs in now (a fresh session), replacing the current one. */
  login(signal?: AbortSignal): Promise<void>;
  /** Forgets the session; the next call logs in again. */
  invalidateSession(): void;
  /** Any service call; the escape hatch for services without a method. Throws on a non-success `error_code`. */
  call(service: string, params?: Readonly<Record<string, unknown>>, options?: DvcqgCallOptions): Promise<DvcqgResponse>;
  /** `LayThuTuc`: the catalogue record of a procedure, or `undefined` when the portal returns none. */
  layThuTuc(maTTHC: string, signal?: AbortSignal): Promise<DvcqgProcedure | undefined>;
  /** `LayDanhSachTTHC`: every procedure's code and name (share endpoint). */
  layDanhSachTTHC(signal?: AbortSignal): Promise<DvcqgProcedureListItem[]>;
  /** `LayDanhMucCoQuan`: the agency catalogue (share endpoint). */
  layDanhMucCoQuan(signal?: AbortSignal): Promise<DvcqgAgencyItem[]>;
  /** `LayDanhMucLinhVuc`: the field catalogue (share endpoint). */
  layDanhMucLinhVuc(signal?: AbortSignal): Promise<DvcqgFieldItem[]>;
  /** `TraCuuHoSo`: whether the dossier exists on the portal. */
  traCuuHoSo(maHoSo: string, signal?: AbortSignal): Promise<DvcqgLookupResult>;
  /** `DongBoHoSoMC` as is: create (`isUpdating: false`) or update (`true`) the dossiers. */
  dongBoHoSo(
    items: readonly DvcqgDossier[],
    options: { isUpdating: boolean; signal?: AbortSignal | undefined },
  ): Promise<DvcqgResponse>;
  /** Create or update one dossier: `TraCuuHoSo`, then create or update; "already exists" on create → update once (§11.3). */
  upsertDossier(item: DvcqgDossier, signal?: AbortSignal): Promise<DvcqgUpsertResult>;
  /** `CapNhatTienDoHoSoMC` in chunks (default 10 rows), in order; each chunk's result kept, transient failures retried. */
  capNhatTienDo(
    rows: readonly DvcqgProgress[],
    options?: { stopOnFailure?: boolean | undefined; signal?: AbortSignal | undefined },
  ): Promise<DvcqgProgressResult>;
  /** Upsert the dossier, then send its progress rows (§11.1, §11.3.2). */
  syncDossier(item: DvcqgDossier, rows: readonly DvcqgProgress[], signal?: AbortSignal): Promise<DvcqgSyncResult>;
}

const SESSION_WORDS = /(phiên|session|token|đăng nhập|login)/u;
const EXPIRED_WORDS =
  /(hết hạn|hết hiệu lực|expire|không hợp lệ|invalid|không tồn tại|chưa đăng nhập|unauthori[sz]ed)/u;

/**
 * The default session-expiry check (the portal's codes are not documented, §1.4): HTTP
 * 401, or a non-success answer whose message speaks of the session (phiên, session,
 * token, đăng nhập) being expired or invalid (hết hạn, không hợp lệ, expired, invalid…).
 * Compared after NFC normalisation and lower-casing.
 *
 * @example
 * ```ts
 * import { isSessionExpiredAnswer } from '@motcua/adapters/dvcqg';
 * isSessionExpiredAnswer({ status: 200, body: { error_code: '-1', message: 'Phiên đăng nhập đã hết hạn' } }); // true
 * isSessionExpiredAnswer({ status: 200, body: { error_code: '-3', message: 'Hồ sơ đã tồn tại' } }); // false
 * ```
 * @category DVCQG
 */
export function isSessionExpiredAnswer(answer: DvcqgAnswer): boolean {
  if (answer.status === 401) return true;
  const body = answer.body;
  if (body === null || typeof body !== 'object') return false;
  const { error_code: code, message } = body as { error_code?: unknown; message?: unknown };
  if (isDvcqgSuccess(code) || typeof message !== 'string') return false;
  const m = message.normalize('NFC').toLowerCase();
  return SESSION_WORDS.test(m) && EXPIRED_WORDS.test(m);
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function describeIssues(issues: ReadonlyArray<{ path: string; code: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.code}`)
    .join('; ');
}

/**
 * Creates a {@link DvcqgClient}. Nothing is sent until the first call; the first call
 * logs in.
 *
 * @example
 * ```ts
 * import { createDvcqgClient } from '@motcua/adapters/dvcqg';
 * const portal = createDvcqgClient({
 *   adapterUrl: 'http://127.0.0.1:8080',
 *   authEndpoint: '/mapi/login',
 *   integrationEndpoint: '/mapi/g',
 *   shareEndpoint: '/mapi/share',
 *   username: 'motcua-h56',
 *   password: 'secret',
 *   madonvi: '000.00.00.H56',
 *   dstcode: 'VN:GOV:000.00.00.G22:DVCQG',
 * });
 * const procedure = await portal.layThuTuc('1.001193');
 * ```
 * @category DVCQG
 */
export function createDvcqgClient(options: DvcqgClientOptions): DvcqgClient {
  const transport = createTransport(options);
  const madonvi = options.madonvi;
  const chunkSize = options.progressChunkSize ?? 10;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError('progressChunkSize must be a positive integer');
  const chunkRetries = options.chunkRetries ?? 1;
  const validate = options.validateRequests ?? true;
  const sessionExpired = options.isSessionExpired ?? isSessionExpiredAnswer;
  const style = options.booleanStyle ?? 'opencps';
  const headers = {
    dstcode: options.dstcode,
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Charset: 'utf-8',
  };
  const url = (endpoint: string): string => options.adapterUrl + endpoint;

  let session: Promise<string> | undefined;

  async function doLogin(): Promise<string> {
    const context = { service: 'login', madonvi };
    let response: TransportResponse;
    try {
      response = await transport.send({
        ...context,
        url: url(options.authEndpoint),
        json: { username: options.username, password: options.password },
        headers,
        idempotent: true,
        acceptStatuses: [401, 403],
      });
    } catch (error) {
      if (error instanceof PortalError && error.code === 'PORTAL_HTTP' && error.status === 400) {
        throw new PortalError(
          'PORTAL_AUTH_FAILED',
          'login: refused (HTTP 400)',
          { ...context, status: 400 },
          { cause: error },
        );
      }
      throw error;
    }
    if (response.status === 401 || response.status === 403) {
      throw new PortalError('PORTAL_AUTH_FAILED', `login: refused (HTTP ${response.status})`, {
        ...context,
        status: response.status,
        requestId: response.requestId,
        attempts: response.attempts,
      });
    }
    const parsed = dvcqgLoginResponseSchema.safeParse(response.body);
    const body = response.body as { error_code?: string | number; message?: unknown } | undefined;
    if (!isDvcqgLoginSuccess(response.body)) {
      const code = body?.error_code;
      const message = typeof body?.message === 'string' ? body.message : undefined;
      const hasEnvelope = body !== undefined && body !== null && typeof body === 'object' && 'error_code' in body;
      throw new PortalError(
        hasEnvelope ? 'PORTAL_AUTH_FAILED' : 'PORTAL_BAD_RESPONSE',
        hasEnvelope
          ? `login: refused (error_code ${String(code)}${message === undefined ? '' : `: ${maskPersonalIds(message)}`})`
          : 'login: the answer is not a login answer',
        {
          ...context,
          errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
          portalMessage: message,
          status: response.status,
          requestId: response.requestId,
          attempts: response.attempts,
          ...(hasEnvelope ? {} : { payload: response.body }),
        },
      );
    }
    if (!parsed.success) {
      throw new PortalError('PORTAL_BAD_RESPONSE', 'login: the answer fails the wire schema', {
        ...context,
        status: response.status,
        requestId: response.requestId,
        payload: response.body,
      });
    }
    return (parsed.data.session as string | undefined) ?? '';
  }

  /**
   * The shared session. The login is shared by concurrent calls, so it does not take any
   * one caller's signal (an abort by one caller must not fail the others); each caller
   * stops waiting when its own signal aborts. The login is bounded by `timeoutMs`.
   */
  function sharedSession(): Promise<string> {
    if (session === undefined) {
      const attempt = doLogin();
      session = attempt;
      attempt.catch(() => {
        if (session === attempt) session = undefined;
      });
    }
    return session;
  }

  function currentSession(signal?: AbortSignal): Promise<string> {
    const shared = sharedSession();
    return signal === undefined ? shared : abortable(shared, signal);
  }

  async function call(
    service: string,
    params: Readonly<Record<string, unknown>> = {},
    callOptions: DvcqgCallOptions = {},
  ): Promise<DvcqgResponse> {
    const endpoint = callOptions.endpoint === 'share' ? options.shareEndpoint : options.integrationEndpoint;
    const context = { service, madonvi };
    for (let relogin = 0; ; relogin++) {
      const sessionPromise = sharedSession();
      const token = await (callOptions.signal === undefined
        ? sessionPromise
        : abortable(sessionPromise, callOptions.signal));
      const response = await transport.send({
        ...context,
        url: url(endpoint),
        json: { session: token, madonvi, service, ...params },
        headers,
        idempotent: callOptions.idempotent ?? true,
        acceptStatuses: [401],
        signal: callOptions.signal,
      });
      const meta = { ...context, status: response.status, requestId: response.requestId, attempts: response.attempts };
      if (sessionExpired({ status: response.status, body: response.body })) {
        // Drop this session only if nobody replaced it meanwhile, then log in once more.
        if (session === sessionPromise) session = undefined;
        if (relogin === 0) continue;
        const b = response.body as { error_code?: string | number; message?: string } | undefined;
        throw new PortalError('PORTAL_SESSION_EXPIRED', `${service}: the session was refused after a fresh login`, {
          ...meta,
          errorCode: b?.error_code,
          portalMessage: typeof b?.message === 'string' ? b.message : undefined,
        });
      }
      if (response.status === 401) {
        throw new PortalError('PORTAL_HTTP', `${service}: HTTP 401`, meta);
      }
      const parsed = dvcqgResponseSchema.safeParse(response.body);
      if (!parsed.success) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: the answer has no valid error_code envelope`, {
          ...meta,
          payload: response.body,
        });
      }
      const answer = parsed.data;
      if (isDvcqgSuccess(answer.error_code)) return answer;
      const message = typeof answer.message === 'string' ? answer.message : undefined;
      const code = isAlreadyExists(answer.error_code, message) ? 'PORTAL_ALREADY_EXISTS' : 'PORTAL_REJECTED';
      throw new PortalError(
        code,
        `${service}: error_code ${String(answer.error_code)}${message === undefined ? '' : `: ${maskPersonalIds(message)}`}`,
        { ...meta, errorCode: answer.error_code, portalMessage: message },
      );
    }
  }

  function resultList<T>(service: string, answer: DvcqgResponse, schema: z.ZodType<T, unknown>): T[] {
    const result = answer.result;
    if (result === undefined || result === null) return [];
    if (!Array.isArray(result)) {
      throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: result is not a list`, {
        service,
        madonvi,
        payload: answer,
      });
    }
    const out: T[] = [];
    for (let i = 0; i < result.length; i++) {
      const item = schema.safeParse(result[i]);
      if (!item.success) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: result[${i}] fails the wire schema`, {
          service,
          madonvi,
          payload: answer,
        });
      }
      out.push(item.data);
    }
    return out;
  }

  function checkDossiers(items: readonly DvcqgDossier[]): void {
    if (items.length === 0) throw new AdapterError('INVALID_ARGUMENT', 'DongBoHoSoMC: no dossier to send');
    if (!validate) return;
    items.forEach((item, i) => {
      const r = validateDvcqgDossier(item, { lang: 'en' });
      if (!r.ok) {
        throw new AdapterError(
          'CODEC_WIRE_INVALID',
          `DongBoHoSoMC: data[${i}] fails the wire schema: ${describeIssues(r.issues)}`,
          { details: { index: i, issues: r.issues } },
        );
      }
    });
  }

  function checkProgress(rows: readonly DvcqgProgress[]): void {
    if (!validate) return;
    rows.forEach((row, i) => {
      const r = dvcqgProgressSchema.safeParse(row);
      if (!r.success) {
        const issues = r.error.issues.map((x) => ({ path: x.path.join('.'), code: x.code }));
        throw new AdapterError(
          'CODEC_WIRE_INVALID',
          `CapNhatTienDoHoSoMC: row ${i} fails the wire schema: ${describeIssues(issues)}`,
          { details: { index: i, issues } },
        );
      }
    });
  }

  const isUpdatingValue = (v: boolean): string | number => (style === 'thanh-hoa' ? (v ? 1 : 0) : v ? 'True' : 'False');

  const client: DvcqgClient = {
    madonvi,

    async login(signal?: AbortSignal): Promise<void> {
      session = undefined;
      await currentSession(signal);
    },

    invalidateSession(): void {
      session = undefined;
    },

    call,

    async layThuTuc(maTTHC: string, signal?: AbortSignal): Promise<DvcqgProcedure | undefined> {
      const answer = await call('LayThuTuc', { maTTHC }, { signal });
      const list = resultList('LayThuTuc', answer, dvcqgProcedureSchema);
      return list[0];
    },

    async layDanhSachTTHC(signal?: AbortSignal): Promise<DvcqgProcedureListItem[]> {
      const answer = await call('LayDanhSachTTHC', {}, { endpoint: 'share', signal });
      return resultList('LayDanhSachTTHC', answer, dvcqgProcedureListItemSchema);
    },

    async layDanhMucCoQuan(signal?: AbortSignal): Promise<DvcqgAgencyItem[]> {
      const answer = await call('LayDanhMucCoQuan', {}, { endpoint: 'share', signal });
      return resultList('LayDanhMucCoQuan', answer, dvcqgAgencyItemSchema);
    },

    async layDanhMucLinhVuc(signal?: AbortSignal): Promise<DvcqgFieldItem[]> {
      const answer = await call('LayDanhMucLinhVuc', {}, { endpoint: 'share', signal });
      return resultList('LayDanhMucLinhVuc', answer, dvcqgFieldItemSchema);
    },

    async traCuuHoSo(maHoSo: string, signal?: AbortSignal): Promise<DvcqgLookupResult> {
      const answer = await call('TraCuuHoSo', { mahoso: maHoSo }, { signal });
      const result = answer.result;
      let records: unknown[];
      if (result === undefined || result === null || result === '') records = [];
      else if (Array.isArray(result)) records = result;
      else if (typeof result === 'object') records = [result];
      else {
        throw new PortalError('PORTAL_BAD_RESPONSE', 'TraCuuHoSo: result is neither a list nor an object', {
          service: 'TraCuuHoSo',
          madonvi,
          payload: answer,
        });
      }
      const objects = records.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object');
      return { found: objects.length > 0, records: objects };
    },

    async dongBoHoSo(items, opts): Promise<DvcqgResponse> {
      checkDossiers(items);
      return call(
        'DongBoHoSoMC',
        { isUpdating: isUpdatingValue(opts.isUpdating), data: items },
        { signal: opts.signal },
      );
    },

    async upsertDossier(item: DvcqgDossier, signal?: AbortSignal): Promise<DvcqgUpsertResult> {
      checkDossiers([item]);
      const lookup = await client.traCuuHoSo(item.MaHoSo, signal);
      if (lookup.found) {
        const response = await client.dongBoHoSo([item], { isUpdating: true, signal });
        return { action: 'updated', raced: false, response };
      }
      try {
        const response = await client.dongBoHoSo([item], { isUpdating: false, signal });
        return { action: 'created', raced: false, response };
      } catch (error) {
        // The look-up can race with another sender, or our own create was processed but
        // its answer lost: retry once as an update (§11.3.1).
        if (!(error instanceof PortalError) || error.code !== 'PORTAL_ALREADY_EXISTS') throw error;
        const response = await client.dongBoHoSo([item], { isUpdating: true, signal });
        return { action: 'updated', raced: true, response };
      }
    },

    async capNhatTienDo(rows, opts = {}): Promise<DvcqgProgressResult> {
      checkProgress(rows);
      const stopOnFailure = opts.stopOnFailure ?? true;
      const chunks: DvcqgProgressChunk[] = chunk(rows, chunkSize).map((r, index) => ({
        index,
        rows: r,
        outcome: 'skipped',
        passes: 0,
      }));
      let sentRows = 0;
      let blocked = false;
      for (const c of chunks) {
        if (blocked) continue;
        for (;;) {
          c.passes++;
          try {
            c.response = await call('CapNhatTienDoHoSoMC', { data: c.rows }, { signal: opts.signal });
            c.outcome = 'sent';
            delete c.error;
            sentRows += c.rows.length;
            break;
          } catch (error) {
            if (!(error instanceof PortalError)) throw error;
            c.outcome = 'failed';
            c.error = error;
            if (!error.transient || c.passes > chunkRetries) break;
          }
        }
        // Later chunks may hold later steps of the same dossiers: keep the order.
        if (c.outcome === 'failed' && stopOnFailure) blocked = true;
      }
      return { ok: chunks.every((c) => c.outcome === 'sent'), sentRows, chunks };
    },

    async syncDossier(item, rows, signal?: AbortSignal): Promise<DvcqgSyncResult> {
      checkProgress(rows);
      const upsert = await client.upsertDossier(item, signal);
      const progress =
        rows.length === 0 ? { ok: true, sentRows: 0, chunks: [] } : await client.capNhatTienDo(rows, { signal });
      return { upsert, progress };
    },
  };
  return client;
}
