/**
 * The sandbox HTTP server: routing, fault injection, the request log and the inspection
 * API.
 *
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Ctx, type Incoming, json, type Reply } from './context.ts';
import { traCuuCongDan } from './dan-cu.ts';
import {
  type FaultConfig,
  type FaultKind,
  FaultPlan,
  parseFaults,
  type ResolvedFaults,
  resolveFaults,
} from './faults.ts';
import { getGiayToByUrl, getKetQuaGiayTo } from './kho-so-hoa.ts';
import { lgspBearerOk, lgspSyncDocument, lgspToken } from './lgsp.ts';
import { paymentGetBill, paymentInit, paymentPage, paymentQuery, paymentSubmit, settlePayment } from './payment.ts';
import { isRecord, lgspDongBoHoSo, login, service, serviceOf } from './portal.ts';
import { DEFAULT_SEED, type SandboxSeed } from './seed.ts';
import {
  type SandboxDossier,
  type SandboxDossierWrite,
  type SandboxPayment,
  type SandboxProgressRow,
  SandboxStore,
} from './state.ts';

/**
 * Where each service listens. The DVCQG paths go into a client's configuration as
 * `auth_endpoint`, `integration_endpoint` and `share_endpoint` (dvcqg-wire.md §1.1).
 *
 * @example
 * ```ts
 * import { SANDBOX_PATHS } from '@motcua/sandbox';
 * SANDBOX_PATHS.integration; // '/mapi/service'
 * ```
 * @category Sandbox
 */
export const SANDBOX_PATHS: {
  readonly auth: '/mapi/login';
  readonly integration: '/mapi/service';
  readonly share: '/mapi/share';
  readonly khoSoHoaLookup: '/khososhoa/GetKetQuaGiayTo';
  readonly khoSoHoaFile: '/khososhoa/GetGiayToByUrl';
  readonly danCu: '/csdldancu/TraCuuCongDan';
  readonly paymentInit: '/payment/init';
  readonly paymentQuery: '/payment/query';
  readonly paymentGetBill: '/payment/getbill';
  readonly paymentPage: '/payment/pay/';
  readonly lgspToken: '/token';
  readonly lgspSyncDocument: '/Document/SyncDocument';
  readonly lgspDongBoHoSo: '/api/SynsTTHCC/DongBoHoSoMC';
  readonly inspect: '/__sandbox/';
} = Object.freeze({
  auth: '/mapi/login',
  integration: '/mapi/service',
  share: '/mapi/share',
  khoSoHoaLookup: '/khososhoa/GetKetQuaGiayTo',
  khoSoHoaFile: '/khososhoa/GetGiayToByUrl',
  danCu: '/csdldancu/TraCuuCongDan',
  paymentInit: '/payment/init',
  paymentQuery: '/payment/query',
  paymentGetBill: '/payment/getbill',
  paymentPage: '/payment/pay/',
  lgspToken: '/token',
  lgspSyncDocument: '/Document/SyncDocument',
  lgspDongBoHoSo: '/api/SynsTTHCC/DongBoHoSoMC',
  inspect: '/__sandbox/',
} as const);

/**
 * Options of {@link startSandbox}.
 *
 * @example
 * ```ts
 * import type { StartSandboxOptions } from '@motcua/sandbox';
 * const options: StartSandboxOptions = { port: 0, faults: 'flaky', dbPath: ':memory:' };
 * ```
 * @category Sandbox
 */
export interface StartSandboxOptions {
  /** TCP port (default 0: any free port). */
  port?: number | undefined;
  /** Interface (default `127.0.0.1`; the sandbox is not meant to be reachable from elsewhere). */
  host?: string | undefined;
  /** Faults of the run: a configuration, or a preset / JSON text as `motcua sandbox --faults` takes. */
  faults?: FaultConfig | string | undefined;
  /** SQLite file for the state (default `:memory:`). */
  dbPath?: string | undefined;
  /** Seed data; each given list replaces the default one ({@link DEFAULT_SEED}). */
  seed?: Partial<SandboxSeed> | undefined;
  /** How many requests the log keeps (default 10 000; older ones are dropped, counters keep counting). */
  requestLogLimit?: number | undefined;
  /** Keep request bodies in the log (default `true`). */
  logBodies?: boolean | undefined;
  /** Milliseconds since the epoch, for session expiry and timestamps (default `Date.now`). */
  now?: (() => number) | undefined;
}

