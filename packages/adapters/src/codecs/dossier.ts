/**
 * The dossier codec: canonical `Dossier` ⇄ `DongBoHoSoMC` item (dvcqg-wire.md §5).
 *
 * The wire carries less than the canonical model (no file hashes, no actors, one link
 * per result, whole seconds in Vietnam time). The codec therefore goes through a
 * {@link DossierWireView} — what the wire carries, in canonical vocabulary:
 *
 * ```
 * Dossier ──dossierWireView──► DossierWireView ──dossierViewToWire──► DvcqgDossier
 *                                     ▲                                   │
 *                                     └──────────dossierFromWire──────────┘
 * ```
 *
 * `dossierToWire` is the composition of the first two arrows. Round-trip guarantees
 * (checked by property tests): `dossierFromWire(dossierToWire(d)) = dossierWireView(d)`,
 * and `dossierViewToWire(dossierFromWire(w)) = w` for every `w` the codec produced.
 *
 * @module
 */
import {
  type ApplicantType,
  type Channel,
  DOSSIER_STATUS_TO_DVCQG,
  type Dossier,
  type DossierStatus,
  DVCQG_TO_DOSSIER_STATUS,
  type FeeCollectionStage,
  type FeeType,
  type Identity,
  type Instant,
  NATIONAL_DATABASES,
  type NationalDatabase,
  type StatusChange,
} from '@motcua/schemas';
import {
  DVCQG_DOSSIER_FIELDS,
  type DvcqgDossier,
  type DvcqgGiayToKetQua,
  type DvcqgHoSoBoSung,
  type DvcqgLePhi,
  type DvcqgTaiLieuNop,
  validateDvcqgDossier,
} from '@motcua/schemas/dvcqg';
import { AdapterError } from '../errors.ts';
import { instantToWireDate, normalizeInstantForWire, wireDateToVietnamInstant } from './instant.ts';
import { OPENCPS_PROFILE, truncateWireText, type WireProfile } from './profile.ts';

/**
 * The applicant as the wire names them (`ChuHoSo`, `SoGiayToChuHoSo`, `LoaiDoiTuong`,
 * `DinhDanhCHS`, `Email`, `SoDienThoai`).
 *
 * @example
 * ```ts
 * import type { WireApplicantView } from '@motcua/adapters/dvcqg';
 * const a: WireApplicantView = { kind: 'citizen', name: 'Nguyễn Thị Lan', documentNumber: '038190012345', identities: [{ type: 'personal-id', value: '038190012345' }] };
 * ```
 * @category Codecs
 */
export interface WireApplicantView {
  /** `LoaiDoiTuong`: 1 citizen, 2 business, 3 state agency, 4 other. */
  kind?: ApplicantType | undefined;
  /** `ChuHoSo`. */
  name?: string | undefined;
  /** `SoGiayToChuHoSo`: the citizen's first identifier, an organisation's tax or agency code. */
  documentNumber?: string | undefined;
  /** `DinhDanhCHS`: personal identification numbers (1) and CMND (2) only. */
  identities: Identity[];
  /** `Email`. */
  email?: string | undefined;
  /** `SoDienThoai`. */
  phone?: string | undefined;
}

/**
 * One `TaiLieuNop[]` row: a submitted file, or a component without a file (reused from
 * stored data).
 *
 * @example
 * ```ts
 * import type { WireSubmittedFileView } from '@motcua/adapters/dvcqg';
 * const f: WireSubmittedFileView = {
 *   componentCode: 'TP03', name: 'Giấy chứng nhận kết hôn', deleted: false, digitized: false,
 *   reuse: 'replaced-by-result', fromNationalStore: true, replacingResultCode: 'KQ.1.000894.01',
 * };
 * ```
 * @category Codecs
 */
export interface WireSubmittedFileView {
  /** `MaThanhPhanHoSo`. */
  componentCode?: string | undefined;
  /** `TepDinhKemId`. */
  fileId?: string | undefined;
  /** `TenTepDinhKem` (the component's name for a row without a file). */
  name?: string | undefined;
  /** `IsDeleted`. */
  deleted: boolean;
  /** `DuongDanTaiTepTin`. */
  url?: string | undefined;
  /** `DuocSoHoa = 1`. */
  digitized: boolean;
  /** `DuocTaiSuDung`: 0 `none`, 1 `reused`, 2 `replaced-by-result`. */
  reuse: 'none' | 'reused' | 'replaced-by-result';
  /** `DuocLayTuKhoDMQG = 1`. */
  fromNationalStore: boolean;
  /** `MaKetQuaThayThe`. */
  replacingResultCode?: string | undefined;
}

