/**
 * The reuse engine: for a dossier being received, which components can be taken from
 * data the state already holds instead of being handed over again (once-only; NĐ
 * 61/2018 Điều 25, NĐ 107/2021), with provenance, reasons and the DVCQG reuse flags.
 *
 * @module
 */
import {
  type AccessLogEntry,
  type AccessPurpose,
  type AccessRequester,
  accessLogEntrySchema,
  type ComponentReuse,
  type EvidenceSource as EvidenceSourceKind,
  type Identity,
  type Instant,
  type IsoDate,
  type LookupOutcome,
  type NamedAgency,
  type NationalDatabase,
  type Party,
  type Procedure,
  type ProcedureComponent,
  type ReplacingEvidence,
  type ReturnedDocument,
  type Validity,
} from '@motcua/schemas';
import type { Clock } from '../ports.ts';
import { pickConsent } from './consent.ts';
import { ReuseError } from './errors.ts';
import {
  type BirthDateMatch,
  foldVietnameseName,
  matchBirthDates,
  matchVietnameseNames,
  type NameMatch,
} from './name-match.ts';
import type {
  AccessLog,
  ConsentRegistry,
  EvidenceAnswer,
  EvidenceItem,
  EvidenceSource,
  SignatureVerdict,
} from './ports.ts';
import { EvidenceRegistry, type RegisteredEvidence } from './registry.ts';
import { documentValidityAt, epochMsOf, vietnamDayOfMs, vietnamInstantOfMs } from './validity.ts';

/**
 * What {@link ReuseEngine.plan} needs. `requester` and `purpose` are mandatory: no one
 * reads a citizen's data without saying who and why (once-only.md §7, item 1).
 *
 * @example
 * ```ts
 * import type { ReusePlanRequest } from '@motcua/core';
 * import type { Procedure } from '@motcua/schemas';
 * declare const procedure: Procedure;
 * const request: ReusePlanRequest = {
 *   procedure,
 *   applicant: { type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [{ type: 'personal-id', value: '038190012345' }] },
 *   requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
 *   purpose: { procedureCode: procedure.code, dossierCode: '000.17.22.H56-250701-0001' },
 *   at: '2025-07-01T08:00:00+07:00',
 * };
 * ```
 * @category Reuse
 */
export interface ReusePlanRequest {
  /** The procedure the dossier is for. */
  procedure: Procedure;
  /** Chủ hồ sơ: whose papers are looked up (by every identifier they have). */
  applicant: Party;
  /** Who asks. */
  requester: AccessRequester;
  /** Why: the procedure, plus the dossier code or a free text. */
  purpose: AccessPurpose;
  /** The instant the evidence must be valid at (normally the reception instant). */
  at: Instant | Date;
  /** Where the paper will be relied on (a province name or code), for scope checks. */
  scope?: string | undefined;
}

/**
 * Why a component cannot be reused:
 *
 * | Code | Meaning |
 * |---|---|
 * | `none-found` | every source answered and none holds the evidence |
 * | `no-source` | no configured source can answer this kind of evidence |
 * | `expired` / `not-yet-valid` | outside the paper's validity period on the plan's day |
 * | `too-old` | issued longer ago than the evidence type allows (`maxAgeDays`), or issue date unknown |
 * | `revoked` / `superseded` | the paper was withdrawn or replaced at or before the plan's instant |
 * | `out-of-scope` | the paper's scope of validity does not cover where it will be used |
 * | `owner-name-mismatch` | the owner named on the record is not the applicant (or only `probable`) |
 * | `owner-birth-date-mismatch` | the owner's birth date on the record differs |
 * | `signature-invalid` | a signed file failed verification (TOTAL_FAILED) |
 * | `source-unavailable` / `source-pending` | the source could not answer now; see `retryAt` |
 * | `source-denied` / `source-error` | the source refused or failed |
 * | `consent-missing` / `consent-paused` / `consent-revoked` / `consent-expired` / `consent-not-started` | the source needs consent and none is in force |
 *
 * @example
 * ```ts
 * import type { NotReusableCode } from '@motcua/core';
 * const c: NotReusableCode = 'revoked';
 * ```
 * @category Reuse
 */
export type NotReusableCode =
  | 'none-found'
  | 'no-source'
  | 'expired'
  | 'not-yet-valid'
  | 'too-old'
  | 'revoked'
  | 'superseded'
  | 'out-of-scope'
  | 'owner-name-mismatch'
  | 'owner-birth-date-mismatch'
  | 'signature-invalid'
  | 'source-unavailable'
  | 'source-pending'
  | 'source-denied'
  | 'source-error'
  | 'consent-missing'
  | 'consent-paused'
  | 'consent-revoked'
  | 'consent-expired'
  | 'consent-not-started';

