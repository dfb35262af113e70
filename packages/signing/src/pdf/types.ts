/**
 * Public types of the strict PDF signature-structure reader (`@motcua/signing/pdf`).
 *
 * The reader answers the container questions of signatures.md §9 (checks 1–12): where the
 * signatures are, which bytes each one covers, whether the gap is exactly its `/Contents`,
 * and what changed in every incremental update after it. It does no cryptography: the CMS
 * layer verifies {@link PdfSignatureField.contents} over {@link signedBytes}.
 *
 * @module
 */

/**
 * Bounds on the work the reader does on one file (signatures.md §9 check 12). Every limit has a
 * default; exceeding one yields a `LIMIT_EXCEEDED` problem, never an exception or a hang.
 *
 * @example
 * ```ts
 * import type { PdfReadLimits } from '@motcua/signing/pdf';
 * const strict: PdfReadLimits = { maxStreamBytes: 8 * 1024 * 1024, maxRevisions: 200 };
 * ```
 * @category PDF
 */
export interface PdfReadLimits {
  /** Cross-reference entries kept, summed over all revisions. Default 2,000,000. */
  maxObjects?: number;
  /** Nesting depth of arrays/dictionaries, and of field trees / reference chains. Default 64. */
  maxDepth?: number;
  /** Decoded size of one stream (each filter stage counts). Default 64 MiB. */
  maxStreamBytes?: number;
  /** Decoded bytes summed over all streams the reader decodes. Default 256 MiB. */
  maxTotalInflated?: number;
  /** Incremental revisions (cross-reference sections) followed. Default 2,000. */
  maxRevisions?: number;
  /**
   * Global work budget, in abstract units (about one per byte tokenised, decoded or compared,
   * plus a fixed cost per object). Default 200,000,000. The units spent are reported as
   * {@link PdfSignatureStructure.work}.
   */
  maxWork?: number;
  /**
   * Files up to this size are also scanned for `/ByteRange` keys to find signature dictionaries
   * that no revision's AcroForm reaches (orphans, check 1). Larger files rely on the AcroForm of
   * every revision only, to keep the reader far below the cost of hashing the file. Default 16 MiB;
   * `0` disables the scan.
   */
  orphanScanMaxBytes?: number;
}

/**
 * Stable problem codes of the PDF layer. Safe to `switch` on; the list may grow.
 *
 * @example
 * ```ts
 * import type { PdfProblemCode } from '@motcua/signing/pdf';
 * const wrapping: PdfProblemCode = 'CONTENTS_NOT_IN_GAP';
 * ```
 * @category PDF
 */
export type PdfProblemCode =
  /** The file cannot be read as a PDF (no header, no usable cross-reference data, broken object). */
  | 'FORMAT_FAILURE'
  /** A configured limit ({@link PdfReadLimits}) was reached; reading stopped or skipped a part. */
  | 'LIMIT_EXCEEDED'
  /** Cross-reference data needed repair (offsets off by a few bytes, missing `%%EOF`, …). */
  | 'XREF_REPAIRED'
  /** A hybrid-reference file (`/XRefStm` in a classic trailer): a known parser differential (check 12). */
  | 'HYBRID_XREF'
  /** The file is encrypted: text values of signature dictionaries are not decrypted, object streams are unreadable. */
  | 'ENCRYPTED_UNSUPPORTED'
  /** Non-whitespace bytes after the last `%%EOF`, not part of any revision: never covered by a signature. */
  | 'TRAILING_BYTES'
  /** `/SubFilter` not in the allow-list of check 1. */
  | 'SUBFILTER_UNSUPPORTED'
  /** `/ByteRange` missing. */
  | 'BYTE_RANGE_MISSING'
  /** `/ByteRange` not 4 integers with a = 0, b > 0, c > b, d ≥ 0, c + d ≤ file length (check 2). */
  | 'BYTE_RANGE_INVALID'
  /** `/Contents` missing or not a string. */
  | 'CONTENTS_MISSING'
  /** The gap [b, c) is not exactly this dictionary's `/Contents` hex string: signature wrapping (check 3). */
  | 'CONTENTS_NOT_IN_GAP'
  /** `/Contents` does not start with one DER/BER element (check 4). */
  | 'CONTENTS_NOT_DER'
  /** Non-zero bytes after the end of the DER element inside `/Contents` (check 4): unsigned data riding along (a warning). */
  | 'NON_ZERO_PADDING'
  /** The byte ranges of two signatures overlap other than as nested prefixes (check 6). */
  | 'BYTE_RANGE_COLLISION'
  /** The signature covers neither the whole file nor exactly one whole revision (check 5). */
  | 'COVERAGE_PARTIAL'
  /** The signature dictionary differs between the signed revision and the final file (check 7). */
  | 'SIG_DICT_MODIFIED'
  /** One signature dictionary is the `/V` of several fields (check 8). */
  | 'SIG_DICT_MULTIPLE_FIELDS'
  /** A signature dictionary that the final AcroForm does not reach (orphan or removed field, check 1). */
  | 'SIG_NOT_IN_ACROFORM'
  /** A later revision holds changes outside every permitted category (check 9). */
  | 'MODIFIED_AFTER_SIGNING'
  /** Later changes that are permitted (form filling, annotations) but make the file differ from what was signed (checks 9, 11). */
  | 'MODIFIED_PERMITTED'
  /** The page count differs between the signed revision and the final file (check 11). */
  | 'PAGE_COUNT_CHANGED'
  /** A later change forbidden by the certification signature's `/DocMDP /P` (check 10). */
  | 'DOCMDP_VIOLATION'
  /** A later change to a field locked by `/FieldMDP` or `/Lock` (check 10). */
  | 'FIELDMDP_VIOLATION'
  /** A certification (DocMDP) signature that is not the first signature, or more than one (check 10). */
  | 'CERTIFICATION_INVALID';

