/**
 * Dossiers: what an applicant submits for one procedure, and everything that happens
 * to it until the result is returned.
 *
 * @module
 */
import { z } from 'zod';
import { agencyCodeSchema, dossierCodeSchema, parseDossierCode, procedureCodeSchema } from '../ids/index.ts';
import { customIssue, type RawIssue } from '../validate.ts';
import { EVIDENCE_SOURCES, type EvidenceSource } from './access-log-entry.ts';
import { type AgencyRef, agencyRefSchema } from './agency.ts';
import { type Instant, instantSchema, parseInstant, vietnamDateOf } from './instant.ts';
import { type IssuedDocument, issuedDocumentSchema, issuedDocumentWarnings } from './issued-document.ts';
import { type VndAmount, vndAmountSchema } from './money.ts';
import { type Party, partySchema, partyWarnings } from './party.ts';
import { CHANNELS, type Channel, type Duration, durationSchema, type FieldRef, fieldRefSchema } from './procedure.ts';
import type { Assert, Equal } from './shape-check.ts';
import { type StoredFile, storedFileSchema } from './stored-file.ts';
import { MAX_LIST, text } from './text.ts';

/**
 * Statuses of a dossier (trạng thái hồ sơ), one for each DVCQG `TrangThaiHoSo` code
 * (dvcqg-wire.md §4.1). The mapping is one-to-one: {@link DOSSIER_STATUS_TO_DVCQG} and
 * {@link DVCQG_TO_DOSSIER_STATUS}.
 *
 * | Status | DVCQG | Vietnamese name |
 * |---|---|---|
 * | `submitted` | 1 | Mới đăng ký (submitted, not yet received) |
 * | `received` | 2 | Được tiếp nhận |
 * | `rejected` | 3 | Không được tiếp nhận (refused at reception) |
 * | `processing` | 4 | Đang xử lý |
 * | `supplement-requested` | 5 | Yêu cầu bổ sung giấy tờ |
 * | `financial-obligation` | 6 | Yêu cầu thực hiện nghĩa vụ tài chính |
 * | `withdrawn` | 7 | Công dân yêu cầu rút hồ sơ |
 * | `stopped` | 8 | Dừng xử lý |
 * | `resolved` | 9 | Đã xử lý xong |
 * | `returned` | 10 | Đã trả kết quả |
 *
 * @example
 * ```ts
 * import { DOSSIER_STATUSES } from '@motcua/schemas';
 * DOSSIER_STATUSES.length; // 10
 * ```
 * @category Canonical
 */
export const DOSSIER_STATUSES: readonly [
  'submitted',
  'received',
  'rejected',
  'processing',
  'supplement-requested',
  'financial-obligation',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] = [
  'submitted',
  'received',
  'rejected',
  'processing',
  'supplement-requested',
  'financial-obligation',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;

/**
 * One of {@link DOSSIER_STATUSES}.
 *
 * @example
 * ```ts
 * import type { DossierStatus } from '@motcua/schemas';
 * const s: DossierStatus = 'processing';
 * ```
 * @category Canonical
 */
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * DVCQG `TrangThaiHoSo` codes, as the strings the portal exchanges (`"1"` … `"10"`).
 *
 * @example
 * ```ts
 * import { DVCQG_DOSSIER_STATUS_CODES } from '@motcua/schemas';
 * DVCQG_DOSSIER_STATUS_CODES[9]; // '10'
 * ```
 * @category Canonical
 */
export const DVCQG_DOSSIER_STATUS_CODES: readonly ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
] as const;

/**
 * One of {@link DVCQG_DOSSIER_STATUS_CODES}.
 *
 * @example
 * ```ts
 * import type { DvcqgDossierStatusCode } from '@motcua/schemas';
 * const code: DvcqgDossierStatusCode = '9';
 * ```
 * @category Canonical
 */
export type DvcqgDossierStatusCode = (typeof DVCQG_DOSSIER_STATUS_CODES)[number];

/**
 * Canonical status → DVCQG `TrangThaiHoSo`. Send the real status: never collapse 5, 6
 * or 8 into 9 as some systems do (dvcqg-wire.md §6), because Decision 766 derives the
 * end of processing from these codes.
 *
 * @example
 * ```ts
 * import { DOSSIER_STATUS_TO_DVCQG } from '@motcua/schemas';
 * DOSSIER_STATUS_TO_DVCQG['supplement-requested']; // '5'
 * ```
 * @category Canonical
 */
export const DOSSIER_STATUS_TO_DVCQG: Readonly<Record<DossierStatus, DvcqgDossierStatusCode>> = Object.freeze({
  submitted: '1',
  received: '2',
  rejected: '3',
  processing: '4',
  'supplement-requested': '5',
  'financial-obligation': '6',
  withdrawn: '7',
  stopped: '8',
  resolved: '9',
  returned: '10',
});

/**
 * DVCQG `TrangThaiHoSo` → canonical status; the inverse of {@link DOSSIER_STATUS_TO_DVCQG}.
 *
 * @example
 * ```ts
 * import { DVCQG_TO_DOSSIER_STATUS } from '@motcua/schemas';
 * DVCQG_TO_DOSSIER_STATUS['10']; // 'returned'
 * ```
 * @category Canonical
 */
