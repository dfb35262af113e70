/**
 * Internal findings produced by the checks, before they are turned into report entries.
 *
 * @module
 */

/**
 * ETSI EN 319 102-1 main indications.
 *
 * @example
 * ```ts
 * import type { Indication } from '@motcua/signing';
 * const passed = (i: Indication) => i === 'TOTAL_PASSED';
 * ```
 */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

/**
 * ETSI EN 319 102-1 sub-indications (signatures.md §6).
 *
 * @example
 * ```ts
 * import type { SubIndication } from '@motcua/signing';
 * const sub: SubIndication = 'HASH_FAILURE';
 * ```
 */
export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'POLICY_PROCESSING_ERROR'
  | 'SIGNATURE_POLICY_NOT_AVAILABLE'
  | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NOT_REVOKED'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'REVOCATION_OUT_OF_BOUNDS_NO_POE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'NO_POE'
  | 'TRY_LATER'
  | 'SIGNED_DATA_NOT_FOUND';

/** A check outcome that affects the indication (severity `error`) or only informs (`warning`). */
export interface Finding {
  /** Stable key (see {@link ProblemCode}). */
  code: string;
  /** Indication this finding forces, if any; a warning has none. */
  indication?: 'TOTAL_FAILED' | 'INDETERMINATE';
  /** Sub-indication. */
  subIndication?: SubIndication;
  /** Parameters for the message templates. */
  params?: Record<string, string>;
  /** A document-level failure reported on this signature (makes the report invalid, not the indication). */
  documentLevel?: boolean;
  /** Pre-rendered message for findings that come from another component (the PDF reader). */
  message?: { vi: string; en: string };
}

/** Helper: a failure finding. */
export function failed(code: string, sub: SubIndication, params?: Record<string, string>): Finding {
  return params === undefined
    ? { code, indication: 'TOTAL_FAILED', subIndication: sub }
    : { code, indication: 'TOTAL_FAILED', subIndication: sub, params };
}

/** Helper: an indeterminate finding. */
export function indeterminate(code: string, sub: SubIndication, params?: Record<string, string>): Finding {
  return params === undefined
    ? { code, indication: 'INDETERMINATE', subIndication: sub }
    : { code, indication: 'INDETERMINATE', subIndication: sub, params };
}

/** Helper: a warning. */
export function warning(code: string, params?: Record<string, string>): Finding {
  return params === undefined ? { code } : { code, params };
}

/** The first TOTAL_FAILED finding wins, else the first INDETERMINATE, else passed. */
export function resolveIndication(findings: readonly Finding[]): {
  indication: Indication;
  subIndication?: SubIndication;
} {
  const f =
    findings.find((x) => x.indication === 'TOTAL_FAILED') ?? findings.find((x) => x.indication === 'INDETERMINATE');
  if (!f) return { indication: 'TOTAL_PASSED' };
  return f.subIndication === undefined
    ? { indication: f.indication as Indication }
    : { indication: f.indication as Indication, subIndication: f.subIndication };
}
