/**
 * Verification of the payment platform's confirm callback (DVCQG → the one-stop system,
 * dvcqg-wire.md §16.2–§16.3): the `MaXacThuc` checksum recomputed from the received
 * values and compared in constant time, then replay protection by reference
 * (`MaThamChieu` + `MaGiaoDich`).
 *
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { type DvcqgPaymentCallback, dvcqgPaymentCallbackSchema, isDvcqgPaymentSuccess } from '@motcua/schemas/dvcqg';
import { paymentChecksum } from './messages.ts';

/**
 * Remembers which callbacks were already accepted. `remember` must be atomic: of two
 * concurrent calls with the same key, exactly one gets `true`. Back it with a unique
 * index in production (several web servers receive callbacks).
 *
 * @example
 * ```ts
 * import type { ReplayGuard } from '@motcua/adapters/payment';
 * declare const db: { insertIgnore(key: string, expiresAt: Date): Promise<number> };
 * const guard: ReplayGuard = { remember: async (key, expiresAt) => (await db.insertIgnore(key, expiresAt)) === 1 };
 * ```
 * @category Payment
 */
export interface ReplayGuard {
  /** Records `key` until `expiresAt`; `true` when it was not seen before, `false` for a replay. */
  remember(key: string, expiresAt: Date): Promise<boolean>;
}

/**
 * Options of {@link InMemoryReplayGuard}.
 *
 * @example
 * ```ts
 * import type { InMemoryReplayGuardOptions } from '@motcua/adapters/payment';
 * const o: InMemoryReplayGuardOptions = { maxEntries: 10_000 };
 * ```
 * @category Payment
 */
export interface InMemoryReplayGuardOptions {
  /** At most this many keys; the soonest to expire are dropped first (default 100000). */
  maxEntries?: number | undefined;
  /** Clock (default: the system clock). */
  now?: (() => Date) | undefined;
}

/**
 * A {@link ReplayGuard} in one process's memory: for tests and single-process servers.
 *
 * @example
 * ```ts
 * import { InMemoryReplayGuard } from '@motcua/adapters/payment';
 * const guard = new InMemoryReplayGuard();
 * await guard.remember('dvc1\u0000GD-1', new Date(Date.now() + 86_400_000)); // true
 * await guard.remember('dvc1\u0000GD-1', new Date(Date.now() + 86_400_000)); // false
 * ```
 * @category Payment
 */
