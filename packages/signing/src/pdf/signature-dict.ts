import { textOf } from './acroform.ts';
import { berLength, byteRangeFailure, coverageOf, gapFailure } from './byte-range.ts';
import { sameObject } from './compare.ts';
import type { PdfDocument } from './document.ts';
import {
  dictOf,
  isArray,
  isInt,
  isName,
  isString,
  latin1,
  nameValue,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  type PdfString,
} from './objects.ts';
import { problem } from './problems.ts';
import type { PdfSignatureField, PdfSignatureTransform } from './types.ts';

/**
 * Inspection of one signature dictionary: checks 1 (SubFilter), 2 (ByteRange), 3 (gap is this
 * `/Contents`), 4 (DER padding), 5 (coverage), 7 (dictionary unchanged since signing) and 8
 * (several fields). Modifications (checks 9–11) and collisions (check 6) are added by the caller.
 */

/**
 * The `/SubFilter` values accepted by check 1 of signatures.md §9; any other is `SUBFILTER_UNSUPPORTED`.
 *
 * @example
 * ```ts
 * import { SUPPORTED_PDF_SUBFILTERS } from '@motcua/signing/pdf';
 * SUPPORTED_PDF_SUBFILTERS.includes('ETSI.CAdES.detached'); // true
 * ```
 * @category PDF
 */
export const SUPPORTED_PDF_SUBFILTERS: readonly string[] = [
  'adbe.pkcs7.detached',
  'ETSI.CAdES.detached',
  'adbe.pkcs7.sha1',
  'ETSI.RFC3161',
];

export interface SignatureSource {
  /** The dictionary as of the final revision. */
  readonly dict: PdfDict;
  /** Its object, when indirect. */
  readonly ref: PdfRef | undefined;
  /** For a direct dictionary: the field object holding it. */
  readonly holder: PdfRef | undefined;
  readonly fieldNames: string[];
  /** `/Lock` of the (first) field. */
  readonly lock: PdfDict | undefined;
  /** Revision of the AcroForm view that found it (the final one, or the last one that still had it). */
  readonly seenIn: number;
  readonly orphan: boolean;
}

function transformOf(doc: PdfDocument, d: PdfDict, rev: number, method: string | undefined): PdfSignatureTransform {
  const params = method === 'Lock' ? d : dictOf(doc.resolve(d.map.get('TransformParams'), rev));
  const t: PdfSignatureTransform = { method: method ?? '?' };
  const p = doc.resolve(params?.map.get('P'), rev);
  if (isInt(p) && p >= 1 && p <= 3) t.permissions = p as 1 | 2 | 3;
  else if (method === 'DocMDP') t.permissions = 2; // §12.8.2.2: default P is 2
  const action = nameValue(doc.resolve(params?.map.get('Action'), rev));
  if (action === 'All' || action === 'Include' || action === 'Exclude') t.action = action;
  const fields = doc.resolve(params?.map.get('Fields'), rev);
  if (isArray(fields)) {
    t.fields = fields.items.map((x) => textOf(doc.resolve(x, rev))).filter((x): x is string => x !== undefined);
  }
  return t;
}

/** `/Reference` transforms of a signature dictionary plus the field's `/Lock`. */
export function transformsOf(
  doc: PdfDocument,
  dict: PdfDict,
  lock: PdfDict | undefined,
  rev: number,
): PdfSignatureTransform[] {
  const out: PdfSignatureTransform[] = [];
  const refs = doc.resolve(dict.map.get('Reference'), rev);
  for (const item of isArray(refs) ? refs.items.slice(0, 16) : []) {
    const d = dictOf(doc.resolve(item, rev));
    if (d !== undefined) out.push(transformOf(doc, d, rev, nameValue(doc.resolve(d.map.get('TransformMethod'), rev))));
  }
  if (lock !== undefined) out.push(transformOf(doc, lock, rev, 'Lock'));
  return out;
}

/** The revision whose xref first lists object `num` as in use. */
function introducedIn(doc: PdfDocument, num: number): number | undefined {
  for (let r = 0; r <= doc.last; r++) if (doc.location(num, r) !== undefined) return r;
  return undefined;
}

