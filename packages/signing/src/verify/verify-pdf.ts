/**
 * `verifyPdf`: PAdES / PDF CMS signature verification with ETSI indications
 * (signatures.md §9 checks 13–24 and 32, on top of the PDF reader's checks 1–12).
 *
 * @module
 */
import { hashSlices } from '../cms/algorithms.ts';
import { bytesEqual } from '../cms/der.ts';
import { OID, parseSignedData, type SignedData } from '../cms/signed-data.ts';
import { type SignerVerification, verifySigner } from '../cms/verify-signer.ts';
import { SignatureError } from '../errors.ts';
import { readPdfSignatures } from '../pdf/index.ts';
import type { PdfSignatureField, PdfSignatureStructure } from '../pdf/types.ts';
import {
  type CertificateRevocation,
  checkRevocation,
  collectSources,
  type RevocationSources,
} from '../revocation/check.ts';
import { type TimestampVerification, verifyTimestampToken } from '../tsp/timestamp.ts';
import { type Certificate, parseCertificate } from '../x509/certificate.ts';
import { formatName, nameAttribute } from '../x509/name.ts';
import { type PathResult, TrustAnchors, validatePath } from '../x509/path.ts';
import { type BinaryOrPem, pemOrDer } from '../x509/pem.ts';
import { CertPool } from '../x509/pool.ts';
import { type Finding, failed, indeterminate, resolveIndication, warning } from './findings.ts';
import { type Lang, label, render, value } from './messages.ts';
import type { VerifyOptions, VerifyPolicy } from './options.ts';
import type {
  CertificateSummary,
  DisplayField,
  ReportProblem,
  SignatureReport,
  SignerSummary,
  VerificationReport,
} from './report.ts';

const DAY = 86_400_000;

type ResolvedPolicy = Required<VerifyPolicy>;

function resolvePolicy(p: VerifyPolicy | undefined): ResolvedPolicy {
  return {
    sha1AllowedBefore: p?.sha1AllowedBefore ?? new Date('2012-08-01T00:00:00Z'),
    rsaMinBits: p?.rsaMinBits ?? 2048,
    ecMinBits: p?.ecMinBits ?? 256,
    legacyRsaAllowedBefore: p?.legacyRsaAllowedBefore ?? new Date('2019-10-01T00:00:00Z'),
    revocation: p?.revocation ?? 'require',
    revocationMaxAgeMs: p?.revocationMaxAgeMs ?? 7 * DAY,
    signedAttributesOrder: p?.signedAttributesOrder ?? 'fail',
  };
}

