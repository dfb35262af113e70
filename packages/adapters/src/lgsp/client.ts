/**
 * The provincial integration platform (LGSP, dvcqg-wire.md §12): an OAuth 2.0
 * client-credentials token — credentials in the form body (WSO2 style) or in HTTP Basic
 * (Cà Mau style) — and the bearer-authenticated document sync (`/Document/SyncDocument`,
 * `MSyncDocument`), plus the provincial proxy of `DongBoHoSoMC` (§12.1).
 *
 * @module
 */
import type { DvcqgDossier } from '@motcua/schemas/dvcqg';
import { dvcqgResponseSchema, isAlreadyExists, isDvcqgSuccess } from '@motcua/schemas/dvcqg';
import { z } from 'zod';
import { AdapterError, PortalError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { createTransport, type TransportOptions, type TransportResponse } from '../http/transport.ts';

/**
 * `MSyncDocument`, the dossier model of WSO2-style LGSPs (OpenCPS
 * `MSyncDocument.java`, §12.2). Field meanings follow their names; types are not
 * documented, so values are passed as given.
 *
 * @example
 * ```ts
 * import type { LgspSyncDocument } from '@motcua/adapters/lgsp';
 * const doc: LgspSyncDocument = {
 *   DocCode: '000.00.00.H56-250701-0001',
 *   DocTypeCode: '1.001193',
 *   DocTypeName: 'Thủ tục đăng ký khai sinh',
 *   CitizenName: 'Nguyễn Thị Lan',
 *   DateReceived: '20250701083000',
 *   DateAppointed: '20250703170000',
 *   Status: '4',
 * };
 * ```
 * @category LGSP
 */
export interface LgspSyncDocument {
  /** Procedure code. */
  DocTypeCode?: string | undefined;
  /** Procedure name. */
  DocTypeName?: string | undefined;
  /** Dossier code; required. */
  DocCode: string;
  /** Applicant's name. */
  CitizenName?: string | undefined;
  /** Applicant information. */
  CitizenInfo?: string | undefined;
  /** Applicant id. */
  ApplicantsId?: string | undefined;
  /** Applicant type. */
  ApplicantsType?: string | undefined;
  /** Address. */
  Address?: string | undefined;
  /** E-mail. */
  Email?: string | undefined;
  /** Phone. */
  Phone?: string | undefined;
  /** Summary. */
  Compendium?: string | undefined;
  /** Date received. */
  DateReceived?: string | undefined;
  /** Due date. */
  DateAppointed?: string | undefined;
  /** Resolved. */
  IsSuccess?: boolean | string | undefined;
  /** Date resolved. */
  SuccessDate?: string | undefined;
  /** Approver. */
  ApproverName?: string | undefined;
  /** Approver's position. */
  ApproverPosition?: string | undefined;
  /** Note on the result. */
  SuccessNote?: string | undefined;
  /** Result returned. */
  IsReturned?: boolean | string | undefined;
  /** Date returned. */
  ReturnedDate?: string | undefined;
  /** Note on the return. */
  ReturnNote?: string | undefined;
  /** How returned. */
  ReturnedType?: string | undefined;
  /** Date finished. */
  FinishedDate?: string | undefined;
  /** Status. */
  Status?: string | undefined;
  /** Handling agency. */
  ProcessingOrganName?: string | undefined;
  /** Has a supplement request. */
  HasSupplementary?: boolean | string | undefined;
  /** Date of the supplement request. */
  RequireSupplementaryDate?: string | undefined;
  /** Note. */
  Note?: string | undefined;
  /** Attachments. */
  Attachments?: unknown[] | undefined;
  /** Fees. */
  DocFees?: unknown[] | undefined;
  /** Papers. */
  DocPapers?: unknown[] | undefined;
  /** Supplement rounds. */
  Supplementaries?: unknown[] | undefined;
  /** Level-1 agency in charge. */
  OrganInchargeIdLevel1?: string | undefined;
  /** Agency in charge. */
  OrganInchargeName?: string | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * How the client credentials travel to the token endpoint: `form` puts `client_id` and
 * `client_secret` in the form body (WSO2 API Manager, OpenCPS `LGSPRestClient`); `basic`
 * sends them as HTTP Basic `client_id:client_secret` (Cà Mau).
 *
 * @example
 * ```ts
 * import type { LgspCredentialStyle } from '@motcua/adapters/lgsp';
 * const style: LgspCredentialStyle = 'basic';
 * ```
 * @category LGSP
 */
export type LgspCredentialStyle = 'form' | 'basic';

/**
 * Options of {@link createLgspClient}.
 *
 * @example
 * ```ts
 * import type { LgspClientOptions } from '@motcua/adapters/lgsp';
 * const o: LgspClientOptions = {
 *   baseUrl: 'http://127.0.0.1:8280',
 *   tokenUrl: 'http://127.0.0.1:8280/token',
 *   clientId: 'motcua-h56',
 *   clientSecret: process.env.LGSP_SECRET ?? '',
 *   credentialStyle: 'basic',
 * };
 * ```
 * @category LGSP
 */
export interface LgspClientOptions extends TransportOptions {
  /** Base URL of the API (paths such as `/Document/SyncDocument` are appended). */
  baseUrl: string;
  /** The token endpoint (default `baseUrl + '/token'`). */
  tokenUrl?: string | undefined;
  /** Client id. */
  clientId: string;
  /** Client secret (never logged). */
  clientSecret: string;
  /** Where the credentials go (default `form`). */
  credentialStyle?: LgspCredentialStyle | undefined;
  /** `scope` to request, if the platform needs one. */
  scope?: string | undefined;
  /** Renew the token this long before it expires, ms (default 30000). */
  expirySkewMs?: number | undefined;
  /** Whether `SyncDocument` may be repeated after a timeout (default `true`: it is keyed by `DocCode`). */
  syncIsIdempotent?: boolean | undefined;
  /** Clock (default: the system clock). */
  now?: (() => number) | undefined;
}

/**
 * An access token as the token endpoint returned it.
 *
 * @example
 * ```ts
 * import type { LgspToken } from '@motcua/adapters/lgsp';
 * const t: LgspToken = { accessToken: 'eyJ…', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 };
 * ```
 * @category LGSP
 */
export interface LgspToken {
  /** `access_token`. */
  accessToken: string;
  /** `token_type` (normally `Bearer`). */
  tokenType: string;
  /** When it expires, epoch ms (`expires_in` added to the time of the answer; 1 hour when absent). */
  expiresAt: number;
  /** `scope`, when returned. */
  scope?: string | undefined;
}

/**
 * The LGSP client.
 *
 * @example
 * ```ts
 * import { createLgspClient } from '@motcua/adapters/lgsp';
 * declare const options: import('@motcua/adapters/lgsp').LgspClientOptions;
 * const lgsp = createLgspClient(options);
 * await lgsp.syncDocument({ DocCode: '000.00.00.H56-250701-0001', Status: '4' });
 * ```
 * @category LGSP
 */
export interface LgspClient {
  /** A valid token (cached until shortly before it expires). */
  token(signal?: AbortSignal): Promise<LgspToken>;
  /** `POST /Document/SyncDocument` with one document or a list. Returns the answer body. */
  syncDocument(document: LgspSyncDocument | readonly LgspSyncDocument[], signal?: AbortSignal): Promise<unknown>;
  /** `POST /Document/UpdateDocumentTraces`. */
  updateDocumentTraces(body: unknown, signal?: AbortSignal): Promise<unknown>;
  /** Any bearer-authenticated JSON call (`/Statistic`, `/Vote`, …). */
  call(path: string, body: unknown, options?: { idempotent?: boolean; signal?: AbortSignal }): Promise<unknown>;
  /**
   * The provincial proxy of `DongBoHoSoMC` (§12.1): `POST {path}?MaDinhDanhDV=…&isUpdating=True|False`
   * with the JSON array of dossiers.
   */
  dongBoHoSoMC(
    items: readonly DvcqgDossier[],
    options: { maDinhDanhDV: string; isUpdating: boolean; path?: string; signal?: AbortSignal },
  ): Promise<unknown>;
}

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^[0-9]+$/)]).optional(),
  scope: z.string().optional(),
});

