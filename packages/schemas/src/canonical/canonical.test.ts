import { describe, expect, it } from 'vitest';
import { applyCase, INVALID_CASES, VALID_FIXTURES } from '../../test/fixtures/canonical/load.ts';
import { MESSAGES } from '../messages.ts';
import { KINDS, validate } from '../registry.ts';

const summary = (issues: ReadonlyArray<{ code: string; path: string }>) =>
  issues.map((i) => `${i.code}@${i.path}`).sort();

describe('canonical kinds are registered', () => {
  it('has the six canonical kinds', () => {
    for (const kind of ['dossier', 'procedure', 'party', 'issued-document', 'digitized-document', 'access-log-entry']) {
      expect(KINDS[kind]?.kind).toBe(kind);
    }
  });
});

describe('valid fixtures', () => {
  it.each(VALID_FIXTURES.map((f) => [f.file, f] as const))('%s is valid without any issue', (_file, f) => {
    for (const lang of ['vi', 'en'] as const) {
      const r = validate(f.kind, f.value, { lang });
      expect(r.issues).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.value).toEqual(f.value);
    }
  });
});

describe('invalid fixtures report exact codes and paths, in both languages', () => {
  it.each(INVALID_CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const input = applyCase(c);
    const vi = validate(c.kind, input, { lang: 'vi' });
    const en = validate(c.kind, input, { lang: 'en' });
    expect(vi.ok).toBe(false);
    expect(en.ok).toBe(false);
    const errors = vi.issues.filter((i) => i.severity === 'error');
    expect(summary(errors)).toEqual(summary(c.errors));
    expect(summary(en.issues.filter((i) => i.severity === 'error'))).toEqual(summary(c.errors));
    for (const [i, issue] of vi.issues.entries()) {
      const other = en.issues[i];
      expect(MESSAGES[issue.code], `message for ${issue.code}`).toBeDefined();
      expect(issue.message).not.toBe('');
      expect(issue.message).not.toContain('{');
      expect(other?.message).not.toContain('{');
      if (issue.code !== 'CUSTOM') expect(other?.message).not.toBe(issue.message);
    }
  });
});
