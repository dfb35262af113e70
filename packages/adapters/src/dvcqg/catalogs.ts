/**
 * Shapes of the DVCQG shared catalogues the client reads (dvcqg-wire.md §3): the
 * procedure list, the agency catalogue and the field catalogue. `@motcua/schemas/dvcqg`
 * has no schema for them yet; these are lenient (extras kept, numbers accepted for text).
 *
 * @module
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number()]).nullish();

/**
 * One entry of `LayDanhSachTTHC` (danh sách thủ tục hành chính): code and name.
 *
 * @example
 * ```ts
 * import type { DvcqgProcedureListItem } from '@motcua/adapters/dvcqg';
 * const p: DvcqgProcedureListItem = { MATTHC: '1.001193', TENTTHC: 'Thủ tục đăng ký khai sinh' };
 * ```
 * @category DVCQG
 */
export interface DvcqgProcedureListItem {
  /** Procedure code. */
  MATTHC: string;
  /** Procedure name. */
  TENTTHC?: string | number | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgProcedureListItem}.
 *
 * @example
 * ```ts
 * import { dvcqgProcedureListItemSchema } from '@motcua/adapters/dvcqg';
 * dvcqgProcedureListItemSchema.safeParse({ MATTHC: '1.001193' }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgProcedureListItemSchema: z.ZodType<DvcqgProcedureListItem, unknown> = z.looseObject({
  MATTHC: z.string().min(1),
  TENTTHC: scalar,
});

/**
 * One entry of `LayDanhMucCoQuan` (danh mục cơ quan): agency code, name and level.
 *
 * @example
 * ```ts
 * import type { DvcqgAgencyItem } from '@motcua/adapters/dvcqg';
 * const a: DvcqgAgencyItem = { MADONVI: '000.00.00.H56', TENDONVI: 'UBND tỉnh Thanh Hóa', CAPDONVI: '2' };
 * ```
 * @category DVCQG
 */
export interface DvcqgAgencyItem {
  /** Agency code. */
  MADONVI: string;
  /** Agency name. */
  TENDONVI?: string | number | null | undefined;
  /** Agency level; code list unconfirmed. */
  CAPDONVI?: string | number | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgAgencyItem}.
 *
 * @example
 * ```ts
 * import { dvcqgAgencyItemSchema } from '@motcua/adapters/dvcqg';
 * dvcqgAgencyItemSchema.safeParse({ MADONVI: '000.00.00.H56', CAPDONVI: 2 }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgAgencyItemSchema: z.ZodType<DvcqgAgencyItem, unknown> = z.looseObject({
  MADONVI: z.string().min(1),
  TENDONVI: scalar,
  CAPDONVI: scalar,
});

/**
 * One entry of `LayDanhMucLinhVuc` (danh mục lĩnh vực): field code, name and sector.
 *
 * @example
 * ```ts
 * import type { DvcqgFieldItem } from '@motcua/adapters/dvcqg';
 * const f: DvcqgFieldItem = { MALINHVUC: 'G03-GD10', TENLINHVUC: 'Giáo dục Trung học', MANGANH: 'G03' };
 * ```
 * @category DVCQG
 */
export interface DvcqgFieldItem {
  /** Field code. */
  MALINHVUC: string;
  /** Field name. */
  TENLINHVUC?: string | number | null | undefined;
  /** Sector code. */
  MANGANH?: string | number | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * Schema of {@link DvcqgFieldItem}.
 *
 * @example
 * ```ts
 * import { dvcqgFieldItemSchema } from '@motcua/adapters/dvcqg';
 * dvcqgFieldItemSchema.safeParse({ MALINHVUC: 'G03-GD10' }).success; // true
 * ```
 * @category DVCQG
 */
export const dvcqgFieldItemSchema: z.ZodType<DvcqgFieldItem, unknown> = z.looseObject({
  MALINHVUC: z.string().min(1),
  TENLINHVUC: scalar,
  MANGANH: scalar,
});
