/**
 * The hot path of dossier validation: a hand-written check of a `DongBoHoSoMC` dossier
 * that accepts exactly what {@link dvcqgDossierSchema} accepts and returns the same
 * normalised value — or `undefined` as soon as anything is off, in which case the caller
 * runs the zod schema to get the precise, localized issues. Valid traffic (the vast
 * majority) therefore never pays for zod's generic machinery; invalid items get zod's
 * exact paths and codes. A differential property test keeps the two in agreement.
 *
 * Normalisation is copy-on-write: objects are copied only where a lenient form is
 * rewritten (`IsDeleted: "False"` → `false`, a numeric code → its string, `Gia: "50000"` →
 * `50000`); an item already in normal form is returned as is (the same object).
 * Internal to `dvcqg/`.
 *
 * @module
 */
import {
  DUOC_TAI_SU_DUNG,
  DUOC_THANH_TOAN_TRUC_TUYEN,
  HINH_THUC_THU,
  KENH_THUC_HIEN,
  LOAI_DINH_DANH,
  LOAI_DOI_TUONG,
  LOAI_PHI_LE_PHI,
  TRANG_THAI_HO_SO,
} from './code-lists.ts';
import { isFileLink } from './file-link.ts';
import { parseWireAmount } from './wire-amount.ts';
import { parseWireBool } from './wire-bool.ts';
import { isWireDate } from './wire-date.ts';

type Obj = Record<string, unknown>;

/** Signals "not accepted by the fast path"; never escapes this module. */
const REJECT: unique symbol = Symbol('reject');
type Rejected = typeof REJECT;

/** A code list as a map from every accepted input (string or number) to its output string. */
function codeMap(values: readonly string[]): Map<unknown, string> {
  const m = new Map<unknown, string>();
  for (const v of values) {
    m.set(v, v);
    m.set(Number(v), v);
  }
  return m;
}

const KENH = codeMap(KENH_THUC_HIEN);
const DOI_TUONG = codeMap(LOAI_DOI_TUONG);
const TRANG_THAI = codeMap(TRANG_THAI_HO_SO);
const THANH_TOAN = codeMap(DUOC_THANH_TOAN_TRUC_TUYEN);
const TAI_SU_DUNG = codeMap(DUOC_TAI_SU_DUNG);
const HINH_THUC_THU_MAP = codeMap(HINH_THUC_THU);
const LOAI_PHI = codeMap(LOAI_PHI_LE_PHI);
const LOAI_DINH_DANH_MAP = codeMap(LOAI_DINH_DANH);
const SHORT_CODE = /^[0-9A-Za-z._-]{1,20}$/;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `true` when `v` is absent, `null` or a string. */
const text = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';

const date = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (typeof v === 'string' && isWireDate(v));

const link = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (typeof v === 'string' && isFileLink(v));

const opaque = (v: unknown): boolean =>
  v === undefined || v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** An optional listed code: the value itself when already normal, its string, or REJECT. */
function code(v: unknown, map: Map<unknown, string>): unknown {
  if (v === undefined || v === null) return v;
  const s = map.get(v);
  return s === undefined ? REJECT : s;
}

function openCode(v: unknown): unknown {
  if (v === undefined || v === null) return v;
  if (typeof v === 'string') return SHORT_CODE.test(v) ? v : REJECT;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  return REJECT;
}

function flag(v: unknown): unknown {
  if (v === undefined || v === null || v === '1' || v === '0') return v;
  const b = parseWireBool(v);
  return b === undefined ? REJECT : b ? '1' : '0';
}

function bool(v: unknown): unknown {
  if (v === undefined || v === null || typeof v === 'boolean') return v;
  const b = parseWireBool(v);
  return b === undefined ? REJECT : b;
}

function amount(v: unknown): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : REJECT;
  const n = parseWireAmount(v);
  return n === undefined ? REJECT : n;
}

/**
 * Applies normalised field values copy-on-write: returns `o` itself when nothing changed.
 * `changes` holds `[key, value]` pairs in flat form.
 */
function withChanges(o: Obj, changes: unknown[] | undefined): Obj {
  if (changes === undefined) return o;
  const copy: Obj = { ...o };
  for (let i = 0; i < changes.length; i += 2) copy[changes[i] as string] = changes[i + 1];
  return copy;
}

/** Normalises one field: records a change when the normal form differs; REJECT propagates. */
function field(o: Obj, key: string, out: unknown, changes: unknown[] | undefined): unknown[] | undefined | Rejected {
  if (out === REJECT) return REJECT;
  if (out === o[key]) return changes;
  const c = changes ?? [];
  c.push(key, out);
  return c;
}

