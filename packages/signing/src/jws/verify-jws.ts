/**
 * `verifyJws`: JWS (RFC 7515, JAdES-like) verification for JSON exchanged between systems
 * (signatures.md §9 check 31), with the certificate path, time, revocation and report rules of
 * {@link verifyPdf}.
 *
 * jose checks the signature value and `crit`; everything around it is here: the algorithm
 * allow-list (never `none`, never HMAC — a certificate's public key must not become an HMAC
 * secret), duplicate header names refused, the `x5c` chain validated to a configured anchor (jose
 * does not), `x5t#S256` bound to the leaf, `exp` / `nbf` / `iat` checked against the validation time,
 * RFC 7797 unencoded and detached payloads.
 *
 * @module
 */
import { flattenedVerify } from 'jose';
import { type Digest, digestByOid, hash, importSpki, type PublicKey } from '../cms/algorithms.ts';
import { bytesEqual } from '../cms/der.ts';
import { SignatureError } from '../errors.ts';
import { collectSources } from '../revocation/check.ts';
import { type Finding, failed, indeterminate, warning } from '../verify/findings.ts';
import { render, value } from '../verify/messages.ts';
import type { VerifyOptions } from '../verify/options.ts';
import type { JwsSignatureInfo, ReportProblem, SignatureReport, VerificationReport } from '../verify/report.ts';
import {
  baseSignatureReport,
  type CertificateCheckContext,
  certificateChecks,
  cryptoPolicyFindings,
  loadCertificates,
  newSignerState,
  type PreparedOptions,
  prepareOptions,
  withDisplay,
} from '../verify/signer-checks.ts';
import { type Certificate, parseCertificate } from '../x509/certificate.ts';
import type { BinaryOrPem } from '../x509/pem.ts';
import { parseStrictJson, StrictJsonError } from './strict-json.ts';

/**
 * JWS algorithms this SDK verifies (RFC 7518 / RFC 8037). `none` and the HMAC family are not
 * among them and cannot be enabled.
 *
 * @example
 * ```ts
 * import type { JwsAlgorithm } from '@motcua/signing/jws';
 * const allowed: JwsAlgorithm[] = ['PS256', 'ES256'];
 * ```
 * @category JWS
 */
export type JwsAlgorithm =
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'EdDSA'
  | 'Ed25519';

const ALGS: Record<JwsAlgorithm, { family: 'rsa' | 'rsa-pss' | 'ec' | 'ed'; digest?: string; curve?: string }> = {
  RS256: { family: 'rsa', digest: '2.16.840.1.101.3.4.2.1' },
  RS384: { family: 'rsa', digest: '2.16.840.1.101.3.4.2.2' },
  RS512: { family: 'rsa', digest: '2.16.840.1.101.3.4.2.3' },
  PS256: { family: 'rsa-pss', digest: '2.16.840.1.101.3.4.2.1' },
  PS384: { family: 'rsa-pss', digest: '2.16.840.1.101.3.4.2.2' },
  PS512: { family: 'rsa-pss', digest: '2.16.840.1.101.3.4.2.3' },
  ES256: { family: 'ec', digest: '2.16.840.1.101.3.4.2.1', curve: 'prime256v1' },
  ES384: { family: 'ec', digest: '2.16.840.1.101.3.4.2.2', curve: 'secp384r1' },
  ES512: { family: 'ec', digest: '2.16.840.1.101.3.4.2.3', curve: 'secp521r1' },
  EdDSA: { family: 'ed' },
  Ed25519: { family: 'ed' },
};

/** Every algorithm of {@link JwsAlgorithm}: the default allow-list. */
const DEFAULT_ALGORITHMS = Object.keys(ALGS) as JwsAlgorithm[];

/**
 * Header parameters this SDK processes, so a producer may list them in `crit`: RFC 7797 `b64`; the
 * JAdES `sigT` (claimed signing time); `exp` / `nbf` / `iat` (checked against the validation time);
 * and the JAdES informational `srCms`, `sigPl`, `srAts`, `sigX5ts` (reported, no rule depends on them).
 */
