/**
 * Files attached to dossiers, results and digitized papers.
 *
 * @module
 */
import { z } from 'zod';
import { customIssue } from '../validate.ts';
import { type HttpUrl, httpUrlSchema } from './http-url.ts';
import type { Assert, Equal } from './shape-check.ts';
import { text } from './text.ts';

/**
 * A SHA-256 digest as 64 lowercase hexadecimal characters.
 *
 * @example
 * ```ts
 * import type { Sha256Hex } from '@motcua/schemas';
 * const digest: Sha256Hex = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
 * ```
 * @category Canonical
 */
export type Sha256Hex = string;

const SHA256 = /^[0-9a-f]{64}$/;
// RFC 6838 §4.2 restricted names, lowercase (the canonical spelling), no parameters.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * Zod schema of a {@link Sha256Hex}; anything else (uppercase included) is reported as
 * `CANON_SHA256_INVALID`.
 *
 * @example
 * ```ts
 * import { sha256Schema } from '@motcua/schemas';
 * sha256Schema.safeParse('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855').success; // true
 * ```
 * @category Canonical
 */
export const sha256Schema: z.ZodType<Sha256Hex> = z
  .string()
  .superRefine((value, ctx) => {
    if (!SHA256.test(value)) ctx.addIssue(customIssue('CANON_SHA256_INVALID'));
  })
  .meta({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 digest, 64 lowercase hex characters.' });

/**
 * Tệp đính kèm (a stored file): one file of a dossier component, a result or a
 * digitized paper, identified by content hash.
 *
 * @example
 * ```ts
 * import type { StoredFile } from '@motcua/schemas';
 * const file: StoredFile = {
 *   id: 'tep-0001',
 *   name: 'to-khai-dang-ky-khai-sinh.pdf',
 *   mediaType: 'application/pdf',
 *   size: 182_344,
 *   sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
 *   url: 'https://motcua.thanhhoa.gov.vn/files/tep-0001',
 * };
 * ```
 * @category Canonical
 */
export interface StoredFile {
  /** Identifier of the file in the storing system (TepDinhKemId). */
  id: string;
  /** File name as shown to people, extension included (TenTepDinhKem). */
  name: string;
  /** IANA media type, lowercase, without parameters (`application/pdf`). */
  mediaType: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the file's bytes. */
  sha256: Sha256Hex;
  /** Public download link, when the file is published (DVCQG fetches files by URL). */
  url?: HttpUrl | undefined;
}

const storedFileObject = z.strictObject({
  id: text(200),
  name: text(1000),
  mediaType: z.string().superRefine((value, ctx) => {
    if (!MEDIA_TYPE.test(value)) ctx.addIssue(customIssue('CANON_MEDIA_TYPE_INVALID'));
  }),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
  url: httpUrlSchema.optional(),
});
type _StoredFileShape = Assert<Equal<z.output<typeof storedFileObject>, StoredFile>>;

/**
 * Zod schema of a {@link StoredFile}.
 *
 * @example
 * ```ts
 * import { storedFileSchema } from '@motcua/schemas';
 * storedFileSchema.safeParse({ id: 'x', name: 'a.pdf', mediaType: 'application/pdf', size: 1, sha256: 'AB' }).success; // false
 * ```
 * @category Canonical
 */
export const storedFileSchema: z.ZodType<StoredFile> = storedFileObject;
