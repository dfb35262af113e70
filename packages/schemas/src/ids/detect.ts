/**
 * Parsing an identifier whose kind is not known in advance.
 *
 * @module
 */
import { type AgencyCodeFacts, parseAgencyCode } from './agency-code.ts';
import { type CmndFacts, parseCmnd } from './cmnd.ts';
import { type DossierCodeFacts, parseDossierCode } from './dossier-code.ts';
import { type DstcodeFacts, parseDstcode } from './dstcode.ts';
import { type FieldCodeFacts, parseFieldCode } from './field-code.ts';
import { MAX_IDENTIFIER_LENGTH, prepareInput, problem, resultOf } from './input.ts';
import { type PersonalIdFacts, parsePersonalId } from './personal-id.ts';
import { type ProcedureCodeFacts, parseProcedureCode } from './procedure-code.ts';
import { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierProblem, type IdentifierResult } from './result.ts';
import { parseTaxCode, type TaxCodeFacts } from './tax-code.ts';

/**
 * The facts type of each identifier kind, for narrowing a result of
 * {@link parseIdentifier} once its `kind` is known.
 *
 * @example
 * ```ts
 * import { parseIdentifier, type IdentifierFactsByKind } from '@motcua/schemas/ids';
 * const r = parseIdentifier('000.00.00.H56-250701-0001');
 * if (r.kind === 'dossier-code') {
 *   const facts = r.facts as IdentifierFactsByKind['dossier-code'] | undefined;
 *   facts?.receivedDate; // '2025-07-01'
 * }
 * ```
 * @category Identifiers
 */
export interface IdentifierFactsByKind {
  'personal-id': PersonalIdFacts;
  cmnd: CmndFacts;
  'tax-code': TaxCodeFacts;
  'agency-code': AgencyCodeFacts;
  'dossier-code': DossierCodeFacts;
  'procedure-code': ProcedureCodeFacts;
  'field-code': FieldCodeFacts;
  dstcode: DstcodeFacts;
}

/**
 * Options of {@link parseIdentifier}.
 *
 * @example
 * ```ts
 * import type { ParseIdentifierOptions } from '@motcua/schemas/ids';
 * const opts: ParseIdentifierOptions = { as: 'tax-code', acceptPersonalId: true };
 * ```
 * @category Identifiers
 */
export interface ParseIdentifierOptions {
  /** Parse as this kind instead of detecting one. */
  as?: IdentifierKind;
  /** For the personal identification number's future-birth-year check; defaults to `new Date()`. */
  now?: Date;
  /** With `as: 'tax-code'`, also accept a 12-digit personal identification number. */
  acceptPersonalId?: boolean;
}

// Exact shapes, in priority order: the first match picks the parser, which then applies
// the real rules. Letters match case-insensitively so that `000.00.00.h56` is reported
// as a malformed agency code rather than as unrecognized.
const SHAPES: ReadonlyArray<readonly [RegExp, IdentifierKind]> = [
  [/^\d{12}$/, 'personal-id'],
  [/^\d{9}$/, 'cmnd'],
  [/^\d{10}(?:-.*)?$|^\d{13}$/s, 'tax-code'],
  [/^VN:/i, 'dstcode'],
  [/^[0-9A-Z.]+-\d+-\d+$/i, 'dossier-code'],
  [/^[A-Z]\d{2}-/i, 'field-code'],
  [/^\d\.\d{6}(?:\.|$)/, 'procedure-code'],
  [/^\d{3}\.\d{2}\.\d{2}\.|^[A-Z]\d{2}(?:\.|$)/i, 'agency-code'],
];

// Loose hints for values that match no exact shape: the nearest kind, whose parser
// then explains what shape was expected.
const HINTS: ReadonlyArray<readonly [RegExp, IdentifierKind]> = [
  [/^\d{1,9}$/, 'cmnd'],
  [/^\d+$/, 'personal-id'],
  [/:/, 'dstcode'],
  [/-.*-/s, 'dossier-code'],
  [/-/, 'field-code'],
  [/^\d\./, 'procedure-code'],
  [/^[A-Za-z]\d|^\d+\./, 'agency-code'],
];

// Nominal kind of a value with no hint at all (empty, prose, symbols): the identifier
// citizens are most often asked for.
const FALLBACK_KIND: IdentifierKind = 'personal-id';

/**
 * Detects the kind of identifier from its exact shape alone, in the order documented on
 * {@link parseIdentifier}; `undefined` when no shape fits. Surrounding whitespace is
 * ignored here (the parser reports it).
 *
 * @example
 * ```ts
 * import { detectIdentifierKind } from '@motcua/schemas/ids';
 * detectIdentifierKind('000.00.00.H56-250701-0001'); // 'dossier-code'
 * detectIdentifierKind('H56'); // 'agency-code'
 * detectIdentifierKind('xin chào'); // undefined
 * ```
 * @category Identifiers
 */
