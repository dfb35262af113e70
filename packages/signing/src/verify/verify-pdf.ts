/**
 * `verifyPdf`: PAdES / PDF CMS signature verification with ETSI indications
 * (signatures.md §9 checks 13–24 and 32, on top of the PDF reader's checks 1–12).
 *
 * @module
 */
import { type HashInput, hashSlices } from '../cms/algorithms.ts';
import { bytesEqual } from '../cms/der.ts';
import { OID, parseSignedData, type SignedData } from '../cms/signed-data.ts';
import { type SignerVerification, verifySigner } from '../cms/verify-signer.ts';
import { SignatureError } from '../errors.ts';
import { readPdfSignatures } from '../pdf/read.ts';
import type { PdfSignatureField, PdfSignatureStructure } from '../pdf/types.ts';
import { collectSources, type RevocationSources } from '../revocation/check.ts';
import { type TimestampVerification, verifyTimestampToken } from '../tsp/timestamp.ts';
import { formatName } from '../x509/name.ts';
import type { TrustAnchors } from '../x509/path.ts';
import type { CertPool } from '../x509/pool.ts';
import { type Finding, failed, indeterminate, warning } from './findings.ts';
import { type Lang, render, value } from './messages.ts';
import type { VerifyOptions } from './options.ts';
import type { ReportProblem, SignatureReport, VerificationReport } from './report.ts';
import {
  applySignatureTimestamps,
  baseSignatureReport,
  certificateChecks,
  cryptoPolicyFindings,
  newSignerState,
  prepareOptions,
  type ResolvedPolicy,
  type SignerState,
  withDisplay,
} from './signer-checks.ts';

export { loadCertificates } from './signer-checks.ts';

/** `[a, b, c, d]` of a ByteRange the signed content can be taken from (two slices inside the file), or undefined. */
export function usableByteRange(
  br: readonly number[] | undefined,
  fileLength: number,
): [number, number, number, number] | undefined {
  if (br?.length !== 4 || !br.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  const [a, b, c, d] = br as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > fileLength) return undefined;
  return [a, b, c, d];
}

/** The two signed slices of a valid ByteRange, or undefined. */
function slicesOf(bytes: Uint8Array, br: readonly number[] | undefined): Uint8Array[] | undefined {
  const r = usableByteRange(br, bytes.length);
  if (r === undefined) return undefined;
  const [a, b, c, d] = r;
  return [bytes.subarray(a, a + b), bytes.subarray(c, c + d)];
}

/** Where {@link verifyPdfStructure} takes the signed content of a ByteRange from. */
export type SignedContentOf = (byteRange: readonly number[] | undefined) => HashInput | undefined;

/** Parses a PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`). */
export function parsePdfDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/.exec(
    s.trim(),
  );
  if (!m) return undefined;
  let t = Date.UTC(
    Number(m[1]),
    Number(m[2] ?? '01') - 1,
    Number(m[3] ?? '01'),
    Number(m[4] ?? '0'),
    Number(m[5] ?? '0'),
    Number(m[6] ?? '0'),
  );
  if (m[7] === '+' || m[7] === '-')
    t -= (m[7] === '-' ? -1 : 1) * (Number(m[8] ?? '0') * 60 + Number(m[9] ?? '0')) * 60_000;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

interface Context {
  content: SignedContentOf;
  lang: Lang;
  validationTime: Date;
  policy: ResolvedPolicy;
  anchors: TrustAnchors;
  pool: CertPool;
  sources: RevocationSources;
  fetcher: VerifyOptions['fetcher'];
  structure: PdfSignatureStructure;
  parsed: (SignedData | Error)[];
  docTimestamps: Map<number, TimestampVerification>;
}

/**
 * Verifies every signature and document timestamp of a PDF. Never throws on a bad document:
 * malformed input yields a report with `valid: false` and problems. Throws `SignatureError`
 * (`INVALID_INPUT`) only when the caller's trust anchors, intermediates or CRLs are unreadable.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { verifyPdf } from '@motcua/signing';
 * const report = await verifyPdf(await readFile('quyet-dinh.signed.pdf'), {
 *   trustAnchors: [await readFile('vnrca256.pem', 'utf8')],
 * });
 * console.log(report.valid, report.signatures.map((s) => [s.signer?.commonName, s.indication]));
 * ```
 * @category Verification
 */
export function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<VerificationReport> {
  return verifyPdfStructure(
    () => readPdfSignatures(bytes, options.pdfLimits),
    options,
    (br) => slicesOf(bytes, br),
  );
}

/**
 * The verification behind {@link verifyPdf} and `verifyPdfFile`: `read` yields the reader's
 * structure, `content` the signed bytes of a ByteRange (slices in memory, or a source streaming
 * them from a file), and `beforeSignatures` (optional) sees the structure and the decoded CMS of
 * every signature before any is verified — the file reader hashes all ranges in one pass there.
 */
