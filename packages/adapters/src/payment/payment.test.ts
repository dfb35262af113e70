import { createHash } from 'node:crypto';
import { dvcqgPaymentInitSchema } from '@motcua/schemas/dvcqg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Reply, startServer, type TestServer } from '../../test/support/http-server.ts';
import { AdapterError, PortalError } from '../errors.ts';
import { callbackReplayKey, InMemoryReplayGuard, verifyPaymentCallback } from './callback.ts';
import { createPaymentClient } from './client.ts';
import { buildPaymentInit, buildPaymentQuery, paymentChecksum, paymentReference } from './messages.ts';

const partner = { partnerCode: 'THANHHOA', secret: 's3cret' };
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
const AT = new Date('2025-07-03T02:00:00Z'); // 09:00 in Vietnam

describe('MaXacThuc (§16.2)', () => {
  it('INIT: the 14 fields in order, then the secret; lower-case hex', () => {
    const init = buildPaymentInit(partner, {
      reference: 'dvc0000000H56250701000120250703090000',
      amount: 8000,
      description: 'Phí cấp bản sao trích lục',
      ip: '203.0.113.7',
      at: AT,
    });
    expect(Object.keys(init)).toEqual([
      'LoaiBanTin',
      'PhienBan',
      'MaDoiTac',
      'MaThamChieu',
      'SoTien',
      'LoaiHinhThanhToan',
      'MaKenhThanhToan',
      'MaThietBi',
      'NgonNgu',
      'MaTienTe',
      'MaNganHang',
      'ThongTinGiaoDich',
      'ThoiGianGD',
      'Ip',
      'MaXacThuc',
    ]);
    expect(init.ThoiGianGD).toBe('20250703090000');
    expect(init.MaXacThuc).toBe(
      sha(
        'INIT|1.0.6|THANHHOA|dvc0000000H56250701000120250703090000|8000|PAY|1|1|vi-VN|VND|PAYMENT|Phí cấp bản sao trích lục|20250703090000|203.0.113.7|s3cret',
      ),
    );
    expect(dvcqgPaymentInitSchema.safeParse(init).success).toBe(true);
  });

  it('QUERY and GET_BILL: five fields and the secret', () => {
    const q = buildPaymentQuery(partner, 'QUERY', 'dvc1', AT);
    expect(q.MaXacThuc).toBe(sha('QUERY|1.0.6|THANHHOA|dvc1|20250703090000|s3cret'));
    const b = buildPaymentQuery(partner, 'GET_BILL', 'dvc1', AT);
    expect(b.MaXacThuc).toBe(sha('GET_BILL|1.0.6|THANHHOA|dvc1|20250703090000|s3cret'));
  });

  it('the afternoon is 15, not 03 (24-hour ThoiGianGD)', () => {
    expect(buildPaymentQuery(partner, 'QUERY', 'dvc1', new Date('2025-07-03T08:00:00Z')).ThoiGianGD).toBe(
      '20250703150000',
    );
  });

  it('refuses a zero amount and builds Thanh Hóa references', () => {
    expect(() =>
      buildPaymentInit(partner, { reference: 'dvc1', amount: 0, description: 'x', ip: '203.0.113.7', at: AT }),
    ).toThrow(AdapterError);
    expect(paymentReference('000.00.00.H56-250701-0001', AT)).toBe('dvc0000000H56250701000120250703090000');
  });
});

function callback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const c: Record<string, unknown> = {
    LoaiBanTin: 'CONFIRM',
    MaLoi: '00',
    MaDoiTac: 'THANHHOA',
    MaThamChieu: 'dvc0000000H56250701000120250703090000',
    SoTien: '8000',
    MaTienTe: 'VND',
    MaGiaoDich: 'GD-778899',
    MaNganHang: 'VCB',
    ThoiGianGD: '20250703090512',
    ThongTinGiaoDich: 'Phí cấp bản sao trích lục',
    ...overrides,
  };
  c.MaXacThuc = paymentChecksum('CALLBACK', c, 's3cret');
  return c;
}