/**
 * One reason a component could not be reused, with what it concerns.
 *
 * @example
 * ```ts
 * import type { NotReusableReason } from '@motcua/core';
 * const r: NotReusableReason = {
 *   code: 'source-unavailable',
 *   sourceId: 'kho-dvcqg',
 *   retryAt: '2025-07-01T09:00:00+07:00',
 *   detail: 'Hệ thống đang bảo trì',
 * };
 * ```
 * @category Reuse
 */
export interface NotReusableReason {
  /** Why. */
  code: NotReusableCode;
  /** The evidence concerned. */
  evidence?: ReplacingEvidence | undefined;
  /** The source concerned. */
  sourceId?: string | undefined;
  /** The paper concerned. */
  documentId?: string | undefined;
  /** Since when (expiry day, revocation instant, issue day). */
  since?: string | undefined;
  /** When to try again (pending / unavailable sources). */
  retryAt?: Instant | undefined;
  /** Human-readable detail: the status reason, the source's message, the paper's scope. */
  detail?: string | undefined;
  /** The name comparison, for `owner-name-mismatch`. */
  nameMatch?: NameMatch | undefined;
  /** The consent concerned. */
  consentId?: string | undefined;
}

/**
 * Where reused evidence came from (once-only.md §7, item 2): source, issuer, number,
 * issue date, validity, the signature verdicts when signed files were verified, and how
 * the owner was matched.
 *
 * @example
 * ```ts
 * import type { ReuseProvenance } from '@motcua/core';
 * const p: ReuseProvenance = {
 *   sourceId: 'local-warehouse',
 *   source: 'local-store',
 *   retrievedAt: '2025-07-01T08:00:02+07:00',
 *   accessLogEntryId: 'log-1',
 *   documentId: 'gtsh-000981',
 *   referenceNumber: '123/2025/KS',
 *   issueDate: '2025-07-03',
 *   validity: { permanent: true },
 * };
 * ```
 * @category Reuse
 */
export interface ReuseProvenance {
  /** Id of the evidence source. */
  sourceId: string;
  /** Kind of source (as in the access log). */
  source: EvidenceSourceKind;
  /** When it was read. */
  retrievedAt: Instant;
  /** The access-log entry of the look-up. */
  accessLogEntryId: string;
  /** The source's request id, tying answer to question. */
  requestId?: string | undefined;
  /** Id of the paper at the source. */
  documentId?: string | undefined;
  /** Name of the paper. */
  name?: string | undefined;
  /** Cơ quan ban hành. */
  issuer?: NamedAgency | undefined;
  /** Số ký hiệu. */
  referenceNumber?: string | undefined;
  /** Ngày ban hành. */
  issueDate?: IsoDate | undefined;
  /** Thời hạn hiệu lực. */
  validity?: Validity | undefined;
  /** Phạm vi hiệu lực. */
  scope?: string | undefined;
  /** Code in the DVCQG store. */
  nationalStoreCode?: string | undefined;
  /** Verdicts on the signed files. */
  signatures?: SignatureVerdict[] | undefined;
  /** For identity facts: the value read. */
  fact?: unknown;
  /** How the owner named on the record matched the applicant (absent when the record names nobody). */
  ownerMatch?: { name?: NameMatch | undefined; birthDate?: BirthDateMatch | undefined } | undefined;
}

/**
 * The DVCQG flags of one dossier component (`TaiLieuNop[]`, dvcqg-wire.md §5.6, §15.3):
 * `DuocTaiSuDung` `0` not reused, `1` reused, `2` reused and replaced by a stored result
 * (`MaKetQuaThayThe` set); `DuocLayTuKhoDMQG` `1` when taken from the DVCQG store.
 *
 * @example
 * ```ts
 * import type { ComponentReuseFlags } from '@motcua/core';
 * const f: ComponentReuseFlags = {
 *   MaThanhPhanHoSo: 'TP01',
 *   DuocTaiSuDung: '2',
 *   MaKetQuaThayThe: 'KQ.1.001193.01',
 *   DuocLayTuKhoDMQG: '1',
 * };
 * ```
 * @category Reuse
 */
export interface ComponentReuseFlags {
  /** Component code. */
  MaThanhPhanHoSo: string;
  /** Reuse flag. */
  DuocTaiSuDung: '0' | '1' | '2';
  /** The result code that replaces the component. */
  MaKetQuaThayThe?: string | undefined;
  /** Taken from the DVCQG store. */
  DuocLayTuKhoDMQG: '0' | '1';
}

/**
 * What every {@link ComponentPlan} says about its component.
 *
 * @example
 * ```ts
 * import type { ComponentPlanBase } from '@motcua/core';
 * const b: ComponentPlanBase = {
 *   componentCode: 'TP01',
 *   componentName: 'Tờ khai',
 *   required: true,
 *   flags: { MaThanhPhanHoSo: 'TP01', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0' },
 * };
 * ```
 * @category Reuse
 */
