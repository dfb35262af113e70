/**
 * A scripted stand-in for Cổng DVCQG speaking the protocol subset the client uses
 * (dvcqg-wire.md §1–§3), over a real socket on 127.0.0.1. Faults are queued per service.
 */
import { type ReceivedRequest, type Reply, startServer, type TestServer } from './http-server.ts';

export const AUTH = '/mapi/login';
export const INTEGRATION = '/mapi/g';
export const SHARE = '/mapi/share';

export type Fault =
  | { kind: 'http'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'destroy' }
  | { kind: 'expired' }
  | { kind: 'answer'; json: unknown }
  | { kind: 'delay'; ms: number };

export interface MiniPortal {
  server: TestServer;
  url: string;
  dossiers: Map<string, Record<string, unknown>>;
  progress: Record<string, unknown>[];
  logins: number;
  /** Queue a fault for the next call of a service (`login` for the auth endpoint). */
  fault(service: string, fault: Fault, times?: number): void;
  /** Calls per service, in order. */
  calls(service: string): ReceivedRequest[];
  /** Make the current sessions invalid (the next call is answered "session expired"). */
  expireSessions(): void;
  close(): Promise<void>;
}

export async function startMiniPortal(
  options: { password?: string; procedures?: unknown[] } = {},
): Promise<MiniPortal> {
  const password = options.password ?? 'secret';
  const faults = new Map<string, Fault[]>();
  const dossiers = new Map<string, Record<string, unknown>>();
  const progress: Record<string, unknown>[] = [];
  const sessions = new Set<string>();
  let logins = 0;
  let sessionCounter = 0;

  const takeFault = (service: string): Fault | undefined => faults.get(service)?.shift();

  const applyFault = (f: Fault): Reply => {
    switch (f.kind) {
      case 'http':
        return { status: f.status, headers: f.headers ?? {}, text: 'nope' };
      case 'hang':
        return { hang: true };
      case 'destroy':
        return { destroy: true };
      case 'expired':
        return { json: { error_code: '-1', message: 'Phiên đăng nhập đã hết hạn' } };
      case 'answer':
        return { json: f.json };
      case 'delay':
        throw new Error('delay is applied by the handler');
    }
  };

  const delayed = async (service: string): Promise<Fault | undefined> => {
    const f = takeFault(service);
    if (f?.kind === 'delay') {
      await new Promise((r) => setTimeout(r, f.ms));
      return undefined;
    }
    return f;
  };

  const server = await startServer(async (req) => {
    if (req.path === AUTH) {
      const f = await delayed('login');
      if (f !== undefined) return applyFault(f);
      const body = req.json as { username?: string; password?: string };
      if (body.password !== password) return { json: { error_code: '1', message: 'Sai tên đăng nhập hoặc mật khẩu' } };
      logins++;
      const token = `tok-${++sessionCounter}`;
      sessions.add(token);
      return { json: { session: token, error_code: 0, message: 'Đăng nhập thành công' } };
    }
    const body = req.json as Record<string, unknown>;
    const service = String(body.service);
    const f = await delayed(service);
    if (f !== undefined) return applyFault(f);
    if (!sessions.has(String(body.session))) {
      return { json: { error_code: '-1', message: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn' } };
    }
    switch (service) {
      case 'LayThuTuc':
        return {
          json: {
            error_code: '00',
            message: 'Thành công',
            result: (options.procedures ?? []).filter((p) => (p as { MATTHC: string }).MATTHC === body.maTTHC),
          },
        };
      case 'LayDanhSachTTHC':
        return { json: { error_code: 0, result: [{ MATTHC: '1.001193', TENTTHC: 'Đăng ký khai sinh' }] } };
      case 'LayDanhMucCoQuan':
        return { json: { error_code: 0, result: [{ MADONVI: '000.00.00.H56', TENDONVI: 'UBND tỉnh', CAPDONVI: 2 }] } };
      case 'LayDanhMucLinhVuc':
        return { json: { error_code: 0, result: [{ MALINHVUC: 'G15-HT01', TENLINHVUC: 'Hộ tịch', MANGANH: 'G15' }] } };
      case 'TraCuuHoSo': {
        const d = dossiers.get(String(body.mahoso));
        return { json: { error_code: 0, message: '', result: d === undefined ? [] : [d] } };
      }
      case 'DongBoHoSoMC': {
        const items = body.data as Record<string, unknown>[];
        const updating = body.isUpdating === 'True' || body.isUpdating === 1;
        for (const item of items) {
          const code = String(item.MaHoSo);
          if (!updating && dossiers.has(code)) {
            return { json: { error_code: '-3', message: `Hồ sơ ${code} đã tồn tại trên hệ thống` } };
          }
        }
        for (const item of items) dossiers.set(String(item.MaHoSo), item);
        return { json: { error_code: '0', message: 'Đồng bộ hồ sơ thành công' } };
      }
      case 'CapNhatTienDoHoSoMC':
        progress.push(...(body.data as Record<string, unknown>[]));
        return { json: { error_code: '0', message: 'Cập nhật tiến độ thành công' } };
      default:
        return { json: { error_code: '404', message: `Không có dịch vụ ${service}` } };
    }
  });

  return {
    server,
    url: server.url,
    dossiers,
    progress,
    get logins() {
      return logins;
    },
    fault(service, fault, times = 1) {
      const list = faults.get(service) ?? [];
      for (let i = 0; i < times; i++) list.push(fault);
      faults.set(service, list);
    },
    calls(service) {
      return server.requests.filter((r) =>
        service === 'login' ? r.path === AUTH : (r.json as { service?: string } | undefined)?.service === service,
      );
    },
    expireSessions() {
      sessions.clear();
    },
    close: () => server.close(),
  };
}