const UNDERSTOOD = ['b64', 'sigT', 'exp', 'nbf', 'iat', 'srCms', 'sigPl', 'srAts', 'sigX5ts'];

/**
 * Options of {@link verifyJws}.
 *
 * @example
 * ```ts
 * import type { JwsVerifyOptions } from '@motcua/signing/jws';
 * declare const rootPem: string;
 * const o: JwsVerifyOptions = { trustAnchors: [rootPem], algorithms: ['PS256', 'ES256'], clockToleranceSeconds: 30 };
 * ```
 * @category JWS
 */
export interface JwsVerifyOptions extends VerifyOptions {
  /** Accepted `alg` values; default every {@link JwsAlgorithm}. */
  algorithms?: readonly JwsAlgorithm[];
  /** The payload of a detached JWS (RFC 7515 Appendix F): compact `header..signature` or JSON without `payload`. */
  detachedPayload?: Uint8Array | string;
  /** Further `crit` extension names the application itself processes. */
  criticalHeaders?: readonly string[];
  /** Signer certificates for a JWS without `x5c` (matched by `x5t#S256` / `x5t`). */
  signerCertificates?: readonly BinaryOrPem[];
  /** Leeway for `exp` / `nbf` / `iat`, in seconds. Default 0. */
  clockToleranceSeconds?: number;
  /** Check numeric `exp` / `nbf` / `iat` members of a JSON-object payload (JWT claims). Default true. */
  payloadClaims?: boolean;
}

interface RawSignature {
  protected?: unknown;
  header?: unknown;
  signature?: unknown;
}

interface Parsed {
  serialization: JwsSignatureInfo['serialization'];
  payload: unknown;
  signatures: RawSignature[];
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies a JWS in compact, flattened JSON or general JSON serialization. Never throws on a bad
 * token; throws `SignatureError` for unreadable anchors / CRLs and for options that enable `none`
 * or HMAC.
 *
 * @example
 * ```ts
 * import { verifyJws } from '@motcua/signing/jws';
 * declare const token: string, rootPem: string;
 * const report = await verifyJws(token, { trustAnchors: [rootPem] });
 * if (report.valid && report.payload) console.log(JSON.parse(new TextDecoder().decode(report.payload)));
 * ```
 * @category JWS
 */
export async function verifyJws(input: Uint8Array | string, options: JwsVerifyOptions): Promise<VerificationReport> {
  const algorithms = options.algorithms ?? DEFAULT_ALGORITHMS;
  for (const a of algorithms)
    if (!(a in ALGS)) throw new SignatureError('INVALID_OPTIONS', `algorithm ${String(a)} cannot be enabled`);
  const opts = prepareOptions(options);
  for (const c of loadCertificates(options.signerCertificates, 'signer certificate')) opts.pool.add(c);
  const { lang } = opts;
  const problems: ReportProblem[] = [];
  const problem = (code: string, params?: Record<string, string>, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ code, severity, message: render(code, lang, params) });
  };

  let parsed: Parsed;
  try {
    parsed = parseSerialization(input);
  } catch (e) {
    problem('JWS_MALFORMED', { detail: e instanceof Error ? e.message : String(e) });
    return report(opts, [], problems, undefined);
  }
  if (parsed.signatures.length === 0) problem('NO_SIGNATURES');

  const ctx: CertificateCheckContext = {
    validationTime: opts.validationTime,
    policy: opts.policy,
    anchors: opts.anchors,
    pool: opts.pool,
    sources: collectSources([{ crls: opts.crls, ocsps: opts.ocsps, origin: 'caller' }]),
    fetcher: opts.fetcher,
  };
  const signatures: SignatureReport[] = [];
  let payload: Uint8Array | undefined;
  for (let i = 0; i < parsed.signatures.length; i++) {
    const r = await verifyOne(ctx, opts, options, parsed, i, algorithms);
    signatures.push(r.report);
    if (r.payload && !payload) payload = r.payload;
    for (const p of r.documentProblems) problems.push(p);
  }
  if (payload && options.payloadClaims !== false) checkPayloadClaims(payload, opts, options, problems);
  return report(opts, signatures, problems, payload);
}