/**
 * One `DanhSachLePhi[]` line.
 *
 * @example
 * ```ts
 * import type { WireFeeView } from '@motcua/adapters/dvcqg';
 * const f: WireFeeView = { code: 'LP01', name: 'Lệ phí', amount: 20000, feeType: 'ordinary', collectionStage: 'on-reception' };
 * ```
 * @category Codecs
 */
export interface WireFeeView {
  /** `MaPhiLePhi`. */
  code?: string | undefined;
  /** `TenPhiLePhi`. */
  name?: string | undefined;
  /** `Gia`, whole VND. */
  amount: number;
  /** `LoaiPhiLePhi`. */
  feeType?: FeeType | undefined;
  /** `HinhThucThu`. */
  collectionStage?: FeeCollectionStage | undefined;
}

/**
 * One `DanhSachHoSoBoSung[]` round.
 *
 * @example
 * ```ts
 * import type { WireSupplementView } from '@motcua/adapters/dvcqg';
 * const s: WireSupplementView = { id: 'bs-0001', requestedAt: '2025-07-01T10:00:00+07:00', requestedBy: 'Lê Thị Hoa', content: 'Bổ sung giấy chứng sinh' };
 * ```
 * @category Codecs
 */
export interface WireSupplementView {
  /** `HoSoBoSungId`. */
  id?: string | undefined;
  /** `NgayBoSung`. */
  requestedAt?: Instant | undefined;
  /** `NguoiYeuCauBoSung`. */
  requestedBy?: string | undefined;
  /** `NoiDungBoSung`. */
  content?: string | undefined;
  /** `NguoiTiepNhanBoSung`. */
  receivedBy?: string | undefined;
  /** `ThongTinTiepNhan`. */
  receptionNote?: string | undefined;
  /** `NgayTiepNhanBoSung`. */
  resubmittedAt?: Instant | undefined;
  /** `TrangThaiBoSung` (code list unconfirmed). */
  status?: string | undefined;
  /** `NgayHenTraTruoc`. */
  dueBefore?: Instant | undefined;
  /** `NgayHenTraMoi`. */
  dueAfter?: Instant | undefined;
}

/**
 * One `DanhSachGiayToKetQua[]` document.
 *
 * @example
 * ```ts
 * import type { WireResultView } from '@motcua/adapters/dvcqg';
 * const r: WireResultView = { id: 'kq-1', resultCode: 'KQ.1.001193.01', name: 'Giấy khai sinh', url: 'https://motcua.thanhhoa.gov.vn/files/kq-1' };
 * ```
 * @category Codecs
 */
export interface WireResultView {
  /** `GiayToId`. */
  id?: string | undefined;
  /** `MaGiayToKetQua`. */
  resultCode?: string | undefined;
  /** `TenGiayTo`. */
  name?: string | undefined;
  /** `DuongDanTepTinKetQua`. */
  url?: string | undefined;
  /** `MaThanhPhanHoSo`. */
  componentCode?: string | undefined;
}

/**
 * What the `DongBoHoSoMC` wire carries about a dossier, in canonical vocabulary
 * (instants in `+07:00`, whole seconds). See the module notes.
 *
 * @example
 * ```ts
 * import { dossierFromWire } from '@motcua/adapters/dvcqg';
 * const view = dossierFromWire({ MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' });
 * view.status; // 'received'
 * view.receivedAt; // '2025-07-01T08:30:00+07:00'
 * ```
 * @category Codecs
 */
