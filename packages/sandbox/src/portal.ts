/**
 * The DVCQG adapter protocol (dvcqg-wire.md §1–§3, §11, §12.1): login, the integration and
 * share endpoints, and the provincial LGSP proxy form of `DongBoHoSoMC`.
 *
 * @module
 */
import { validate } from '@motcua/schemas';
import { parseWireBool } from '@motcua/schemas/dvcqg';
import { parseAgencyCode } from '@motcua/schemas/ids';
import { type Ctx, ERROR, type Incoming, json, portalError, type Reply } from './context.ts';

const DSTCODE = /^VN:([A-Z]+):([^:]+):([^:]+)$/;

/** The `dstcode` header check (§1.2): required on every adapter call. */
export function checkDstcode(ctx: Ctx, req: Incoming): Reply | undefined {
  const raw = req.headers.dstcode;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') {
    return portalError(ERROR.dstcode, 'Thiếu header dstcode (mã dịch vụ đích)');
  }
  const accepted = ctx.store.seed.dstcodes;
  if (accepted.length > 0 ? !accepted.includes(value) : !DSTCODE.test(value)) {
    return portalError(ERROR.dstcode, `Mã dịch vụ đích không hợp lệ: ${value}`);
  }
  return undefined;
}

/** `POST {auth_endpoint}` `{username, password}` → `{session, error_code: 0, message}` (§1.4). */
export function login(ctx: Ctx, req: Incoming): Reply {
  const dst = checkDstcode(ctx, req);
  if (dst !== undefined) return dst;
  if (req.badJson || !isRecord(req.json)) return portalError(ERROR.invalid, 'Dữ liệu đăng nhập không phải JSON');
  const { username, password } = req.json;
  if (typeof username !== 'string' || typeof password !== 'string' || username === '' || password === '') {
    return portalError(ERROR.invalid, 'Thiếu username hoặc password');
  }
  const ok = ctx.store.seed.accounts.some((a) => a.username === username && a.password === password);
  if (!ok) return portalError(ERROR.auth, 'Sai tên đăng nhập hoặc mật khẩu');
  const session = ctx.store.newSession(username, ctx.now());
  return json(200, { session, error_code: 0, message: 'Đăng nhập thành công' });
}