/** Builds the public record of one signature (without modifications, collisions and index). */
export function inspectSignature(doc: PdfDocument, src: SignatureSource): PdfSignatureField {
  const last = doc.last;
  const rev = src.seenIn;
  const { dict } = src;
  const bytes = doc.bytes;
  const problems: PdfSignatureField['problems'] = [];
  const owner = src.ref ?? src.holder;
  const revision = owner === undefined ? 0 : (introducedIn(doc, owner.num) ?? rev);
  const subFilter = nameValue(doc.resolve(dict.map.get('SubFilter'), rev));
  const filter = nameValue(doc.resolve(dict.map.get('Filter'), rev));
  const isTs = isName(dict.map.get('Type'), 'DocTimeStamp') || subFilter === 'ETSI.RFC3161';
  const sig: PdfSignatureField = {
    index: 0,
    fieldName: src.fieldNames[0],
    fieldNames: src.fieldNames,
    objectRef: src.ref === undefined ? undefined : `${src.ref.num} ${src.ref.gen}`,
    type: isTs ? 'doc-timestamp' : 'signature',
    filter,
    subFilter,
    revision,
    coverage: 'invalid',
    modificationsAfter: [],
    transforms: transformsOf(doc, dict, src.lock, rev),
    problems,
  };

  // Check 1: allow-listed SubFilter, consistent with /Type.
  if (subFilter === undefined || !SUPPORTED_PDF_SUBFILTERS.includes(subFilter)) {
    problems.push(problem('SUBFILTER_UNSUPPORTED', 'error', { subFilter: subFilter ?? '(none)' }));
  } else if (isName(dict.map.get('Type'), 'DocTimeStamp') !== (subFilter === 'ETSI.RFC3161') && dict.map.has('Type')) {
    problems.push(problem('SUBFILTER_UNSUPPORTED', 'error', { subFilter, reason: '/Type and /SubFilter disagree' }));
  }
  const dups = (dict.duplicateKeys ?? []).filter((k) =>
    ['ByteRange', 'Contents', 'SubFilter', 'Filter', 'Type', 'M'].includes(k),
  );
  if (dups.length > 0)
    problems.push(problem('FORMAT_FAILURE', 'error', { reason: `duplicate key /${dups.join(', /')}` }));
  if (src.fieldNames.length > 1) {
    problems.push(problem('SIG_DICT_MULTIPLE_FIELDS', 'warning', { fields: src.fieldNames.join(', ') }));
  }
  if (src.orphan) {
    problems.push(
      problem('SIG_NOT_IN_ACROFORM', 'warning', { object: sig.objectRef ?? '(direct)', lastSeenInRevision: rev }),
    );
  }

  const readTexts = (d: PdfDict, r: number): void => {
    // Text values are encrypted in an encrypted file, so they are left out there.
    if (doc.encrypted) return;
    const m = doc.resolve(d.map.get('M'), r);
    sig.claimedSigningTime = isString(m) ? latin1(m.bytes) : undefined;
    sig.reason = textOf(doc.resolve(d.map.get('Reason'), r));
    sig.location = textOf(doc.resolve(d.map.get('Location'), r));
    sig.name = textOf(doc.resolve(d.map.get('Name'), r));
    sig.contactInfo = textOf(doc.resolve(d.map.get('ContactInfo'), r));
  };
  readTexts(dict, rev);

  // /Contents (check 4): offsets only mean something when the dictionary was parsed from the file itself.
  const readContents = (c: PdfString | undefined, inFileNow: boolean): void => {
    sig.contentsOffset = c !== undefined && inFileNow ? { start: c.start, end: c.end } : undefined;
    sig.contents = undefined;
    if (c === undefined) return;
    const raw = c.bytes;
    const len = berLength(raw);
    if (len === undefined || raw[0] !== 0x30) {
      let n = raw.length;
      while (n > 0 && raw[n - 1] === 0) n--;
      sig.contents = raw.subarray(0, n);
      problems.push(problem('CONTENTS_NOT_DER', 'error', { length: raw.length }));
    } else {
      sig.contents = raw.subarray(0, len);
      let nonZero = 0;
      for (let i = len; i < raw.length; i++) if (raw[i] !== 0) nonZero++;
      if (nonZero > 0) problems.push(problem('NON_ZERO_PADDING', 'warning', { derLength: len, nonZeroBytes: nonZero }));
    }
  };
  const contentsObj: PdfObject | undefined = dict.map.get('Contents');
  const contents: PdfString | undefined = isString(contentsObj) ? contentsObj : undefined;
  const inFile = owner !== undefined && doc.location(owner.num, rev)?.kind === 'file';
  if (contents === undefined) problems.push(problem('CONTENTS_MISSING', 'error'));
  else readContents(contents, inFile);

  // Checks 2, 3, 5.
  const brObj = doc.resolve(dict.map.get('ByteRange'), rev);
  if (brObj === undefined || brObj === null) {
    problems.push(problem('BYTE_RANGE_MISSING', 'error'));
    return sig;
  }
  if (!isArray(brObj) || brObj.items.length > 64) {
    problems.push(problem('BYTE_RANGE_INVALID', 'error', { reason: 'not an array of numbers' }));
    return sig;
  }
  const nums: number[] = [];
  let allNumbers = true;
  for (const x of brObj.items) {
    if (typeof x === 'number') nums.push(x);
    else if (typeof x === 'object' && x !== null && x.k === 'real') nums.push(x.v);
    else allNumbers = false;
  }
  if (!allNumbers) {
    problems.push(problem('BYTE_RANGE_INVALID', 'error', { reason: 'not an array of numbers' }));
    return sig;
  }
  sig.byteRange = nums;
  const brFail =
    byteRangeFailure(nums, bytes.length) ??
    (brObj.items.every((x) => isInt(x)) ? undefined : 'not all integers (reals are not allowed)');
  if (brFail !== undefined) {
    problems.push(problem('BYTE_RANGE_INVALID', 'error', { reason: brFail, byteRange: nums.join(' ') }));
    return sig;
  }
  let gapFail = inFile
    ? gapFailure(bytes, nums, contents)
    : 'the signature dictionary is not stored directly in the file';
  let dictModified = false;
  if (gapFail !== undefined && src.ref !== undefined) {
    // Spoofing (check 7): the dictionary was re-written after signing, so its /Contents moved;
    // the version in the revision the ByteRange ends may still hold exactly the gap.
    const end = (nums[2] as number) + (nums[3] as number);
    const rv = doc.revisions.find((r) => r.endOffset === end || r.eofOffset === end);
    const older = rv === undefined ? undefined : dictOf(doc.current(src.ref.num, rv.index)?.obj);
    const oc = older?.map.get('Contents');
    if (
      rv !== undefined &&
      older !== undefined &&
      older !== dict &&
      isString(oc) &&
      doc.location(src.ref.num, rv.index)?.kind === 'file' &&
      gapFailure(bytes, nums, oc) === undefined
    ) {
      gapFail = undefined;
      dictModified = true;
      problems.push(
        problem('SIG_DICT_MODIFIED', 'error', {
          object: `${src.ref.num} ${src.ref.gen}`,
          signedRevision: rv.index,
          reason: 'the dictionary was re-written after signing; the signed version is reported',
        }),
      );
      readContents(oc, true);
      readTexts(older, rv.index);
    }
  }
  if (gapFail !== undefined) {
    problems.push(
      problem('CONTENTS_NOT_IN_GAP', 'error', {
        reason: gapFail,
        gapStart: nums[1] as number,
        gapEnd: nums[2] as number,
      }),
    );
    return sig;
  }
  const cov = coverageOf(
    nums,
    bytes.length,
    doc.revisions.map((r) => ({
      index: r.index,
      endOffset: r.endOffset,
      eofOffset: r.eofOffset,
      xrefOffsets: r.sections.flatMap((s) => (s.xrefStm ? [s.offset, s.xrefStm.offset] : [s.offset])),
      startxrefOffset: r.startxrefOffset,
    })),
  );
  sig.coverage = cov.coverage;
  sig.signedRevision = cov.signedRevision;
  if (cov.coverage === 'partial') {
    problems.push(
      problem('COVERAGE_PARTIAL', 'error', {
        signedEnd: (nums[2] as number) + (nums[3] as number),
        fileLength: bytes.length,
      }),
    );
  }
  sig.pageCountSigned = doc.pageCount(cov.signedRevision ?? revision);

  // Check 7: the dictionary as signed equals the dictionary in the final file.
  if (cov.signedRevision !== undefined && owner !== undefined && !dictModified) {
    // A direct dictionary is compared as the holder field's /V.
    const version = (r: number): PdfObject | undefined => {
      const o = doc.current(owner.num, r)?.obj;
      return src.ref === undefined ? dictOf(o)?.map.get('V') : o;
    };
    const atSigning = version(cov.signedRevision);
    const atEnd = version(last);
    if (atSigning === undefined) {
      problems.push(
        problem('SIG_DICT_MODIFIED', 'error', {
          reason: 'not present in the signed revision',
          signedRevision: cov.signedRevision,
        }),
      );
    } else if (!sameObject(atSigning, atEnd, bytes, doc.budget)) {
      problems.push(
        problem('SIG_DICT_MODIFIED', 'error', {
          object: `${owner.num} ${owner.gen}`,
          signedRevision: cov.signedRevision,
        }),
      );
      // Report what was signed, not what a later revision claims.
      const signedDict = dictOf(atSigning);
      if (signedDict !== undefined) readTexts(signedDict, cov.signedRevision);
    }
  }
  return sig;
}