export interface ComponentPlanBase {
  /** Component code (MAGIAYTO). */
  componentCode: string;
  /** Component name. */
  componentName: string;
  /** The case (trường hợp) the component belongs to. */
  case?: string | undefined;
  /** Whether the catalogue marks the component as required. */
  required: boolean;
  /** Its DVCQG flags. */
  flags: ComponentReuseFlags;
}

/**
 * The plan for one component: `reused` (with the evidence and its provenance, and the
 * canonical {@link ComponentReuse} to put on the dossier), `not-reusable` (evidence is
 * registered but none can be used now: every reason, and the earliest retry time), or
 * `must-submit` (nothing may replace it: the citizen submits the paper).
 *
 * @example
 * ```ts
 * import type { ComponentPlan } from '@motcua/core';
 * declare const c: ComponentPlan;
 * if (c.outcome === 'not-reusable') console.log(c.reasons.map((r) => r.code));
 * ```
 * @category Reuse
 */
export type ComponentPlan =
  | (ComponentPlanBase & {
      outcome: 'reused';
      evidence: RegisteredEvidence;
      provenance: ReuseProvenance;
      reuse: ComponentReuse;
    })
  | (ComponentPlanBase & { outcome: 'not-reusable'; reasons: NotReusableReason[]; retryAt?: Instant | undefined })
  | (ComponentPlanBase & { outcome: 'must-submit' });

/**
 * One look-up the engine made (or refused to make for lack of consent), as logged.
 *
 * @example
 * ```ts
 * import type { LookupRecord } from '@motcua/core';
 * const l: LookupRecord = { sourceId: 'local-warehouse', source: 'local-store', outcome: 'found', accessLogEntryId: 'log-1' };
 * ```
 * @category Reuse
 */
export interface LookupRecord {
  /** The source. */
  sourceId: string;
  /** Its kind. */
  source: EvidenceSourceKind;
  /** What came of it. */
  outcome: LookupOutcome;
  /** Its access-log entry (absent when no consent record existed and nothing was asked). */
  accessLogEntryId?: string | undefined;
  /** When to retry, for unavailable sources. */
  retryAt?: Instant | undefined;
}

/**
 * The reuse plan of a dossier.
 *
 * @example
 * ```ts
 * import type { ReusePlan } from '@motcua/core';
 * declare const plan: ReusePlan;
 * plan.flags.dossier.HoSoCoThanhPhanSoHoa; // '1' when at least one component is reused
 * ```
 * @category Reuse
 */
export interface ReusePlan {
  /** The procedure. */
  procedureCode: string;
  /** The instant evidence was judged at. */
  at: Instant;
  /** One entry per component of the procedure, in catalogue order. */
  components: ComponentPlan[];
  /** Every look-up made. */
  lookups: LookupRecord[];
  /** DVCQG flags: the dossier's and each component's. */
  flags: { dossier: { HoSoCoThanhPhanSoHoa: '0' | '1' }; components: ComponentReuseFlags[] };
  /** National databases consulted successfully (the dossier's `DSKetNoiCSDL`). */
  databasesConsulted: NationalDatabase[];
}

/**
 * Options of {@link createReuseEngine}.
 *
 * @example
 * ```ts
 * import { InMemoryAccessLog, InMemoryWarehouseStore, systemClock, warehouseEvidenceSource, type ReuseEngineOptions } from '@motcua/core';
 * const options: ReuseEngineOptions = {
 *   sources: [warehouseEvidenceSource(new InMemoryWarehouseStore({ clock: systemClock }))],
 *   accessLog: new InMemoryAccessLog(),
 *   clock: systemClock,
 * };
 * ```
 * @category Reuse
 */
export interface ReuseEngineOptions {
  /** Evidence sources, in order of preference. */
  sources: readonly EvidenceSource[];
  /** Where every look-up is recorded. */
  accessLog: AccessLog;
  /** "Now", for log entries. */
  clock: Clock;
  /** Which evidence may replace which component (default: the catalogue's `replaceableBy` only). */
  registry?: EvidenceRegistry | undefined;
  /** Consents, for sources that require them. */
  consents?: ConsentRegistry | undefined;
  /** Ids of access-log entries (default `log-<uuid>`). */
  newId?: (() => string) | undefined;
  /** Whether a paper's scope covers the plan's scope (default: Vietnamese-aware containment; nationwide always covers). */
  scopeCovers?: ((paperScope: string, wanted: string) => boolean) | undefined;
}

/**
 * A reuse engine. See {@link createReuseEngine}.
 *
 * @example
 * ```ts
 * import type { ReuseEngine, ReusePlanRequest } from '@motcua/core';
 * declare const engine: ReuseEngine;
 * declare const request: ReusePlanRequest;
 * const plan = await engine.plan(request);
 * ```
 * @category Reuse
 */
export interface ReuseEngine {
  /** Plan the reuse of a dossier's components. */
  plan(request: ReusePlanRequest): Promise<ReusePlan>;
}

