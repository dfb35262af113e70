/**
 * A WSO2-style provincial LGSP (dvcqg-wire.md §12.2): `POST /token` with client
 * credentials in the form body or as HTTP Basic auth, and bearer-authenticated
 * `/Document/SyncDocument`.
 *
 * @module
 */
import { type Ctx, ERROR, type Incoming, json, portalError, type Reply } from './context.ts';
import { isRecord } from './portal.ts';

const TOKEN_LIFETIME_S = 3600;

/** `POST /token` `grant_type=client_credentials` (form body or Basic auth). */
export function lgspToken(ctx: Ctx, req: Incoming): Reply {
  const form = new URLSearchParams(req.body.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials') {
    return json(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
  }
  let clientId = form.get('client_id');
  let clientSecret = form.get('client_secret');
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  const ok = ctx.store.seed.lgspClients.some((c) => c.clientId === clientId && c.clientSecret === clientSecret);
  if (!ok || clientId === null) {
    return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  }
  const token = ctx.store.newLgspToken(clientId, ctx.now() + TOKEN_LIFETIME_S * 1000);
  return json(200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, scope: 'default' });
}

/** `true` when the request carries a live LGSP bearer token. */
export function lgspBearerOk(ctx: Ctx, req: Incoming): boolean {
  const h = req.headers.authorization;
  if (typeof h !== 'string' || !h.startsWith('Bearer ')) return false;
  const t = ctx.store.lgspToken(h.slice(7).trim());
  return t !== undefined && t.expiresAtMs > ctx.now();
}

/** `POST /Document/SyncDocument`: an `MSyncDocument` (JSON), upserted by `DocCode`. */
export function lgspSyncDocument(ctx: Ctx, req: Incoming): Reply {
  if (!lgspBearerOk(ctx, req)) return portalError(ERROR.auth, 'Token không hợp lệ hoặc đã hết hạn', 401);
  if (req.badJson || !isRecord(req.json)) return portalError(ERROR.invalid, 'Nội dung phải là JSON (MSyncDocument)');
  const doc = req.json;
  if (typeof doc.DocCode !== 'string' || doc.DocCode === '') return portalError(ERROR.invalid, 'Thiếu DocCode');
  for (const k of ['DocTypeCode', 'Status']) {
    if (doc[k] === undefined || doc[k] === null || doc[k] === '') return portalError(ERROR.invalid, `Thiếu ${k}`);
  }
  ctx.store.writeLgspDocument(doc);
  return json(200, { error_code: '0', message: 'Đồng bộ thành công' });
}
