// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { readdirSync, readFileSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: the test reads fixtures from disk
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../registry.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/dvcqg');
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

type Expect = [kind: string, errors: Array<[code: string, path: string]>];

/** Every fixture, the kind it is validated as, and the exact errors expected (none for `valid-…`). */
const FIXTURES: Record<string, Expect> = {
  'valid-online-dossier.json': ['dvcqg-dossier', []],
  'valid-in-person-dossier.json': ['dvcqg-dossier', []],
  'valid-dong-bo-ho-so-request.json': ['dvcqg-dossier', []],
  'valid-progress-rows.json': ['dvcqg-progress', []],
  'valid-cap-nhat-tien-do-request.json': ['dvcqg-progress', []],
  'valid-lay-thu-tuc-response.json': ['dvcqg-procedure', []],
  'valid-kho-so-hoa-request.json': ['dvcqg-kho-so-hoa-request', []],
  'valid-kho-so-hoa-response.json': ['dvcqg-kho-so-hoa-response', []],
  'valid-kho-so-hoa-file-request.json': ['dvcqg-kho-so-hoa-file-request', []],
  'valid-dan-cu-request.json': ['dvcqg-dan-cu-request', []],
  'valid-payment-init.json': ['dvcqg-payment-init', []],
  'valid-payment-query.json': ['dvcqg-payment-query', []],
  'valid-payment-get-bill.json': ['dvcqg-payment-query', []],
  'valid-payment-callback.json': ['dvcqg-payment-callback', []],
  'valid-login-response.json': ['dvcqg-login-response', []],
  'valid-response-already-exists.json': ['dvcqg-response', []],
  'invalid-owner-id-mismatch.json': ['dvcqg-dossier', [['DVCQG_OWNER_ID_MISMATCH', 'DinhDanhCHS.0.SoDinhDanh']]],
  'invalid-owner-id-placeholder.json': ['dvcqg-dossier', [['DVCQG_OWNER_ID_PLACEHOLDER', 'DinhDanhCHS.0.SoDinhDanh']]],
  'invalid-due-before-received.json': ['dvcqg-dossier', [['DVCQG_DUE_BEFORE_RECEIVED', 'NgayHenTra']]],
  'invalid-returned-without-date.json': ['dvcqg-dossier', [['DVCQG_RETURNED_WITHOUT_DATE', 'NgayTra']]],
  'invalid-returned-before-received.json': ['dvcqg-dossier', [['DVCQG_DATE_BEFORE_RECEIVED', 'NgayTra']]],
  'invalid-received-date-required.json': ['dvcqg-dossier', [['DVCQG_RECEIVED_DATE_REQUIRED', 'NgayTiepNhan']]],
  'invalid-status-not-in-list.json': ['dvcqg-dossier', [['VALUE_NOT_ALLOWED', 'TrangThaiHoSo']]],
  'invalid-date-not-real.json': ['dvcqg-dossier', [['DATE_INVALID', 'NgayTiepNhan']]],
  'invalid-reuse-without-result-code.json': [
    'dvcqg-dossier',
    [['DVCQG_REUSE_WITHOUT_RESULT_CODE', 'TaiLieuNop.1.MaKetQuaThayThe']],
  ],
  'invalid-file-link-relative.json': ['dvcqg-dossier', [['URL_INVALID', 'TaiLieuNop.0.DuongDanTaiTepTin']]],
  'invalid-file-link-javascript.json': [
    'dvcqg-dossier',
    [['URL_INVALID', 'DanhSachGiayToKetQua.0.DuongDanTepTinKetQua']],
  ],
  'invalid-fee-negative.json': ['dvcqg-dossier', [['DVCQG_AMOUNT_INVALID', 'DanhSachLePhi.0.Gia']]],
  'invalid-is-deleted-value.json': ['dvcqg-dossier', [['DVCQG_BOOL_INVALID', 'TaiLieuNop.0.IsDeleted']]],
  'invalid-request-madonvi.json': ['dvcqg-dossier', [['ID_AGENCY_FORMAT', 'madonvi']]],
  'invalid-progress-step-end-before-start.json': [
    'dvcqg-progress',
    [['DVCQG_STEP_END_BEFORE_START', 'NgayKetThucTheoQuyDinh']],
  ],
  'invalid-login-success-without-session.json': ['dvcqg-login-response', [['DVCQG_LOGIN_SESSION_MISSING', 'session']]],
  'invalid-payment-init-checksum.json': ['dvcqg-payment-init', [['DVCQG_CHECKSUM_FORMAT', 'MaXacThuc']]],
  'invalid-dan-cu-without-id.json': ['dvcqg-dan-cu-request', [['DVCQG_POPULATION_ID_MISSING', 'SoDinhDanh']]],
};