function list(v: unknown, item: (o: Obj) => Obj | Rejected): unknown {
  if (v === undefined || v === null) return v;
  if (!Array.isArray(v)) return REJECT;
  let copy: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isObj(x) || Object.hasOwn(x, '__proto__')) return REJECT;
    const y = item(x);
    if (y === REJECT) return REJECT;
    if (y !== x) {
      copy ??= v.slice();
      copy[i] = y;
    }
  }
  return copy ?? v;
}

function taiLieuNop(o: Obj): Obj | Rejected {
  if (!opaque(o.TepDinhKemId) || !text(o.TenTepDinhKem) || !text(o.MaThanhPhanHoSo) || !text(o.MaKetQuaThayThe)) {
    return REJECT;
  }
  if (!link(o.DuongDanTaiTepTin)) return REJECT;
  const isDeleted = o.IsDeleted;
  const soHoa = o.DuocSoHoa;
  const taiSuDung = o.DuocTaiSuDung;
  const khoDMQG = o.DuocLayTuKhoDMQG;
  // Common case first: every flag already in its normal form, nothing to copy.
  const normal =
    (isDeleted === undefined || isDeleted === null || typeof isDeleted === 'boolean') &&
    (soHoa === undefined || soHoa === null || soHoa === '1' || soHoa === '0') &&
    (taiSuDung === undefined || taiSuDung === null || taiSuDung === '0' || taiSuDung === '1' || taiSuDung === '2') &&
    (khoDMQG === undefined || khoDMQG === null || khoDMQG === '1' || khoDMQG === '0');
  if (normal) return o;
  const b = bool(isDeleted);
  const s = flag(soHoa);
  const t = code(taiSuDung, TAI_SU_DUNG);
  const k = flag(khoDMQG);
  if (b === REJECT || s === REJECT || t === REJECT || k === REJECT) return REJECT;
  const copy: Obj = { ...o };
  if (b !== isDeleted) copy.IsDeleted = b;
  if (s !== soHoa) copy.DuocSoHoa = s;
  if (t !== taiSuDung) copy.DuocTaiSuDung = t;
  if (k !== khoDMQG) copy.DuocLayTuKhoDMQG = k;
  return copy;
}

function lePhi(o: Obj): Obj | Rejected {
  if (!text(o.TenPhiLePhi) || !text(o.MaPhiLePhi)) return REJECT;
  let c: unknown[] | undefined | Rejected;
  c = field(o, 'HinhThucThu', code(o.HinhThucThu, HINH_THUC_THU_MAP), undefined);
  if (c === REJECT) return REJECT;
  c = field(o, 'Gia', amount(o.Gia), c);
  if (c === REJECT) return REJECT;
  c = field(o, 'LoaiPhiLePhi', code(o.LoaiPhiLePhi, LOAI_PHI), c);
  if (c === REJECT) return REJECT;
  return withChanges(o, c);
}

function tepKhac(o: Obj): Obj | Rejected {
  if (!text(o.TenGiayTo)) return REJECT;
  let c: unknown[] | undefined | Rejected;
  c = field(o, 'SoLuong', o.SoLuong === undefined || o.SoLuong === null ? o.SoLuong : amount(o.SoLuong), undefined);
  if (c === REJECT) return REJECT;
  c = field(o, 'LoaiGiayTo', openCode(o.LoaiGiayTo), c);
  if (c === REJECT) return REJECT;
  return withChanges(o, c);
}

const optionalArray = (v: unknown): boolean => v === undefined || v === null || Array.isArray(v);

function boSung(o: Obj): Obj | Rejected {
  if (
    !opaque(o.HoSoBoSungId) ||
    !text(o.NguoiYeuCauBoSung) ||
    !text(o.NoiDungBoSung) ||
    !date(o.NgayBoSung) ||
    !text(o.NguoiTiepNhanBoSung) ||
    !text(o.ThongTinTiepNhan) ||
    !date(o.NgayTiepNhanBoSung) ||
    !optionalArray(o.DanhSachGiayToBoSung) ||
    !optionalArray(o.DanhSachLePhiBoSung) ||
    !date(o.NgayHenTraTruoc) ||
    !date(o.NgayHenTraMoi)
  ) {
    return REJECT;
  }
  const c = field(o, 'TrangThaiBoSung', openCode(o.TrangThaiBoSung), undefined);
  return c === REJECT ? REJECT : withChanges(o, c);
}

function ketQua(o: Obj): Obj | Rejected {
  if (!text(o.TenGiayTo) || !text(o.MaThanhPhanHoSo) || !opaque(o.GiayToId) || !text(o.MaGiayToKetQua)) return REJECT;
  return link(o.DuongDanTepTinKetQua) ? o : REJECT;
}

