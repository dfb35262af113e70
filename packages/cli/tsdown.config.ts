import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

// ndjson-worker.ts is loaded by URL (new Worker), not imported: it must be an entry of its own.
export default defineConfig({
  ...packageConfig(['src/index.ts', 'src/bin.ts', 'src/ndjson-worker.ts']),
  platform: 'node',
});
