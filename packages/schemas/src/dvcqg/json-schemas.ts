import type { z } from 'zod';

/** Public schemas of this module exported as JSON Schema (file name → schema). */
export const DVCQG_JSON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {};