describe('dvcqg fixtures', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const [file, [kind, errors]] of Object.entries(FIXTURES)) {
    it(`${file} as ${kind}`, () => {
      const r = validate(kind, load(file), { lang: 'en' });
      const got = r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path]);
      expect(got).toEqual(errors);
      expect(r.ok).toBe(errors.length === 0);
      if (file.startsWith('valid-')) expect(r.issues).toEqual([]);
      // The invalid dossier fixtures are the valid online dossier with one rule broken.
      if (file.startsWith('invalid-') && kind === 'dvcqg-dossier') expect(r.issues).toHaveLength(1);
    });
  }

  it('a request reports item paths under data.<i>', () => {
    const req = load('valid-dong-bo-ho-so-request.json') as { data: Array<Record<string, unknown>> };
    const second = req.data[1];
    if (second === undefined) throw new Error('fixture has two dossiers');
    second.DinhDanhCHS = [{ LoaiDinhDanh: '2', SoDinhDanh: '038085004321' }];
    const r = validate('dvcqg-dossier', req);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['DVCQG_OWNER_ID_MISMATCH', 'data.1.DinhDanhCHS.0.SoDinhDanh'],
    ]);
  });

  it('an array reports item paths under <i>, and returns the parsed items', () => {
    const d = load('valid-in-person-dossier.json');
    const bad = { ...(load('valid-online-dossier.json') as object), NgayHenTra: '20250630170000' };
    const r = validate('dvcqg-dossier', [d, d, d, bad]);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.path)).toEqual(['3.NgayHenTra']);
    const ok = validate('dvcqg-dossier', [d, d]);
    expect(ok.ok).toBe(true);
    expect(Array.isArray(ok.value)).toBe(true);
    expect((ok.value as Array<{ TrangThaiHoSo: string }>)[0]?.TrangThaiHoSo).toBe('4');
  });

  it('a request returns the array of parsed dossiers', () => {
    const r = validate('dvcqg-dossier', load('valid-dong-bo-ho-so-request.json'));
    expect(r.ok).toBe(true);
    expect((r.value as unknown[]).length).toBe(2);
  });

  it('a LayThuTuc answer reports item paths under result.<i>', () => {
    const res = load('valid-lay-thu-tuc-response.json') as { result: Array<Record<string, unknown>> };
    const rec = res.result[0];
    if (rec === undefined) throw new Error('fixture has one record');
    rec.CACHTHUCTHUCHIEN = [{ KENH: '9' }];
    const r = validate('dvcqg-procedure', res);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['VALUE_NOT_ALLOWED', 'result.0.CACHTHUCTHUCHIEN.0.KENH']]);
  });

  it('normalises the lenient forms of the in-person fixture', () => {
    const r = validate('dvcqg-dossier', load('valid-in-person-dossier.json'));
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({
      KenhThucHien: '1',
      LoaiDoiTuong: '1',
      TrangThaiHoSo: '4',
      HinhThuc: '0',
      HoSoCoThanhPhanSoHoa: '1',
      TaiKhoanDuocXacThucVoiVNeID: '0',
      TaiLieuNop: [
        { IsDeleted: false, DuocSoHoa: '1', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0', TepDinhKemId: 40213 },
        { IsDeleted: true, DuocSoHoa: '0' },
      ],
      DanhSachLePhi: [{ HinhThucThu: '4', Gia: 20000, LoaiPhiLePhi: '1' }],
      DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: '172345678' }],
      DSKetNoiCSDL: [{ MaCSDL: '7' }],
    });
  });

  it('keeps vendor extras', () => {
    const r = validate('dvcqg-dossier', load('valid-online-dossier.json'));
    expect((r.value as Record<string, unknown>).MaPhanMemMotCua).toBe('IGATE-TH');
  });
});

describe('examples/data/dvcqg-sample-batch.json (the demo batch)', () => {
  it('has two dossiers with errors and two with only 766 warnings', () => {
    const file = join(import.meta.dirname, '../../../../examples/data/dvcqg-sample-batch.json');
    const batch = JSON.parse(readFileSync(file, 'utf8')) as { data: unknown[] };
    expect(batch.data).toHaveLength(8);
    const r = validate('dvcqg-dossier', batch);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.severity, i.path, i.code])).toEqual([
      ['error', 'data.4.DinhDanhCHS.0.SoDinhDanh', 'DVCQG_OWNER_ID_MISMATCH'],
      ['error', 'data.5.NgayHenTra', 'DVCQG_DUE_BEFORE_RECEIVED'],
      ['warning', 'data.6.DanhSachGiayToKetQua', 'DVCQG_NO_E_RESULT'],
      ['warning', 'data.6.DuocThanhToanTrucTuyen', 'DVCQG_FEE_NOT_PAID_ONLINE'],
      ['warning', 'data.7.KenhThucHien', 'DVCQG_CHANNEL_MISSING'],
      ['warning', 'data.7.NgayHenTra', 'DVCQG_DUE_DATE_MISSING'],
      ['warning', 'data.7.HoSoCoThanhPhanSoHoa', 'DVCQG_NO_DIGITIZED_COMPONENT'],
      ['warning', 'data.7.DanhSachHoSoBoSung', 'DVCQG_MULTIPLE_SUPPLEMENTS'],
    ]);
  });
});
