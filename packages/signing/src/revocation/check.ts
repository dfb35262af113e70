/**
 * Revocation checking of a validated chain (signatures.md §9 check 23).
 *
 * Evidence comes from the CMS (`adbe-revocationInfoArchival`, SignedData crls), the PDF `/DSS`,
 * the caller, or — only through an injected fetcher — the CRL distribution points and OCSP
 * responders named in the certificates. Every CRL / OCSP response is checked: its signature, its
 * issuer or an authorised responder (id-kp-OCSPSigning, issued by the same CA), its scope and its
 * freshness relative to the time that matters.
 *
 * @module
 */
import { hash, spkiKeyBits } from '../cms/algorithms.ts';
import { header } from '../cms/der.ts';
import { type Finding, failed, indeterminate, warning } from '../verify/findings.ts';
import { type Certificate, isSignedBy, KEY_USAGE, parseCertificate } from '../x509/certificate.ts';
import { formatName, namesEqual } from '../x509/name.ts';
import { pemOrDer } from '../x509/pem.ts';
import { type Crl, crlSignedBy, parseCrl } from './crl.ts';
import { findSingle, isResponder, type OcspResponse, ocspSignedBy, parseOcsp } from './ocsp.ts';

/**
 * Where a piece of revocation evidence came from: the CMS, the PDF's DSS, the caller, or a fetch.
 *
 * @example
 * ```ts
 * import type { EvidenceOrigin } from '@motcua/signing';
 * const origin: EvidenceOrigin = 'dss';
 * ```
 */
export type EvidenceOrigin = 'cms' | 'dss' | 'caller' | 'fetched';

/**
 * A network fetch injected by the caller (none by default; the library never opens sockets).
 * Only `http:` / `https:` URLs taken from certificates are passed; guarding against SSRF and
 * applying time-outs is the fetcher's job.
 *
 * @example
 * ```ts
 * import type { RevocationFetcher } from '@motcua/signing';
 * const fetcher: RevocationFetcher = async ({ url, body, contentType }) => {
 *   const res = await fetch(url, body ? { method: 'POST', body, headers: { 'content-type': contentType ?? '' } } : {});
 *   return new Uint8Array(await res.arrayBuffer());
 * };
 * ```
 * @category Verification
 */
export type RevocationFetcher = (request: {
  /** URL from the certificate (CRL distribution point, OCSP responder or caIssuers). */
  url: string;
  /** What is fetched. */
  kind: 'crl' | 'ocsp' | 'ca-issuers';
  /** Request body (OCSP), to be POSTed. */
  body?: Uint8Array;
  /** Content type of the body. */
  contentType?: string;
}) => Promise<Uint8Array>;

/**
 * Revocation status of one certificate of the chain, as reported per signature.
 *
 * @example
 * ```ts
 * import type { CertificateRevocation } from '@motcua/signing';
 * const revoked = (r: CertificateRevocation[]) => r.some((c) => c.status === 'revoked');
 * ```
 */
export interface CertificateRevocation {
  /** Subject of the certificate. */
  subject: string;
  /** Serial number (hex). */
  serialNumber: string;
  /** Outcome. */
  status: 'good' | 'revoked' | 'unknown';
  /** Evidence type used. */
  source?: 'crl' | 'ocsp';
  /** Where the evidence came from. */
  origin?: EvidenceOrigin;
  /** thisUpdate of the evidence (ISO). */
  thisUpdate?: string;
  /** nextUpdate of the evidence (ISO). */
  nextUpdate?: string;
  /** OCSP producedAt (ISO). */
  producedAt?: string;
  /** Revocation time (ISO). */
  revocationTime?: string;
  /** CRLReason. */
  reason?: number;
  /** SHA-256 of the CRL / BasicOCSPResponse used. */
  evidenceSha256?: string;
}

/** Parsed evidence with origins. */
export interface RevocationSources {
  /** CRLs. */
  crls: { crl: Crl; origin: EvidenceOrigin }[];
  /** OCSP responses. */
  ocsps: { resp: OcspResponse; origin: EvidenceOrigin }[];
}

/** Decodes raw CRL / OCSP blobs into sources, skipping undecodable ones (counted). */
export function collectSources(
  raw: { crls: readonly Uint8Array[]; ocsps: readonly Uint8Array[]; origin: EvidenceOrigin }[],
): RevocationSources & { undecodable: number } {
  const out: RevocationSources & { undecodable: number } = { crls: [], ocsps: [], undecodable: 0 };
  const seen = new Set<string>();
  for (const r of raw) {
    for (const d of r.crls) {
      try {
        const crl = parseCrl(d);
        if (seen.has(crl.sha256)) continue;
        seen.add(crl.sha256);
        out.crls.push({ crl, origin: r.origin });
      } catch {
        out.undecodable++;
      }
    }
    for (const d of r.ocsps) {
      try {
        const resp = parseOcsp(d);
        if (seen.has(resp.sha256)) continue;
        seen.add(resp.sha256);
        out.ocsps.push({ resp, origin: r.origin });
      } catch {
        out.undecodable++;
      }
    }
  }
  return out;
}

