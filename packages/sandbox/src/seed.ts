/**
 * What a fresh sandbox knows: accounts, a small procedure catalogue, agencies, fields,
 * papers in the digitization store, citizens in the population database, payment
 * partners and LGSP clients. The shapes are the real wire shapes; the content is
 * illustrative (load the real catalogue with `LayThuTuc` from the portal).
 *
 * @module
 */
import type { DvcqgProcedure } from '@motcua/schemas/dvcqg';

/**
 * An agency of `LayDanhMucCoQuan`.
 *
 * @example
 * ```ts
 * import type { SandboxAgency } from '@motcua/sandbox';
 * const a: SandboxAgency = { MADONVI: '000.00.00.H56', TENDONVI: 'UBND tỉnh Thanh Hóa', CAPDONVI: '2' };
 * ```
 * @category Sandbox
 */
export interface SandboxAgency {
  /** Agency code (mã đơn vị). */
  MADONVI: string;
  /** Agency name. */
  TENDONVI: string;
  /** Level, as the catalogue sends it. */
  CAPDONVI?: string | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A field (lĩnh vực) of `LayDanhMucLinhVuc`.
 *
 * @example
 * ```ts
 * import type { SandboxField } from '@motcua/sandbox';
 * const f: SandboxField = { MALINHVUC: 'G03-GD10', TENLINHVUC: 'Giáo dục Trung học', MANGANH: 'G03' };
 * ```
 * @category Sandbox
 */
export interface SandboxField {
  /** Field code. */
  MALINHVUC: string;
  /** Field name. */
  TENLINHVUC: string;
  /** Sector code. */
  MANGANH?: string | undefined;
  /** Extras are kept. */
  [extra: string]: unknown;
}

/**
 * A paper in the digitization store (kho số hóa), with its files.
 *
 * @example
 * ```ts
 * import type { SandboxStoredPaper } from '@motcua/sandbox';
 * const p: SandboxStoredPaper = {
 *   owner: '038190012345',
 *   MaKetQua: 'KQ.G03.10',
 *   TenGiayTo: 'Bằng tốt nghiệp THPT',
 *   SoKyHieu: 'B0123456',
 *   CoQuanChuQuan: '000.00.00.H56',
 *   files: [{ TenTep: 'bang-tot-nghiep.pdf', DuongDan: '/2024/09/ab12cd.pdf', content: 'JVBERi0xLjQK' }],
 * };
 * ```
 * @category Sandbox
 */
export interface SandboxStoredPaper {
  /** Owner's personal identification number or tax code (`SoDinhDanhChuSoHuu`). */
  owner: string;
  /** Result code. */
  MaKetQua: string;
  /** Paper name. */
  TenGiayTo: string;
  /** Reference number. */
  SoKyHieu: string;
  /** Agency holding the file. */
  CoQuanChuQuan: string;
  /** The files; `content` is base64. */
  files: Array<{ TenTep: string; DuongDan: string; content: string; contentType?: string | undefined }>;
}

/**
 * A citizen of the population database (CSDL quốc gia về dân cư), the `CongDan` fields
 * the sandbox answers with.
 *
 * @example
 * ```ts
 * import type { SandboxCitizen } from '@motcua/sandbox';
 * const c: SandboxCitizen = { SoDinhDanh: '038190012345', Ho: 'Nguyễn', ChuDem: 'Thị', Ten: 'Lan', NgayThangNamSinh: '19900512', GioiTinh: '2' };
 * ```
 * @category Sandbox
 */
export interface SandboxCitizen {
  /** 12-digit personal identification number. */
  SoDinhDanh: string;
  /** Legacy 9-digit ID number. */
  SoCMND?: string | undefined;
  /** Surname. */
  Ho: string;
  /** Middle name. */
  ChuDem: string;
  /** Given name. */
  Ten: string;
  /** Birth date `yyyyMMdd`, or only the year. */
  NgayThangNamSinh: string;
  /** Gender code. */
  GioiTinh: string;
  /** Permanent residence. */
  ThuongTru?: Record<string, string> | undefined;
}

/**
 * Everything a sandbox is seeded with. Every field is optional in
 * {@link StartSandboxOptions.seed}: what is given replaces the default list.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEED, type SandboxSeed } from '@motcua/sandbox';
 * const seed: SandboxSeed = { ...DEFAULT_SEED, accounts: [{ username: 'thanhhoa', password: 'mat-khau' }] };
 * ```
 * @category Sandbox
 */
export interface SandboxSeed {
  /** Adapter accounts for the DVCQG login. */
  accounts: Array<{ username: string; password: string }>;
  /** Accepted `dstcode` header values; empty = any value of the form `VN:<class>:<member>:<service>`. */
  dstcodes: string[];
  /** The procedure catalogue (`LayThuTuc`, `LayDanhSachTTHC`). */
  procedures: DvcqgProcedure[];
  /** Agencies (`LayDanhMucCoQuan`). */
  agencies: SandboxAgency[];
  /** Fields (`LayDanhMucLinhVuc`). */
  fields: SandboxField[];
  /** Papers in the digitization store. */
  papers: SandboxStoredPaper[];
  /** Citizens in the population database. */
  citizens: SandboxCitizen[];
  /** Payment partners and their checksum secrets; `callbackUrl` receives payment confirmations. */
  paymentPartners: Array<{ MaDoiTac: string; secret: string; callbackUrl?: string | undefined }>;
  /** Bearer tokens the payment platform accepts; empty = any non-empty token. */
  paymentTokens: string[];
  /** LGSP client credentials. */
  lgspClients: Array<{ clientId: string; clientSecret: string }>;
}

/** A minimal one-page PDF ("Ban sao dien tu - sandbox"), base64. */
const SAMPLE_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj',
    '4 0 obj <</Length 52>> stream',
    'BT /F1 10 Tf 10 50 Td (Ban sao dien tu - sandbox) Tj ET',
    'endstream endobj',
    '5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj',
    'trailer <</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n'),
).toString('base64');