export const DVCQG_TO_DOSSIER_STATUS: Readonly<Record<DvcqgDossierStatusCode, DossierStatus>> = Object.freeze({
  '1': 'submitted',
  '2': 'received',
  '3': 'rejected',
  '4': 'processing',
  '5': 'supplement-requested',
  '6': 'financial-obligation',
  '7': 'withdrawn',
  '8': 'stopped',
  '9': 'resolved',
  '10': 'returned',
});

// Statuses reachable only through reception: the "received" set of the local 766
// counters (indicators-766.md §5.1: 2, 4, 5, 6, 7, 8, 9, 10) minus `withdrawn` (7),
// because an applicant may withdraw a submitted dossier before it is received.
const RECEIVED_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>([
  'received',
  'processing',
  'supplement-requested',
  'financial-obligation',
  'stopped',
  'resolved',
  'returned',
]);

/**
 * Người xử lý (who acted on a dossier), as a progress row names them.
 *
 * @example
 * ```ts
 * import type { Actor } from '@motcua/schemas';
 * const a: Actor = { name: 'Lê Thị Hoa', id: 'cb-0042', position: 'Chuyên viên', department: 'Bộ phận Một cửa' };
 * ```
 * @category Canonical
 */
export interface Actor {
  /** Full name (NguoiXuLy), or the applicant's name for applicant actions. */
  name: string;
  /** Account id in the one-stop system. */
  id?: string | undefined;
  /** Chức danh (ChucDanh). */
  position?: string | undefined;
  /** Phòng ban (PhongBanXuLy). */
  department?: string | undefined;
}

const actorObject = z.strictObject({
  name: text(200),
  id: text(200).optional(),
  position: text(200).optional(),
  department: text(500).optional(),
});
type _ActorShape = Assert<Equal<z.output<typeof actorObject>, Actor>>;

/**
 * Tiến độ xử lý (one status change of a dossier): one progress row for DVCQG
 * (`CapNhatTienDoHoSoMC`). Decision 766 derives the end of processing from these rows.
 *
 * @example
 * ```ts
 * import type { StatusChange } from '@motcua/schemas';
 * const row: StatusChange = {
 *   status: 'received',
 *   at: '2025-07-01T08:30:00+07:00',
 *   actor: { name: 'Lê Thị Hoa', position: 'Chuyên viên' },
 *   note: 'Tiếp nhận hồ sơ',
 * };
 * ```
 * @category Canonical
 */
export interface StatusChange {
  /** The status entered. */
  status: DossierStatus;
  /** When (ThoiDiemXuLy). */
  at: Instant;
  /** Who. */
  actor: Actor;
  /** What was done (NoiDungXuLy). */
  note?: string | undefined;
}

const statusChangeObject = z.strictObject({
  status: z.enum(DOSSIER_STATUSES),
  at: instantSchema,
  actor: actorObject,
  note: text(4000).optional(),
});
type _StatusChangeShape = Assert<Equal<z.output<typeof statusChangeObject>, StatusChange>>;

/**
 * How a dossier component reuses existing data instead of a new submission (tái sử
 * dụng). Codecs derive DVCQG's flags from it: `DuocTaiSuDung` (1, or 2 with
 * `resultCode`), `MaKetQuaThayThe` = `resultCode`, `DuocLayTuKhoDMQG` =
 * `fromNationalStore`.
 *
 * @example
 * ```ts
 * import type { ComponentReuse } from '@motcua/schemas';
 * const r: ComponentReuse = {
 *   source: 'dvcqg-store',
 *   resultCode: 'KQ.1.001193.01',
 *   documentId: 'gtsh-000981',
 *   fromNationalStore: true,
 * };
 * ```
 * @category Canonical
 */
export interface ComponentReuse {
  /** Where the reused data came from. */
  source: EvidenceSource;
  /** Result code of the stored result that replaces the component (MaKetQuaThayThe). */
  resultCode?: string | undefined;
  /** Id of the reused digitized document. */
  documentId?: string | undefined;
  /** Taken from the national data store (DuocLayTuKhoDMQG = 1; counted by 766 indicators 4.4 and 4.5). */
  fromNationalStore: boolean;
}

const componentReuseObject = z.strictObject({
  source: z.enum(EVIDENCE_SOURCES),
  resultCode: text(200).optional(),
  documentId: text(200).optional(),
  fromNationalStore: z.boolean(),
});
type _ComponentReuseShape = Assert<Equal<z.output<typeof componentReuseObject>, ComponentReuse>>;

/**
 * Thành phần hồ sơ (a component of a submitted dossier) with its files.
 *
 * @example
 * ```ts
 * import type { DossierComponent } from '@motcua/schemas';
 * const c: DossierComponent = {
 *   componentCode: 'TP01',
 *   name: 'Tờ khai đăng ký khai sinh',
 *   files: [],
 *   digitized: true,
 * };
 * ```
 * @category Canonical
 */
export interface DossierComponent {
  /** Component code from the catalogue (MaThanhPhanHoSo). */
  componentCode: string;
  /** Name of the component. */
  name: string;
  /** Its files (TaiLieuNop). */
  files: StoredFile[];
  /** The component exists as a digitized file (DuocSoHoa = 1; 766 indicator 4.3). */
  digitized: boolean;
  /** Present when existing data replaced a new submission. */
  reuse?: ComponentReuse | undefined;
}

