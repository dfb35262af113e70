import { readFileSync } from 'node:fs';
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH, INTEGRATION, type MiniPortal, SHARE, startMiniPortal } from '../../test/support/mini-portal.ts';
import { AdapterError, PortalError } from '../errors.ts';
import type { TransportLogEvent } from '../http/transport.ts';
import { createDvcqgClient, type DvcqgClientOptions, isSessionExpiredAnswer } from './client.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../schemas/test/fixtures/dvcqg/${name}`, import.meta.url), 'utf8')) as unknown;

const dossier = (code: string, status = '2'): DvcqgDossier => ({
  MaHoSo: code,
  MaTTHC: '1.001193',
  TrangThaiHoSo: status as DvcqgDossier['TrangThaiHoSo'],
  NgayTiepNhan: '20250701083000',
  NgayHenTra: '20250704170000',
});

const row = (code: string, i: number, status = '4'): DvcqgProgress => ({
  MaHoSo: code,
  NguoiXuLy: 'Lê Thị Hoa',
  ThoiDiemXuLy: `202507010${Math.floor(i / 60) % 10}${String(i % 60).padStart(2, '0')}00`,
  NoiDungXuLy: `Bước ${i}`,
  TrangThai: status as DvcqgProgress['TrangThai'],
});

let portal: MiniPortal;
let delays: number[];
let events: TransportLogEvent[];

function client(extra: Partial<DvcqgClientOptions> = {}) {
  return createDvcqgClient({
    adapterUrl: portal.url,
    authEndpoint: AUTH,
    integrationEndpoint: INTEGRATION,
    shareEndpoint: SHARE,
    username: 'motcua-h56',
    password: 'secret',
    madonvi: '000.00.00.H56',
    dstcode: 'VN:GOV:000.00.00.G22:DVCQG',
    timeoutMs: 2_000,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    logger: (e) => events.push(e),
    ...extra,
  });
}

beforeEach(async () => {
  const procedure = (fixture('valid-lay-thu-tuc-response.json') as { result: unknown[] }).result[0];
  portal = await startMiniPortal({ procedures: [procedure] });
  delays = [];
  events = [];
});

afterEach(async () => {
  await portal.close();
});