export interface DossierWireView {
  /** `MaHoSo`. */
  code: string;
  /** `MaTTHC`, `TenTTHC`. */
  procedure: { code: string; name?: string | undefined };
  /** `MaLinhVuc`, `TenLinhVuc`. */
  field?: { code: string; name?: string | undefined } | undefined;
  /** `KenhThucHien`. */
  channel?: Channel | undefined;
  /** `TrangThaiHoSo`. */
  status: DossierStatus;
  /** The applicant. */
  applicant: WireApplicantView;
  /** `MaDoiTuong`. */
  portalAccountId?: string | undefined;
  /** `SoBienNhan`. */
  receiptNumber?: string | undefined;
  /** `TrichYeuHoSo` (after truncation). */
  summary?: string | undefined;
  /** `DonViXuLy`. */
  handlingAgencyName?: string | undefined;
  /** `NgayNopHoSo`. */
  submittedAt?: Instant | undefined;
  /** `NgayTiepNhan`. */
  receivedAt?: Instant | undefined;
  /** `NgayHenTra`. */
  dueAt?: Instant | undefined;
  /** `NgayTra`. */
  returnedAt?: Instant | undefined;
  /** `NgayKetThucXuLy`. */
  processingEndedAt?: Instant | undefined;
  /** `NgayTuChoi`. */
  rejectedAt?: Instant | undefined;
  /** `HinhThuc`: `1` by post, `0` otherwise. */
  resultByPost?: boolean | undefined;
  /** `TaiLieuNop`. */
  submittedFiles: WireSubmittedFileView[];
  /** `DanhSachLePhi`. */
  fees: WireFeeView[];
  /** `DanhSachHoSoBoSung`. */
  supplementRequests: WireSupplementView[];
  /** `DanhSachGiayToKetQua`. */
  results: WireResultView[];
  /** `HoSoCoThanhPhanSoHoa = 1`. */
  hasDigitizedComponents: boolean;
  /** `TaiKhoanDuocXacThucVoiVNeID = 1`. */
  vneidVerified: boolean;
  /** `DuocThanhToanTrucTuyen`: 0 `none`, 1 `dvcqg`, 2 `local`, 3 `other` (meaning unconfirmed). */
  onlinePayment?: 'none' | 'dvcqg' | 'local' | 'other' | undefined;
  /** `NoiNopHoSo` as sent (meaning unconfirmed). */
  submissionPlace?: string | undefined;
  /** `DSKetNoiCSDL` codes the profile knows. */
  nationalDatabases: NationalDatabase[];
  /** `DSKetNoiCSDL` codes the profile does not know, kept. */
  otherDatabaseCodes: string[];
  /** Wire fields without a canonical meaning (`ThongTinKhac`, `Fax`, `GhiChu`, `ThongTinTra`, `DanhSachTepDinhKemKhac`, vendor extras), kept as received. */
  extras: Record<string, unknown>;
}

const CHANNEL_TO_WIRE = { 'in-person': '1', online: '2', postal: '3' } as const;
const WIRE_TO_CHANNEL: Readonly<Record<string, Channel>> = { '1': 'in-person', '2': 'online', '3': 'postal' };
const APPLICANT_TO_WIRE = { citizen: '1', business: '2', 'state-agency': '3', other: '4' } as const;
const WIRE_TO_APPLICANT: Readonly<Record<string, ApplicantType>> = {
  '1': 'citizen',
  '2': 'business',
  '3': 'state-agency',
  '4': 'other',
};
const FEE_TYPE_TO_WIRE = { ordinary: '1', appraisal: '2', extension: '3' } as const;
const WIRE_TO_FEE_TYPE: Readonly<Record<string, FeeType>> = { '1': 'ordinary', '2': 'appraisal', '3': 'extension' };
const STAGE_TO_WIRE = { 'on-reception': '1', 'on-supplement': '2', 'on-result': '4' } as const;
const WIRE_TO_STAGE: Readonly<Record<string, FeeCollectionStage>> = {
  '1': 'on-reception',
  '2': 'on-supplement',
  '4': 'on-result',
};
const PAYMENT_TO_WIRE = { none: '0', dvcqg: '1', local: '2', other: '3' } as const;
const WIRE_TO_PAYMENT: Readonly<Record<string, NonNullable<DossierWireView['onlinePayment']>>> = {
  '0': 'none',
  '1': 'dvcqg',
  '2': 'local',
  '3': 'other',
};
const REUSE_TO_WIRE = { none: '0', reused: '1', 'replaced-by-result': '2' } as const;
const WIRE_TO_REUSE: Readonly<Record<string, WireSubmittedFileView['reuse']>> = {
  '0': 'none',
  '1': 'reused',
  '2': 'replaced-by-result',
};

/** Wire fields the view maps; every other field goes to `extras`. */
const MAPPED_FIELDS: ReadonlySet<string> = new Set([
  'MaHoSo',
  'MaTTHC',
  'TenTTHC',
  'MaLinhVuc',
  'TenLinhVuc',
  'KenhThucHien',
  'SoBienNhan',
  'ChuHoSo',
  'SoGiayToChuHoSo',
  'LoaiDoiTuong',
  'MaDoiTuong',
  'Email',
  'SoDienThoai',
  'TrichYeuHoSo',
  'NgayTiepNhan',
  'NgayHenTra',
  'TrangThaiHoSo',
  'NgayTra',
  'HinhThuc',
  'NgayKetThucXuLy',
  'DonViXuLy',
  'TaiLieuNop',
  'DanhSachLePhi',
  'DanhSachHoSoBoSung',
  'DanhSachGiayToKetQua',
  'NoiNopHoSo',
  'HoSoCoThanhPhanSoHoa',
  'TaiKhoanDuocXacThucVoiVNeID',
  'DuocThanhToanTrucTuyen',
  'NgayTuChoi',
  'DinhDanhCHS',
  'NgayNopHoSo',
  'DSKetNoiCSDL',
]);