describe('confirm callback', () => {
  it('accepts a genuine callback once; the same reference again is a replay', async () => {
    const guard = new InMemoryReplayGuard();
    const body = callback();
    const first = await verifyPaymentCallback(body, { secret: 's3cret', partnerCode: 'THANHHOA', replayGuard: guard });
    expect(first).toMatchObject({ ok: true, paid: true });
    const again = await verifyPaymentCallback(body, { secret: 's3cret', replayGuard: guard });
    expect(again).toEqual({ ok: false, reason: 'REPLAYED' });
  });

  it('hashes the received values as they are (a number amount, upper-case checksum)', async () => {
    const body = callback({ SoTien: 8000 });
    body.MaXacThuc = String(body.MaXacThuc).toUpperCase();
    const v = await verifyPaymentCallback(body, { secret: 's3cret', replayGuard: new InMemoryReplayGuard() });
    expect(v.ok).toBe(true);
  });

  it('a tampered amount, a wrong secret or a wrong partner is refused', async () => {
    const guard = new InMemoryReplayGuard();
    const tampered = { ...callback(), SoTien: '80000' };
    expect(await verifyPaymentCallback(tampered, { secret: 's3cret', replayGuard: guard })).toEqual({
      ok: false,
      reason: 'CHECKSUM_MISMATCH',
    });
    expect(await verifyPaymentCallback(callback(), { secret: 'other', replayGuard: guard })).toMatchObject({
      reason: 'CHECKSUM_MISMATCH',
    });
    expect(
      await verifyPaymentCallback(callback(), { secret: 's3cret', partnerCode: 'HANOI', replayGuard: guard }),
    ).toMatchObject({ reason: 'PARTNER_MISMATCH' });
    // Forged callbacks did not fill the guard: the genuine one is still accepted.
    expect(await verifyPaymentCallback(callback(), { secret: 's3cret', replayGuard: guard })).toMatchObject({
      ok: true,
    });
  });

  it('a failed payment verifies but is not paid; a malformed one is refused with issues', async () => {
    const failed = await verifyPaymentCallback(callback({ MaLoi: '24' }), {
      secret: 's3cret',
      replayGuard: new InMemoryReplayGuard(),
    });
    expect(failed).toMatchObject({ ok: true, paid: false });
    const bad = await verifyPaymentCallback(
      { MaLoi: '00' },
      { secret: 's3cret', replayGuard: new InMemoryReplayGuard() },
    );
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.reason).toBe('MALFORMED');
    expect(await verifyPaymentCallback('x', { secret: 's', replayGuard: new InMemoryReplayGuard() })).toMatchObject({
      reason: 'MALFORMED',
    });
  });

  it('the in-memory guard forgets after the window and stays bounded', async () => {
    let now = Date.parse('2025-07-03T00:00:00Z');
    const guard = new InMemoryReplayGuard({ maxEntries: 2, now: () => new Date(now) });
    const until = (ms: number) => new Date(now + ms);
    expect(await guard.remember('a', until(1000))).toBe(true);
    expect(await guard.remember('a', until(1000))).toBe(false);
    now += 2000;
    expect(await guard.remember('a', until(1000))).toBe(true);
    expect(await guard.remember('b', until(5000))).toBe(true);
    expect(await guard.remember('c', until(9000))).toBe(true); // evicts the soonest to expire
    expect(callbackReplayKey({ MaThamChieu: 'r', MaGiaoDich: null })).toBe('r\u0000');
  });
});

describe('payment client', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(handler: (path: string, body: Record<string, unknown>, i: number) => Reply) {
    server = await startServer((r, i) => handler(r.path, r.json as Record<string, unknown>, i));
    const url = server.url;
    return createPaymentClient({
      initUrl: `${url}/init`,
      queryUrl: `${url}/query`,
      receiptUrl: `${url}/receipt`,
      accessToken: async () => 'tok-pay',
      partner,
      sleep: async () => {},
    });
  }

  it('INIT: sends the signed message with the bearer token; reads UrlThanhToan from the JSON in message', async () => {
    const client = await start(() => ({
      json: { error_code: '0', message: JSON.stringify({ UrlThanhToan: 'https://thanhtoan.dichvucong.gov.vn/p/abc' }) },
    }));
    const r = await client.init({ reference: 'dvc1', amount: 8000, description: 'Phi', ip: '203.0.113.7' });
    expect(r.paymentUrl).toBe('https://thanhtoan.dichvucong.gov.vn/p/abc');
    const sent = server!.requests[0]!;
    expect(sent.headers.authorization).toBe('Bearer tok-pay');
    expect((sent.json as { MaXacThuc: string }).MaXacThuc).toBe(r.request.MaXacThuc);
  });

  it('INIT is not retried on a 500 (it may have created a transaction)', async () => {
    const client = await start(() => ({ status: 500, text: 'boom' }));
    await expect(
      client.init({ reference: 'dvc1', amount: 8000, description: 'x', ip: '1.2.3.4' }),
    ).rejects.toMatchObject({
      code: 'PORTAL_HTTP',
    });
    expect(server!.requests).toHaveLength(1);
  });

  it('INIT: a rejection and an answer without a URL', async () => {
    const client = await start((_p, _b, i) =>
      i === 0 ? { json: { error_code: '12', message: 'Sai mã đối tác' } } : { json: { error_code: 0, message: '{}' } },
    );
    await expect(client.init({ reference: 'r', amount: 1, description: 'x', ip: '1.2.3.4' })).rejects.toMatchObject({
      code: 'PORTAL_REJECTED',
      errorCode: '12',
    });
    await expect(client.init({ reference: 'r', amount: 1, description: 'x', ip: '1.2.3.4' })).rejects.toMatchObject({
      code: 'PORTAL_BAD_RESPONSE',
    });
  });

  it('QUERY is retried on 503 and reads MaLoi / TrangThaiGD, plain or inside message', async () => {
    const client = await start((_p, body, i) => {
      if (i === 0) return { status: 503 };
      if (i === 1)
        return { json: { MaLoi: '00', MoTaLoi: 'Thành công', TrangThaiGD: '1', MaThamChieu: body.MaThamChieu } };
      return { json: { error_code: 0, message: JSON.stringify({ MaLoi: '24', TrangThaiGD: 2 }) } };
    });
    expect(await client.query('dvc1')).toMatchObject({ code: '00', ok: true, transactionStatus: '1' });
    expect(await client.query('dvc1')).toMatchObject({ code: '24', ok: false, transactionStatus: 2 });
    expect((server!.requests[1]!.json as { LoaiBanTin: string }).LoaiBanTin).toBe('QUERY');
  });

  it('GET_BILL returns the PDF bytes; a JSON error is a rejection', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const client = await start((_p, _b, i) =>
      i === 0
        ? { bytes: pdf, headers: { 'content-type': 'application/pdf' } }
        : { json: { error_code: '5', message: 'Không tìm thấy giao dịch' } },
    );
    expect(await client.getBill('dvc1')).toEqual(pdf);
    const error = await client.getBill('dvc2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).code).toBe('PORTAL_REJECTED');
  });
});