describe('DVCQG client: login and headers', () => {
  it('logs in once, sends the session, madonvi, service and the §1.2 headers', async () => {
    const c = client();
    await c.traCuuHoSo('000.00.00.H56-250701-0001');
    await c.traCuuHoSo('000.00.00.H56-250701-0002');
    expect(portal.logins).toBe(1);
    const [login] = portal.calls('login');
    expect(login?.json).toEqual({ username: 'motcua-h56', password: 'secret' });
    const [call] = portal.calls('TraCuuHoSo');
    expect(call?.json).toEqual({
      session: 'tok-1',
      madonvi: '000.00.00.H56',
      service: 'TraCuuHoSo',
      mahoso: '000.00.00.H56-250701-0001',
    });
    expect(call?.headers.dstcode).toBe('VN:GOV:000.00.00.G22:DVCQG');
    expect(call?.headers.accept).toBe('application/json');
    expect(call?.headers['content-type']).toMatch(/^application\/json/);
    expect(call?.headers.charset).toBe('utf-8');
    expect(call?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('concurrent first calls share one login', async () => {
    const c = client();
    await Promise.all([1, 2, 3, 4, 5].map((i) => c.traCuuHoSo(`000.00.00.H56-250701-000${i}`)));
    expect(portal.logins).toBe(1);
  });

  it('re-logs in once when the session expired, then succeeds', async () => {
    const c = client();
    await c.traCuuHoSo('000.00.00.H56-250701-0001');
    portal.expireSessions();
    const r = await c.traCuuHoSo('000.00.00.H56-250701-0001');
    expect(r.found).toBe(false);
    expect(portal.logins).toBe(2);
  });

  it('re-logs in on HTTP 401 too', async () => {
    const c = client();
    portal.fault('TraCuuHoSo', { kind: 'http', status: 401 });
    await c.traCuuHoSo('000.00.00.H56-250701-0001');
    expect(portal.logins).toBe(2);
  });

  it('gives up with PORTAL_SESSION_EXPIRED when a fresh session is refused too', async () => {
    const c = client();
    portal.fault('TraCuuHoSo', { kind: 'expired' }, 2);
    const error = await c.traCuuHoSo('000.00.00.H56-250701-0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).code).toBe('PORTAL_SESSION_EXPIRED');
    expect((error as PortalError).service).toBe('TraCuuHoSo');
    expect((error as PortalError).errorCode).toBe('-1');
    expect(portal.logins).toBe(2);
  });

  it('bad credentials: PORTAL_AUTH_FAILED with the raw error_code, never the password', async () => {
    const c = client({ password: 'wrong' });
    const error = (await c.layDanhSachTTHC().catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_AUTH_FAILED');
    expect(error.errorCode).toBe('1');
    expect(error.service).toBe('login');
    expect(error.message).not.toContain('wrong');
    // A failed login is not cached: the next call tries again.
    await expect(c.layDanhSachTTHC()).rejects.toThrow(PortalError);
    expect(portal.calls('login')).toHaveLength(2);
  });

  it('a success code without a session is PORTAL_AUTH_FAILED', async () => {
    portal.fault('login', { kind: 'answer', json: { error_code: 0, message: 'ok' } });
    const error = (await client()
      .traCuuHoSo('000.00.00.H56-250701-0001')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_AUTH_FAILED');
  });

  it('never puts the session token in a log event', async () => {
    const c = client();
    await c.traCuuHoSo('000.00.00.H56-250701-0001');
    expect(JSON.stringify(events)).not.toContain('tok-1');
    expect(events.some((e) => e.type === 'response' && e.service === 'TraCuuHoSo')).toBe(true);
  });
});

describe('DVCQG client: abort', () => {
  it('an aborted call stops at once with the abort reason and is not retried', async () => {
    const c = client({ timeoutMs: 5_000 });
    await c.login();
    portal.fault('TraCuuHoSo', { kind: 'hang' });
    const controller = new AbortController();
    const pending = c.traCuuHoSo('x', controller.signal);
    setTimeout(() => controller.abort(new Error('worker gave up')), 50);
    await expect(pending).rejects.toThrow('worker gave up');
    expect(portal.calls('TraCuuHoSo')).toHaveLength(1);
  });

  it("one caller's abort during the shared login does not fail the others", async () => {
    const c = client();
    portal.fault('login', { kind: 'delay', ms: 200 });
    const controller = new AbortController();
    const a = c.traCuuHoSo('a', controller.signal);
    const b = c.traCuuHoSo('b');
    setTimeout(() => controller.abort(new Error('A stops')), 20);
    await expect(a).rejects.toThrow('A stops');
    expect((await b).found).toBe(false);
    expect(portal.logins).toBe(1);
  });
});

describe('DVCQG client: look-ups', () => {
  it('LayThuTuc returns the catalogue record, validated', async () => {
    const p = await client().layThuTuc('1.001193');
    expect(p?.MATTHC).toBe('1.001193');
    expect(p?.CACHTHUCTHUCHIEN?.[1]?.KENH).toBe('2'); // numbers normalised by the wire schema
    expect(await client().layThuTuc('9.999999')).toBeUndefined();
  });

  it('catalogues go to the share endpoint', async () => {
    const c = client();
    expect((await c.layDanhSachTTHC())[0]?.MATTHC).toBe('1.001193');
    expect((await c.layDanhMucCoQuan())[0]?.MADONVI).toBe('000.00.00.H56');
    expect((await c.layDanhMucLinhVuc())[0]?.MALINHVUC).toBe('G15-HT01');
    const paths = portal.server.requests.filter((r) => r.path !== AUTH).map((r) => r.path);
    expect(paths).toEqual([SHARE, SHARE, SHARE]);
  });

  it('a malformed answer is PORTAL_BAD_RESPONSE with the payload attached', async () => {
    portal.fault('LayDanhSachTTHC', { kind: 'answer', json: { error_code: 0, result: [{ TENTTHC: 'no code' }] } });
    const error = (await client()
      .layDanhSachTTHC()
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_BAD_RESPONSE');
    expect(error.payload).toEqual({ error_code: 0, result: [{ TENTTHC: 'no code' }] });
  });

  it('an answer without error_code is PORTAL_BAD_RESPONSE', async () => {
    portal.fault('TraCuuHoSo', { kind: 'answer', json: { message: 'ok', result: [] } });
    const error = (await client()
      .traCuuHoSo('x')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_BAD_RESPONSE');
  });

  it('a non-success error_code is PORTAL_REJECTED, keeping code and message, masking ids in the message', async () => {
    portal.fault('TraCuuHoSo', {
      kind: 'answer',
      json: { error_code: '-9', message: 'Công dân 038190012345 không có quyền' },
    });
    const error = (await client()
      .traCuuHoSo('x')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_REJECTED');
    expect(error.errorCode).toBe('-9');
    expect(error.madonvi).toBe('000.00.00.H56');
    expect(error.portalMessage).toBe('Công dân 038190012345 không có quyền');
    expect(error.message).not.toContain('038190012345');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.transient).toBe(false);
  });
});

describe('DVCQG client: retries', () => {
  it('retries 5xx on idempotent calls with full-jitter backoff', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 502 }, 2);
    const r = await client().traCuuHoSo('000.00.00.H56-250701-0001');
    expect(r.found).toBe(false);
    // random() = 0.5: half of 250·2^0 and 250·2^1.
    expect(delays).toEqual([125, 250]);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.code)).toEqual(['PORTAL_HTTP', 'PORTAL_HTTP']);
  });

  it('honours Retry-After on 429 and 503', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 429, headers: { 'Retry-After': '3' } });
    portal.fault('TraCuuHoSo', { kind: 'http', status: 503, headers: { 'Retry-After': '1' } });
    await client().traCuuHoSo('000.00.00.H56-250701-0001');
    expect(delays).toEqual([3000, 1000]);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 429, headers: { 'Retry-After': '3600' } });
    await client({ retry: { maxRetryAfterMs: 5_000 } }).traCuuHoSo('x');
    expect(delays).toEqual([5000]);
  });

  it('gives up after the retries allowed with PORTAL_RATE_LIMITED', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 429 }, 4);
    const error = (await client()
      .traCuuHoSo('x')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(4);
    expect(portal.calls('TraCuuHoSo')).toHaveLength(4);
  });

  it('a hanging portal is PORTAL_TIMEOUT, retried on an idempotent call', async () => {
    portal.fault('TraCuuHoSo', { kind: 'hang' });
    const r = await client({ timeoutMs: 300 }).traCuuHoSo('x');
    expect(r.found).toBe(false);
    expect(events.find((e) => e.type === 'retry')?.code).toBe('PORTAL_TIMEOUT');
  });

  it('a dropped connection is PORTAL_NETWORK, retried on an idempotent call', async () => {
    portal.fault('TraCuuHoSo', { kind: 'destroy' });
    await client().traCuuHoSo('x');
    expect(events.find((e) => e.type === 'retry')?.code).toBe('PORTAL_NETWORK');
  });

  it('a non-idempotent call is not retried on a timeout', async () => {
    portal.fault('DongBoHoiDap', { kind: 'hang' });
    const c = client({ timeoutMs: 300 });
    const error = (await c.call('DongBoHoiDap', {}, { idempotent: false }).catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_TIMEOUT');
    expect(error.transient).toBe(true);
    expect(portal.calls('DongBoHoiDap')).toHaveLength(1);
  });

  it('a non-idempotent call is still retried on 429 (not processed)', async () => {
    portal.fault('LayDanhSachHoiDapBoCoQuan', { kind: 'http', status: 429 });
    portal.fault('LayDanhSachHoiDapBoCoQuan', { kind: 'answer', json: { error_code: 0, result: [] } });
    const r = await client().call('LayDanhSachHoiDapBoCoQuan', {}, { idempotent: false });
    expect(r.error_code).toBe(0);
  });

  it('4xx other than 401/429 is not retried', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 400 });
    const error = (await client()
      .traCuuHoSo('x')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_HTTP');
    expect(error.status).toBe(400);
    expect(portal.calls('TraCuuHoSo')).toHaveLength(1);
  });

  it('retry: false sends once', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 500 });
    await expect(client({ retry: false }).traCuuHoSo('x')).rejects.toMatchObject({ code: 'PORTAL_HTTP', status: 500 });
  });

  it('a non-JSON answer is PORTAL_BAD_RESPONSE', async () => {
    portal.fault('TraCuuHoSo', { kind: 'http', status: 200 });
    const error = (await client()
      .traCuuHoSo('x')
      .catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_BAD_RESPONSE');
    expect(error.payload).toBe('nope');
  });

  it('rate limiter: every request takes a token', async () => {
    let taken = 0;
    const c = client({ rateLimit: { take: async () => void taken++ } });
    await c.traCuuHoSo('x');
    await c.traCuuHoSo('y');
    expect(taken).toBe(3); // login + 2 calls
  });
});

