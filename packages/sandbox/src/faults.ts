/**
 * Fault injection: what can go wrong between a one-stop system and the portal, decided per
 * request by a seeded pseudo-random generator so a run can be replayed.
 *
 * @module
 */

/**
 * Added latency: every request in scope waits `fixedMs` plus a uniform random share of
 * `jitterMs` before it is handled.
 *
 * @example
 * ```ts
 * import type { LatencyFault } from '@motcua/sandbox';
 * const latency: LatencyFault = { fixedMs: 20, jitterMs: 80 }; // 20–100 ms
 * ```
 * @category Sandbox
 */
export interface LatencyFault {
  /** Milliseconds every request waits. */
  fixedMs?: number | undefined;
  /** Up to this many more milliseconds, uniformly drawn per request. */
  jitterMs?: number | undefined;
}

/**
 * When a login session stops working: after `afterCalls` service calls, or `afterMs`
 * milliseconds after the login, whichever comes first. A call with an expired session is
 * answered HTTP 401 with `error_code` `"-2"`; the client must log in again.
 *
 * @example
 * ```ts
 * import type { SessionExpiryFault } from '@motcua/sandbox';
 * const expiry: SessionExpiryFault = { afterCalls: 100, afterMs: 60_000 };
 * ```
 * @category Sandbox
 */
export interface SessionExpiryFault {
  /** The session answers this many service calls, then expires. */
  afterCalls?: number | undefined;
  /** The session expires this many milliseconds after the login. */
  afterMs?: number | undefined;
}

/**
 * The faults of a run. Rates are probabilities per request in scope (0–1) and together
 * must not exceed 1: one draw picks at most one of them for each request.
 *
 * | Fault | What the client sees | Was the request processed? |
 * |---|---|---|
 * | `errorRate` | HTTP 200, `error_code` `"-9"` ("hệ thống đang bận") | no |
 * | `serverErrorRate` | HTTP 500, 502, 503 or 504, `error_code` `"-99"` | no |
 * | `timeoutRate` | nothing: the socket is held open, then destroyed after `holdMs` | no |
 * | `dropRate` | the connection is destroyed in the middle of the answer | **yes** (the lost-acknowledgement case) |
 * | `rateLimitRate` | HTTP 429 with `Retry-After: retryAfterSeconds` | no |
 *
 * `latency` applies to every request in scope; `sessionExpiry` to DVCQG sessions.
 *
 * @example
 * ```ts
 * import type { FaultConfig } from '@motcua/sandbox';
 * const faults: FaultConfig = {
 *   seed: 7,
 *   errorRate: 0.05,
 *   serverErrorRate: 0.05,
 *   timeoutRate: 0.04,
 *   dropRate: 0.04,
 *   rateLimitRate: 0.02,
 *   retryAfterSeconds: 1,
 *   latency: { jitterMs: 20 },
 *   sessionExpiry: { afterCalls: 500 },
 * };
 * ```
 * @category Sandbox
 */
export interface FaultConfig {
  /** Seed of the decisions (default: a random seed, reported by `GET /__sandbox/faults`). */
  seed?: number | undefined;
  /** Added latency. */
  latency?: LatencyFault | undefined;
  /** Share of requests answered with an application error (HTTP 200, `error_code` `"-9"`). */
  errorRate?: number | undefined;
  /** Share of requests answered HTTP 5xx. */
  serverErrorRate?: number | undefined;
  /** Share of requests never answered (socket held for `holdMs`, then destroyed). */
  timeoutRate?: number | undefined;
  /** Share of requests processed, then cut off mid-answer. */
  dropRate?: number | undefined;
  /** Share of requests answered HTTP 429. */
  rateLimitRate?: number | undefined;
  /** `Retry-After` of a 429, in whole seconds (default 1; 0 allowed). */
  retryAfterSeconds?: number | undefined;
  /** How long a timed-out request holds its socket before destroying it (default 30 000 ms). */
  holdMs?: number | undefined;
  /** When DVCQG sessions expire. */
  sessionExpiry?: SessionExpiryFault | undefined;
  /**
   * Routes the faults apply to (default: all but the inspection API): DVCQG service
   * names (`DongBoHoSoMC`, …), `login`, `kho-so-hoa`, `dan-cu`, `payment`, `lgsp`.
   */
  scope?: readonly string[] | undefined;
}

/**
 * The fault picked for one request.
 *
 * @example
 * ```ts
 * import type { FaultKind } from '@motcua/sandbox';
 * const k: FaultKind = 'drop';
 * ```
 * @category Sandbox
 */
