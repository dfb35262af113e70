import { defineKind, type Kind } from '../kind.ts';
import { accessLogEntrySchema, accessLogEntryWarnings } from './access-log-entry.ts';
import { digitizedDocumentSchema, digitizedDocumentWarnings } from './digitized-document.ts';
import { dossierSchema, dossierWarnings } from './dossier.ts';
import { issuedDocumentSchema, issuedDocumentWarnings } from './issued-document.ts';
import { partySchema, partyWarnings } from './party.ts';
import { procedureSchema, procedureWarnings } from './procedure.ts';

/**
 * The validation kinds of the canonical model: `dossier`, `procedure`, `party`,
 * `issued-document`, `digitized-document`, `access-log-entry` — each its schema plus
 * its warning rules.
 *
 * @example
 * ```ts
 * import { validate } from '@motcua/schemas';
 * const r = validate('dossier', { id: 'x' }, { lang: 'en' });
 * r.ok; // false
 * ```
 * @category Canonical
 */
export const CANONICAL_KINDS: ReadonlyArray<Kind> = [
  defineKind({
    kind: 'dossier',
    title: { vi: 'Hồ sơ (mô hình chuẩn)', en: 'Dossier (canonical model)' },
    schema: dossierSchema,
    warnings: dossierWarnings,
  }),
  defineKind({
    kind: 'procedure',
    title: { vi: 'Thủ tục hành chính (mô hình chuẩn)', en: 'Administrative procedure (canonical model)' },
    schema: procedureSchema,
    warnings: procedureWarnings,
  }),
  defineKind({
    kind: 'party',
    title: { vi: 'Chủ hồ sơ / người nộp (mô hình chuẩn)', en: 'Party: dossier owner or submitter (canonical model)' },
    schema: partySchema,
    warnings: partyWarnings,
  }),
  defineKind({
    kind: 'issued-document',
    title: { vi: 'Kết quả giải quyết (mô hình chuẩn)', en: 'Issued result document (canonical model)' },
    schema: issuedDocumentSchema,
    warnings: issuedDocumentWarnings,
  }),
  defineKind({
    kind: 'digitized-document',
    title: { vi: 'Giấy tờ số hóa (mô hình chuẩn)', en: 'Digitized document (canonical model)' },
    schema: digitizedDocumentSchema,
    warnings: digitizedDocumentWarnings,
  }),
  defineKind({
    kind: 'access-log-entry',
    title: { vi: 'Nhật ký truy cập dữ liệu (mô hình chuẩn)', en: 'Data access-log entry (canonical model)' },
    schema: accessLogEntrySchema,
    warnings: accessLogEntryWarnings,
  }),
];