function report(
  opts: PreparedOptions,
  signatures: SignatureReport[],
  problems: ReportProblem[],
  payload: Uint8Array | undefined,
): VerificationReport {
  const valid =
    signatures.length > 0 &&
    signatures.every((s) => s.indication === 'TOTAL_PASSED') &&
    !problems.some((p) => p.severity === 'error');
  const out: VerificationReport = {
    valid,
    format: 'jws',
    lang: opts.lang,
    validationTime: opts.validationTime.toISOString(),
    summary: value(valid ? 'documentValid' : 'documentInvalid', opts.lang),
    modifiedAfterLastSignature: false,
    signatures,
    problems,
  };
  if (payload) out.payload = payload;
  return out;
}

/** Compact (`a.b.c`), flattened (`{protected, payload, signature}`) or general (`{payload, signatures}`). */
function parseSerialization(input: Uint8Array | string): Parsed {
  let text = typeof input === 'string' ? input : decoder.decode(input);
  text = text.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{')) {
    const json = parseStrictJson(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not a JSON object');
    const o = json as Record<string, unknown>;
    if ('signatures' in o) {
      if ('signature' in o || 'protected' in o || 'header' in o) throw new Error('both general and flattened members');
      if (!Array.isArray(o.signatures)) throw new Error('"signatures" is not an array');
      return { serialization: 'general', payload: o.payload, signatures: o.signatures as RawSignature[] };
    }
    if (!('signature' in o)) throw new Error('no "signature" or "signatures" member');
    return {
      serialization: 'flattened',
      payload: o.payload,
      signatures: [{ protected: o.protected, header: o.header, signature: o.signature }],
    };
  }
  const parts = text.split('.');
  if (parts.length !== 3) throw new Error('a compact JWS has three parts');
  const [h, p, s] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(h) || !/^[A-Za-z0-9_-]*$/.test(s)) throw new Error('not base64url');
  return { serialization: 'compact', payload: p, signatures: [{ protected: h, signature: s }] };
}

function base64url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  return new Uint8Array(Buffer.from(s, 'base64url'));
}

interface One {
  report: SignatureReport;
  payload?: Uint8Array;
  documentProblems: ReportProblem[];
}