/**
 * What became of a request.
 *
 * @example
 * ```ts
 * import type { SandboxOutcome } from '@motcua/sandbox';
 * const o: SandboxOutcome = 'dropped';
 * ```
 * @category Sandbox
 */
export type SandboxOutcome = 'answered' | 'dropped' | 'held' | 'abandoned';

/**
 * One entry of the request log.
 *
 * @example
 * ```ts
 * import type { SandboxRequestRecord } from '@motcua/sandbox';
 * declare const r: SandboxRequestRecord;
 * if (r.fault === 'drop') console.log(r.service, 'was processed but the answer was cut off');
 * ```
 * @category Sandbox
 */
export interface SandboxRequestRecord {
  /** Arrival order (from 1). */
  seq: number;
  /** Arrival time (ISO 8601). */
  at: string;
  /** HTTP method. */
  method: string;
  /** Path without the query. */
  path: string;
  /** Route name (`login`, a DVCQG service name, `kho-so-hoa`, `dan-cu`, `payment`, `lgsp`, `not-found`). */
  route: string;
  /** `madonvi` of a DVCQG call. */
  madonvi?: string | undefined;
  /** The fault injected. */
  fault: FaultKind;
  /** What became of it. */
  outcome: SandboxOutcome;
  /** HTTP status sent (absent when nothing was sent). */
  status?: number | undefined;
  /** Portal `error_code` sent. */
  errorCode?: string | number | undefined;
  /** Milliseconds from arrival to the answer (or to giving up). */
  durationMs: number;
  /** The JSON body (when `logBodies`). */
  body?: unknown;
}

/**
 * Counters since the start (or the last reset) and the size of the state.
 *
 * @example
 * ```ts
 * import type { SandboxStats } from '@motcua/sandbox';
 * declare const s: SandboxStats;
 * s.faults.timeout; // how many requests were held
 * ```
 * @category Sandbox
 */
export interface SandboxStats {
  /** Requests received (inspection API excluded). */
  requests: number;
  /** Requests per route. */
  byRoute: Record<string, number>;
  /** Requests per injected fault. */
  faults: Record<FaultKind, number>;
  /** Requests per outcome. */
  outcomes: Record<SandboxOutcome, number>;
  /** Answers per `error_code`. */
  errorCodes: Record<string, number>;
  /** Dossiers held. */
  dossiers: number;
  /** Accepted `DongBoHoSoMC` writes. */
  dossierWrites: number;
  /** Distinct progress rows held. */
  progressRows: number;
  /** Progress rows received, repeats included. */
  progressDeliveries: number;
}

/**
 * Programmatic access to what the sandbox holds and received (the same data as the
 * inspection API).
 *
 * @example
 * ```ts
 * import { startSandbox } from '@motcua/sandbox';
 * const sandbox = await startSandbox();
 * sandbox.state.dossier('000.00.00.H56-250701-0001'); // undefined until it is synced
 * sandbox.state.setFaults({ errorRate: 0.2, seed: 1 });
 * await sandbox.close();
 * ```
 * @category Sandbox
 */
export interface SandboxState {
  /** One dossier. */
  dossier(maHoSo: string): SandboxDossier | undefined;
  /** Dossiers, ordered by `MaHoSo`. */
  dossiers(options?: { madonvi?: string; limit?: number; offset?: number }): { total: number; items: SandboxDossier[] };
  /** Accepted writes of one dossier, in arrival order. */
  dossierWrites(maHoSo: string): SandboxDossierWrite[];
  /** Progress rows of one dossier, in order of first arrival. */
  progress(maHoSo: string): SandboxProgressRow[];
  /** Every accepted dossier write, in arrival order (paged). */
  allDossierWrites(options?: { limit?: number; offset?: number }): SandboxDossierWrite[];
  /** Every progress row, in order of first arrival (paged). */
  allProgress(options?: { limit?: number; offset?: number }): SandboxProgressRow[];
  /** Payments. */
  payments(): SandboxPayment[];
  /** Settles a payment and sends the confirm callback (to `callbackUrl` or the partner's). */
  pay(
    maThamChieu: string,
    options?: { result?: 'success' | 'fail'; callbackUrl?: string },
  ): Promise<{ payment: SandboxPayment; callback?: { url: string; status?: number; error?: string } } | undefined>;
  /** Documents synced to LGSP. */
  lgspDocuments(): Array<{ docCode: string; data: Record<string, unknown>; writes: number }>;
  /** The request log (newest last). */
  requests(filter?: { route?: string; sinceSeq?: number; limit?: number }): SandboxRequestRecord[];
  /** Counters and sizes. */
  stats(): SandboxStats;
  /** The faults in force. */
  faults(): ResolvedFaults;
  /** Replaces the faults (a configuration, preset name or JSON text). */
  setFaults(faults: FaultConfig | string): ResolvedFaults;
  /** Forgets what was received and resets the counters; keeps the seed and the faults. */
  reset(): void;
}

