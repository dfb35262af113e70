import { afterEach, describe, expect, it } from 'vitest';
import { type ReceivedRequest, type Reply, startServer, type TestServer } from '../../test/support/http-server.ts';
import { AdapterError, type PortalError } from '../errors.ts';
import { createLgspClient, type LgspClientOptions } from './client.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A WSO2-like LGSP: /token (form or Basic), bearer-checked API. */
async function start(
  style: 'form' | 'basic',
  extra: Partial<LgspClientOptions> = {},
  api: (r: ReceivedRequest, i: number) => Reply = () => ({ json: { status: 'OK' } }),
) {
  let issued = 0;
  const valid = new Set<string>();
  server = await startServer((r, i) => {
    if (r.path === '/token') {
      const form = new URLSearchParams(r.body);
      if (form.get('grant_type') !== 'client_credentials')
        return { status: 400, json: { error: 'unsupported_grant_type' } };
      const basic = r.headers.authorization;
      const ok =
        style === 'form'
          ? form.get('client_id') === 'motcua' && form.get('client_secret') === 's3cret' && basic === undefined
          : basic === `Basic ${Buffer.from('motcua:s3cret').toString('base64')}` && !form.has('client_secret');
      if (!ok) return { status: 401, json: { error: 'invalid_client' } };
      const t = `at-${++issued}`;
      valid.add(t);
      return { json: { access_token: t, token_type: 'Bearer', expires_in: 3600, scope: 'default' } };
    }
    const bearer = r.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(bearer)) return { status: 401, text: 'invalid token' };
    return api(r, i);
  });
  return {
    client: createLgspClient({
      baseUrl: server.url,
      clientId: 'motcua',
      clientSecret: 's3cret',
      credentialStyle: style,
      sleep: async () => {},
      ...extra,
    }),
    revoke: () => valid.clear(),
    tokens: () => issued,
  };
}

describe('LGSP token', () => {
  it.each(['form', 'basic'] as const)('client credentials in the %s style', async (style) => {
    const { client } = await start(style);
    const t = await client.token();
    expect(t).toMatchObject({ accessToken: 'at-1', tokenType: 'Bearer', scope: 'default' });
    const req = server!.requests[0]!;
    expect(req.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
  });

  it('wrong credentials: PORTAL_AUTH_FAILED, the secret is not in the message', async () => {
    const { client } = await start('basic', { clientSecret: 'wrong' });
    const error = (await client.token().catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_AUTH_FAILED');
    expect(error.message).not.toContain('wrong');
  });

  it('caches the token, renews it before expiry, and refetches once on 401', async () => {
    let clock = 1_000_000;
    const { client, revoke, tokens } = await start('form', { now: () => clock });
    await client.syncDocument({ DocCode: 'A' });
    await client.syncDocument({ DocCode: 'B' });
    expect(tokens()).toBe(1);
    clock += 3_600_000 - 10_000; // inside the 30 s skew
    await client.syncDocument({ DocCode: 'C' });
    expect(tokens()).toBe(2);
    revoke();
    await client.syncDocument({ DocCode: 'D' });
    expect(tokens()).toBe(3);
  });
});

describe('LGSP calls', () => {
  it('SyncDocument posts MSyncDocument JSON with the bearer token', async () => {
    const { client } = await start('form', {}, (r) => ({ json: { received: (r.json as unknown[]).length } }));
    const body = await client.syncDocument([
      { DocCode: '000.00.00.H56-250701-0001', DocTypeCode: '1.001193', Status: '4', CitizenName: 'Nguyễn Thị Lan' },
    ]);
    expect(body).toEqual({ received: 1 });
    const sent = server!.requests.find((r) => r.path === '/Document/SyncDocument')!;
    expect(sent.headers.authorization).toBe('Bearer at-1');
    expect(sent.json).toEqual([
      { DocCode: '000.00.00.H56-250701-0001', DocTypeCode: '1.001193', Status: '4', CitizenName: 'Nguyễn Thị Lan' },
    ]);
  });

  it('a document without DocCode is refused before sending', async () => {
    const { client } = await start('form');
    await expect(client.syncDocument({ DocCode: '' })).rejects.toBeInstanceOf(AdapterError);
    expect(server!.requests).toHaveLength(0);
  });

  it('a DVCQG-style rejection is PORTAL_REJECTED; SyncDocument is retried on 502', async () => {
    const { client } = await start('form', {}, (_r, i) =>
      i === 1 ? { status: 502 } : i === 2 ? { json: { error_code: 0 } } : { json: { error_code: '7', message: 'Sai' } },
    );
    expect(await client.syncDocument({ DocCode: 'A' })).toEqual({ error_code: 0 });
    await expect(client.updateDocumentTraces({ DocCode: 'A' })).rejects.toMatchObject({
      code: 'PORTAL_REJECTED',
      errorCode: '7',
    });
  });

  it('the provincial DongBoHoSoMC proxy puts madonvi and isUpdating in the query', async () => {
    const { client } = await start('basic', {}, () => ({ json: { error_code: '0' } }));
    await client.dongBoHoSoMC(
      [{ MaHoSo: '000.00.00.H56-250701-0001', MaTTHC: '1.001193', TrangThaiHoSo: '2', NgayTiepNhan: '20250701083000' }],
      { maDinhDanhDV: '000.00.01.H22', isUpdating: true },
    );
    const sent = server!.requests.at(-1)!;
    expect(sent.path).toBe('/api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=000.00.01.H22&isUpdating=True');
    expect(Array.isArray(sent.json)).toBe(true);
  });

  it('"đã tồn tại" through the proxy is PORTAL_ALREADY_EXISTS', async () => {
    const { client } = await start('form', {}, () => ({ json: { error_code: '3', message: 'Hồ sơ X đã tồn tại' } }));
    await expect(client.dongBoHoSoMC([], { maDinhDanhDV: '000.00.01.H22', isUpdating: false })).rejects.toMatchObject({
      code: 'PORTAL_ALREADY_EXISTS',
    });
  });

  it('a token refused twice is PORTAL_SESSION_EXPIRED', async () => {
    const { client } = await start('form', {}, () => ({ status: 401 }));
    const error = (await client.call('/Statistic', {}).catch((e: unknown) => e)) as PortalError;
    expect(error.code).toBe('PORTAL_SESSION_EXPIRED');
  });
});