const dossierComponentObject = z.strictObject({
  componentCode: text(200),
  name: text(2000),
  files: z.array(storedFileSchema).max(MAX_LIST),
  digitized: z.boolean(),
  reuse: componentReuseObject.optional(),
});
type _DossierComponentShape = Assert<Equal<z.output<typeof dossierComponentObject>, DossierComponent>>;

/**
 * Kinds of fee line (DVCQG `LoaiPhiLePhi`): `ordinary` (1), `appraisal` — thẩm định,
 * cấp phép (2), `extension` — gia hạn (3).
 *
 * @example
 * ```ts
 * import { FEE_TYPES } from '@motcua/schemas';
 * FEE_TYPES; // ['ordinary', 'appraisal', 'extension']
 * ```
 * @category Canonical
 */
export const FEE_TYPES: readonly ['ordinary', 'appraisal', 'extension'] = [
  'ordinary',
  'appraisal',
  'extension',
] as const;

/**
 * One of {@link FEE_TYPES}.
 *
 * @example
 * ```ts
 * import type { FeeType } from '@motcua/schemas';
 * const t: FeeType = 'ordinary';
 * ```
 * @category Canonical
 */
export type FeeType = (typeof FEE_TYPES)[number];

/**
 * When a fee is collected (DVCQG `HinhThucThu`): `on-reception` (1), `on-supplement`
 * (2), `on-result` — when the result is returned (4).
 *
 * @example
 * ```ts
 * import { FEE_COLLECTION_STAGES } from '@motcua/schemas';
 * FEE_COLLECTION_STAGES[0]; // 'on-reception'
 * ```
 * @category Canonical
 */
export const FEE_COLLECTION_STAGES: readonly ['on-reception', 'on-supplement', 'on-result'] = [
  'on-reception',
  'on-supplement',
  'on-result',
] as const;

/**
 * One of {@link FEE_COLLECTION_STAGES}.
 *
 * @example
 * ```ts
 * import type { FeeCollectionStage } from '@motcua/schemas';
 * const s: FeeCollectionStage = 'on-result';
 * ```
 * @category Canonical
 */
export type FeeCollectionStage = (typeof FEE_COLLECTION_STAGES)[number];

/**
 * Phí, lệ phí (a fee line) charged on a dossier (DanhSachLePhi). An amount of 0 means
 * no fee (766 indicator 3.6 excludes such dossiers).
 *
 * @example
 * ```ts
 * import type { DossierFee } from '@motcua/schemas';
 * const f: DossierFee = {
 *   code: 'LP01',
 *   name: 'Lệ phí cấp bản sao trích lục hộ tịch',
 *   amount: 8000,
 *   feeType: 'ordinary',
 *   collectionStage: 'on-reception',
 * };
 * ```
 * @category Canonical
 */
export interface DossierFee {
  /** Mã phí, lệ phí. */
  code?: string | undefined;
  /** Tên phí, lệ phí. */
  name: string;
  /** Amount in VND (Gia). */
  amount: VndAmount;
  /** Kind of fee line. */
  feeType: FeeType;
  /** When it is collected. */
  collectionStage: FeeCollectionStage;
}

const dossierFeeObject = z.strictObject({
  code: text(100).optional(),
  name: text(1000),
  amount: vndAmountSchema,
  feeType: z.enum(FEE_TYPES),
  collectionStage: z.enum(FEE_COLLECTION_STAGES),
});
type _DossierFeeShape = Assert<Equal<z.output<typeof dossierFeeObject>, DossierFee>>;

/**
 * How a payment was made: `cash` (tiền mặt), `bank-transfer` (chuyển khoản), `card`,
 * `e-wallet` (ví điện tử), `qr` (VietQR), `other`.
 *
 * @example
 * ```ts
 * import { PAYMENT_CHANNELS } from '@motcua/schemas';
 * PAYMENT_CHANNELS.includes('qr'); // true
 * ```
 * @category Canonical
 */
export const PAYMENT_CHANNELS: readonly ['cash', 'bank-transfer', 'card', 'e-wallet', 'qr', 'other'] = [
  'cash',
  'bank-transfer',
  'card',
  'e-wallet',
  'qr',
  'other',
] as const;

/**
 * One of {@link PAYMENT_CHANNELS}.
 *
 * @example
 * ```ts
 * import type { PaymentChannel } from '@motcua/schemas';
 * const c: PaymentChannel = 'bank-transfer';
 * ```
 * @category Canonical
 */
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/**
 * Where a payment was made online (DVCQG `DuocThanhToanTrucTuyen`, counted by 766
 * indicator 3.6): `dvcqg` — on the DVCQG payment platform (1); `local` — on the
 * ministry's or province's own payment portal (2); `offline` — not paid online (at
 * the desk, by a bank outside the portals).
 *
 * @example
 * ```ts
 * import { ONLINE_PAYMENT_PLATFORMS } from '@motcua/schemas';
 * ONLINE_PAYMENT_PLATFORMS; // ['dvcqg', 'local', 'offline']
 * ```
 * @category Canonical
 */