export type FaultKind = 'none' | 'error' | 'server-error' | 'timeout' | 'drop' | 'rate-limit';

/**
 * A decision for one request: the fault, the added latency, and the HTTP status of a
 * server error.
 *
 * @example
 * ```ts
 * import type { FaultDecision } from '@motcua/sandbox';
 * const d: FaultDecision = { kind: 'server-error', delayMs: 0, status: 503 };
 * ```
 * @category Sandbox
 */
export interface FaultDecision {
  /** What goes wrong. */
  kind: FaultKind;
  /** Milliseconds to wait before handling. */
  delayMs: number;
  /** HTTP status for `server-error`. */
  status?: number | undefined;
}

/**
 * Named fault sets for `motcua sandbox --faults <preset>`:
 *
 * - `none`: everything works;
 * - `flaky`: 20 % of calls fail (5 % application errors, 5 % 5xx, 4 % timeouts held 10 s,
 *   4 % dropped connections, 2 % 429 with `Retry-After: 1`), 0–20 ms jitter, sessions
 *   expire after 200 calls;
 * - `slow`: 200–500 ms latency on every call;
 * - `outage`: every call fails with HTTP 503;
 * - `session-churn`: sessions expire after 5 calls or 30 s.
 *
 * @example
 * ```ts
 * import { FAULT_PRESETS } from '@motcua/sandbox';
 * FAULT_PRESETS.flaky?.errorRate; // 0.05
 * ```
 * @category Sandbox
 */
export const FAULT_PRESETS: Readonly<Record<string, FaultConfig>> = Object.freeze({
  none: {},
  flaky: {
    errorRate: 0.05,
    serverErrorRate: 0.05,
    timeoutRate: 0.04,
    dropRate: 0.04,
    rateLimitRate: 0.02,
    retryAfterSeconds: 1,
    holdMs: 10_000,
    latency: { jitterMs: 20 },
    sessionExpiry: { afterCalls: 200 },
  },
  slow: { latency: { fixedMs: 200, jitterMs: 300 } },
  outage: { serverErrorRate: 1 },
  'session-churn': { sessionExpiry: { afterCalls: 5, afterMs: 30_000 } },
});

/**
 * A fault configuration with its seed fixed and its rates checked ({@link resolveFaults}).
 *
 * @example
 * ```ts
 * import { resolveFaults, type ResolvedFaults } from '@motcua/sandbox';
 * const faults: ResolvedFaults = resolveFaults({ dropRate: 0.1 });
 * faults.seed; // a number, reported so the run can be replayed
 * ```
 * @category Sandbox
 */
export interface ResolvedFaults extends FaultConfig {
  /** The seed in use. */
  seed: number;
}

const RATE_FIELDS = ['errorRate', 'serverErrorRate', 'timeoutRate', 'dropRate', 'rateLimitRate'] as const;

/**
 * Checks a fault configuration and fixes its seed. Throws a `TypeError` naming the field
 * on a rate outside 0–1, rates adding up to more than 1, a negative duration or an
 * unknown field.
 *
 * @example
 * ```ts
 * import { resolveFaults } from '@motcua/sandbox';
 * resolveFaults({ errorRate: 0.1, seed: 3 }).seed; // 3
 * ```
 * @category Sandbox
 */
export function resolveFaults(config: FaultConfig = {}): ResolvedFaults {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new TypeError('faults: expected an object');
  }
  const known = new Set<string>([
    ...RATE_FIELDS,
    'seed',
    'latency',
    'retryAfterSeconds',
    'holdMs',
    'sessionExpiry',
    'scope',
  ]);
  for (const k of Object.keys(config)) if (!known.has(k)) throw new TypeError(`faults: unknown field "${k}"`);
  let total = 0;
  for (const f of RATE_FIELDS) {
    const v = config[f];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new TypeError(`faults: ${f} must be a number from 0 to 1`);
    }
    total += v;
  }
  if (total > 1 + 1e-9) throw new TypeError(`faults: the rates add up to ${total}, more than 1`);
  const nonNegative = (name: string, v: unknown, integer = false): void => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
      throw new TypeError(`faults: ${name} must be a non-negative ${integer ? 'integer' : 'number'}`);
    }
  };
  nonNegative('latency.fixedMs', config.latency?.fixedMs);
  nonNegative('latency.jitterMs', config.latency?.jitterMs);
  nonNegative('retryAfterSeconds', config.retryAfterSeconds, true);
  nonNegative('holdMs', config.holdMs);
  nonNegative('sessionExpiry.afterCalls', config.sessionExpiry?.afterCalls, true);
  nonNegative('sessionExpiry.afterMs', config.sessionExpiry?.afterMs);
  if (config.scope !== undefined && (!Array.isArray(config.scope) || config.scope.some((s) => typeof s !== 'string'))) {
    throw new TypeError('faults: scope must be an array of route names');
  }
  const seed = config.seed ?? Math.floor(Math.random() * 2 ** 31);
  nonNegative('seed', seed, true);
  return { ...config, seed };
}