const procedure = (
  code: string,
  name: string,
  field: [string, string],
  agency: [string, string],
  result: [string, string],
  days: number,
  fee: number,
): DvcqgProcedure => ({
  MATTHC: code,
  TENTTHC: name,
  MACOQUANCONGBO: '000.00.00.G03',
  LINHVUCTHUCHIEN: [{ MALINHVUC: field[0], TENLINHVUC: field[1] }],
  TRINHTUTHUCHIEN: [
    {
      TRUONGHOP: '',
      TRINHTU: [
        { TENTRINHTU: 'Bước 1: Nộp hồ sơ tại Bộ phận Một cửa hoặc trên Cổng Dịch vụ công' },
        { TENTRINHTU: 'Bước 2: Cơ quan có thẩm quyền thẩm định, giải quyết' },
        { TENTRINHTU: 'Bước 3: Trả kết quả' },
      ],
    },
  ],
  CACHTHUCTHUCHIEN: [
    {
      KENH: '1',
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: String(days),
          DONVITINH: 'Ngày làm việc',
          MOTA: 'Trực tiếp',
          PHILEPHI: fee === 0 ? [] : [{ MAPHILEPHI: 'LP01', SOTIEN: String(fee), DONVI: 'Đồng', MOTA: 'Lệ phí' }],
        },
      ],
    },
    {
      KENH: '2',
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: String(days),
          DONVITINH: 'Ngày làm việc',
          MOTA: 'Trực tuyến',
          PHILEPHI: fee === 0 ? [] : [{ MAPHILEPHI: 'LP01', SOTIEN: String(fee), DONVI: 'Đồng', MOTA: 'Lệ phí' }],
        },
      ],
    },
  ],
  YEUCAU: 'Không',
  DOITUONGTHUCHIEN: [{ TENDOITUONG: 'Công dân Việt Nam' }],
  KETQUATHUCHIEN: [{ MAKETQUA: result[0], TENKETQUA: result[1] }],
  CANCUPHAPLY: [{ SOVANBAN: '61/2018/NĐ-CP', TENVANBAN: 'Nghị định về thực hiện cơ chế một cửa, một cửa liên thông' }],
  TRANGTHAI: '1',
  COQUANTHUCHIEN: [{ TENDONVI: agency[1], MADONVI: agency[0] }],
  THANHPHANHOSO: [
    {
      GIAYTO: [
        {
          MAGIAYTO: 'GT01',
          TENGIAYTO: 'Tờ khai / đơn đề nghị',
          TENMAUDON: 'Mẫu 01',
          URL: 'https://dichvucong.gov.vn/mau/01.docx',
        },
      ],
    },
  ],
});