export const ONLINE_PAYMENT_PLATFORMS: readonly ['dvcqg', 'local', 'offline'] = ['dvcqg', 'local', 'offline'] as const;

/**
 * One of {@link ONLINE_PAYMENT_PLATFORMS}.
 *
 * @example
 * ```ts
 * import type { OnlinePaymentPlatform } from '@motcua/schemas';
 * const p: OnlinePaymentPlatform = 'dvcqg';
 * ```
 * @category Canonical
 */
export type OnlinePaymentPlatform = (typeof ONLINE_PAYMENT_PLATFORMS)[number];

/**
 * Thanh toán (a payment) made for a dossier's fees.
 *
 * @example
 * ```ts
 * import type { Payment } from '@motcua/schemas';
 * const p: Payment = {
 *   reference: 'dvc00000000H56250701000120250701083500',
 *   amount: 8000,
 *   paidAt: '2025-07-01T08:35:00+07:00',
 *   channel: 'qr',
 *   online: 'dvcqg',
 * };
 * ```
 * @category Canonical
 */
export interface Payment {
  /** Payment reference (MaThamChieu / transaction id). */
  reference: string;
  /** Amount paid, VND. */
  amount: VndAmount;
  /** When it was paid. */
  paidAt: Instant;
  /** How. */
  channel: PaymentChannel;
  /** Which online platform, if any. */
  online: OnlinePaymentPlatform;
  /** Số biên lai (receipt number), when a receipt was issued. */
  receiptNumber?: string | undefined;
}

const paymentObject = z.strictObject({
  reference: text(200),
  amount: vndAmountSchema,
  paidAt: instantSchema,
  channel: z.enum(PAYMENT_CHANNELS),
  online: z.enum(ONLINE_PAYMENT_PLATFORMS),
  receiptNumber: text(100).optional(),
});
type _PaymentShape = Assert<Equal<z.output<typeof paymentObject>, Payment>>;

/**
 * Yêu cầu bổ sung (one supplement round): the agency asked the applicant to complete
 * the dossier (DanhSachHoSoBoSung). The time between `requestedAt` and
 * `resubmittedAt` is subtracted from processing time by 766 indicator 2.1.
 *
 * @example
 * ```ts
 * import type { SupplementRequest } from '@motcua/schemas';
 * const s: SupplementRequest = {
 *   requestedAt: '2025-07-02T09:00:00+07:00',
 *   requestedBy: 'Lê Thị Hoa',
 *   content: 'Bổ sung bản sao giấy chứng sinh',
 *   resubmittedAt: '2025-07-03T14:00:00+07:00',
 *   dueBefore: '2025-07-04T17:00:00+07:00',
 *   dueAfter: '2025-07-07T17:00:00+07:00',
 * };
 * ```
 * @category Canonical
 */
export interface SupplementRequest {
  /** Id of the round (HoSoBoSungId). */
  id?: string | undefined;
  /** When the supplement was requested (NgayBoSung). */
  requestedAt: Instant;
  /** Officer who requested it (NguoiYeuCauBoSung). */
  requestedBy: string;
  /** What must be supplemented (NoiDungBoSung). */
  content: string;
  /** When the applicant handed in the supplement (NgayTiepNhanBoSung). */
  resubmittedAt?: Instant | undefined;
  /** Due date before the request (NgayHenTraTruoc). */
  dueBefore?: Instant | undefined;
  /** New due date after the supplement (NgayHenTraMoi). */
  dueAfter?: Instant | undefined;
}

const supplementRequestObject = z.strictObject({
  id: text(200).optional(),
  requestedAt: instantSchema,
  requestedBy: text(200),
  content: text(4000),
  resubmittedAt: instantSchema.optional(),
  dueBefore: instantSchema.optional(),
  dueAfter: instantSchema.optional(),
});
type _SupplementRequestShape = Assert<Equal<z.output<typeof supplementRequestObject>, SupplementRequest>>;

/**
 * Direction of an inter-agency leg (liên thông): `vertical` — liên thông dọc, between
 * levels of government; `horizontal` — liên thông ngang, between agencies of one level.
 *
 * @example
 * ```ts
 * import { INTER_AGENCY_DIRECTIONS } from '@motcua/schemas';
 * INTER_AGENCY_DIRECTIONS; // ['vertical', 'horizontal']
 * ```
 * @category Canonical
 */
export const INTER_AGENCY_DIRECTIONS: readonly ['vertical', 'horizontal'] = ['vertical', 'horizontal'] as const;

/**
 * One of {@link INTER_AGENCY_DIRECTIONS}.
 *
 * @example
 * ```ts
 * import type { InterAgencyDirection } from '@motcua/schemas';
 * const d: InterAgencyDirection = 'horizontal';
 * ```
 * @category Canonical
 */
export type InterAgencyDirection = (typeof INTER_AGENCY_DIRECTIONS)[number];

/**
 * Status of an inter-agency leg: `sent` (chuyển đi, not yet taken up), `processing`,
 * `completed` (kết quả đã chuyển về), `returned` (trả lại, sent back unresolved),
 * `rejected` (từ chối).
 *
 * @example
 * ```ts
 * import { INTER_AGENCY_LEG_STATUSES } from '@motcua/schemas';
 * INTER_AGENCY_LEG_STATUSES.includes('completed'); // true
 * ```
 * @category Canonical
 */
