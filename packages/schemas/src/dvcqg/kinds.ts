/**
 * The validation kinds of `@motcua/schemas/dvcqg`, as used by `validate(kind, …)` and
 * `motcua validate --as <kind>`.
 *
 * @module
 */
import type { z } from 'zod';
import type { ValidationIssue, ValidationResult } from '../issues.ts';
import { defineKind, type Kind } from '../kind.ts';
import { localizeIssues, type RawIssue, type ValidateOptions, validateWith } from '../validate.ts';
import { dvcqgDanCuRequestSchema } from './dan-cu.ts';
import {
  dvcqgDongBoHoSoEnvelopeSchema,
  dvcqgDossierSchema,
  dvcqgDossierWarnings,
  validateDvcqgDossier,
} from './dong-bo-ho-so.ts';
import { dvcqgResponseSchema } from './envelope.ts';
import {
  dvcqgKhoSoHoaFileRequestSchema,
  dvcqgKhoSoHoaRequestSchema,
  dvcqgKhoSoHoaRequestWarnings,
  dvcqgKhoSoHoaResponseSchema,
} from './kho-so-hoa.ts';
import { dvcqgLoginResponseSchema } from './login.ts';
import {
  dvcqgPaymentCallbackSchema,
  dvcqgPaymentInitSchema,
  dvcqgPaymentInitWarnings,
  dvcqgPaymentQuerySchema,
} from './thanh-toan.ts';
import { dvcqgProcedureSchema, dvcqgProcedureWarnings } from './thu-tuc.ts';
import { dvcqgCapNhatTienDoEnvelopeSchema, dvcqgProgressSchema, dvcqgProgressWarnings } from './tien-do.ts';

type ItemValidator = (item: unknown, options: ValidateOptions) => ValidationResult<unknown>;

