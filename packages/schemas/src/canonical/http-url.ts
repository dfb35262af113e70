/**
 * Absolute http(s) links to files.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';

/**
 * Đường dẫn tải tệp: an absolute `http:` or `https:` URL with a host. DVCQG downloads
 * dossier and result files itself from such links (dvcqg-wire.md §8).
 *
 * @example
 * ```ts
 * import type { HttpUrl } from '@motcua/schemas';
 * const url: HttpUrl = 'https://motcua.thanhhoa.gov.vn/files/3f2a/don-dang-ky.pdf';
 * ```
 * @category Canonical
 */
export type HttpUrl = string;

const MAX_URL_LENGTH = 2048;

function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Zod schema of an {@link HttpUrl}; anything else is reported as `URL_INVALID`.
 *
 * @example
 * ```ts
 * import { httpUrlSchema } from '@motcua/schemas';
 * httpUrlSchema.safeParse('https://example.gov.vn/a.pdf').success; // true
 * httpUrlSchema.safeParse('file:///C:/a.pdf').success; // false (URL_INVALID)
 * ```
 * @category Canonical
 */
export const httpUrlSchema: z.ZodType<HttpUrl> = z
  .string()
  .superRefine((value, ctx) => {
    if (!isHttpUrl(value)) ctx.addIssue(customIssue('URL_INVALID'));
  })
  .meta({ format: 'uri', maxLength: MAX_URL_LENGTH, description: 'Absolute http(s) URL.' });
