import { readFileSync } from 'node:fs';
import { DOSSIER_STATUS_TO_DVCQG, type Dossier, dossierSchema, procedureSchema } from '@motcua/schemas';
import { type DvcqgDossier, dvcqgProgressSchema, validateDvcqgDossier } from '@motcua/schemas/dvcqg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierArb } from '../../test/support/arbitraries.ts';
import { AdapterError } from '../errors.ts';
import { dossierFromWire, dossierToWire, dossierViewToWire, dossierWireView } from './dossier.ts';
import { instantToWireDate, normalizeInstantForWire, wireDateToVietnamInstant } from './instant.ts';
import { procedureFromWire, timeUnitFromWire } from './procedure.ts';
import { createWireProfile, OPENCPS_PROFILE, THANH_HOA_PROFILE, truncateWireText } from './profile.ts';
import { progressFromWire, progressRowKey, progressToWire, progressWireView } from './progress.ts';

const fixtures = new URL('../../../schemas/test/fixtures/', import.meta.url);
const load = (path: string): unknown => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as unknown;
const canonical = (): Dossier => load('canonical/dossier.valid.json') as Dossier;

describe('instants', () => {
  it('canonical → wire in Vietnam time, whole seconds; back with +07:00', () => {
    expect(instantToWireDate('2025-07-01T08:30:00+07:00')).toBe('20250701083000');
    expect(instantToWireDate('2025-06-30T17:30:00.999Z')).toBe('20250701003000');
    expect(instantToWireDate('2025-07-01T10:30:00+09:00')).toBe('20250701083000');
    expect(wireDateToVietnamInstant('20250701083000')).toBe('2025-07-01T08:30:00+07:00');
    expect(wireDateToVietnamInstant('20250230083000')).toBeUndefined();
    expect(normalizeInstantForWire('2025-07-01T01:30:00.5Z')).toBe('2025-07-01T08:30:00+07:00');
    expect(() => instantToWireDate('1899-12-31T00:00:00+07:00')).toThrow(AdapterError);
    expect(() => instantToWireDate('yesterday')).toThrow(AdapterError);
  });

  it('truncations of §11.3.5', () => {
    expect(truncateWireText('a'.repeat(1000), 1000)).toHaveLength(1000);
    const cut = truncateWireText('a'.repeat(1001), 1000);
    expect(cut).toBe(`${'a'.repeat(995)}…`);
    // Never splits a surrogate pair.
    const emoji = truncateWireText(`${'a'.repeat(44)}😀${'b'.repeat(10)}`, 50);
    expect(emoji).toBe(`${'a'.repeat(44)}…`);
  });
});