export const INTER_AGENCY_LEG_STATUSES: readonly ['sent', 'processing', 'completed', 'returned', 'rejected'] = [
  'sent',
  'processing',
  'completed',
  'returned',
  'rejected',
] as const;

/**
 * One of {@link INTER_AGENCY_LEG_STATUSES}.
 *
 * @example
 * ```ts
 * import type { InterAgencyLegStatus } from '@motcua/schemas';
 * const s: InterAgencyLegStatus = 'processing';
 * ```
 * @category Canonical
 */
export type InterAgencyLegStatus = (typeof INTER_AGENCY_LEG_STATUSES)[number];

const FINISHED_LEG_STATUSES: ReadonlySet<InterAgencyLegStatus> = new Set<InterAgencyLegStatus>([
  'completed',
  'returned',
  'rejected',
]);

/**
 * Một bước liên thông (an inter-agency leg): the part of the processing another agency
 * performs, with its share of the statutory deadline.
 *
 * @example
 * ```ts
 * import type { InterAgencyLeg } from '@motcua/schemas';
 * const leg: InterAgencyLeg = {
 *   agencyCode: '000.00.00.H56',
 *   agencyName: 'Công an tỉnh Thanh Hóa',
 *   direction: 'vertical',
 *   deadlineShare: { amount: 2, unit: 'working-days' },
 *   status: 'completed',
 *   startedAt: '2025-07-01T10:00:00+07:00',
 *   finishedAt: '2025-07-02T15:30:00+07:00',
 * };
 * ```
 * @category Canonical
 */
export interface InterAgencyLeg {
  /** Electronic identifier of the other agency. */
  agencyCode: string;
  /** Its name. */
  agencyName?: string | undefined;
  /** Dọc or ngang. */
  direction: InterAgencyDirection;
  /** Part of the statutory deadline allotted to this agency. */
  deadlineShare: Duration;
  /** Where the leg stands. */
  status: InterAgencyLegStatus;
  /** When the dossier was sent to the agency. */
  startedAt: Instant;
  /** When the agency finished (completed, returned or rejected). */
  finishedAt?: Instant | undefined;
}

const interAgencyLegObject = z.strictObject({
  agencyCode: agencyCodeSchema,
  agencyName: text(500).optional(),
  direction: z.enum(INTER_AGENCY_DIRECTIONS),
  deadlineShare: durationSchema,
  status: z.enum(INTER_AGENCY_LEG_STATUSES),
  startedAt: instantSchema,
  finishedAt: instantSchema.optional(),
});
type _InterAgencyLegShape = Assert<Equal<z.output<typeof interAgencyLegObject>, InterAgencyLeg>>;

/**
 * National databases a dossier was checked against (DVCQG `DSKetNoiCSDL`; the
 * population database counts for 766 indicator 4.5): `population` (CSDL quốc gia về
 * dân cư), `enterprise` (đăng ký doanh nghiệp), `civil-status` (hộ tịch điện tử),
 * `land` (đất đai), `insurance` (bảo hiểm). DVCQG's `MaCSDL` code list is unpublished
 * (Thanh Hóa sends `"7"` for the population database), so codecs take the codes from
 * deployment configuration.
 *
 * @example
 * ```ts
 * import { NATIONAL_DATABASES } from '@motcua/schemas';
 * NATIONAL_DATABASES[0]; // 'population'
 * ```
 * @category Canonical
 */
export const NATIONAL_DATABASES: readonly ['population', 'enterprise', 'civil-status', 'land', 'insurance'] = [
  'population',
  'enterprise',
  'civil-status',
  'land',
  'insurance',
] as const;

/**
 * One of {@link NATIONAL_DATABASES}.
 *
 * @example
 * ```ts
 * import type { NationalDatabase } from '@motcua/schemas';
 * const db: NationalDatabase = 'population';
 * ```
 * @category Canonical
 */
export type NationalDatabase = (typeof NATIONAL_DATABASES)[number];

/**
 * The procedure a dossier is for.
 *
 * @example
 * ```ts
 * import type { ProcedureRef } from '@motcua/schemas';
 * const p: ProcedureRef = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
 * ```
 * @category Canonical
 */
export interface ProcedureRef {
  /** Procedure code as DVCQG knows it (MaTTHC), national or localized per the deployment's mapping. */
  code: string;
  /** Procedure name (TenTTHC). */
  name: string;
  /** The province's localized code, when the deployment uses one locally. */
  localCode?: string | undefined;
}

const procedureRefObject = z.strictObject({
  code: procedureCodeSchema,
  name: text(2000),
  localCode: procedureCodeSchema.optional(),
});
type _ProcedureRefShape = Assert<Equal<z.output<typeof procedureRefObject>, ProcedureRef>>;

