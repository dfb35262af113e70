import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../errors.ts';
import { crc16CcittFalse, encodeTlv, parseTlv } from './tlv.ts';
import { decodeVietQr, encodeVietQr, toVietQrText, type VietQrInput } from './vietqr.ts';

/** NAPAS "QR_Format_T&C_v1.0_VN_092021.pdf" §6.1.1–6.1.4 (vietqr.md §5.1). */
const VECTORS = {
  '6.1.1': {
    body: '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304',
    crc: 'F4E5',
  },
  '6.1.2': {
    body: '00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN6304',
    crc: '4F52',
  },
  '6.1.3': {
    body: '00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang6304',
    crc: '2E2E',
  },
  '6.1.4': {
    body: '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304',
    crc: 'A203',
  },
} as const;

describe('CRC-16/CCITT-FALSE', () => {
  it('check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it.each(Object.entries(VECTORS))('NAPAS vector %s', (_name, v) => {
    expect(crc16CcittFalse(v.body)).toBe(v.crc);
  });
});

describe('NAPAS vectors: decode', () => {
  it('6.1.1: CRC and root TLV are right, but the tag-38 beneficiary template is malformed (vietqr.md §5.3)', () => {
    const payload = VECTORS['6.1.1'].body + VECTORS['6.1.1'].crc;
    const root = parseTlv(payload);
    expect(root.ok).toBe(true);
    expect(root.ok && root.fields.map((f) => f.id)).toEqual(['00', '01', '38', '53', '58', '63']);
    const r = decodeVietQr(payload);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('TEMPLATE_MALFORMED');
    // The position points into tag 38 → 01 (offset 38 = start of its value).
    expect(!r.ok && r.error.position).toBeGreaterThan(30);
  });

  it('6.1.2: static, card', () => {
    const r = decodeVietQr(VECTORS['6.1.2'].body + VECTORS['6.1.2'].crc);
    expect(r.ok && r.value).toMatchObject({
      initiation: 'static',
      bankBin: '970403',
      accountNumber: '9704031101234567',
      service: 'card',
      serviceCode: 'QRIBFTTC',
      currency: '704',
      country: 'VN',
      additional: {},
      crc: '4F52',
    });
    expect(r.ok && r.value.amount).toBeUndefined();
  });

  it('6.1.3: dynamic, account (decoded as in vietqr.md §5.2)', () => {
    const r = decodeVietQr(VECTORS['6.1.3'].body + VECTORS['6.1.3'].crc);
    expect(r.ok && r.value).toMatchObject({
      initiation: 'dynamic',
      bankBin: '970403',
      accountNumber: '0011012345678',
      service: 'account',
      currency: '704',
      amount: 180000,
      country: 'VN',
      additional: { billNumber: 'NPS6869', purpose: 'thanh toan don hang' },
      crc: '2E2E',
    });
  });

  it('6.1.4: dynamic, card', () => {
    const r = decodeVietQr(VECTORS['6.1.4'].body + VECTORS['6.1.4'].crc);
    expect(r.ok && r.value).toMatchObject({
      initiation: 'dynamic',
      accountNumber: '9704031101234567',
      service: 'card',
      amount: 180000,
      additional: { billNumber: 'NPS6869', purpose: 'thanh toan don hang' },
    });
  });

  it('the CRC is compared case-insensitively', () => {
    const r = decodeVietQr(`${VECTORS['6.1.4'].body}a203`);
    expect(r.ok).toBe(true);
  });
});

describe('NAPAS vectors: encode', () => {
  it('reproduces 6.1.2, 6.1.3 and 6.1.4 byte for byte', () => {
    expect(encodeVietQr({ bankBin: '970403', accountNumber: '9704031101234567', service: 'card' })).toBe(
      VECTORS['6.1.2'].body + VECTORS['6.1.2'].crc,
    );
    const additional = { billNumber: 'NPS6869', purpose: 'thanh toan don hang' };
    expect(encodeVietQr({ bankBin: '970403', accountNumber: '0011012345678', amount: 180000, additional })).toBe(
      VECTORS['6.1.3'].body + VECTORS['6.1.3'].crc,
    );
    expect(
      encodeVietQr({
        bankBin: '970403',
        accountNumber: '9704031101234567',
        service: 'card',
        amount: 180000,
        additional,
      }),
    ).toBe(VECTORS['6.1.4'].body + VECTORS['6.1.4'].crc);
  });

  it('6.1.1 encoded correctly has the account length 13 (0113…)', () => {
    const qr = encodeVietQr({ bankBin: '970403', accountNumber: '0011012345678' });
    expect(qr).toContain('01130011012345678');
    expect(decodeVietQr(qr).ok).toBe(true);
  });

  it('refuses values it would have to cut or change', () => {
    const base: VietQrInput = { bankBin: '970403', accountNumber: '0011012345678' };
    expect(() => encodeVietQr({ ...base, bankBin: '97040' })).toThrow(AdapterError);
    expect(() => encodeVietQr({ ...base, accountNumber: '1'.repeat(20) })).toThrow(AdapterError);
    expect(() => encodeVietQr({ ...base, amount: 1.5 })).toThrow(AdapterError);
    expect(() => encodeVietQr({ ...base, amount: 10 ** 13 })).toThrow(/13 characters/);
    expect(() => encodeVietQr({ ...base, additional: { purpose: 'Lệ phí' } })).toThrow(/ASCII/);
    expect(() => encodeVietQr({ ...base, additional: { purpose: 'x'.repeat(26) } })).toThrow(/25/);
  });

  it('memo text without diacritics', () => {
    expect(toVietQrText('Lệ phí hộ tịch – Đặng Thị Ánh')).toBe('Le phi ho tich Dang Thi A');
    expect(toVietQrText('Phí HS 000.00.00.H56-250701-0001', 40)).toBe('Phi HS 000 00 00 H56 250701 0001');
  });
});