describe('dossier codec: the canonical fixture', () => {
  const d = canonical();

  it('is a valid canonical dossier to begin with', () => {
    expect(dossierSchema.safeParse(d).success).toBe(true);
  });

  it('maps every field the wire carries', () => {
    const w = dossierToWire(d);
    expect(validateDvcqgDossier(w).ok).toBe(true);
    expect(w).toMatchObject({
      MaHoSo: '000.00.00.H56-250701-0001',
      MaTTHC: '1.001193',
      TenTTHC: 'Thủ tục đăng ký khai sinh',
      MaLinhVuc: 'G15-HT01',
      TenLinhVuc: 'Hộ tịch',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Thị Lan',
      SoGiayToChuHoSo: '038190012345',
      LoaiDoiTuong: '1',
      MaDoiTuong: 'dvcqg-3f9a1c',
      Email: 'nguyen.thi.lan@example.vn',
      SoDienThoai: '0912345678',
      NgayNopHoSo: '20250701075500',
      NgayTiepNhan: '20250701083000',
      NgayHenTra: '20250703170000',
      TrangThaiHoSo: '10',
      NgayTra: '20250703150000',
      NgayKetThucXuLy: '20250703103000',
      HinhThuc: '0',
      DonViXuLy: 'UBND tỉnh Thanh Hóa',
      HoSoCoThanhPhanSoHoa: '1',
      TaiKhoanDuocXacThucVoiVNeID: '1',
      DuocThanhToanTrucTuyen: '1',
      DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038190012345' }],
      DSKetNoiCSDL: [{ MaCSDL: '7' }],
    });
    expect(w.TaiLieuNop).toEqual([
      {
        TepDinhKemId: 'tep-tk-0001',
        TenTepDinhKem: 'to-khai-dang-ky-khai-sinh.pdf',
        IsDeleted: 'False',
        MaThanhPhanHoSo: 'TP01',
        DuongDanTaiTepTin: 'https://motcua.thanhhoa.gov.vn/files/tep-tk-0001',
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      },
      {
        TepDinhKemId: 'tep-cs-0001',
        TenTepDinhKem: 'giay-chung-sinh.jpg',
        IsDeleted: 'False',
        MaThanhPhanHoSo: 'TP02',
        DuongDanTaiTepTin: 'https://motcua.thanhhoa.gov.vn/files/tep-cs-0001',
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      },
      {
        TepDinhKemId: 'gtsh-000512',
        TenTepDinhKem: 'Giấy chứng nhận kết hôn của cha, mẹ',
        IsDeleted: 'False',
        MaThanhPhanHoSo: 'TP03',
        DuocSoHoa: '0',
        DuocTaiSuDung: '2',
        DuocLayTuKhoDMQG: '1',
        MaKetQuaThayThe: 'KQ.1.000894.01',
      },
    ]);
    expect(w.DanhSachLePhi).toEqual([
      { TenPhiLePhi: 'Lệ phí đăng ký khai sinh', MaPhiLePhi: 'LP-KS', HinhThucThu: '1', Gia: 0, LoaiPhiLePhi: '1' },
      {
        TenPhiLePhi: 'Phí cấp bản sao trích lục khai sinh',
        MaPhiLePhi: 'PH-TL',
        HinhThucThu: '4',
        Gia: 8000,
        LoaiPhiLePhi: '1',
      },
    ]);
    expect(w.DanhSachHoSoBoSung).toEqual([
      {
        HoSoBoSungId: 'bs-0001',
        NguoiYeuCauBoSung: 'Lê Thị Hoa',
        NoiDungBoSung: 'Bổ sung bản sao giấy chứng sinh rõ nét',
        NgayBoSung: '20250701100000',
        NgayTiepNhanBoSung: '20250702090000',
        NgayHenTraTruoc: '20250702170000',
        NgayHenTraMoi: '20250703170000',
      },
    ]);
    expect(w.DanhSachGiayToKetQua).toEqual([
      {
        TenGiayTo: 'Giấy khai sinh (bản chính)',
        GiayToId: 'kq-2025-000123',
        DuongDanTepTinKetQua: 'https://motcua.thanhhoa.gov.vn/files/tep-kq-0001',
        MaGiayToKetQua: 'KQ.1.001193.01',
      },
    ]);
  });

  it('fields come out in the wire order of §5.1', () => {
    const keys = Object.keys(dossierToWire(d));
    expect(keys.slice(0, 4)).toEqual(['MaHoSo', 'MaTTHC', 'TenTTHC', 'MaLinhVuc']);
    expect(keys.indexOf('NgayTiepNhan')).toBeLessThan(keys.indexOf('TrangThaiHoSo'));
  });

  it('the Thanh Hóa profile writes 0/1 booleans, NoiNopHoSo 2 and its own file links', () => {
    const profile = createWireProfile({
      ...THANH_HOA_PROFILE,
      fileUrl: (f, c) => `https://dichvucong.thanhhoa.gov.vn/tep/${f.id}?k=${c.kind}`,
    });
    const w = dossierToWire(d, profile);
    expect(w.TaiLieuNop?.[0]?.IsDeleted).toBe(0);
    expect(w.TaiLieuNop?.[0]?.DuongDanTaiTepTin).toBe('https://dichvucong.thanhhoa.gov.vn/tep/tep-tk-0001?k=component');
    expect(w.DanhSachGiayToKetQua?.[0]?.DuongDanTepTinKetQua).toBe(
      'https://dichvucong.thanhhoa.gov.vn/tep/tep-kq-0001?k=result',
    );
    expect(w.NoiNopHoSo).toBe('2');
    expect(validateDvcqgDossier(w).ok).toBe(true);
    expect(dossierFromWire(w, profile)).toEqual(dossierWireView(d, profile));
  });

  it('MaCSDL codes follow the profile; unknown codes are kept on the way back', () => {
    const withCodes = {
      ...d,
      nationalDatabasesConsulted: ['population', 'enterprise'] as Dossier['nationalDatabasesConsulted'],
    };
    const profile = createWireProfile({ nationalDatabaseCodes: { population: '7', enterprise: '3' } });
    expect(dossierToWire(withCodes, profile).DSKetNoiCSDL).toEqual([{ MaCSDL: '7' }, { MaCSDL: '3' }]);
    expect(dossierToWire(withCodes).DSKetNoiCSDL).toEqual([{ MaCSDL: '7' }]);
    const back = dossierFromWire(dossierToWire(withCodes, profile));
    expect(back.nationalDatabases).toEqual(['population']);
    expect(back.otherDatabaseCodes).toEqual(['3']);
  });

  it('keeps the real statuses 5, 6, 8 (never collapsed to 9)', () => {
    for (const status of ['supplement-requested', 'financial-obligation', 'stopped'] as const) {
      const history = [...d.statusHistory.slice(0, 3), { ...d.statusHistory[2]!, status }];
      const dd: Dossier = {
        ...d,
        status,
        statusHistory: history,
        results: [],
        supplementRequests:
          status === 'supplement-requested'
            ? [{ requestedAt: '2025-07-01T10:00:00+07:00', requestedBy: 'Lê Thị Hoa', content: 'Bổ sung' }]
            : [],
      };
      expect(dossierToWire(dd).TrangThaiHoSo).toBe(DOSSIER_STATUS_TO_DVCQG[status]);
      expect(progressToWire(dd.code, dd.statusHistory).at(-1)?.TrangThai).toBe(DOSSIER_STATUS_TO_DVCQG[status]);
    }
  });

  it('a returned dossier without a return in its history cannot be sent (no NgayTra)', () => {
    const broken: Dossier = { ...d, statusHistory: d.statusHistory.slice(0, -1) };
    const error = (() => {
      try {
        dossierToWire(broken);
      } catch (e) {
        return e;
      }
    })() as AdapterError;
    expect(error).toBeInstanceOf(AdapterError);
    expect(error.code).toBe('CODEC_WIRE_INVALID');
    expect(JSON.stringify(error.details)).toContain('DVCQG_RETURNED_WITHOUT_DATE');
  });

  it('a dossier refused at reception carries its refusal time as NgayTiepNhan and NgayTuChoi', () => {
    const refused: Dossier = {
      ...d,
      status: 'rejected',
      receivedAt: undefined,
      dueAt: undefined,
      statusHistory: [
        d.statusHistory[0]!,
        { status: 'rejected', at: '2025-07-01T09:00:00+07:00', actor: { name: 'Lê Thị Hoa' } },
      ],
      supplementRequests: [],
      results: [],
    };
    delete refused.receivedAt;
    delete refused.dueAt;
    expect(dossierSchema.safeParse(refused).success).toBe(true);
    const w = dossierToWire(refused);
    expect(w).toMatchObject({
      TrangThaiHoSo: '3',
      NgayTiepNhan: '20250701090000',
      NgayTuChoi: '20250701090000',
      NgayKetThucXuLy: '20250701090000',
    });
  });
});