/**
 * One problem found by the reader, with a bilingual message.
 *
 * @example
 * ```ts
 * import type { PdfProblem } from '@motcua/signing/pdf';
 * const p: PdfProblem = {
 *   code: 'CONTENTS_NOT_IN_GAP',
 *   severity: 'error',
 *   message: { vi: 'Khoảng trống ByteRange không phải đúng /Contents', en: 'ByteRange gap is not exactly /Contents' },
 *   detail: { gapStart: 1633, gapEnd: 23028 },
 * };
 * ```
 * @category PDF
 */
export interface PdfProblem {
  /** Stable code, one of {@link PdfProblemCode} (typed as `string` so the list can grow). */
  code: string;
  /** `error` makes the document or signature fail; `warning` never does. */
  severity: 'error' | 'warning';
  /** Human-readable message in Vietnamese and English. */
  message: { vi: string; en: string };
  /** Machine-readable facts behind the message (offsets, object numbers, limits). */
  detail?: Record<string, string | number>;
}

/**
 * One incremental revision: the bytes up to and including a `%%EOF`, with its cross-reference section.
 * Index 0 is the original document; the last entry is the final file.
 *
 * @example
 * ```ts
 * import type { PdfRevision } from '@motcua/signing/pdf';
 * const r: PdfRevision = { index: 1, endOffset: 30512, xrefKind: 'table', objectsChanged: ['12 0', '13 0'] };
 * ```
 * @category PDF
 */
export interface PdfRevision {
  /** 0 = original document, increasing with each incremental update. */
  index: number;
  /** Offset of the byte after this revision's `%%EOF` and its end-of-line marker (CR, LF or CRLF). */
  endOffset: number;
  /** Offset of the byte right after `%%EOF` (before the end-of-line marker); a ByteRange may end at either. */
  eofOffset: number;
  /** Kind of cross-reference data: classic table, stream, or a table with `/XRefStm` (hybrid). */
  xrefKind: 'table' | 'stream' | 'hybrid';
  /** Offset of this revision's cross-reference section (`xref` keyword or xref-stream object). */
  xrefOffset: number;
  /**
   * Objects this revision's cross-reference section lists as in use, `"num gen"` (re-listed
   * unchanged objects included; see {@link PdfSignatureField.modificationsAfter} for what really
   * changed). Empty for revision 0, the original document, whose every object would be listed.
   */
  objectsChanged: string[];
}

/**
 * A post-signature change category (check 9): `signature` (new signature field, its widget and
 * dictionary, AcroForm update), `dss` (`/DSS`, `/VRI` and their streams), `doc-timestamp`,
 * `form-fill` (field values), `annotation` (new page annotations), `page-count-change`, and
 * `other` — anything else, which no DocMDP level permits.
 *
 * @example
 * ```ts
 * import type { PdfModificationKind } from '@motcua/signing/pdf';
 * const ltv: PdfModificationKind[] = ['dss', 'doc-timestamp'];
 * ```
 * @category PDF
 */
export type PdfModificationKind =
  | 'signature'
  | 'dss'
  | 'doc-timestamp'
  | 'form-fill'
  | 'annotation'
  | 'page-count-change'
  | 'other';

/**
 * The changes of one kind in one revision after a signature (checks 9–11).
 *
 * @example
 * ```ts
 * import type { PdfModification } from '@motcua/signing/pdf';
 * const m: PdfModification = { revision: 2, kind: 'dss', objects: ['20 0', '21 0'], permitted: true };
 * ```
 * @category PDF
 */
export interface PdfModification {
  /** Index of the revision ({@link PdfRevision.index}) holding the change. */
  revision: number;
  kind: PdfModificationKind;
  /** Objects changed or added, `"num gen"`. */
  objects: string[];
  /** Whether the certification level, field locks and the reader's policy allow this change (check 10). */
  permitted: boolean;
  /** Why it was classified this way, in English (for logs, not for display). */
  detail?: string | undefined;
  /** Fully qualified names of the fields whose value or signature this change touches. */
  fields?: string[] | undefined;
}

/**
 * A `/Reference` transform of a signature dictionary (DocMDP, FieldMDP, UR3), or a field's `/Lock`.
 *
 * @example
 * ```ts
 * import type { PdfSignatureTransform } from '@motcua/signing/pdf';
 * const lock: PdfSignatureTransform = { method: 'FieldMDP', action: 'Include', fields: ['amount'] };
 * ```
 * @category PDF
 */
