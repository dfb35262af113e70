/**
 * Steps every identifier parser shares: the hostile-input guard before any regex runs,
 * and the assembly of the {@link IdentifierResult}. Internal to `ids/`.
 *
 * @module
 */
import type { IdentifierKind, IdentifierProblem, IdentifierResult } from './result.ts';

/**
 * Longest input any identifier parser looks at. The longest legal identifier is far
 * shorter (a QĐ 20/2020 agency code is at most 35 characters; a dstcode is two codes
 * and a service name), so anything longer is rejected before a regex sees it.
 */
export const MAX_IDENTIFIER_LENGTH = 256;

/** Outcome of {@link prepareInput}: either a trimmed value to decode, or a final stop. */
export type PreparedInput =
  | { readonly ok: true; readonly input: string; readonly value: string; readonly problems: IdentifierProblem[] }
  | { readonly ok: false; readonly input: string; readonly problems: IdentifierProblem[] };

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Guards an untrusted value: non-strings and over-long strings stop here; leading or
 * trailing whitespace is reported (`ID_WHITESPACE`, an error, because integrators must
 * fix it at the source) and decoding continues on the trimmed value.
 */
export function prepareInput(value: unknown): PreparedInput {
  if (typeof value !== 'string') {
    return { ok: false, input: '', problems: [problem('ID_NOT_STRING', 'error', { received: typeName(value) })] };
  }
  if (value.length > MAX_IDENTIFIER_LENGTH) {
    return {
      ok: false,
      input: value,
      problems: [problem('ID_TOO_LONG', 'error', { length: value.length, maximum: MAX_IDENTIFIER_LENGTH })],
    };
  }
  const trimmed = value.trim();
  const problems: IdentifierProblem[] = trimmed === value ? [] : [problem('ID_WHITESPACE', 'error')];
  return { ok: true, input: value, value: trimmed, problems };
}

/** Builds an {@link IdentifierProblem}, leaving `params` out when there are none. */
export function problem(
  code: string,
  severity: IdentifierProblem['severity'],
  params?: Record<string, string | number>,
): IdentifierProblem {
  return params === undefined ? { code, severity } : { code, severity, params };
}

/** Assembles a result; `valid` is derived from the problems so it can never disagree with them. */
export function resultOf<F, K extends IdentifierKind>(
  kind: K,
  input: string,
  problems: IdentifierProblem[],
  facts?: F,
): IdentifierResult<F, K> {
  const valid = !problems.some((p) => p.severity === 'error');
  return facts === undefined ? { kind, input, valid, problems } : { kind, input, valid, facts, problems };
}
