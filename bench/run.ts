/**
 * `pnpm bench <name> [options]`: runs one benchmark. Each benchmark compares motcua with a
 * named peer in the same run, prints its figures, and prints one JSON object with the
 * ratios as its last line.
 */
const benches: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  validate: () => import('./validate/index.ts'),
  sync: () => import('./sync/index.ts'),
  'verify-pdf': () => import('./verify-pdf/index.ts'),
  'verify-xml': () => import('./verify-xml/index.ts'),
  warehouse: () => import('./warehouse/index.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : benches[name];
if (load === undefined) {
  console.error(`usage: pnpm bench <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).main(args);