function lastAt(history: readonly StatusChange[], statuses: ReadonlySet<DossierStatus>): Instant | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i];
    if (change !== undefined && statuses.has(change.status)) return change.at;
  }
  return undefined;
}

const RESOLVED = new Set<DossierStatus>(['resolved']);
const RETURNED = new Set<DossierStatus>(['returned']);
const STOPPED_OR_REJECTED = new Set<DossierStatus>(['stopped', 'rejected']);
const REJECTED = new Set<DossierStatus>(['rejected']);
const WITHDRAWN = new Set<DossierStatus>(['withdrawn']);

const norm = (i: Instant | undefined): Instant | undefined =>
  i === undefined ? undefined : normalizeInstantForWire(i);

function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * The part of a canonical dossier the `DongBoHoSoMC` wire carries, as
 * {@link dossierFromWire} would read it back. Derivations (dvcqg-wire.md §5, §4.3):
 *
 * - `returnedAt`, `rejectedAt`: the last history entry of that status;
 * - `processingEndedAt` by the 766 priority: resolved (9) > returned (10) > stopped (8) /
 *   rejected (3);
 * - `receivedAt`: the dossier's, else — for a dossier refused or withdrawn before
 *   reception, which the wire still requires a `NgayTiepNhan` for — the refusal or
 *   withdrawal time, else the submission time;
 * - one `TaiLieuNop` row per file, or one row for a component without files;
 * - one result row per issued document, linked to its first file with a URL;
 * - `onlinePayment`: `dvcqg` when a payment went through the portal's platform, `local`
 *   through the province's, else `none`;
 * - national databases without a `MaCSDL` in the profile are dropped.
 *
 * @example
 * ```ts
 * import { dossierWireView, OPENCPS_PROFILE } from '@motcua/adapters/dvcqg';
 * import type { Dossier } from '@motcua/schemas';
 * declare const dossier: Dossier;
 * const view = dossierWireView(dossier, OPENCPS_PROFILE);
 * ```
 * @category Codecs
 */
