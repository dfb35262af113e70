/**
 * Ports of the reuse engine: where digitized papers rest ({@link WarehouseStore}), where
 * every look-up is recorded ({@link AccessLog}), who can answer a look-up
 * ({@link EvidenceSource}) and who holds the citizen's consents ({@link ConsentRegistry}).
 * `@motcua/store` implements the first two for SQLite and PostgreSQL; adapters implement
 * evidence sources for the DVCQG digitization store and the population database.
 *
 * @module
 */
import type {
  AccessLogEntry,
  AccessPurpose,
  AccessRequester,
  DigitizedDocument,
  DigitizedDocumentStatus,
  EvidenceSource as EvidenceSourceKind,
  Identity,
  Instant,
  IsoDate,
  NamedAgency,
  ReplacingEvidence,
  StoredFile,
  Validity,
} from '@motcua/schemas';

/**
 * Where a stored paper came from and when the warehouse learned of it: kept beside the
 * paper, never overwritten by a later import (once-only.md §7, item 2).
 *
 * @example
 * ```ts
 * import type { WarehouseProvenance } from '@motcua/core';
 * const p: WarehouseProvenance = { recordedAt: '2025-07-03T10:21:00+07:00', origin: 'import:ho-tich-2025.ndjson' };
 * ```
 * @category Reuse
 */
export interface WarehouseProvenance {
  /** When the paper was first recorded in this warehouse. */
  recordedAt: Instant;
  /** How it arrived: an import file, a digitizing desk, a sync job. */
  origin?: string | undefined;
  /** Who recorded it (officer or system account). */
  actor?: string | undefined;
  /** When its metadata or status last changed, if it ever did. */
  updatedAt?: Instant | undefined;
}

/**
 * A paper as the warehouse returns it: the canonical document plus its provenance.
 *
 * @example
 * ```ts
 * import type { StoredDocument } from '@motcua/core';
 * declare const stored: StoredDocument;
 * stored.document.status.state; // 'valid' | 'revoked' | 'superseded'
 * ```
 * @category Reuse
 */
export interface StoredDocument {
  /** The digitized document (its `status` reflects every revocation or supersession). */
  document: DigitizedDocument;
  /** Where it came from. */
  provenance: WarehouseProvenance;
}

/**
 * Options of {@link WarehouseStore.put}: who records the paper, from where, and when
 * (default: the store's clock).
 *
 * @example
 * ```ts
 * import type { PutOptions } from '@motcua/core';
 * const o: PutOptions = { origin: 'import:ho-tich-2025.ndjson', actor: 'cb-0042' };
 * ```
 * @category Reuse
 */
export interface PutOptions {
  /** How the paper arrived (kept as provenance). */
  origin?: string | undefined;
  /** Who recorded it. */
  actor?: string | undefined;
  /** When it was recorded; default the store's clock. */
  at?: Instant | Date | undefined;
}

/**
 * What {@link WarehouseStore.put} did with one paper: `inserted` (new id), `unchanged`
 * (the same id with the same content was already there — puts are idempotent), or
 * `updated` (the same id with different metadata; the change is kept in the history).
 *
 * @example
 * ```ts
 * import type { PutResult } from '@motcua/core';
 * const r: PutResult = { id: 'gtsh-000981', outcome: 'unchanged' };
 * ```
 * @category Reuse
 */
export interface PutResult {
  /** The document id. */
  id: string;
  /** What happened. */
  outcome: 'inserted' | 'unchanged' | 'updated';
}

/**
 * A look-up in the warehouse: the papers of one owner, optionally only those of some
 * result codes (MaKetQua) or document types (MaGiayTo), optionally only those valid at
 * an instant.
 *
 * "Valid at `validAt`" means, with dates compared as Vietnam calendar days: issued on
 * or before that day (or no issue date), not expired before it (`validity.until` on or
 * after it; permanent or unknown validity never expires), and not revoked or superseded
 * at or before that instant. {@link documentValidityAt} is the same rule in code.
 *
 * @example
 * ```ts
 * import type { WarehouseQuery } from '@motcua/core';
 * const q: WarehouseQuery = {
 *   owner: { type: 'personal-id', value: '038190012345' },
 *   resultCodes: ['KQ.1.001193.01'],
 *   validAt: '2025-07-01T08:00:00+07:00',
 * };
 * ```
 * @category Reuse
 */
export interface WarehouseQuery {
  /** Chủ giấy tờ: whose papers. */
  owner: Identity;
  /** Only papers with one of these result codes. With `documentTypes` too, papers matching either list. */
  resultCodes?: readonly string[] | undefined;
  /** Only papers with one of these document-type codes. */
  documentTypes?: readonly string[] | undefined;
  /** Only papers valid at this instant; omitted: every paper, whatever its status. */
  validAt?: Instant | Date | undefined;
  /** At most this many papers (default 1000). */
  limit?: number | undefined;
}