/**
 * Hồ sơ (a dossier): what an applicant submitted for one procedure and its whole
 * life — reception, processing, supplements, fees, inter-agency legs, results. It
 * carries everything DVCQG's dossier sync and the Decision 766 indicators read:
 * reception and due instants, a progress row per status change, supplement rounds
 * with dates, digitization and reuse flags per component, fee lines and online
 * payments, result files.
 *
 * @example
 * ```ts
 * import type { Dossier } from '@motcua/schemas';
 * const dossier: Dossier = {
 *   id: '7d0c1f5e-2b8a-4c1e-9f3a-5e6d7c8b9a01',
 *   code: '000.00.00.H56-250701-0001',
 *   procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
 *   field: { code: 'G15-HT01', name: 'Hộ tịch' },
 *   receivingAgency: { code: '000.00.00.H56', name: 'UBND tỉnh Thanh Hóa' },
 *   channel: 'online',
 *   applicant: {
 *     type: 'citizen',
 *     fullName: 'Nguyễn Thị Lan',
 *     identities: [{ type: 'personal-id', value: '038190012345' }],
 *   },
 *   summary: 'Đăng ký khai sinh cho con Nguyễn Minh An',
 *   submittedAt: '2025-07-01T07:55:00+07:00',
 *   receivedAt: '2025-07-01T08:30:00+07:00',
 *   dueAt: '2025-07-02T17:00:00+07:00',
 *   status: 'received',
 *   statusHistory: [
 *     { status: 'submitted', at: '2025-07-01T07:55:00+07:00', actor: { name: 'Nguyễn Thị Lan' } },
 *     { status: 'received', at: '2025-07-01T08:30:00+07:00', actor: { name: 'Lê Thị Hoa' } },
 *   ],
 *   components: [{ componentCode: 'TP01', name: 'Tờ khai đăng ký khai sinh', files: [], digitized: true }],
 *   fees: [],
 *   payments: [],
 *   supplementRequests: [],
 *   interAgencyLegs: [],
 *   results: [],
 *   vneidVerified: true,
 *   nationalDatabasesConsulted: ['population'],
 * };
 * ```
 * @category Canonical
 */
export interface Dossier {
  /** Stable internal identifier (never shown to citizens). */
  id: string;
  /** Mã số hồ sơ, generated per TT 01/2018/TT-VPCP Điều 19. */
  code: string;
  /** The procedure. */
  procedure: ProcedureRef;
  /** Lĩnh vực (MaLinhVuc, TenLinhVuc). */
  field?: FieldRef | undefined;
  /** The agency that received the dossier. */
  receivingAgency: AgencyRef;
  /** Kênh nộp (KenhThucHien). */
  channel: Channel;
  /** Chủ hồ sơ: the person or organisation the procedure is for (ChuHoSo, DinhDanhCHS, LoaiDoiTuong). */
  applicant: Party;
  /** Người nộp hồ sơ, when someone other than the owner submitted (an authorised person). */
  submitter?: Party | undefined;
  /** DVCQG account id of the applicant (MaDoiTuong / TechID), for online dossiers. */
  portalAccountId?: string | undefined;
  /** Số biên nhận (receipt number), when distinct from the dossier code. */
  receiptNumber?: string | undefined;
  /** Trích yếu (summary). */
  summary?: string | undefined;
  /** When the applicant submitted (NgayNopHoSo); before reception for online and postal dossiers. */
  submittedAt?: Instant | undefined;
  /** When the agency received the dossier (NgayTiepNhan); required once received. */
  receivedAt?: Instant | undefined;
  /** Ngày hẹn trả (NgayHenTra), the basis of on-time measurement. */
  dueAt?: Instant | undefined;
  /** Current status. */
  status: DossierStatus;
  /** Every status change, oldest first; the last one is the current status. */
  statusHistory: StatusChange[];
  /** Submitted components. */
  components: DossierComponent[];
  /** Fee lines (DanhSachLePhi). */
  fees: DossierFee[];
  /** Payments made. */
  payments: Payment[];
  /** Supplement rounds, oldest first (DanhSachHoSoBoSung). */
  supplementRequests: SupplementRequest[];
  /** Inter-agency legs (liên thông). */
  interAgencyLegs: InterAgencyLeg[];
  /** Issued result documents (DanhSachGiayToKetQua). */
  results: IssuedDocument[];
  /** How the result is delivered, when chosen (HinhThuc). */
  resultDelivery?: Channel | undefined;
  /** The applicant's account is VNeID-authenticated (TaiKhoanDuocXacThucVoiVNeID; 766 indicator 4.5). */
  vneidVerified: boolean;
  /** National databases consulted for this dossier (DSKetNoiCSDL). */
  nationalDatabasesConsulted: NationalDatabase[];
}

function epoch(instant: Instant | undefined): number | undefined {
  return instant === undefined ? undefined : parseInstant(instant)?.epochMilliseconds;
}

function isBefore(a: Instant | undefined, b: Instant | undefined): boolean {
  const ea = epoch(a);
  const eb = epoch(b);
  return ea !== undefined && eb !== undefined && ea < eb;
}

