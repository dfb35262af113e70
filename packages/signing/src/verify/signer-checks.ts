/**
 * The format-neutral half of verification: option handling, the dated crypto policy, the signer's
 * certification path, validity at the best-signature-time, revocation, and the report entry with
 * the TT 15/2025 display fields. PDF (CMS), XML (XMLDSig) and JWS signatures all end here once
 * their own container and cryptographic checks are done, so every format follows the same rules
 * (signatures.md §9 checks 18–24 and 32).
 *
 * @module
 */
import type { Digest, PublicKey } from '../cms/algorithms.ts';
import { SignatureError } from '../errors.ts';
import {
  type CertificateRevocation,
  checkRevocation,
  type RevocationFetcher,
  type RevocationSources,
} from '../revocation/check.ts';
import type { TimestampVerification } from '../tsp/timestamp.ts';
import { type Certificate, parseCertificate } from '../x509/certificate.ts';
import { formatName, nameAttribute } from '../x509/name.ts';
import { type PathResult, TrustAnchors, validatePath } from '../x509/path.ts';
import { type BinaryOrPem, pemOrDer } from '../x509/pem.ts';
import { CertPool } from '../x509/pool.ts';
import { type Finding, failed, indeterminate, resolveIndication, warning } from './findings.ts';
import { type Lang, label, render, value } from './messages.ts';
import type { VerifyOptions, VerifyPolicy } from './options.ts';
import type { CertificateSummary, DisplayField, ReportProblem, SignatureReport, SignerSummary } from './report.ts';

const DAY = 86_400_000;

/** The policy with every default filled in. */
export type ResolvedPolicy = Required<VerifyPolicy>;

/** Fills in the policy defaults. */
export function resolvePolicy(p: VerifyPolicy | undefined): ResolvedPolicy {
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

/** The caller's options, decoded once per document. */
export interface PreparedOptions {
  lang: Lang;
  validationTime: Date;
  policy: ResolvedPolicy;
  anchors: TrustAnchors;
  /** Anchors and intermediates; each format adds the certificates its document carries. */
  pool: CertPool;
  /** Caller CRLs (DER). */
  crls: Uint8Array[];
  /** Caller OCSP responses (DER). */
  ocsps: Uint8Array[];
  fetcher: RevocationFetcher | undefined;
}

/**
 * Decodes trust anchors, intermediates and CRLs and resolves the policy.
 *
 * @throws {SignatureError} `INVALID_INPUT` for unreadable anchors / intermediates / CRLs, `INVALID_OPTIONS` for a bad validation time.
 */
export function prepareOptions(options: VerifyOptions): PreparedOptions {
  const validationTime = options.validationTime ?? new Date();
  if (Number.isNaN(validationTime.getTime()))
    throw new SignatureError('INVALID_OPTIONS', 'validationTime is not a valid date');
  const anchors = new TrustAnchors(loadCertificates(options.trustAnchors, 'trust anchor'));
  const pool = new CertPool();
  for (const a of anchors.all()) pool.add(a);
  for (const c of loadCertificates(options.intermediates, 'intermediate')) pool.add(c);
  const crls: Uint8Array[] = [];
  for (const c of options.crls ?? []) {
    try {
      crls.push(...pemOrDer(c, ['X509 CRL', 'CRL']));
    } catch (cause) {
      throw new SignatureError('INVALID_INPUT', 'CRL: not PEM or DER', { cause });
    }
  }
  return {
    lang: options.lang ?? 'vi',
    validationTime,
    policy: resolvePolicy(options.policy),
    anchors,
    pool,
    crls,
    ocsps: [...(options.ocspResponses ?? [])],
    fetcher: options.fetcher,
  };
}

/** What the format-specific checks found out about one signature, before the report is built. */
export interface SignerState {
  findings: Finding[];
  signer?: Certificate;
  chain: Certificate[];
  trusted: boolean;
  claimed?: Date;
  proven?: Date;
  timeSource: SignatureReport['timeSource'];
  timestamp?: SignatureReport['timestamp'];
  revocation?: { certificates: CertificateRevocation[]; checkedAt: Date };
  /** Cryptographic integrity as established by the format. */
  integrity: { digestMatches: boolean; signatureValid: boolean };
  algorithms: SignatureReport['algorithms'];
}

/** A fresh state. */
export function newSignerState(): SignerState {
  return {
    findings: [],
    chain: [],
    trusted: false,
    timeSource: 'validation-time',
    integrity: { digestMatches: false, signatureValid: false },
    algorithms: {},
  };
}

/**
 * The dated cryptographic policy (check 18): weak digests and short keys are accepted only for
 * signatures proven to exist before the sunset.
 */
export function cryptoPolicyFindings(
  policy: ResolvedPolicy,
  at: { time: Date; proven: boolean },
  digests: readonly (Digest | undefined)[],
  key: PublicKey | undefined,
): Finding[] {
  const out: Finding[] = [];
  const t = at.time;
  const sub = at.proven ? 'CRYPTO_CONSTRAINTS_FAILURE' : 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE';
  const weak = new Set(['SHA-1', 'RIPEMD-160']);
  for (const d of digests) {
    if (d && weak.has(d.name) && t.getTime() >= policy.sha1AllowedBefore.getTime()) {
      out.push(indeterminate('CRYPTO_ALGORITHM_EXPIRED', sub, { algorithm: d.name, time: t.toISOString() }));
      break;
    }
  }
  if (key && (key.type === 'rsa' || key.type === 'rsa-pss' || key.type === 'ec')) {
    const min = key.type === 'ec' ? policy.ecMinBits : policy.rsaMinBits;
    if (key.bits < min && t.getTime() >= policy.legacyRsaAllowedBefore.getTime())
      out.push(
        indeterminate('CRYPTO_KEY_TOO_SHORT', sub, { bits: String(key.bits), min: String(min), time: t.toISOString() }),
      );
  }
  return out;
}

/**
 * Signature timestamps (check 21): an intact token from a trusted TSA proves the signature existed at
 * its genTime; the earliest such time is returned. The first token is described in `state.timestamp`.
 */
export function applySignatureTimestamps(
  state: SignerState,
  results: readonly TimestampVerification[],
): Date | undefined {
  const f = state.findings;
  let proven: Date | undefined;
  for (const ts of results) {
    if (!ts.intact) {
      f.push(indeterminate('SIGNATURE_TIMESTAMP_INVALID', 'SIG_CONSTRAINTS_FAILURE'));
      for (const x of ts.findings) if (x.indication) f.push(x.params ? warning(x.code, x.params) : warning(x.code));
    } else if (!ts.trusted) f.push(warning('SIGNATURE_TIMESTAMP_UNTRUSTED'));
    else if (ts.tstInfo && (!proven || ts.tstInfo.genTime < proven)) proven = ts.tstInfo.genTime;
  }
  const first = results[0];
  if (first) {
    const t: NonNullable<SignatureReport['timestamp']> = { intact: first.intact, trusted: first.trusted };
    if (first.tstInfo) t.genTime = first.tstInfo.genTime.toISOString();
    if (first.tsa) t.authority = first.tsa;
    state.timestamp = t;
  }
  if (proven) state.timeSource = 'signature-timestamp';
  return proven;
}

/** What {@link certificateChecks} needs besides the state. */
export interface CertificateCheckContext {
  validationTime: Date;
  policy: ResolvedPolicy;
  anchors: TrustAnchors;
  pool: CertPool;
  sources: RevocationSources;
  fetcher: RevocationFetcher | undefined;
}

/**
 * Checks 19, 20, 22 and 23 for a signer certificate: path to an anchor, validity at the
 * best-signature-time (`state.proven`, else the validation time), and revocation at that time.
 * `signedSigningTime` is a signing time covered by the signature (not `/M`): a time before the
 * certificate existed cannot be right.
 */
export async function certificateChecks(
  ctx: CertificateCheckContext,
  leaf: Certificate,
  state: SignerState,
  signedSigningTime?: Date,
): Promise<PathResult> {
  const f = state.findings;
  const proven = state.proven;
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
  if (!proven && signedSigningTime && signedSigningTime.getTime() < leaf.notBefore.getTime())
    f.push(failed('SIGNER_CERT_NOT_YET_VALID', 'NOT_YET_VALID', { time: signedSigningTime.toISOString() }));

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
  return path;
}

/** A certificate as shown in the report. */
export function certificateSummary(cert: Certificate): CertificateSummary {
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serialNumber: cert.serialHex,
    validFrom: cert.notBefore.toISOString(),
    validTo: cert.notAfter.toISOString(),
    sha256: cert.sha256,
  };
}

