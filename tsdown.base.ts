import type { UserConfig } from 'tsdown';

/**
 * Shared tsdown settings for every published `@motcua/*` package: ESM only, one
 * `.d.ts` per entry (isolated declarations make this fast), and the packaging
 * checks (publint, attw) that fail the build on a broken `exports` map.
 */
export function packageConfig(entry: string[]): UserConfig {
  return {
    entry,
    format: 'esm',
    platform: 'neutral',
    target: 'node22',
    dts: true,
    clean: true,
    sourcemap: true,
    unbundle: true,
    fixedExtension: false,
    root: 'src',
    publint: { level: 'suggestion', strict: true },
    attw: { profile: 'esm-only', level: 'error' },
  };
}
