/**
 * The portal port: what the sync engine needs from Cổng DVCQG. `@motcua/adapters`' DVCQG
 * client does the talking; a few lines of wiring (in the application, or the `motcua sync`
 * command) turn it into a {@link PortalSender}. Core never imports the adapters.
 *
 * @module
 */
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';

/**
 * Options of one portal call: the signal aborts it when the worker gives up on the
 * delivery. A sender **must** stop its request when the signal aborts — otherwise a slow
 * request could reach the portal after a retry and a later change, and undo it.
 *
 * @example
 * ```ts
 * import type { PortalCallOptions } from '@motcua/core';
 * const options: PortalCallOptions = { signal: AbortSignal.timeout(30_000) };
 * ```
 * @category Sync
 */
export interface PortalCallOptions {
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * A dossier to create or update on the portal (`DongBoHoSoMC`).
 *
 * @example
 * ```ts
 * import type { PortalDossierUpsert } from '@motcua/core';
 * const u: PortalDossierUpsert = {
 *   dossier: { MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' },
 *   exists: false,
 * };
 * ```
 * @category Sync
 */
export interface PortalDossierUpsert {
  /** The wire dossier object (dvcqg-wire.md §5). */
  dossier: DvcqgDossier;
  /**
   * What the sender believes: `false` for a dossier's first message (create first), `true`
   * for later ones (update first), absent when unknown (look up with `TraCuuHoSo`). Only
   * a hint: a create answered "đã tồn tại" must become an update, and an update of a
   * dossier the portal lacks must become a create (dvcqg-wire.md §11.3).
   */
  exists?: boolean | undefined;
}

/**
 * Cổng DVCQG as the sync engine sees it. Each method resolves when the portal accepted
 * the call and rejects otherwise; the rejection is classified by {@link classifyPortalFailure}
 * (or the worker's `classifyError`). Every call must be idempotent — the engine delivers
 * at least once, so the same dossier or progress row can arrive twice.
 *
 * @example
 * ```ts
 * import type { PortalSender } from '@motcua/core';
 * // wiring @motcua/adapters' client (createDvcqgClient) into the port:
 * declare const client: {
 *   upsertDossier(d: unknown, signal?: AbortSignal): Promise<unknown>;
 *   capNhatTienDo(rows: readonly unknown[], o: { signal?: AbortSignal }): Promise<{ ok: boolean }>;
 *   traCuuHoSo(code: string, signal?: AbortSignal): Promise<{ found: boolean; records: Record<string, unknown>[] }>;
 * };
 * const portal: PortalSender = {
 *   upsertDossier: async ({ dossier }, o) => void (await client.upsertDossier(dossier, o?.signal)),
 *   sendProgress: async (rows, o) => {
 *     const r = await client.capNhatTienDo(rows, { ...(o?.signal ? { signal: o.signal } : {}) });
 *     if (!r.ok) throw new Error('CapNhatTienDoHoSoMC: a chunk failed');
 *   },
 *   lookUpDossier: async (code, o) => (await client.traCuuHoSo(code, o?.signal)).records[0],
 * };
 * ```
 * @category Sync
 */
export interface PortalSender {
  /** `DongBoHoSoMC` as an upsert of one dossier. */
  upsertDossier(item: PortalDossierUpsert, options?: PortalCallOptions): Promise<void>;
  /**
   * Optional: several dossiers of different `MaHoSo` with the same `exists` hint in one
   * `DongBoHoSoMC` call (`data: [...]`). Resolves when the portal accepted all of them;
   * rejects otherwise (some may have been accepted: the worker sends each again, alone).
   */
  upsertDossiers?(items: readonly PortalDossierUpsert[], options?: PortalCallOptions): Promise<void>;
  /**
   * `CapNhatTienDoHoSoMC`: progress rows of one or more dossiers, in order per dossier
   * (the sender chunks them, 10 rows per call in production, dvcqg-wire.md §11.3).
   * Resolves when every row was accepted.
   */
  sendProgress(rows: readonly DvcqgProgress[], options?: PortalCallOptions): Promise<void>;
  /** `TraCuuHoSo`: the dossier as the portal holds it, or `undefined` when it has none. */
  lookUpDossier(maHoSo: string, options?: PortalCallOptions): Promise<Record<string, unknown> | undefined>;
}

/**
 * How a failed delivery is treated: `transient` failures are retried with backoff until the
 * attempt bound; `permanent` ones go to the dead letters at once (retrying cannot help:
 * the portal or the local validation rejected the content).
 *
 * @example
 * ```ts
 * import type { PortalFailure } from '@motcua/core';
 * const f: PortalFailure = { kind: 'transient', reason: 'PORTAL_TIMEOUT: DongBoHoSoMC', retryAfterMs: 2000 };
 * ```
 * @category Sync
 */
export interface PortalFailure {
  /** Retry or give up. */
  kind: 'transient' | 'permanent';
  /** Why, as kept in the outbox's `lastError` (never personal data). */
  reason: string;
  /** The server asked to wait this long (`Retry-After`). */
  retryAfterMs?: number | undefined;
}

const PERSONAL_ID = /\b\d{9}(?:\d{3})?\b/g;

/**
 * The default classification of a sender's rejection, by duck typing (core does not know
 * the adapters' error classes):
 *
 * - an error with `transient === false` **and** a `code` listed in `permanentCodes` is
 *   permanent; so is one with `permanent === true`;
 * - everything else is transient — including rejections whose meaning is unknown (the
 *   portal publishes no error table): they are retried until the attempt bound and then
 *   dead-lettered with their reason;
 * - `retryAfterMs` is read when present (the adapters' `PortalError` carries it).
 *
 * The reason is `code: message`, with 9- and 12-digit numbers (ID numbers) masked.
 *
 * @example
 * ```ts
 * import { classifyPortalFailure } from '@motcua/core';
 * classifyPortalFailure(Object.assign(new Error('bad'), { code: 'CODEC_WIRE_INVALID', transient: false }));
 * // { kind: 'permanent', reason: 'CODEC_WIRE_INVALID: bad' }
 * classifyPortalFailure(new Error('socket hang up')).kind; // 'transient'
 * ```
 * @category Sync
 */
export function classifyPortalFailure(
  error: unknown,
  permanentCodes: readonly string[] = ['CODEC_WIRE_INVALID', 'CODEC_UNSUPPORTED', 'INVALID_ARGUMENT'],
): PortalFailure {
  const e = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    transient?: unknown;
    permanent?: unknown;
    retryAfterMs?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const reason = `${code === undefined ? '' : `${code}: `}${message}`.replace(PERSONAL_ID, '•••').slice(0, 1000);
  const permanent =
    e.permanent === true || (code !== undefined && e.transient !== true && permanentCodes.includes(code));
  const retryAfterMs =
    typeof e.retryAfterMs === 'number' && Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0
      ? e.retryAfterMs
      : undefined;
  return {
    kind: permanent ? 'permanent' : 'transient',
    reason,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