export async function verifyPdfStructure(
  read: () => PdfSignatureStructure,
  options: VerifyOptions,
  content: SignedContentOf,
  beforeSignatures?: (structure: PdfSignatureStructure, parsed: readonly (SignedData | Error)[]) => void,
): Promise<VerificationReport> {
  const { lang, validationTime, policy, anchors, pool, crls: callerCrls, ocsps: callerOcsps } = prepareOptions(options);

  let structure: PdfSignatureStructure;
  try {
    structure = read();
  } catch (cause) {
    // The reader promises not to throw; keep the promise of this function regardless.
    const message = render('PDF_UNREADABLE', lang);
    return {
      valid: false,
      format: 'pdf',
      lang,
      validationTime: validationTime.toISOString(),
      summary: value('documentInvalid', lang),
      modifiedAfterLastSignature: false,
      signatures: [],
      problems: [
        {
          code: 'PDF_UNREADABLE',
          severity: 'error',
          message: `${message} (${String((cause as Error)?.message ?? cause)})`,
        },
      ],
    };
  }
  if (structure.dss) pool.addDer(structure.dss.certs);

  const raw: { crls: Uint8Array[]; ocsps: Uint8Array[]; origin: 'cms' | 'dss' | 'caller' }[] = [
    { crls: callerCrls, ocsps: callerOcsps, origin: 'caller' },
  ];
  if (structure.dss) raw.push({ crls: structure.dss.crls, ocsps: structure.dss.ocsps, origin: 'dss' });
  const parsed = structure.signatures.map((sig): SignedData | Error => {
    if (!sig.contents) return new Error('no contents');
    try {
      const sd = parseSignedData(sig.contents);
      if (pool.addDer(sd.certificates).failed > 0)
        return new SignatureError('CERTIFICATE_MALFORMED', 'a certificate in the CMS is malformed');
      raw.push({ crls: sd.crls, ocsps: sd.ocsps, origin: 'cms' });
      return sd;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
  const sources = collectSources(raw);
  beforeSignatures?.(structure, parsed);
  const ctx: Context = {
    content,
    lang,
    validationTime,
    policy,
    anchors,
    pool,
    sources,
    fetcher: options.fetcher,
    structure,
    parsed,
    docTimestamps: new Map(),
  };
  // Document timestamps first: they are proofs of existence for the signatures they cover.
  structure.signatures.forEach((sig, i) => {
    const sd = parsed[i];
    const slices = content(sig.byteRange);
    if (sig.type === 'doc-timestamp' && sig.contents && slices && !(sd instanceof Error))
      ctx.docTimestamps.set(
        i,
        verifyTimestampToken(sig.contents, slices, { pool, anchors, derOrder: policy.signedAttributesOrder }),
      );
  });

  const signatures: SignatureReport[] = [];
  for (let i = 0; i < structure.signatures.length; i++) signatures.push(await signatureReport(ctx, i));

  // Document level
  const problems: ReportProblem[] = [];
  for (const p of structure.problems)
    problems.push({ code: p.code, severity: p.severity, message: lang === 'vi' ? p.message.vi : p.message.en });
  const realSignatures = signatures.filter((s) => s.type === 'signature');
  if (realSignatures.length === 0)
    problems.push({ code: 'NO_SIGNATURES', severity: 'error', message: render('NO_SIGNATURES', lang) });
  for (const s of signatures)
    if (s.type === 'doc-timestamp' && s.indication === 'INDETERMINATE')
      problems.push({
        code: 'DOC_TIMESTAMP_NOT_TRUSTED',
        severity: 'warning',
        message: render('DOC_TIMESTAMP_NOT_TRUSTED', lang, { index: String(s.index) }),
      });
  const modified = modifiedAfterLast(structure);
  if (modified)
    problems.push({ code: 'DOCUMENT_MODIFIED', severity: 'error', message: render('DOCUMENT_MODIFIED', lang) });
  const valid =
    structure.ok &&
    realSignatures.length > 0 &&
    realSignatures.every((s) => s.indication === 'TOTAL_PASSED') &&
    !signatures.some((s) => s.type === 'doc-timestamp' && s.indication === 'TOTAL_FAILED') &&
    !modified &&
    !problems.some((p) => p.severity === 'error');
  return {
    valid,
    format: 'pdf',
    lang,
    validationTime: validationTime.toISOString(),
    summary: value(valid ? 'documentValid' : 'documentInvalid', lang),
    modifiedAfterLastSignature: modified,
    signatures,
    problems,
  };
}

/** Whether anything other than validation data (DSS / VRI) changed after the last signature or document timestamp. */
function modifiedAfterLast(structure: PdfSignatureStructure): boolean {
  let last: PdfSignatureField | undefined;
  let lastEnd = -1;
  for (const s of structure.signatures) {
    const br = s.byteRange;
    if (br?.length !== 4 || s.coverage === 'invalid') continue;
    const end = (br[2] as number) + (br[3] as number);
    if (end > lastEnd) {
      lastEnd = end;
      last = s;
    }
  }
  if (
    structure.signatures.some((s) =>
      s.problems.some((p) => p.code === 'MODIFIED_AFTER_SIGNING' && p.severity === 'error'),
    )
  )
    return true;
  if (!last) return false;
  if (last.coverage === 'partial') return true;
  return last.modificationsAfter.some((m) => m.kind !== 'dss' && m.kind !== 'doc-timestamp');
}

/**
 * PDF reader problems → findings. Unsigned later changes are a property of the document, not of the
 * signature's cryptography: they make the report invalid (DOCUMENT_MODIFIED) and are listed on the
 * signature, but leave its ETSI indication to the CMS / chain checks (DSS UndefinedChanges). Page-count
 * changes, DocMDP / FieldMDP violations and byte-range defects fail the signature (DSS level FAIL).
 * Non-zero bytes after the CMS inside /Contents are outside the signed bytes: a warning (DSS-2155).
 */
function toFinding(p: PdfSignatureField['problems'][number]): Finding {
  if (p.severity !== 'error' || p.code === 'NON_ZERO_PADDING') return { code: p.code, message: p.message };
  if (p.code === 'MODIFIED_AFTER_SIGNING') return { code: p.code, documentLevel: true, message: p.message };
  return { code: p.code, indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', message: p.message };
}

async function signatureReport(ctx: Context, i: number): Promise<SignatureReport> {
  const sig = ctx.structure.signatures[i] as PdfSignatureField;
  const state = newSignerState();
  const findings = state.findings;
  findings.push(...sig.problems.map(toFinding));
  const slices = ctx.content(sig.byteRange);
  const sd = ctx.parsed[i];
  if (!sig.contents || !slices) {
    if (!findings.some((f) => f.indication)) findings.push(failed('CMS_MISSING', 'FORMAT_FAILURE'));
  } else if (sd instanceof Error || sd === undefined) {
    findings.push(
      failed(
        sd instanceof SignatureError && sd.code === 'CERTIFICATE_MALFORMED'
          ? 'CMS_CERTIFICATE_MALFORMED'
          : 'CMS_MALFORMED',
        'FORMAT_FAILURE',
      ),
    );
  } else if (sig.type === 'doc-timestamp') {
    docTimestamp(ctx, i, state);
  } else {
    await signature(ctx, sig, sd, slices, state);
  }
  return buildReport(ctx, sig, state);
}

/** Integrity and algorithms of a CMS signer verification, as the report shows them. */
function fromVerification(state: SignerState, v: SignerVerification | undefined): void {
  state.integrity = { digestMatches: v?.digestMatches ?? false, signatureValid: v?.signatureValid ?? false };
  const algorithms: SignatureReport['algorithms'] = {};
  if (v?.digest) algorithms.digest = v.digest.name;
  if (v?.signatureAlgorithm) algorithms.signature = v.signatureAlgorithm.name;
  if (v?.key) {
    algorithms.keyBits = v.key.bits;
    algorithms.keyType = v.key.type;
  }
  state.algorithms = algorithms;
}

function docTimestamp(ctx: Context, i: number, state: SignerState): void {
  const ts = ctx.docTimestamps.get(i) as TimestampVerification;
  state.findings.push(...ts.findings);
  fromVerification(state, ts.signer);
  if (ts.signer?.signerCert) state.signer = ts.signer.signerCert;
  if (ts.path) {
    state.chain = ts.path.chain;
    state.trusted = ts.path.status === 'valid';
  } else if (ts.intact && ts.signer?.signerCert) state.chain = [ts.signer.signerCert];
  if (ts.tstInfo) {
    state.claimed = ts.tstInfo.genTime;
    if (ts.trusted) {
      state.proven = ts.tstInfo.genTime;
      state.timeSource = 'document-timestamp';
    }
  }
  if (ts.intact && !ts.trusted && !state.findings.some((f) => f.indication))
    state.findings.push(
      indeterminate('NO_CERTIFICATE_CHAIN', 'NO_CERTIFICATE_CHAIN_FOUND', {
        issuer: state.signer ? formatName(state.signer.issuer) : '?',
      }),
    );
}

async function signature(
  ctx: Context,
  sig: PdfSignatureField,
  sd: SignedData,
  slices: HashInput,
  state: SignerState,
): Promise<void> {
  const f = state.findings;
  const sha1Sub = sig.subFilter === 'adbe.pkcs7.sha1';
  const v = verifySigner(sd, {
    pool: ctx.pool,
    content: sha1Sub ? { kind: 'attached' } : { kind: 'detached', slices },
    expectedContentType: OID.data,
    derOrder: ctx.policy.signedAttributesOrder,
    requireEss: sig.subFilter === 'ETSI.CAdES.detached',
  });
  f.push(...v.findings);
  if (sha1Sub) {
    // check 17: the attached eContent is SHA-1 of the ByteRange data
    const sha1 = hashSlices({ oid: '1.3.14.3.2.26', name: 'SHA-1', node: 'sha1', size: 20 }, slices);
    if (!sd.eContent || !bytesEqual(sd.eContent, sha1)) {
      f.push(failed('SHA1_CONTENT_MISMATCH', 'HASH_FAILURE'));
      v.digestMatches = false;
    }
  }
  fromVerification(state, v);
  if (v.signerCert) state.signer = v.signerCert;
  const claimed = v.signingTime ?? parsePdfDate(sig.claimedSigningTime);
  if (claimed) state.claimed = claimed;

  // Signature timestamps (check 21)
  const si = v.signerInfo;
  const tsResults = si
    ? v.signatureTimestamps.map((t) =>
        verifyTimestampToken(t, [si.signature], {
          pool: ctx.pool,
          anchors: ctx.anchors,
          derOrder: ctx.policy.signedAttributesOrder,
        }),
      )
    : [];
  let proven = applySignatureTimestamps(state, tsResults);
  // Document timestamps covering this signature are proofs of existence too.
  const sigEnd = (sig.byteRange?.[2] ?? 0) + (sig.byteRange?.[3] ?? 0);
  for (const [j, ts] of ctx.docTimestamps) {
    const d = ctx.structure.signatures[j] as PdfSignatureField;
    const dEnd = (d.byteRange?.[2] ?? 0) + (d.byteRange?.[3] ?? 0);
    if (dEnd < sigEnd || !ts.trusted || !ts.tstInfo) continue;
    // check 24: the signature timestamp must precede the document timestamp
    if (proven && proven.getTime() > ts.tstInfo.genTime.getTime())
      f.push(indeterminate('TIMESTAMP_ORDER_FAILURE', 'TIMESTAMP_ORDER_FAILURE'));
    if (!proven || (state.timeSource === 'document-timestamp' && ts.tstInfo.genTime < proven)) {
      proven = ts.tstInfo.genTime;
      state.timeSource = 'document-timestamp';
    }
  }
  // check 24: a content timestamp (signed attribute) must precede the signature timestamp
  const contentTs = si?.signedAttrs?.attributes.find((a) => a.oid === OID.contentTimeStamp);
  if (contentTs && proven && state.timeSource === 'signature-timestamp') {
    for (const val of contentTs.values) {
      const raw = Uint8Array.from(val.buf.subarray(val.start, val.end));
      const cts = verifyTimestampToken(raw, slices, {
        pool: ctx.pool,
        anchors: ctx.anchors,
        derOrder: ctx.policy.signedAttributesOrder,
      });
      if (cts.tstInfo && cts.intact && cts.tstInfo.genTime.getTime() > proven.getTime())
        f.push(indeterminate('TIMESTAMP_ORDER_FAILURE', 'TIMESTAMP_ORDER_FAILURE'));
    }
  }
  if (proven) state.proven = proven;
  else {
    state.timeSource = state.claimed ? 'claimed' : 'validation-time';
    f.push(warning('SIGNING_TIME_UNPROVEN'));
  }

  // Crypto policy (check 18)
  f.push(
    ...cryptoPolicyFindings(
      ctx.policy,
      { time: state.proven ?? ctx.validationTime, proven: state.proven !== undefined },
      [v.digest, v.signatureAlgorithm?.digest],
      v.key,
    ),
  );

  // Certificates (checks 19, 20, 22) and revocation (check 23). Only the signed signingTime
  // attribute counts against notBefore: /M is unsigned and often carries a wrong time zone.
  const leaf = v.signerCert;
  if (!leaf) return;
  await certificateChecks(ctx, leaf, state, v.signingTime);
}

function buildReport(ctx: Context, sig: PdfSignatureField, s: SignerState): SignatureReport {
  const report = baseSignatureReport(s, { index: sig.index, type: sig.type, coverage: sig.coverage }, ctx.lang);
  report.modificationsAfter = sig.modificationsAfter;
  if (sig.fieldName !== undefined) report.fieldName = sig.fieldName;
  if (sig.subFilter !== undefined) report.subFilter = sig.subFilter;
  if (sig.byteRange) report.byteRange = sig.byteRange;
  if (sig.signedRevision !== undefined) report.signedRevision = sig.signedRevision;
  if (sig.reason !== undefined) report.reason = sig.reason;
  if (sig.location !== undefined) report.location = sig.location;
  return withDisplay(report, s, ctx.lang);
}
