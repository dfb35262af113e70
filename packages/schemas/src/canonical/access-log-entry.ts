/**
 * The access log: one entry per look-up of a citizen's or organisation's data.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema, dossierCodeSchema, procedureCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { type Instant, instantSchema } from './instant.ts';
import { type Identity, identitySchema, identityWarnings } from './party.ts';
import type { Assert, Equal } from './shape-check.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * Where evidence about a person or organisation comes from (nguồn dữ liệu):
 *
 * | Value | Source |
 * |---|---|
 * | `dvcqg-store` | Kho số hóa DVCQG (the national portal's store of digitized results) |
 * | `local-store` | The ministry's or province's own digitization warehouse |
 * | `population-database` | CSDL quốc gia về dân cư (National Population Database) |
 * | `enterprise-database` | CSDL quốc gia về đăng ký doanh nghiệp |
 * | `other` | Any other national or sector database |
 *
 * @example
 * ```ts
 * import { EVIDENCE_SOURCES } from '@motcua/schemas';
 * EVIDENCE_SOURCES[0]; // 'dvcqg-store'
 * ```
 * @category Canonical
 */
export const EVIDENCE_SOURCES: readonly [
  'dvcqg-store',
  'local-store',
  'population-database',
  'enterprise-database',
  'other',
] = ['dvcqg-store', 'local-store', 'population-database', 'enterprise-database', 'other'] as const;

/**
 * One of {@link EVIDENCE_SOURCES}.
 *
 * @example
 * ```ts
 * import type { EvidenceSource } from '@motcua/schemas';
 * const s: EvidenceSource = 'population-database';
 * ```
 * @category Canonical
 */
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/**
 * What a look-up came to (once-only.md §7, items 3 and 5):
 *
 * | Value | Meaning |
 * |---|---|
 * | `found` | The source returned data for the subject |
 * | `not-found` | The source answered and holds nothing for the subject |
 * | `identity-mismatch` | Records were found but do not match the subject (name, birth date …) |
 * | `denied` | The source refused the request (rights, missing consent) |
 * | `error` | The request failed (malformed answer, protocol error) |
 * | `source-unavailable` | The source could not be reached or asked to retry later |
 *
 * @example
 * ```ts
 * import { LOOKUP_OUTCOMES } from '@motcua/schemas';
 * LOOKUP_OUTCOMES.includes('source-unavailable'); // true
 * ```
 * @category Canonical
 */
export const LOOKUP_OUTCOMES: readonly [
  'found',
  'not-found',
  'identity-mismatch',
  'denied',
  'error',
  'source-unavailable',
] = ['found', 'not-found', 'identity-mismatch', 'denied', 'error', 'source-unavailable'] as const;

/**
 * One of {@link LOOKUP_OUTCOMES}.
 *
 * @example
 * ```ts
 * import type { LookupOutcome } from '@motcua/schemas';
 * const o: LookupOutcome = 'not-found';
 * ```
 * @category Canonical
 */
export type LookupOutcome = (typeof LOOKUP_OUTCOMES)[number];

/**
 * Who asked: `officer` (cán bộ at the one-stop desk; DVCQG `KenhThucHien = 1`),
 * `citizen` (the data subject, online; `KenhThucHien = 2`), `system` (an automatic
 * job of an agency).
 *
 * @example
 * ```ts
 * import { REQUESTER_TYPES } from '@motcua/schemas';
 * REQUESTER_TYPES; // ['officer', 'citizen', 'system']
 * ```
 * @category Canonical
 */
export const REQUESTER_TYPES: readonly ['officer', 'citizen', 'system'] = ['officer', 'citizen', 'system'] as const;

/**
 * One of {@link REQUESTER_TYPES}.
 *
 * @example
 * ```ts
 * import type { RequesterType } from '@motcua/schemas';
 * const r: RequesterType = 'officer';
 * ```
 * @category Canonical
 */
export type RequesterType = (typeof REQUESTER_TYPES)[number];

/**
 * Why the requester may read the data: `legal-duty` (the agency processes the
 * procedure and the law lets it consult the source — the default for officer
 * look-ups) or `consent` (the subject agreed, recorded as a consent reference).
 *
 * @example
 * ```ts
 * import { LAWFUL_BASES } from '@motcua/schemas';
 * LAWFUL_BASES; // ['legal-duty', 'consent']
 * ```
 * @category Canonical
 */
export const LAWFUL_BASES: readonly ['legal-duty', 'consent'] = ['legal-duty', 'consent'] as const;

/**
 * One of {@link LAWFUL_BASES}.
 *
 * @example
 * ```ts
 * import type { LawfulBasis } from '@motcua/schemas';
 * const b: LawfulBasis = 'legal-duty';
 * ```
 * @category Canonical
 */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/**
 * Người yêu cầu (the requester) of a look-up.
 *
 * @example
 * ```ts
 * import type { AccessRequester } from '@motcua/schemas';
 * const officer: AccessRequester = { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' };
 * ```
 * @category Canonical
 */