const NATIONAL_DATABASE_OF: Partial<Record<EvidenceSourceKind, NationalDatabase>> = {
  'population-database': 'population',
  'enterprise-database': 'enterprise',
};

const NATIONWIDE = ['toan quoc', 'ca nuoc', 'toan lanh tho', 'trong nuoc', 'viet nam'];
const ADMIN_PREFIX = /^(tinh|thanh pho|tp\.?|quan|huyen|thi xa|phuong|xa|dac khu)\s+/;

/**
 * The default scope rule: a nationwide scope ("Toàn quốc", "Cả nước" …) covers
 * everything; otherwise the paper's scope must name the wanted place, compared without
 * diacritics, case or the administrative prefix ("tỉnh", "thành phố" …).
 *
 * @example
 * ```ts
 * import { defaultScopeCovers } from '@motcua/core';
 * defaultScopeCovers('Toàn quốc', 'Thanh Hóa'); // true
 * defaultScopeCovers('Tỉnh Thanh Hóa', 'thanh hoa'); // true
 * defaultScopeCovers('Tỉnh Nghệ An', 'Thanh Hóa'); // false
 * ```
 * @category Reuse
 */
export function defaultScopeCovers(paperScope: string, wanted: string): boolean {
  const paper = foldVietnameseName(paperScope);
  if (NATIONWIDE.some((w) => paper.includes(w))) return true;
  const place = foldVietnameseName(wanted).replace(ADMIN_PREFIX, '');
  return place !== '' && paper.replace(ADMIN_PREFIX, '').includes(place);
}

interface Candidate {
  item: EvidenceItem;
  source: EvidenceSource;
  retrievedAt: Instant;
  entryId: string;
  requestId?: string | undefined;
}

interface SourceOutcome {
  source: EvidenceSource;
  /** Failures that apply to every component the source was asked about. */
  failure?: NotReusableReason | undefined;
  wanted: ReplacingEvidence[];
}

function requesterAndPurposeProblems(request: ReusePlanRequest): void {
  const { requester, purpose } = request;
  if (requester === undefined || requester === null || typeof requester !== 'object') {
    throw new ReuseError('REQUESTER_REQUIRED', 'a reuse plan needs the requester (who asks)');
  }
  if (purpose === undefined || purpose === null || typeof purpose !== 'object') {
    throw new ReuseError('PURPOSE_REQUIRED', 'a reuse plan needs the purpose (why the data is read)');
  }
  const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
  if (blank(purpose.procedureCode) || (blank(purpose.dossierCode) && blank(purpose.text))) {
    throw new ReuseError('PURPOSE_REQUIRED', 'the purpose must name the procedure and a dossier code or a text');
  }
  if (blank(requester.id)) throw new ReuseError('REQUESTER_REQUIRED', 'the requester needs an id');
  // Reuse the access log's own rules, so a plan never produces an entry the log would refuse.
  const probe = accessLogEntrySchema.safeParse({
    id: 'probe',
    at: '2025-01-01T00:00:00+07:00',
    requester,
    subject: { type: 'passport', value: 'PROBE1' },
    purpose,
    lawfulBasis: 'legal-duty',
    source: 'other',
    outcome: 'not-found',
    documentsReturned: [],
  });
  if (!probe.success) {
    const first = probe.error.issues[0];
    const head = first?.path[0];
    const where = first?.path.join('.') ?? '';
    if (head === 'requester')
      throw new ReuseError('REQUESTER_REQUIRED', `requester is incomplete or invalid at ${where}`);
    throw new ReuseError('PURPOSE_REQUIRED', `purpose is incomplete or invalid at ${where}`);
  }
  const procedure = request.procedure;
  if (purpose.procedureCode !== procedure.code && !procedure.localCodes.includes(purpose.procedureCode)) {
    throw new ReuseError(
      'PURPOSE_PROCEDURE_MISMATCH',
      `the purpose names procedure ${purpose.procedureCode}, the plan is for ${procedure.code}`,
    );
  }
}

function applicantIdentities(applicant: Party): Identity[] {
  if (applicant.type === 'citizen') return applicant.identities;
  return applicant.taxCode === undefined ? [] : [{ type: 'tax-code', value: applicant.taxCode }];
}

function applicantName(applicant: Party): string {
  return applicant.type === 'citizen' ? applicant.fullName : applicant.name;
}

const evidenceKey = (e: ReplacingEvidence): string => `${e.kind}\u0000${e.value}`;

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function returnedOf(item: EvidenceItem): ReturnedDocument {
  const r: ReturnedDocument = {};
  if (item.documentId !== undefined) r.documentId = item.documentId;
  if (item.evidence.kind === 'result-code') r.resultCode = item.evidence.value;
  else r.documentType = item.evidence.kind === 'identity-fact' ? `fact:${item.evidence.value}` : item.evidence.value;
  if (item.referenceNumber !== undefined) r.referenceNumber = item.referenceNumber;
  return r;
}