describe('dossier codec: wire fixtures', () => {
  it('reads a lenient Thanh Hóa-style item (numbers for codes, 0/1 flags, nulls)', () => {
    const v = dossierFromWire(load('dvcqg/valid-in-person-dossier.json'));
    expect(v.channel).toBe('in-person');
    expect(v.status).toBe('processing');
    expect(v.submittedFiles[0]).toMatchObject({ fileId: '40213', deleted: false, digitized: true, reuse: 'none' });
    expect(v.applicant.email).toBeUndefined();
  });

  it('reads the online fixture; extras and unknown fields are kept; reading is idempotent', () => {
    const raw = load('dvcqg/valid-online-dossier.json') as DvcqgDossier;
    const v = dossierFromWire(raw);
    expect(v.extras).toEqual({
      ThongTinTra: 'Trả kết quả qua tài khoản Cổng DVCQG',
      DanhSachTepDinhKemKhac: [{ TenGiayTo: 'Giấy ủy quyền', SoLuong: 1, LoaiGiayTo: '1' }],
      MaPhanMemMotCua: 'IGATE-TH',
    });
    expect(v.submittedFiles[1]).toMatchObject({
      reuse: 'replaced-by-result',
      fromNationalStore: true,
      replacingResultCode: 'KQ.G03.10',
    });
    expect(v.nationalDatabases).toEqual(['population']);
    const again = dossierViewToWire(v);
    expect(validateDvcqgDossier(again).ok).toBe(true);
    expect(dossierFromWire(again)).toEqual(v);
  });

  it('refuses an invalid item with CODEC_WIRE_INVALID', () => {
    expect(() => dossierFromWire(load('dvcqg/invalid-due-before-received.json'))).toThrow(AdapterError);
    expect(() => dossierFromWire('nope')).toThrow(/DongBoHoSoMC/);
  });
});

