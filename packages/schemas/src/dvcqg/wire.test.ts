import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../registry.ts';
import { isAlreadyExists, isDvcqgSuccess } from './envelope.ts';
import { isFileLink } from './file-link.ts';
import { isDvcqgLoginSuccess } from './login.ts';
import { DVCQG_PAYMENT_CHECKSUM_FIELDS, isDvcqgPaymentSuccess, paymentChecksumInput } from './thanh-toan.ts';
import { parseWireAmount, wireAmountSchema } from './wire-amount.ts';
import { parseWireBool, wireBoolSchema, wireFlagSchema } from './wire-bool.ts';
import {
  formatWireDate,
  isWireDate,
  parseWireDate,
  type WireDateParts,
  wireDateFromInstant,
  wireDateToInstant,
} from './wire-date.ts';

describe('wire dates (yyyyMMddHHmmss)', () => {
  it('parses real instants', () => {
    expect(parseWireDate('20250701083000')).toEqual({ year: 2025, month: 7, day: 1, hour: 8, minute: 30, second: 0 });
    expect(parseWireDate('20240229235959')).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
  });

  it.each([
    ['20251301083000', 'month 13'],
    ['20250230083000', '30 February'],
    ['20250229083000', '29 February in a common year'],
    ['21000229000000', '29 February 2100 (not a leap year)'],
    ['20250431000000', '31 April'],
    ['20250701240000', 'hour 24'],
    ['20250701236000', 'minute 60'],
    ['20250701235960', 'second 60'],
    ['20250700083000', 'day 0'],
    ['00010101000000', 'C# default(DateTime)'],
    ['2025070108300', '13 digits'],
    ['202507010830000', '15 digits'],
    ['2025-07-01T08:30', 'ISO'],
    ['2025070108300a', 'a letter'],
    ['２０２５０７０１０８３０００', 'full-width digits'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(parseWireDate(s)).toBeUndefined();
    expect(isWireDate(s)).toBe(false);
  });

  it('rejects non-strings without throwing', () => {
    for (const v of [null, undefined, 20250701083000, {}, [], true]) expect(parseWireDate(v)).toBeUndefined();
  });

  it('formats and round-trips over every real instant (property)', () => {
    const instant = fc.date({
      min: new Date('1900-01-01T00:00:00+07:00'),
      max: new Date('2999-12-31T23:59:59+07:00'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const s = wireDateFromInstant(d);
        expect(s).toMatch(/^[0-9]{14}$/);
        const parts = parseWireDate(s);
        expect(parts).toBeDefined();
        expect(formatWireDate(parts as WireDateParts)).toBe(s);
        expect(wireDateToInstant(s)?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });

  it('rejects calendar dates that do not exist (property)', () => {
    const bad = fc
      .record({
        year: fc.integer({ min: 1900, max: 2999 }),
        month: fc.integer({ min: 0, max: 99 }),
        day: fc.integer({ min: 0, max: 99 }),
        hour: fc.integer({ min: 0, max: 99 }),
        minute: fc.integer({ min: 0, max: 99 }),
        second: fc.integer({ min: 0, max: 99 }),
      })
      .filter((p) => {
        const d = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
        const real =
          p.month >= 1 &&
          p.month <= 12 &&
          p.hour <= 23 &&
          p.minute <= 59 &&
          p.second <= 59 &&
          d.getUTCMonth() === p.month - 1 &&
          d.getUTCDate() === p.day;
        return !real;
      });
    fc.assert(
      fc.property(bad, (p) => {
        const pad = (n: number, w: number) => String(n).padStart(w, '0');
        const s = `${p.year}${pad(p.month, 2)}${pad(p.day, 2)}${pad(p.hour, 2)}${pad(p.minute, 2)}${pad(p.second, 2)}`;
        expect(parseWireDate(s)).toBeUndefined();
        expect(() => formatWireDate(p)).toThrow(RangeError);
      }),
    );
  });

  it('formatWireDate refuses non-integers and out-of-range years', () => {
    expect(() => formatWireDate({ year: 2025, month: 7, day: 1.5, hour: 0, minute: 0, second: 0 })).toThrow(RangeError);
    expect(() => formatWireDate({ year: 1899, month: 12, day: 31, hour: 0, minute: 0, second: 0 })).toThrow(RangeError);
    expect(() => wireDateFromInstant(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('uses Vietnam time (UTC+07:00)', () => {
    expect(wireDateFromInstant(new Date('2025-06-30T17:00:00Z'))).toBe('20250701000000');
  });
});

describe('boolean-like fields (IsDeleted, isUpdating, 0/1 flags)', () => {
  const truthy = ['True', 'true', 'TRUE', 'tRuE', '1', 1, true];
  const falsy = ['False', 'false', 'FALSE', 'fAlSe', '0', 0, false];
  it.each(truthy.map((v) => [v]))('reads %j as true', (v) => {
    expect(parseWireBool(v)).toBe(true);
    expect(wireBoolSchema.parse(v)).toBe(true);
    expect(wireFlagSchema.parse(v)).toBe('1');
  });
  it.each(falsy.map((v) => [v]))('reads %j as false', (v) => {
    expect(parseWireBool(v)).toBe(false);
    expect(wireBoolSchema.parse(v)).toBe(false);
    expect(wireFlagSchema.parse(v)).toBe('0');
  });
  it.each([['yes'], ['có'], [2], [-1], ['T'], [''], [' true'], [null], [{}], [[]]])('rejects %j', (v) => {
    expect(parseWireBool(v)).toBeUndefined();
    expect(wireBoolSchema.safeParse(v).success).toBe(false);
  });
  it('IsDeleted variants inside a dossier normalise to booleans', () => {
    for (const [v, b] of [...truthy.map((v) => [v, true] as const), ...falsy.map((v) => [v, false] as const)]) {
      const r = validate('dvcqg-dossier', {
        MaHoSo: '000.00.00.H56-250701-0001',
        MaTTHC: '1.001193',
        TrangThaiHoSo: '2',
        NgayTiepNhan: '20250701083000',
        TaiLieuNop: [{ IsDeleted: v }],
      });
      expect(r.ok).toBe(true);
      expect((r.value as { TaiLieuNop: Array<{ IsDeleted: boolean }> }).TaiLieuNop[0]?.IsDeleted).toBe(b);
    }
  });
});

describe('amounts', () => {
  it('accepts whole VND as numbers or digit strings', () => {
    expect(parseWireAmount(0)).toBe(0);
    expect(parseWireAmount('50000')).toBe(50000);
    expect(wireAmountSchema.parse('50000')).toBe(50000);
  });
  it.each([
    [-1],
    [1.5],
    ['1.5'],
    ['150.000'],
    ['1e5'],
    ['-5'],
    [' 5'],
    [''],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [2 ** 53],
    ['99999999999999999'],
    [null],
    [true],
  ])('rejects %j', (v) => {
    expect(parseWireAmount(v)).toBeUndefined();
  });
});

describe('file links', () => {
  it.each([
    'https://dichvucong.thanhhoa.gov.vn/tep/8f1c2a?download=true',
    'http://10.0.0.5:8080/documents/123/abc.pdf',
    'HTTPS://motcua.example.gov.vn/tệp/đơn đề nghị.pdf'.replaceAll(' ', '%20'),
    'https://user@files.example.vn/a',
  ])('accepts %s', (s) => expect(isFileLink(s)).toBe(true));
  it.each([
    'javascript:alert(1)',
    '/tep/8f1c2a',
    'tep/8f1c2a.pdf',
    'file:///C:/tep.pdf',
    'ftp://files.example.vn/a.pdf',
    'data:application/pdf;base64,AAAA',
    'https://',
    'https:///path',
    'https://host name/a',
    'https://files.example.vn/a b.pdf',
    'https://files.example.vn/a\u0000b',
    '//files.example.vn/a.pdf',
  ])('rejects %j', (s) => expect(isFileLink(s)).toBe(false));
});

describe('envelope leniencies (dvcqg-wire.md §2.2)', () => {
  it.each([[0], ['0'], ['00']])('%j is success', (c) => expect(isDvcqgSuccess(c)).toBe(true));
  it.each([[1], ['1'], ['000'], [''], [null], [undefined], [-3], ['-3'], [false], [' 0']])('%j is not success', (c) =>
    expect(isDvcqgSuccess(c)).toBe(false),
  );
  it('already exists: 3/-3 (number or string) plus "đã tồn tại", NFC and case insensitive', () => {
    for (const c of [3, -3, '3', '-3']) expect(isAlreadyExists(c, 'Hồ sơ đã tồn tại')).toBe(true);
    expect(isAlreadyExists('-3', 'Đã tồn tại hồ sơ'.normalize('NFD'))).toBe(true);
    expect(isAlreadyExists('-3', 'Hồ sơ đã tồn tại'.normalize('NFD'))).toBe(true);
    expect(isAlreadyExists('3', 'Lỗi hệ thống')).toBe(false);
    expect(isAlreadyExists('4', 'Hồ sơ đã tồn tại')).toBe(false);
    expect(isAlreadyExists('-3', undefined)).toBe(false);
    expect(isAlreadyExists(0, 'đã tồn tại')).toBe(false);
  });
  it('every error_code variant is a well-formed response; a missing one is not', () => {
    for (const c of [0, '0', '00', -3, '3', 'E01']) expect(validate('dvcqg-response', { error_code: c }).ok).toBe(true);
    const r = validate('dvcqg-response', { message: 'x' });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['REQUIRED', 'error_code']]);
  });
  it('login success needs error_code 0 and a session', () => {
    expect(isDvcqgLoginSuccess({ session: 's', error_code: '00' })).toBe(true);
    expect(isDvcqgLoginSuccess({ session: '', error_code: 0 })).toBe(false);
    expect(isDvcqgLoginSuccess({ session: 's', error_code: 1 })).toBe(false);
    expect(isDvcqgLoginSuccess(null)).toBe(false);
    expect(validate('dvcqg-login-response', { error_code: 401, message: 'Sai mật khẩu' }).ok).toBe(true);
  });
});

describe('payment platform', () => {
  it('builds checksum inputs in the documented order', () => {
    const q = {
      LoaiBanTin: 'QUERY',
      PhienBan: '1.0.6',
      MaDoiTac: 'THANHHOA',
      MaThamChieu: 'dvc01',
      ThoiGianGD: '20250701091500',
    };
    expect(paymentChecksumInput('QUERY', q, 'bi-mat')).toBe('QUERY|1.0.6|THANHHOA|dvc01|20250701091500|bi-mat');
    expect(DVCQG_PAYMENT_CHECKSUM_FIELDS.INIT).toHaveLength(14);
    expect(paymentChecksumInput('CALLBACK', { LoaiBanTin: 'X', SoTien: 20000 }, 's')).toBe('X||||20000||||||s');
  });
  it('MaLoi "00" is success', () => {
    expect(isDvcqgPaymentSuccess('00')).toBe(true);
    expect(isDvcqgPaymentSuccess('07')).toBe(false);
  });
});