function defaultNewId(): string {
  const c = (globalThis as { crypto?: { randomUUID(): string } }).crypto;
  if (c === undefined)
    throw new ReuseError('INVALID_QUERY', 'no crypto.randomUUID here: pass newId to createReuseEngine');
  return `log-${c.randomUUID()}`;
}

/**
 * Creates the reuse engine. `plan(request)`:
 *
 * 1. refuses a request without requester or purpose ({@link ReuseError}
 *    `REQUESTER_REQUIRED` / `PURPOSE_REQUIRED`), or whose purpose names another procedure;
 * 2. collects, per component, the evidence that may replace it (registry);
 * 3. asks every source that supports some of that evidence, once per applicant
 *    identifier, in parallel — after checking consent where the source requires it;
 * 4. writes **every** look-up, successful or not, to the access log before using its
 *    answer (a failing log fails the plan: no unlogged reads);
 * 5. judges each returned paper: validity at `at`, age limit, scope, owner name and
 *    birth date (Vietnamese-aware; a mismatch is reported, never silently accepted),
 *    signature verdict; the first usable paper in source order wins;
 * 6. returns per component `reused` / `not-reusable` / `must-submit`, the DVCQG flags
 *    and the national databases consulted.
 *
 * @example
 * ```ts
 * import {
 *   createReuseEngine, fixedClock, InMemoryAccessLog, InMemoryWarehouseStore, warehouseEvidenceSource,
 * } from '@motcua/core';
 * import type { Procedure } from '@motcua/schemas';
 * declare const procedure: Procedure;
 * const clock = fixedClock('2025-07-01T08:00:00+07:00');
 * const warehouse = new InMemoryWarehouseStore({ clock });
 * const engine = createReuseEngine({ sources: [warehouseEvidenceSource(warehouse)], accessLog: new InMemoryAccessLog(), clock });
 * const plan = await engine.plan({
 *   procedure,
 *   applicant: { type: 'citizen', fullName: 'Nguyễn Thị Lan', identities: [{ type: 'personal-id', value: '038190012345' }] },
 *   requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
 *   purpose: { procedureCode: procedure.code, text: 'Tiếp nhận hồ sơ' },
 *   at: clock.now(),
 * });
 * plan.components.map((c) => c.outcome);
 * ```
 * @category Reuse
 */
