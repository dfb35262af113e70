/**
 * Results of a procedure: the papers an agency issues when it resolves a dossier.
 *
 * @module
 */
import { z } from 'zod';
import { dossierCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { type NamedAgency, namedAgencySchema } from './agency.ts';
import { type Instant, instantSchema, vietnamDateOf } from './instant.ts';
import { type IsoDate, isoDateSchema, parseIsoDate } from './iso-date.ts';
import type { Assert, Equal } from './shape-check.ts';
import { type StoredFile, storedFileSchema } from './stored-file.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * Thời hạn hiệu lực (validity period) of a paper: permanent (vĩnh viễn, DVCQG
 * `ThoiHanVinhVien`) or valid until a date inclusive (`ThoiHanHieuLuc`).
 *
 * @example
 * ```ts
 * import type { Validity } from '@motcua/schemas';
 * const birthCertificate: Validity = { permanent: true };
 * const licence: Validity = { until: '2030-06-30' };
 * ```
 * @category Canonical
 */
export type Validity =
  | {
      /** Valid without end (thời hạn vĩnh viễn). */
      permanent: true;
    }
  | {
      /** Last day of validity, inclusive (thời hạn hiệu lực). */
      until: IsoDate;
    };

/**
 * Zod schema of a {@link Validity}.
 *
 * @example
 * ```ts
 * import { validitySchema } from '@motcua/schemas';
 * validitySchema.safeParse({ until: '2030-06-30' }).success; // true
 * validitySchema.safeParse({ permanent: false }).success; // false
 * ```
 * @category Canonical
 */
export const validitySchema: z.ZodType<Validity> = z.union([
  z.strictObject({ permanent: z.literal(true) }),
  z.strictObject({ until: isoDateSchema }),
]);

/**
 * Người ký (the signer of a paper): the competent official who signed it.
 *
 * @example
 * ```ts
 * import type { Signer } from '@motcua/schemas';
 * const s: Signer = { name: 'Phạm Minh Tuấn', position: 'Chủ tịch UBND phường' };
 * ```
 * @category Canonical
 */
export interface Signer {
  /** Full name of the signer (NguoiKy). */
  name: string;
  /** Position (chức vụ) printed under the signature. */
  position?: string | undefined;
}

const signerObject = z.strictObject({ name: text(200), position: text(200).optional() });
type _SignerShape = Assert<Equal<z.output<typeof signerObject>, Signer>>;

/**
 * Zod schema of a {@link Signer}.
 *
 * @example
 * ```ts
 * import { signerSchema } from '@motcua/schemas';
 * signerSchema.safeParse({ name: 'Phạm Minh Tuấn' }).success; // true
 * ```
 * @category Canonical
 */
export const signerSchema: z.ZodType<Signer> = signerObject;

/**
 * Kết quả giải quyết TTHC / giấy tờ kết quả (an issued document): a paper an agency
 * issued to resolve a dossier — a licence, a certificate, a decision. Its result code
 * (`MaKetQua`, from the catalogue's `KETQUATHUCHIEN`) keys digitization and reuse.
 *
 * @example
 * ```ts
 * import type { IssuedDocument } from '@motcua/schemas';
 * const result: IssuedDocument = {
 *   id: 'kq-2025-000123',
 *   resultCode: 'KQ.1.001193.01',
 *   name: 'Giấy khai sinh (bản chính)',
 *   referenceNumber: '123/2025/KS',
 *   issuedAt: '2025-07-03T10:15:00+07:00',
 *   issuingAgency: { name: 'UBND phường Hạc Thành', code: '000.17.22.H56' },
 *   signer: { name: 'Phạm Minh Tuấn', position: 'Chủ tịch' },
 *   validity: { permanent: true },
 *   files: [
 *     {
 *       id: 'tep-kq-0001',
 *       name: 'giay-khai-sinh.pdf',
 *       mediaType: 'application/pdf',
 *       size: 254_112,
 *       sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
 *       url: 'https://motcua.thanhhoa.gov.vn/files/tep-kq-0001',
 *     },
 *   ],
 *   dossierCode: '000.00.00.H56-250701-0001',
 * };
 * ```
 * @category Canonical
 */
