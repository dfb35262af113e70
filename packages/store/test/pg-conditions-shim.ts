/**
 * Test-only shim; import it before `pg`.
 *
 * The root vitest config passes its SSR resolve conditions (which include `import` and
 * `module`) to Node as `--conditions`, so inside test workers even CommonJS `require`
 * picks packages' ESM builds. `pg`'s CommonJS entry then receives `pg-pool`'s ESM
 * namespace instead of the Pool class and fails at load ("Class extends value
 * [object Module]"). This seeds the require cache so `pg` gets the CommonJS pool it
 * expects. It is a no-op when the conditions are not set, and can be deleted once the
 * root config passes only `@motcua/source` and `node` as `ssr.resolve.conditions`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pgRequire = createRequire(require.resolve('pg/package.json'));
const resolved = pgRequire.resolve('pg-pool');
if (resolved.endsWith('.mjs')) {
  const commonJs = join(dirname(resolved), '..', 'index.js');
  pgRequire(commonJs);
  const cached = require.cache[commonJs];
  if (cached !== undefined) require.cache[resolved] = cached;
}