/**
 * Creates an {@link LgspClient}. The token is fetched on first use, shared by concurrent
 * calls, renewed before it expires, and fetched again once when a call is answered 401.
 *
 * @example
 * ```ts
 * import { createLgspClient } from '@motcua/adapters/lgsp';
 * const lgsp = createLgspClient({
 *   baseUrl: 'http://127.0.0.1:8280',
 *   clientId: 'motcua-h56',
 *   clientSecret: 'secret',
 *   credentialStyle: 'form',
 * });
 * ```
 * @category LGSP
 */
export function createLgspClient(options: LgspClientOptions): LgspClient {
  const transport = createTransport(options);
  const base = options.baseUrl.replace(/\/+$/, '');
  const tokenUrl = options.tokenUrl ?? `${base}/token`;
  const style = options.credentialStyle ?? 'form';
  const skew = options.expirySkewMs ?? 30_000;
  const now = options.now ?? Date.now;
  let current: Promise<LgspToken> | undefined;

  async function fetchToken(signal?: AbortSignal): Promise<LgspToken> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (style === 'form') {
      form.set('client_id', options.clientId);
      form.set('client_secret', options.clientSecret);
    } else {
      const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`, 'utf8').toString('base64');
      headers.Authorization = `Basic ${basic}`;
    }
    if (options.scope !== undefined) form.set('scope', options.scope);
    const service = 'lgsp:token';
    let r: TransportResponse;
    try {
      r = await transport.send({ service, url: tokenUrl, body: form, headers, idempotent: true, signal });
    } catch (error) {
      if (
        error instanceof PortalError &&
        error.code === 'PORTAL_HTTP' &&
        (error.status === 400 || error.status === 401)
      ) {
        throw new PortalError(
          'PORTAL_AUTH_FAILED',
          `${service}: client credentials refused (HTTP ${error.status})`,
          {
            service,
            status: error.status,
            requestId: error.requestId,
          },
          { cause: error },
        );
      }
      throw error;
    }
    const parsed = tokenSchema.safeParse(r.body);
    if (!parsed.success) {
      throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: no access_token in the answer`, {
        service,
        status: r.status,
        requestId: r.requestId,
      });
    }
    const t = parsed.data;
    const expiresIn = t.expires_in === undefined ? 3600 : Number(t.expires_in);
    const token: LgspToken = {
      accessToken: t.access_token,
      tokenType: t.token_type ?? 'Bearer',
      expiresAt: now() + expiresIn * 1000,
    };
    if (t.scope !== undefined) token.scope = t.scope;
    return token;
  }

  async function token(signal?: AbortSignal): Promise<LgspToken> {
    if (current !== undefined) {
      const t = await current.catch(() => undefined);
      if (t !== undefined && t.expiresAt - skew > now()) return t;
    }
    const attempt = fetchToken(signal);
    current = attempt;
    attempt.catch(() => {
      if (current === attempt) current = undefined;
    });
    return attempt;
  }

  async function call(
    path: string,
    body: unknown,
    opts: { idempotent?: boolean; signal?: AbortSignal; service?: string; query?: URLSearchParams } = {},
  ): Promise<unknown> {
    const service = opts.service ?? `lgsp:${path}`;
    const url = `${base}${path.startsWith('/') ? path : `/${path}`}${opts.query === undefined ? '' : `?${opts.query}`}`;
    for (let renewed = 0; ; renewed++) {
      const t = await token(opts.signal);
      const r = await transport.send({
        service,
        url,
        json: body,
        headers: { Authorization: `Bearer ${t.accessToken}`, Accept: 'application/json' },
        idempotent: opts.idempotent ?? false,
        acceptStatuses: [401],
        signal: opts.signal,
      });
      if (r.status === 401) {
        current = undefined;
        if (renewed === 0) continue;
        throw new PortalError('PORTAL_SESSION_EXPIRED', `${service}: a fresh token was refused`, {
          service,
          status: 401,
          requestId: r.requestId,
        });
      }
      // Some LGSPs answer with the DVCQG envelope: surface a non-success error_code.
      const envelope = dvcqgResponseSchema.safeParse(r.body);
      if (envelope.success && !isDvcqgSuccess(envelope.data.error_code)) {
        const message = typeof envelope.data.message === 'string' ? envelope.data.message : undefined;
        throw new PortalError(
          isAlreadyExists(envelope.data.error_code, message) ? 'PORTAL_ALREADY_EXISTS' : 'PORTAL_REJECTED',
          `${service}: error_code ${String(envelope.data.error_code)}${message === undefined ? '' : `: ${maskPersonalIds(message)}`}`,
          {
            service,
            status: r.status,
            requestId: r.requestId,
            errorCode: envelope.data.error_code,
            portalMessage: message,
          },
        );
      }
      return r.body;
    }
  }

  return {
    token,
    async syncDocument(document, signal) {
      const docs = Array.isArray(document) ? document : [document];
      for (const d of docs as LgspSyncDocument[]) {
        if (typeof d?.DocCode !== 'string' || d.DocCode === '') {
          throw new AdapterError('INVALID_ARGUMENT', 'SyncDocument: every document needs a DocCode');
        }
      }
      return call('/Document/SyncDocument', document, {
        idempotent: options.syncIsIdempotent ?? true,
        ...(signal === undefined ? {} : { signal }),
      });
    },
    async updateDocumentTraces(body, signal) {
      return call('/Document/UpdateDocumentTraces', body, {
        idempotent: false,
        ...(signal === undefined ? {} : { signal }),
      });
    },
    call: (path, body, opts = {}) => call(path, body, opts),
    async dongBoHoSoMC(items, opts) {
      const query = new URLSearchParams({
        MaDinhDanhDV: opts.maDinhDanhDV,
        isUpdating: opts.isUpdating ? 'True' : 'False',
      });
      return call(opts.path ?? '/api/SynsTTHCC/DongBoHoSoMC', items, {
        idempotent: true,
        service: 'lgsp:DongBoHoSoMC',
        query,
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      });
    },
  };
}
