import { describe, expect, it } from 'vitest';
import { INVALID_CASES } from '../../test/fixtures/canonical/load.ts';
import { MESSAGES } from '../messages.ts';
import { CANONICAL_MESSAGES } from './messages.ts';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('canonical messages', () => {
  it.each(Object.entries(CANONICAL_MESSAGES))(
    '%s has real Vietnamese and English with the same placeholders',
    (code, t) => {
      expect(code).toMatch(/^CANON_[A-Z0-9_]+$/);
      expect(t.vi).toMatch(VIETNAMESE);
      expect(t.en).not.toMatch(VIETNAMESE);
      expect(t.vi).not.toBe(t.en);
      expect(placeholders(t.vi)).toEqual(placeholders(t.en));
    },
  );

  it('every code expected by the fixtures is catalogued', () => {
    for (const c of INVALID_CASES) for (const e of c.errors) expect(MESSAGES[e.code], e.code).toBeDefined();
  });

  it('are merged into the package catalogue', () => {
    for (const code of Object.keys(CANONICAL_MESSAGES)) expect(MESSAGES[code]).toBe(CANONICAL_MESSAGES[code]);
  });
});
