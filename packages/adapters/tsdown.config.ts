import { defineConfig } from 'tsdown';
import { packageConfig } from '../../tsdown.base.ts';

export default defineConfig(
  packageConfig([
    'src/index.ts',
    'src/dvcqg/index.ts',
    'src/payment/index.ts',
    'src/vietqr/index.ts',
    'src/edxml/index.ts',
    'src/lgsp/index.ts',
    'src/population/index.ts',
    'src/digitization/index.ts',
  ]),
);