export class InMemoryReplayGuard implements ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #max: number;
  readonly #now: () => Date;

  constructor(options: InMemoryReplayGuardOptions = {}) {
    this.#max = options.maxEntries ?? 100_000;
    this.#now = options.now ?? (() => new Date());
  }

  async remember(key: string, expiresAt: Date): Promise<boolean> {
    const now = this.#now().getTime();
    const until = this.#seen.get(key);
    if (until !== undefined && until > now) return false;
    if (this.#seen.size >= this.#max) this.#evict(now);
    this.#seen.set(key, expiresAt.getTime());
    return true;
  }

  #evict(now: number): void {
    for (const [k, until] of this.#seen) if (until <= now) this.#seen.delete(k);
    if (this.#seen.size < this.#max) return;
    const soonest = [...this.#seen.entries()].sort((a, b) => a[1] - b[1]);
    for (const [k] of soonest.slice(0, this.#seen.size - this.#max + 1)) this.#seen.delete(k);
  }
}

/**
 * Why a callback was refused.
 *
 * | Reason | When |
 * |---|---|
 * | `MALFORMED` | not an object, or a required field missing or malformed (`issues`) |
 * | `PARTNER_MISMATCH` | `MaDoiTac` is not ours |
 * | `CHECKSUM_MISMATCH` | `MaXacThuc` differs from the recomputed checksum |
 * | `REPLAYED` | this `MaThamChieu` + `MaGiaoDich` was already accepted |
 *
 * @example
 * ```ts
 * import type { CallbackRejection } from '@motcua/adapters/payment';
 * const r: CallbackRejection = 'CHECKSUM_MISMATCH';
 * ```
 * @category Payment
 */
export type CallbackRejection = 'MALFORMED' | 'PARTNER_MISMATCH' | 'CHECKSUM_MISMATCH' | 'REPLAYED';

/**
 * The verdict on a callback. Only an `ok` callback may change a dossier; `paid` tells
 * whether the platform reports success (`MaLoi = "00"`).
 *
 * @example
 * ```ts
 * import type { CallbackVerdict } from '@motcua/adapters/payment';
 * declare const v: CallbackVerdict;
 * if (v.ok && v.paid) console.info('paid', v.callback.MaThamChieu);
 * ```
 * @category Payment
 */
export type CallbackVerdict =
  | { ok: true; callback: DvcqgPaymentCallback; paid: boolean }
  | { ok: false; reason: CallbackRejection; issues?: Array<{ path: string; code: string }> | undefined };

/**
 * Options of {@link verifyPaymentCallback}.
 *
 * @example
 * ```ts
 * import { InMemoryReplayGuard, type VerifyCallbackOptions } from '@motcua/adapters/payment';
 * const o: VerifyCallbackOptions = { secret: 's3cret', partnerCode: 'THANHHOA', replayGuard: new InMemoryReplayGuard() };
 * ```
 * @category Payment
 */
export interface VerifyCallbackOptions {
  /** The partner's secret. */
  secret: string;
  /** Our `MaDoiTac`; when given, a callback for another partner is refused. */
  partnerCode?: string | undefined;
  /** Where accepted references are remembered. */
  replayGuard: ReplayGuard;
  /** How long a reference is remembered (default 30 days). */
  replayWindowMs?: number | undefined;
  /** Clock (default: the system clock). */
  now?: (() => Date) | undefined;
}

/**
 * The replay key of a callback: `MaThamChieu` and `MaGiaoDich`, separated by NUL.
 *
 * @example
 * ```ts
 * import { callbackReplayKey } from '@motcua/adapters/payment';
 * callbackReplayKey({ MaThamChieu: 'dvc1', MaGiaoDich: 'GD-1' }); // 'dvc1\u0000GD-1'
 * ```
 * @category Payment
 */
export function callbackReplayKey(callback: Pick<DvcqgPaymentCallback, 'MaThamChieu' | 'MaGiaoDich'>): string {
  return `${callback.MaThamChieu}\u0000${callback.MaGiaoDich ?? ''}`;
}

/**
 * Verifies a confirm callback: shape (wire schema), partner, `MaXacThuc` recomputed
 * from the values exactly as received (§16.3: "hash the received string as-is") and
 * compared with `crypto.timingSafeEqual`, then the replay guard — only for a callback
 * whose checksum is right, so forged callbacks cannot fill it. Never throws for a bad
 * callback; answer the platform according to the verdict.
 *
 * @example
 * ```ts
 * import { InMemoryReplayGuard, verifyPaymentCallback } from '@motcua/adapters/payment';
 * const guard = new InMemoryReplayGuard();
 * declare const body: unknown; // the parsed JSON of the callback request
 * const verdict = await verifyPaymentCallback(body, { secret: 's3cret', partnerCode: 'THANHHOA', replayGuard: guard });
 * if (!verdict.ok) console.warn('refused callback:', verdict.reason);
 * ```
 * @category Payment
 */
export async function verifyPaymentCallback(body: unknown, options: VerifyCallbackOptions): Promise<CallbackVerdict> {
  const parsed = dvcqgPaymentCallbackSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'MALFORMED',
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code })),
    };
  }
  const callback = parsed.data;
  if (options.partnerCode !== undefined && callback.MaDoiTac !== options.partnerCode) {
    return { ok: false, reason: 'PARTNER_MISMATCH' };
  }
  // Recompute over the received object itself (not the parsed copy), value for value.
  const expected = Buffer.from(paymentChecksum('CALLBACK', body as Record<string, unknown>, options.secret), 'utf8');
  const received = Buffer.from(callback.MaXacThuc.toLowerCase(), 'utf8');
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
    return { ok: false, reason: 'CHECKSUM_MISMATCH' };
  }
  const now = (options.now ?? (() => new Date()))();
  const window = options.replayWindowMs ?? 30 * 86_400_000;
  const first = await options.replayGuard.remember(callbackReplayKey(callback), new Date(now.getTime() + window));
  if (!first) return { ok: false, reason: 'REPLAYED' };
  return { ok: true, callback, paid: isDvcqgPaymentSuccess(callback.MaLoi) };
}