describe('DVCQG client: upsert', () => {
  it('creates an absent dossier, updates a present one (TraCuuHoSo first, §11.1)', async () => {
    const c = client();
    const first = await c.upsertDossier(dossier('000.00.00.H56-250701-0001'));
    expect(first).toMatchObject({ action: 'created', raced: false });
    const second = await c.upsertDossier(dossier('000.00.00.H56-250701-0001', '4'));
    expect(second).toMatchObject({ action: 'updated', raced: false });
    const sync = portal.calls('DongBoHoSoMC').map((r) => (r.json as { isUpdating: unknown }).isUpdating);
    expect(sync).toEqual(['False', 'True']);
    expect(portal.dossiers.get('000.00.00.H56-250701-0001')?.TrangThaiHoSo).toBe('4');
  });

  it('"already exists" on create (a race) → retried once as an update', async () => {
    const c = client();
    // The look-up says absent, but another sender created it meanwhile.
    portal.fault('TraCuuHoSo', { kind: 'answer', json: { error_code: 0, result: [] } });
    portal.dossiers.set('000.00.00.H56-250701-0001', { MaHoSo: '000.00.00.H56-250701-0001' });
    const r = await c.upsertDossier(dossier('000.00.00.H56-250701-0001', '4'));
    expect(r).toMatchObject({ action: 'updated', raced: true });
    expect(portal.dossiers.get('000.00.00.H56-250701-0001')?.TrangThaiHoSo).toBe('4');
  });

  it('a create whose answer was lost is retried; the repeat is answered "already exists" and becomes an update', async () => {
    const c = client();
    portal.fault('TraCuuHoSo', { kind: 'answer', json: { error_code: 0, result: [] } });
    // The create reached the portal (stored) but the connection dropped before the answer.
    portal.fault('DongBoHoSoMC', { kind: 'destroy' });
    portal.dossiers.set('000.00.00.H56-250701-0009', { MaHoSo: '000.00.00.H56-250701-0009' });
    const r = await c.upsertDossier(dossier('000.00.00.H56-250701-0009'));
    expect(r).toMatchObject({ action: 'updated', raced: true });
    // dropped create, repeated create ("đã tồn tại"), update
    expect(portal.calls('DongBoHoSoMC').map((q) => (q.json as { isUpdating: unknown }).isUpdating)).toEqual([
      'False',
      'False',
      'True',
    ]);
  });

  it('refuses a dossier the wire schema rejects, before sending', async () => {
    const bad = { ...dossier('000.00.00.H56-250701-0001'), NgayHenTra: '20250601000000' };
    const error = await client()
      .upsertDossier(bad)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('CODEC_WIRE_INVALID');
    expect(portal.server.requests).toHaveLength(0);
  });

  it('isUpdating in the Thanh Hóa style is 1/0', async () => {
    await client({ booleanStyle: 'thanh-hoa' }).dongBoHoSo([dossier('000.00.00.H56-250701-0001')], {
      isUpdating: false,
    });
    expect((portal.calls('DongBoHoSoMC')[0]!.json as { isUpdating: unknown }).isUpdating).toBe(0);
  });

  it('the full fixture dossier passes and is stored', async () => {
    const item = fixture('valid-online-dossier.json') as DvcqgDossier;
    await client().upsertDossier(item);
    expect(portal.dossiers.get(item.MaHoSo)).toEqual(item);
  });
});