export function dossierWireView(dossier: Dossier, profile: WireProfile = OPENCPS_PROFILE): DossierWireView {
  const history = dossier.statusHistory;
  const a = dossier.applicant;
  const applicant: WireApplicantView = { identities: [] };
  if (a.type === 'citizen') {
    applicant.kind = 'citizen';
    applicant.name = a.fullName;
    applicant.identities = a.identities.filter((i) => i.type === 'personal-id' || i.type === 'cmnd');
    put(applicant, 'documentNumber', a.identities[0]?.value);
  } else {
    applicant.kind = a.kind;
    applicant.name = a.name;
    const rep = a.representative?.identity;
    applicant.identities = rep !== undefined && (rep.type === 'personal-id' || rep.type === 'cmnd') ? [rep] : [];
    put(applicant, 'documentNumber', a.taxCode ?? a.agencyCode);
  }
  put(applicant, 'email', a.contact?.email);
  put(applicant, 'phone', a.contact?.phone);

  const rejectedAt = lastAt(history, REJECTED);
  const returnedAt = lastAt(history, RETURNED);
  const processingEndedAt = lastAt(history, RESOLVED) ?? returnedAt ?? lastAt(history, STOPPED_OR_REJECTED);
  let receivedAt = dossier.receivedAt;
  if (receivedAt === undefined && dossier.status !== 'submitted') {
    receivedAt = rejectedAt ?? lastAt(history, WITHDRAWN) ?? dossier.submittedAt;
  }

  const submittedFiles: WireSubmittedFileView[] = [];
  for (const c of dossier.components) {
    const flags = {
      digitized: c.digitized,
      reuse: (c.reuse === undefined
        ? 'none'
        : c.reuse.resultCode !== undefined
          ? 'replaced-by-result'
          : 'reused') as WireSubmittedFileView['reuse'],
      fromNationalStore: c.reuse?.fromNationalStore ?? false,
    };
    const base = (): WireSubmittedFileView => {
      const row: WireSubmittedFileView = { componentCode: c.componentCode, deleted: false, ...flags };
      put(row, 'replacingResultCode', c.reuse?.resultCode);
      return row;
    };
    if (c.files.length === 0) {
      const row = base();
      put(row, 'fileId', c.reuse?.documentId);
      row.name = truncateWireText(c.name, profile.truncate.fileName);
      submittedFiles.push(compact(row));
      continue;
    }
    for (const f of c.files) {
      const row = base();
      row.fileId = f.id;
      row.name = truncateWireText(f.name, profile.truncate.fileName);
      put(row, 'url', profile.fileUrl(f, { dossierCode: dossier.code, kind: 'component' }));
      submittedFiles.push(compact(row));
    }
  }

  const results: WireResultView[] = dossier.results.map((r) => {
    const out: WireResultView = { id: r.id, resultCode: r.resultCode, name: r.name };
    for (const f of r.files) {
      const u = profile.fileUrl(f, { dossierCode: dossier.code, kind: 'result' });
      if (u !== undefined) {
        out.url = u;
        break;
      }
    }
    return compact(out);
  });

  const supplementRequests: WireSupplementView[] = dossier.supplementRequests.map((s) =>
    compact({
      id: s.id,
      requestedAt: norm(s.requestedAt),
      requestedBy: s.requestedBy,
      content: s.content,
      resubmittedAt: norm(s.resubmittedAt),
      dueBefore: norm(s.dueBefore),
      dueAfter: norm(s.dueAfter),
    }),
  );

  const nationalDatabases: NationalDatabase[] = [];
  for (const db of dossier.nationalDatabasesConsulted) {
    if (profile.nationalDatabaseCodes[db] !== undefined && !nationalDatabases.includes(db)) nationalDatabases.push(db);
  }

  const online = dossier.payments.some((p) => p.online === 'dvcqg')
    ? 'dvcqg'
    : dossier.payments.some((p) => p.online === 'local')
      ? 'local'
      : 'none';

  const view: DossierWireView = {
    code: dossier.code,
    procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
    status: dossier.status,
    applicant: compact(applicant),
    submittedFiles,
    fees: dossier.fees.map((f) =>
      compact({
        code: f.code,
        name: f.name,
        amount: f.amount,
        feeType: f.feeType,
        collectionStage: f.collectionStage,
      }),
    ),
    supplementRequests,
    results,
    hasDigitizedComponents: dossier.components.some((c) => c.digitized || c.reuse !== undefined),
    vneidVerified: dossier.vneidVerified,
    onlinePayment: online,
    nationalDatabases,
    otherDatabaseCodes: [],
    extras: {},
  };
  if (dossier.field !== undefined) view.field = { code: dossier.field.code, name: dossier.field.name };
  put(view, 'channel', dossier.channel);
  put(view, 'portalAccountId', dossier.portalAccountId);
  put(view, 'receiptNumber', dossier.receiptNumber);
  if (dossier.summary !== undefined) view.summary = truncateWireText(dossier.summary, profile.truncate.summary);
  put(view, 'handlingAgencyName', dossier.receivingAgency.name);
  put(view, 'submittedAt', norm(dossier.submittedAt));
  put(view, 'receivedAt', norm(receivedAt));
  put(view, 'dueAt', norm(dossier.dueAt));
  put(view, 'returnedAt', norm(returnedAt));
  put(view, 'processingEndedAt', norm(processingEndedAt));
  put(view, 'rejectedAt', norm(rejectedAt));
  if (dossier.resultDelivery !== undefined) view.resultByPost = dossier.resultDelivery === 'postal';
  put(view, 'submissionPlace', profile.submissionPlace);
  return compact(view);
}

// Views are compared with deep equality in the round-trip tests: members that are
// undefined are removed, so the shape is the same whichever way a view was made.
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const idText = (v: unknown): string | undefined =>
  typeof v === 'number' ? String(v) : typeof v === 'string' && v !== '' ? v : undefined;

/**
 * Reads a `DongBoHoSoMC` item (validated with the wire schema first; lenient inputs such
 * as numeric codes, `"True"`/`0` flags and `""` dates are accepted) into a
 * {@link DossierWireView}. Throws {@link AdapterError} `CODEC_WIRE_INVALID` when the item
 * fails the wire schema.
 *
 * @example
 * ```ts
 * import { dossierFromWire } from '@motcua/adapters/dvcqg';
 * const view = dossierFromWire({
 *   MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: 10,
 *   NgayTiepNhan: '20250701083000', NgayTra: '20250703150000', KenhThucHien: 2,
 * });
 * view.channel; // 'online'
 * view.returnedAt; // '2025-07-03T15:00:00+07:00'
 * ```
 * @category Codecs
 */