const dossierObject = z
  .strictObject({
    id: text(200),
    code: dossierCodeSchema,
    procedure: procedureRefObject,
    field: fieldRefSchema.optional(),
    receivingAgency: agencyRefSchema,
    channel: z.enum(CHANNELS),
    applicant: partySchema,
    submitter: partySchema.optional(),
    portalAccountId: text(200).optional(),
    receiptNumber: text(100).optional(),
    summary: text(1000).optional(),
    submittedAt: instantSchema.optional(),
    receivedAt: instantSchema.optional(),
    dueAt: instantSchema.optional(),
    status: z.enum(DOSSIER_STATUSES),
    statusHistory: z.array(statusChangeObject).max(MAX_LIST),
    components: z.array(dossierComponentObject).max(MAX_LIST),
    fees: z.array(dossierFeeObject).max(MAX_LIST),
    payments: z.array(paymentObject).max(MAX_LIST),
    supplementRequests: z.array(supplementRequestObject).max(MAX_LIST),
    interAgencyLegs: z.array(interAgencyLegObject).max(MAX_LIST),
    results: z.array(issuedDocumentSchema).max(MAX_LIST),
    resultDelivery: z.enum(CHANNELS).optional(),
    vneidVerified: z.boolean(),
    nationalDatabasesConsulted: z.array(z.enum(NATIONAL_DATABASES)).max(NATIONAL_DATABASES.length),
  })
  .superRefine((d, ctx) => {
    if (RECEIVED_STATUSES.has(d.status) && d.receivedAt === undefined) {
      ctx.addIssue(customIssue('CANON_DOSSIER_RECEIVED_AT_REQUIRED', { status: d.status }, ['receivedAt']));
    }
    if (isBefore(d.receivedAt, d.submittedAt)) {
      ctx.addIssue(customIssue('CANON_DOSSIER_SUBMITTED_AFTER_RECEIVED', undefined, ['submittedAt']));
    }
    if (isBefore(d.dueAt, d.receivedAt)) {
      ctx.addIssue(customIssue('CANON_DOSSIER_DUE_BEFORE_RECEIVED', undefined, ['dueAt']));
    }
    d.statusHistory.forEach((change, i) => {
      if (i > 0 && isBefore(change.at, d.statusHistory[i - 1]?.at)) {
        ctx.addIssue(customIssue('CANON_DOSSIER_HISTORY_ORDER', undefined, ['statusHistory', i, 'at']));
      }
    });
    const last = d.statusHistory.at(-1);
    if (last !== undefined && last.status !== d.status) {
      ctx.addIssue(customIssue('CANON_DOSSIER_STATUS_NOT_LAST', { status: d.status, last: last.status }, ['status']));
    }
    if (d.status === 'supplement-requested' && !d.supplementRequests.some((s) => s.resubmittedAt === undefined)) {
      ctx.addIssue(customIssue('CANON_DOSSIER_SUPPLEMENT_MISSING', undefined, ['supplementRequests']));
    }
    d.supplementRequests.forEach((s, i) => {
      if (isBefore(s.resubmittedAt, s.requestedAt)) {
        ctx.addIssue(
          customIssue('CANON_SUPPLEMENT_RESUBMITTED_BEFORE_REQUESTED', undefined, [
            'supplementRequests',
            i,
            'resubmittedAt',
          ]),
        );
      }
    });
    d.interAgencyLegs.forEach((leg, i) => {
      if (isBefore(leg.finishedAt, leg.startedAt)) {
        ctx.addIssue(customIssue('CANON_LEG_FINISHED_BEFORE_STARTED', undefined, ['interAgencyLegs', i, 'finishedAt']));
      }
      if (FINISHED_LEG_STATUSES.has(leg.status) && leg.finishedAt === undefined) {
        ctx.addIssue(
          customIssue('CANON_LEG_FINISHED_AT_REQUIRED', { status: leg.status }, ['interAgencyLegs', i, 'finishedAt']),
        );
      }
    });
    // Comparing with a malformed dossier code would only repeat its own error.
    const codeIsValid = parseDossierCode(d.code).valid;
    d.results.forEach((r, i) => {
      if (codeIsValid && r.dossierCode !== d.code) {
        ctx.addIssue(customIssue('CANON_RESULT_DOSSIER_MISMATCH', { code: d.code }, ['results', i, 'dossierCode']));
      }
      if (isBefore(r.issuedAt, d.receivedAt)) {
        ctx.addIssue(customIssue('CANON_RESULT_ISSUED_BEFORE_RECEIVED', undefined, ['results', i, 'issuedAt']));
      }
    });
  });
type _DossierShape = Assert<Equal<z.output<typeof dossierObject>, Dossier>>;

/**
 * Zod schema of a {@link Dossier}. Cross-field errors:
 *
 * - `CANON_DOSSIER_RECEIVED_AT_REQUIRED`: a status reachable only through reception (all but `submitted`,
 *   `rejected` and `withdrawn`) without `receivedAt`;
 * - `CANON_DOSSIER_SUBMITTED_AFTER_RECEIVED`, `CANON_DOSSIER_DUE_BEFORE_RECEIVED`;
 * - `CANON_DOSSIER_HISTORY_ORDER`: status history not oldest-first;
 * - `CANON_DOSSIER_STATUS_NOT_LAST`: `status` differs from the last history entry;
 * - `CANON_DOSSIER_SUPPLEMENT_MISSING`: `supplement-requested` without an open supplement round;
 * - `CANON_SUPPLEMENT_RESUBMITTED_BEFORE_REQUESTED`;
 * - `CANON_LEG_FINISHED_BEFORE_STARTED`, `CANON_LEG_FINISHED_AT_REQUIRED` (inter-agency legs);
 * - `CANON_RESULT_DOSSIER_MISMATCH`: a result names another dossier code;
 * - `CANON_RESULT_ISSUED_BEFORE_RECEIVED`.
 *
 * Comparisons run only between instants that are themselves valid.
 *
 * @example
 * ```ts
 * import { dossierSchema } from '@motcua/schemas';
 * const r = dossierSchema.safeParse({ id: 'x' });
 * r.success; // false
 * ```
 * @category Canonical
 */
