import { defineConfig } from 'vitest/config';

const conditions = ['@motcua/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  // Only our source condition and 'node' for SSR: vitest hands these to Node as --conditions,
  // and 'import'/'module' there would make CommonJS packages (pg) load ESM builds of their deps.
  ssr: { resolve: { conditions: ['@motcua/source', 'node'], externalConditions: ['@motcua/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