describe('dossier codec: properties', () => {
  const profiles = fc.constantFrom(OPENCPS_PROFILE, THANH_HOA_PROFILE);

  it('generated dossiers are valid canonical dossiers (sanity of the generator)', () => {
    fc.assert(
      fc.property(dossierArb, (d) => {
        const r = dossierSchema.safeParse(d);
        if (!r.success) throw new Error(JSON.stringify(r.error.issues.slice(0, 3)));
      }),
      { numRuns: 300 },
    );
  });

  it('canonical → wire always passes the wire schema and keeps the real status', () => {
    fc.assert(
      fc.property(dossierArb, profiles, (d, p) => {
        const w = dossierToWire(d, p);
        const r = validateDvcqgDossier(w);
        expect(r.ok).toBe(true);
        expect(w.TrangThaiHoSo).toBe(DOSSIER_STATUS_TO_DVCQG[d.status]);
      }),
      { numRuns: 400 },
    );
  });

  it('canonical → wire → canonical is the identity on what the wire carries', () => {
    fc.assert(
      fc.property(dossierArb, profiles, (d, p) => {
        const w = dossierToWire(d, p);
        const overTheWire = JSON.parse(JSON.stringify(w)) as unknown;
        expect(dossierFromWire(overTheWire, p)).toEqual(dossierWireView(d, p));
      }),
      { numRuns: 400 },
    );
  });

  it('wire → canonical → wire is the identity on codec output', () => {
    fc.assert(
      fc.property(dossierArb, profiles, (d, p) => {
        const w = dossierToWire(d, p);
        expect(dossierViewToWire(dossierFromWire(w, p), p)).toEqual(w);
      }),
      { numRuns: 400 },
    );
  });

  it('progress: one row per change with the real status; wire → canonical gives the history back', () => {
    fc.assert(
      fc.property(dossierArb, profiles, (d, p) => {
        const rows = progressToWire(d.code, d.statusHistory, p);
        expect(rows.map((r) => r.TrangThai)).toEqual(d.statusHistory.map((c) => DOSSIER_STATUS_TO_DVCQG[c.status]));
        for (const row of rows) {
          expect(dvcqgProgressSchema.safeParse(row).success).toBe(true);
          expect((row.NguoiXuLy ?? '').length).toBeLessThanOrEqual(50);
        }
        expect(progressFromWire(JSON.parse(JSON.stringify(rows)) as unknown[])).toEqual(
          progressWireView(d.statusHistory, p),
        );
        expect(new Set(rows.map(progressRowKey)).size).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('progress codec', () => {
  it('maps actor, note and time', () => {
    const d = canonical();
    const rows = progressToWire(d.code, d.statusHistory);
    expect(rows[1]).toEqual({
      MaHoSo: d.code,
      NguoiXuLy: 'Lê Thị Hoa',
      ChucDanh: 'Chuyên viên',
      ThoiDiemXuLy: '20250701083000',
      PhongBanXuLy: 'Bộ phận Một cửa phường Hạc Thành',
      NoiDungXuLy: 'Tiếp nhận hồ sơ',
      TrangThai: '2',
    });
    expect(rows.map((r) => r.TrangThai)).toEqual(['1', '2', '4', '5', '4', '9', '10']);
  });

  it('reads lenient rows and defaults the handler', () => {
    expect(progressFromWire([{ MaHoSo: 'x', ThoiDiemXuLy: '20250701100000', TrangThai: 6, NguoiXuLy: '' }])).toEqual([
      { status: 'financial-obligation', at: '2025-07-01T10:00:00+07:00', actor: { name: 'Chuyên viên' } },
    ]);
    expect(() => progressFromWire([{ MaHoSo: 'x', ThoiDiemXuLy: '2025-07-01', TrangThai: '4' }])).toThrow(AdapterError);
  });
});

describe('procedure codec', () => {
  it('reads the LayThuTuc fixture into a valid canonical procedure', () => {
    const record = (load('dvcqg/valid-lay-thu-tuc-response.json') as { result: unknown[] }).result[0];
    const p = procedureFromWire(record);
    const r = procedureSchema.safeParse(p);
    if (!r.success) throw new Error(JSON.stringify(r.error.issues));
    expect(p.code).toBe('1.001193');
    expect(p.fields).toEqual([{ code: 'G03-GD10', name: 'Giáo dục Trung học' }]);
    expect(p.channels[0]).toMatchObject({
      channel: 'in-person',
      processingTime: { amount: 3, unit: 'working-days' },
      fees: [{ code: 'LP01', name: 'Lệ phí', amount: 20000 }],
    });
    expect(p.channels.some((c) => c.channel === 'online')).toBe(true);
    expect(p.onlineLevel).toBe('partial-online');
    expect(p.steps).toEqual([
      'Bước 1: Người đề nghị nộp hồ sơ',
      'Bước 2: Cơ quan cấp bản sao thẩm định và trả kết quả',
    ]);
  });

  it('reads units, amounts and applicant types from catalogue text', () => {
    expect(timeUnitFromWire('Giờ làm việc')).toBe('working-hours');
    expect(timeUnitFromWire('THÁNG')).toBe('months');
    expect(timeUnitFromWire('Năm')).toBe('years');
    expect(timeUnitFromWire('tuần')).toBeUndefined();
    const p = procedureFromWire({
      MATTHC: '1.000001',
      TENTTHC: 'Thử',
      MACOQUANCONGBO: '000.00.00.G15',
      LINHVUCTHUCHIEN: [{ MALINHVUC: 'G15-HT01', TENLINHVUC: 'Hộ tịch' }],
      DOITUONGTHUCHIEN: [
        { TENDOITUONG: 'Công dân Việt Nam, Doanh nghiệp' },
        { TENDOITUONG: 'Tổ chức (không bao gồm doanh nghiệp)' },
      ],
      CACHTHUCTHUCHIEN: [
        {
          KENH: 1,
          THOIGIAN: [
            {
              THOIGIANGIAIQUYET: '0,5',
              DONVITINH: 'Ngày làm việc',
              PHILEPHI: [{ SOTIEN: '50.000 đồng', MOTA: 'Lệ phí' }],
            },
          ],
        },
        { KENH: 2, THOIGIAN: [{ THOIGIANGIAIQUYET: 'Theo quy định', DONVITINH: 'Ngày' }] },
      ],
      KETQUATHUCHIEN: [{ MAKETQUA: 'KQ1', TENKETQUA: 'Kết quả' }, { MAKETQUA: 'KQ1' }, { TENKETQUA: 'không mã' }],
      TRANGTHAI: 1,
    });
    expect(p.applicantTypes).toEqual(['citizen', 'business', 'other']);
    expect(p.channels).toEqual([
      {
        channel: 'in-person',
        processingTime: { amount: 0.5, unit: 'working-days' },
        fees: [{ name: 'Lệ phí', amount: 50000, description: '50.000 đồng' }],
      },
    ]);
    expect(p.onlineLevel).toBe('none');
    expect(p.results).toEqual([{ resultCode: 'KQ1', name: 'Kết quả' }]);
    expect(p.published).toBe(true);
  });

  it('refuses a record without MATTHC', () => {
    expect(() => procedureFromWire({ TENTTHC: 'x' })).toThrow(AdapterError);
  });
});