export function dossierFromWire(item: unknown, profile: WireProfile = OPENCPS_PROFILE): DossierWireView {
  const checked = validateDvcqgDossier(item, { lang: 'en' });
  if (!checked.ok) {
    throw new AdapterError(
      'CODEC_WIRE_INVALID',
      `not a valid DongBoHoSoMC item: ${checked.issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.code}`)
        .join('; ')}`,
      { details: { issues: checked.issues } },
    );
  }
  const w = checked.value;
  const applicant: WireApplicantView = {
    identities: (w.DinhDanhCHS ?? []).map(
      (id): Identity => ({ type: id.LoaiDinhDanh === '1' ? 'personal-id' : 'cmnd', value: id.SoDinhDanh }),
    ),
  };
  put(applicant, 'kind', w.LoaiDoiTuong == null ? undefined : WIRE_TO_APPLICANT[w.LoaiDoiTuong]);
  put(applicant, 'name', text(w.ChuHoSo));
  put(applicant, 'documentNumber', text(w.SoGiayToChuHoSo));
  put(applicant, 'email', text(w.Email));
  put(applicant, 'phone', text(w.SoDienThoai));

  const view: DossierWireView = {
    code: w.MaHoSo,
    procedure: compact({ code: w.MaTTHC, name: text(w.TenTTHC) }),
    status: DVCQG_TO_DOSSIER_STATUS[w.TrangThaiHoSo],
    applicant: compact(applicant),
    submittedFiles: (w.TaiLieuNop ?? []).map(fileFromWire),
    fees: (w.DanhSachLePhi ?? []).map(feeFromWire),
    supplementRequests: (w.DanhSachHoSoBoSung ?? []).map(supplementFromWire),
    results: (w.DanhSachGiayToKetQua ?? []).map(resultFromWire),
    hasDigitizedComponents: w.HoSoCoThanhPhanSoHoa === '1',
    vneidVerified: w.TaiKhoanDuocXacThucVoiVNeID === '1',
    nationalDatabases: [],
    otherDatabaseCodes: [],
    extras: {},
  };
  const fieldCode = text(w.MaLinhVuc);
  if (fieldCode !== undefined) view.field = compact({ code: fieldCode, name: text(w.TenLinhVuc) });
  put(view, 'channel', w.KenhThucHien == null ? undefined : WIRE_TO_CHANNEL[w.KenhThucHien]);
  put(view, 'portalAccountId', text(w.MaDoiTuong));
  put(view, 'receiptNumber', text(w.SoBienNhan));
  put(view, 'summary', text(w.TrichYeuHoSo));
  put(view, 'handlingAgencyName', text(w.DonViXuLy));
  put(view, 'submittedAt', wireDateToVietnamInstant(w.NgayNopHoSo));
  put(view, 'receivedAt', wireDateToVietnamInstant(w.NgayTiepNhan));
  put(view, 'dueAt', wireDateToVietnamInstant(w.NgayHenTra));
  put(view, 'returnedAt', wireDateToVietnamInstant(w.NgayTra));
  put(view, 'processingEndedAt', wireDateToVietnamInstant(w.NgayKetThucXuLy));
  put(view, 'rejectedAt', wireDateToVietnamInstant(w.NgayTuChoi));
  const hinhThuc = text(w.HinhThuc);
  if (hinhThuc !== undefined) view.resultByPost = hinhThuc === '1';
  put(view, 'onlinePayment', w.DuocThanhToanTrucTuyen == null ? undefined : WIRE_TO_PAYMENT[w.DuocThanhToanTrucTuyen]);
  put(view, 'submissionPlace', text(w.NoiNopHoSo));
  const byCode = new Map<string, NationalDatabase>();
  for (const db of NATIONAL_DATABASES) {
    const code = profile.nationalDatabaseCodes[db];
    if (code !== undefined) byCode.set(code, db);
  }
  for (const { MaCSDL } of w.DSKetNoiCSDL ?? []) {
    const db = byCode.get(MaCSDL);
    if (db === undefined) view.otherDatabaseCodes.push(MaCSDL);
    else if (!view.nationalDatabases.includes(db)) view.nationalDatabases.push(db);
  }
  for (const [k, v] of Object.entries(w)) {
    if (MAPPED_FIELDS.has(k) || v === undefined || v === null || v === '') continue;
    view.extras[k] = v;
  }
  return compact(view);
}

function fileFromWire(f: DvcqgTaiLieuNop): WireSubmittedFileView {
  const row: WireSubmittedFileView = {
    deleted: f.IsDeleted === true,
    digitized: f.DuocSoHoa === '1',
    reuse: f.DuocTaiSuDung == null ? 'none' : (WIRE_TO_REUSE[f.DuocTaiSuDung] ?? 'none'),
    fromNationalStore: f.DuocLayTuKhoDMQG === '1',
  };
  put(row, 'componentCode', text(f.MaThanhPhanHoSo));
  put(row, 'fileId', idText(f.TepDinhKemId));
  put(row, 'name', text(f.TenTepDinhKem));
  put(row, 'url', text(f.DuongDanTaiTepTin));
  put(row, 'replacingResultCode', text(f.MaKetQuaThayThe));
  return compact(row);
}

function feeFromWire(f: DvcqgLePhi): WireFeeView {
  const fee: WireFeeView = { amount: f.Gia };
  put(fee, 'code', text(f.MaPhiLePhi));
  put(fee, 'name', text(f.TenPhiLePhi));
  put(fee, 'feeType', f.LoaiPhiLePhi == null ? undefined : WIRE_TO_FEE_TYPE[f.LoaiPhiLePhi]);
  put(fee, 'collectionStage', f.HinhThucThu == null ? undefined : WIRE_TO_STAGE[f.HinhThucThu]);
  return compact(fee);
}

function supplementFromWire(s: DvcqgHoSoBoSung): WireSupplementView {
  return compact({
    id: idText(s.HoSoBoSungId),
    requestedAt: wireDateToVietnamInstant(s.NgayBoSung),
    requestedBy: text(s.NguoiYeuCauBoSung),
    content: text(s.NoiDungBoSung),
    receivedBy: text(s.NguoiTiepNhanBoSung),
    receptionNote: text(s.ThongTinTiepNhan),
    resubmittedAt: wireDateToVietnamInstant(s.NgayTiepNhanBoSung),
    status: text(s.TrangThaiBoSung),
    dueBefore: wireDateToVietnamInstant(s.NgayHenTraTruoc),
    dueAfter: wireDateToVietnamInstant(s.NgayHenTraMoi),
  });
}

function resultFromWire(r: DvcqgGiayToKetQua): WireResultView {
  return compact({
    id: idText(r.GiayToId),
    resultCode: text(r.MaGiayToKetQua),
    name: text(r.TenGiayTo),
    url: text(r.DuongDanTepTinKetQua),
    componentCode: text(r.MaThanhPhanHoSo),
  });
}

const wireDate = (i: Instant | undefined): string | undefined => (i === undefined ? undefined : instantToWireDate(i));

function wireBool(profile: WireProfile, v: boolean): boolean | string | number {
  return profile.booleanStyle === 'thanh-hoa' ? (v ? 1 : 0) : v ? 'True' : 'False';
}

/**
 * Writes a {@link DossierWireView} as a `DongBoHoSoMC` item, in the wire order of
 * dvcqg-wire.md §5.1 with the profile's boolean style. Absent values are left out (not
 * `null`, not `""`). The result is not validated; {@link dossierToWire} does that.
 *
 * @example
 * ```ts
 * import { dossierFromWire, dossierViewToWire } from '@motcua/adapters/dvcqg';
 * const item = dossierViewToWire(dossierFromWire({ MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '1' }));
 * item.TrangThaiHoSo; // '1'
 * ```
 * @category Codecs
 */
export function dossierViewToWire(view: DossierWireView, profile: WireProfile = OPENCPS_PROFILE): DvcqgDossier {
  const a = view.applicant;
  const fields: Record<string, unknown> = {
    MaHoSo: view.code,
    MaTTHC: view.procedure.code,
    TenTTHC: view.procedure.name,
    MaLinhVuc: view.field?.code,
    TenLinhVuc: view.field?.name,
    KenhThucHien: view.channel === undefined ? undefined : CHANNEL_TO_WIRE[view.channel],
    SoBienNhan: view.receiptNumber,
    ChuHoSo: a.name,
    SoGiayToChuHoSo: a.documentNumber,
    LoaiDoiTuong: a.kind === undefined ? undefined : APPLICANT_TO_WIRE[a.kind],
    MaDoiTuong: view.portalAccountId,
    Email: a.email,
    SoDienThoai: a.phone,
    TrichYeuHoSo: view.summary,
    NgayTiepNhan: wireDate(view.receivedAt),
    NgayHenTra: wireDate(view.dueAt),
    TrangThaiHoSo: DOSSIER_STATUS_TO_DVCQG[view.status],
    NgayTra: wireDate(view.returnedAt),
    HinhThuc: view.resultByPost === undefined ? undefined : view.resultByPost ? '1' : '0',
    NgayKetThucXuLy: wireDate(view.processingEndedAt),
    DonViXuLy: view.handlingAgencyName,
    TaiLieuNop:
      view.submittedFiles.length === 0
        ? undefined
        : view.submittedFiles.map((f) =>
            compact({
              TepDinhKemId: f.fileId,
              TenTepDinhKem: f.name,
              IsDeleted: wireBool(profile, f.deleted),
              MaThanhPhanHoSo: f.componentCode,
              DuongDanTaiTepTin: f.url,
              DuocSoHoa: f.digitized ? '1' : '0',
              DuocTaiSuDung: REUSE_TO_WIRE[f.reuse],
              DuocLayTuKhoDMQG: f.fromNationalStore ? '1' : '0',
              MaKetQuaThayThe: f.replacingResultCode,
            }),
          ),
    DanhSachLePhi:
      view.fees.length === 0
        ? undefined
        : view.fees.map((f) =>
            compact({
              TenPhiLePhi: f.name,
              MaPhiLePhi: f.code,
              HinhThucThu: f.collectionStage === undefined ? undefined : STAGE_TO_WIRE[f.collectionStage],
              Gia: f.amount,
              LoaiPhiLePhi: f.feeType === undefined ? undefined : FEE_TYPE_TO_WIRE[f.feeType],
            }),
          ),
    DanhSachHoSoBoSung:
      view.supplementRequests.length === 0
        ? undefined
        : view.supplementRequests.map((s) =>
            compact({
              HoSoBoSungId: s.id,
              NguoiYeuCauBoSung: s.requestedBy,
              NoiDungBoSung: s.content,
              NgayBoSung: wireDate(s.requestedAt),
              NguoiTiepNhanBoSung: s.receivedBy,
              ThongTinTiepNhan: s.receptionNote,
              NgayTiepNhanBoSung: wireDate(s.resubmittedAt),
              TrangThaiBoSung: s.status,
              NgayHenTraTruoc: wireDate(s.dueBefore),
              NgayHenTraMoi: wireDate(s.dueAfter),
            }),
          ),
    DanhSachGiayToKetQua:
      view.results.length === 0
        ? undefined
        : view.results.map((r) =>
            compact({
              TenGiayTo: r.name,
              MaThanhPhanHoSo: r.componentCode,
              GiayToId: r.id,
              DuongDanTepTinKetQua: r.url,
              MaGiayToKetQua: r.resultCode,
            }),
          ),
    NoiNopHoSo: view.submissionPlace,
    HoSoCoThanhPhanSoHoa: view.hasDigitizedComponents ? '1' : '0',
    TaiKhoanDuocXacThucVoiVNeID: view.vneidVerified ? '1' : '0',
    DuocThanhToanTrucTuyen: view.onlinePayment === undefined ? undefined : PAYMENT_TO_WIRE[view.onlinePayment],
    NgayTuChoi: wireDate(view.rejectedAt),
    DinhDanhCHS:
      a.identities.length === 0
        ? undefined
        : a.identities.map((i) => ({ LoaiDinhDanh: i.type === 'cmnd' ? '2' : '1', SoDinhDanh: i.value })),
    NgayNopHoSo: wireDate(view.submittedAt),
    DSKetNoiCSDL: databaseRows(view, profile),
  };
  const out: Record<string, unknown> = {};
  for (const k of DVCQG_DOSSIER_FIELDS) if (fields[k] !== undefined) out[k] = fields[k];
  for (const [k, v] of Object.entries(view.extras)) if (!(k in out)) out[k] = v;
  return out as DvcqgDossier;
}

function databaseRows(view: DossierWireView, profile: WireProfile): Array<{ MaCSDL: string }> | undefined {
  const codes: string[] = [];
  for (const db of view.nationalDatabases) {
    const code = profile.nationalDatabaseCodes[db];
    if (code !== undefined && !codes.includes(code)) codes.push(code);
  }
  for (const code of view.otherDatabaseCodes) if (!codes.includes(code)) codes.push(code);
  return codes.length === 0 ? undefined : codes.map((MaCSDL) => ({ MaCSDL }));
}

/**
 * A canonical dossier as a `DongBoHoSoMC` item for the deployment's profile (see the
 * module notes and {@link dossierWireView} for the derivations). The item is checked with
 * the wire schema: a dossier the portal would reject (e.g. `returned` with no return in
 * its history, so no `NgayTra`) throws {@link AdapterError} `CODEC_WIRE_INVALID` with the
 * issues in `details.issues`.
 *
 * @example
 * ```ts
 * import { dossierToWire, THANH_HOA_PROFILE } from '@motcua/adapters/dvcqg';
 * import type { Dossier } from '@motcua/schemas';
 * declare const dossier: Dossier;
 * const item = dossierToWire(dossier, THANH_HOA_PROFILE);
 * item.TrangThaiHoSo; // the real status: '5' stays '5'
 * ```
 * @category Codecs
 */
export function dossierToWire(dossier: Dossier, profile: WireProfile = OPENCPS_PROFILE): DvcqgDossier {
  const item = dossierViewToWire(dossierWireView(dossier, profile), profile);
  const checked = validateDvcqgDossier(item, { lang: 'en' });
  if (!checked.ok) {
    throw new AdapterError(
      'CODEC_WIRE_INVALID',
      `dossier ${dossier.code} cannot be sent: ${checked.issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.code}`)
        .join('; ')}`,
      { details: { issues: checked.issues } },
    );
  }
  return item;
}
