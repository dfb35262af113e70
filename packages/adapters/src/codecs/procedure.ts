/**
 * The procedure codec: a `LayThuTuc` catalogue record (dvcqg-wire.md §9) → canonical
 * `Procedure`.
 *
 * @module
 */
import type {
  ApplicantType,
  Channel,
  FormTemplate,
  LegalBasis,
  Procedure,
  ProcedureChannel,
  ProcedureComponent,
  ProcedureFee,
  ProcedureResult,
  TimeUnit,
} from '@motcua/schemas';
import { type DvcqgCatalogueScalar, type DvcqgProcedure, dvcqgProcedureSchema } from '@motcua/schemas/dvcqg';
import { AdapterError } from '../errors.ts';

const str = (v: DvcqgCatalogueScalar): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

const CHANNELS: Readonly<Record<string, Channel>> = { '1': 'in-person', '2': 'online', '3': 'postal' };

/**
 * Reads a `DONVITINH` time unit ("Ngày làm việc", "Ngày", "Giờ làm việc", "Giờ",
 * "Tháng", "Năm"; case and diacritics forgiven). `undefined` when unknown.
 *
 * @example
 * ```ts
 * import { timeUnitFromWire } from '@motcua/adapters/dvcqg';
 * timeUnitFromWire('Ngày làm việc'); // 'working-days'
 * timeUnitFromWire('ngay'); // 'days'
 * ```
 * @category Codecs
 */
export function timeUnitFromWire(unit: DvcqgCatalogueScalar): TimeUnit | undefined {
  const s = str(unit);
  if (s === undefined) return undefined;
  const t = fold(s);
  const working = t.includes('lam viec');
  if (t.startsWith('ngay')) return working ? 'working-days' : 'days';
  if (t.startsWith('gio')) return working ? 'working-hours' : 'hours';
  if (t.startsWith('thang')) return 'months';
  if (t.startsWith('nam')) return 'years';
  return undefined;
}

/** Lower case, without diacritics (đ → d), single spaces. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function amountOf(v: DvcqgCatalogueScalar): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const s = str(v);
  if (s === undefined) return undefined;
  const m = /^[0-9]+(?:[.,][0-9]+)?/.exec(s);
  return m === null ? undefined : Number(m[0].replace(',', '.'));
}

function vnd(v: DvcqgCatalogueScalar): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  const s = str(v);
  if (s === undefined) return undefined;
  // "20.000" and "20,000" are thousands separators in catalogue text; "20000 đồng" too.
  const m = /^([0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+)(?![0-9.,])/.exec(s);
  if (m === null || m[1] === undefined) return undefined;
  const n = Number(m[1].replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Applicant types from `DOITUONGTHUCHIEN[].TENDOITUONG` (or the older
 * `MOTADOITUONGTHUCHIEN`) by keyword: "công dân", "cá nhân", "người" → citizen;
 * "doanh nghiệp", "hợp tác xã", "hộ kinh doanh" → business; "cơ quan nhà nước" → state
 * agency; "tổ chức" → other.
 */
function applicantTypes(record: DvcqgProcedure): ApplicantType[] {
  const texts = (record.DOITUONGTHUCHIEN ?? []).map((d) => str(d.TENDOITUONG)).filter((t) => t !== undefined);
  const older = str(record.MOTADOITUONGTHUCHIEN);
  if (older !== undefined) texts.push(older);
  const out = new Set<ApplicantType>();
  for (const raw of texts) {
    const t = fold(raw);
    if (/cong dan|ca nhan|nguoi /.test(t)) out.add('citizen');
    if (/doanh nghiep|hop tac xa|ho kinh doanh/.test(t)) out.add('business');
    if (/co quan nha nuoc/.test(t)) out.add('state-agency');
    if (/to chuc/.test(t) && !/co quan nha nuoc/.test(t)) out.add('other');
  }
  return (['citizen', 'business', 'state-agency', 'other'] as const).filter((k) => out.has(k));
}

/**
 * A `LayThuTuc` record as a canonical `Procedure`. The record is checked with the
 * wire schema first ({@link AdapterError} `CODEC_WIRE_INVALID` otherwise). What the
 * record does not say is decided as follows, and documented on the result:
 *
 * - `onlineLevel`: `partial-online` when an online channel (`KENH` 2) is listed, else
 *   `none` — the catalogue record does not say whether the procedure is full-online;
 * - `components[].required`: `true` (the record has no mandatory flag);
 * - a `THOIGIAN` row whose time or unit cannot be read is left out of `channels`;
 * - a fee without a readable amount keeps its description, without `amount`;
 * - `localCodes`: `[]`; results without `MAKETQUA` are left out.
 *
 * The result is not validated against the canonical schema; callers that store it
 * should (`procedureSchema`).
 *
 * @example
 * ```ts
 * import { procedureFromWire } from '@motcua/adapters/dvcqg';
 * const p = procedureFromWire({
 *   MATTHC: '1.001193',
 *   TENTTHC: 'Thủ tục đăng ký khai sinh',
 *   MACOQUANCONGBO: '000.00.00.G15',
 *   LINHVUCTHUCHIEN: [{ MALINHVUC: 'G15-HT01', TENLINHVUC: 'Hộ tịch' }],
 *   KETQUATHUCHIEN: [{ MAKETQUA: 'KQ.1.001193.01', TENKETQUA: 'Giấy khai sinh' }],
 * });
 * p.results; // [{ resultCode: 'KQ.1.001193.01', name: 'Giấy khai sinh' }]
 * ```
 * @category Codecs
 */