/** How a batch kind recognises its envelope: the service name, or the field holding the items. */
interface BatchShape {
  readonly service?: string;
  readonly itemsField: 'data' | 'result';
  readonly envelope: z.ZodType;
  /** `true` when `input` is a single item rather than an envelope. */
  readonly isItem: (input: Record<string, unknown>) => boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function items(
  list: readonly unknown[],
  prefix: ReadonlyArray<string | number>,
  validateItem: ItemValidator,
  options: ValidateOptions,
): { issues: ValidationIssue[]; values: unknown[] } {
  const issues: ValidationIssue[] = [];
  const values: unknown[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = validateItem(list[i], { ...options, pathPrefix: [...prefix, i] });
    for (const issue of r.issues) issues.push(issue);
    values[i] = r.ok ? r.value : undefined;
  }
  return { issues, values };
}

function done(issues: ValidationIssue[], value: unknown): ValidationResult<unknown> {
  return issues.some((i) => i.severity === 'error') ? { ok: false, issues } : { ok: true, value, issues };
}

/**
 * Validates one item, an array of items, or an envelope holding `itemsField: [...]`. Paths
 * are `3.DinhDanhCHS.0.SoDinhDanh` for an array and `data.3.…` for an envelope; `ok` means
 * no error anywhere; the value is the parsed item, or the array of parsed items (for an
 * envelope too).
 */
function batchValidator(shape: BatchShape, validateItem: ItemValidator) {
  return (input: unknown, options: ValidateOptions = {}): ValidationResult<unknown> => {
    const prefix = options.pathPrefix ?? [];
    if (Array.isArray(input)) {
      if (input.length === 0) {
        return {
          ok: false,
          issues: localizeIssues([{ code: 'ARRAY_TOO_SHORT', path: [], params: { minimum: 1 } }], options),
        };
      }
      const r = items(input, prefix, validateItem, options);
      return done(r.issues, r.values);
    }
    if (isRecord(input) && !shape.isItem(input)) {
      const list = input[shape.itemsField];
      const looksLikeEnvelope = (shape.service !== undefined && input.service === shape.service) || Array.isArray(list);
      if (looksLikeEnvelope) {
        const env = validateWith(shape.envelope, input, undefined, options);
        const issues = [...env.issues];
        let values: unknown[] = [];
        if (Array.isArray(list)) {
          const r = items(list, [...prefix, shape.itemsField], validateItem, options);
          issues.push(...r.issues);
          values = r.values;
        }
        return done(issues, values);
      }
    }
    return validateItem(input, options);
  };
}

const withWarnings =
  <T>(schema: z.ZodType<T>, warnings: (v: T) => RawIssue[]): ItemValidator =>
  (item, options) =>
    validateWith(schema, item, warnings, options);

const dossierKind: Kind = defineKind({
  kind: 'dvcqg-dossier',
  title: { vi: 'Hồ sơ đồng bộ DVCQG (DongBoHoSoMC)', en: 'DVCQG dossier sync (DongBoHoSoMC)' },
  schema: dvcqgDossierSchema,
  warnings: dvcqgDossierWarnings,
  validate: batchValidator(
    {
      service: 'DongBoHoSoMC',
      itemsField: 'data',
      envelope: dvcqgDongBoHoSoEnvelopeSchema,
      isItem: (o) => 'MaHoSo' in o,
    },
    validateDvcqgDossier,
  ),
});

const progressKind: Kind = defineKind({
  kind: 'dvcqg-progress',
  title: { vi: 'Tiến độ xử lý hồ sơ DVCQG (CapNhatTienDoHoSoMC)', en: 'DVCQG dossier progress (CapNhatTienDoHoSoMC)' },
  schema: dvcqgProgressSchema,
  warnings: dvcqgProgressWarnings,
  validate: batchValidator(
    {
      service: 'CapNhatTienDoHoSoMC',
      itemsField: 'data',
      envelope: dvcqgCapNhatTienDoEnvelopeSchema,
      isItem: (o) => 'MaHoSo' in o,
    },
    withWarnings(dvcqgProgressSchema, dvcqgProgressWarnings),
  ),
});

const procedureKind: Kind = defineKind({
  kind: 'dvcqg-procedure',
  title: { vi: 'Thủ tục hành chính DVCQG (LayThuTuc)', en: 'DVCQG procedure record (LayThuTuc)' },
  schema: dvcqgProcedureSchema,
  warnings: dvcqgProcedureWarnings,
  validate: batchValidator(
    { itemsField: 'result', envelope: dvcqgResponseSchema, isItem: (o) => 'MATTHC' in o },
    withWarnings(dvcqgProcedureSchema, dvcqgProcedureWarnings),
  ),
});

/**
 * The validation kinds of this module:
 *
 * | Kind | Accepts |
 * |---|---|
 * | `dvcqg-dossier` | one `DongBoHoSoMC` dossier, an array of them, or the whole request |
 * | `dvcqg-progress` | one `CapNhatTienDoHoSoMC` row, an array, or the whole request |
 * | `dvcqg-procedure` | one `LayThuTuc` record, an array, or the `{error_code, result: [...]}` answer |
 * | `dvcqg-login-response` | the login answer |
 * | `dvcqg-response` | any `{error_code, message, result}` answer |
 * | `dvcqg-kho-so-hoa-request` / `-response` / `-file-request` | digitization-store look-up and download |
 * | `dvcqg-dan-cu-request` | population-database look-up |
 * | `dvcqg-payment-init` / `-query` / `-callback` | payment platform messages |
 *
 * @example
 * ```ts
 * import { DVCQG_KINDS } from '@motcua/schemas/dvcqg';
 * DVCQG_KINDS.map((k) => k.kind).includes('dvcqg-dossier'); // true
 * ```
 * @category DVCQG
 */
export const DVCQG_KINDS: ReadonlyArray<Kind> = [
  dossierKind,
  progressKind,
  procedureKind,
  defineKind({
    kind: 'dvcqg-login-response',
    title: { vi: 'Phản hồi đăng nhập DVCQG', en: 'DVCQG login response' },
    schema: dvcqgLoginResponseSchema,
  }),
  defineKind({
    kind: 'dvcqg-response',
    title: { vi: 'Phản hồi dịch vụ DVCQG', en: 'DVCQG service response' },
    schema: dvcqgResponseSchema,
  }),
  defineKind({
    kind: 'dvcqg-kho-so-hoa-request',
    title: { vi: 'Yêu cầu tra cứu kho số hóa DVCQG', en: 'DVCQG digitization-store look-up request' },
    schema: dvcqgKhoSoHoaRequestSchema,
    warnings: dvcqgKhoSoHoaRequestWarnings,
  }),
  defineKind({
    kind: 'dvcqg-kho-so-hoa-response',
    title: { vi: 'Kết quả tra cứu kho số hóa DVCQG', en: 'DVCQG digitization-store look-up response' },
    schema: dvcqgKhoSoHoaResponseSchema,
  }),
  defineKind({
    kind: 'dvcqg-kho-so-hoa-file-request',
    title: { vi: 'Yêu cầu tải tệp kho số hóa DVCQG', en: 'DVCQG digitization-store file request' },
    schema: dvcqgKhoSoHoaFileRequestSchema,
  }),
  defineKind({
    kind: 'dvcqg-dan-cu-request',
    title: { vi: 'Yêu cầu tra cứu CSDL quốc gia về dân cư', en: 'Population-database look-up request' },
    schema: dvcqgDanCuRequestSchema,
  }),
  defineKind({
    kind: 'dvcqg-payment-init',
    title: { vi: 'Khởi tạo thanh toán DVCQG (INIT)', en: 'DVCQG payment initiation (INIT)' },
    schema: dvcqgPaymentInitSchema,
    warnings: dvcqgPaymentInitWarnings,
  }),
  defineKind({
    kind: 'dvcqg-payment-query',
    title: { vi: 'Tra cứu giao dịch thanh toán DVCQG (QUERY, GET_BILL)', en: 'DVCQG payment query (QUERY, GET_BILL)' },
    schema: dvcqgPaymentQuerySchema,
  }),
  defineKind({
    kind: 'dvcqg-payment-callback',
    title: { vi: 'Xác nhận thanh toán từ DVCQG', en: 'DVCQG payment confirmation callback' },
    schema: dvcqgPaymentCallbackSchema,
  }),
];
