/**
 * Consent states (India Account Aggregator model: ACTIVE, PAUSED, REVOKED, EXPIRED) and
 * an in-memory consent registry.
 *
 * @module
 */
import type { EvidenceSource as EvidenceSourceKind, Identity, Instant } from '@motcua/schemas';
import type { Consent, ConsentRegistry, ConsentState } from './ports.ts';
import { epochMsOf, ownerKey } from './validity.ts';

/**
 * The state of a consent at an instant: its recorded state, except that an `active`
 * consent past its expiry is `expired` and one before its start is `not-started`.
 *
 * @example
 * ```ts
 * import { consentStateAt, type Consent } from '@motcua/core';
 * const c: Consent = {
 *   id: 'c1',
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   sources: ['population-database'],
 *   state: 'active',
 *   start: '2025-01-01T00:00:00+07:00',
 *   expiry: '2025-06-30T23:59:59+07:00',
 * };
 * consentStateAt(c, '2025-07-01T08:00:00+07:00'); // 'expired'
 * ```
 * @category Reuse
 */
export function consentStateAt(consent: Consent, at: Instant | Date): ConsentState | 'not-started' {
  if (consent.state !== 'active') return consent.state;
  const ms = epochMsOf(at, 'at');
  if (consent.expiry !== undefined && epochMsOf(consent.expiry, 'consent.expiry') <= ms) return 'expired';
  if (epochMsOf(consent.start, 'consent.start') > ms) return 'not-started';
  return 'active';
}

/**
 * What the engine found about consent for one look-up: an active consent to rely on,
 * a consent that exists but is not in force (with its state), or none at all.
 *
 * @example
 * ```ts
 * import type { ConsentVerdict } from '@motcua/core';
 * const v: ConsentVerdict = { state: 'none' };
 * ```
 * @category Reuse
 */
export type ConsentVerdict =
  | { state: 'active'; consent: Consent }
  | { state: 'paused' | 'revoked' | 'expired' | 'not-started'; consent: Consent }
  | { state: 'none' };

/**
 * Picks the consent a look-up may rely on among the subject's consents for a source:
 * one that covers the requesting agency and the procedure and is active at `at`. When
 * none is active, the most recently started applicable consent explains why.
 *
 * @example
 * ```ts
 * import { pickConsent } from '@motcua/core';
 * pickConsent([], { agencyCode: '000.17.22.H56', procedureCode: '1.001193', at: '2025-07-01T08:00:00+07:00' }); // { state: 'none' }
 * ```
 * @category Reuse
 */
export function pickConsent(
  consents: readonly Consent[],
  context: { agencyCode?: string | undefined; procedureCode: string; at: Instant | Date },
): ConsentVerdict {
  const applicable = consents.filter(
    (c) =>
      (c.granteeAgencyCode === undefined || c.granteeAgencyCode === context.agencyCode) &&
      (c.procedureCodes === undefined || c.procedureCodes.includes(context.procedureCode)),
  );
  let latest:
    | { consent: Consent; state: Exclude<ConsentVerdict['state'], 'none' | 'active'>; start: number }
    | undefined;
  for (const consent of applicable) {
    const state = consentStateAt(consent, context.at);
    if (state === 'active') return { state, consent };
    const start = epochMsOf(consent.start, 'consent.start');
    if (latest === undefined || start > latest.start) latest = { consent, state, start };
  }
  return latest === undefined ? { state: 'none' } : { state: latest.state, consent: latest.consent };
}

/**
 * A {@link ConsentRegistry} kept in memory, for tests, demos and single-process use.
 *
 * @example
 * ```ts
 * import { InMemoryConsentRegistry } from '@motcua/core';
 * const consents = new InMemoryConsentRegistry();
 * consents.record({
 *   id: 'consent-0001',
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   sources: ['population-database'],
 *   state: 'active',
 *   start: '2025-07-01T00:00:00+07:00',
 * });
 * ```
 * @category Reuse
 */
export class InMemoryConsentRegistry implements ConsentRegistry {
  readonly #bySubject = new Map<string, Consent[]>();

  /** Add a consent, or replace the one with the same id (pausing, revoking). */
  record(consent: Consent): void {
    const key = ownerKey(consent.subject);
    const list = (this.#bySubject.get(key) ?? []).filter((c) => c.id !== consent.id);
    list.push(consent);
    this.#bySubject.set(key, list);
  }

  /** The subject's consents covering `source`. */
  async find(subject: Identity, source: EvidenceSourceKind): Promise<Consent[]> {
    return (this.#bySubject.get(ownerKey(subject)) ?? []).filter((c) => c.sources.includes(source));
  }
}