describe('DVCQG client: progress', () => {
  it('sends rows in chunks of 10, in order, with real statuses', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => row('000.00.00.H56-250701-0001', i, i === 22 ? '6' : '4'));
    const r = await client().capNhatTienDo(rows);
    expect(r.ok).toBe(true);
    expect(r.sentRows).toBe(23);
    expect(r.chunks.map((c) => c.rows.length)).toEqual([10, 10, 3]);
    expect(portal.progress).toEqual(rows);
    expect(portal.progress.at(-1)?.TrangThai).toBe('6');
  });

  it('keeps each chunk result; a transient failure of a chunk is retried as a whole', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => row('000.00.00.H56-250701-0001', i));
    // Chunk 2 fails 4 times (1 + 3 transport retries) → one more pass succeeds.
    const c = client();
    await c.traCuuHoSo('warm-up');
    portal.fault('CapNhatTienDoHoSoMC', { kind: 'answer', json: { error_code: 0 } });
    portal.fault('CapNhatTienDoHoSoMC', { kind: 'http', status: 500 }, 4);
    const r = await c.capNhatTienDo(rows);
    expect(r.ok).toBe(true);
    expect(r.chunks.map((x) => [x.outcome, x.passes])).toEqual([
      ['sent', 1],
      ['sent', 2],
    ]);
    // Chunk 1 was answered by the scripted fault (nothing stored); chunk 2 stored once.
    expect(portal.progress).toEqual(rows.slice(10));
  });

  it('a rejected chunk is not retried and stops the later chunks (order is kept)', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => row('000.00.00.H56-250701-0001', i));
    portal.fault('CapNhatTienDoHoSoMC', { kind: 'answer', json: { error_code: '0' } });
    portal.fault('CapNhatTienDoHoSoMC', { kind: 'answer', json: { error_code: '2', message: 'Sai định dạng' } });
    const r = await client().capNhatTienDo(rows);
    expect(r.ok).toBe(false);
    expect(r.sentRows).toBe(10);
    expect(r.chunks.map((x) => x.outcome)).toEqual(['sent', 'failed', 'skipped']);
    expect(r.chunks[1]?.error?.code).toBe('PORTAL_REJECTED');
    expect(r.chunks[1]?.passes).toBe(1);
  });

  it('stopOnFailure: false sends the later chunks anyway', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row('000.00.00.H56-250701-0001', i));
    portal.fault('CapNhatTienDoHoSoMC', { kind: 'answer', json: { error_code: '2', message: 'Sai' } });
    const r = await client().capNhatTienDo(rows, { stopOnFailure: false });
    expect(r.chunks.map((x) => x.outcome)).toEqual(['failed', 'sent']);
  });

  it('syncDossier: upsert first, then progress', async () => {
    const code = '000.00.00.H56-250701-0001';
    const r = await client().syncDossier(dossier(code), [row(code, 1, '2'), row(code, 2, '4')]);
    expect(r.upsert.action).toBe('created');
    expect(r.progress.sentRows).toBe(2);
    const order = portal.server.requests.map((q) => (q.json as { service?: string }).service ?? 'login');
    expect(order).toEqual(['login', 'TraCuuHoSo', 'DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
  });
});

describe('isSessionExpiredAnswer', () => {
  it('reads 401 and session/expiry words, not other rejections', () => {
    expect(isSessionExpiredAnswer({ status: 401, body: undefined })).toBe(true);
    expect(isSessionExpiredAnswer({ status: 200, body: { error_code: 1, message: 'Session expired' } })).toBe(true);
    expect(isSessionExpiredAnswer({ status: 200, body: { error_code: 1, message: 'Token không hợp lệ' } })).toBe(true);
    expect(isSessionExpiredAnswer({ status: 200, body: { error_code: 0, message: 'Phiên hết hạn' } })).toBe(false);
    expect(isSessionExpiredAnswer({ status: 200, body: { error_code: '-3', message: 'Hồ sơ đã tồn tại' } })).toBe(
      false,
    );
  });
});
