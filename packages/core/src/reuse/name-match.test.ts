import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldVietnameseName,
  matchBirthDates,
  matchVietnameseNames,
  type NameMatch,
  vietnameseNameKey,
} from './name-match.ts';

const verdict = (a: string, b: string): NameMatch['verdict'] => matchVietnameseNames(a, b).verdict;

describe('matchVietnameseNames', () => {
  it('accepts spellings of the same name', () => {
    expect(matchVietnameseNames('Nguyễn Thị Lan', 'Nguyễn Thị Lan')).toEqual({ verdict: 'match', differences: [] });
    expect(matchVietnameseNames('NGUYỄN THỊ LAN', 'Nguyễn Thị Lan')).toEqual({
      verdict: 'match',
      differences: ['case'],
    });
    expect(matchVietnameseNames('  Nguyễn   Thị\u00a0Lan ', 'Nguyễn Thị Lan')).toEqual({
      verdict: 'match',
      differences: ['spacing'],
    });
    expect(matchVietnameseNames('Nguyễn Thị Lan'.normalize('NFD'), 'Nguyễn Thị Lan')).toEqual({
      verdict: 'match',
      differences: ['unicode-form'],
    });
    expect(matchVietnameseNames('Lê Thị Hoà', 'Lê Thị Hòa')).toEqual({
      verdict: 'match',
      differences: ['tone-placement'],
    });
    expect(matchVietnameseNames('Trần Thuý', 'Trần Thúy').verdict).toBe('match');
    expect(matchVietnameseNames('ÐINH VĂN KHOẺ', 'Đinh Văn Khỏe')).toEqual({
      verdict: 'match',
      differences: ['d-lookalike', 'case', 'tone-placement'],
    });
  });

  it('reports a name written without diacritics as probable, never as a match', () => {
    expect(matchVietnameseNames('Nguyen Thi Lan', 'Nguyễn Thị Lan')).toEqual({
      verdict: 'probable',
      differences: ['missing-diacritics'],
    });
    expect(verdict('DANG VAN NAM', 'Đặng Văn Nam')).toBe('probable');
  });

  it('reports different names as mismatches, with what differs', () => {
    expect(matchVietnameseNames('Nguyễn Thị Lan', 'Nguyễn Thị Lân')).toEqual({
      verdict: 'mismatch',
      differences: ['diacritics'],
    });
    expect(matchVietnameseNames('Đặng Văn Nam', 'Dặng Văn Nam')).toEqual({
      verdict: 'mismatch',
      differences: ['d-stroke'],
    });
    expect(matchVietnameseNames('Đào Thị Mai', 'Dào Thị Mai').differences).toEqual(['d-stroke']);
    expect(matchVietnameseNames('Nguyễn Thị Lan', 'Nguyễn Thị Lam')).toEqual({
      verdict: 'mismatch',
      differences: ['letters'],
    });
    expect(verdict('Nguyễn Thị Lan', 'Lan Nguyễn Thị')).toBe('mismatch');
  });

  it('folds and keys names', () => {
    expect(foldVietnameseName('Đặng Thị Ánh Tuyết')).toBe('dang thi anh tuyet');
    expect(vietnameseNameKey('  NGUYỄN  Thị Hoà ')).toBe(vietnameseNameKey('Nguyễn Thị Hòa'));
  });
});

// Vietnamese syllables: an onset, a rhyme and one of six tones (none, huyền, sắc, hỏi, ngã, nặng).
const ONSETS = ['', 'b', 'c', 'd', 'đ', 'g', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'th', 'tr', 'v', 'x'];
const RHYMES = [
  'a',
  'an',
  'anh',
  'ăng',
  'âm',
  'e',
  'ê',
  'i',
  'inh',
  'o',
  'oa',
  'oan',
  'oe',
  'ô',
  'ơ',
  'uy',
  'uyên',
  'ư',
  'ương',
  'y',
  'yên',
];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const OLD_STYLE = new Set(['oa', 'oe', 'uy']);