/** Options of {@link checkRevocation}. */
export interface RevocationCheckOptions {
  /** The time whose status matters (best-signature-time). */
  time: Date;
  /** Whether `time` is proven by a timestamp (POE). */
  proven: boolean;
  /** The validation time (revocations up to it are considered). */
  validationTime: Date;
  /** Evidence available. */
  sources: RevocationSources;
  /** Injected fetcher. */
  fetcher?: RevocationFetcher | undefined;
  /** Evidence older than this before `time` (without a covering nextUpdate) is stale. */
  maxAgeMs: number;
  /** `require`: missing status → INDETERMINATE / TRY_LATER; `warn`: a warning only. */
  mode: 'require' | 'warn';
}

/** Result of {@link checkRevocation}. */
export interface RevocationResult {
  /** One entry per non-anchor certificate of the chain. */
  certificates: CertificateRevocation[];
  /** Findings. */
  findings: Finding[];
}

/**
 * Checks every non-anchor certificate of `chain` (end entity first, anchor last).
 *
 * @example
 * ```ts
 * const r = await checkRevocation(chain, { time, proven: true, validationTime: new Date(), sources, maxAgeMs: 7 * 86_400_000, mode: 'require' });
 * ```
 */
export async function checkRevocation(
  chain: readonly Certificate[],
  opts: RevocationCheckOptions,
): Promise<RevocationResult> {
  const certificates: CertificateRevocation[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i] as Certificate;
    const issuer = chain[i + 1] as Certificate;
    let entry = evaluate(cert, issuer, opts);
    if (entry.status === 'unknown' && opts.fetcher) {
      await fetchEvidence(cert, issuer, opts);
      entry = evaluate(cert, issuer, opts);
    }
    certificates.push(entry);
    const subject = entry.subject;
    if (entry.status === 'revoked') {
      const at = new Date(entry.revocationTime as string);
      const caSuffix = i === 0 ? '' : '_CA';
      if (at.getTime() <= opts.time.getTime())
        findings.push(
          i === 0
            ? failed('CERT_REVOKED', 'REVOKED', { subject, time: entry.revocationTime as string })
            : indeterminate('CERT_REVOKED_CA', 'REVOKED_CA_NO_POE', { subject, time: entry.revocationTime as string }),
        );
      else if (!opts.proven)
        findings.push(
          indeterminate(`CERT_REVOKED_NO_POE${caSuffix}`, i === 0 ? 'REVOKED_NO_POE' : 'REVOKED_CA_NO_POE', {
            subject,
            time: entry.revocationTime as string,
          }),
        );
      else findings.push(warning('CERT_REVOKED_AFTER_SIGNING', { subject, time: entry.revocationTime as string }));
    } else if (entry.status === 'unknown') {
      findings.push(
        opts.mode === 'require'
          ? indeterminate('REVOCATION_UNAVAILABLE', 'TRY_LATER', { subject })
          : warning('REVOCATION_UNAVAILABLE', { subject }),
      );
    }
  }
  return { certificates, findings };
}

function iso(d: Date | undefined): string | undefined {
  return d?.toISOString();
}

function fresh(thisUpdate: Date, nextUpdate: Date | undefined, opts: RevocationCheckOptions): boolean {
  const t = opts.time.getTime();
  if (thisUpdate.getTime() > opts.validationTime.getTime() + 5 * 60_000) return false; // from the future
  if (thisUpdate.getTime() >= t) return true;
  if (nextUpdate && nextUpdate.getTime() >= t) return true;
  return t - thisUpdate.getTime() <= opts.maxAgeMs;
}