/**
 * The default seed: one adapter account (`motcua` / `motcua-sandbox`), any well-formed
 * `dstcode`, three procedures (`1.001193`, `1.003560`, `2.000986`), four agencies, three
 * fields, one paper with a PDF in the digitization store, two citizens, the payment
 * partner `THANHHOA` (secret `sandbox-secret`) and the LGSP client `motcua` (secret
 * `sandbox-secret`). All content is illustrative.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEED } from '@motcua/sandbox';
 * DEFAULT_SEED.procedures.map((p) => p.MATTHC); // ['1.001193', '1.003560', '2.000986']
 * ```
 * @category Sandbox
 */
export const DEFAULT_SEED: SandboxSeed = {
  accounts: [{ username: 'motcua', password: 'motcua-sandbox' }],
  dstcodes: [],
  procedures: [
    procedure(
      '1.001193',
      'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
      ['G03-GD10', 'Giáo dục Trung học'],
      ['000.17.22.H56', 'Sở Giáo dục và Đào tạo tỉnh Thanh Hóa'],
      ['KQ.G03.10', 'Bản sao văn bằng, chứng chỉ'],
      3,
      20_000,
    ),
    procedure(
      '1.003560',
      'Đăng ký khai sinh',
      ['G17-HT01', 'Hộ tịch'],
      ['000.00.00.H56', 'UBND tỉnh Thanh Hóa'],
      ['KQ.G17.01', 'Giấy khai sinh'],
      1,
      0,
    ),
    procedure(
      '2.000986',
      'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      ['G17-LLTP', 'Lý lịch tư pháp'],
      ['000.00.00.H56', 'UBND tỉnh Thanh Hóa'],
      ['KQ.G17.20', 'Phiếu lý lịch tư pháp'],
      10,
      200_000,
    ),
  ],
  agencies: [
    { MADONVI: '000.00.00.G22', TENDONVI: 'Văn phòng Chính phủ', CAPDONVI: '1' },
    { MADONVI: '000.00.00.G03', TENDONVI: 'Bộ Giáo dục và Đào tạo', CAPDONVI: '1' },
    { MADONVI: '000.00.00.H56', TENDONVI: 'UBND tỉnh Thanh Hóa', CAPDONVI: '2' },
    { MADONVI: '000.17.22.H56', TENDONVI: 'Sở Giáo dục và Đào tạo tỉnh Thanh Hóa', CAPDONVI: '3' },
  ],
  fields: [
    { MALINHVUC: 'G03-GD10', TENLINHVUC: 'Giáo dục Trung học', MANGANH: 'G03' },
    { MALINHVUC: 'G17-HT01', TENLINHVUC: 'Hộ tịch', MANGANH: 'G17' },
    { MALINHVUC: 'G17-LLTP', TENLINHVUC: 'Lý lịch tư pháp', MANGANH: 'G17' },
  ],
  papers: [
    {
      owner: '038190012345',
      MaKetQua: 'KQ.G03.10',
      TenGiayTo: 'Bằng tốt nghiệp THPT',
      SoKyHieu: 'B0123456',
      CoQuanChuQuan: '000.00.00.H56',
      files: [
        {
          TenTep: 'bang-tot-nghiep.pdf',
          DuongDan: '/2024/09/ab12cd.pdf',
          content: SAMPLE_PDF,
          contentType: 'application/pdf',
        },
      ],
    },
  ],
  citizens: [
    {
      SoDinhDanh: '038190012345',
      Ho: 'Nguyễn',
      ChuDem: 'Thị',
      Ten: 'Lan',
      NgayThangNamSinh: '19900512',
      GioiTinh: '2',
      ThuongTru: {
        MaTinhThanh: '38',
        MaQuanHuyen: '',
        MaPhuongXa: '14755',
        TenTinhThanh: 'Thanh Hóa',
        TenQuanHuyen: '',
        TenPhuongXa: 'Phường Hạc Thành',
        ChiTiet: 'Số 5 Lê Lợi',
        QuocGia: 'VN',
      },
    },
    {
      SoDinhDanh: '038090012345',
      SoCMND: '172345678',
      Ho: 'Nguyễn',
      ChuDem: 'Văn',
      Ten: 'An',
      NgayThangNamSinh: '19900115',
      GioiTinh: '1',
    },
  ],
  paymentPartners: [{ MaDoiTac: 'THANHHOA', secret: 'sandbox-secret' }],
  paymentTokens: [],
  lgspClients: [{ clientId: 'motcua', clientSecret: 'sandbox-secret' }],
};