export function detectIdentifierKind(value: string): IdentifierKind | undefined {
  if (typeof value !== 'string' || value.length > MAX_IDENTIFIER_LENGTH) return undefined;
  const trimmed = value.trim();
  for (const [shape, kind] of SHAPES) if (shape.test(trimmed)) return kind;
  return undefined;
}

function parseAs(kind: IdentifierKind, value: string, options: ParseIdentifierOptions): IdentifierResult<unknown> {
  const now = options.now ?? new Date();
  switch (kind) {
    case 'personal-id':
      return parsePersonalId(value, { now });
    case 'cmnd':
      return parseCmnd(value);
    case 'tax-code':
      return parseTaxCode(value, { now, acceptPersonalId: options.acceptPersonalId === true });
    case 'agency-code':
      return parseAgencyCode(value);
    case 'dossier-code':
      return parseDossierCode(value);
    case 'procedure-code':
      return parseProcedureCode(value);
    case 'field-code':
      return parseFieldCode(value);
    case 'dstcode':
      return parseDstcode(value);
  }
}

const KNOWN_KINDS: ReadonlySet<string> = new Set<string>(IDENTIFIER_KINDS);

/** A value that matches no exact shape: `reason` first, then the nearest kind's own explanation. */
function unrecognized(
  value: string,
  reason: IdentifierProblem,
  options: ParseIdentifierOptions,
): IdentifierResult<unknown> {
  const prepared = prepareInput(value);
  if (!prepared.ok) return resultOf(FALLBACK_KIND, prepared.input, prepared.problems);
  const hint = HINTS.find(([shape]) => shape.test(prepared.value))?.[1];
  if (hint === undefined) return resultOf(FALLBACK_KIND, prepared.input, [...prepared.problems, reason]);
  const guessed = parseAs(hint, value, options);
  return resultOf(hint, prepared.input, [reason, ...guessed.problems]);
}

/**
 * Parses any identifier of this module, detecting its kind from the shape unless
 * `options.as` names it. Never throws.
 *
 * Detection looks at the value without surrounding whitespace and takes the first
 * exact shape that matches:
 *
 * 1. 12 digits → `personal-id` (số định danh cá nhân). A 12-digit value may also be a
 *    personal tax code or an old 12-digit CMND; the personal identification number is
 *    the most specific documented reading (it decodes province, gender and birth year),
 *    and since 2025 it reportedly is what a 12-digit personal tax code is;
 * 2. 9 digits → `cmnd`;
 * 3. 10 digits, 10 digits followed by `-…`, or 13 digits → `tax-code` (the latter two so
 *    that a malformed branch code gets the tax code's specific error);
 * 4. `VN:…` → `dstcode`;
 * 5. `<code>-<digits>-<digits>` → `dossier-code`;
 * 6. `MX1X2-…` → `field-code`;
 * 7. `d.dddddd` alone or followed by `.` → `procedure-code`;
 * 8. `ddd.dd.dd.…`, or `MX1X2` alone or followed by `.` → `agency-code`.
 *
 * A value matching none of them is invalid with error `ID_UNRECOGNIZED`, and no facts.
 * Its `kind` is then only the nearest guess (digits → `cmnd` up to 9, else
 * `personal-id`; `:` → `dstcode`; two `-` → `dossier-code`; one `-` → `field-code`;
 * `d.` → `procedure-code`; a letter then a digit, or digits then `.` → `agency-code`), followed by that
 * parser's own explanation; with no hint at all the kind is `personal-id` and
 * `ID_UNRECOGNIZED` is the only problem. An unsupported `as` is reported the same way,
 * with `ID_KIND_UNKNOWN`.
 *
 * Leading or trailing whitespace is an error (`ID_WHITESPACE`), but the trimmed value's
 * facts are still decoded.
 *
 * @example
 * ```ts
 * import { parseIdentifier } from '@motcua/schemas/ids';
 * const r = parseIdentifier('000.00.00.H56-250701-0001');
 * r.kind; // 'dossier-code'
 * r.facts; // { agencyCode: '000.00.00.H56', receivedDate: '2025-07-01', sequence: 1 }
 * parseIdentifier('0100109106', { as: 'tax-code' }).valid; // true
 * ```
 * @category Identifiers
 */
export function parseIdentifier(value: string, options: ParseIdentifierOptions = {}): IdentifierResult<unknown> {
  const opts = options ?? {};
  if (opts.as !== undefined) {
    if (KNOWN_KINDS.has(opts.as)) return parseAs(opts.as, value, opts);
    const as = typeof opts.as === 'string' ? opts.as.slice(0, 40) : typeof opts.as;
    return unrecognized(value, problem('ID_KIND_UNKNOWN', 'error', { as }), opts);
  }
  const kind = detectIdentifierKind(value);
  if (kind !== undefined) return parseAs(kind, value, opts);
  return unrecognized(value, problem('ID_UNRECOGNIZED', 'error'), opts);
}