function evaluate(cert: Certificate, issuer: Certificate, opts: RevocationCheckOptions): CertificateRevocation {
  const base: CertificateRevocation = {
    subject: formatName(cert.subject),
    serialNumber: cert.serialHex,
    status: 'unknown',
  };
  let good: CertificateRevocation | undefined;
  // OCSP
  for (const { resp, origin } of opts.sources.ocsps) {
    const single = findSingle(resp, cert, issuer);
    if (!single || !ocspAuthorised(resp, issuer)) continue;
    if (single.status === 'revoked' && single.revocationTime) {
      const e: CertificateRevocation = {
        ...base,
        status: 'revoked',
        source: 'ocsp',
        origin,
        producedAt: resp.producedAt.toISOString(),
        thisUpdate: single.thisUpdate.toISOString(),
        revocationTime: single.revocationTime.toISOString(),
        evidenceSha256: resp.sha256,
      };
      if (single.reason !== undefined) e.reason = single.reason;
      if (single.revocationTime.getTime() <= opts.validationTime.getTime()) return e;
    } else if (single.status === 'good' && fresh(single.thisUpdate, single.nextUpdate, opts) && !good) {
      good = {
        ...base,
        status: 'good',
        source: 'ocsp',
        origin,
        producedAt: resp.producedAt.toISOString(),
        thisUpdate: single.thisUpdate.toISOString(),
        evidenceSha256: resp.sha256,
      };
      const nu = iso(single.nextUpdate);
      if (nu) good.nextUpdate = nu;
    }
  }
  // CRLs
  const isCa = cert.basicConstraints?.ca === true;
  for (const { crl, origin } of opts.sources.crls) {
    if (!namesEqual(crl.issuer, issuer.subject) || crl.delta || crl.unsupported) continue;
    if ((crl.onlyUser && isCa) || (crl.onlyCa && !isCa)) continue;
    if (crl.aki && issuer.ski && crl.aki !== issuer.ski) continue;
    if (issuer.keyUsage && !issuer.keyUsage.has(KEY_USAGE.cRLSign)) continue;
    if (!crlSignedBy(crl, issuer)) continue;
    const rev = crl.revoked.get(cert.serialHex);
    if (rev && rev.reason !== 8 /* removeFromCRL */) {
      const e: CertificateRevocation = {
        ...base,
        status: 'revoked',
        source: 'crl',
        origin,
        thisUpdate: crl.thisUpdate.toISOString(),
        revocationTime: rev.date.toISOString(),
        evidenceSha256: crl.sha256,
      };
      const nu = iso(crl.nextUpdate);
      if (nu) e.nextUpdate = nu;
      if (rev.reason !== undefined) e.reason = rev.reason;
      return e;
    }
    if (!good && fresh(crl.thisUpdate, crl.nextUpdate, opts)) {
      good = {
        ...base,
        status: 'good',
        source: 'crl',
        origin,
        thisUpdate: crl.thisUpdate.toISOString(),
        evidenceSha256: crl.sha256,
      };
      const nu = iso(crl.nextUpdate);
      if (nu) good.nextUpdate = nu;
    }
  }
  return good ?? base;
}

/** The response is signed by the issuing CA itself or by a responder it delegated (RFC 6960 §4.2.2.2). */
function ocspAuthorised(resp: OcspResponse, issuer: Certificate): boolean {
  if (isResponder(resp, issuer)) return ocspSignedBy(resp, issuer);
  for (const der of resp.certs) {
    let c: Certificate;
    try {
      c = parseCertificate(der);
    } catch {
      continue;
    }
    if (!isResponder(resp, c)) continue;
    if (!namesEqual(c.issuer, issuer.subject) || !isSignedBy(c, issuer)) continue;
    if (!c.extKeyUsage?.includes('1.3.6.1.5.5.7.3.9')) continue;
    const t = resp.producedAt.getTime();
    if (t < c.notBefore.getTime() || t > c.notAfter.getTime()) continue;
    if (ocspSignedBy(resp, c)) return true;
  }
  return false;
}

function httpUrls(urls: readonly string[]): string[] {
  return urls.filter((u) => /^https?:\/\//i.test(u));
}

async function fetchEvidence(cert: Certificate, issuer: Certificate, opts: RevocationCheckOptions): Promise<void> {
  const fetcher = opts.fetcher as RevocationFetcher;
  for (const url of httpUrls(cert.ocspUrls)) {
    try {
      const bytes = await fetcher({
        url,
        kind: 'ocsp',
        body: ocspRequest(cert, issuer),
        contentType: 'application/ocsp-request',
      });
      opts.sources.ocsps.push({ resp: parseOcsp(bytes), origin: 'fetched' });
      return;
    } catch {
      // try the next source
    }
  }
  for (const url of httpUrls(cert.crlUrls)) {
    try {
      const bytes = await fetcher({ url, kind: 'crl' });
      for (const der of pemOrDer(bytes, ['X509 CRL']))
        opts.sources.crls.push({ crl: parseCrl(der), origin: 'fetched' });
      return;
    } catch {
      // try the next source
    }
  }
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  return Buffer.concat([header(tag, body.length), body]);
}

/** Encodes a minimal OCSPRequest for one certificate (SHA-1 CertID, as responders universally accept). */
export function ocspRequest(cert: Certificate, issuer: Certificate): Uint8Array {
  const sha1Alg = tlv(0x30, tlv(0x06, Uint8Array.of(0x2b, 0x0e, 0x03, 0x02, 0x1a)), Uint8Array.of(0x05, 0x00));
  const serial = Buffer.from(cert.serialHex.length % 2 ? `0${cert.serialHex}` : cert.serialHex, 'hex');
  const serialBytes = (serial[0] as number) & 0x80 ? Buffer.concat([Uint8Array.of(0), serial]) : serial;
  const certId = tlv(
    0x30,
    sha1Alg,
    tlv(0x04, hash('sha1', issuer.subject.der)),
    tlv(0x04, hash('sha1', spkiKeyBits(issuer.spki))),
    tlv(0x02, serialBytes),
  );
  return tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x30, certId))));
}