function dinhDanh(o: Obj): Obj | Rejected {
  if (typeof o.SoDinhDanh !== 'string' || o.SoDinhDanh === '') return REJECT;
  const loai = LOAI_DINH_DANH_MAP.get(o.LoaiDinhDanh);
  if (loai === undefined) return REJECT;
  return loai === o.LoaiDinhDanh ? o : { ...o, LoaiDinhDanh: loai };
}

function ketNoi(o: Obj): Obj | Rejected {
  const m = openCode(o.MaCSDL);
  if (m === REJECT || m === undefined || m === null) return REJECT;
  return m === o.MaCSDL ? o : { ...o, MaCSDL: m };
}

/**
 * Structurally checks and normalises one dossier. Returns `undefined` when the zod schema
 * must decide (anything unusual, including every invalid input). Cross-field rules are not
 * checked here; the caller runs them on the result.
 *
 * @example
 * ```ts
 * fastDossierShape({ MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: 4 })?.TrangThaiHoSo; // '4'
 * fastDossierShape({ MaHoSo: '' }); // undefined
 * ```
 * @category DVCQG
 */
export function fastDossierShape(input: unknown): Obj | undefined {
  // zod strips an own `__proto__` key from its output; leave such input to zod for parity.
  if (!isObj(input) || Object.hasOwn(input, '__proto__')) return undefined;
  const o = input;
  if (typeof o.MaHoSo !== 'string' || o.MaHoSo === '' || typeof o.MaTTHC !== 'string' || o.MaTTHC === '') {
    return undefined;
  }
  if (
    !text(o.TenTTHC) ||
    !text(o.MaLinhVuc) ||
    !text(o.TenLinhVuc) ||
    !text(o.SoBienNhan) ||
    !text(o.ChuHoSo) ||
    !text(o.SoGiayToChuHoSo) ||
    !text(o.MaDoiTuong) ||
    !text(o.ThongTinKhac) ||
    !text(o.Email) ||
    !text(o.SoDienThoai) ||
    !text(o.Fax) ||
    !text(o.TrichYeuHoSo) ||
    !text(o.ThongTinTra) ||
    !text(o.DonViXuLy) ||
    !text(o.GhiChu) ||
    !date(o.NgayTiepNhan) ||
    !date(o.NgayHenTra) ||
    !date(o.NgayTra) ||
    !date(o.NgayKetThucXuLy) ||
    !date(o.NgayTuChoi) ||
    !date(o.NgayNopHoSo)
  ) {
    return undefined;
  }
  let c: unknown[] | undefined | Rejected;
  c = field(o, 'TrangThaiHoSo', TRANG_THAI.get(o.TrangThaiHoSo) ?? REJECT, undefined);
  if (c === REJECT) return undefined;
  c = field(o, 'KenhThucHien', code(o.KenhThucHien, KENH), c);
  if (c === REJECT) return undefined;
  c = field(o, 'LoaiDoiTuong', code(o.LoaiDoiTuong, DOI_TUONG), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DuocThanhToanTrucTuyen', code(o.DuocThanhToanTrucTuyen, THANH_TOAN), c);
  if (c === REJECT) return undefined;
  c = field(o, 'HinhThuc', openCode(o.HinhThuc), c);
  if (c === REJECT) return undefined;
  c = field(o, 'NoiNopHoSo', openCode(o.NoiNopHoSo), c);
  if (c === REJECT) return undefined;
  c = field(o, 'HoSoCoThanhPhanSoHoa', flag(o.HoSoCoThanhPhanSoHoa), c);
  if (c === REJECT) return undefined;
  c = field(o, 'TaiKhoanDuocXacThucVoiVNeID', flag(o.TaiKhoanDuocXacThucVoiVNeID), c);
  if (c === REJECT) return undefined;
  c = field(o, 'TaiLieuNop', list(o.TaiLieuNop, taiLieuNop), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DanhSachLePhi', list(o.DanhSachLePhi, lePhi), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DanhSachTepDinhKemKhac', list(o.DanhSachTepDinhKemKhac, tepKhac), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DanhSachHoSoBoSung', list(o.DanhSachHoSoBoSung, boSung), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DanhSachGiayToKetQua', list(o.DanhSachGiayToKetQua, ketQua), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DinhDanhCHS', list(o.DinhDanhCHS, dinhDanh), c);
  if (c === REJECT) return undefined;
  c = field(o, 'DSKetNoiCSDL', list(o.DSKetNoiCSDL, ketNoi), c);
  if (c === REJECT) return undefined;
  return withChanges(o, c);
}