export const dossierSchema: z.ZodType<Dossier> = dossierObject;

const RESOLVED_STATUSES: ReadonlySet<DossierStatus> = new Set<DossierStatus>(['resolved', 'returned']);

function prefixed(issues: RawIssue[], prefix: ReadonlyArray<string | number>): RawIssue[] {
  return issues.map((w) => ({ ...w, path: [...prefix, ...w.path] }));
}

/**
 * Warning rules of a {@link Dossier} — legal data that will hurt the Decision 766
 * indicators or later reuse:
 *
 * - `CANON_DOSSIER_NO_RESULT`: resolved or returned without a result document (3.3, 4.1, 4.2);
 * - `CANON_DOSSIER_NO_DIGITIZED_COMPONENT`: an online dossier with no digitized or reused component (4.3);
 * - `CANON_DOSSIER_NO_HISTORY`: past submission but no status history, so DVCQG gets no progress rows (2.1);
 * - `CANON_DOSSIER_NO_DUE_DATE`: received without a due date; 2.1 then falls back to the statutory maximum;
 * - `CANON_DOSSIER_MULTIPLE_SUPPLEMENTS`: more than one supplement round, which 2.1 counts as late;
 * - `CANON_DOSSIER_CODE_AGENCY_MISMATCH`, `CANON_DOSSIER_CODE_DATE_MISMATCH`: the code's agency or
 *   `YYMMDD` differs from the receiving agency or the (Vietnam-time) reception day (TT 01/2018 Điều 19);
 * - `CANON_REUSE_NATIONAL_FLAG`: a component reused from the DVCQG store not flagged `fromNationalStore` (4.4);
 * - warnings of the dossier code, the parties and the results.
 *
 * @example
 * ```ts
 * import { dossierWarnings, type Dossier } from '@motcua/schemas';
 * declare const d: Dossier;
 * for (const w of dossierWarnings(d)) console.log(w.code, w.path.join('.'));
 * ```
 * @category Canonical
 */
export function dossierWarnings(d: Dossier): RawIssue[] {
  const out: RawIssue[] = [];
  const warn = (code: string, path: ReadonlyArray<string | number>, params?: Record<string, string | number>): void => {
    out.push(params === undefined ? { code, path, severity: 'warning' } : { code, path, severity: 'warning', params });
  };
  if (RESOLVED_STATUSES.has(d.status) && d.results.length === 0) warn('CANON_DOSSIER_NO_RESULT', ['results']);
  if (d.channel === 'online' && !d.components.some((c) => c.digitized || c.reuse !== undefined)) {
    warn('CANON_DOSSIER_NO_DIGITIZED_COMPONENT', ['components']);
  }
  if (d.status !== 'submitted' && d.statusHistory.length === 0) warn('CANON_DOSSIER_NO_HISTORY', ['statusHistory']);
  if (RECEIVED_STATUSES.has(d.status) && d.dueAt === undefined) {
    warn('CANON_DOSSIER_NO_DUE_DATE', ['dueAt']);
  }
  if (d.supplementRequests.length > 1) {
    warn('CANON_DOSSIER_MULTIPLE_SUPPLEMENTS', ['supplementRequests'], { count: d.supplementRequests.length });
  }
  const parsedCode = parseDossierCode(d.code);
  for (const p of parsedCode.problems) {
    if (p.severity === 'warning') warn(p.code, ['code'], p.params);
  }
  const facts = parsedCode.facts;
  if (facts !== undefined) {
    if (facts.agencyCode !== d.receivingAgency.code) {
      warn('CANON_DOSSIER_CODE_AGENCY_MISMATCH', ['code'], { agencyCode: d.receivingAgency.code });
    }
    const receivedDay = d.receivedAt === undefined ? undefined : vietnamDateOf(d.receivedAt);
    if (receivedDay !== undefined && facts.receivedDate !== receivedDay) {
      warn('CANON_DOSSIER_CODE_DATE_MISMATCH', ['code'], { receivedDate: receivedDay });
    }
  }
  d.components.forEach((c, i) => {
    if (c.reuse?.source === 'dvcqg-store' && !c.reuse.fromNationalStore) {
      warn('CANON_REUSE_NATIONAL_FLAG', ['components', i, 'reuse', 'fromNationalStore']);
    }
  });
  out.push(...prefixed(partyWarnings(d.applicant), ['applicant']));
  if (d.submitter !== undefined) out.push(...prefixed(partyWarnings(d.submitter), ['submitter']));
  d.results.forEach((r, i) => {
    out.push(...prefixed(issuedDocumentWarnings(r), ['results', i]));
  });
  return out;
}