/**
 * A DVCQG client configuration pointing at the sandbox (dvcqg-wire.md §1.1 keys).
 *
 * @example
 * ```ts
 * import type { SandboxDvcqgConfig } from '@motcua/sandbox';
 * declare const c: SandboxDvcqgConfig;
 * `${c.adapterUrl}${c.authEndpoint}`; // the login URL
 * ```
 * @category Sandbox
 */
export interface SandboxDvcqgConfig {
  /** `adapter_url`. */
  adapterUrl: string;
  /** `auth_endpoint`. */
  authEndpoint: string;
  /** `integration_endpoint`. */
  integrationEndpoint: string;
  /** `share_endpoint`. */
  shareEndpoint: string;
  /** First seeded account. */
  username: string;
  /** Its password. */
  password: string;
  /** An agency code to send as `madonvi`. */
  madonvi: string;
  /** A `dstcode` the sandbox accepts. */
  dstcode: string;
}

/**
 * A running sandbox.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@motcua/sandbox';
 * const sandbox = await startSandbox();
 * console.log(sandbox.url, sandbox.dvcqg.integrationEndpoint);
 * await sandbox.close();
 * ```
 * @category Sandbox
 */
export interface Sandbox {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** A DVCQG client configuration for this sandbox. */
  dvcqg: SandboxDvcqgConfig;
  /** What it holds and received. */
  state: SandboxState;
  /** Stops listening, cuts held and open connections, waits for callbacks, closes the database. */
  close(): Promise<void>;
}

const BODY_LIMIT = 32 * 1024 * 1024;
const ALL_FAULTS: readonly FaultKind[] = ['none', 'error', 'server-error', 'timeout', 'drop', 'rate-limit'];
const ALL_OUTCOMES: readonly SandboxOutcome[] = ['answered', 'dropped', 'held', 'abandoned'];

