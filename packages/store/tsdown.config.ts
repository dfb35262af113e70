import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

export default defineConfig({
  ...packageConfig(['src/index.ts', 'src/postgres/index.ts']),
  platform: 'node',
  external: ['pg', /^node:/],
});