/**
 * A revocation or supersession of a stored paper. The paper stays in the warehouse with
 * its new status; nothing is deleted.
 *
 * @example
 * ```ts
 * import type { StatusChangeRequest } from '@motcua/core';
 * const c: StatusChangeRequest = { reason: 'Quyết định thu hồi số 12/QĐ-UBND', at: '2026-01-05T09:00:00+07:00', actor: 'cb-0042' };
 * ```
 * @category Reuse
 */
export interface StatusChangeRequest {
  /** Why (shown to officers and to the citizen). */
  reason: string;
  /** When the paper stopped being valid. */
  at: Instant;
  /** Who made the change. */
  actor?: string | undefined;
}

/**
 * One entry of a stored paper's history.
 *
 * @example
 * ```ts
 * import type { WarehouseEvent } from '@motcua/core';
 * const e: WarehouseEvent = { documentId: 'gtsh-000981', action: 'revoked', at: '2026-01-05T09:00:00+07:00', reason: 'Thu hồi' };
 * ```
 * @category Reuse
 */
export interface WarehouseEvent {
  /** The paper. */
  documentId: string;
  /** What happened. */
  action: 'recorded' | 'updated' | 'revoked' | 'superseded';
  /** When (for `revoked` / `superseded`: the instant the paper stopped being valid). */
  at: Instant;
  /** Why, for status changes. */
  reason?: string | undefined;
  /** The replacing paper, for `superseded`. */
  supersededBy?: string | undefined;
  /** Who. */
  actor?: string | undefined;
  /** Where the data came from, for `recorded` / `updated`. */
  origin?: string | undefined;
}

/**
 * Kho dữ liệu số hóa (the digitization warehouse): digitized papers with their metadata
 * and file references, looked up by owner.
 *
 * Contract for implementations (checked by `@motcua/store`'s shared contract suite):
 * - `put` is idempotent by `document.id`; the same content twice is `unchanged`. A
 *   status never goes back to `valid`: re-importing an older copy of a revoked paper
 *   keeps it revoked.
 * - `find` returns the owner's papers matching the codes (and valid at `validAt` when
 *   given), newest issue date first (papers without one last), then by id.
 * - `revoke` / `supersede` of an unknown id throws {@link ReuseError} `DOCUMENT_NOT_FOUND`;
 *   of a paper that is no longer valid, `DOCUMENT_NOT_VALID`.
 * - Owners are matched by {@link ownerKey}: a 12-digit tax code is the same person as
 *   the personal identification number with those digits.
 *
 * @example
 * ```ts
 * import type { WarehouseStore } from '@motcua/core';
 * declare const warehouse: WarehouseStore;
 * const papers = await warehouse.find({
 *   owner: { type: 'personal-id', value: '038190012345' },
 *   resultCodes: ['KQ.1.001193.01'],
 *   validAt: new Date(),
 * });
 * ```
 * @category Reuse
 */
export interface WarehouseStore {
  /** Record a paper, or confirm it is already there. */
  put(document: DigitizedDocument, options?: PutOptions): Promise<PutResult>;
  /** Record many papers in one transaction (all or nothing); results in input order. */
  putMany(documents: readonly DigitizedDocument[], options?: PutOptions): Promise<PutResult[]>;
  /** One paper by id. */
  get(id: string): Promise<StoredDocument | undefined>;
  /** The owner's papers matching the query. */
  find(query: WarehouseQuery): Promise<StoredDocument[]>;
  /** Mark a paper revoked (thu hồi). */
  revoke(id: string, change: StatusChangeRequest): Promise<StoredDocument>;
  /** Mark a paper superseded (thay thế) by a newer one. */
  supersede(id: string, change: StatusChangeRequest & { supersededBy?: string | undefined }): Promise<StoredDocument>;
  /** The paper's history, oldest first. */
  history(id: string): Promise<WarehouseEvent[]>;
}

/**
 * A query of the access log for a citizen-readable view: one subject's entries, newest
 * first, optionally within a period.
 *
 * @example
 * ```ts
 * import type { AccessLogQuery } from '@motcua/core';
 * const q: AccessLogQuery = { since: '2025-01-01T00:00:00+07:00', limit: 50 };
 * ```
 * @category Reuse
 */
export interface AccessLogQuery {
  /** Entries at or after this instant. */
  since?: Instant | Date | undefined;
  /** Entries before this instant. */
  until?: Instant | Date | undefined;
  /** At most this many entries (default 1000). */
  limit?: number | undefined;
}