/** A syllable with its tone on the main vowel (new style), plus the old-style spelling when it differs. */
function spell(onset: string, rhyme: string, tone: string): { word: string; oldStyle: string } {
  const chars = [...rhyme.normalize('NFD')];
  const vowels = chars.map((c, i) => ({ c, i })).filter(({ c }) => /[aeiouyăâêôơư]/i.test(c.normalize('NFC')));
  const firstVowel = vowels[0]?.i ?? 0;
  const lastVowel = vowels.at(-1)?.i ?? 0;
  const place = (at: number) => {
    const out = [...chars];
    // The tone mark goes after the vowel and its quality mark, if any.
    let j = at + 1;
    while (j < out.length && /[\u0302\u0306\u031b]/.test(out[j] as string)) j++;
    out.splice(j, 0, tone);
    return `${onset}${out.join('')}`.normalize('NFC');
  };
  const newStyle = place(vowels.length > 1 ? lastVowel : firstVowel);
  const oldStyle = OLD_STYLE.has(rhyme) && tone !== '' ? place(firstVowel) : newStyle;
  return { word: newStyle, oldStyle };
}

const syllable = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...RHYMES), fc.constantFrom(...TONES))
  .map(([o, r, t]) => spell(o, r, t));
const name = fc.array(syllable, { minLength: 2, maxLength: 4 });
const capitalize = (w: string) => (w === '' ? w : (w[0] as string).toUpperCase() + w.slice(1));
const hasMarks = (s: string) => foldVietnameseName(s) !== s.toLowerCase().normalize('NFC');

describe('matchVietnameseNames (properties)', () => {
  it('is reflexive and symmetric', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const x = a.map((s) => capitalize(s.word)).join(' ');
        const y = b.map((s) => capitalize(s.word)).join(' ');
        expect(verdict(x, x)).toBe('match');
        expect(verdict(x, y)).toBe(verdict(y, x));
      }),
    );
  });

  it('ignores Unicode form, case, spacing and old-style tone placement', () => {
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 3 }), (n, spaces) => {
        const canonical = n.map((s) => capitalize(s.word)).join(' ');
        const variant = ` ${n.map((s) => s.oldStyle.toUpperCase()).join(' '.repeat(spaces))} `.normalize('NFD');
        expect(verdict(variant, canonical)).toBe('match');
      }),
    );
  });

  it('never accepts a name stripped of its diacritics: probable at best', () => {
    fc.assert(
      fc.property(name, (n) => {
        const full = n.map((s) => capitalize(s.word)).join(' ');
        fc.pre(hasMarks(full));
        expect(verdict(foldVietnameseName(full), full)).toBe('probable');
      }),
    );
  });

  it('reports a changed tone or a changed Đ/D as a mismatch when the name carries diacritics', () => {
    fc.assert(
      fc.property(name, fc.nat(), fc.constantFrom(...TONES), (n, pick, tone) => {
        const i = pick % n.length;
        const original = n.map((s) => s.word).join(' ');
        const target = n[i] as { word: string };
        const base = [...target.word.normalize('NFD')].filter((c) => !TONES.includes(c) || c === '').join('');
        const retoned = spell('', base.normalize('NFC'), tone).word;
        const changed = n.map((s, j) => (j === i ? retoned : s.word)).join(' ');
        fc.pre(changed.normalize('NFC') !== original.normalize('NFC') && hasMarks(original) && hasMarks(changed));
        expect(verdict(changed, original)).toBe('mismatch');
      }),
    );
    fc.assert(
      fc.property(name, (n) => {
        const original = `Đặng ${n.map((s) => s.word).join(' ')}`;
        expect(matchVietnameseNames(original.replace('Đ', 'D'), original)).toEqual({
          verdict: 'mismatch',
          differences: ['d-stroke'],
        });
      }),
    );
  });

  it('reports a changed letter as a mismatch', () => {
    fc.assert(
      fc.property(name, fc.constantFrom('b', 'k', 'q', 'z'), (n, letter) => {
        const original = n.map((s) => s.word).join(' ');
        const changed = `${letter}${original}`;
        expect(verdict(changed, original)).toBe('mismatch');
      }),
    );
  });
});

describe('matchBirthDates', () => {
  it('matches equal dates and a year against any date of that year', () => {
    expect(matchBirthDates('1990-05-17', '1990-05-17')).toEqual({ verdict: 'match', precision: 'day' });
    expect(matchBirthDates('1948', '1948-03-02')).toEqual({ verdict: 'match', precision: 'year' });
    expect(matchBirthDates('1948-03-02', '1948')).toEqual({ verdict: 'match', precision: 'year' });
    expect(matchBirthDates('1990-05-17', '1990-05-18')).toEqual({ verdict: 'mismatch' });
    expect(matchBirthDates('1947', '1948-03-02')).toEqual({ verdict: 'mismatch' });
  });
});
