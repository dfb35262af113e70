/**
 * Enforces ARCHITECTURE.md's dependency direction: a package may import only the
 * packages listed for it here, and `@motcua/schemas` / `@motcua/core` import no Node
 * built-ins (they run in browsers and behind ports). Exits 1 listing each violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const allowed: Record<string, string[]> = {
  schemas: [],
  core: ['schemas'],
  signing: ['schemas'],
  adapters: ['core', 'schemas', 'signing'],
  store: ['core', 'schemas'],
  sandbox: ['schemas', 'core', 'adapters'],
  cli: ['schemas', 'core', 'signing', 'adapters', 'store', 'sandbox'],
};
const noNodeBuiltins = new Set(['schemas', 'core']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.test-d.ts')) yield p;
  }
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems: string[] = [];
for (const pkg of Object.keys(allowed)) {
  const src = join('packages', pkg, 'src');
  let exists = true;
  try {
    statSync(src);
  } catch {
    exists = false;
  }
  if (!exists) continue;
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? '';
      const scoped = /^@motcua\/([^/]+)/.exec(spec);
      if (scoped?.[1] !== undefined && scoped[1] !== pkg && !allowed[pkg]?.includes(scoped[1])) {
        problems.push(`${file}: ${pkg} must not import ${spec}`);
      }
      if (noNodeBuiltins.has(pkg) && spec.startsWith('node:')) {
        problems.push(`${file}: ${pkg} must not import the Node built-in ${spec}`);
      }
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('package boundaries: ok');