export function createReuseEngine(options: ReuseEngineOptions): ReuseEngine {
  const registry = options.registry ?? new EvidenceRegistry();
  const newId = options.newId ?? defaultNewId;
  const scopeCovers = options.scopeCovers ?? defaultScopeCovers;
  const clock = options.clock;

  async function plan(request: ReusePlanRequest): Promise<ReusePlan> {
    if (request === undefined || request === null || typeof request !== 'object') {
      throw new ReuseError('PURPOSE_REQUIRED', 'a reuse plan needs a request');
    }
    requesterAndPurposeProblems(request);
    const atMs = epochMsOf(request.at, 'at');
    const atInstant = request.at instanceof Date ? vietnamInstantOfMs(atMs) : request.at;
    const identities = applicantIdentities(request.applicant);
    if (identities.length === 0) {
      throw new ReuseError('APPLICANT_IDENTITY_REQUIRED', 'the applicant has no identifier to look papers up by');
    }
    const { procedure, requester, purpose } = request;

    // 2. evidence per component
    const perComponent = procedure.components.map((component) => ({
      component,
      evidence: registry.evidenceFor(procedure, component),
    }));

    // 3–4. look-ups, logged
    const candidates = new Map<string, Candidate[]>();
    const failures: SourceOutcome[] = [];
    const lookups: LookupRecord[] = [];
    const consulted = new Set<NationalDatabase>();
    const asked = new Set<string>();

    const tasks: Array<Promise<void>> = [];
    for (const source of options.sources) {
      const wanted = new Map<string, ReplacingEvidence>();
      for (const { evidence } of perComponent) {
        for (const e of evidence) {
          if (!source.supports.includes(e.kind)) continue;
          if (e.sourceIds !== undefined && !e.sourceIds.includes(source.id)) continue;
          wanted.set(evidenceKey(e), { kind: e.kind, value: e.value });
        }
      }
      if (wanted.size === 0) continue;
      for (const e of wanted.keys()) asked.add(`${source.id}\u0000${e}`);
      for (const subject of identities) {
        tasks.push(
          lookUp(source, subject, [...wanted.values()]).then(({ record, items, failure }) => {
            lookups.push(record);
            if (failure !== undefined) failures.push({ source, failure, wanted: [...wanted.values()] });
            for (const c of items) {
              const key = evidenceKey(c.item.evidence);
              candidates.set(key, [...(candidates.get(key) ?? []), c]);
            }
            const db = NATIONAL_DATABASE_OF[source.kind];
            if (db !== undefined && (record.outcome === 'found' || record.outcome === 'not-found')) consulted.add(db);
          }),
        );
      }
    }

    async function lookUp(
      source: EvidenceSource,
      subject: Identity,
      wanted: ReplacingEvidence[],
    ): Promise<{ record: LookupRecord; items: Candidate[]; failure?: NotReusableReason | undefined }> {
      let lawful: Pick<AccessLogEntry, 'lawfulBasis' | 'consentReference'> = { lawfulBasis: 'legal-duty' };
      if (source.requiresConsent) {
        const consents = options.consents === undefined ? [] : await options.consents.find(subject, source.kind);
        const verdict = pickConsent(consents, {
          agencyCode: requester.agencyCode,
          procedureCode: purpose.procedureCode,
          at: new Date(atMs),
        });
        if (verdict.state === 'none') {
          // Nothing was asked and nothing read: there is no consent to name in a log entry.
          return {
            record: { sourceId: source.id, source: source.kind, outcome: 'denied' },
            items: [],
            failure: { code: 'consent-missing', sourceId: source.id },
          };
        }
        if (verdict.state !== 'active') {
          const entryId = newId();
          await append({
            id: entryId,
            lawfulBasis: 'consent',
            consentReference: verdict.consent.id,
            subject,
            source,
            outcome: 'denied',
            error: {
              code: `CONSENT_${verdict.state.toUpperCase().replace('-', '_')}`,
              message: `consent ${verdict.state}`,
            },
          });
          return {
            record: { sourceId: source.id, source: source.kind, outcome: 'denied', accessLogEntryId: entryId },
            items: [],
            failure: { code: `consent-${verdict.state}`, sourceId: source.id, consentId: verdict.consent.id },
          };
        }
        lawful = { lawfulBasis: 'consent', consentReference: verdict.consent.id };
      }

      let answer: EvidenceAnswer;
      try {
        answer = await source.lookup({
          subject,
          wanted,
          requester,
          purpose,
          at: atInstant,
          ...(lawful.consentReference === undefined ? {} : { consentReference: lawful.consentReference }),
        });
      } catch (error) {
        answer = { status: 'error', message: truncate(error instanceof Error ? error.message : String(error), 500) };
      }
      const retrievedAt = vietnamInstantOfMs(clock.now().getTime());
      const entryId = newId();
      const requestId = answer.requestId;

      if (answer.status === 'found') {
        const items = answer.items.filter((i) => wanted.some((w) => evidenceKey(w) === evidenceKey(i.evidence)));
        const allMismatched = items.length > 0 && items.every((i) => ownerProblem(i) !== undefined);
        if (allMismatched) {
          await append({
            id: entryId,
            ...lawful,
            subject,
            source,
            outcome: 'identity-mismatch',
            requestId,
            error: { message: `${items.length} record(s) name another owner` },
          });
        } else {
          await append({
            id: entryId,
            ...lawful,
            subject,
            source,
            outcome: items.length === 0 ? 'not-found' : 'found',
            requestId,
            documentsReturned: items.map(returnedOf),
          });
        }
        const outcome: LookupOutcome = allMismatched ? 'identity-mismatch' : items.length === 0 ? 'not-found' : 'found';
        return {
          record: { sourceId: source.id, source: source.kind, outcome, accessLogEntryId: entryId },
          items: items.map((item) => ({ item, source, retrievedAt, entryId, requestId })),
        };
      }
      if (answer.status === 'not-found') {
        await append({ id: entryId, ...lawful, subject, source, outcome: 'not-found', requestId });
        return {
          record: { sourceId: source.id, source: source.kind, outcome: 'not-found', accessLogEntryId: entryId },
          items: [],
        };
      }
      if (answer.status === 'pending' || answer.status === 'unavailable') {
        const message =
          answer.message ?? (answer.status === 'pending' ? 'pending at the source' : 'source unavailable');
        await append({
          id: entryId,
          ...lawful,
          subject,
          source,
          outcome: 'source-unavailable',
          requestId,
          unavailableUntil: answer.retryAt,
          error: { code: answer.code, message: truncate(message, 2000) },
        });
        return {
          record: {
            sourceId: source.id,
            source: source.kind,
            outcome: 'source-unavailable',
            accessLogEntryId: entryId,
            ...(answer.retryAt === undefined ? {} : { retryAt: answer.retryAt }),
          },
          items: [],
          failure: {
            code: answer.status === 'pending' ? 'source-pending' : 'source-unavailable',
            sourceId: source.id,
            retryAt: answer.retryAt,
            detail: message,
          },
        };
      }
      const outcome: LookupOutcome = answer.status === 'denied' ? 'denied' : 'error';
      await append({
        id: entryId,
        ...lawful,
        subject,
        source,
        outcome,
        requestId,
        error: { code: answer.code, message: truncate(answer.message || answer.status, 2000) },
      });
      return {
        record: { sourceId: source.id, source: source.kind, outcome, accessLogEntryId: entryId },
        items: [],
        failure: {
          code: answer.status === 'denied' ? 'source-denied' : 'source-error',
          sourceId: source.id,
          detail: answer.message,
        },
      };
    }

    async function append(e: {
      id: string;
      lawfulBasis: AccessLogEntry['lawfulBasis'];
      consentReference?: string | undefined;
      subject: Identity;
      source: EvidenceSource;
      outcome: LookupOutcome;
      requestId?: string | undefined;
      documentsReturned?: ReturnedDocument[] | undefined;
      unavailableUntil?: Instant | undefined;
      error?: { code?: string | undefined; message: string } | undefined;
    }): Promise<void> {
      const entry: AccessLogEntry = {
        id: e.id,
        at: vietnamInstantOfMs(clock.now().getTime()),
        requester,
        subject: e.subject,
        purpose,
        lawfulBasis: e.lawfulBasis,
        source: e.source.kind,
        outcome: e.outcome,
        documentsReturned: e.documentsReturned ?? [],
      };
      if (e.consentReference !== undefined) entry.consentReference = e.consentReference;
      if (e.requestId !== undefined) entry.requestId = e.requestId;
      if (e.unavailableUntil !== undefined) entry.unavailableUntil = e.unavailableUntil;
      if (e.error !== undefined) {
        entry.error =
          e.error.code === undefined ? { message: e.error.message } : { code: e.error.code, message: e.error.message };
      }
      await options.accessLog.append(entry);
    }

    function ownerProblem(item: EvidenceItem): NotReusableReason | undefined {
      const owner = item.owner;
      if (owner?.name !== undefined) {
        const m = matchVietnameseNames(owner.name, applicantName(request.applicant));
        if (m.verdict !== 'match') {
          return { code: 'owner-name-mismatch', evidence: item.evidence, documentId: item.documentId, nameMatch: m };
        }
      }
      const birth = request.applicant.type === 'citizen' ? request.applicant.birthDate : undefined;
      if (
        owner?.birthDate !== undefined &&
        birth !== undefined &&
        matchBirthDates(owner.birthDate, birth).verdict !== 'match'
      ) {
        return { code: 'owner-birth-date-mismatch', evidence: item.evidence, documentId: item.documentId };
      }
      return undefined;
    }

    await Promise.all(tasks);

    // 5–6. judge and decide per component
    const judge = (c: Candidate, evidence: RegisteredEvidence): NotReusableReason | undefined => {
      const item = c.item;
      const base = { evidence: item.evidence, sourceId: c.source.id, documentId: item.documentId };
      const owner = ownerProblem(item);
      if (owner !== undefined) return { ...owner, sourceId: c.source.id };
      const validity = documentValidityAt(item, new Date(atMs));
      if (!validity.valid) {
        if (validity.reason === 'revoked' || validity.reason === 'superseded') {
          return { ...base, code: validity.reason, since: validity.since, detail: validity.statusReason };
        }
        return { ...base, code: validity.reason === 'expired' ? 'expired' : 'not-yet-valid', since: validity.since };
      }
      if (evidence.maxAgeDays !== undefined) {
        const oldest = vietnamDayOfMs(atMs - evidence.maxAgeDays * 86_400_000);
        if (item.issueDate === undefined || item.issueDate < oldest) {
          return {
            ...base,
            code: 'too-old',
            ...(item.issueDate === undefined ? { detail: 'issue date unknown' } : { since: item.issueDate }),
          };
        }
      }
      if (request.scope !== undefined && item.scope !== undefined && !scopeCovers(item.scope, request.scope)) {
        return { ...base, code: 'out-of-scope', detail: item.scope };
      }
      const failed = item.signatures?.find((s) => s.indication === 'TOTAL_FAILED');
      if (failed !== undefined) {
        return { ...base, code: 'signature-invalid', detail: failed.subIndication ?? failed.indication };
      }
      return undefined;
    };

    const sourceOrder = new Map(options.sources.map((s, i) => [s.id, i]));
    const components: ComponentPlan[] = perComponent.map(({ component, evidence }) => decide(component, evidence));

    function decide(component: ProcedureComponent, evidence: RegisteredEvidence[]): ComponentPlan {
      const base = {
        componentCode: component.code,
        componentName: component.name,
        ...(component.case === undefined ? {} : { case: component.case }),
        required: component.required,
      };
      const notReused: ComponentReuseFlags = {
        MaThanhPhanHoSo: component.code,
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      };
      if (evidence.length === 0) return { ...base, outcome: 'must-submit', flags: notReused };
      const reasons: NotReusableReason[] = [];
      for (const e of evidence) {
        const found = [...(candidates.get(evidenceKey(e)) ?? [])]
          .filter((c) => e.sourceIds === undefined || e.sourceIds.includes(c.source.id))
          .sort((a, b) => (sourceOrder.get(a.source.id) ?? 0) - (sourceOrder.get(b.source.id) ?? 0));
        for (const c of found) {
          const problem = judge(c, e);
          if (problem !== undefined) {
            reasons.push(problem);
            continue;
          }
          return reused(base, component, e, c);
        }
        const answering = options.sources.filter(
          (s) => s.supports.includes(e.kind) && asked.has(`${s.id}\u0000${evidenceKey(e)}`),
        );
        if (answering.length === 0) reasons.push({ code: 'no-source', evidence: { kind: e.kind, value: e.value } });
        for (const s of answering) {
          for (const f of failures) {
            if (f.source.id !== s.id) continue;
            if (!f.wanted.some((w) => evidenceKey(w) === evidenceKey(e))) continue;
            reasons.push({ ...f.failure, evidence: { kind: e.kind, value: e.value } } as NotReusableReason);
          }
        }
        if (
          found.length === 0 &&
          !reasons.some((r) => r.evidence !== undefined && evidenceKey(r.evidence) === evidenceKey(e))
        ) {
          reasons.push({ code: 'none-found', evidence: { kind: e.kind, value: e.value } });
        }
      }
      const retry = reasons
        .map((r) => r.retryAt)
        .filter((r): r is string => r !== undefined)
        .sort((a, b) => epochMsOf(a, 'retryAt') - epochMsOf(b, 'retryAt'))[0];
      return {
        ...base,
        outcome: 'not-reusable',
        reasons: dedupe(reasons),
        ...(retry === undefined ? {} : { retryAt: retry }),
        flags: notReused,
      };
    }

    function reused(
      base: Pick<ComponentPlanBase, 'componentCode' | 'componentName' | 'case' | 'required'>,
      component: ProcedureComponent,
      evidence: RegisteredEvidence,
      c: Candidate,
    ): ComponentPlan {
      const item = c.item;
      const provenance: ReuseProvenance = {
        sourceId: c.source.id,
        source: c.source.kind,
        retrievedAt: c.retrievedAt,
        accessLogEntryId: c.entryId,
      };
      if (c.requestId !== undefined) provenance.requestId = c.requestId;
      if (item.documentId !== undefined) provenance.documentId = item.documentId;
      if (item.name !== undefined) provenance.name = item.name;
      if (item.issuer !== undefined) provenance.issuer = item.issuer;
      if (item.referenceNumber !== undefined) provenance.referenceNumber = item.referenceNumber;
      if (item.issueDate !== undefined) provenance.issueDate = item.issueDate;
      if (item.validity !== undefined) provenance.validity = item.validity;
      if (item.scope !== undefined) provenance.scope = item.scope;
      if (item.nationalStoreCode !== undefined) provenance.nationalStoreCode = item.nationalStoreCode;
      if (item.signatures !== undefined) provenance.signatures = item.signatures;
      if (item.fact !== undefined) provenance.fact = item.fact;
      const ownerMatch: NonNullable<ReuseProvenance['ownerMatch']> = {};
      if (item.owner?.name !== undefined)
        ownerMatch.name = matchVietnameseNames(item.owner.name, applicantName(request.applicant));
      const birth = request.applicant.type === 'citizen' ? request.applicant.birthDate : undefined;
      if (item.owner?.birthDate !== undefined && birth !== undefined)
        ownerMatch.birthDate = matchBirthDates(item.owner.birthDate, birth);
      if (ownerMatch.name !== undefined || ownerMatch.birthDate !== undefined) provenance.ownerMatch = ownerMatch;

      const resultCode = evidence.kind === 'result-code' ? evidence.value : undefined;
      const reuse: ComponentReuse = {
        source: c.source.kind,
        fromNationalStore: c.source.fromNationalStore,
        ...(resultCode === undefined ? {} : { resultCode }),
        ...(item.documentId === undefined ? {} : { documentId: item.documentId }),
      };
      const flags: ComponentReuseFlags = {
        MaThanhPhanHoSo: component.code,
        DuocTaiSuDung: resultCode === undefined ? '1' : '2',
        ...(resultCode === undefined ? {} : { MaKetQuaThayThe: resultCode }),
        DuocLayTuKhoDMQG: c.source.fromNationalStore ? '1' : '0',
      };
      return { ...base, outcome: 'reused', evidence, provenance, reuse, flags };
    }

    const anyReused = components.some((c) => c.outcome === 'reused');
    return {
      procedureCode: procedure.code,
      at: atInstant,
      components,
      lookups: lookups.sort((a, b) => (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0)),
      flags: { dossier: { HoSoCoThanhPhanSoHoa: anyReused ? '1' : '0' }, components: components.map((c) => c.flags) },
      databasesConsulted: [...consulted].sort(),
    };
  }

  return { plan };
}

function dedupe(reasons: NotReusableReason[]): NotReusableReason[] {
  const seen = new Set<string>();
  const out: NotReusableReason[] = [];
  for (const r of reasons) {
    const key = JSON.stringify([r.code, r.sourceId, r.documentId, r.evidence?.kind, r.evidence?.value, r.retryAt]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