/**
 * Nhật ký truy cập (the access log): append-only; every look-up of a person's data,
 * successful or not, with who, when, where, why and the outcome (once-only.md §7,
 * item 6).
 *
 * Contract: entries can be appended, never changed or removed. Appending the same entry
 * twice (same id, same content) is a no-op, so a retried append is safe; the same id
 * with different content throws {@link ReuseError} `LOG_ENTRY_CONFLICT`. `bySubject`
 * returns the subject's entries newest first (then by id), matched by {@link ownerKey}.
 *
 * @example
 * ```ts
 * import type { AccessLog } from '@motcua/core';
 * declare const log: AccessLog;
 * const mine = await log.bySubject({ type: 'personal-id', value: '038190012345' });
 * ```
 * @category Reuse
 */
export interface AccessLog {
  /** Record one look-up. */
  append(entry: AccessLogEntry): Promise<void>;
  /** The subject's entries, newest first. */
  bySubject(subject: Identity, query?: AccessLogQuery): Promise<AccessLogEntry[]>;
}

/**
 * The verdict on a signed file attached to a piece of evidence, in ETSI EN 319 102-1
 * terms, as `@motcua/signing` reports it.
 *
 * @example
 * ```ts
 * import type { SignatureVerdict } from '@motcua/core';
 * const v: SignatureVerdict = { fileId: 'tep-kq-0001', indication: 'TOTAL_PASSED', signer: 'UBND phường Hạc Thành' };
 * ```
 * @category Reuse
 */
export interface SignatureVerdict {
  /** The file that was verified. */
  fileId?: string | undefined;
  /** ETSI main indication. */
  indication: 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';
  /** ETSI sub-indication, when not passed. */
  subIndication?: string | undefined;
  /** Who signed, as read from the certificate. */
  signer?: string | undefined;
}

/**
 * What a source asks for on a look-up: the subject, the evidence wanted, and the
 * context every look-up must carry (requester and purpose).
 *
 * @example
 * ```ts
 * import type { EvidenceRequest } from '@motcua/core';
 * const r: EvidenceRequest = {
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   wanted: [{ kind: 'result-code', value: 'KQ.1.001193.01' }],
 *   requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
 *   purpose: { procedureCode: '1.001193', text: 'Đăng ký khai sinh' },
 *   at: '2025-07-01T08:00:00+07:00',
 * };
 * ```
 * @category Reuse
 */
export interface EvidenceRequest {
  /** Whose data. */
  subject: Identity;
  /** What evidence is wanted (only kinds the source supports). */
  wanted: ReplacingEvidence[];
  /** Who asks. */
  requester: AccessRequester;
  /** Why. */
  purpose: AccessPurpose;
  /** The instant the evidence must be valid at. */
  at: Instant;
  /** The consent relied on, when the source requires consent. */
  consentReference?: string | undefined;
}

/**
 * The owner as the source's record names them, for record matching (OOTS record
 * matching; DigiLocker `customer_detail_mismatch`).
 *
 * @example
 * ```ts
 * import type { EvidenceOwner } from '@motcua/core';
 * const o: EvidenceOwner = { name: 'Nguyễn Thị Lan', birthDate: '1990-05-17' };
 * ```
 * @category Reuse
 */
export interface EvidenceOwner {
  /** Full name as recorded. */
  name?: string | undefined;
  /** Birth date `YYYY-MM-DD`, or year `YYYY`. */
  birthDate?: string | undefined;
}

/**
 * One piece of evidence a source returned, with the provenance the plan reports.
 *
 * @example
 * ```ts
 * import type { EvidenceItem } from '@motcua/core';
 * const item: EvidenceItem = {
 *   evidence: { kind: 'result-code', value: 'KQ.1.001193.01' },
 *   documentId: 'gtsh-000981',
 *   name: 'Giấy khai sinh',
 *   issuer: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
 *   referenceNumber: '123/2025/KS',
 *   issueDate: '2025-07-03',
 *   validity: { permanent: true },
 *   owner: { name: 'Nguyễn Minh An' },
 *   status: { state: 'valid' },
 * };
 * ```
 * @category Reuse
 */
export interface EvidenceItem {
  /** Which wanted evidence this item is. */
  evidence: ReplacingEvidence;
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
  /** The owner as the source names them. */
  owner?: EvidenceOwner | undefined;
  /** Valid, revoked or superseded, as the source knows it. */
  status?: DigitizedDocumentStatus | undefined;
  /** Files of the paper. */
  files?: StoredFile[] | undefined;
  /** Verdicts on the signed files, when they were verified. */
  signatures?: SignatureVerdict[] | undefined;
  /** Code of the paper in the DVCQG store (MaGiayToKhoQuocGia). */
  nationalStoreCode?: string | undefined;
  /** For identity facts: the value the population database holds. */
  fact?: unknown;
}

