/**
 * Population-database look-up (tra cứu CSDL quốc gia về dân cư), dvcqg-wire.md §14.1
 * (Thanh Hóa `GetCSDLDanCuQueryHandler`). The answer is `{error_code, message}` with a
 * SOAP XML string in `message` (§14.2), validated as a plain DVCQG response.
 *
 * @module
 */
import { z } from 'zod';
import { type IdentifierResult, parseCmnd, parsePersonalId } from '../ids/index.ts';
import { customIssue } from '../validate.ts';

const text = z.string().nullish();

/**
 * The look-up request (yêu cầu tra cứu thông tin công dân).
 *
 * @example
 * ```ts
 * import type { DvcqgDanCuRequest } from '@motcua/schemas/dvcqg';
 * const req: DvcqgDanCuRequest = {
 *   HoVaTen: 'Nguyễn Văn An',
 *   SoDinhDanh: '038090012345',
 *   NgayThangNam: '19900115',
 *   MaTichHop: 'MOTCUA-TH',
 *   MaDVC: '1.001193.01',
 *   MaCanBo: 'CB0042',
 *   MaYeuCau: '000.00.00.H56-250701-0001',
 * };
 * ```
 * @category DVCQG
 */
export interface DvcqgDanCuRequest {
  /** Full name. */
  HoVaTen?: string | null | undefined;
  /** 12-digit personal identification number; checked strictly (the SDK sends it); `""` = absent. */
  SoDinhDanh?: string | null | undefined;
  /** Legacy 9-digit ID number; checked strictly; `""` = absent. */
  SoCMND?: string | null | undefined;
  /** Date of birth; format unconfirmed, free text. */
  NgayThangNam?: string | null | undefined;
  /** Birth year: four digits, as a string or a number (some records hold only the year). */
  Nam?: string | number | null | undefined;
  /** Integration code. */
  MaTichHop?: string | null | undefined;
  /** Public-service code. */
  MaDVC?: string | null | undefined;
  /** Officer code (who looks up; log it, once-only.md §7). */
  MaCanBo?: string | null | undefined;
  /** Request code. */
  MaYeuCau?: string | null | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

const YEAR = /^[0-9]{4}$/;

/** An optional identifier: `""` and `null` mean absent (lenient), anything else is parsed strictly. */
function optionalIdentifier(parse: (v: string) => IdentifierResult<unknown>) {
  return z
    .string()
    .superRefine((v, ctx) => {
      if (v === '') return;
      for (const p of parse(v).problems) if (p.severity === 'error') ctx.addIssue(customIssue(p.code, p.params));
    })
    .nullish();
}

/**
 * Schema of {@link DvcqgDanCuRequest}. A look-up needs an identifier: without both
 * `SoDinhDanh` and `SoCMND` the request is an error (`DVCQG_POPULATION_ID_MISSING`).
 *
 * @example
 * ```ts
 * import { dvcqgDanCuRequestSchema } from '@motcua/schemas/dvcqg';
 * dvcqgDanCuRequestSchema.safeParse({ HoVaTen: 'Nguyễn Văn An' }).success; // false
 * ```
 * @category DVCQG
 */
export const dvcqgDanCuRequestSchema: z.ZodType<DvcqgDanCuRequest, unknown> = z
  .looseObject({
    HoVaTen: text,
    SoDinhDanh: optionalIdentifier((v) => parsePersonalId(v)),
    SoCMND: optionalIdentifier(parseCmnd),
    NgayThangNam: text,
    Nam: z.union([z.string().regex(YEAR), z.number().int().min(1000).max(9999)]).nullish(),
    MaTichHop: text,
    MaDVC: text,
    MaCanBo: text,
    MaYeuCau: text,
  })
  .superRefine(
    (v, ctx) => {
      const r = v as Record<string, unknown>;
      const has = (x: unknown): boolean => typeof x === 'string' && x !== '';
      if (!has(r.SoDinhDanh) && !has(r.SoCMND)) {
        ctx.addIssue(customIssue('DVCQG_POPULATION_ID_MISSING', undefined, ['SoDinhDanh']));
      }
    },
    { when: (p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value) },
  );