async function verifyOne(
  ctx: CertificateCheckContext,
  opts: PreparedOptions,
  options: JwsVerifyOptions,
  parsed: Parsed,
  index: number,
  algorithms: readonly JwsAlgorithm[],
): Promise<One> {
  const state = newSignerState();
  const f = state.findings;
  const documentProblems: ReportProblem[] = [];
  const raw = parsed.signatures[index] as RawSignature;
  const info: JwsSignatureInfo = { serialization: parsed.serialization, b64: true };
  let detached = false;
  let payloadOut: Uint8Array | undefined;
  const finish = (): One => {
    const r = baseSignatureReport(state, { index, type: 'signature', coverage: 'whole-document' }, opts.lang);
    r.jws = info;
    r.scope = [{ kind: 'payload', detached, digestMatches: state.integrity.signatureValid }];
    withDisplay(r, state, opts.lang);
    const out: One = { report: r, documentProblems };
    if (payloadOut) out.payload = payloadOut;
    return out;
  };
  const malformed = (code: string, detail: string): One => {
    f.push(failed(code, 'FORMAT_FAILURE', { detail }));
    return finish();
  };

  // Protected header: base64url, strict JSON, no duplicate names.
  if (typeof raw !== 'object' || raw === null) return malformed('JWS_MALFORMED', 'signature entry is not an object');
  if (typeof raw.protected !== 'string') return malformed('JWS_MALFORMED', 'no protected header');
  const headerBytes = base64url(raw.protected);
  if (!headerBytes) return malformed('JWS_MALFORMED', 'protected header is not base64url');
  let header: Record<string, unknown>;
  try {
    const h = parseStrictJson(decoder.decode(headerBytes));
    if (typeof h !== 'object' || h === null || Array.isArray(h))
      return malformed('JWS_MALFORMED', 'protected header is not an object');
    header = h as Record<string, unknown>;
  } catch (e) {
    if (e instanceof StrictJsonError && e.kind === 'duplicate') return malformed('JWS_DUPLICATE_HEADER', e.message);
    return malformed('JWS_MALFORMED', e instanceof Error ? e.message : String(e));
  }
  info.protectedHeader = header;
  if (raw.header !== undefined) {
    if (typeof raw.header !== 'object' || raw.header === null || Array.isArray(raw.header))
      return malformed('JWS_MALFORMED', 'unprotected header is not an object');
    info.unprotectedHeader = raw.header as Record<string, unknown>;
  }
  const unprotected = info.unprotectedHeader ?? {};
  if (typeof raw.signature !== 'string') return malformed('JWS_MALFORMED', 'no signature');

  // Algorithm allow-list: from the protected header only.
  const alg = header.alg;
  if (typeof alg === 'string') info.alg = alg;
  if ('alg' in unprotected) return malformed('JWS_ALG_NOT_PROTECTED', 'alg in the unprotected header');
  if (typeof alg !== 'string' || !(alg in ALGS) || !algorithms.includes(alg as JwsAlgorithm))
    return malformed('JWS_ALGORITHM_NOT_ALLOWED', String(alg));
  const algInfo = ALGS[alg as JwsAlgorithm];
  state.algorithms.signature = alg;
  const digest: Digest | undefined = algInfo.digest ? digestByOid(algInfo.digest) : undefined;
  if (digest) state.algorithms.digest = digest.name;
  info.b64 = header.b64 !== false;

  // Payload: embedded, or detached (RFC 7515 Appendix F).
  let payload: string | Uint8Array;
  const embedded = parsed.payload;
  if (embedded !== undefined && typeof embedded !== 'string')
    return malformed('JWS_MALFORMED', 'the payload member is not a string');
  if (embedded === undefined || embedded === '') {
    if (options.detachedPayload === undefined) {
      f.push(indeterminate('JWS_DETACHED_PAYLOAD_MISSING', 'SIGNED_DATA_NOT_FOUND'));
      return finish();
    }
    detached = true;
    const d =
      typeof options.detachedPayload === 'string' ? utf8.encode(options.detachedPayload) : options.detachedPayload;
    payload = info.b64 ? Buffer.from(d).toString('base64url') : d;
  } else {
    if (options.detachedPayload !== undefined)
      return malformed('JWS_PAYLOAD_NOT_DETACHED', 'the JWS carries a payload');
    payload = embedded;
  }

  // Signer certificate: x5c (chain in the header), else a caller certificate matching x5t#S256 / x5t.
  const signer = signerCertificate(header, unprotected, opts, f);
  if (signer === 'malformed') return finish();
  let key: PublicKey | undefined;
  if (signer) {
    state.signer = signer;
    try {
      key = importSpki(signer.spki);
      state.algorithms.keyType = key.type;
      state.algorithms.keyBits = key.bits;
    } catch {
      f.push(failed('SIGNER_KEY_UNSUPPORTED', 'FORMAT_FAILURE'));
    }
  }
  if (key && !keyFits(key, algInfo)) {
    f.push(failed('KEY_ALGORITHM_MISMATCH', 'SIG_CRYPTO_FAILURE', { key: key.type, algorithm: alg }));
    key = undefined;
  }

  // Signature value and crit (jose; duplicates in crit refused here, jose lets them through).
  if (Array.isArray(header.crit) && new Set(header.crit).size !== header.crit.length)
    return malformed('JWS_CRIT_INVALID', 'duplicate names in crit');
  if (key) {
    const crit: Record<string, boolean> = {};
    for (const n of [...UNDERSTOOD, ...(options.criticalHeaders ?? [])]) crit[n] = true;
    const jws: {
      protected: string;
      payload: string | Uint8Array;
      signature: string;
      header?: Record<string, unknown>;
    } = {
      protected: raw.protected,
      payload,
      signature: raw.signature,
    };
    if (info.unprotectedHeader) jws.header = info.unprotectedHeader;
    try {
      const result = await flattenedVerify(jws, key.key, { algorithms: [alg], crit });
      state.integrity = { digestMatches: true, signatureValid: true };
      payloadOut = result.payload;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const msg = e instanceof Error ? e.message : String(e);
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') f.push(failed('SIGNATURE_INVALID', 'SIG_CRYPTO_FAILURE'));
      else if (code === 'ERR_JOSE_NOT_SUPPORTED')
        f.push(failed('JWS_CRIT_NOT_UNDERSTOOD', 'FORMAT_FAILURE', { detail: msg }));
      else if (e instanceof TypeError && /modulusLength|2048/.test(msg))
        f.push(
          indeterminate('CRYPTO_KEY_TOO_SHORT', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', {
            bits: String(key.bits),
            min: '2048',
            time: opts.validationTime.toISOString(),
          }),
        );
      else if (/"crit"|Extension Header Parameter/.test(msg))
        f.push(failed('JWS_CRIT_INVALID', 'FORMAT_FAILURE', { detail: msg }));
      else f.push(failed('JWS_MALFORMED', 'FORMAT_FAILURE', { detail: msg }));
    }
  }
  if (!signer && !f.some((x) => x.indication))
    f.push(indeterminate('SIGNER_CERTIFICATE_NOT_FOUND', 'NO_SIGNING_CERTIFICATE_FOUND'));

  // Header time parameters: sigT is a claim; exp / nbf / iat bind only when the producer made them critical.
  const critList = Array.isArray(header.crit) ? (header.crit as unknown[]) : [];
  if (typeof header.sigT === 'string') {
    const t = new Date(header.sigT);
    if (
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(header.sigT) &&
      !Number.isNaN(t.getTime())
    )
      state.claimed = t;
    else f.push(failed('JWS_CLAIM_MALFORMED', 'FORMAT_FAILURE', { claim: 'sigT' }));
  }
  if (state.integrity.signatureValid) {
    for (const claim of ['exp', 'nbf', 'iat'] as const) {
      if (!critList.includes(claim)) continue;
      const v = header[claim];
      if (typeof v !== 'number' || !Number.isFinite(v))
        f.push(failed('JWS_CLAIM_MALFORMED', 'FORMAT_FAILURE', { claim }));
      else timeClaim(claim, v, opts, options, documentProblems);
    }
    if ('etsiU' in unprotected || 'etsiU' in header) f.push(warning('JADES_UNSIGNED_PROPERTIES_NOT_CHECKED'));
  }
  // Without sigT, a signed iat claim of a JSON payload is the claimed signing time.
  if (!state.claimed && payloadOut && options.payloadClaims !== false) {
    const iat = jsonObject(payloadOut)?.iat;
    if (typeof iat === 'number' && Number.isFinite(iat)) state.claimed = new Date(iat * 1000);
  }
  state.timeSource = state.claimed ? 'claimed' : 'validation-time';
  if (state.integrity.signatureValid) f.push(warning('SIGNING_TIME_UNPROVEN'));

  f.push(...cryptoPolicyFindings(opts.policy, { time: opts.validationTime, proven: false }, [digest], key));
  if (signer && state.integrity.signatureValid) await certificateChecks(ctx, signer, state, state.claimed);
  else if (signer) state.chain = [signer];
  return finish();
}

