import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

// platform 'node': the PDF reader inflates streams with node:zlib (bounded by maxOutputLength).
export default defineConfig({
  ...packageConfig(['src/index.ts', 'src/pdf/index.ts', 'src/xml/index.ts', 'src/jws/index.ts', 'src/sign/index.ts']),
  platform: 'node',
});
