/**
 * Procedures: entries of the national catalogue of administrative procedures.
 *
 * @module
 */
import { z } from 'zod';
import { fieldCodeSchema, parseProcedureCode, procedureCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { type AgencyRef, agencyRefSchema, type NamedAgency, namedAgencySchema } from './agency.ts';
import { type HttpUrl, httpUrlSchema } from './http-url.ts';
import { type VndAmount, vndAmountSchema } from './money.ts';
import type { Assert, Equal } from './shape-check.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * Channels through which a dossier is submitted or a result returned (kênh thực hiện).
 *
 * | Value | Vietnamese term | DVCQG `KenhThucHien` / catalogue `KENH` |
 * |---|---|---|
 * | `in-person` | trực tiếp (at the one-stop desk) | `1` (null also counts as in person) |
 * | `online` | trực tuyến | `2` |
 * | `postal` | bưu chính công ích (public postal service) | `3` |
 *
 * @example
 * ```ts
 * import { CHANNELS } from '@motcua/schemas';
 * CHANNELS; // ['in-person', 'online', 'postal']
 * ```
 * @category Canonical
 */
export const CHANNELS: readonly ['in-person', 'online', 'postal'] = ['in-person', 'online', 'postal'] as const;

/**
 * One of {@link CHANNELS}.
 *
 * @example
 * ```ts
 * import type { Channel } from '@motcua/schemas';
 * const c: Channel = 'online';
 * ```
 * @category Canonical
 */
export type Channel = (typeof CHANNELS)[number];

/**
 * Units of a processing time (đơn vị tính, the catalogue's `DONVITINH`, which indicator
 * 2.2 of Decision 766 averages in). The catalogue sends the unit as Vietnamese text;
 * codecs map "Ngày làm việc" → `working-days`, "Ngày" → `days`, "Giờ làm việc" →
 * `working-hours`, "Giờ" → `hours`, "Tháng" → `months`, "Năm" → `years`.
 *
 * @example
 * ```ts
 * import { TIME_UNITS } from '@motcua/schemas';
 * TIME_UNITS.includes('working-days'); // true
 * ```
 * @category Canonical
 */
export const TIME_UNITS: readonly ['working-days', 'days', 'working-hours', 'hours', 'months', 'years'] = [
  'working-days',
  'days',
  'working-hours',
  'hours',
  'months',
  'years',
] as const;

/**
 * One of {@link TIME_UNITS}.
 *
 * @example
 * ```ts
 * import type { TimeUnit } from '@motcua/schemas';
 * const u: TimeUnit = 'working-days';
 * ```
 * @category Canonical
 */
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * Thời hạn (a duration) in a calendar or working-time unit: a statutory processing
 * time, or the share of it allotted to one agency of an inter-agency procedure.
 *
 * @example
 * ```ts
 * import type { Duration } from '@motcua/schemas';
 * const d: Duration = { amount: 5, unit: 'working-days' };
 * ```
 * @category Canonical
 */
export interface Duration {
  /** How many units; may be fractional (`0.5` working day). */
  amount: number;
  /** The unit. */
  unit: TimeUnit;
}

const durationObject = z.strictObject({ amount: z.number().nonnegative().max(100_000), unit: z.enum(TIME_UNITS) });
type _DurationShape = Assert<Equal<z.output<typeof durationObject>, Duration>>;

/**
 * Zod schema of a {@link Duration}.
 *
 * @example
 * ```ts
 * import { durationSchema } from '@motcua/schemas';
 * durationSchema.safeParse({ amount: 0.5, unit: 'working-days' }).success; // true
 * ```
 * @category Canonical
 */
export const durationSchema: z.ZodType<Duration> = durationObject;

/**
 * Online-service level of a procedure (mức độ dịch vụ công trực tuyến, NĐ 42/2022):
 * `full-online` = toàn trình (everything online: submission, processing, payment,
 * result; roughly the old level 4), `partial-online` = một phần (at least one step in
 * person; roughly the old level 3), `none` = not offered as an online service.
 *
 * @example
 * ```ts
 * import { ONLINE_LEVELS } from '@motcua/schemas';
 * ONLINE_LEVELS; // ['full-online', 'partial-online', 'none']
 * ```
 * @category Canonical
 */
export const ONLINE_LEVELS: readonly ['full-online', 'partial-online', 'none'] = [
  'full-online',
  'partial-online',
  'none',
] as const;

/**
 * One of {@link ONLINE_LEVELS}.
 *
 * @example
 * ```ts
 * import type { OnlineLevel } from '@motcua/schemas';
 * const level: OnlineLevel = 'full-online';
 * ```
 * @category Canonical
 */
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/**
 * Who may use a procedure (đối tượng thực hiện), as DVCQG's `LoaiDoiTuong`: `citizen`
 * (công dân, 1), `business` (doanh nghiệp, 2), `state-agency` (cơ quan nhà nước, 3),
 * `other` (tổ chức khác, 4).
 *
 * @example
 * ```ts
 * import { APPLICANT_TYPES } from '@motcua/schemas';
 * APPLICANT_TYPES[0]; // 'citizen'
 * ```
 * @category Canonical
 */
export const APPLICANT_TYPES: readonly ['citizen', 'business', 'state-agency', 'other'] = [
  'citizen',
  'business',
  'state-agency',
  'other',
] as const;

/**
 * One of {@link APPLICANT_TYPES}.
 *
 * @example
 * ```ts
 * import type { ApplicantType } from '@motcua/schemas';
 * const t: ApplicantType = 'business';
 * ```
 * @category Canonical
 */
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * Kinds of evidence that may replace a dossier component (once-only reuse):
 * `result-code` — a stored result of that result code (MaKetQua, e.g. from the Kho số
 * hóa DVCQG); `document-type` — a digitized paper of that document type (MaGiayTo);
 * `identity-fact` — a fact read from the population database (e.g. `residence`), so the
 * paper is not needed at all.
 *
 * @example
 * ```ts
 * import { EVIDENCE_KINDS } from '@motcua/schemas';
 * EVIDENCE_KINDS; // ['result-code', 'document-type', 'identity-fact']
 * ```
 * @category Canonical
 */
export const EVIDENCE_KINDS: readonly ['result-code', 'document-type', 'identity-fact'] = [
  'result-code',
  'document-type',
  'identity-fact',
] as const;

/**
 * One of {@link EVIDENCE_KINDS}.
 *
 * @example
 * ```ts
 * import type { EvidenceKind } from '@motcua/schemas';
 * const k: EvidenceKind = 'result-code';
 * ```
 * @category Canonical
 */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Lĩnh vực (a field of state management) a procedure belongs to, e.g. `G03-GD10`
 * "Giáo dục Trung học" (TT 01/2018/TT-VPCP Điều 20).
 *
 * @example
 * ```ts
 * import type { FieldRef } from '@motcua/schemas';
 * const f: FieldRef = { code: 'G15-HT01', name: 'Hộ tịch' };
 * ```
 * @category Canonical
 */
export interface FieldRef {
  /** Mã lĩnh vực `MX1X2-LV`. */
  code: string;
  /** Tên lĩnh vực. */
  name: string;
}

const fieldRefObject = z.strictObject({ code: fieldCodeSchema, name: text(500) });
type _FieldRefShape = Assert<Equal<z.output<typeof fieldRefObject>, FieldRef>>;

/**
 * Zod schema of a {@link FieldRef}.
 *
 * @example
 * ```ts
 * import { fieldRefSchema } from '@motcua/schemas';
 * fieldRefSchema.safeParse({ code: 'G03-GD10', name: 'Giáo dục Trung học' }).success; // true
 * ```
 * @category Canonical
 */
export const fieldRefSchema: z.ZodType<FieldRef> = fieldRefObject;

/**
 * Phí, lệ phí (a fee) as the catalogue publishes it for a channel. Some fees are a
 * formula ("0,5% giá trị tài sản") rather than an amount; `amount` is then absent and
 * `description` holds the formula.
 *
 * @example
 * ```ts
 * import type { ProcedureFee } from '@motcua/schemas';
 * const fee: ProcedureFee = { code: 'LP01', name: 'Lệ phí đăng ký khai sinh', amount: 0, description: 'Miễn lệ phí' };
 * ```
 * @category Canonical
 */
export interface ProcedureFee {
  /** Mã phí, lệ phí (MAPHILEPHI). */
  code?: string | undefined;
  /** Name of the fee. */
  name: string;
  /** Amount in VND when fixed (SOTIEN); `0` means free. */
  amount?: VndAmount | undefined;
  /** Explanation or formula (MOTA). */
  description?: string | undefined;
}

const procedureFeeObject = z.strictObject({
  code: text(100).optional(),
  name: text(1000),
  amount: vndAmountSchema.optional(),
  description: text(4000).optional(),
});
type _ProcedureFeeShape = Assert<Equal<z.output<typeof procedureFeeObject>, ProcedureFee>>;

/**
 * Cách thức thực hiện (one way of carrying out a procedure): a channel with its
 * processing time and fees. The catalogue may list one channel several times, once
 * per case (one `THOIGIAN` row each).
 *
 * @example
 * ```ts
 * import type { ProcedureChannel } from '@motcua/schemas';
 * const online: ProcedureChannel = {
 *   channel: 'online',
 *   processingTime: { amount: 3, unit: 'working-days' },
 *   fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 0 }],
 * };
 * ```
 * @category Canonical
 */
export interface ProcedureChannel {
  /** The channel (KENH). */
  channel: Channel;
  /** Statutory processing time (THOIGIANGIAIQUYET + DONVITINH). */
  processingTime: Duration;
  /** The case this row applies to, or any remark (MOTA). */
  description?: string | undefined;
  /** Fees through this channel (PHILEPHI). */
  fees: ProcedureFee[];
}

const procedureChannelObject = z.strictObject({
  channel: z.enum(CHANNELS),
  processingTime: durationSchema,
  description: text(4000).optional(),
  fees: z.array(procedureFeeObject).max(MAX_LIST),
});
type _ProcedureChannelShape = Assert<Equal<z.output<typeof procedureChannelObject>, ProcedureChannel>>;

/**
 * Evidence that may stand in for a dossier component (once-only): when it can be
 * found for the applicant, the component need not be submitted.
 *
 * @example
 * ```ts
 * import type { ReplacingEvidence } from '@motcua/schemas';
 * const e: ReplacingEvidence = { kind: 'result-code', value: 'KQ.1.001193.01' };
 * ```
 * @category Canonical
 */
export interface ReplacingEvidence {
  /** What `value` names. */
  kind: EvidenceKind;
  /** A result code, a document-type code or the name of an identity fact. */
  value: string;
}

const replacingEvidenceObject = z.strictObject({ kind: z.enum(EVIDENCE_KINDS), value: text(200) });
type _ReplacingEvidenceShape = Assert<Equal<z.output<typeof replacingEvidenceObject>, ReplacingEvidence>>;

/**
 * Mẫu đơn, tờ khai (a form template) attached to a component.
 *
 * @example
 * ```ts
 * import type { FormTemplate } from '@motcua/schemas';
 * const t: FormTemplate = { name: 'Tờ khai đăng ký khai sinh', url: 'https://csdl.dichvucong.gov.vn/mau/to-khai.docx' };
 * ```
 * @category Canonical
 */
export interface FormTemplate {
  /** Tên mẫu đơn (TENMAUDON). */
  name: string;
  /** Where to download it (URL). */
  url?: HttpUrl | undefined;
}

const formTemplateObject = z.strictObject({ name: text(1000), url: httpUrlSchema.optional() });
type _FormTemplateShape = Assert<Equal<z.output<typeof formTemplateObject>, FormTemplate>>;

/**
 * Thành phần hồ sơ (a dossier component) the procedure requires.
 *
 * @example
 * ```ts
 * import type { ProcedureComponent } from '@motcua/schemas';
 * const c: ProcedureComponent = {
 *   code: 'TP01',
 *   name: 'Tờ khai đăng ký khai sinh',
 *   required: true,
 *   templates: [{ name: 'Tờ khai đăng ký khai sinh' }],
 *   replaceableBy: [],
 * };
 * ```
 * @category Canonical
 */
export interface ProcedureComponent {
  /** Component code (MAGIAYTO; the dossier's `MaThanhPhanHoSo`). */
  code: string;
  /** Name (TENGIAYTO). */
  name: string;
  /** Whether the component must be submitted (bắt buộc). */
  required: boolean;
  /** The case (trường hợp) the component belongs to, for procedures with several cases. */
  case?: string | undefined;
  /** Number of originals to submit (số bản chính). */
  originals?: number | undefined;
  /** Number of copies to submit (số bản sao). */
  copies?: number | undefined;
  /** Form templates. */
  templates: FormTemplate[];
  /** Evidence that may replace the component (once-only reuse). */
  replaceableBy: ReplacingEvidence[];
}

const count = z.number().int().nonnegative().max(1000);

const procedureComponentObject = z.strictObject({
  code: text(200),
  name: text(2000),
  required: z.boolean(),
  case: text(2000).optional(),
  originals: count.optional(),
  copies: count.optional(),
  templates: z.array(formTemplateObject).max(MAX_LIST),
  replaceableBy: z.array(replacingEvidenceObject).max(MAX_LIST),
});
type _ProcedureComponentShape = Assert<Equal<z.output<typeof procedureComponentObject>, ProcedureComponent>>;

/**
 * Kết quả thực hiện (a result type) of a procedure, with the result code that keys
 * digitization and reuse.
 *
 * @example
 * ```ts
 * import type { ProcedureResult } from '@motcua/schemas';
 * const r: ProcedureResult = { resultCode: 'KQ.1.001193.01', name: 'Giấy khai sinh' };
 * ```
 * @category Canonical
 */
export interface ProcedureResult {
  /** MAKETQUA. */
  resultCode: string;
  /** TENKETQUA. */
  name: string;
}

const procedureResultObject = z.strictObject({ resultCode: text(200), name: text(2000) });
type _ProcedureResultShape = Assert<Equal<z.output<typeof procedureResultObject>, ProcedureResult>>;

/**
 * Căn cứ pháp lý (a legal basis) of a procedure.
 *
 * @example
 * ```ts
 * import type { LegalBasis } from '@motcua/schemas';
 * const b: LegalBasis = { number: '60/2014/QH13', title: 'Luật Hộ tịch' };
 * ```
 * @category Canonical
 */
export interface LegalBasis {
  /** Số văn bản (SOVANBAN), e.g. `123/2015/NĐ-CP`. */
  number: string;
  /** Tên văn bản (TENVANBAN). */
  title: string;
}

const legalBasisObject = z.strictObject({ number: text(200), title: text(2000) });
type _LegalBasisShape = Assert<Equal<z.output<typeof legalBasisObject>, LegalBasis>>;

/**
 * Thủ tục hành chính (an administrative procedure) as published in the national TTHC
 * database (CSDL quốc gia về TTHC, DVCQG `LayThuTuc`): what to submit, through which
 * channels, how long it takes, what it costs and what it produces.
 *
 * @example
 * ```ts
 * import type { Procedure } from '@motcua/schemas';
 * const birthRegistration: Procedure = {
 *   code: '1.001193',
 *   localCodes: ['1.001193.000.00.00.H56'],
 *   name: 'Thủ tục đăng ký khai sinh',
 *   fields: [{ code: 'G15-HT01', name: 'Hộ tịch' }],
 *   publishingAgency: { code: '000.00.00.G15', name: 'Bộ Tư pháp' },
 *   implementingAgencies: [{ name: 'Ủy ban nhân dân cấp xã' }],
 *   applicantTypes: ['citizen'],
 *   channels: [
 *     { channel: 'in-person', processingTime: { amount: 1, unit: 'working-days' }, fees: [] },
 *     { channel: 'online', processingTime: { amount: 1, unit: 'working-days' }, fees: [] },
 *   ],
 *   onlineLevel: 'full-online',
 *   components: [
 *     { code: 'TP01', name: 'Tờ khai đăng ký khai sinh', required: true, templates: [], replaceableBy: [] },
 *   ],
 *   results: [{ resultCode: 'KQ.1.001193.01', name: 'Giấy khai sinh' }],
 *   legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
 * };
 * ```
 * @category Canonical
 */
export interface Procedure {
  /** National procedure code (mã TTHC `d.dddddd`, MATTHC). */
  code: string;
  /** Localized codes published by provinces (`1.001193.000.00.00.H56`, `1.001193.H56`). */
  localCodes: string[];
  /** Tên thủ tục (TENTTHC). */
  name: string;
  /** Fields (LINHVUCTHUCHIEN); the first is the one DVCQG dossiers carry. */
  fields: FieldRef[];
  /** Cơ quan công bố (MACOQUANCONGBO). */
  publishingAgency: AgencyRef;
  /** Cơ quan thực hiện (COQUANTHUCHIEN). */
  implementingAgencies: NamedAgency[];
  /** Đối tượng thực hiện. */
  applicantTypes: ApplicantType[];
  /** Cách thức thực hiện: channels with processing time and fees. */
  channels: ProcedureChannel[];
  /** Mức độ DVCTT: toàn trình, một phần, or none. */
  onlineLevel: OnlineLevel;
  /** Ticked "đủ điều kiện toàn trình" in the national database (the denominator of 766 indicator 3.1). */
  eligibleForFullOnline?: boolean | undefined;
  /** Thành phần hồ sơ. */
  components: ProcedureComponent[];
  /** Kết quả thực hiện, with result codes. */
  results: ProcedureResult[];
  /** Căn cứ pháp lý. */
  legalBasis: LegalBasis[];
  /** Trình tự thực hiện: the steps, in order. */
  steps?: string[] | undefined;
  /** Yêu cầu, điều kiện (YEUCAU). */
  requirements?: string | undefined;
  /** Whether the record is public (TRANGTHAI = 1). */
  published?: boolean | undefined;
}

const procedureObject = z
  .strictObject({
    code: procedureCodeSchema,
    localCodes: z.array(procedureCodeSchema).max(MAX_LIST),
    name: text(2000),
    fields: z.array(fieldRefSchema).min(1).max(MAX_LIST),
    publishingAgency: agencyRefSchema,
    implementingAgencies: z.array(namedAgencySchema).max(MAX_LIST),
    applicantTypes: z.array(z.enum(APPLICANT_TYPES)).max(APPLICANT_TYPES.length),
    channels: z.array(procedureChannelObject).max(MAX_LIST),
    onlineLevel: z.enum(ONLINE_LEVELS),
    eligibleForFullOnline: z.boolean().optional(),
    components: z.array(procedureComponentObject).max(MAX_LIST),
    results: z.array(procedureResultObject).max(MAX_LIST),
    legalBasis: z.array(legalBasisObject).max(MAX_LIST),
    steps: z.array(text(4000)).max(MAX_LIST).optional(),
    requirements: text(20_000).optional(),
    published: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    const facts = parseProcedureCode(p.code).facts;
    if (facts !== undefined && facts.form !== 'national') {
      ctx.addIssue(customIssue('CANON_PROCEDURE_CODE_NOT_NATIONAL', { national: facts.national }, ['code']));
    }
    p.localCodes.forEach((local, i) => {
      const localFacts = parseProcedureCode(local).facts;
      if (localFacts === undefined) return;
      if (localFacts.form === 'national' || localFacts.national !== p.code) {
        ctx.addIssue(customIssue('CANON_PROCEDURE_LOCAL_CODE_MISMATCH', { code: p.code }, ['localCodes', i]));
      }
    });
    if (p.onlineLevel !== 'none' && !p.channels.some((c) => c.channel === 'online')) {
      ctx.addIssue(customIssue('CANON_PROCEDURE_ONLINE_CHANNEL_MISSING', { onlineLevel: p.onlineLevel }, ['channels']));
    }
    const seenComponents = new Set<string>();
    p.components.forEach((c, i) => {
      // The same paper may be listed once per case (trường hợp), never twice in one case.
      const key = `${c.case ?? ''}\u0000${c.code}`;
      if (seenComponents.has(key))
        ctx.addIssue(customIssue('CANON_DUPLICATE', { value: c.code }, ['components', i, 'code']));
      seenComponents.add(key);
    });
    const seenResults = new Set<string>();
    p.results.forEach((r, i) => {
      if (seenResults.has(r.resultCode)) {
        ctx.addIssue(customIssue('CANON_DUPLICATE', { value: r.resultCode }, ['results', i, 'resultCode']));
      }
      seenResults.add(r.resultCode);
    });
  });
type _ProcedureShape = Assert<Equal<z.output<typeof procedureObject>, Procedure>>;

/**
 * Zod schema of a {@link Procedure}. Cross-field errors:
 *
 * - `CANON_PROCEDURE_CODE_NOT_NATIONAL`: `code` is a localized form — put it in `localCodes`;
 * - `CANON_PROCEDURE_LOCAL_CODE_MISMATCH`: a localized code is not `code` plus an agency;
 * - `CANON_PROCEDURE_ONLINE_CHANNEL_MISSING`: an online level without an `online` channel;
 * - `CANON_DUPLICATE`: a component code repeated within one case, or a result code repeated.
 *
 * @example
 * ```ts
 * import { procedureSchema } from '@motcua/schemas';
 * procedureSchema.safeParse({ code: '1.001193.H56' }).success; // false
 * ```
 * @category Canonical
 */
export const procedureSchema: z.ZodType<Procedure> = procedureObject;

/**
 * Warning rules of a {@link Procedure}: `CANON_PROCEDURE_NO_RESULT_CODES` when no
 * result type is listed — without result codes nothing the procedure issues can be
 * digitized under a code or found again for reuse.
 *
 * @example
 * ```ts
 * import { procedureWarnings, type Procedure } from '@motcua/schemas';
 * declare const p: Procedure;
 * procedureWarnings({ ...p, results: [] })[0]?.code; // 'CANON_PROCEDURE_NO_RESULT_CODES'
 * ```
 * @category Canonical
 */
export function procedureWarnings(procedure: Procedure): RawIssue[] {
  return procedure.results.length === 0
    ? [{ code: 'CANON_PROCEDURE_NO_RESULT_CODES', path: ['results'], severity: 'warning' }]
    : [];
}
