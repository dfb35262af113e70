/**
 * Deterministic generator of realistic `DongBoHoSoMC` dossier items (dvcqg-wire.md §5),
 * for the validation benchmark. Synthetic people only. About 2% of records carry one
 * error (as real traffic does), so the benchmark exercises the failure path too.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Nam', 'Phương', 'Quân', 'Thảo', 'Vy'];
const PROCEDURES: [string, string, string, string][] = [
  ['1.001193', 'Đăng ký khai sinh', 'G15-TP01', 'Hộ tịch'],
  ['1.000894', 'Đăng ký kết hôn', 'G15-TP01', 'Hộ tịch'],
  ['2.000986', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'G17-XD01', 'Hoạt động xây dựng'],
  ['1.003560', 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu', 'G10-DD01', 'Đất đai'],
  ['2.002492', 'Đăng ký thành lập hộ kinh doanh', 'G05-KD01', 'Thành lập và hoạt động của hộ kinh doanh'],
];
const PROVINCES = ['001', '031', '038', '040', '048', '079', '092'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function wireDate(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}`;
}

/** One dossier item; `i` makes codes unique. */
export function dossier(rand: () => number, i: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const [maTTHC, tenTTHC, maLinhVuc, tenLinhVuc] = pick(PROCEDURES);
  const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const female = rand() < 0.5;
  const year = 1950 + Math.floor(rand() * 55);
  const id = `${pick(PROVINCES)}${(year < 2000 ? 0 : 2) + (female ? 1 : 0)}${pad(year % 100, 2)}${pad(Math.floor(rand() * 1e6), 6)}`;
  const received =
    Date.UTC(2025, 0, 2) + Math.floor(rand() * 300) * 86_400_000 + Math.floor(rand() * 8) * 3_600_000 + 3_600_000;
  const day = new Date(received + 7 * 3600_000);
  const code = `000.00.00.H56-${pad(day.getUTCFullYear() % 100, 2)}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCDate(), 2)}-${pad((i % 9999) + 1, 4)}`;
  const online = rand() < 0.6;
  const status = pick(['2', '4', '4', '5', '9', '10', '10', '10']);
  const files = Math.floor(rand() * 5);
  const base = `https://dichvucong.thanhhoa.gov.vn/files/${i}`;
  const item: Record<string, unknown> = {
    MaHoSo: code,
    MaTTHC: maTTHC,
    TenTTHC: tenTTHC,
    MaLinhVuc: maLinhVuc,
    TenLinhVuc: tenLinhVuc,
    KenhThucHien: online ? '2' : '1',
    ChuHoSo: name,
    SoGiayToChuHoSo: id,
    LoaiDoiTuong: '1',
    Email: `hoso${i}@example.vn`,
    SoDienThoai: `09${pad(Math.floor(rand() * 1e8), 8)}`,
    TrichYeuHoSo: `${tenTTHC} cho ông/bà ${name}`,
    NgayTiepNhan: wireDate(received),
    NgayHenTra: wireDate(received + (5 + Math.floor(rand() * 10)) * 86_400_000),
    TrangThaiHoSo: status,
    HinhThuc: '0',
    DonViXuLy: 'UBND xã Quảng Phú',
    NoiNopHoSo: '2',
    HoSoCoThanhPhanSoHoa: files > 0 ? '1' : '0',
    TaiKhoanDuocXacThucVoiVNeID: online ? '1' : '0',
    DuocThanhToanTrucTuyen: online ? '1' : '0',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: id }],
    DSKetNoiCSDL: [{ MaCSDL: '7' }],
    TaiLieuNop: Array.from({ length: files }, (_, f) => ({
      TepDinhKemId: `${i}-${f}`,
      TenTepDinhKem: `thanh-phan-${f + 1}.pdf`,
      IsDeleted: 'False',
      MaThanhPhanHoSo: `TP${f + 1}`,
      DuongDanTaiTepTin: `${base}/tp${f + 1}.pdf?download=true`,
      DuocSoHoa: '1',
      DuocTaiSuDung: '0',
      DuocLayTuKhoDMQG: '0',
    })),
    DanhSachLePhi:
      rand() < 0.5
        ? [{ TenPhiLePhi: 'Lệ phí', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: 50_000, LoaiPhiLePhi: '1' }]
        : [],
  };
  if (status === '9' || status === '10') {
    item.NgayKetThucXuLy = wireDate(received + 4 * 86_400_000);
    item.DanhSachGiayToKetQua = [
      {
        TenGiayTo: 'Kết quả giải quyết',
        MaThanhPhanHoSo: 'KQ1',
        GiayToId: `kq-${i}`,
        DuongDanTepTinKetQua: `${base}/ket-qua.pdf`,
        MaGiayToKetQua: 'KQ.001',
      },
    ];
  }
  if (status === '10') item.NgayTra = wireDate(received + 5 * 86_400_000);
  if (status === '5') {
    item.DanhSachHoSoBoSung = [
      {
        HoSoBoSungId: `bs-${i}`,
        NguoiYeuCauBoSung: 'Chuyên viên',
        NoiDungBoSung: 'Bổ sung bản sao giấy tờ tùy thân',
        NgayBoSung: wireDate(received + 86_400_000),
      },
    ];
  }
  // ~2% of real traffic is wrong in one way or another.
  const fault = rand();
  if (fault < 0.005) item.TrangThaiHoSo = '11';
  else if (fault < 0.01) item.NgayTiepNhan = '20251332000000';
  else if (fault < 0.015) (item.DinhDanhCHS as { LoaiDinhDanh: string }[])[0]!.LoaiDinhDanh = '2';
  else if (fault < 0.02) item.NgayHenTra = wireDate(received - 86_400_000);
  return item;
}
