/**
 * Files loaded by URL at run time (worker threads) are invisible to the bundler's import graph:
 * each must be an entry of the package's tsdown build, or the published CLI fails on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const config = readFileSync(join(src, '..', 'tsdown.config.ts'), 'utf8');

describe('packaging', () => {
  it('every file loaded by URL is a build entry', () => {
    const loaded = new Set<string>();
    for (const f of readdirSync(src)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const text = readFileSync(join(src, f), 'utf8');
      for (const m of text.matchAll(/'\.\/([\w-]+)\.ts'\s*:\s*'\.\/\1\.js'/g)) loaded.add(m[1] as string);
    }
    expect([...loaded]).toContain('ndjson-worker');
    for (const name of loaded) expect(config).toContain(`'src/${name}.ts'`);
  });
});