/** The leaf of `x5c` (the rest goes to the pool), checked against `x5t#S256` / `x5t`; or a caller certificate. */
function signerCertificate(
  header: Record<string, unknown>,
  unprotected: Record<string, unknown>,
  opts: PreparedOptions,
  f: Finding[],
): Certificate | undefined | 'malformed' {
  const x5c = header.x5c ?? unprotected.x5c;
  let leaf: Certificate | undefined;
  if (x5c !== undefined) {
    if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((c) => typeof c === 'string')) {
      f.push(failed('JWS_X5C_MALFORMED', 'FORMAT_FAILURE'));
      return 'malformed';
    }
    const certs: Certificate[] = [];
    for (const c of x5c as string[]) {
      // x5c is base64 (RFC 7515 §4.1.6), not base64url.
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(c)) {
        f.push(failed('JWS_X5C_MALFORMED', 'FORMAT_FAILURE'));
        return 'malformed';
      }
      try {
        certs.push(parseCertificate(new Uint8Array(Buffer.from(c, 'base64'))));
      } catch {
        f.push(failed('JWS_X5C_MALFORMED', 'FORMAT_FAILURE'));
        return 'malformed';
      }
    }
    for (const c of certs.slice(1)) opts.pool.add(c);
    leaf = certs[0] as Certificate;
  }
  const s256 = header['x5t#S256'] ?? unprotected['x5t#S256'];
  const s1 = header.x5t ?? unprotected.x5t;
  const thumb = (c: Certificate): boolean => {
    if (typeof s256 === 'string') {
      const want = base64url(s256);
      if (!want || !bytesEqual(hash('sha256', c.der), want)) return false;
    }
    if (typeof s1 === 'string') {
      const want = base64url(s1);
      if (!want || !bytesEqual(hash('sha1', c.der), want)) return false;
    }
    return typeof s256 === 'string' || typeof s1 === 'string';
  };
  if (leaf) {
    if ((s256 !== undefined || s1 !== undefined) && !thumb(leaf)) {
      f.push(indeterminate('JWS_CERTIFICATE_THUMBPRINT_MISMATCH', 'NO_SIGNING_CERTIFICATE_FOUND'));
      return undefined;
    }
    return leaf;
  }
  return opts.pool.all().find((c) => !opts.anchors.isAnchor(c) && thumb(c));
}

