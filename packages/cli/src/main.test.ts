import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../test/memory-io.ts';
import { COMMANDS, main } from './main.ts';

describe('motcua main', () => {
  it('lists every command in --help, in Vietnamese by default and English with --lang en', async () => {
    const vi = memoryIo();
    expect(await main(['--help'], vi)).toBe(0);
    expect(vi.out()).toContain('Các lệnh:');
    const en = memoryIo();
    expect(await main(['--help', '--lang', 'en'], en)).toBe(0);
    expect(en.out()).toContain('Commands:');
    const loaded = await Promise.all(COMMANDS.map((e) => e.load()));
    expect(loaded.map((c) => c.name)).toEqual(COMMANDS.map((e) => e.name));
    for (const c of loaded) {
      expect(vi.out()).toContain(c.summary.vi);
      expect(en.out()).toContain(c.summary.en);
    }
  });

  it('exits 2 on no command or an unknown command, with a message on stderr', async () => {
    expect(await main([], memoryIo())).toBe(2);
    const io = memoryIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("không có lệnh 'frobnicate'");
  });

  it('prints a command usage with <command> --help', async () => {
    for (const c of COMMANDS) {
      const io = memoryIo();
      expect(await main([c.name, '--help'], io)).toBe(0);
      expect(io.out()).toContain(`motcua ${c.name}`);
    }
  });
});

describe('motcua validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('exits 2 on usage errors: no file, no --as, unknown kind, unknown flag', async () => {
    for (const args of [
      ['--as', 'dvcqg-dossier'],
      [write('a.json', '{}')],
      ['x.json', '--as', 'nope'],
      ['x.json', '--as', 'dvcqg-dossier', '--frob'],
    ]) {
      const io = memoryIo();
      expect(await main(['validate', ...args], io), args.join(' ')).toBe(2);
      expect(io.err()).toContain('motcua validate:');
    }
  });

  it('exits 2 on unreadable input: missing file, directory', async () => {
    const missing = memoryIo();
    expect(await main(['validate', join(dir, 'missing.json'), '--as', 'dvcqg-dossier', '--lang', 'en'], missing)).toBe(
      2,
    );
    expect(missing.err()).toContain('file not found');
    const directory = memoryIo();
    expect(await main(['validate', dir, '--as', 'dvcqg-dossier'], directory)).toBe(2);
    expect(directory.err()).toContain('là thư mục');
  });

  it('treats malformed JSON as invalid input (exit 1) with a clear message, in JSON too', async () => {
    const p = write('bad.json', '{"MaHoSo": ');
    const io = memoryIo();
    expect(await main(['validate', p, '--as', 'dvcqg-dossier', '--json', '--lang', 'en'], io)).toBe(1);
    const out = JSON.parse(io.out()) as { valid: boolean; issues: { code: string; message: string }[] };
    expect(out.valid).toBe(false);
    expect(out.issues[0]?.code).toBe('JSON_MALFORMED');
    expect(out.issues[0]?.message).toMatch(/^Malformed JSON: /);
  });

  it('reads standard input with -', async () => {
    const io = memoryIo('[1, 2');
    expect(await main(['validate', '-', '--as', 'dvcqg-progress'], io)).toBe(1);
    expect(io.out()).toContain('JSON không hợp lệ');
  });

  it('reports an input over --max-bytes as invalid without reading it whole', async () => {
    const p = write('big.json', `[${'1,'.repeat(1000)}1]`);
    const io = memoryIo();
    expect(await main(['validate', p, '--as', 'dvcqg-progress', '--max-bytes', '100', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out()).issues[0].code).toBe('INPUT_TOO_LARGE');
  });

  it('streams NDJSON: one result line per record and a summary line', async () => {
    const p = write('lines.ndjson', '{"a":1}\nnot json\n\n[]\n');
    const io = memoryIo();
    const code = await main(['validate', p, '--as', 'dvcqg-progress', '--ndjson', '--json'], io);
    expect(code).toBe(1);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line ?? 'summary')).toEqual([1, 2, 4, 'summary']);
    expect(lines[1].issues[0].code).toBe('JSON_MALFORMED');
    expect(lines[3].summary).toMatchObject({ records: 3, blankLines: 1 });
  });
});

describe('motcua demo', () => {
  it('validates the bundled sample batch and prints a readable report (exit 0)', async () => {
    const io = memoryIo();
    expect(await main(['demo', '--lang', 'en'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Kind: dvcqg-dossier');
    expect(out).toMatch(/Records: 8 — valid \d, invalid \d/);
    expect(out).toContain('RESULT: INVALID');
    // Personal numbers never appear in the report.
    expect(out).not.toMatch(/\b\d{12}\b/);
  });
});
