import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paymentChecksumInput } from '@motcua/schemas/dvcqg';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultPlan, parseFaults, resolveFaults, type Sandbox, startSandbox } from '../src/index.ts';

const MADONVI = '000.00.00.H56';
const CODE = '000.00.00.H56-250701-0001';
const dossier = (status: string, extra: Record<string, unknown> = {}) => ({
  MaHoSo: CODE,
  MaTTHC: '1.001193',
  TrangThaiHoSo: status,
  NgayTiepNhan: '20250701083000',
  ...extra,
});

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  sandbox = await startSandbox(options);
  return sandbox;
}

async function post(
  s: Sandbox,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', dstcode: s.dvcqg.dstcode, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

async function session(s: Sandbox): Promise<string> {
  const r = await post(s, '/mapi/login', { username: s.dvcqg.username, password: s.dvcqg.password });
  expect(r.json.error_code).toBe(0);
  return r.json.session as string;
}

function call(s: Sandbox, sess: string, service: string, params: Record<string, unknown> = {}) {
  return post(s, '/mapi/service', { session: sess, madonvi: MADONVI, service, ...params });
}

describe('DVCQG adapter protocol', () => {
  it('logs in, and refuses wrong credentials and a missing dstcode', async () => {
    const s = await start();
    expect(typeof (await session(s))).toBe('string');
    const bad = await post(s, '/mapi/login', { username: 'motcua', password: 'sai' });
    expect(bad.json).toMatchObject({ error_code: '-2' });
    const noDst = await fetch(`${s.url}/mapi/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'motcua', password: 'motcua-sandbox' }),
    });
    expect(await noDst.json()).toMatchObject({ error_code: '-4' });
    const badDst = await post(s, '/mapi/login', { username: 'motcua', password: 'motcua-sandbox' }, { dstcode: 'x' });
    expect(badDst.json.error_code).toBe('-4');
  });

  it('answers the catalogue services from the seed', async () => {
    const s = await start();
    const sess = await session(s);
    const one = await call(s, sess, 'LayThuTuc', { maTTHC: '1.001193' });
    expect(one.json.error_code).toBe('0');
    expect((one.json.result as Array<{ MATTHC: string }>)[0]?.MATTHC).toBe('1.001193');
    expect((await call(s, sess, 'LayThuTuc', { maTTHC: '9.999999' })).json.result).toEqual([]);
    const list = await post(s, '/mapi/share', { session: sess, madonvi: MADONVI, service: 'LayDanhSachTTHC' });
    expect((list.json.result as unknown[]).length).toBe(3);
    expect((await call(s, sess, 'LayDanhMucCoQuan')).json.result).toContainEqual(
      expect.objectContaining({ MADONVI: '000.00.00.H56' }),
    );
    expect((await call(s, sess, 'LayDanhMucLinhVuc')).json.result).toContainEqual(
      expect.objectContaining({ MALINHVUC: 'G03-GD10' }),
    );
    expect((await call(s, sess, 'DongBoHoiDap')).json.error_code).toBe('-1');
  });

  it('requires a live session and a valid madonvi', async () => {
    const s = await start();
    const none = await post(s, '/mapi/service', { madonvi: MADONVI, service: 'LayDanhMucCoQuan' });
    expect(none.status).toBe(401);
    expect(none.json.error_code).toBe('-2');
    const unknown = await call(s, 'not-a-session', 'LayDanhMucCoQuan');
    expect(unknown.status).toBe(401);
    const sess = await session(s);
    const badAgency = await post(s, '/mapi/service', {
      session: sess,
      madonvi: 'không-phải-mã',
      service: 'LayDanhMucCoQuan',
    });
    expect(badAgency.json.error_code).toBe('-1');
  });

  it('DongBoHoSoMC: create fails when present ("3" + "đã tồn tại"), update fails when absent', async () => {
    const s = await start();
    const sess = await session(s);
    const update = await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'True', data: [dossier('2')] });
    expect(update.json).toMatchObject({ error_code: '4' });
    const created = await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'False', data: [dossier('2')] });
    expect(created.json.error_code).toBe('0');
    const again = await call(s, sess, 'DongBoHoSoMC', { isUpdating: false, data: [dossier('2')] });
    expect(again.json.error_code).toBe('3');
    expect(String(again.json.message)).toContain('đã tồn tại');
    const updated = await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'True', data: [dossier('4')] });
    expect(updated.json.error_code).toBe('0');
    const found = await call(s, sess, 'TraCuuHoSo', { mahoso: CODE });
    expect(found.json.result).toEqual([dossier('4')]);
    expect((await call(s, sess, 'TraCuuHoSo', { MaHoSo: 'nope' })).json.result).toEqual([]);
    expect(s.state.dossierWrites(CODE).map((w) => [w.status, w.isUpdating])).toEqual([
      ['2', false],
      ['4', true],
    ]);
    const foreign = await post(s, '/mapi/service', {
      session: sess,
      madonvi: '000.17.22.H56',
      service: 'DongBoHoSoMC',
      isUpdating: 'True',
      data: [dossier('9')],
    });
    expect(foreign.json.error_code).toBe('5');
  });

  it('rejects payloads the wire schema rejects, with the issues', async () => {
    const s = await start();
    const sess = await session(s);
    const r = await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'False', data: [dossier('11')] });
    expect(r.json.error_code).toBe('-1');
    expect(r.json.errors).toContainEqual(expect.objectContaining({ path: 'data.0.TrangThaiHoSo' }));
    const p = await call(s, sess, 'CapNhatTienDoHoSoMC', { data: [{ MaHoSo: CODE, TrangThai: '2' }] });
    expect(p.json.error_code).toBe('-1');
    const notJson = await post(s, '/mapi/service', '{not json');
    expect(notJson.json.error_code).toBe('-1');
    expect(s.state.stats().dossiers).toBe(0);
  });

  it('stores progress rows once however often they arrive, and refuses rows of unknown dossiers', async () => {
    const s = await start();
    const sess = await session(s);
    const row = { MaHoSo: CODE, ThoiDiemXuLy: '20250701083000', TrangThai: '2', NoiDungXuLy: 'Tiếp nhận hồ sơ' };
    expect((await call(s, sess, 'CapNhatTienDoHoSoMC', { data: [row] })).json.error_code).toBe('4');
    await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'False', data: [dossier('2')] });
    for (let i = 0; i < 3; i++) {
      expect((await call(s, sess, 'CapNhatTienDoHoSoMC', { data: [row] })).json.error_code).toBe('0');
    }
    const rows = s.state.progress(CODE);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deliveries).toBe(3);
  });

  it('expires sessions after N calls; a new login works', async () => {
    const s = await start({ faults: { sessionExpiry: { afterCalls: 2 }, seed: 1 } });
    const sess = await session(s);
    expect((await call(s, sess, 'LayDanhMucCoQuan')).status).toBe(200);
    expect((await call(s, sess, 'LayDanhMucCoQuan')).status).toBe(200);
    const third = await call(s, sess, 'LayDanhMucCoQuan');
    expect(third.status).toBe(401);
    expect(third.json.error_code).toBe('-2');
    expect((await call(s, await session(s), 'LayDanhMucCoQuan')).status).toBe(200);
  });

  it('expires sessions after T milliseconds', async () => {
    let now = 1_000_000;
    const s = await start({ faults: { sessionExpiry: { afterMs: 60_000 }, seed: 1 }, now: () => now });
    const sess = await session(s);
    expect((await call(s, sess, 'LayDanhMucCoQuan')).status).toBe(200);
    now += 60_001;
    expect((await call(s, sess, 'LayDanhMucCoQuan')).status).toBe(401);
  });

  it('serves the LGSP proxy form of DongBoHoSoMC (§12.1)', async () => {
    const s = await start();
    const token = await lgspToken(s, 'form');
    const r = await post(s, `/api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=${MADONVI}&isUpdating=False`, [dossier('2')], {
      authorization: `Bearer ${token}`,
    });
    expect(r.json.error_code).toBe('0');
    expect(s.state.dossier(CODE)?.madonvi).toBe(MADONVI);
    const noToken = await post(s, `/api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=${MADONVI}&isUpdating=True`, [
      dossier('4'),
    ]);
    expect(noToken.status).toBe(401);
  });
});

async function lgspToken(s: Sandbox, style: 'form' | 'basic'): Promise<string> {
  const res = await fetch(`${s.url}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(style === 'basic'
        ? { authorization: `Basic ${Buffer.from('motcua:sandbox-secret').toString('base64')}` }
        : {}),
    },
    body:
      style === 'form'
        ? 'grant_type=client_credentials&client_id=motcua&client_secret=sandbox-secret'
        : 'grant_type=client_credentials',
  });
  const body = (await res.json()) as { access_token: string; token_type: string };
  expect(res.status).toBe(200);
  expect(body.token_type).toBe('Bearer');
  return body.access_token;
}

describe('LGSP', () => {
  it('issues tokens with form credentials and with Basic auth, and syncs documents', async () => {
    const s = await start();
    const basic = await lgspToken(s, 'basic');
    await lgspToken(s, 'form');
    const bad = await fetch(`${s.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=motcua&client_secret=wrong',
    });
    expect(bad.status).toBe(401);
    const doc = { DocCode: CODE, DocTypeCode: '1.001193', Status: '4', CitizenName: 'Nguyễn Thị Lan' };
    const r = await post(s, '/Document/SyncDocument', doc, { authorization: `Bearer ${basic}` });
    expect(r.json.error_code).toBe('0');
    await post(s, '/Document/SyncDocument', { ...doc, Status: '9' }, { authorization: `Bearer ${basic}` });
    expect(s.state.lgspDocuments()).toEqual([{ docCode: CODE, data: { ...doc, Status: '9' }, writes: 2 }]);
    expect((await post(s, '/Document/SyncDocument', doc)).status).toBe(401);
    expect(
      (await post(s, '/Document/SyncDocument', { Status: '1' }, { authorization: `Bearer ${basic}` })).json.error_code,
    ).toBe('-1');
  });
});

describe('digitization store and population database', () => {
  it('looks papers up by owner and result code, and downloads the file', async () => {
    const s = await start();
    const r = await post(s, '/khososhoa/GetKetQuaGiayTo', {
      SoDinhDanhChuSoHuu: '038190012345',
      HoTenNguoiYeuCau: 'Lê Thị Hoa',
      KenhThucHien: '1',
      MaThuTuc: '1.001193',
      DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.G03.10', SoKyHieu: '' }],
    });
    expect(r.json.errorCode).toBe('0');
    const papers = (r.json.result as { DanhSachGiayToKetQua: Array<Record<string, unknown>> }).DanhSachGiayToKetQua;
    expect(papers).toHaveLength(1);
    const file = (papers[0]!.DanhSachTepDinhKem as Array<{ DuongDan: string }>)[0];
    const dl = await fetch(`${s.url}/khososhoa/GetGiayToByUrl`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CoQuanChuQuan: papers[0]?.CoQuanChuQuan, DuongDan: file?.DuongDan }),
    });
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await dl.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const other = await post(s, '/khososhoa/GetKetQuaGiayTo', {
      SoDinhDanhChuSoHuu: '038090012345',
      MaThuTuc: '1.001193',
      DanhSachDanhMucKetQua: [{ MaKetQua: 'KQ.G03.10' }],
    });
    expect((other.json.result as { DanhSachGiayToKetQua: unknown[] }).DanhSachGiayToKetQua).toEqual([]);
    const invalid = await post(s, '/khososhoa/GetKetQuaGiayTo', { SoDinhDanhChuSoHuu: '123' });
    expect(invalid.json.errorCode).toBe('-1');
  });

  it('answers the population look-up with SOAP XML inside the JSON message', async () => {
    const s = await start();
    const r = await post(s, '/csdldancu/TraCuuCongDan', { SoDinhDanh: '038190012345', HoVaTen: 'Nguyễn Thị Lan' });
    expect(r.json.error_code).toBe('0');
    const xml = String(r.json.message);
    expect(xml).toContain('<soap:Envelope');
    expect(xml).toContain('<CongdanCollection><CongDan><SoDinhDanh>038190012345</SoDinhDanh>');
    expect(xml).toContain('<Ten>Lan</Ten>');
    const nobody = await post(s, '/csdldancu/TraCuuCongDan', { SoDinhDanh: '001099012345' });
    expect(String(nobody.json.message)).toContain('<CongdanCollection></CongdanCollection>');
    expect((await post(s, '/csdldancu/TraCuuCongDan', { HoVaTen: 'X' })).json.error_code).toBe('-1');
  });
});

describe('payment platform', () => {
  const secret = 'sandbox-secret';
  const sign = (kind: 'INIT' | 'QUERY' | 'GET_BILL' | 'CALLBACK', m: Record<string, unknown>) =>
    createHash('sha256')
      .update(paymentChecksumInput(kind, m, secret))
      .digest('hex');
  const init = () => {
    const m: Record<string, unknown> = {
      LoaiBanTin: 'INIT',
      PhienBan: '1.0.6',
      MaDoiTac: 'THANHHOA',
      MaThamChieu: 'dvc000000H5625070100012025070109',
      SoTien: '20000',
      LoaiHinhThanhToan: 'PAY',
      MaKenhThanhToan: '1',
      MaThietBi: '1',
      NgonNgu: 'vi-VN',
      MaTienTe: 'VND',
      MaNganHang: 'PAYMENT',
      ThongTinGiaoDich: 'Thanh toán lệ phí hồ sơ 000.00.00.H56-250701-0001',
      ThoiGianGD: '20250701090000',
      Ip: '127.0.0.1',
    };
    m.MaXacThuc = sign('INIT', m);
    return m;
  };
  const query = (kind: 'QUERY' | 'GET_BILL') => {
    const m: Record<string, unknown> = {
      LoaiBanTin: kind,
      PhienBan: '1.0.6',
      MaDoiTac: 'THANHHOA',
      MaThamChieu: 'dvc000000H5625070100012025070109',
      ThoiGianGD: '20250701091500',
    };
    m.MaXacThuc = sign(kind, m);
    return m;
  };
  const bearer = { authorization: 'Bearer test-token' };

  it('INIT, QUERY, pay with a confirm callback whose MaXacThuc verifies, then GET_BILL', async () => {
    const received: Array<Record<string, unknown>> = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/callback`;
    try {
      const s = await start();
      const r = await post(s, '/payment/init', init(), bearer);
      expect(r.json.error_code).toBe('0');
      const { UrlThanhToan } = JSON.parse(String(r.json.message)) as { UrlThanhToan: string };
      expect(UrlThanhToan.startsWith(`${s.url}/payment/pay/`)).toBe(true);
      expect((await fetch(UrlThanhToan)).status).toBe(200);
      expect((await post(s, '/payment/init', init(), bearer)).json.error_code).toBe('3');
      const pending = await post(s, '/payment/query', query('QUERY'), bearer);
      expect(pending.json).toMatchObject({ error_code: '0', TrangThaiGD: '0' });
      expect((await post(s, '/payment/getbill', query('GET_BILL'), bearer)).json.error_code).toBe('4');

      const paid = await fetch(`${s.url}/__sandbox/payments/dvc000000H5625070100012025070109/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ callbackUrl: hookUrl }),
      });
      expect(((await paid.json()) as { callback: { status: number } }).callback.status).toBe(200);
      expect(received).toHaveLength(1);
      const cb = received[0] as Record<string, unknown>;
      expect(cb.MaLoi).toBe('00');
      expect(cb.MaXacThuc).toBe(sign('CALLBACK', cb));
      const done = await post(s, '/payment/query', query('QUERY'), bearer);
      expect(done.json).toMatchObject({ TrangThaiGD: '1', MaGiaoDich: cb.MaGiaoDich });
      const bill = await fetch(`${s.url}/payment/getbill`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer },
        body: JSON.stringify(query('GET_BILL')),
      });
      expect(bill.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await bill.arrayBuffer())
          .subarray(0, 8)
          .toString(),
      ).toBe('%PDF-1.4');
    } finally {
      await new Promise((r) => hook.close(r));
    }
  });

  it('refuses a wrong checksum, an unknown partner and a missing bearer token', async () => {
    const s = await start();
    expect((await post(s, '/payment/init', { ...init(), MaXacThuc: 'a'.repeat(64) }, bearer)).json.error_code).toBe(
      '-1',
    );
    const stranger = { ...init(), MaDoiTac: 'KHAC' };
    expect((await post(s, '/payment/init', stranger, bearer)).json.error_code).toBe('-2');
    expect((await post(s, '/payment/init', init())).status).toBe(401);
  });
});

/** A raw HTTP request that reports how it ended, for faults fetch would hide. */
function rawPost(
  s: Sandbox,
  body: unknown,
  timeoutMs: number,
): Promise<
  { kind: 'answer'; status: number; body: string } | { kind: 'error'; message: string } | { kind: 'timeout' }
> {
  return new Promise((resolve) => {
    const url = new URL(`${s.url}/mapi/login`);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', dstcode: s.dvcqg.dstcode },
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ kind: 'answer', status: res.statusCode ?? 0, body: text }));
        res.on('error', (e) => resolve({ kind: 'error', message: e.message }));
        res.on('aborted', () => resolve({ kind: 'error', message: 'aborted' }));
      },
    );
    req.setTimeout(timeoutMs, () => {
      resolve({ kind: 'timeout' });
      req.destroy();
    });
    req.on('error', (e) => resolve({ kind: 'error', message: e.message }));
    req.end(JSON.stringify(body));
  });
}

describe('fault injection', () => {
  const creds = { username: 'motcua', password: 'motcua-sandbox' };

  it('injects application errors, 5xx and 429 with Retry-After', async () => {
    const s = await start({ faults: { errorRate: 1, seed: 1 } });
    expect((await post(s, '/mapi/login', creds)).json.error_code).toBe('-9');
    s.state.setFaults({ serverErrorRate: 1, seed: 2 });
    const five = await post(s, '/mapi/login', creds);
    expect([500, 502, 503, 504]).toContain(five.status);
    expect(five.json.error_code).toBe('-99');
    s.state.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7, seed: 3 });
    const limited = await post(s, '/mapi/login', creds);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(s.state.stats().faults).toMatchObject({ error: 1, 'server-error': 1, 'rate-limit': 1 });
  });

  it('drops the connection mid-answer after processing the request', async () => {
    const s = await start({ faults: { dropRate: 1, seed: 1 } });
    const sess = await (async () => {
      s.state.setFaults({});
      return session(s);
    })();
    s.state.setFaults({ dropRate: 1, seed: 1 });
    let complete = false;
    try {
      const res = await fetch(`${s.url}/mapi/service`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', dstcode: s.dvcqg.dstcode },
        body: JSON.stringify({
          session: sess,
          madonvi: MADONVI,
          service: 'DongBoHoSoMC',
          isUpdating: 'False',
          data: [dossier('2')],
        }),
      });
      JSON.parse(await res.text());
      complete = true;
    } catch {
      // terminated / other side closed / truncated JSON: the client never learns the outcome
    }
    expect(complete).toBe(false);
    // Processed even though the client never got a complete answer.
    expect(s.state.dossier(CODE)?.data.TrangThaiHoSo).toBe('2');
    expect(s.state.requests({ route: 'DongBoHoSoMC' })[0]?.outcome).toBe('dropped');
  });

  it('holds timed-out requests without processing them, then cuts the socket after holdMs', async () => {
    const s = await start({ faults: { timeoutRate: 1, holdMs: 200, seed: 1 } });
    const byClient = await rawPost(s, creds, 50);
    expect(byClient.kind).toBe('timeout');
    const byServer = await rawPost(s, creds, 10_000);
    expect(byServer.kind).toBe('error');
    expect(s.state.requests().map((r) => r.outcome)).toEqual(['held', 'held']);
    expect(s.state.stats().faults.timeout).toBe(2);
  });

  it('delays requests, and does not process one whose client gave up during the delay', async () => {
    const s = await start({ faults: { latency: { fixedMs: 300 }, seed: 1 } });
    const gaveUp = await rawPost(s, creds, 50);
    expect(gaveUp.kind).toBe('timeout');
    const waited = await rawPost(s, creds, 10_000);
    expect(waited).toMatchObject({ kind: 'answer', status: 200 });
    await expect
      .poll(() =>
        s.state
          .requests()
          .map((r) => r.outcome)
          .sort(),
      )
      .toEqual(['abandoned', 'answered']);
    expect(s.state.requests().find((r) => r.outcome === 'answered')?.durationMs).toBeGreaterThanOrEqual(299);
  });

  it('decides the same faults for the same seed', () => {
    const config = resolveFaults({ errorRate: 0.2, serverErrorRate: 0.2, dropRate: 0.1, timeoutRate: 0.1, seed: 99 });
    const a = new FaultPlan(config);
    const b = new FaultPlan(config);
    const kinds = (p: FaultPlan) => Array.from({ length: 200 }, () => p.decide('DongBoHoSoMC').kind);
    const first = kinds(a);
    expect(kinds(b)).toEqual(first);
    expect(new Set(first).size).toBe(5);
    const other = new FaultPlan(resolveFaults({ ...config, seed: 100 }));
    expect(kinds(other)).not.toEqual(first);
  });

  it('limits faults to the routes in scope and never faults the inspection API', () => {
    const plan = new FaultPlan(resolveFaults({ errorRate: 1, scope: ['CapNhatTienDoHoSoMC'], seed: 1 }));
    expect(plan.decide('DongBoHoSoMC').kind).toBe('none');
    expect(plan.decide('CapNhatTienDoHoSoMC').kind).toBe('error');
    expect(new FaultPlan(resolveFaults({ errorRate: 1, seed: 1 })).decide('__sandbox').kind).toBe('none');
  });

  it('checks configurations and parses presets and JSON', () => {
    expect(() => resolveFaults({ errorRate: 0.6, dropRate: 0.6 })).toThrow(/more than 1/);
    expect(() => resolveFaults({ errorRate: -1 })).toThrow(/errorRate/);
    expect(() => resolveFaults({ bogus: 1 } as never)).toThrow(/unknown field/);
    expect(parseFaults('flaky').errorRate).toBe(0.05);
    expect(parseFaults('flaky+{"seed":5}').seed).toBe(5);
    expect(parseFaults('{"timeoutRate":0.5,"seed":2}')).toMatchObject({ timeoutRate: 0.5, seed: 2 });
    expect(() => parseFaults('nope')).toThrow(/unknown preset/);
    expect(typeof resolveFaults({}).seed).toBe('number');
  });
});

describe('inspection API', () => {
  it('shows requests, dossiers, progress and faults, and resets', async () => {
    const s = await start();
    const sess = await session(s);
    await call(s, sess, 'DongBoHoSoMC', { isUpdating: 'False', data: [dossier('2')] });
    await call(s, sess, 'CapNhatTienDoHoSoMC', {
      data: [{ MaHoSo: CODE, ThoiDiemXuLy: '20250701083000', TrangThai: '2' }],
    });
    const get = async (p: string) =>
      (await fetch(`${s.url}/__sandbox/${p}`)).json() as Promise<Record<string, unknown>>;
    const requests = (await get('requests?route=DongBoHoSoMC')).items as Array<{ body: { data: unknown[] } }>;
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.data).toEqual([dossier('2')]);
    expect(await get('dossiers')).toMatchObject({ total: 1, items: [{ maHoSo: CODE, writes: 1 }] });
    expect(await get(`dossiers/${CODE}`)).toMatchObject({ maHoSo: CODE, history: [{ status: '2' }] });
    expect(((await get(`progress/${CODE}`)).rows as unknown[]).length).toBe(1);
    const set = await fetch(`${s.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 0.5, seed: 4 }),
    });
    expect(await set.json()).toMatchObject({ errorRate: 0.5, seed: 4 });
    expect(await get('faults')).toMatchObject({ errorRate: 0.5 });
    const preset = await fetch(`${s.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ preset: 'outage' }),
    });
    expect(await preset.json()).toMatchObject({ serverErrorRate: 1 });
    const badFaults = await fetch(`${s.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(badFaults.status).toBe(400);
    expect((await get('stats')).requests).toBe(3);
    await fetch(`${s.url}/__sandbox/reset`, { method: 'POST' });
    expect(await get('dossiers')).toMatchObject({ total: 0 });
    expect((await get('stats')).requests).toBe(0);
    expect((await fetch(`${s.url}/__sandbox/nothing`)).status).toBe(404);
  });

  it('keeps state in a SQLite file across restarts', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'motcua-sandbox-'));
    try {
      const dbPath = join(dir, 'sandbox.db');
      const first = await start({ dbPath });
      await call(first, await session(first), 'DongBoHoSoMC', { isUpdating: 'False', data: [dossier('2')] });
      await first.close();
      const second = await start({ dbPath });
      expect(second.state.dossier(CODE)?.data.TrangThaiHoSo).toBe('2');
    } finally {
      await sandbox?.close();
      sandbox = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
