/**
 * The public DVCQG wire schemas exported as JSON Schema (draft 2020-12, input side).
 *
 * @module
 */
import type { z } from 'zod';
import { dvcqgDanCuRequestSchema } from './dan-cu.ts';
import { dvcqgDongBoHoSoRequestSchema, dvcqgDossierSchema } from './dong-bo-ho-so.ts';
import { dvcqgResponseSchema, dvcqgServiceCallSchema } from './envelope.ts';
import {
  dvcqgKhoSoHoaFileRequestSchema,
  dvcqgKhoSoHoaRequestSchema,
  dvcqgKhoSoHoaResponseSchema,
} from './kho-so-hoa.ts';
import { dvcqgLoginResponseSchema } from './login.ts';
import {
  dvcqgPaymentCallbackSchema,
  dvcqgPaymentInitSchema,
  dvcqgPaymentQuerySchema,
  dvcqgThongTinBienLaiSchema,
} from './thanh-toan.ts';
import { dvcqgProcedureSchema } from './thu-tuc.ts';
import { dvcqgCapNhatTienDoRequestSchema, dvcqgProgressSchema } from './tien-do.ts';

/**
 * Public schemas of this module by JSON Schema file name. The documents describe accepted
 * inputs (leniencies included); real-calendar dates, identifier check digits and
 * cross-field rules are enforced by the zod schemas only.
 *
 * @example
 * ```ts
 * import { DVCQG_JSON_SCHEMAS } from '@motcua/schemas/dvcqg';
 * Object.keys(DVCQG_JSON_SCHEMAS).includes('dvcqg-dong-bo-ho-so-request'); // true
 * ```
 * @category DVCQG
 */
export const DVCQG_JSON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'dvcqg-dossier': dvcqgDossierSchema,
  'dvcqg-dong-bo-ho-so-request': dvcqgDongBoHoSoRequestSchema,
  'dvcqg-progress': dvcqgProgressSchema,
  'dvcqg-cap-nhat-tien-do-request': dvcqgCapNhatTienDoRequestSchema,
  'dvcqg-procedure': dvcqgProcedureSchema,
  'dvcqg-service-call': dvcqgServiceCallSchema,
  'dvcqg-response': dvcqgResponseSchema,
  'dvcqg-login-response': dvcqgLoginResponseSchema,
  'dvcqg-kho-so-hoa-request': dvcqgKhoSoHoaRequestSchema,
  'dvcqg-kho-so-hoa-response': dvcqgKhoSoHoaResponseSchema,
  'dvcqg-kho-so-hoa-file-request': dvcqgKhoSoHoaFileRequestSchema,
  'dvcqg-dan-cu-request': dvcqgDanCuRequestSchema,
  'dvcqg-payment-init': dvcqgPaymentInitSchema,
  'dvcqg-payment-query': dvcqgPaymentQuerySchema,
  'dvcqg-payment-callback': dvcqgPaymentCallbackSchema,
  'dvcqg-thong-tin-bien-lai': dvcqgThongTinBienLaiSchema,
};