/**
 * Parses `--faults`: a preset name ({@link FAULT_PRESETS}), or a JSON object, optionally
 * `preset+{json}` to start from a preset. Throws a `TypeError` on anything else.
 *
 * @example
 * ```ts
 * import { parseFaults } from '@motcua/sandbox';
 * parseFaults('flaky').errorRate; // 0.05
 * parseFaults('{"errorRate":0.2,"seed":1}').errorRate; // 0.2
 * parseFaults('flaky+{"seed":9}').seed; // 9
 * ```
 * @category Sandbox
 */
export function parseFaults(text: string): ResolvedFaults {
  const t = text.trim();
  const plus = t.indexOf('+');
  const presetName = t.startsWith('{') ? undefined : plus === -1 ? t : t.slice(0, plus);
  const json = t.startsWith('{') ? t : plus === -1 ? undefined : t.slice(plus + 1);
  let base: FaultConfig = {};
  if (presetName !== undefined) {
    const preset = FAULT_PRESETS[presetName];
    if (preset === undefined) {
      throw new TypeError(`faults: unknown preset "${presetName}" (${Object.keys(FAULT_PRESETS).join(', ')})`);
    }
    base = preset;
  }
  let extra: FaultConfig = {};
  if (json !== undefined) {
    try {
      extra = JSON.parse(json) as FaultConfig;
    } catch (error) {
      throw new TypeError(`faults: not JSON: ${(error as Error).message}`);
    }
  }
  return resolveFaults({ ...base, ...extra });
}

/**
 * mulberry32: a small, fast, seedable generator; enough for fault decisions (not crypto).
 *
 * @example
 * ```ts
 * import { seededRandom } from '@motcua/sandbox';
 * const next = seededRandom(42);
 * next() === seededRandom(42)(); // true
 * ```
 * @category Sandbox
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVER_ERRORS = [500, 502, 503, 504] as const;

/**
 * Decides the fault of each request from a resolved configuration. The n-th decision
 * depends only on the seed and n (three draws per request), so a run with requests in
 * the same order gets the same faults.
 *
 * @example
 * ```ts
 * import { FaultPlan, resolveFaults } from '@motcua/sandbox';
 * const plan = new FaultPlan(resolveFaults({ errorRate: 1, seed: 1 }));
 * plan.decide('DongBoHoSoMC').kind; // 'error'
 * plan.decide('__sandbox').kind; // 'none' (the inspection API is never faulted)
 * ```
 * @category Sandbox
 */
export class FaultPlan {
  /** The configuration in force. */
  readonly config: ResolvedFaults;
  readonly #next: () => number;
  readonly #scope: ReadonlySet<string> | undefined;

  constructor(config: ResolvedFaults) {
    this.config = config;
    this.#next = seededRandom(config.seed);
    this.#scope = config.scope === undefined ? undefined : new Set(config.scope);
  }

  /** `true` when `route` is subject to faults. */
  inScope(route: string): boolean {
    if (route === '__sandbox') return false;
    return this.#scope === undefined || this.#scope.has(route);
  }

  /** The fault for the next request on `route`. */
  decide(route: string): FaultDecision {
    if (!this.inScope(route)) return { kind: 'none', delayMs: 0 };
    const c = this.config;
    const pick = this.#next();
    const jitter = this.#next();
    const which = this.#next();
    const delayMs = (c.latency?.fixedMs ?? 0) + (c.latency?.jitterMs ?? 0) * jitter;
    let edge = 0;
    const steps: Array<[number | undefined, FaultKind]> = [
      [c.rateLimitRate, 'rate-limit'],
      [c.serverErrorRate, 'server-error'],
      [c.timeoutRate, 'timeout'],
      [c.dropRate, 'drop'],
      [c.errorRate, 'error'],
    ];
    for (const [rate, kind] of steps) {
      edge += rate ?? 0;
      if (pick < edge) {
        return kind === 'server-error'
          ? { kind, delayMs, status: SERVER_ERRORS[Math.floor(which * SERVER_ERRORS.length)] ?? 503 }
          : { kind, delayMs };
      }
    }
    return { kind: 'none', delayMs };
  }
}
