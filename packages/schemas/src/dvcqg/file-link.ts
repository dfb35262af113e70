/**
 * File links on the DVCQG wire (`DuongDanTaiTepTin`, `DuongDanTepTinKetQua`). DVCQG
 * receives URLs, not bytes, and downloads each file itself (dvcqg-wire.md §8), so a link
 * must be an absolute `http:` or `https:` URL with a host: no relative paths, no
 * `file:`, `javascript:` or `data:` URLs, no whitespace or control characters.
 *
 * The check is a precompiled regular expression (no `URL` object per call, no Node
 * built-ins); reachability from DVCQG is a deployment concern.
 *
 * @module
 */
import { z } from 'zod';

/** Scheme, `//`, a non-empty authority without `/?#` or whitespace, then any visible ASCII or non-ASCII text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a link must not contain.
const FILE_LINK = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@\\]+(?:@[^\s/?#@\\]+)?(?:[/?#][^\s\u0000-\u001f\u007f]*)?$/;

/**
 * `true` when `s` is an absolute http(s) URL the portal could download.
 *
 * @example
 * ```ts
 * import { isFileLink } from '@motcua/schemas/dvcqg';
 * isFileLink('https://motcua.thanhhoa.gov.vn/files/2025/07/don.pdf'); // true
 * isFileLink('/files/don.pdf'); // false (relative)
 * isFileLink('javascript:alert(1)'); // false
 * ```
 * @category DVCQG
 */
export function isFileLink(s: string): boolean {
  return s.length <= 8192 && FILE_LINK.test(s);
}

/**
 * An optional file link. `""` and `null` are accepted as "no file" (real systems send
 * them for components without an upload) and kept verbatim; anything else must pass
 * {@link isFileLink}, or `URL_INVALID` is reported.
 *
 * @example
 * ```ts
 * import { fileLinkSchema } from '@motcua/schemas/dvcqg';
 * fileLinkSchema.safeParse('https://dvc.example.gov.vn/tep/ket-qua.pdf').success; // true
 * fileLinkSchema.safeParse('file:///C:/ket-qua.pdf').success; // false
 * ```
 * @category DVCQG
 */
export const fileLinkSchema: z.ZodType<string | null | undefined> = z
  .string()
  .refine((s) => s === '' || isFileLink(s), { params: { motcuaCode: 'URL_INVALID' } })
  .meta({
    description: 'Absolute http(s) URL DVCQG can download, or "" when there is no file',
    pattern: '^(|[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+\\S*)$',
  })
  .nullish();

/**
 * `true` when a (validated) optional file link carries a URL.
 *
 * @example
 * ```ts
 * import { hasFileLink } from '@motcua/schemas/dvcqg';
 * hasFileLink(''); // false
 * ```
 * @category DVCQG
 */
export function hasFileLink(v: unknown): v is string {
  return typeof v === 'string' && v !== '' && isFileLink(v);
}
