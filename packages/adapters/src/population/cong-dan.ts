/**
 * The population database's citizen record (`CongDan`, dvcqg-wire.md §14.2): the SOAP
 * XML that arrives inside the JSON `message`, parsed safely and mapped to a typed
 * identity record.
 *
 * @module
 */
import { AdapterError } from '../errors.ts';
import { maskPersonalIds } from '../http/redact.ts';
import { childElement, childElements, parseXml, textContent, type XmlElement } from '../xml/tree.ts';

/**
 * An address of the population database (`{MaTinhThanh, MaQuanHuyen, MaPhuongXa,
 * TenTinhThanh, TenQuanHuyen, TenPhuongXa, ChiTiet, QuocGia}`). District fields may be
 * empty after the 2025 reform.
 *
 * @example
 * ```ts
 * import type { PopulationAddress } from '@motcua/adapters/population';
 * const a: PopulationAddress = { provinceCode: '38', provinceName: 'Thanh Hóa', communeName: 'Phường Hạc Thành', detail: 'Số 12 Lê Lợi' };
 * ```
 * @category Population
 */
export interface PopulationAddress {
  /** `MaTinhThanh`. */
  provinceCode?: string | undefined;
  /** `MaQuanHuyen`. */
  districtCode?: string | undefined;
  /** `MaPhuongXa`. */
  communeCode?: string | undefined;
  /** `TenTinhThanh`. */
  provinceName?: string | undefined;
  /** `TenQuanHuyen`. */
  districtName?: string | undefined;
  /** `TenPhuongXa`. */
  communeName?: string | undefined;
  /** `ChiTiet`. */
  detail?: string | undefined;
  /** `QuocGia`. */
  country?: string | undefined;
}

/**
 * A relative or representative (`Cha`, `Me`, `VoChong`, `NguoiDaiDien`, `ChuHo`).
 *
 * @example
 * ```ts
 * import type { PopulationRelative } from '@motcua/adapters/population';
 * const father: PopulationRelative = { fullName: 'Nguyễn Văn Hùng', personalId: '038060001234' };
 * ```
 * @category Population
 */
export interface PopulationRelative {
  /** `HoVaTen`. */
  fullName?: string | undefined;
  /** `QuocTich`. */
  nationality?: string | undefined;
  /** `SoDinhDanh`. */
  personalId?: string | undefined;
  /** `SoCMND`. */
  cmnd?: string | undefined;
  /** `QuanHe` (head of household only): the relationship to the head. */
  relationship?: string | undefined;
}

/**
 * A citizen as the population database records them (`CongDan`).
 *
 * @example
 * ```ts
 * import type { CitizenRecord } from '@motcua/adapters/population';
 * declare const c: CitizenRecord;
 * c.name.full; // 'Nguyễn Thị Lan'
 * c.birth.isoDate; // '1990-05-17'
 * ```
 * @category Population
 */
export interface CitizenRecord {
  /** `SoDinhDanh`: personal identification number. */
  personalId?: string | undefined;
  /** `SoCMND`. */
  cmnd?: string | undefined;
  /** `MaSoThue`. */
  taxCode?: string | undefined;
  /** `LoaiTaiKhoan`. */
  accountType?: string | undefined;
  /** `HoVaTen{Ho, ChuDem, Ten}`; `full` joins the parts with single spaces. */
  name: { surname?: string | undefined; middleName?: string | undefined; givenName?: string | undefined; full: string };
  /** `GioiTinh` as received. */
  genderCode?: string | undefined;
  /** `GioiTinh` read as `male` / `female` when recognisable (`1`/`Nam`, `2`/`Nữ`). */
  gender?: 'male' | 'female' | undefined;
  /** `ThuDienTu`. */
  email?: string | undefined;
  /** `DanToc`. */
  ethnicity?: string | undefined;
  /** `TonGiao`. */
  religion?: string | undefined;
  /** `TinhTrangHonNhan`. */
  maritalStatus?: string | undefined;
  /** `NhomMau`. */
  bloodType?: string | undefined;
  /** `NgayThangNamSinh{Nam, NgayThangNam}`: as received, and as ISO (`YYYY-MM-DD`, or `YYYY` when only the year is known). */
  birth: { year?: string | undefined; date?: string | undefined; iso?: string | undefined };
  /** `NoiDangKyKhaiSinh`. */
  birthRegistrationPlace?: PopulationAddress | undefined;
  /** `QuocTich`. */
  nationality?: string | undefined;
  /** `QueQuan`. */
  hometown?: PopulationAddress | undefined;
  /** `ThuongTru`. */
  permanentResidence?: PopulationAddress | undefined;
  /** `NoiOHienTai`. */
  currentResidence?: PopulationAddress | undefined;
  /** `Cha`. */
  father?: PopulationRelative | undefined;
  /** `Me`. */
  mother?: PopulationRelative | undefined;
  /** `VoChong`. */
  spouse?: PopulationRelative | undefined;
  /** `NguoiDaiDien`. */
  representative?: PopulationRelative | undefined;
  /** `ChuHo`. */
  householdHead?: PopulationRelative | undefined;
  /** `SoSoHoKhau`. */
  householdBookNumber?: string | undefined;
}

