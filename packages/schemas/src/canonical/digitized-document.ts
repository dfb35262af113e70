/**
 * Digitized documents: papers converted into electronic files with metadata, kept in
 * a digitization warehouse for reuse.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema, dossierCodeSchema, fieldCodeSchema, procedureCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { type NamedAgency, namedAgencySchema } from './agency.ts';
import { type Instant, instantSchema, vietnamDateOf } from './instant.ts';
import { type IsoDate, isoDateSchema, parseIsoDate } from './iso-date.ts';
import {
  checkValidityAfterIssue,
  type Signer,
  signerSchema,
  type Validity,
  validitySchema,
} from './issued-document.ts';
import { type Identity, identitySchema, identityWarnings } from './party.ts';
import type { Assert, Equal } from './shape-check.ts';
import { type StoredFile, storedFileSchema } from './stored-file.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * What was digitized (DVCQG `LoaiSoHoa`): `dossier-component` — a paper submitted
 * with a dossier (0); `result` — a result the agency issued (1).
 *
 * @example
 * ```ts
 * import { DIGITIZED_DOCUMENT_KINDS } from '@motcua/schemas';
 * DIGITIZED_DOCUMENT_KINDS; // ['dossier-component', 'result']
 * ```
 * @category Canonical
 */
export const DIGITIZED_DOCUMENT_KINDS: readonly ['dossier-component', 'result'] = [
  'dossier-component',
  'result',
] as const;

/**
 * One of {@link DIGITIZED_DOCUMENT_KINDS}.
 *
 * @example
 * ```ts
 * import type { DigitizedDocumentKind } from '@motcua/schemas';
 * const k: DigitizedDocumentKind = 'result';
 * ```
 * @category Canonical
 */
export type DigitizedDocumentKind = (typeof DIGITIZED_DOCUMENT_KINDS)[number];

/**
 * Whether a digitized paper may still be relied on: `valid` (còn hiệu lực), `revoked`
 * (thu hồi, hủy bỏ) or `superseded` (thay thế by a newer paper), with the reason and
 * the moment of the change.
 *
 * @example
 * ```ts
 * import type { DigitizedDocumentStatus } from '@motcua/schemas';
 * const s: DigitizedDocumentStatus = {
 *   state: 'superseded',
 *   reason: 'Cấp đổi do thay đổi thông tin hộ tịch',
 *   at: '2026-01-05T09:00:00+07:00',
 *   supersededBy: 'gtsh-001204',
 * };
 * ```
 * @category Canonical
 */
export type DigitizedDocumentStatus =
  | {
      /** Còn hiệu lực: may be relied on. */
      state: 'valid';
    }
  | {
      /** Thu hồi, hủy bỏ: must not be relied on. */
      state: 'revoked';
      /** Why, e.g. the decision that revoked it. */
      reason: string;
      /** When it was revoked. */
      at: Instant;
    }
  | {
      /** Replaced by a newer paper. */
      state: 'superseded';
      /** Why, e.g. "cấp đổi". */
      reason: string;
      /** When it was superseded. */
      at: Instant;
      /** Id of the digitized document that replaces it. */
      supersededBy?: string | undefined;
    };

const statusSchema: z.ZodType<DigitizedDocumentStatus> = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('valid') }),
  z.strictObject({ state: z.literal('revoked'), reason: text(1000), at: instantSchema }),
  z.strictObject({
    state: z.literal('superseded'),
    reason: text(1000),
    at: instantSchema,
    supersededBy: text(200).optional(),
  }),
]);

/**
 * Chủ giấy tờ (the owner of a paper): identifier plus name (MaDinhDanh, ChuGiayTo) —
 * the key reuse look-ups search by.
 *
 * @example
 * ```ts
 * import type { DocumentOwner } from '@motcua/schemas';
 * const o: DocumentOwner = { identity: { type: 'personal-id', value: '038190012345' }, name: 'Nguyễn Thị Lan' };
 * ```
 * @category Canonical
 */
export interface DocumentOwner {
  /** Số định danh cá nhân, or mã số doanh nghiệp / mã số thuế for organisations. */
  identity: Identity;
  /** Full name of the person or organisation. */
  name: string;
}

const documentOwnerObject = z.strictObject({ identity: identitySchema, name: text(500) });
type _DocumentOwnerShape = Assert<Equal<z.output<typeof documentOwnerObject>, DocumentOwner>>;

/**
 * Who digitized a paper (NguoiSoHoa, DonViId).
 *
 * @example
 * ```ts
 * import type { Digitizer } from '@motcua/schemas';
 * const d: Digitizer = { name: 'Lê Thị Hoa', officerId: 'cb-0042', agencyCode: '000.17.22.H56' };
 * ```
 * @category Canonical
 */
export interface Digitizer {
  /** Officer's full name. */
  name: string;
  /** Officer's account id. */
  officerId?: string | undefined;
  /** The digitizing unit. */
  agencyCode: string;
}