export function procedureFromWire(record: unknown): Procedure {
  const checked = dvcqgProcedureSchema.safeParse(record);
  if (!checked.success) {
    throw new AdapterError('CODEC_WIRE_INVALID', 'not a valid LayThuTuc record', {
      details: { issues: checked.error.issues.map((x) => ({ path: x.path.join('.'), code: x.code })) },
    });
  }
  const r = checked.data;

  const channels: ProcedureChannel[] = [];
  for (const way of r.CACHTHUCTHUCHIEN ?? []) {
    const channel = way.KENH == null ? undefined : CHANNELS[way.KENH];
    if (channel === undefined) continue;
    for (const time of way.THOIGIAN ?? []) {
      const amount = amountOf(time.THOIGIANGIAIQUYET);
      const unit = timeUnitFromWire(time.DONVITINH);
      if (amount === undefined || unit === undefined) continue;
      const fees: ProcedureFee[] = (time.PHILEPHI ?? []).map((f) => {
        const fee: ProcedureFee = { name: str(f.MOTA) ?? 'Phí, lệ phí' };
        const code = str(f.MAPHILEPHI);
        if (code !== undefined) fee.code = code;
        const value = vnd(f.SOTIEN);
        if (value !== undefined) fee.amount = value;
        const description = [str(f.SOTIEN), str(f.DONVI)].filter((x) => x !== undefined).join(' ');
        if (description !== '') fee.description = description;
        return fee;
      });
      const row: ProcedureChannel = { channel, processingTime: { amount, unit }, fees };
      const description = str(time.MOTA);
      if (description !== undefined) row.description = description;
      channels.push(row);
    }
  }

  const components: ProcedureComponent[] = [];
  for (const group of r.THANHPHANHOSO ?? []) {
    const groupCase = str((group as { TRUONGHOP?: DvcqgCatalogueScalar }).TRUONGHOP);
    for (const paper of group.GIAYTO ?? []) {
      const code = str(paper.MAGIAYTO);
      const name = str(paper.TENGIAYTO);
      if (code === undefined || name === undefined) continue;
      const templates: FormTemplate[] = [];
      const templateName = str(paper.TENMAUDON);
      if (templateName !== undefined) {
        const t: FormTemplate = { name: templateName };
        const url = str(paper.URL);
        if (url !== undefined && /^https?:\/\//i.test(url)) t.url = url;
        templates.push(t);
      }
      const c: ProcedureComponent = { code, name, required: true, templates, replaceableBy: [] };
      if (groupCase !== undefined) c.case = groupCase;
      const originals = amountOf((paper as { SOBANCHINH?: DvcqgCatalogueScalar }).SOBANCHINH);
      const copies = amountOf((paper as { SOBANSAO?: DvcqgCatalogueScalar }).SOBANSAO);
      if (originals !== undefined && Number.isInteger(originals)) c.originals = originals;
      if (copies !== undefined && Number.isInteger(copies)) c.copies = copies;
      components.push(c);
    }
  }

  const results: ProcedureResult[] = [];
  for (const k of r.KETQUATHUCHIEN ?? []) {
    const resultCode = str(k.MAKETQUA);
    if (resultCode === undefined || results.some((x) => x.resultCode === resultCode)) continue;
    results.push({ resultCode, name: str(k.TENKETQUA) ?? resultCode });
  }

  const legalBasis: LegalBasis[] = [];
  for (const b of r.CANCUPHAPLY ?? []) {
    const number = str(b.SOVANBAN);
    const title = str(b.TENVANBAN);
    if (number !== undefined && title !== undefined) legalBasis.push({ number, title });
  }

  const steps = (r.TRINHTUTHUCHIEN ?? []).flatMap((c) =>
    (c.TRINHTU ?? []).map((s) => str(s.TENTRINHTU)).filter((s) => s !== undefined),
  );

  const procedure: Procedure = {
    code: r.MATTHC,
    localCodes: [],
    name: str(r.TENTTHC) ?? r.MATTHC,
    fields: (r.LINHVUCTHUCHIEN ?? []).flatMap((f) => {
      const code = str(f.MALINHVUC);
      return code === undefined ? [] : [{ code, name: str(f.TENLINHVUC) ?? code }];
    }),
    publishingAgency: { code: str(r.MACOQUANCONGBO) ?? '' },
    implementingAgencies: (r.COQUANTHUCHIEN ?? []).flatMap((a) => {
      const name = str(a.TENDONVI);
      if (name === undefined) return [];
      const code = str(a.MADONVI);
      return [code === undefined ? { name } : { name, code }];
    }),
    applicantTypes: applicantTypes(r),
    channels,
    onlineLevel: channels.some((c) => c.channel === 'online') ? 'partial-online' : 'none',
    components,
    results,
    legalBasis,
  };
  if (steps.length > 0) procedure.steps = steps;
  const requirements = str(r.YEUCAU);
  if (requirements !== undefined) procedure.requirements = requirements;
  if (r.TRANGTHAI != null) procedure.published = r.TRANGTHAI === '1';
  return procedure;
}
