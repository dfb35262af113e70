// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { readdirSync, readFileSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../issues.ts';
import { validate } from '../registry.ts';
import { validateWith } from '../validate.ts';
import {
  DUOC_TAI_SU_DUNG,
  DUOC_THANH_TOAN_TRUC_TUYEN,
  HINH_THUC_THU,
  KENH_THUC_HIEN,
  LOAI_DOI_TUONG,
  LOAI_PHI_LE_PHI,
  TRANG_THAI_HO_SO,
} from './code-lists.ts';
import { dvcqgDossierSchema, dvcqgDossierWarnings, validateDvcqgDossier } from './dong-bo-ho-so.ts';
import { DVCQG_MESSAGES } from './messages.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/dvcqg');
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const ONLINE = load('valid-online-dossier.json');
const IN_PERSON = load('valid-in-person-dossier.json');

/** A minimal received dossier; warnings are expected, errors not. */
const MINIMAL = {
  MaHoSo: '000.00.00.H56-250701-0001',
  MaTTHC: '1.001193',
  TrangThaiHoSo: '4',
  NgayTiepNhan: '20250701083000',
};

const codes = (issues: ValidationIssue[], severity?: 'error' | 'warning') =>
  issues.filter((i) => severity === undefined || i.severity === severity).map((i) => i.code);
const withPaths = (issues: ValidationIssue[]) => issues.map((i) => [i.severity, i.code, i.path]);

describe('dossier cross-field rules (errors)', () => {
  it('NgayTiepNhan is required unless the status is 1 (mới đăng ký)', () => {
    const { NgayTiepNhan: _drop, ...rest } = MINIMAL;
    expect(codes(validate('dvcqg-dossier', rest).issues, 'error')).toEqual(['DVCQG_RECEIVED_DATE_REQUIRED']);
    expect(codes(validate('dvcqg-dossier', { ...rest, NgayTiepNhan: '' }).issues, 'error')).toEqual([
      'DVCQG_RECEIVED_DATE_REQUIRED',
    ]);
    expect(validate('dvcqg-dossier', { ...rest, TrangThaiHoSo: '1', NgayNopHoSo: '20250701080000' }).ok).toBe(true);
  });

  it('dates after reception: NgayKetThucXuLy and NgayTuChoi too', () => {
    const r = validate('dvcqg-dossier', {
      ...MINIMAL,
      TrangThaiHoSo: '3',
      NgayKetThucXuLy: '20250601000000',
      NgayTuChoi: '20250630000000',
    });
    expect(withPaths(r.issues)).toEqual([
      ['error', 'DVCQG_DATE_BEFORE_RECEIVED', 'NgayKetThucXuLy'],
      ['error', 'DVCQG_DATE_BEFORE_RECEIVED', 'NgayTuChoi'],
    ]);
  });

  it('the due date may equal the reception instant', () => {
    expect(validate('dvcqg-dossier', { ...MINIMAL, NgayHenTra: MINIMAL.NgayTiepNhan }).ok).toBe(true);
  });

  it('several problems are reported in one pass, structural and cross-field together', () => {
    const r = validate('dvcqg-dossier', {
      ...ONLINE,
      Email: 42,
      NgayHenTra: '20250630170000',
      DinhDanhCHS: [
        { LoaiDinhDanh: '1', SoDinhDanh: '038190012345' },
        { LoaiDinhDanh: '2', SoDinhDanh: '038190012345' },
      ],
    });
    expect(withPaths(r.issues)).toEqual([
      ['error', 'TYPE_INVALID', 'Email'],
      ['error', 'DVCQG_DUE_BEFORE_RECEIVED', 'NgayHenTra'],
      ['error', 'DVCQG_OWNER_ID_MISMATCH', 'DinhDanhCHS.1.SoDinhDanh'],
    ]);
  });

  it('owner IDs: the identifier parser errors surface with their own codes', () => {
    // Century digit 4 → born 2190: a future birth year is certainly a wrong number.
    const r = validate('dvcqg-dossier', {
      ...MINIMAL,
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038490012345' }],
    });
    expect(withPaths(r.issues).filter((i) => i[0] === 'error')).toEqual([
      ['error', 'ID_PERSONAL_BIRTH_YEAR_FUTURE', 'DinhDanhCHS.0.SoDinhDanh'],
    ]);
    expect(
      validate('dvcqg-dossier', { ...MINIMAL, DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: '000000000' }] }).issues[0]
        ?.code,
    ).toBe('DVCQG_OWNER_ID_PLACEHOLDER');
    expect(
      validate('dvcqg-dossier', { ...MINIMAL, DinhDanhCHS: [{ LoaiDinhDanh: '3', SoDinhDanh: '0100109106' }] })
        .issues[0]?.code,
    ).toBe('VALUE_NOT_ALLOWED');
  });

  it('an unknown birth-province code is only a warning', () => {
    const r = validate('dvcqg-dossier', {
      ...MINIMAL,
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '099190012345' }],
    });
    expect(r.ok).toBe(true);
    expect(withPaths(r.issues)).toContainEqual(['warning', 'ID_PERSONAL_PROVINCE_UNKNOWN', 'DinhDanhCHS.0.SoDinhDanh']);
  });

  it('status codes as numbers are accepted and normalised; 0 (unmapped) is not', () => {
    expect(validate('dvcqg-dossier', { ...MINIMAL, TrangThaiHoSo: 10, NgayTra: '20250702000000' }).value).toMatchObject(
      {
        TrangThaiHoSo: '10',
      },
    );
    expect(codes(validate('dvcqg-dossier', { ...MINIMAL, TrangThaiHoSo: 0 }).issues)).toEqual(['VALUE_NOT_ALLOWED']);
    expect(codes(validate('dvcqg-dossier', { ...MINIMAL, TrangThaiHoSo: '04' }).issues)).toEqual(['VALUE_NOT_ALLOWED']);
  });

  it('MaHoSo of another shape is kept, with a warning', () => {
    const r = validate('dvcqg-dossier', { ...MINIMAL, MaHoSo: 'H56.14-250701-12345' });
    expect(r.ok).toBe(true);
    expect((r.value as { MaHoSo: string }).MaHoSo).toBe('H56.14-250701-12345');
    expect(r.issues.find((i) => i.code === 'DVCQG_IDENTIFIER_SHAPE')?.params).toMatchObject({ field: 'MaHoSo' });
  });
});