const digitizerObject = z.strictObject({
  name: text(200),
  officerId: text(200).optional(),
  agencyCode: agencyCodeSchema,
});
type _DigitizerShape = Assert<Equal<z.output<typeof digitizerObject>, Digitizer>>;

/**
 * The dossier and procedure a digitized paper came from (MaHoSo, MaTTHC, MaLinhVuc).
 *
 * @example
 * ```ts
 * import type { DigitizationSource } from '@motcua/schemas';
 * const s: DigitizationSource = { dossierCode: '000.00.00.H56-250701-0001', procedureCode: '1.001193' };
 * ```
 * @category Canonical
 */
export interface DigitizationSource {
  /** Mã số hồ sơ. */
  dossierCode?: string | undefined;
  /** Mã TTHC. */
  procedureCode?: string | undefined;
  /** Mã lĩnh vực. */
  fieldCode?: string | undefined;
}

const digitizationSourceObject = z.strictObject({
  dossierCode: dossierCodeSchema.optional(),
  procedureCode: procedureCodeSchema.optional(),
  fieldCode: fieldCodeSchema.optional(),
});
type _DigitizationSourceShape = Assert<Equal<z.output<typeof digitizationSourceObject>, DigitizationSource>>;

/**
 * Giấy tờ số hóa (a digitized document): a paper converted into electronic files with
 * the metadata reuse needs (dvcqg-wire.md §15.4–15.5) — result code or document type,
 * reference number, issue date, issuing body, summary, validity and scope, owner,
 * signer, files with hashes, the paper's code in the DVCQG store, who digitized it and
 * when, where it came from, and whether it is still valid.
 *
 * @example
 * ```ts
 * import type { DigitizedDocument } from '@motcua/schemas';
 * const doc: DigitizedDocument = {
 *   id: 'gtsh-000981',
 *   kind: 'result',
 *   resultCode: 'KQ.1.001193.01',
 *   name: 'Giấy khai sinh',
 *   referenceNumber: '123/2025/KS',
 *   issueDate: '2025-07-03',
 *   issuingAgency: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
 *   summary: 'Giấy khai sinh của Nguyễn Minh An',
 *   validity: { permanent: true },
 *   owner: { identity: { type: 'personal-id', value: '038225001234' }, name: 'Nguyễn Minh An' },
 *   signer: { name: 'Phạm Minh Tuấn', position: 'Chủ tịch' },
 *   files: [
 *     {
 *       id: 'tep-kq-0001',
 *       name: 'giay-khai-sinh.pdf',
 *       mediaType: 'application/pdf',
 *       size: 254_112,
 *       sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
 *     },
 *   ],
 *   nationalStoreCode: 'KSH-H56-2025-0000123',
 *   digitizedBy: { name: 'Lê Thị Hoa', agencyCode: '000.17.22.H56' },
 *   digitizedAt: '2025-07-03T10:20:00+07:00',
 *   source: { dossierCode: '000.00.00.H56-250701-0001', procedureCode: '1.001193' },
 *   status: { state: 'valid' },
 * };
 * ```
 * @category Canonical
 */
export interface DigitizedDocument {
  /** Internal identifier (Ma). */
  id: string;
  /** Digitized dossier component or digitized result (LoaiSoHoa). */
  kind: DigitizedDocumentKind;
  /** Result code (MaKetQua); required for results. */
  resultCode?: string | undefined;
  /** Document-type code (MaGiayTo), for papers that are not results of a catalogued procedure. */
  documentType?: string | undefined;
  /** Name of the paper (Ten). */
  name: string;
  /** Số ký hiệu (SoKyHieu). */
  referenceNumber?: string | undefined;
  /** Ngày ban hành (NgayBanHanh). */
  issueDate?: IsoDate | undefined;
  /** Cơ quan ban hành (CoQuanBanHanh). */
  issuingAgency?: NamedAgency | undefined;
  /** Trích yếu nội dung (TrichYeuNoiDung), at most 1000 characters. */
  summary?: string | undefined;
  /** Thời hạn hiệu lực (ThoiHanHieuLuc / ThoiHanVinhVien). */
  validity?: Validity | undefined;
  /** Phạm vi hiệu lực (PhamViHieuLuc). */
  scope?: string | undefined;
  /** Chủ giấy tờ. */
  owner: DocumentOwner;
  /** Người ký (NguoiKy). */
  signer?: Signer | undefined;
  /** The electronic files, with their hashes (DinhKem). */
  files: StoredFile[];
  /** Code of the paper in the DVCQG store (MaGiayToKhoQuocGia). */
  nationalStoreCode?: string | undefined;
  /** Who digitized it. */
  digitizedBy: Digitizer;
  /** When it was digitized (ThoiGianSoHoa). */
  digitizedAt: Instant;
  /** The dossier and procedure it came from. */
  source?: DigitizationSource | undefined;
  /** Valid, revoked or superseded. */
  status: DigitizedDocumentStatus;
}

