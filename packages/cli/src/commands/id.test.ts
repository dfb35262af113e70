import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/memory-io.ts';
import { idCommand } from './id.ts';

describe('motcua id', () => {
  it('parses a personal ID, masks its random part, labels facts in Vietnamese, exits 0', async () => {
    const io = memoryIo();
    expect(await idCommand.run(['038099012345'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('038099******');
    expect(out).not.toContain('012345');
    expect(out).toContain('số định danh cá nhân (personal-id) — HỢP LỆ');
    expect(out).toContain('tỉnh nơi đăng ký khai sinh: Thanh Hóa');
    expect(out).toContain('năm sinh: 1999');
  });

  it('prints JSON facts without the random part', async () => {
    const io = memoryIo();
    expect(await idCommand.run(['038099012345', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ kind: 'personal-id', valid: true, input: '038099******' });
    expect(out.facts).toMatchObject({ provinceCode: '038', gender: 'male', birthYear: 1999 });
    expect(out.facts.random).toBeUndefined();
  });

  it('reports a wrong tax check digit in English and exits 1', async () => {
    const io = memoryIo();
    expect(await idCommand.run(['0100109107', '--as', 'tax-code', '--lang', 'en', '--json'], io)).toBe(1);
    const out = JSON.parse(io.out());
    expect(out.valid).toBe(false);
    expect(out.problems[0].code).toBe('ID_TAX_CHECK_DIGIT');
    expect(out.problems[0].message).toMatch(/[a-z]/);
  });

  it('says when a value is not recognized', async () => {
    const io = memoryIo();
    expect(await idCommand.run(['xin chào'], io)).toBe(1);
    expect(io.out()).toContain('không nhận dạng được');
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [[], ['a', 'b'], ['x', '--as', 'passport'], ['x', '--frob']]) {
      const io = memoryIo();
      expect(await idCommand.run(args, io), args.join(' ')).toBe(2);
      expect(io.err().length).toBeGreaterThan(0);
    }
  });
});
