import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, VALID_FIXTURES } from '../../test/fixtures/canonical/load.ts';
import { validate } from '../registry.ts';

const KINDS = ['dossier', 'procedure', 'party', 'issued-document', 'digitized-document', 'access-log-entry'] as const;

function deep(levels: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < levels; i++) v = { applicant: v, statusHistory: [v] };
  return v;
}

const throwingGetter = Object.defineProperty({}, 'id', {
  enumerable: true,
  get() {
    throw new Error('boom');
  },
});

const throwingProxy = new Proxy(
  {},
  {
    get() {
      throw new Error('proxy get');
    },
    ownKeys() {
      throw new Error('proxy keys');
    },
  },
);

const cyclic: Record<string, unknown> = { id: 'x' };
cyclic.applicant = cyclic;

const HOSTILE: unknown[] = [
  undefined,
  null,
  0,
  Number.NaN,
  -0,
  Number.POSITIVE_INFINITY,
  '',
  'x'.repeat(1_000_000),
  true,
  [],
  [fixture('dossier.valid.json')],
  Symbol('s'),
  () => 1,
  new Date(),
  new Map(),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}'),
  Object.create(null),
  throwingGetter,
  throwingProxy,
  cyclic,
  deep(2000),
  { id: 1, code: {}, status: [], statusHistory: 'x', components: { length: 1e9 } },
];

describe('hostile input never throws', () => {
  it.each(KINDS)('%s: fixed hostile values', (kind) => {
    for (const input of HOSTILE) {
      for (const lang of ['vi', 'en'] as const) {
        const r = validate(kind, input, { lang });
        expect(r.ok).toBe(false);
        expect(r.issues.length).toBeGreaterThan(0);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('property: arbitrary JSON values and corrupted fixtures never throw', () => {
    const corrupted = fc.tuple(fc.constantFrom(...VALID_FIXTURES), fc.jsonValue(), fc.nat()).map(([f, junk, n]) => {
      const value = structuredClone(f.value) as Record<string, unknown>;
      const keys = Object.keys(value);
      const key = keys[n % keys.length] ?? 'id';
      value[key] = junk;
      return { kind: f.kind, value };
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ kind: fc.constantFrom(...KINDS), value: fc.anything() }),
          fc.record({ kind: fc.constantFrom(...KINDS), value: fc.jsonValue() }),
          corrupted,
        ),
        ({ kind, value }) => {
          const r = validate(kind, value);
          expect(Array.isArray(r.issues)).toBe(true);
          for (const i of r.issues) {
            expect(typeof i.message).toBe('string');
            expect(typeof i.path).toBe('string');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps over-long strings bounded and reports them', () => {
    const d = fixture('dossier.valid.json');
    (d as Record<string, unknown>).receivedAt = `2025-07-01T08:30:00${'0'.repeat(100_000)}+07:00`;
    const r = validate('dossier', d);
    expect(r.issues.map((i) => `${i.code}@${i.path}`)).toContain('DATE_INVALID@receivedAt');
  });
});