function text(parent: XmlElement, local: string): string | undefined {
  const el = childElement(parent, '*', local);
  if (el === undefined) return undefined;
  const t = textContent(el).trim();
  return t === '' ? undefined : t;
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function address(parent: XmlElement, local: string): PopulationAddress | undefined {
  const el = childElement(parent, '*', local);
  if (el === undefined) return undefined;
  const a: PopulationAddress = {};
  set(a, 'provinceCode', text(el, 'MaTinhThanh'));
  set(a, 'districtCode', text(el, 'MaQuanHuyen'));
  set(a, 'communeCode', text(el, 'MaPhuongXa'));
  set(a, 'provinceName', text(el, 'TenTinhThanh'));
  set(a, 'districtName', text(el, 'TenQuanHuyen'));
  set(a, 'communeName', text(el, 'TenPhuongXa'));
  set(a, 'detail', text(el, 'ChiTiet'));
  set(a, 'country', text(el, 'QuocGia'));
  return Object.keys(a).length === 0 ? undefined : a;
}

function nameOf(el: XmlElement | undefined): CitizenRecord['name'] {
  if (el === undefined) return { full: '' };
  const surname = text(el, 'Ho');
  const middleName = text(el, 'ChuDem');
  const givenName = text(el, 'Ten');
  if (surname === undefined && middleName === undefined && givenName === undefined) {
    return { full: textContent(el).trim().replace(/\s+/g, ' ') };
  }
  const n: CitizenRecord['name'] = { full: [surname, middleName, givenName].filter((x) => x !== undefined).join(' ') };
  set(n, 'surname', surname);
  set(n, 'middleName', middleName);
  set(n, 'givenName', givenName);
  return n;
}

function relative(parent: XmlElement, local: string): PopulationRelative | undefined {
  const el = childElement(parent, '*', local);
  if (el === undefined) return undefined;
  const r: PopulationRelative = {};
  const n = nameOf(childElement(el, '*', 'HoVaTen')).full;
  if (n !== '') r.fullName = n;
  set(r, 'nationality', text(el, 'QuocTich'));
  set(r, 'personalId', text(el, 'SoDinhDanh'));
  set(r, 'cmnd', text(el, 'SoCMND'));
  set(r, 'relationship', text(el, 'QuanHe'));
  return Object.keys(r).length === 0 ? undefined : r;
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Reads a birth date as the population database may write it — `yyyyMMdd`,
 * `yyyy-MM-dd`, `dd/MM/yyyy`, or a year alone — into ISO `YYYY-MM-DD` / `YYYY`.
 * `undefined` when unreadable.
 *
 * @example
 * ```ts
 * import { birthDateToIso } from '@motcua/adapters/population';
 * birthDateToIso('17/05/1990'); // '1990-05-17'
 * birthDateToIso(undefined, '1990'); // '1990'
 * ```
 * @category Population
 */
export function birthDateToIso(date: string | undefined, year?: string): string | undefined {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const out = (y: number, m: number, d: number): string | undefined =>
    realDate(y, m, d) ? `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` : undefined;
  if (date !== undefined) {
    const t = date.trim();
    let m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(t) ?? /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(t);
    if (m !== null) return out(Number(m[1]), Number(m[2]), Number(m[3]));
    m = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(t);
    if (m !== null) return out(Number(m[3]), Number(m[2]), Number(m[1]));
    if (/^[0-9]{4}$/.test(t)) return t;
  }
  if (year !== undefined && /^[0-9]{4}$/.test(year.trim())) return year.trim();
  return undefined;
}

function genderOf(code: string | undefined): 'male' | 'female' | undefined {
  if (code === undefined) return undefined;
  const c = code.normalize('NFC').toLowerCase();
  if (c === '1' || c === 'nam' || c === 'male') return 'male';
  if (c === '2' || c === 'nữ' || c === 'nu' || c === 'female') return 'female';
  return undefined;
}

/**
 * Maps one `CongDan` element to a {@link CitizenRecord} (elements matched by local name:
 * the database's namespace is not documented).
 *
 * @example
 * ```ts
 * import { citizenFromXml } from '@motcua/adapters/population';
 * import { parseXml } from '@motcua/adapters';
 * const c = citizenFromXml(parseXml('<CongDan><SoDinhDanh>038190012345</SoDinhDanh><HoVaTen><Ho>Nguyễn</Ho><ChuDem>Thị</ChuDem><Ten>Lan</Ten></HoVaTen></CongDan>'));
 * c.name.full; // 'Nguyễn Thị Lan'
 * ```
 * @category Population
 */
export function citizenFromXml(el: XmlElement): CitizenRecord {
  const birthEl = childElement(el, '*', 'NgayThangNamSinh');
  const birth: CitizenRecord['birth'] = {};
  if (birthEl !== undefined) {
    set(birth, 'year', text(birthEl, 'Nam'));
    set(birth, 'date', text(birthEl, 'NgayThangNam'));
    // Some records carry the date as the element's own text.
    if (birth.year === undefined && birth.date === undefined) {
      const own = textContent(birthEl).trim();
      if (own !== '') birth.date = own;
    }
    set(birth, 'iso', birthDateToIso(birth.date, birth.year));
  }
  const c: CitizenRecord = { name: nameOf(childElement(el, '*', 'HoVaTen')), birth };
  set(c, 'personalId', text(el, 'SoDinhDanh'));
  set(c, 'cmnd', text(el, 'SoCMND'));
  set(c, 'taxCode', text(el, 'MaSoThue'));
  set(c, 'accountType', text(el, 'LoaiTaiKhoan'));
  const genderCode = text(el, 'GioiTinh');
  set(c, 'genderCode', genderCode);
  set(c, 'gender', genderOf(genderCode));
  set(c, 'email', text(el, 'ThuDienTu'));
  set(c, 'ethnicity', text(el, 'DanToc'));
  set(c, 'religion', text(el, 'TonGiao'));
  set(c, 'maritalStatus', text(el, 'TinhTrangHonNhan'));
  set(c, 'bloodType', text(el, 'NhomMau'));
  set(c, 'birthRegistrationPlace', address(el, 'NoiDangKyKhaiSinh'));
  set(c, 'nationality', text(el, 'QuocTich'));
  set(c, 'hometown', address(el, 'QueQuan'));
  set(c, 'permanentResidence', address(el, 'ThuongTru'));
  set(c, 'currentResidence', address(el, 'NoiOHienTai'));
  set(c, 'father', relative(el, 'Cha'));
  set(c, 'mother', relative(el, 'Me'));
  set(c, 'spouse', relative(el, 'VoChong'));
  set(c, 'representative', relative(el, 'NguoiDaiDien'));
  set(c, 'householdHead', relative(el, 'ChuHo'));
  set(c, 'householdBookNumber', text(el, 'SoSoHoKhau'));
  return c;
}

/**
 * Parses the SOAP XML of a population-database answer (`Envelope/Body/
 * CongdanCollection/CongDan`) into citizen records: DOCTYPE refused, entities off.
 * Throws {@link AdapterError} `XML_DOCTYPE_FORBIDDEN`, `XML_MALFORMED` (including a
 * document that is not a SOAP envelope) or `XML_LIMIT`.
 *
 * @example
 * ```ts
 * import { parseCongDanXml } from '@motcua/adapters/population';
 * const xml = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><CongdanCollection><CongDan><SoDinhDanh>038190012345</SoDinhDanh></CongDan></CongdanCollection></s:Body></s:Envelope>';
 * parseCongDanXml(xml)[0]?.personalId; // '038190012345'
 * ```
 * @category Population
 */
export function parseCongDanXml(xml: string): CitizenRecord[] {
  const root = parseXml(xml, { maxLength: 5_000_000, maxDepth: 32 });
  if (root.local !== 'Envelope') throw new AdapterError('XML_MALFORMED', 'not a SOAP envelope');
  const body = childElement(root, root.ns ?? '*', 'Body') ?? childElement(root, '*', 'Body');
  if (body === undefined) throw new AdapterError('XML_MALFORMED', 'SOAP envelope without Body');
  const fault = childElement(body, '*', 'Fault');
  if (fault !== undefined) {
    throw new AdapterError(
      'XML_MALFORMED',
      `SOAP fault: ${maskPersonalIds(text(fault, 'faultstring') ?? 'no faultstring')}`,
    );
  }
  // Envelope/Body/CongdanCollection per §14.2; some services wrap it in a response element.
  const collections: XmlElement[] = [];
  const walk = (el: XmlElement, depth: number): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.local.toLowerCase() === 'congdancollection') collections.push(c);
      else if (depth < 4) walk(c, depth + 1);
    }
  };
  walk(body, 0);
  const out: CitizenRecord[] = [];
  for (const collection of collections) {
    for (const el of childElements(collection, '*', 'CongDan')) out.push(citizenFromXml(el));
  }
  return out;
}