describe('dossier warnings (766 indicators)', () => {
  const warningsOf = (d: Record<string, unknown>) => {
    const r = validate('dvcqg-dossier', d);
    expect(codes(r.issues, 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    return codes(r.issues, 'warning');
  };

  it('the full online dossier has none', () => expect(warningsOf(ONLINE)).toEqual([]));

  it('a bare received dossier', () => {
    expect(warningsOf(MINIMAL)).toEqual([
      'DVCQG_CHANNEL_MISSING',
      'DVCQG_DUE_DATE_MISSING',
      'DVCQG_NO_COMPONENT_FILE',
      'DVCQG_NO_DIGITIZED_COMPONENT',
    ]);
    expect(warningsOf({ ...MINIMAL, KenhThucHien: null })).toContain('DVCQG_CHANNEL_MISSING');
  });

  it('finished without an electronic result (3.3 for online, 4.1, 4.2)', () => {
    const w = validate('dvcqg-dossier', {
      ...ONLINE,
      DanhSachGiayToKetQua: [{ TenGiayTo: 'Kết quả', MaGiayToKetQua: 'KQ' }],
    });
    const issue = w.issues.find((i) => i.code === 'DVCQG_NO_E_RESULT');
    expect(issue?.params).toEqual({ indicators: '3.3, 4.1, 4.2' });
    const inPerson = validate('dvcqg-dossier', { ...IN_PERSON, TrangThaiHoSo: '9' });
    expect(inPerson.issues.find((i) => i.code === 'DVCQG_NO_E_RESULT')?.params).toEqual({ indicators: '4.1, 4.2' });
  });

  it('digitization flags (4.3)', () => {
    const files = (ONLINE.TaiLieuNop as Array<Record<string, unknown>>).map((f) => ({
      ...f,
      DuocSoHoa: '0',
      DuocTaiSuDung: '0',
      DuocLayTuKhoDMQG: '0',
      MaKetQuaThayThe: undefined,
    }));
    expect(warningsOf({ ...ONLINE, TaiLieuNop: files })).toEqual(['DVCQG_DIGITIZED_FLAG_INCONSISTENT']);
    expect(warningsOf({ ...ONLINE, TaiLieuNop: files, HoSoCoThanhPhanSoHoa: '0' })).toEqual([
      'DVCQG_NO_DIGITIZED_COMPONENT',
    ]);
  });

  it('deleted components do not count', () => {
    const files = (ONLINE.TaiLieuNop as Array<Record<string, unknown>>).map((f) => ({ ...f, IsDeleted: 'True' }));
    expect(warningsOf({ ...ONLINE, TaiLieuNop: files })).toEqual([
      'DVCQG_NO_COMPONENT_FILE',
      'DVCQG_DIGITIZED_FLAG_INCONSISTENT',
    ]);
  });

  it('fee on an online dossier not paid online (3.6); Gia 0 is no fee', () => {
    expect(warningsOf({ ...ONLINE, DuocThanhToanTrucTuyen: '0' })).toEqual(['DVCQG_FEE_NOT_PAID_ONLINE']);
    expect(warningsOf({ ...ONLINE, DuocThanhToanTrucTuyen: null })).toEqual(['DVCQG_FEE_NOT_PAID_ONLINE']);
    expect(warningsOf({ ...ONLINE, DuocThanhToanTrucTuyen: '2' })).toEqual([]);
    expect(warningsOf({ ...ONLINE, DuocThanhToanTrucTuyen: '0', DanhSachLePhi: [{ Gia: 0 }] })).toEqual([]);
    expect(warningsOf({ ...ONLINE, DuocThanhToanTrucTuyen: '0', TrangThaiHoSo: '7' })).toEqual([]);
  });

  it('citizen without any population-data use (4.5)', () => {
    expect(warningsOf({ ...IN_PERSON, DSKetNoiCSDL: [] })).toEqual(['DVCQG_NO_POPULATION_DATA']);
    expect(warningsOf({ ...IN_PERSON, DSKetNoiCSDL: [], LoaiDoiTuong: '2' })).toEqual([]);
  });

  it('supplement rounds (2.1)', () => {
    expect(warningsOf({ ...IN_PERSON, TrangThaiHoSo: '5' })).toEqual(['DVCQG_SUPPLEMENT_MISSING']);
    const round = { NoiDungBoSung: 'Bổ sung giấy khai sinh', NgayBoSung: '20250703090000' };
    expect(warningsOf({ ...IN_PERSON, TrangThaiHoSo: '5', DanhSachHoSoBoSung: [round] })).toEqual([]);
    const r = validate('dvcqg-dossier', { ...IN_PERSON, DanhSachHoSoBoSung: [round, round] });
    expect(withPaths(r.issues)).toEqual([['warning', 'DVCQG_MULTIPLE_SUPPLEMENTS', 'DanhSachHoSoBoSung']]);
    expect(r.issues[0]?.params).toEqual({ count: 2 });
  });

  it('production truncations', () => {
    const files = [{ ...(ONLINE.TaiLieuNop as object[])[0], TenTepDinhKem: `${'a'.repeat(4001)}.pdf` }];
    const r = validate('dvcqg-dossier', { ...ONLINE, TrichYeuHoSo: 'x'.repeat(1001), TaiLieuNop: files });
    expect(withPaths(r.issues)).toEqual([
      ['warning', 'DVCQG_TEXT_TOO_LONG', 'TrichYeuHoSo'],
      ['warning', 'DVCQG_TEXT_TOO_LONG', 'TaiLieuNop.0.TenTepDinhKem'],
    ]);
    expect(r.issues[0]?.params).toEqual({ field: 'TrichYeuHoSo', length: 1001, maximum: 1000 });
    expect(warningsOf({ ...ONLINE, TrichYeuHoSo: 'x'.repeat(1000) })).toEqual([]);
  });

  it('typos of known fields', () => {
    const r = validate('dvcqg-dossier', {
      ...ONLINE,
      NgayHenTr: '20250704170000',
      trichyeuhoso: 'x',
      MaPhanMem: 'IGATE',
    });
    expect(withPaths(r.issues)).toEqual([
      ['warning', 'DVCQG_UNKNOWN_FIELD', 'NgayHenTr'],
      ['warning', 'DVCQG_UNKNOWN_FIELD', 'trichyeuhoso'],
    ]);
    expect(r.issues.map((i) => i.params?.suggestion)).toEqual(['NgayHenTra', 'TrichYeuHoSo']);
  });

  it('warnings never make a dossier invalid', () => {
    const r = validate('dvcqg-dossier', { ...MINIMAL, MaHoSo: 'x', MaTTHC: 'y', MaLinhVuc: 'z', TrangThaiHoSo: '5' });
    expect(r.ok).toBe(true);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});

describe('messages', () => {
  it('every code has Vietnamese (with diacritics) and English text', () => {
    for (const [code, t] of Object.entries(DVCQG_MESSAGES)) {
      expect(code).toMatch(/^DVCQG_[A-Z0-9_]+$/);
      expect(t.vi.length).toBeGreaterThan(10);
      expect(t.en.length).toBeGreaterThan(10);
      expect(t.vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
      expect(t.vi).not.toBe(t.en);
    }
  });

  it('messages are localized and interpolated in both languages', () => {
    const d = { ...ONLINE, NgayHenTra: '20250630170000' };
    expect(validate('dvcqg-dossier', d).issues[0]?.message).toBe(
      'Ngày hẹn trả (NgayHenTra) trước ngày tiếp nhận (20250701083000)',
    );
    expect(validate('dvcqg-dossier', d, { lang: 'en' }).issues[0]?.message).toBe(
      'Due date (NgayHenTra) is before the date received (20250701083000)',
    );
    const w = validate('dvcqg-dossier', { ...ONLINE, DanhSachHoSoBoSung: [{}, {}, {}] }, { lang: 'en' });
    expect(w.issues[0]?.message).toBe(
      'Dossier has 3 supplement rounds: more than one counts as late (766 indicator 2.1)',
    );
  });

  it('every DVCQG_ code is reached by some input', () => {
    const seen = new Set<string>();
    const run = (kind: string, input: unknown) => {
      for (const i of validate(kind, input).issues) seen.add(i.code);
    };
    for (const f of readdirSync(DIR)) {
      const kind =
        f.includes('progress') || f.includes('tien-do')
          ? 'dvcqg-progress'
          : f.includes('login')
            ? 'dvcqg-login-response'
            : f.includes('payment-init')
              ? 'dvcqg-payment-init'
              : f.includes('dan-cu')
                ? 'dvcqg-dan-cu-request'
                : 'dvcqg-dossier';
      run(kind, load(f));
    }
    run('dvcqg-dossier', {
      ...MINIMAL,
      MaHoSo: 'HS-1',
      TrangThaiHoSo: '5',
      TrichYeuHoSo: 'x'.repeat(1001),
      Ngayhentra: '',
    });
    run('dvcqg-dossier', {
      ...ONLINE,
      DuocThanhToanTrucTuyen: '0',
      DanhSachGiayToKetQua: [],
      DanhSachHoSoBoSung: [{}, {}],
    });
    run('dvcqg-dossier', { ...IN_PERSON, DSKetNoiCSDL: [], TaiLieuNop: [{ DuongDanTaiTepTin: 'https://a.vn/x' }] });
    run('dvcqg-procedure', { MATTHC: '1.001193' });
    run('dvcqg-payment-init', {
      ...load('valid-payment-init.json'),
      SoTien: '30000',
    });
    for (const code of Object.keys(DVCQG_MESSAGES)) expect(seen, code).toContain(code);
  });
});

describe('hostile input never throws', () => {
  const nested = (depth: number): unknown =>
    depth === 0 ? {} : { a: nested(depth - 1), b: [nested(depth - 1 > 3 ? 0 : depth - 1)] };
  const deep: Record<string, unknown> = {};
  let cur = deep;
  for (let i = 0; i < 5000; i++) {
    const next: Record<string, unknown> = {};
    cur.x = next;
    cur = next;
  }
  const hostile: unknown[] = [
    null,
    undefined,
    0,
    -1,
    Number.NaN,
    'MaHoSo',
    true,
    [],
    [null, 1, 'x', []],
    {},
    { data: 'x' },
    { service: 'DongBoHoSoMC' },
    { service: 'DongBoHoSoMC', data: [null, { MaHoSo: 1 }] },
    JSON.parse(
      '{"__proto__": {"polluted": true}, "MaHoSo": "000.00.00.H56-250701-0001", "MaTTHC": "1.001193", "TrangThaiHoSo": "2", "NgayTiepNhan": "20250701083000"}',
    ),
    JSON.parse('{"TaiLieuNop": [{"__proto__": {"IsDeleted": "x"}}], "constructor": {"prototype": {"polluted": 1}}}'),
    { ...MINIMAL, TrichYeuHoSo: 'đ'.repeat(2_000_000), junk: nested(8), deep },
    {
      ...MINIMAL,
      TaiLieuNop: [deep, nested(6)],
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '1'.repeat(100_000) }],
    },
    { ...MINIMAL, MaHoSo: `${'0'.repeat(300)}-250701-0001`, MaTTHC: ' 1.001193 ' },
    { ...MINIMAL, NgayTiepNhan: '9'.repeat(1_000_000), DanhSachLePhi: [{ Gia: '9'.repeat(500) }] },
    Object.create(null),
    new Date(),
    /regex/,
  ];
  const kinds = [
    'dvcqg-dossier',
    'dvcqg-progress',
    'dvcqg-procedure',
    'dvcqg-login-response',
    'dvcqg-response',
    'dvcqg-kho-so-hoa-request',
    'dvcqg-kho-so-hoa-response',
    'dvcqg-kho-so-hoa-file-request',
    'dvcqg-dan-cu-request',
    'dvcqg-payment-init',
    'dvcqg-payment-query',
    'dvcqg-payment-callback',
  ];
  it('over every kind', () => {
    for (const kind of kinds) {
      for (const input of hostile) {
        const r = validate(kind, input);
        expect(typeof r.ok).toBe('boolean');
        for (const i of r.issues) expect(typeof i.message).toBe('string');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('random JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...kinds), (v, kind) => {
        expect(typeof validate(kind, v).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Property tests over generated dossiers
// ---------------------------------------------------------------------------------------

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const wire = (ms: number) => {
  const d = new Date(ms + 7 * 3600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(d.getUTCHours(), 2)}${pad(
    d.getUTCMinutes(),
    2,
  )}${pad(d.getUTCSeconds(), 2)}`;
};
/** A code from a list, sent as its string or (lenient) as a number. */
const codeOf = (list: readonly string[]) =>
  fc.constantFrom(...list).chain((c) => fc.constantFrom<string | number>(c, Number(c)));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const boolLike = fc.constantFrom<unknown>('True', 'False', 'true', 'FALSE', '1', '0', 1, 0, true, false);
const flagLike = fc.constantFrom<unknown>('1', '0', 1, 0, true, false, 'True', 'false');
const link = fc.constantFrom(
  'https://dichvucong.thanhhoa.gov.vn/tep/1?download=true',
  'http://10.0.0.5:8080/d/2.pdf',
  '',
);
const personalId = fc
  .tuple(
    fc.constantFrom('001', '038', '079', '092'),
    fc.constantFrom(0, 1, 2, 3),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 999_999 }),
  )
  .map(([p, g, yy, r]) => `${p}${g}${pad(g >= 2 ? yy : 50 + yy, 2)}${pad(r, 6)}`);
const cmnd = fc.integer({ min: 10_000_000, max: 999_999_999 }).map((n) => pad(n, 9));

const taiLieu = fc.record(
  {
    TepDinhKemId: fc.oneof(fc.string(), fc.integer()),
    TenTepDinhKem: fc.string({ maxLength: 40 }),
    IsDeleted: boolLike,
    MaThanhPhanHoSo: fc.string({ maxLength: 10 }),
    DuongDanTaiTepTin: link,
    DuocSoHoa: flagLike,
    DuocTaiSuDung: codeOf(DUOC_TAI_SU_DUNG),
    DuocLayTuKhoDMQG: flagLike,
    MaKetQuaThayThe: fc.constant('KQ.G03.10'),
  },
  { requiredKeys: ['MaKetQuaThayThe'] },
);

const dossierArb = fc
  .record({
    agency: fc.constantFrom('000.00.00.H56', '000.17.22.H56', '000.00.01.H22'),
    seq: fc.integer({ min: 1, max: 9999 }),
    received: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    dueDays: fc.integer({ min: 0, max: 60 }),
    status: codeOf(TRANG_THAI_HO_SO),
    kenh: optional(fc.oneof(codeOf(KENH_THUC_HIEN), fc.constant(null))),
    loaiDoiTuong: optional(codeOf(LOAI_DOI_TUONG)),
    thanhToan: optional(codeOf(DUOC_THANH_TOAN_TRUC_TUYEN)),
    files: fc.array(taiLieu, { maxLength: 3 }),
    fees: fc.array(
      fc.record({
        Gia: fc.oneof(fc.nat({ max: 5_000_000 }), fc.nat({ max: 5_000_000 }).map(String)),
        HinhThucThu: codeOf(HINH_THUC_THU),
        LoaiPhiLePhi: codeOf(LOAI_PHI_LE_PHI),
      }),
      { maxLength: 2 },
    ),
    ids: fc.array(
      fc.oneof(
        fc
          .tuple(personalId, fc.constantFrom<string | number>('1', 1))
          .map(([SoDinhDanh, LoaiDinhDanh]) => ({ LoaiDinhDanh, SoDinhDanh })),
        cmnd.filter((c) => !/^0{8}[01]$/.test(c)).map((SoDinhDanh) => ({ LoaiDinhDanh: '2', SoDinhDanh })),
      ),
      { maxLength: 2 },
    ),
    flag: optional(flagLike),
    extra: optional(fc.jsonValue()),
  })
  .map((g) => {
    const day = new Date(g.received + 7 * 3600_000);
    const d: Record<string, unknown> = {
      MaHoSo: `${g.agency}-${pad(day.getUTCFullYear() % 100, 2)}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCDate(), 2)}-${pad(g.seq, 4)}`,
      MaTTHC: '1.001193',
      MaLinhVuc: 'G03-GD10',
      TrangThaiHoSo: g.status,
      NgayTiepNhan: wire(g.received),
      NgayHenTra: g.dueDays === 0 ? '' : wire(g.received + g.dueDays * 86_400_000),
      TaiLieuNop: g.files,
      DanhSachLePhi: g.fees,
      DinhDanhCHS: g.ids,
    };
    if (String(g.status) === '10') d.NgayTra = wire(g.received + 86_400_000);
    if (g.kenh !== undefined) d.KenhThucHien = g.kenh;
    if (g.loaiDoiTuong !== undefined) d.LoaiDoiTuong = g.loaiDoiTuong;
    if (g.thanhToan !== undefined) d.DuocThanhToanTrucTuyen = g.thanhToan;
    if (g.flag !== undefined) d.HoSoCoThanhPhanSoHoa = g.flag;
    if (g.extra !== undefined) d.PhanMemRieng = g.extra;
    return d;
  });

/** The reference: plain zod plus the warning rules, without the hand-written fast path. */
const reference = (x: unknown) => validateWith(dvcqgDossierSchema, x, dvcqgDossierWarnings, {});

describe('generated dossiers (properties)', () => {
  it('dossiers built from the code lists validate', () => {
    fc.assert(
      fc.property(dossierArb, (d) => {
        const r = validate('dvcqg-dossier', d);
        expect(codes(r.issues, 'error')).toEqual([]);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  const mutations: Array<[path: Array<string | number>, values: unknown[]]> = [
    [['TrangThaiHoSo'], ['0', '11', 11, 'X', '', 4.5, '4 ']],
    [['KenhThucHien'], ['0', '4', 4, 'online']],
    [['LoaiDoiTuong'], ['0', '5', 5]],
    [['DuocThanhToanTrucTuyen'], ['4', -1, 'yes']],
    [
      ['DinhDanhCHS', 0, 'LoaiDinhDanh'],
      ['0', '3', 3],
    ],
    [
      ['DanhSachLePhi', 0, 'LoaiPhiLePhi'],
      ['0', '4'],
    ],
    [
      ['DanhSachLePhi', 0, 'HinhThucThu'],
      ['3', '0'],
    ],
    [
      ['TaiLieuNop', 0, 'DuocTaiSuDung'],
      ['3', 'True'],
    ],
  ];

  it('one out-of-list code is rejected at its path', () => {
    const withSlots = dossierArb.map((d) => ({
      ...d,
      KenhThucHien: '2',
      LoaiDoiTuong: '1',
      DuocThanhToanTrucTuyen: '1',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038190012345' }],
      DanhSachLePhi: [{ Gia: 1, LoaiPhiLePhi: '1', HinhThucThu: '1' }],
      TaiLieuNop: [{ DuocTaiSuDung: '0' }],
    }));
    fc.assert(
      fc.property(withSlots, fc.constantFrom(...mutations), fc.nat(), (d, [path, values], k) => {
        const bad = structuredClone(d) as Record<string | number, unknown>;
        let target = bad;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        const value = values[k % values.length];
        target[path.at(-1) as string | number] = value;
        const r = validate('dvcqg-dossier', bad);
        expect(r.ok).toBe(false);
        expect(withPaths(r.issues).filter((i) => i[0] === 'error')).toEqual([
          [
            'error',
            typeof value === 'string' || typeof value === 'number' ? 'VALUE_NOT_ALLOWED' : 'TYPE_INVALID',
            path.join('.'),
          ],
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('the fast path agrees with plain zod on valid, mutated and junk input (differential)', () => {
    const junk = fc.oneof(
      dossierArb,
      dossierArb.chain((d) =>
        fc
          .tuple(
            fc.constantFrom(...Object.keys(d)),
            fc.oneof(fc.jsonValue(), fc.constantFrom('', null, '20250230000000', -1, '1', 'True')),
          )
          .map(([k, v]) => ({ ...d, [k]: v })),
      ),
      dossierArb.map((d) => ({ ...d, TaiLieuNop: [{ DuongDanTaiTepTin: 'javascript:x', IsDeleted: 'maybe' }] })),
      // Structurally valid but breaking cross-field rules (answered without zod on the fast path).
      dossierArb.chain((d) =>
        fc
          .constantFrom<Record<string, unknown>>(
            { NgayHenTra: '20191231235959' },
            { TrangThaiHoSo: '10', NgayTra: '' },
            { NgayTra: '20191231000000', NgayKetThucXuLy: '20191231000000' },
            { NgayTiepNhan: '', TrangThaiHoSo: '2' },
            {
              DinhDanhCHS: [
                { LoaiDinhDanh: 1, SoDinhDanh: '172345678' },
                { LoaiDinhDanh: '2', SoDinhDanh: '000000001' },
              ],
            },
            { DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038490012345' }] },
            { TaiLieuNop: [{ DuocTaiSuDung: 2 }, { DuocTaiSuDung: '2', MaKetQuaThayThe: ' ' }] },
          )
          .map((change) => ({ ...d, ...change })),
      ),
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom('MaHoSo', 'MaTTHC', 'TrangThaiHoSo', 'NgayTiepNhan', 'TaiLieuNop', 'x'),
        fc.jsonValue(),
      ),
    );
    fc.assert(
      fc.property(junk, (x) => {
        const fast = validateDvcqgDossier(x);
        const ref = reference(x);
        expect(fast.ok).toBe(ref.ok);
        expect(fast.issues).toEqual(ref.issues);
        if (ref.ok) expect(fast.value).toEqual(ref.value);
      }),
      { numRuns: 500 },
    );
    for (const f of readdirSync(DIR)) {
      const x = load(f);
      const fast = validateDvcqgDossier(x);
      const ref = reference(x);
      expect(fast.issues).toEqual(ref.issues);
      if (ref.ok) expect(fast.value).toEqual(ref.value);
    }
  });
});
