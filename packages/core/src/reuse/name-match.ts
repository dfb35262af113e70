/**
 * Vietnamese-aware record matching: is the owner named on a stored paper the applicant?
 *
 * The same name reaches the one-stop system in many spellings: precomposed or
 * decomposed Unicode (NFC / NFD, depending on the keyboard and the OS), upper case on
 * identity cards, stray spaces, the tone mark on either vowel of `oa` / `oe` / `uy`
 * ("Hoà" and "Hòa" — old and new orthography), the Icelandic `Ð` typed for `Đ`, or no
 * diacritics at all from a legacy system. Those are all the same name. `Lan` and
 * `Lân`, `Đào` and `Dào` are not. A name that can only be matched by dropping every
 * diacritic is reported as `probable` — never silently accepted.
 *
 * @module
 */

/**
 * What differs between two spellings of a name:
 *
 * | Difference | Example | Verdict |
 * |---|---|---|
 * | `unicode-form` | NFD `Nguyễn` vs NFC `Nguyễn` | match |
 * | `d-lookalike` | `ÐINH` (U+00D0) vs `ĐINH` (U+0110) | match |
 * | `spacing` | `Nguyễn  Thị Lan ` vs `Nguyễn Thị Lan` | match |
 * | `case` | `NGUYỄN THỊ LAN` vs `Nguyễn Thị Lan` | match |
 * | `tone-placement` | `Hoà` vs `Hòa` | match |
 * | `missing-diacritics` | `Nguyen Thi Lan` vs `Nguyễn Thị Lan` | probable |
 * | `d-stroke` | `Dặng` vs `Đặng` (both written with diacritics) | mismatch |
 * | `diacritics` | `Lan` vs `Lân` (both names written with diacritics) | mismatch |
 * | `letters` | `Lan` vs `Lam` | mismatch |
 *
 * @example
 * ```ts
 * import type { NameDifference } from '@motcua/core';
 * const d: NameDifference = 'tone-placement';
 * ```
 * @category Reuse
 */
export type NameDifference =
  | 'unicode-form'
  | 'd-lookalike'
  | 'spacing'
  | 'case'
  | 'tone-placement'
  | 'missing-diacritics'
  | 'd-stroke'
  | 'diacritics'
  | 'letters';

/**
 * The outcome of {@link matchVietnameseNames}: `match` (the same name, possibly spelled
 * differently), `probable` (equal only once every diacritic is dropped, and one side
 * has none: an officer must confirm), `mismatch`.
 *
 * @example
 * ```ts
 * import type { NameMatch } from '@motcua/core';
 * const m: NameMatch = { verdict: 'probable', differences: ['missing-diacritics'] };
 * ```
 * @category Reuse
 */
export interface NameMatch {
  /** Same name, probably the same name, or another name. */
  verdict: 'match' | 'probable' | 'mismatch';
  /** What differs (empty when the two strings are identical). */
  differences: NameDifference[];
}

// Vietnamese tone marks (dấu thanh) as combining characters: huyền, sắc, ngã, hỏi, nặng.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const COMBINING = /[\u0300-\u036f]/g;
// Letters typed for Đ / đ because they look alike: Icelandic eth, African D.
const D_LOOKALIKES = /[\u00d0\u0189]/g;
const d_LOOKALIKES = /[\u00f0\u0256]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /\s+/gu;

function fixD(s: string): string {
  return s.replace(D_LOOKALIKES, 'Đ').replace(d_LOOKALIKES, 'đ');
}