function keyFits(key: PublicKey, alg: (typeof ALGS)[JwsAlgorithm]): boolean {
  switch (alg.family) {
    case 'rsa':
      return key.type === 'rsa';
    case 'rsa-pss':
      return key.type === 'rsa' || key.type === 'rsa-pss';
    case 'ec':
      return key.type === 'ec' && key.curve === alg.curve;
    case 'ed':
      return key.type === 'ed25519';
  }
}

/** A NumericDate claim against the validation time (RFC 7519 §4.1.4–4.1.6). */
function timeClaim(
  claim: 'exp' | 'nbf' | 'iat',
  seconds: number,
  opts: PreparedOptions,
  options: JwsVerifyOptions,
  problems: ReportProblem[],
): void {
  const tol = (options.clockToleranceSeconds ?? 0) * 1000;
  const now = opts.validationTime.getTime();
  const at = new Date(seconds * 1000);
  const push = (code: string): void => {
    problems.push({ code, severity: 'error', message: render(code, opts.lang, { time: at.toISOString() }) });
  };
  if (claim === 'exp' && now - tol >= at.getTime()) push('JWS_EXPIRED');
  if (claim === 'nbf' && now + tol < at.getTime()) push('JWS_NOT_YET_VALID');
  if (claim === 'iat' && now + tol < at.getTime()) push('JWS_ISSUED_IN_FUTURE');
}

/** The payload as a JSON object, if it is one. */
function jsonObject(payload: Uint8Array): Record<string, unknown> | undefined {
  let obj: unknown;
  try {
    obj = JSON.parse(decoder.decode(payload).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>) : undefined;
}

/** JWT-style claims of a JSON-object payload (RFC 7519 §4.1.4–4.1.6). */
function checkPayloadClaims(
  payload: Uint8Array,
  opts: PreparedOptions,
  options: JwsVerifyOptions,
  problems: ReportProblem[],
): void {
  const o = jsonObject(payload);
  if (!o) return;
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const v = o[claim];
    if (typeof v === 'number' && Number.isFinite(v)) timeClaim(claim, v, opts, options, problems);
  }
}