/** The signer as shown in the report (TT 15/2025 display fields). */
export function signerSummary(cert: Certificate): SignerSummary {
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

/** A finding as a report problem. */
export function toProblem(fd: Finding, lang: Lang): ReportProblem {
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

/** Vietnam time (UTC+7) for display; the ISO instant stays in the structured fields. */
export function fmtTime(d: Date, lang: Lang): string {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const clock = `${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`;
  return lang === 'vi' ? `${clock} ngày ${date} (GMT+7)` : `${date} ${clock} (GMT+7)`;
}

/** The parts of a signature report every format shares; the caller adds its own fields, then {@link withDisplay}. */
export function baseSignatureReport(
  s: SignerState,
  base: { index: number; type: SignatureReport['type']; coverage: SignatureReport['coverage'] },
  lang: Lang,
): SignatureReport {
  const { indication, subIndication } = resolveIndication(s.findings);
  const problems = s.findings.map((fd) => toProblem(fd, lang));
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
  const report: SignatureReport = {
    index: base.index,
    type: base.type,
    indication,
    chain: s.chain.map(certificateSummary),
    trusted: s.trusted,
    timeSource: s.timeSource,
    algorithms: s.algorithms,
    integrity: { ...s.integrity },
    coverage: base.coverage,
    modificationsAfter: [],
    revocation,
    display: [],
    warnings: problems.filter((p) => p.severity === 'warning').map((p) => ({ key: p.code, message: p.message })),
    problems,
  };
  if (subIndication) report.subIndication = subIndication;
  if (s.signer) report.signer = signerSummary(s.signer);
  if (s.claimed) report.claimedSigningTime = s.claimed.toISOString();
  if (s.proven) report.provenSigningTime = s.proven.toISOString();
  if (s.timestamp) report.timestamp = s.timestamp;
  return report;
}

/** Fills `report.display` with the fields of TT 15/2025/TT-BKHCN (signatures.md §1.4). */
export function withDisplay(r: SignatureReport, s: SignerState, lang: Lang): SignatureReport {
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
  r.display = rows;
  return r;
}