/** Decodes caller-supplied certificates. @throws {SignatureError} `INVALID_INPUT` */
export function loadCertificates(inputs: readonly BinaryOrPem[] | undefined, what: string): Certificate[] {
  const out: Certificate[] = [];
  for (const input of inputs ?? []) {
    let ders: Uint8Array[];
    try {
      ders = pemOrDer(input, ['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);
    } catch (cause) {
      throw new SignatureError('INVALID_INPUT', `${what}: not a PEM or DER certificate`, { cause });
    }
    for (const der of ders) {
      try {
        out.push(parseCertificate(der));
      } catch (cause) {
        throw new SignatureError('INVALID_INPUT', `${what}: certificate could not be decoded`, { cause });
      }
    }
  }
  return out;
}

/** The two signed slices of a valid ByteRange, or undefined. */
function slicesOf(bytes: Uint8Array, br: readonly number[] | undefined): Uint8Array[] | undefined {
  if (br?.length !== 4 || !br.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  const [a, b, c, d] = br as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length) return undefined;
  return [bytes.subarray(a, a + b), bytes.subarray(c, c + d)];
}

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
  bytes: Uint8Array;
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
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<VerificationReport> {
  const lang: Lang = options.lang ?? 'vi';
  const validationTime = options.validationTime ?? new Date();
  if (Number.isNaN(validationTime.getTime()))
    throw new SignatureError('INVALID_OPTIONS', 'validationTime is not a valid date');
  const policy = resolvePolicy(options.policy);
  const anchors = new TrustAnchors(loadCertificates(options.trustAnchors, 'trust anchor'));
  const pool = new CertPool();
  for (const a of anchors.all()) pool.add(a);
  for (const c of loadCertificates(options.intermediates, 'intermediate')) pool.add(c);
  const callerCrls: Uint8Array[] = [];
  for (const c of options.crls ?? []) {
    try {
      callerCrls.push(...pemOrDer(c, ['X509 CRL', 'CRL']));
    } catch (cause) {
      throw new SignatureError('INVALID_INPUT', 'CRL: not PEM or DER', { cause });
    }
  }

  let structure: PdfSignatureStructure;
  try {
    structure = readPdfSignatures(bytes, options.pdfLimits);
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
    { crls: callerCrls, ocsps: [...(options.ocspResponses ?? [])], origin: 'caller' },
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
  const ctx: Context = {
    bytes,
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
    const slices = slicesOf(bytes, sig.byteRange);
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
  const findings: Finding[] = sig.problems.map(toFinding);
  const slices = slicesOf(ctx.bytes, sig.byteRange);
  const sd = ctx.parsed[i];
  const state: Built = { findings, chain: [], trusted: false, timeSource: 'validation-time' };
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

interface Built {
  findings: Finding[];
  signer?: Certificate;
  verification?: SignerVerification;
  chain: Certificate[];
  trusted: boolean;
  claimed?: Date;
  proven?: Date;
  timeSource: SignatureReport['timeSource'];
  timestamp?: SignatureReport['timestamp'];
  revocation?: { certificates: CertificateRevocation[]; checkedAt: Date };
}

function docTimestamp(ctx: Context, i: number, state: Built): void {
  const ts = ctx.docTimestamps.get(i) as TimestampVerification;
  state.findings.push(...ts.findings);
  if (ts.signer) state.verification = ts.signer;
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
  slices: Uint8Array[],
  state: Built,
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
  state.verification = v;
  f.push(...v.findings);
  if (sha1Sub) {
    // check 17: the attached eContent is SHA-1 of the ByteRange data
    const sha1 = hashSlices({ oid: '1.3.14.3.2.26', name: 'SHA-1', node: 'sha1', size: 20 }, slices);
    if (!sd.eContent || !bytesEqual(sd.eContent, sha1)) {
      f.push(failed('SHA1_CONTENT_MISMATCH', 'HASH_FAILURE'));
      v.digestMatches = false;
    }
  }
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
  let proven: Date | undefined;
  for (const ts of tsResults) {
    if (!ts.intact) {
      f.push(indeterminate('SIGNATURE_TIMESTAMP_INVALID', 'SIG_CONSTRAINTS_FAILURE'));
      for (const x of ts.findings) if (x.indication) f.push(x.params ? warning(x.code, x.params) : warning(x.code));
    } else if (!ts.trusted) f.push(warning('SIGNATURE_TIMESTAMP_UNTRUSTED'));
    else if (ts.tstInfo && (!proven || ts.tstInfo.genTime < proven)) proven = ts.tstInfo.genTime;
  }
  const firstTs = tsResults[0];
  if (firstTs) {
    const t: NonNullable<SignatureReport['timestamp']> = { intact: firstTs.intact, trusted: firstTs.trusted };
    if (firstTs.tstInfo) t.genTime = firstTs.tstInfo.genTime.toISOString();
    if (firstTs.tsa) t.authority = firstTs.tsa;
    state.timestamp = t;
  }
  if (proven) state.timeSource = 'signature-timestamp';
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
  cryptoPolicy(ctx, v, state);

  // Certificates (checks 19, 20, 22)
  const leaf = v.signerCert;
  if (!leaf) return;
  const chainTime = proven ?? ctx.validationTime;
  const path: PathResult = validatePath(leaf, {
    pool: ctx.pool,
    anchors: ctx.anchors,
    time: chainTime,
    purpose: 'signer',
  });
  state.chain = path.chain;
  state.trusted = path.status !== 'no-chain';
  f.push(...path.findings);
  const when = chainTime.toISOString();
  for (const o of path.outOfValidity) {
    if (o.index === 0) {
      if (proven)
        f.push(
          o.reason === 'expired'
            ? failed('SIGNER_CERT_EXPIRED', 'EXPIRED', { time: when })
            : failed('SIGNER_CERT_NOT_YET_VALID', 'NOT_YET_VALID', { time: when }),
        );
      else f.push(indeterminate('SIGNER_CERT_OUT_OF_BOUNDS_NO_POE', 'OUT_OF_BOUNDS_NO_POE', { time: when }));
    } else
      f.push(
        indeterminate(
          'CA_CERT_OUT_OF_VALIDITY',
          proven ? 'CERTIFICATE_CHAIN_GENERAL_FAILURE' : 'OUT_OF_BOUNDS_NO_POE',
          {
            subject: formatName(o.cert.subject),
            time: when,
          },
        ),
      );
  }
  // A signed signing-time before the certificate existed cannot be right (ETSI NOT_YET_VALID). Only the
  // signed attribute counts: /M is unsigned and often carries a wrong time zone.
  if (!proven && v.signingTime && v.signingTime.getTime() < leaf.notBefore.getTime())
    f.push(failed('SIGNER_CERT_NOT_YET_VALID', 'NOT_YET_VALID', { time: v.signingTime.toISOString() }));

  // Revocation (check 23)
  if (path.status === 'valid' && path.chain.length > 1) {
    const claimed =
      state.claimed && state.claimed.getTime() <= ctx.validationTime.getTime() ? state.claimed : undefined;
    const statusTime = proven ?? claimed ?? ctx.validationTime;
    const r = await checkRevocation(path.chain, {
      time: statusTime,
      proven: proven !== undefined,
      validationTime: ctx.validationTime,
      sources: ctx.sources,
      fetcher: ctx.fetcher,
      maxAgeMs: ctx.policy.revocationMaxAgeMs,
      mode: ctx.policy.revocation,
    });
    f.push(...r.findings);
    state.revocation = { certificates: r.certificates, checkedAt: statusTime };
  }
}

function cryptoPolicy(ctx: Context, v: SignerVerification, state: Built): void {
  const t = state.proven ?? ctx.validationTime;
  const sub = state.proven ? 'CRYPTO_CONSTRAINTS_FAILURE' : 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE';
  const weak = new Set(['SHA-1', 'RIPEMD-160']);
  for (const d of [v.digest, v.signatureAlgorithm?.digest]) {
    if (d && weak.has(d.name) && t.getTime() >= ctx.policy.sha1AllowedBefore.getTime()) {
      state.findings.push(indeterminate('CRYPTO_ALGORITHM_EXPIRED', sub, { algorithm: d.name, time: t.toISOString() }));
      break;
    }
  }
  const key = v.key;
  if (key && (key.type === 'rsa' || key.type === 'rsa-pss' || key.type === 'ec')) {
    const min = key.type === 'ec' ? ctx.policy.ecMinBits : ctx.policy.rsaMinBits;
    if (key.bits < min && t.getTime() >= ctx.policy.legacyRsaAllowedBefore.getTime())
      state.findings.push(
        indeterminate('CRYPTO_KEY_TOO_SHORT', sub, { bits: String(key.bits), min: String(min), time: t.toISOString() }),
      );
  }
}

function summary(cert: Certificate): CertificateSummary {
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serialNumber: cert.serialHex,
    validFrom: cert.notBefore.toISOString(),
    validTo: cert.notAfter.toISOString(),
    sha256: cert.sha256,
  };
}

function signerSummary(cert: Certificate): SignerSummary {
  const s: SignerSummary = {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    certificateSerialNumber: cert.serialHex,
    validFrom: cert.notBefore.toISOString(),
    validTo: cert.notAfter.toISOString(),
  };
  const put = (
    k: 'commonName' | 'organization' | 'organizationalUnit' | 'serialNumber' | 'uid',
    v: string | undefined,
  ): void => {
    if (v !== undefined) s[k] = v;
  };
  put('commonName', nameAttribute(cert.subject, 'CN'));
  put('organization', nameAttribute(cert.subject, 'O'));
  put('organizationalUnit', nameAttribute(cert.subject, 'OU'));
  put('serialNumber', nameAttribute(cert.subject, 'serialNumber'));
  put('uid', nameAttribute(cert.subject, 'UID'));
  const ca = nameAttribute(cert.issuer, 'CN') ?? nameAttribute(cert.issuer, 'O');
  if (ca !== undefined) s.caName = ca;
  return s;
}

function toProblem(fd: Finding, lang: Lang): ReportProblem {
  const message = fd.message ? (lang === 'vi' ? fd.message.vi : fd.message.en) : render(fd.code, lang, fd.params);
  const p: ReportProblem = {
    code: fd.code,
    severity: fd.indication || fd.documentLevel ? 'error' : 'warning',
    message,
  };
  if (fd.indication) p.indication = fd.indication;
  if (fd.subIndication) p.subIndication = fd.subIndication;
  return p;
}

function fmtTime(d: Date, lang: Lang): string {
  // Vietnam time (UTC+7) for display; the ISO instant stays in the structured fields.
  const local = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const clock = `${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`;
  return lang === 'vi' ? `${clock} ngày ${date} (GMT+7)` : `${date} ${clock} (GMT+7)`;
}

function buildReport(ctx: Context, sig: PdfSignatureField, s: Built): SignatureReport {
  const { lang } = ctx;
  const { indication, subIndication } = resolveIndication(s.findings);
  const problems = s.findings.map((fd) => toProblem(fd, lang));
  const v = s.verification;
  const revCerts = s.revocation?.certificates ?? [];
  const revStatus: SignatureReport['revocation']['status'] = !s.revocation
    ? 'not-checked'
    : revCerts.some((c) => c.status === 'revoked')
      ? 'revoked'
      : revCerts.some((c) => c.status === 'unknown')
        ? 'unknown'
        : 'good';
  const revocation: SignatureReport['revocation'] = { status: revStatus, certificates: revCerts };
  if (s.revocation) revocation.checkedAt = s.revocation.checkedAt.toISOString();
  const algorithms: SignatureReport['algorithms'] = {};
  if (v?.digest) algorithms.digest = v.digest.name;
  if (v?.signatureAlgorithm) algorithms.signature = v.signatureAlgorithm.name;
  if (v?.key) {
    algorithms.keyBits = v.key.bits;
    algorithms.keyType = v.key.type;
  }
  const report: SignatureReport = {
    index: sig.index,
    type: sig.type,
    indication,
    chain: s.chain.map(summary),
    trusted: s.trusted,
    timeSource: s.timeSource,
    algorithms,
    integrity: { digestMatches: v?.digestMatches ?? false, signatureValid: v?.signatureValid ?? false },
    coverage: sig.coverage,
    modificationsAfter: sig.modificationsAfter,
    revocation,
    display: [],
    warnings: problems.filter((p) => p.severity === 'warning').map((p) => ({ key: p.code, message: p.message })),
    problems,
  };
  if (subIndication) report.subIndication = subIndication;
  if (sig.fieldName !== undefined) report.fieldName = sig.fieldName;
  if (sig.subFilter !== undefined) report.subFilter = sig.subFilter;
  if (s.signer) report.signer = signerSummary(s.signer);
  if (s.claimed) report.claimedSigningTime = s.claimed.toISOString();
  if (s.proven) report.provenSigningTime = s.proven.toISOString();
  if (s.timestamp) report.timestamp = s.timestamp;
  if (sig.byteRange) report.byteRange = sig.byteRange;
  if (sig.signedRevision !== undefined) report.signedRevision = sig.signedRevision;
  if (sig.reason !== undefined) report.reason = sig.reason;
  if (sig.location !== undefined) report.location = sig.location;
  report.display = display(report, s, lang);
  return report;
}

/** The display fields of TT 15/2025/TT-BKHCN (signatures.md §1.4). */
function display(r: SignatureReport, s: Built, lang: Lang): DisplayField[] {
  const rows: DisplayField[] = [];
  const add = (field: string, v: string): void => {
    rows.push({ field, label: label(field, lang), value: v });
  };
  add('result', value(r.indication, lang) + (r.subIndication ? ` (${r.subIndication})` : ''));
  if (r.signer) {
    add('signer', r.signer.commonName ?? r.signer.subject);
    add('organization', r.signer.organization ?? r.signer.organizationalUnit ?? '—');
    add('issuer', r.signer.caName ?? r.signer.issuer);
  }
  const time = s.proven ?? s.claimed;
  if (time) add('signingTime', `${fmtTime(time, lang)} ${value(s.proven ? 'proven' : 'claimed', lang)}`);
  if (r.timestamp?.genTime)
    add(
      'timestamp',
      `${fmtTime(new Date(r.timestamp.genTime), lang)}${r.timestamp.authority ? ` — ${r.timestamp.authority}` : ''}`,
    );
  const hashFailed = r.problems.some(
    (p) => p.subIndication === 'HASH_FAILURE' || p.subIndication === 'SIG_CRYPTO_FAILURE',
  );
  add(
    'integrity',
    value(
      hashFailed
        ? 'notIntact'
        : r.integrity.digestMatches && r.integrity.signatureValid
          ? 'intact'
          : 'unknownIntegrity',
      lang,
    ),
  );
  if (s.signer) {
    const outOfBounds = r.problems.some((p) =>
      ['EXPIRED', 'NOT_YET_VALID', 'OUT_OF_BOUNDS_NO_POE', 'REVOKED', 'REVOKED_NO_POE'].includes(p.subIndication ?? ''),
    );
    add(
      'validityAtSigning',
      value(outOfBounds ? 'notValidAtSigning' : r.trusted ? 'validAtSigning' : 'unknownValidity', lang),
    );
    add(
      'certificateValidity',
      `${fmtTime(s.signer.notBefore, lang)} ${value('to', lang)} ${fmtTime(s.signer.notAfter, lang)}`,
    );
  }
  add('revocation', value(r.revocation.status, lang));
  add('coverage', value(r.coverage, lang));
  return rows;
}
