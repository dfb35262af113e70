/**
 * The population-database look-up (CSDL quốc gia về dân cư, dvcqg-wire.md §14): a JSON
 * request whose answer carries the SOAP XML of the citizen in its `message`, and an
 * evidence source for the reuse engine built on it.
 *
 * @module
 */
import type { EvidenceAnswer, EvidenceItem, EvidenceRequest, EvidenceSource } from '@motcua/core';
import {
  type DvcqgDanCuRequest,
  dvcqgDanCuRequestSchema,
  dvcqgResponseSchema,
  isDvcqgSuccess,
} from '@motcua/schemas/dvcqg';
import { AdapterError, PortalError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { createTransport, type TransportOptions } from '../http/transport.ts';
import { type CitizenRecord, parseCongDanXml } from './cong-dan.ts';

/**
 * Options of {@link createPopulationClient}.
 *
 * @example
 * ```ts
 * import type { PopulationClientOptions } from '@motcua/adapters/population';
 * const o: PopulationClientOptions = { url: 'http://127.0.0.1:8080/csdldancu/tracuu', integrationCode: 'MOTCUA-H56' };
 * ```
 * @category Population
 */
export interface PopulationClientOptions extends TransportOptions {
  /** The look-up endpoint. */
  url: string;
  /** Extra headers (an adapter's `dstcode`, an API key). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** `Authorization: Bearer` token or a function returning one, when the route needs it. */
  accessToken?: string | (() => Promise<string>) | undefined;
  /** `MaTichHop` sent with every look-up unless the request has one. */
  integrationCode?: string | undefined;
}

/**
 * What a look-up found.
 *
 * @example
 * ```ts
 * import type { PopulationLookupResult } from '@motcua/adapters/population';
 * declare const r: PopulationLookupResult;
 * if (r.status === 'found') r.citizens[0]?.name.full;
 * ```
 * @category Population
 */
export type PopulationLookupResult =
  | { status: 'found'; citizens: CitizenRecord[]; requestId: string }
  | { status: 'not-found'; requestId: string };

/**
 * The population-database client.
 *
 * @example
 * ```ts
 * import { createPopulationClient } from '@motcua/adapters/population';
 * const population = createPopulationClient({ url: 'http://127.0.0.1:8080/csdldancu/tracuu' });
 * const r = await population.lookup({ SoDinhDanh: '038190012345', HoVaTen: 'Nguyễn Thị Lan', MaCanBo: 'cb-0042' });
 * ```
 * @category Population
 */
export interface PopulationClient {
  /** Looks a citizen up. Throws {@link PortalError} (`PORTAL_REJECTED`, `PORTAL_BAD_RESPONSE`, transport codes) and {@link AdapterError} `INVALID_ARGUMENT` for a request the wire schema rejects. */
  lookup(request: DvcqgDanCuRequest, signal?: AbortSignal): Promise<PopulationLookupResult>;
}

/**
 * Creates a {@link PopulationClient}. Look-ups change nothing, so they are retried where
 * the transport allows.
 *
 * @example
 * ```ts
 * import { createPopulationClient } from '@motcua/adapters/population';
 * const population = createPopulationClient({ url: 'http://127.0.0.1:8080/csdldancu/tracuu', timeoutMs: 15_000 });
 * ```
 * @category Population
 */
export function createPopulationClient(options: PopulationClientOptions): PopulationClient {
  const transport = createTransport(options);
  const service = 'population:lookup';
  return {
    async lookup(request, signal): Promise<PopulationLookupResult> {
      const body: DvcqgDanCuRequest = { ...request };
      if (body.MaTichHop == null && options.integrationCode !== undefined) body.MaTichHop = options.integrationCode;
      const checked = dvcqgDanCuRequestSchema.safeParse(body);
      if (!checked.success) {
        throw new AdapterError('INVALID_ARGUMENT', 'population look-up: the request fails the wire schema', {
          details: { issues: checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) },
        });
      }
      const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
      if (options.accessToken !== undefined) {
        const token = typeof options.accessToken === 'string' ? options.accessToken : await options.accessToken();
        headers.Authorization = `Bearer ${token}`;
      }
      const r = await transport.send({ service, url: options.url, json: body, headers, idempotent: true, signal });
      const meta = { service, status: r.status, requestId: r.requestId, attempts: r.attempts };
      const envelope = dvcqgResponseSchema.safeParse(r.body);
      if (!envelope.success) {
        throw new PortalError('PORTAL_BAD_RESPONSE', `${service}: no error_code envelope`, {
          ...meta,
          payload: r.body,
        });
      }
      const message = envelope.data.message;
      if (!isDvcqgSuccess(envelope.data.error_code)) {
        throw new PortalError(
          'PORTAL_REJECTED',
          `${service}: error_code ${String(envelope.data.error_code)}${typeof message === 'string' ? `: ${maskPersonalIds(message.slice(0, 300))}` : ''}`,
          { ...meta, errorCode: envelope.data.error_code, portalMessage: message ?? undefined },
        );
      }
      if (typeof message !== 'string' || message.trim() === '') return { status: 'not-found', requestId: r.requestId };
      let citizens: CitizenRecord[];
      try {
        citizens = parseCongDanXml(message);
      } catch (cause) {
        throw new PortalError(
          'PORTAL_BAD_RESPONSE',
          `${service}: the XML in message is refused`,
          { ...meta, payload: r.body },
          { cause },
        );
      }
      return citizens.length === 0
        ? { status: 'not-found', requestId: r.requestId }
        : { status: 'found', citizens, requestId: r.requestId };
    },
  };
}