const digitizedDocumentObject = z
  .strictObject({
    id: text(200),
    kind: z.enum(DIGITIZED_DOCUMENT_KINDS),
    resultCode: text(200).optional(),
    documentType: text(200).optional(),
    name: text(2000),
    referenceNumber: text(60).optional(),
    issueDate: isoDateSchema.optional(),
    issuingAgency: namedAgencySchema.optional(),
    summary: text(1000).optional(),
    validity: validitySchema.optional(),
    scope: text(200).optional(),
    owner: documentOwnerObject,
    signer: signerSchema.optional(),
    files: z.array(storedFileSchema).min(1).max(MAX_LIST),
    nationalStoreCode: text(50).optional(),
    digitizedBy: digitizerObject,
    digitizedAt: instantSchema,
    source: digitizationSourceObject.optional(),
    status: statusSchema,
  })
  .superRefine((doc, ctx) => {
    if (doc.kind === 'result' && doc.resultCode === undefined) {
      ctx.addIssue(customIssue('CANON_DIGITIZED_TYPE_REQUIRED', { kind: doc.kind }, ['resultCode']));
    }
    if (doc.kind === 'dossier-component' && doc.resultCode === undefined && doc.documentType === undefined) {
      ctx.addIssue(customIssue('CANON_DIGITIZED_TYPE_REQUIRED', { kind: doc.kind }, ['documentType']));
    }
    if (doc.issueDate === undefined || parseIsoDate(doc.issueDate) === undefined) return;
    if (doc.validity !== undefined) checkValidityAfterIssue(doc.validity, doc.issueDate, ctx);
    const digitizedDay = vietnamDateOf(doc.digitizedAt);
    // A paper cannot be scanned before it exists; both sides are Vietnamese calendar days.
    if (digitizedDay !== undefined && digitizedDay < doc.issueDate) {
      ctx.addIssue(
        customIssue('CANON_DIGITIZED_BEFORE_ISSUE', { issueDate: doc.issueDate, digitizedOn: digitizedDay }, [
          'digitizedAt',
        ]),
      );
    }
  });
type _DigitizedDocumentShape = Assert<Equal<z.output<typeof digitizedDocumentObject>, DigitizedDocument>>;

/**
 * Zod schema of a {@link DigitizedDocument}. Cross-field errors:
 *
 * - `CANON_DIGITIZED_TYPE_REQUIRED`: a result without `resultCode`, or a component with
 *   neither `resultCode` nor `documentType` — reuse finds papers by these codes;
 * - `CANON_VALIDITY_BEFORE_ISSUE`: `validity.until` before `issueDate`;
 * - `CANON_DIGITIZED_BEFORE_ISSUE`: digitized (Vietnam-time day) before the paper was issued.
 *
 * @example
 * ```ts
 * import { digitizedDocumentSchema } from '@motcua/schemas';
 * digitizedDocumentSchema.safeParse({ kind: 'result' }).success; // false
 * ```
 * @category Canonical
 */
export const digitizedDocumentSchema: z.ZodType<DigitizedDocument> = digitizedDocumentObject;

/**
 * Warning rules of a {@link DigitizedDocument}:
 *
 * - `CANON_DIGITIZED_EXPIRED`: the paper had already expired on the day it was
 *   digitized — it may be archived, but must not be offered for reuse;
 * - `CANON_DIGITIZED_METADATA_INCOMPLETE`: a digitized result lacks metadata a
 *   digitized result is expected to carry (reference number, issue date, issuing
 *   body, validity; dvcqg-wire.md §15.5) — `params.fields` lists them;
 * - identifier warnings on `owner.identity`.
 *
 * @example
 * ```ts
 * import { digitizedDocumentWarnings, type DigitizedDocument } from '@motcua/schemas';
 * declare const doc: DigitizedDocument;
 * digitizedDocumentWarnings({ ...doc, validity: { until: '2020-01-01' } });
 * ```
 * @category Canonical
 */
export function digitizedDocumentWarnings(doc: DigitizedDocument): RawIssue[] {
  const out: RawIssue[] = identityWarnings(doc.owner.identity).map((w) => ({
    ...w,
    path: ['owner', 'identity', ...w.path],
  }));
  if (doc.validity !== undefined && 'until' in doc.validity) {
    const digitizedDay = vietnamDateOf(doc.digitizedAt);
    if (digitizedDay !== undefined && doc.validity.until < digitizedDay) {
      out.push({
        code: 'CANON_DIGITIZED_EXPIRED',
        path: ['validity', 'until'],
        severity: 'warning',
        params: { until: doc.validity.until, digitizedOn: digitizedDay },
      });
    }
  }
  if (doc.kind === 'result') {
    const missing: string[] = [];
    if (doc.referenceNumber === undefined) missing.push('referenceNumber');
    if (doc.issueDate === undefined) missing.push('issueDate');
    if (doc.issuingAgency === undefined) missing.push('issuingAgency');
    if (doc.validity === undefined) missing.push('validity');
    if (missing.length > 0) {
      out.push({
        code: 'CANON_DIGITIZED_METADATA_INCOMPLETE',
        path: [],
        severity: 'warning',
        params: { fields: missing.join(', ') },
      });
    }
  }
  return out;
}