export interface IssuedDocument {
  /** Identifier of the document in the issuing system (GiayToId). */
  id: string;
  /** Result code from the catalogue (MaKetQua / MaGiayToKetQua). */
  resultCode: string;
  /** Name of the paper (TenGiayTo), e.g. "Giấy khai sinh". */
  name: string;
  /** Số ký hiệu: number and notation printed on the paper, e.g. `123/2025/KS`. */
  referenceNumber: string;
  /** When the paper was issued (signed and numbered). */
  issuedAt: Instant;
  /** Cơ quan ban hành. */
  issuingAgency: NamedAgency;
  /** The competent official who signed it. */
  signer?: Signer | undefined;
  /** Thời hạn hiệu lực. */
  validity: Validity;
  /** Phạm vi hiệu lực (where or for what it is valid), when limited. */
  scope?: string | undefined;
  /** Electronic files of the paper (signed PDF, XML …). */
  files: StoredFile[];
  /** Mã số hồ sơ of the dossier the paper resolves. */
  dossierCode: string;
}

const issuedDocumentObject = z
  .strictObject({
    id: text(200),
    resultCode: text(200),
    name: text(2000),
    referenceNumber: text(60),
    issuedAt: instantSchema,
    issuingAgency: namedAgencySchema,
    signer: signerSchema.optional(),
    validity: validitySchema,
    scope: text(200).optional(),
    files: z.array(storedFileSchema).max(MAX_LIST),
    dossierCode: dossierCodeSchema,
  })
  .superRefine((doc, ctx) => {
    const issueDate = vietnamDateOf(doc.issuedAt);
    if (issueDate !== undefined) checkValidityAfterIssue(doc.validity, issueDate, ctx);
  });
type _IssuedDocumentShape = Assert<Equal<z.output<typeof issuedDocumentObject>, IssuedDocument>>;

/**
 * Reports `CANON_VALIDITY_BEFORE_ISSUE` at `validity.until` when a paper would expire
 * before the day it was issued. Shared with digitized documents.
 *
 * @internal
 */
export function checkValidityAfterIssue(validity: Validity, issueDate: IsoDate, ctx: z.RefinementCtx): void {
  if (!('until' in validity)) return;
  if (parseIsoDate(validity.until) === undefined || parseIsoDate(issueDate) === undefined) return;
  // Both are YYYY-MM-DD, so string order is date order.
  if (validity.until < issueDate) {
    ctx.addIssue(
      customIssue('CANON_VALIDITY_BEFORE_ISSUE', { until: validity.until, issueDate }, ['validity', 'until']),
    );
  }
}

/**
 * Zod schema of an {@link IssuedDocument}. Cross-field error:
 * `CANON_VALIDITY_BEFORE_ISSUE` when `validity.until` is before the (Vietnam-time) day
 * of `issuedAt`.
 *
 * @example
 * ```ts
 * import { issuedDocumentSchema } from '@motcua/schemas';
 * issuedDocumentSchema.safeParse({}).success; // false
 * ```
 * @category Canonical
 */
export const issuedDocumentSchema: z.ZodType<IssuedDocument> = issuedDocumentObject;

/**
 * Warning rules of an {@link IssuedDocument} (paths relative to the document):
 * `CANON_RESULT_NO_FILE_URL` when no file has a download URL — DVCQG then sees no
 * electronic result (`MaKetQua` + `DuongDanTepTinKetQua`), which indicators 3.3 and 4.1
 * of Decision 766 require.
 *
 * @example
 * ```ts
 * import { issuedDocumentWarnings, type IssuedDocument } from '@motcua/schemas';
 * declare const doc: IssuedDocument;
 * issuedDocumentWarnings({ ...doc, files: [] })[0]?.code; // 'CANON_RESULT_NO_FILE_URL'
 * ```
 * @category Canonical
 */
export function issuedDocumentWarnings(doc: IssuedDocument): RawIssue[] {
  if (doc.files.some((f) => f.url !== undefined)) return [];
  return [{ code: 'CANON_RESULT_NO_FILE_URL', path: ['files'], severity: 'warning' }];
}