/** The session check of a service call; an expired session is forgotten. */
function checkSession(ctx: Ctx, session: unknown): Reply | undefined {
  if (typeof session !== 'string' || session === '') {
    return portalError(ERROR.auth, 'Thiếu phiên làm việc (session)', 401);
  }
  const used = ctx.store.useSession(session);
  if (used === undefined) return portalError(ERROR.auth, 'Phiên làm việc không hợp lệ hoặc đã hết hạn', 401);
  const expiry = ctx.faults().config.sessionExpiry;
  const expired =
    (expiry?.afterCalls !== undefined && used.calls > expiry.afterCalls) ||
    (expiry?.afterMs !== undefined && ctx.now() - used.createdAtMs > expiry.afterMs);
  if (expired) {
    ctx.store.dropSession(session);
    return portalError(ERROR.auth, 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại', 401);
  }
  return undefined;
}

/** The service name of an integration call, for routing and fault scope. */
export function serviceOf(req: Incoming): string {
  return isRecord(req.json) && typeof req.json.service === 'string' ? req.json.service : 'unknown';
}

/** `POST {integration_endpoint}` / `{share_endpoint}`: `{session, madonvi, service, …}` (§2.1). */
export function service(ctx: Ctx, req: Incoming): Reply {
  const dst = checkDstcode(ctx, req);
  if (dst !== undefined) return dst;
  if (req.badJson || !isRecord(req.json)) return portalError(ERROR.invalid, 'Yêu cầu không phải JSON');
  const body = req.json;
  const denied = checkSession(ctx, body.session);
  if (denied !== undefined) return denied;
  const madonvi = body.madonvi;
  if (typeof madonvi !== 'string' || madonvi === '') return portalError(ERROR.invalid, 'Thiếu madonvi');
  if (!parseAgencyCode(madonvi).valid) {
    return portalError(ERROR.invalid, `Mã đơn vị không hợp lệ: ${madonvi}`);
  }
  switch (body.service) {
    case 'LayThuTuc': {
      const code = body.maTTHC ?? body.MaTTHC ?? body.matthc;
      if (typeof code !== 'string' || code === '') return portalError(ERROR.invalid, 'Thiếu tham số maTTHC');
      const p = ctx.store.seed.procedures.find((x) => x.MATTHC === code);
      return ok(p === undefined ? [] : [p]);
    }
    case 'LayDanhSachTTHC':
      return ok(ctx.store.seed.procedures.map((p) => ({ MATTHC: p.MATTHC, TENTTHC: p.TENTTHC })));
    case 'LayDanhMucCoQuan':
      return ok(ctx.store.seed.agencies);
    case 'LayDanhMucLinhVuc':
      return ok(ctx.store.seed.fields);
    case 'TraCuuHoSo': {
      const code = body.mahoso ?? body.MaHoSo ?? body.maHoSo;
      if (typeof code !== 'string' || code === '') return portalError(ERROR.invalid, 'Thiếu tham số mahoso');
      const d = ctx.store.dossier(code);
      return ok(d === undefined ? [] : [d.data]);
    }
    case 'DongBoHoSoMC':
      return dongBoHoSo(ctx, madonvi, body);
    case 'CapNhatTienDoHoSoMC':
      return capNhatTienDo(ctx, madonvi, body);
    default:
      return portalError(ERROR.invalid, `Dịch vụ không được hỗ trợ: ${String(body.service)}`);
  }
}

function ok(result: unknown[], message = 'Thành công'): Reply {
  return json(200, { error_code: '0', message, result });
}

function rejected(issues: ReadonlyArray<{ path: string; code: string; message: string; severity: string }>): Reply {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors
    .slice(0, 5)
    .map((i) => `${i.path === '' ? '(gốc)' : i.path}: ${i.message}`)
    .join('; ');
  return portalError(ERROR.invalid, `Dữ liệu không hợp lệ: ${shown}${errors.length > 5 ? '; …' : ''}`, 200, {
    errors: errors.map((i) => ({ path: i.path, code: i.code, message: i.message })),
  });
}

function writeFailure(reason: 'exists' | 'missing' | 'foreign', maHoSo: string): Reply {
  switch (reason) {
    case 'exists':
      return portalError(ERROR.exists, `Hồ sơ ${maHoSo} đã tồn tại`);
    case 'missing':
      return portalError(ERROR.missing, `Hồ sơ ${maHoSo} không tồn tại`);
    default:
      return portalError(ERROR.foreign, `Hồ sơ ${maHoSo} thuộc đơn vị khác`);
  }
}

/** `DongBoHoSoMC` with `isUpdating` semantics: create fails when present, update when absent. */
function dongBoHoSo(ctx: Ctx, madonvi: string, body: Record<string, unknown>): Reply {
  const checked = validate('dvcqg-dossier', body);
  if (!checked.ok) return rejected(checked.issues);
  const isUpdating = parseWireBool(body.isUpdating) === true;
  const items = body.data as Array<Record<string, unknown>>;
  const r = ctx.store.writeDossiers(madonvi, isUpdating, items, ctx.now());
  if (!r.ok) return writeFailure(r.reason, r.maHoSo);
  return json(200, {
    error_code: '0',
    message: isUpdating ? 'Cập nhật hồ sơ thành công' : 'Đồng bộ hồ sơ thành công',
  });
}

/** `CapNhatTienDoHoSoMC`: progress rows, idempotent per row. */
function capNhatTienDo(ctx: Ctx, madonvi: string, body: Record<string, unknown>): Reply {
  const checked = validate('dvcqg-progress', body);
  if (!checked.ok) return rejected(checked.issues);
  const r = ctx.store.writeProgress(madonvi, body.data as Array<Record<string, unknown>>);
  if (!r.ok) return writeFailure(r.reason, r.maHoSo);
  return json(200, { error_code: '0', message: 'Cập nhật tiến độ thành công' });
}

/**
 * The provincial LGSP proxy (§12.1): `POST /api/SynsTTHCC/DongBoHoSoMC?MaDinhDanhDV=…&isUpdating=True|False`
 * with the JSON array of dossiers; authenticated with an LGSP bearer token.
 */
export function lgspDongBoHoSo(ctx: Ctx, req: Incoming, bearerOk: boolean): Reply {
  if (!bearerOk) return portalError(ERROR.auth, 'Token không hợp lệ hoặc đã hết hạn', 401);
  const madonvi = req.query.get('MaDinhDanhDV');
  if (madonvi === null || madonvi === '') return portalError(ERROR.invalid, 'Thiếu tham số MaDinhDanhDV');
  if (req.badJson || !Array.isArray(req.json)) return portalError(ERROR.invalid, 'Nội dung phải là mảng hồ sơ JSON');
  return dongBoHoSo(ctx, madonvi, {
    madonvi,
    service: 'DongBoHoSoMC',
    isUpdating: req.query.get('isUpdating') ?? 'False',
    data: req.json,
  });
}

/** `true` for a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
