import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MESSAGES } from './messages.ts';
import { validate } from './registry.ts';
import { customIssue, localizeIssues, validateWith } from './validate.ts';

const schema = z
  .object({
    code: z.string().min(1).max(5),
    status: z.enum(['1', '2']),
    items: z.array(z.object({ n: z.number().int() })).max(2),
    url: z.url().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.code === 'BAD') ctx.addIssue(customIssue('DATE_INVALID', { format: 'yyyyMMddHHmmss' }, ['code']));
  });

describe('validateWith', () => {
  it('maps zod issues to stable codes with dotted paths, in both languages', () => {
    const input = { code: '', status: '3', items: [{ n: 1 }, { n: 'x' }] };
    const vi = validateWith(schema, input);
    const en = validateWith(schema, input, undefined, { lang: 'en' });
    expect(vi.ok).toBe(false);
    const summary = en.issues.map((i) => [i.path, i.code]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['code', 'REQUIRED'],
        ['status', 'VALUE_NOT_ALLOWED'],
        ['items.1.n', 'TYPE_INVALID'],
      ]),
    );
    const long = { code: 'a', status: '1', items: [{ n: 1 }, { n: 2 }, { n: 3 }] };
    expect(validateWith(schema, long, undefined, { lang: 'en' }).issues).toEqual([
      {
        path: 'items',
        code: 'ARRAY_TOO_LONG',
        severity: 'error',
        message: 'List is too long: at most 2 items',
        params: { maximum: 2 },
      },
    ]);
    expect(validateWith(schema, long).issues[0]?.message).toBe('Danh sách quá dài: tối đa 2 phần tử');
    expect(en.issues.find((i) => i.code === 'TYPE_INVALID')?.params).toEqual({
      expected: 'number',
      received: 'string',
    });
  });

  it('reports a missing field as REQUIRED and catalogued custom issues by their code', () => {
    const r = validateWith(schema, { status: '1', items: [] }, undefined, { lang: 'en' });
    expect(r.issues).toEqual([
      { path: 'code', code: 'REQUIRED', severity: 'error', message: 'Required value is missing' },
    ]);
    const c = validateWith(schema, { code: 'BAD', status: '1', items: [] }, undefined, { lang: 'en' });
    expect(c.issues).toEqual([
      {
        path: 'code',
        code: 'DATE_INVALID',
        severity: 'error',
        message: 'Invalid instant: expected yyyyMMddHHmmss denoting a real instant',
        params: { format: 'yyyyMMddHHmmss' },
      },
    ]);
  });

  it('keeps warnings from making the input invalid', () => {
    const r = validateWith(schema, { code: 'ok', status: '1', items: [] }, () => [
      { code: 'URL_INVALID', path: ['url'], severity: 'warning' },
    ]);
    expect(r.ok).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.severity).toBe('warning');
  });

  it('never throws, whatever the input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'x',
      [],
      Object.create(null),
      JSON.parse('{"__proto__":{"polluted":true},"code":"a","status":"1","items":[]}'),
    ];
    for (const input of hostile) {
      expect(() => validateWith(schema, input)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a schema that throws as an issue instead of throwing', () => {
    const throwing = z.string().transform(() => {
      throw new Error('boom');
    });
    const r = validateWith(throwing, 'x', undefined, { lang: 'en' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'CUSTOM', message: 'boom' });
  });
});

describe('zod issue mapping', () => {
  it('says NUMBER_NOT_INTEGER for a fraction and NUMBER_TOO_BIG beyond the safe range', () => {
    const money = z.object({ amount: z.number().int() });
    expect(validateWith(money, { amount: 1.5 }).issues[0]?.code).toBe('NUMBER_NOT_INTEGER');
    expect(validateWith(money, { amount: 2 ** 60 }).issues[0]?.code).toBe('NUMBER_TOO_BIG');
    expect(validateWith(money, { amount: '1' }).issues[0]?.code).toBe('TYPE_INVALID');
  });

  it('names a missing or unknown discriminator of a discriminated union', () => {
    const party = z.discriminatedUnion('type', [
      z.object({ type: z.literal('citizen'), name: z.string() }),
      z.object({ type: z.literal('organisation') }),
    ]);
    expect(validateWith(party, {}).issues[0]).toMatchObject({ code: 'REQUIRED', path: 'type' });
    expect(validateWith(party, { type: 'robot' }, undefined, { lang: 'en' }).issues[0]).toMatchObject({
      code: 'VALUE_NOT_ALLOWED',
      path: 'type',
      message: 'Value is not one of the allowed values: "citizen", "organisation"',
    });
  });
});

describe('validate', () => {
  it('reports an unknown kind as an issue', () => {
    const r = validate('no-such-kind', {}, { lang: 'en' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('KIND_UNKNOWN');
  });
});

describe('message catalogue', () => {
  it('has a non-empty Vietnamese and English text for every code, with the same placeholders', () => {
    for (const [code, m] of Object.entries(MESSAGES)) {
      expect(m.vi.length, code).toBeGreaterThan(0);
      expect(m.en.length, code).toBeGreaterThan(0);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(ph(m.vi), code).toEqual(ph(m.en));
    }
  });

  it('localizes unknown codes to the code itself', () => {
    expect(localizeIssues([{ code: 'NOPE', path: [] }])[0]?.message).toBe('NOPE');
  });
});