export interface AccessRequester {
  /** Officer, citizen or system. */
  type: RequesterType;
  /** Account id of the officer or system, or the citizen's portal account id. */
  id: string;
  /** Agency on whose behalf the look-up ran; required for officers and systems. */
  agencyCode?: string | undefined;
}

const requesterObject = z.strictObject({
  type: z.enum(REQUESTER_TYPES),
  id: text(200),
  agencyCode: agencyCodeSchema.optional(),
});
type _RequesterShape = Assert<Equal<z.output<typeof requesterObject>, AccessRequester>>;

/**
 * Mục đích (the purpose) of a look-up. The procedure is always named; the dossier
 * code ties the look-up to a case, and free text covers look-ups made before a
 * dossier exists (a citizen pre-filling an online form).
 *
 * @example
 * ```ts
 * import type { AccessPurpose } from '@motcua/schemas';
 * const p: AccessPurpose = { procedureCode: '1.001193', dossierCode: '000.00.00.H56-250701-0001' };
 * ```
 * @category Canonical
 */
export interface AccessPurpose {
  /** Mã TTHC the data is needed for. */
  procedureCode: string;
  /** Mã số hồ sơ the data is needed for. */
  dossierCode?: string | undefined;
  /** Free-text purpose, readable by the citizen. */
  text?: string | undefined;
}

const purposeObject = z.strictObject({
  procedureCode: procedureCodeSchema,
  dossierCode: dossierCodeSchema.optional(),
  text: text(1000).optional(),
});
type _PurposeShape = Assert<Equal<z.output<typeof purposeObject>, AccessPurpose>>;

/**
 * A paper a look-up returned, recorded by reference only (the log never copies the
 * paper's content).
 *
 * @example
 * ```ts
 * import type { ReturnedDocument } from '@motcua/schemas';
 * const d: ReturnedDocument = { resultCode: 'KQ.1.001193.01', referenceNumber: '123/2025/KS' };
 * ```
 * @category Canonical
 */
export interface ReturnedDocument {
  /** Identifier of the paper at the source or in the warehouse. */
  documentId?: string | undefined;
  /** Result code (MaKetQua). */
  resultCode?: string | undefined;
  /** Document-type code (MaGiayTo). */
  documentType?: string | undefined;
  /** Số ký hiệu (SoKyHieu). */
  referenceNumber?: string | undefined;
}

const returnedDocumentObject = z
  .strictObject({
    documentId: text(200).optional(),
    resultCode: text(200).optional(),
    documentType: text(200).optional(),
    referenceNumber: text(60).optional(),
  })
  .superRefine((d, ctx) => {
    if (
      d.documentId === undefined &&
      d.resultCode === undefined &&
      d.documentType === undefined &&
      d.referenceNumber === undefined
    ) {
      ctx.addIssue(customIssue('CANON_ACCESS_DOCUMENT_UNIDENTIFIED'));
    }
  });
type _ReturnedDocumentShape = Assert<Equal<z.output<typeof returnedDocumentObject>, ReturnedDocument>>;

/**
 * What went wrong in a look-up that did not succeed.
 *
 * @example
 * ```ts
 * import type { LookupErrorDetail } from '@motcua/schemas';
 * const e: LookupErrorDetail = { code: '-1', message: 'Hệ thống đang bảo trì' };
 * ```
 * @category Canonical
 */
export interface LookupErrorDetail {
  /** The source's own error code, as received. */
  code?: string | undefined;
  /** The source's message, or a description of the failure. */
  message: string;
}

const errorDetailObject = z.strictObject({ code: text(100).optional(), message: text(2000) });
type _ErrorDetailShape = Assert<Equal<z.output<typeof errorDetailObject>, LookupErrorDetail>>;

/**
 * Nhật ký truy cập dữ liệu (an access-log entry): who looked up whose data, when,
 * where, why, and what came of it — failures included, so the log can be shown to
 * the citizen (once-only.md §7). It stores only the subject's identifier, never a
 * copy of the data.
 *
 * @example
 * ```ts
 * import type { AccessLogEntry } from '@motcua/schemas';
 * const entry: AccessLogEntry = {
 *   id: 'log-2025-07-01-000017',
 *   at: '2025-07-01T08:31:05+07:00',
 *   requester: { type: 'officer', id: 'cb-0042', agencyCode: '000.17.22.H56' },
 *   subject: { type: 'personal-id', value: '038190012345' },
 *   purpose: { procedureCode: '1.001193', dossierCode: '000.00.00.H56-250701-0001' },
 *   lawfulBasis: 'legal-duty',
 *   source: 'dvcqg-store',
 *   outcome: 'found',
 *   documentsReturned: [{ resultCode: 'KQ.1.001193.01', referenceNumber: '123/2025/KS' }],
 * };
 * ```
 * @category Canonical
 */