function collapse(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** One syllable with its tone mark pulled out, so the mark's position does not matter. */
function syllableKey(syllable: string): string {
  let base = '';
  let tone = '';
  for (const ch of syllable.normalize('NFD')) {
    if (TONE_MARKS.has(ch)) tone += ch;
    else base += ch;
  }
  return tone === '' ? base.normalize('NFC') : `${base.normalize('NFC')}|${tone}`;
}

function toneKey(s: string): string {
  return s
    .split(' ')
    .map((w) => (w === '' ? w : syllableKey(w)))
    .join(' ');
}

type Step = (s: string) => string;
const STEPS: ReadonlyArray<{ difference: NameDifference; apply: Step }> = [
  { difference: 'unicode-form', apply: (s) => s.normalize('NFC') },
  { difference: 'd-lookalike', apply: fixD },
  { difference: 'spacing', apply: collapse },
  { difference: 'case', apply: (s) => s.toLowerCase() },
  { difference: 'tone-placement', apply: toneKey },
];

function run(s: string, skip?: NameDifference): string {
  let out = s;
  for (const step of STEPS) if (step.difference !== skip) out = step.apply(out);
  return out;
}

/** Steps that changed either side while the two still differed (when no single step was necessary). */
function changedSteps(a: string, b: string): NameDifference[] {
  const out: NameDifference[] = [];
  let x = a;
  let y = b;
  for (const step of STEPS) {
    if (x === y) break;
    const nx = step.apply(x);
    const ny = step.apply(y);
    if (nx !== x || ny !== y) out.push(step.difference);
    x = nx;
    y = ny;
  }
  return out;
}

/**
 * A name in one canonical spelling: NFC, `Đ` for its look-alikes, single spaces, lower
 * case, with each syllable's tone mark in the position NFC gives it after the
 * syllable's other marks. Two spellings {@link matchVietnameseNames} calls `match`
 * have the same key.
 *
 * @example
 * ```ts
 * import { vietnameseNameKey } from '@motcua/core';
 * vietnameseNameKey('  NGUYỄN  Thị Hoà ') === vietnameseNameKey('Nguyễn Thị Hòa'); // true
 * ```
 * @category Reuse
 */
export function vietnameseNameKey(name: string): string {
  return run(name);
}

/**
 * A name with every diacritic dropped and `đ` as `d`, lower case, single spaces — how
 * a legacy ASCII system would have stored it.
 *
 * @example
 * ```ts
 * import { foldVietnameseName } from '@motcua/core';
 * foldVietnameseName('Đặng Thị Ánh Tuyết'); // 'dang thi anh tuyet'
 * ```
 * @category Reuse
 */
export function foldVietnameseName(name: string): string {
  return collapse(fixD(name.normalize('NFC')))
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

function hasDiacritics(name: string): boolean {
  const lower = collapse(fixD(name.normalize('NFC'))).toLowerCase();
  return foldVietnameseName(name) !== lower;
}

/**
 * Compares two spellings of a person's name, Vietnamese-aware: Unicode form, case,
 * spacing, tone-mark placement and `Ð` look-alikes do not make a difference; missing
 * diacritics make a `probable` match that an officer must confirm; anything else is a
 * `mismatch`. Symmetric: `matchVietnameseNames(a, b)` and `(b, a)` agree.
 *
 * @example
 * ```ts
 * import { matchVietnameseNames } from '@motcua/core';
 * matchVietnameseNames('NGUYỄN THỊ HOÀ', 'Nguyễn Thị Hòa').verdict; // 'match'
 * matchVietnameseNames('Nguyen Thi Hoa', 'Nguyễn Thị Hòa').verdict; // 'probable'
 * matchVietnameseNames('Nguyễn Thị Lan', 'Nguyễn Thị Lân').verdict; // 'mismatch'
 * matchVietnameseNames('Đặng Văn Nam', 'Dặng Văn Nam').differences; // ['d-stroke']
 * ```
 * @category Reuse
 */
export function matchVietnameseNames(a: string, b: string): NameMatch {
  if (a === b) return { verdict: 'match', differences: [] };
  const ka = run(a);
  const kb = run(b);
  if (ka === kb) {
    const differences = STEPS.filter(
      (step) =>
        run(a, step.difference) !== run(b, step.difference) ||
        // NFC changes nothing the tone key does not also normalize; report it when one side is not NFC.
        (step.difference === 'unicode-form' && (a.normalize('NFC') !== a || b.normalize('NFC') !== b)),
    ).map((step) => step.difference);
    return { verdict: 'match', differences: differences.length > 0 ? differences : changedSteps(a, b) };
  }
  if (foldVietnameseName(a) === foldVietnameseName(b)) {
    if (!hasDiacritics(a) || !hasDiacritics(b)) return { verdict: 'probable', differences: ['missing-diacritics'] };
    const onlyD = ka.replace(/đ/g, 'd') === kb.replace(/đ/g, 'd');
    return { verdict: 'mismatch', differences: [onlyD ? 'd-stroke' : 'diacritics'] };
  }
  return { verdict: 'mismatch', differences: ['letters'] };
}

/**
 * The outcome of {@link matchBirthDates}: `match` at day precision, `match` at year
 * precision (one side records only the year, as older civil-status records do), or
 * `mismatch`.
 *
 * @example
 * ```ts
 * import type { BirthDateMatch } from '@motcua/core';
 * const m: BirthDateMatch = { verdict: 'match', precision: 'year' };
 * ```
 * @category Reuse
 */
export type BirthDateMatch = { verdict: 'match'; precision: 'day' | 'year' } | { verdict: 'mismatch' };

/**
 * Compares two birth dates (`YYYY-MM-DD` or `YYYY`). A year alone matches any date of
 * that year, reported with `precision: 'year'`.
 *
 * @example
 * ```ts
 * import { matchBirthDates } from '@motcua/core';
 * matchBirthDates('1948', '1948-03-02'); // { verdict: 'match', precision: 'year' }
 * matchBirthDates('1990-05-17', '1990-05-18'); // { verdict: 'mismatch' }
 * ```
 * @category Reuse
 */
export function matchBirthDates(a: string, b: string): BirthDateMatch {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return { verdict: 'match', precision: x.length === 4 ? 'year' : 'day' };
  if ((x.length === 4 || y.length === 4) && x.slice(0, 4) === y.slice(0, 4))
    return { verdict: 'match', precision: 'year' };
  return { verdict: 'mismatch' };
}