/**
 * A source's answer (once-only.md §7, item 3: found, not found, pending / unavailable
 * until, denied, error). A source never throws for these; an exception is treated as
 * `error` by the engine.
 *
 * @example
 * ```ts
 * import type { EvidenceAnswer } from '@motcua/core';
 * const busy: EvidenceAnswer = { status: 'unavailable', retryAt: '2025-07-01T09:00:00+07:00', message: 'Bảo trì' };
 * ```
 * @category Reuse
 */
export type EvidenceAnswer =
  | { status: 'found'; items: EvidenceItem[]; requestId?: string | undefined }
  | { status: 'not-found'; requestId?: string | undefined }
  | {
      status: 'pending' | 'unavailable';
      retryAt?: Instant | undefined;
      code?: string | undefined;
      message?: string | undefined;
      requestId?: string | undefined;
    }
  | { status: 'denied' | 'error'; code?: string | undefined; message: string; requestId?: string | undefined };

/**
 * Somewhere evidence can be looked up: the local warehouse
 * ({@link warehouseEvidenceSource}), the DVCQG digitization store, the population
 * database.
 *
 * @example
 * ```ts
 * import type { EvidenceSource } from '@motcua/core';
 * const nothing: EvidenceSource = {
 *   id: 'empty',
 *   kind: 'other',
 *   supports: ['result-code'],
 *   requiresConsent: false,
 *   fromNationalStore: false,
 *   lookup: async () => ({ status: 'not-found' }),
 * };
 * ```
 * @category Reuse
 */
export interface EvidenceSource {
  /** Stable id of this source in plans and logs, e.g. `local-warehouse`. */
  readonly id: string;
  /** What kind of source it is (the access log's `source`). */
  readonly kind: EvidenceSourceKind;
  /** Evidence kinds it can answer. */
  readonly supports: readonly ReplacingEvidence['kind'][];
  /** Whether a look-up needs the subject's active consent (else it runs on legal duty). */
  readonly requiresConsent: boolean;
  /** Whether evidence from it counts as taken from the DVCQG store (`DuocLayTuKhoDMQG`). */
  readonly fromNationalStore: boolean;
  /** Look evidence up. */
  lookup(request: EvidenceRequest): Promise<EvidenceAnswer>;
}

/**
 * States of a consent (India Account Aggregator: ACTIVE, PAUSED, REVOKED, EXPIRED).
 *
 * @example
 * ```ts
 * import type { ConsentState } from '@motcua/core';
 * const s: ConsentState = 'paused';
 * ```
 * @category Reuse
 */
export type ConsentState = 'active' | 'paused' | 'revoked' | 'expired';

/**
 * A consent artefact: the subject lets a grantee read some sources for some purposes
 * within a period.
 *
 * @example
 * ```ts
 * import type { Consent } from '@motcua/core';
 * const c: Consent = {
 *   id: 'consent-0001',
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   sources: ['population-database'],
 *   state: 'active',
 *   start: '2025-07-01T00:00:00+07:00',
 *   expiry: '2025-12-31T23:59:59+07:00',
 * };
 * ```
 * @category Reuse
 */
export interface Consent {
  /** Reference recorded in the access log. */
  id: string;
  /** Whose data. */
  subject: Identity;
  /** Agency allowed to read; omitted: any agency. */
  granteeAgencyCode?: string | undefined;
  /** Sources covered. */
  sources: readonly EvidenceSourceKind[];
  /** Procedures covered; omitted: any. */
  procedureCodes?: readonly string[] | undefined;
  /** State as last recorded (an `active` consent past its expiry counts as `expired`). */
  state: ConsentState;
  /** From when. */
  start: Instant;
  /** Until when; omitted: no end. */
  expiry?: Instant | undefined;
}

/**
 * Where consents are kept. `find` returns every consent of the subject covering the
 * source; the engine picks the one in force (see {@link consentStateAt}).
 *
 * @example
 * ```ts
 * import { InMemoryConsentRegistry, type ConsentRegistry } from '@motcua/core';
 * const consents: ConsentRegistry = new InMemoryConsentRegistry();
 * ```
 * @category Reuse
 */
export interface ConsentRegistry {
  /** The subject's consents that cover `source`. */
  find(subject: Identity, source: EvidenceSourceKind): Promise<Consent[]>;
}