describe('decode: errors', () => {
  const good = VECTORS['6.1.3'].body + VECTORS['6.1.3'].crc;
  it('reports each failure with its code', () => {
    expect(decodeVietQr('Lệ phí')).toMatchObject({ ok: false, error: { code: 'NOT_ASCII' } });
    expect(decodeVietQr('000201010')).toMatchObject({ ok: false, error: { code: 'TLV_MALFORMED' } });
    expect(decodeVietQr('000201')).toMatchObject({ ok: false, error: { code: 'CRC_NOT_LAST' } });
    expect(decodeVietQr(`${good.slice(0, -1)}F`)).toMatchObject({ ok: false, error: { code: 'CRC_MISMATCH' } });
    const noGuid = `${encodeTlv([
      { id: '00', value: '01' },
      { id: '01', value: '11' },
      { id: '53', value: '704' },
    ])}6304`;
    expect(decodeVietQr(noGuid + crc16CcittFalse(noGuid))).toMatchObject({ ok: false, error: { code: 'NOT_VIETQR' } });
  });

  it('keeps unknown tags', () => {
    const body = `${encodeTlv([
      { id: '00', value: '01' },
      { id: '01', value: '11' },
      { id: '38', value: '0010A00000072701270006970403011300110123456780208QRIBFTTA' },
      { id: '53', value: '704' },
      { id: '58', value: 'VN' },
      { id: '80', value: 'x-extension' },
    ])}6304`;
    const r = decodeVietQr(body + crc16CcittFalse(body));
    expect(r.ok && r.value.fields.find((f) => f.id === '80')?.value).toBe('x-extension');
  });
});

const printable = (max: number, min = 1) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: min,
    maxLength: max,
  });

const input: fc.Arbitrary<VietQrInput> = fc
  .record(
    {
      bankBin: fc.integer({ min: 100_000, max: 999_999 }).map(String),
      accountNumber: fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
      service: fc.constantFrom('account' as const, 'card' as const),
      amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
      merchantName: printable(25),
      merchantCity: printable(15),
      additional: fc.record(
        {
          billNumber: printable(25),
          purpose: printable(25),
          terminalLabel: printable(25),
          mobileNumber: printable(25),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['bankBin', 'accountNumber'] },
  )
  .map((r) => r as VietQrInput);

describe('VietQR properties', () => {
  it('encode → decode gives the input back', () => {
    fc.assert(
      fc.property(input, (i) => {
        const qr = encodeVietQr(i);
        const r = decodeVietQr(qr);
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        expect(r.value.bankBin).toBe(i.bankBin);
        expect(r.value.accountNumber).toBe(i.accountNumber);
        expect(r.value.service).toBe(i.service ?? 'account');
        expect(r.value.amount).toBe(i.amount);
        expect(r.value.initiation).toBe(i.amount === undefined ? 'static' : 'dynamic');
        expect(r.value.merchantName).toBe(i.merchantName);
        expect(r.value.merchantCity).toBe(i.merchantCity);
        expect(r.value.additional).toEqual(i.additional ?? {});
      }),
      { numRuns: 500 },
    );
  });

  it('any single-byte corruption is detected by the CRC or the TLV parse', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.integer({ min: 0x00, max: 0x7f }), (i, at, byte) => {
        const qr = encodeVietQr(i);
        const pos = at % qr.length;
        const original = qr.charCodeAt(pos);
        fc.pre(byte !== original);
        // Changing the case of a CRC hex digit is not a corruption: the CRC is compared
        // case-insensitively (vietqr.md §6).
        const inCrc = pos >= qr.length - 4;
        fc.pre(!(inCrc && String.fromCharCode(byte).toUpperCase() === qr.charAt(pos).toUpperCase()));
        const corrupted = qr.slice(0, pos) + String.fromCharCode(byte) + qr.slice(pos + 1);
        const r = decodeVietQr(corrupted);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