export interface AccessLogEntry {
  /** Identifier of the entry. */
  id: string;
  /** When the look-up was made. */
  at: Instant;
  /** Who asked. */
  requester: AccessRequester;
  /** Whose data was looked up (chủ thể dữ liệu), by identifier only. */
  subject: Identity;
  /** Why. */
  purpose: AccessPurpose;
  /** On what basis. */
  lawfulBasis: LawfulBasis;
  /** The consent record relied on, when `lawfulBasis` is `consent`. */
  consentReference?: string | undefined;
  /** Which source was consulted. */
  source: EvidenceSource;
  /** What came of it. */
  outcome: LookupOutcome;
  /** Papers returned (only for `found`). */
  documentsReturned: ReturnedDocument[];
  /** Request id of the exchange, tying the answer to the question (X-Road `requestHash`-like). */
  requestId?: string | undefined;
  /** For `source-unavailable`: when the source said to retry. */
  unavailableUntil?: Instant | undefined;
  /** For failed look-ups: what went wrong. */
  error?: LookupErrorDetail | undefined;
}

const accessLogEntryObject = z
  .strictObject({
    id: text(200),
    at: instantSchema,
    requester: requesterObject,
    subject: identitySchema,
    purpose: purposeObject,
    lawfulBasis: z.enum(LAWFUL_BASES),
    consentReference: text(200).optional(),
    source: z.enum(EVIDENCE_SOURCES),
    outcome: z.enum(LOOKUP_OUTCOMES),
    documentsReturned: z.array(returnedDocumentObject).max(MAX_LIST),
    requestId: text(200).optional(),
    unavailableUntil: instantSchema.optional(),
    error: errorDetailObject.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.requester.type !== 'citizen' && e.requester.agencyCode === undefined) {
      ctx.addIssue(customIssue('REQUIRED', undefined, ['requester', 'agencyCode']));
    }
    if (e.purpose.dossierCode === undefined && e.purpose.text === undefined) {
      ctx.addIssue(customIssue('CANON_ACCESS_PURPOSE_INCOMPLETE', undefined, ['purpose']));
    }
    if (e.lawfulBasis === 'consent' && e.consentReference === undefined) {
      ctx.addIssue(customIssue('REQUIRED', undefined, ['consentReference']));
    }
    if (e.outcome !== 'found' && e.documentsReturned.length > 0) {
      ctx.addIssue(customIssue('CANON_ACCESS_DOCUMENTS_WITHOUT_FOUND', { outcome: e.outcome }, ['documentsReturned']));
    }
  });
type _AccessLogEntryShape = Assert<Equal<z.output<typeof accessLogEntryObject>, AccessLogEntry>>;

/**
 * Zod schema of an {@link AccessLogEntry}. Cross-field errors:
 *
 * - `REQUIRED` at `requester.agencyCode` for officer and system requesters;
 * - `CANON_ACCESS_PURPOSE_INCOMPLETE`: a purpose with neither dossier code nor text;
 * - `REQUIRED` at `consentReference` when the basis is consent;
 * - `CANON_ACCESS_DOCUMENTS_WITHOUT_FOUND`: documents listed for a look-up that did not find any;
 * - `CANON_ACCESS_DOCUMENT_UNIDENTIFIED`: a returned document with no identifying field.
 *
 * @example
 * ```ts
 * import { accessLogEntrySchema } from '@motcua/schemas';
 * accessLogEntrySchema.safeParse({ id: 'x' }).success; // false
 * ```
 * @category Canonical
 */
export const accessLogEntrySchema: z.ZodType<AccessLogEntry> = accessLogEntryObject;

/**
 * Warning rules of an {@link AccessLogEntry}: `CANON_ACCESS_NO_ERROR_DETAIL` when a
 * look-up failed (`denied`, `error`, `source-unavailable`) without saying why — the
 * citizen reading the log deserves the reason; plus identifier warnings on `subject`.
 *
 * @example
 * ```ts
 * import { accessLogEntryWarnings, type AccessLogEntry } from '@motcua/schemas';
 * declare const entry: AccessLogEntry;
 * accessLogEntryWarnings({ ...entry, outcome: 'error', documentsReturned: [] });
 * ```
 * @category Canonical
 */
export function accessLogEntryWarnings(entry: AccessLogEntry): RawIssue[] {
  const out: RawIssue[] = identityWarnings(entry.subject).map((w) => ({ ...w, path: ['subject', ...w.path] }));
  const failed = entry.outcome === 'denied' || entry.outcome === 'error' || entry.outcome === 'source-unavailable';
  if (failed && entry.error === undefined) {
    out.push({
      code: 'CANON_ACCESS_NO_ERROR_DETAIL',
      path: ['error'],
      severity: 'warning',
      params: { outcome: entry.outcome },
    });
  }
  return out;
}