function zeroCounters<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function toFaults(f: FaultConfig | string | undefined): ResolvedFaults {
  return typeof f === 'string' ? parseFaults(f) : resolveFaults(f ?? {});
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function encode(reply: Reply): { headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: Buffer;
  if (Buffer.isBuffer(reply.body)) body = reply.body;
  else if (typeof reply.body === 'string') {
    body = Buffer.from(reply.body, 'utf8');
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else {
    body = Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(body.length);
  return { headers, body };
}

/**
 * Starts a sandbox portal on loopback: the DVCQG adapter protocol (login, integration
 * and share endpoints with `LayThuTuc`, `LayDanhSachTTHC`, `LayDanhMucCoQuan`,
 * `LayDanhMucLinhVuc`, `TraCuuHoSo`, `DongBoHoSoMC`, `CapNhatTienDoHoSoMC`), the
 * digitization store, the population database, the payment platform and LGSP, with
 * fault injection and an inspection API under `/__sandbox/`. Paths: {@link SANDBOX_PATHS}.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@motcua/sandbox';
 * const sandbox = await startSandbox({ faults: { errorRate: 0.2, seed: 42 } });
 * const login = await fetch(`${sandbox.url}/mapi/login`, {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', dstcode: sandbox.dvcqg.dstcode },
 *   body: JSON.stringify({ username: 'motcua', password: 'motcua-sandbox' }),
 * });
 * const { session } = await login.json(); // may be an injected error: check error_code
 * await sandbox.close();
 * ```
 * @category Sandbox
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const seed: SandboxSeed = { ...DEFAULT_SEED, ...stripUndefined(options.seed ?? {}) };
  const store = new SandboxStore(options.dbPath ?? ':memory:', seed);
  let plan = new FaultPlan(toFaults(options.faults));
  const logLimit = options.requestLogLimit ?? 10_000;
  const logBodies = options.logBodies ?? true;
  let log: SandboxRequestRecord[] = [];
  let seq = 0;
  let counters = freshCounters();
  const held = new Set<ServerResponse>();
  const background = new Set<Promise<unknown>>();
  let baseUrl = '';

  const ctx: Ctx = {
    store,
    faults: () => plan,
    now,
    url: () => baseUrl,
    background: (work) => {
      const p = work.catch(() => undefined).finally(() => background.delete(p));
      background.add(p);
    },
  };

  function freshCounters() {
    return {
      requests: 0,
      byRoute: {} as Record<string, number>,
      faults: zeroCounters(ALL_FAULTS),
      outcomes: zeroCounters(ALL_OUTCOMES),
      errorCodes: {} as Record<string, number>,
    };
  }

  function record(r: SandboxRequestRecord): void {
    counters.requests++;
    counters.byRoute[r.route] = (counters.byRoute[r.route] ?? 0) + 1;
    counters.faults[r.fault]++;
    counters.outcomes[r.outcome]++;
    if (r.errorCode !== undefined) {
      const k = String(r.errorCode);
      counters.errorCodes[k] = (counters.errorCodes[k] ?? 0) + 1;
    }
    if (logLimit <= 0) return;
    log.push(r);
    if (log.length > logLimit * 1.25) log = log.slice(log.length - logLimit);
  }

  /** Picks the handler and the route name (for fault scope and the log). */
  function route(req: Incoming): { name: string; run: () => Reply | Promise<Reply> } {
    const p = req.path;
    const post = req.method === 'POST';
    if (p.startsWith(SANDBOX_PATHS.inspect)) return { name: '__sandbox', run: () => inspect(req) };
    if (post && p === SANDBOX_PATHS.auth) return { name: 'login', run: () => login(ctx, req) };
    if (post && (p === SANDBOX_PATHS.integration || p === SANDBOX_PATHS.share)) {
      return { name: serviceOf(req), run: () => service(ctx, req) };
    }
    if (post && p === SANDBOX_PATHS.khoSoHoaLookup) return { name: 'kho-so-hoa', run: () => getKetQuaGiayTo(ctx, req) };
    if (post && p === SANDBOX_PATHS.khoSoHoaFile) return { name: 'kho-so-hoa', run: () => getGiayToByUrl(ctx, req) };
    if (post && p === SANDBOX_PATHS.danCu) return { name: 'dan-cu', run: () => traCuuCongDan(ctx, req) };
    if (post && p === SANDBOX_PATHS.paymentInit) return { name: 'payment', run: () => paymentInit(ctx, req) };
    if (post && p === SANDBOX_PATHS.paymentQuery) return { name: 'payment', run: () => paymentQuery(ctx, req) };
    if (post && p === SANDBOX_PATHS.paymentGetBill) return { name: 'payment', run: () => paymentGetBill(ctx, req) };
    if (p.startsWith(SANDBOX_PATHS.paymentPage)) {
      const ref = decodeURIComponent(p.slice(SANDBOX_PATHS.paymentPage.length));
      return {
        name: 'payment',
        run: () => (post ? paymentSubmit(ctx, req, ref) : paymentPage(ctx, ref)),
      };
    }
    if (post && p === SANDBOX_PATHS.lgspToken) return { name: 'lgsp', run: () => lgspToken(ctx, req) };
    if (post && p === SANDBOX_PATHS.lgspSyncDocument) return { name: 'lgsp', run: () => lgspSyncDocument(ctx, req) };
    if (post && p === SANDBOX_PATHS.lgspDongBoHoSo) {
      return { name: 'lgsp', run: () => lgspDongBoHoSo(ctx, req, lgspBearerOk(ctx, req)) };
    }
    return {
      name: 'not-found',
      run: () => json(404, { error_code: '-1', message: `Không có dịch vụ ${req.method} ${p}` }),
    };
  }

  async function handle(rawReq: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    let gone = false;
    res.once('close', () => {
      if (!res.writableFinished) gone = true;
    });
    let body: Buffer;
    try {
      body = await readBody(rawReq);
    } catch {
      if (!res.headersSent && !res.destroyed) send(res, json(413, { error_code: '-1', message: 'Yêu cầu quá lớn' }));
      return;
    }
    const url = new URL(rawReq.url ?? '/', 'http://sandbox.invalid');
    let parsed: unknown;
    let badJson = false;
    if (body.length > 0 && looksJson(rawReq)) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        badJson = true;
      }
    }
    const req: Incoming = {
      method: rawReq.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: rawReq.headers,
      body,
      json: parsed,
      badJson,
    };
    const r = route(req);
    if (r.name === '__sandbox') {
      send(res, await r.run());
      return;
    }
    const currentPlan = plan;
    const decision = currentPlan.decide(r.name);
    const entry: SandboxRequestRecord = {
      seq: ++seq,
      at: new Date(now()).toISOString(),
      method: req.method,
      path: req.path,
      route: r.name,
      ...(isRecord(parsed) && typeof parsed.madonvi === 'string' ? { madonvi: parsed.madonvi } : {}),
      fault: decision.kind,
      outcome: 'answered',
      durationMs: 0,
      ...(logBodies && parsed !== undefined ? { body: parsed } : {}),
    };
    const finish = (outcome: SandboxOutcome, reply?: Reply): void => {
      entry.outcome = outcome;
      if (reply !== undefined) {
        entry.status = reply.status;
        if (reply.errorCode !== undefined) entry.errorCode = reply.errorCode;
      }
      entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      record(entry);
    };
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    // A client that gave up (during a delay, or while the server was busy) is not
    // processed: otherwise a stale write could land after the client's retry and a later
    // change.
    if (gone || res.destroyed || rawReq.socket.destroyed) {
      finish('abandoned');
      return;
    }
    switch (decision.kind) {
      case 'rate-limit': {
        const after = String(currentPlan.config.retryAfterSeconds ?? 1);
        const reply = json(
          429,
          { error_code: '429', message: 'Quá nhiều yêu cầu, thử lại sau' },
          { 'retry-after': after },
        );
        send(res, reply);
        finish('answered', reply);
        return;
      }
      case 'server-error': {
        const reply = json(decision.status ?? 503, { error_code: '-99', message: 'Lỗi hệ thống (giả lập)' });
        send(res, reply);
        finish('answered', reply);
        return;
      }
      case 'error': {
        const reply = json(200, { error_code: '-9', message: 'Hệ thống đang bận, vui lòng thử lại sau (lỗi giả lập)' });
        send(res, reply);
        finish('answered', reply);
        return;
      }
      case 'timeout': {
        held.add(res);
        const timer = setTimeout(() => rawReq.socket.destroy(), currentPlan.config.holdMs ?? 30_000);
        res.once('close', () => {
          clearTimeout(timer);
          held.delete(res);
        });
        finish('held');
        return;
      }
      case 'drop': {
        const reply = await r.run();
        const { headers, body: out } = encode(reply);
        if (!res.destroyed) {
          res.writeHead(reply.status, headers);
          res.write(out.subarray(0, Math.floor(out.length / 2)), () => res.destroy());
        }
        finish('dropped', reply);
        return;
      }
      default: {
        let reply: Reply;
        try {
          reply = await r.run();
        } catch (error) {
          reply = json(500, { error_code: '-99', message: `Lỗi sandbox: ${(error as Error).message}` });
        }
        send(res, reply);
        finish('answered', reply);
      }
    }
  }

  function send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.headersSent) return;
    const { headers, body } = encode(reply);
    res.writeHead(reply.status, headers);
    res.end(body);
  }

  const state: SandboxState = {
    dossier: (code) => store.dossier(code),
    dossiers: (o = {}) => store.dossiers(o),
    dossierWrites: (code) => store.dossierWrites(code),
    progress: (code) => store.progress(code),
    allDossierWrites: (o = {}) => store.allDossierWrites(o),
    allProgress: (o = {}) => store.allProgress(o),
    payments: () => store.payments(),
    pay: (ref, o = {}) => settlePayment(ctx, ref, o.result ?? 'success', o.callbackUrl),
    lgspDocuments: () => store.lgspDocuments(),
    requests: (filter = {}) => {
      let out = log;
      if (filter.sinceSeq !== undefined) {
        const since = filter.sinceSeq;
        out = out.filter((r) => r.seq > since);
      }
      if (filter.route !== undefined) out = out.filter((r) => r.route === filter.route);
      if (filter.limit !== undefined) out = out.slice(-filter.limit);
      return out.slice(-logLimit);
    },
    stats: () => ({
      requests: counters.requests,
      byRoute: { ...counters.byRoute },
      faults: { ...counters.faults },
      outcomes: { ...counters.outcomes },
      errorCodes: { ...counters.errorCodes },
      ...store.counts(),
    }),
    faults: () => plan.config,
    setFaults: (f) => {
      plan = new FaultPlan(toFaults(f));
      return plan.config;
    },
    reset: () => {
      store.reset();
      log = [];
      seq = 0;
      counters = freshCounters();
    },
  };

  async function inspect(req: Incoming): Promise<Reply> {
    const rest = req.path.slice(SANDBOX_PATHS.inspect.length);
    const [head, ...tail] = rest.split('/').map((s) => decodeURIComponent(s));
    const arg = tail.join('/');
    const int = (name: string): number | undefined => {
      const v = req.query.get(name);
      return v === null || !/^\d+$/.test(v) ? undefined : Number(v);
    };
    const page = (): { limit?: number; offset?: number } => ({
      ...(int('limit') === undefined ? {} : { limit: int('limit') as number }),
      ...(int('offset') === undefined ? {} : { offset: int('offset') as number }),
    });
    const get = req.method === 'GET';
    const post = req.method === 'POST';
    try {
      switch (head) {
        case 'health':
          return json(200, { ok: true });
        case 'requests':
          if (!get) break;
          return json(200, {
            items: state.requests({
              ...(req.query.get('route') === null ? {} : { route: req.query.get('route') as string }),
              ...(int('since') === undefined ? {} : { sinceSeq: int('since') as number }),
              ...(int('limit') === undefined ? {} : { limit: int('limit') as number }),
            }),
          });
        case 'stats':
          if (!get) break;
          return json(200, { ...state.stats() });
        case 'dossiers':
          if (!get) break;
          if (arg !== '') {
            const d = state.dossier(arg);
            return d === undefined
              ? json(404, { message: `no dossier ${arg}` })
              : json(200, { ...d, history: state.dossierWrites(arg) });
          }
          return json(200, {
            ...state.dossiers({
              ...(req.query.get('madonvi') === null ? {} : { madonvi: req.query.get('madonvi') as string }),
              ...(int('limit') === undefined ? {} : { limit: int('limit') as number }),
              ...(int('offset') === undefined ? {} : { offset: int('offset') as number }),
            }),
          });
        case 'progress':
          if (!get) break;
          if (arg === '') return json(200, { items: state.allProgress(page()) });
          return json(200, { maHoSo: arg, rows: state.progress(arg) });
        case 'writes':
          if (!get) break;
          return json(200, { items: state.allDossierWrites(page()) });
        case 'faults':
          if (get) return json(200, { ...state.faults() });
          if (post) {
            const b = req.json;
            const f = isRecord(b) && typeof b.preset === 'string' ? b.preset : (b as FaultConfig | undefined);
            return json(200, { ...state.setFaults(f ?? {}) });
          }
          break;
        case 'reset':
          if (!post) break;
          state.reset();
          if (isRecord(req.json) && req.json.faults !== undefined) state.setFaults(req.json.faults as FaultConfig);
          return json(200, { ok: true, faults: state.faults() });
        case 'payments': {
          if (get && arg === '') return json(200, { items: state.payments() });
          const m = /^(.+)\/pay$/.exec(arg);
          if (post && m?.[1] !== undefined) {
            const b = isRecord(req.json) ? req.json : {};
            const r = await state.pay(m[1], {
              result: b.result === 'fail' ? 'fail' : 'success',
              ...(typeof b.callbackUrl === 'string' ? { callbackUrl: b.callbackUrl } : {}),
            });
            return r === undefined ? json(404, { message: `no payment ${m[1]}` }) : json(200, { ...r });
          }
          break;
        }
        case 'lgsp':
          if (get && arg === 'documents') return json(200, { items: state.lgspDocuments() });
          break;
        default:
          break;
      }
    } catch (error) {
      return json(400, { message: error instanceof Error ? error.message : String(error) });
    }
    return json(404, { message: `no inspection route ${req.method} ${req.path}` });
  }

  const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        send(res, json(500, { error_code: '-99', message: `Lỗi sandbox: ${String(error)}` }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${hostInUrl}:${address.port}`;
  const account = seed.accounts[0];

  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    dvcqg: {
      adapterUrl: baseUrl,
      authEndpoint: SANDBOX_PATHS.auth,
      integrationEndpoint: SANDBOX_PATHS.integration,
      shareEndpoint: SANDBOX_PATHS.share,
      username: account?.username ?? '',
      password: account?.password ?? '',
      madonvi: '000.00.00.H56',
      dstcode: seed.dstcodes[0] ?? 'VN:GOV:000.00.00.G22:vpcpdvcprovider',
    },
    state,
    close: () => {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const res of held) res.destroy();
        server.closeAllConnections();
        await stopped;
        await Promise.all([...background]);
        store.close();
      })();
      return closed;
    },
  };
}

function looksJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return type === undefined || type.includes('json') || type.startsWith('text/plain');
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