/**
 * The identity facts the population source answers, by name (`ReplacingEvidence.value`
 * of kind `identity-fact`): `fullName`, `birthDate`, `gender`, `nationality`,
 * `ethnicity`, `religion`, `hometown`, `permanentResidence`, `currentResidence`,
 * `birthRegistrationPlace`, `householdHead`, `householdBookNumber`, `father`, `mother`,
 * `spouse`, `personalId`, `cmnd`, `maritalStatus`, and `citizen` (the whole record).
 *
 * @example
 * ```ts
 * import { POPULATION_FACTS } from '@motcua/adapters/population';
 * POPULATION_FACTS.includes('permanentResidence'); // true
 * ```
 * @category Population
 */
export const POPULATION_FACTS: readonly string[] = Object.freeze([
  'citizen',
  'fullName',
  'birthDate',
  'gender',
  'nationality',
  'ethnicity',
  'religion',
  'maritalStatus',
  'hometown',
  'permanentResidence',
  'currentResidence',
  'birthRegistrationPlace',
  'householdHead',
  'householdBookNumber',
  'father',
  'mother',
  'spouse',
  'personalId',
  'cmnd',
]);

function factOf(c: CitizenRecord, name: string): unknown {
  switch (name) {
    case 'citizen':
      return c;
    case 'fullName':
      return c.name.full === '' ? undefined : c.name.full;
    case 'birthDate':
      return c.birth.iso;
    default:
      return (c as unknown as Record<string, unknown>)[name];
  }
}

/**
 * Options of {@link populationEvidenceSource}.
 *
 * @example
 * ```ts
 * import { createPopulationClient, type PopulationSourceOptions } from '@motcua/adapters/population';
 * const o: PopulationSourceOptions = { client: createPopulationClient({ url: 'http://127.0.0.1:8080/csdldancu/tracuu' }) };
 * ```
 * @category Population
 */
export interface PopulationSourceOptions {
  /** The client to ask. */
  client: PopulationClient;
  /** Source id in plans and logs (default `population-database`). */
  id?: string | undefined;
  /** `MaDVC` for a procedure (default: the procedure code + `.01`, identifiers.md §4). */
  serviceCodeFor?: ((procedureCode: string) => string) | undefined;
  /** How long to wait before asking again after a transient failure, ms (default 5 minutes). */
  retryAfterMs?: number | undefined;
  /** Clock for `retryAt` (default: the system clock). */
  now?: (() => Date) | undefined;
}

/**
 * The population database as an `EvidenceSource` of the reuse engine (kind
 * `population-database`, identity facts only, on legal duty — NĐ 61/2018 Điều 25.2.d —
 * so no consent is required; not the DVCQG store). Each wanted fact that the record
 * holds becomes an item whose `fact` is the value; the owner's name and birth date are
 * reported for record matching. Transient failures answer `unavailable` with a
 * `retryAt`; rejections answer `error` with the portal's code (message masked).
 *
 * @example
 * ```ts
 * import { createPopulationClient, populationEvidenceSource } from '@motcua/adapters/population';
 * const source = populationEvidenceSource({ client: createPopulationClient({ url: 'http://127.0.0.1:8080/csdldancu/tracuu' }) });
 * source.kind; // 'population-database'
 * ```
 * @category Population
 */
export function populationEvidenceSource(options: PopulationSourceOptions): EvidenceSource {
  const serviceCodeFor = options.serviceCodeFor ?? ((code: string) => `${code}.01`);
  const now = options.now ?? (() => new Date());
  return {
    id: options.id ?? 'population-database',
    kind: 'population-database',
    supports: ['identity-fact'],
    requiresConsent: false,
    fromNationalStore: false,
    async lookup(request: EvidenceRequest): Promise<EvidenceAnswer> {
      const subject = request.subject;
      const wire: DvcqgDanCuRequest = {
        MaDVC: serviceCodeFor(request.purpose.procedureCode),
        MaCanBo: request.requester.id,
        MaYeuCau: globalThis.crypto.randomUUID(),
      };
      if (subject.type === 'personal-id') wire.SoDinhDanh = subject.value;
      else if (subject.type === 'cmnd') wire.SoCMND = subject.value;
      else return { status: 'error', code: 'UNSUPPORTED_IDENTITY', message: `cannot look up a ${subject.type}` };
      let result: PopulationLookupResult;
      try {
        result = await options.client.lookup(wire);
      } catch (error) {
        if (error instanceof PortalError && error.transient) {
          const retryAt = new Date(now().getTime() + (error.retryAfterMs ?? options.retryAfterMs ?? 300_000));
          return {
            status: 'unavailable',
            retryAt: retryAt.toISOString(),
            code: error.code,
            message: error.message,
            requestId: error.requestId,
          };
        }
        if (error instanceof PortalError) {
          return {
            status: 'error',
            code: error.errorCode === undefined ? error.code : String(error.errorCode),
            message: error.message,
            requestId: error.requestId,
          };
        }
        throw error;
      }
      if (result.status === 'not-found') return { status: 'not-found', requestId: result.requestId };
      const citizen =
        result.citizens.find((c) => c.personalId === subject.value || c.cmnd === subject.value) ?? result.citizens[0];
      if (citizen === undefined) return { status: 'not-found', requestId: result.requestId };
      const owner: EvidenceItem['owner'] = {};
      if (citizen.name.full !== '') owner.name = citizen.name.full;
      if (citizen.birth.iso !== undefined) owner.birthDate = citizen.birth.iso;
      const items: EvidenceItem[] = [];
      for (const wanted of request.wanted) {
        if (wanted.kind !== 'identity-fact') continue;
        const fact = factOf(citizen, wanted.value);
        if (fact === undefined) continue;
        items.push({ evidence: wanted, fact, owner, status: { state: 'valid' } });
      }
      return items.length === 0
        ? { status: 'not-found', requestId: result.requestId }
        : { status: 'found', items, requestId: result.requestId };
    },
  };
}