export interface PdfSignatureTransform {
  /** `/TransformMethod` (`DocMDP`, `FieldMDP`, `UR3`, …) or `Lock` for a signature field's `/Lock`. */
  method: string;
  /** DocMDP `/P` (or `/Lock /P`): 1 no changes, 2 form filling and signing, 3 plus annotations. */
  permissions?: 1 | 2 | 3 | undefined;
  /** FieldMDP / Lock `/Action`. */
  action?: 'All' | 'Include' | 'Exclude' | undefined;
  /** FieldMDP / Lock `/Fields`. */
  fields?: string[] | undefined;
}

/**
 * One signature (or document timestamp) found in the PDF, with the results of the container checks.
 *
 * @example
 * ```ts
 * import { readPdfSignatures } from '@motcua/signing/pdf';
 * declare const pdf: Uint8Array;
 * for (const sig of readPdfSignatures(pdf).signatures) {
 *   console.log(sig.fieldName, sig.subFilter, sig.coverage, sig.problems.map((p) => p.code));
 * }
 * ```
 * @category PDF
 */
export interface PdfSignatureField {
  /** Position in {@link PdfSignatureStructure.signatures} (ordered by revision, then field order). */
  index: number;
  /** Fully qualified field name (`/T` of the field and its ancestors, joined by `.`). */
  fieldName?: string | undefined;
  /** Every field whose `/V` is this dictionary (more than one → `SIG_DICT_MULTIPLE_FIELDS`, check 8). */
  fieldNames: string[];
  /** The signature dictionary's object, `"num gen"`; undefined if it is a direct dictionary. */
  objectRef?: string | undefined;
  type: 'signature' | 'doc-timestamp';
  filter?: string | undefined;
  subFilter?: string | undefined;
  /** `/ByteRange` numbers exactly as found (may be invalid; see `BYTE_RANGE_INVALID`). */
  byteRange?: number[] | undefined;
  /** Offsets of the `/Contents` hex string: `start` is the `<`, `end` the byte after `>`. */
  contentsOffset?: { start: number; end: number } | undefined;
  /** DER bytes of `/Contents`, cut at the end of the outer DER element (zero padding stripped). */
  contents?: Uint8Array | undefined;
  /** Raw `/M` (claimed signing time, a PDF date string): a claim only (check 21). */
  claimedSigningTime?: string | undefined;
  reason?: string | undefined;
  location?: string | undefined;
  name?: string | undefined;
  contactInfo?: string | undefined;
  /** The revision in which the signature dictionary first appears. */
  revision: number;
  /**
   * Coverage class (check 5): `whole-file` (c + d = file length), `whole-revision` (c + d ends a revision
   * whose xref and `startxref` are signed), `partial` (anything else), `invalid` (byte range unusable, check 2/3).
   */
  coverage: 'whole-file' | 'whole-revision' | 'partial' | 'invalid';
  /** The revision whose end equals c + d, when there is one. */
  signedRevision?: number | undefined;
  /** Changes in the revisions after the signed one, one entry per revision and kind (checks 9–11). */
  modificationsAfter: PdfModification[];
  /** `/Reference` transforms of the dictionary and the field's `/Lock` (check 10). */
  transforms: PdfSignatureTransform[];
  /** Page count of the signed revision, when readable (check 11). */
  pageCountSigned?: number | undefined;
  /** Problems of this signature (checks 1–11). */
  problems: PdfProblem[];
}

/**
 * Everything the reader learned about the signatures of one PDF. Returned, never thrown.
 *
 * @example
 * ```ts
 * import { readPdfSignatures } from '@motcua/signing/pdf';
 * declare const pdf: Uint8Array;
 * const s = readPdfSignatures(pdf);
 * if (!s.ok) console.log(s.problems.map((p) => p.message.vi));
 * ```
 * @category PDF
 */
export interface PdfSignatureStructure {
  /** No `error` problem at document level (signature-level problems are in each signature). */
  ok: boolean;
  fileLength: number;
  /** Revisions in file order (index 0 = original). */
  revisions: PdfRevision[];
  signatures: PdfSignatureField[];
  /** The certification signature (catalog `/Perms /DocMDP`) and its `/P` (check 10). */
  docMdp?: { signatureIndex: number; permissions: 1 | 2 | 3 } | undefined;
  /** Validation data of the final `/DSS` dictionary (decoded stream bytes). */
  dss?: { certs: Uint8Array[]; crls: Uint8Array[]; ocsps: Uint8Array[] } | undefined;
  /** Document-level problems (format, limits, xref repair, hybrid xref, encryption, trailing bytes). */
  problems: PdfProblem[];
  /** `/Count` of the final page tree root. */
  pageCount?: number | undefined;
  encrypted: boolean;
  /** Fully qualified names of signature fields that hold no signature (`/V` absent). */
  emptySignatureFields: string[];
  /** Work units spent (see {@link PdfReadLimits.maxWork}); bounded by the limit. */
  work: number;
}
