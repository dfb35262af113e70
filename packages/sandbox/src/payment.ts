/**
 * The DVCQG payment platform (nền tảng thanh toán), dvcqg-wire.md §16: INIT, QUERY and
 * GET_BILL with `MaXacThuc` verification, a payment page, and the confirm callback.
 *
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { type PaymentMessageKind, paymentChecksum } from '@motcua/adapters/payment';
import { validate } from '@motcua/schemas';
import { wireDateFromInstant } from '@motcua/schemas/dvcqg';
import { type Ctx, ERROR, type Incoming, json, portalError, type Reply } from './context.ts';
import { isRecord } from './portal.ts';
import type { SandboxPayment } from './state.ts';

/**
 * The payment messages with a `MaXacThuc` checksum (dvcqg-wire.md §16.2).
 *
 * @example
 * ```ts
 * import type { PaymentChecksumKind } from '@motcua/sandbox';
 * const kind: PaymentChecksumKind = 'CALLBACK';
 * ```
 * @category Sandbox
 */
export type PaymentChecksumKind = PaymentMessageKind;

/** `MaXacThuc` of a payment message (dvcqg-wire.md §16.2): the adapters' {@link paymentChecksum}, re-exported. */
export { paymentChecksum };

function sameChecksum(received: unknown, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(received.toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearerOk(ctx: Ctx, req: Incoming): boolean {
  const h = req.headers.authorization;
  if (typeof h !== 'string' || !h.startsWith('Bearer ')) return false;
  const token = h.slice(7).trim();
  if (token === '') return false;
  const allowed = ctx.store.seed.paymentTokens;
  return allowed.length === 0 || allowed.includes(token);
}

/** Common checks: bearer, schema, partner, checksum. Returns the message and partner or an answer. */
function checked(
  ctx: Ctx,
  req: Incoming,
  kind: 'dvcqg-payment-init' | 'dvcqg-payment-query',
  checksumKind: PaymentChecksumKind,
): { message: Record<string, unknown>; secret: string } | Reply {
  if (!bearerOk(ctx, req)) return portalError(ERROR.auth, 'Access token không hợp lệ', 401);
  const r = validate(kind, req.json);
  if (req.badJson || !r.ok || !isRecord(req.json)) {
    const issues = r.ok ? [] : r.issues.filter((i) => i.severity === 'error');
    return portalError(
      ERROR.invalid,
      `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ') || 'không phải JSON'}`,
    );
  }
  const message = req.json;
  const partner = ctx.store.seed.paymentPartners.find((p) => p.MaDoiTac === message.MaDoiTac);
  if (partner === undefined) return portalError(ERROR.auth, `Đối tác không tồn tại: ${String(message.MaDoiTac)}`);
  if (!sameChecksum(message.MaXacThuc, paymentChecksum(checksumKind, message, partner.secret))) {
    return portalError(ERROR.invalid, 'Mã xác thực (MaXacThuc) không đúng');
  }
  return { message, secret: partner.secret };
}

/** `POST /payment/init`: `{error_code: "0", message: "{\"UrlThanhToan\": …}"}` (§16.3). */
export function paymentInit(ctx: Ctx, req: Incoming): Reply {
  const c = checked(ctx, req, 'dvcqg-payment-init', 'INIT');
  if ('status' in c) return c;
  const ref = String(c.message.MaThamChieu);
  if (ctx.store.createPayment(c.message) === 'exists') {
    return portalError(ERROR.exists, `Mã tham chiếu ${ref} đã tồn tại`);
  }
  const UrlThanhToan = `${ctx.url()}/payment/pay/${encodeURIComponent(ref)}`;
  return json(200, { error_code: '0', message: JSON.stringify({ UrlThanhToan }) });
}

function trangThaiGD(p: SandboxPayment): string {
  // Values unconfirmed (§16.3, §18.4): the sandbox uses 0 pending, 1 paid, 2 failed.
  return p.state === 'paid' ? '1' : p.state === 'failed' ? '2' : '0';
}

/** `POST /payment/query`: the transaction's status. */
export function paymentQuery(ctx: Ctx, req: Incoming): Reply {
  const c = checked(ctx, req, 'dvcqg-payment-query', 'QUERY');
  if ('status' in c) return c;
  const p = ctx.store.payment(String(c.message.MaThamChieu));
  if (p === undefined) return portalError(ERROR.missing, 'Không tìm thấy giao dịch');
  return json(200, {
    error_code: '0',
    message: 'Thành công',
    MaLoi: p.state === 'failed' ? '99' : '00',
    MoTaLoi:
      p.state === 'paid' ? 'Giao dịch thành công' : p.state === 'failed' ? 'Giao dịch thất bại' : 'Chờ thanh toán',
    MaDoiTac: p.maDoiTac,
    MaThamChieu: p.maThamChieu,
    SoTien: p.init.SoTien,
    MaGiaoDich: p.maGiaoDich ?? '',
    TrangThaiGD: trangThaiGD(p),
  });
}

/** `POST /payment/getbill`: the receipt PDF of a paid transaction. */
export function paymentGetBill(ctx: Ctx, req: Incoming): Reply {
  const c = checked(ctx, req, 'dvcqg-payment-query', 'GET_BILL');
  if ('status' in c) return c;
  const p = ctx.store.payment(String(c.message.MaThamChieu));
  if (p === undefined) return portalError(ERROR.missing, 'Không tìm thấy giao dịch');
  if (p.state !== 'paid') return portalError(ERROR.missing, 'Giao dịch chưa được thanh toán');
  return { status: 200, headers: { 'content-type': 'application/pdf' }, body: receiptPdf(p) };
}

/** A one-page receipt (ASCII only: the built-in Helvetica has no Vietnamese glyphs). */
function receiptPdf(p: SandboxPayment): Buffer {
  const ascii = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^\x20-\x7e]/g, '?')
      .replace(/[()\\]/g, (c) => `\\${c}`);
  const text = `BT /F1 10 Tf 10 80 Td (Bien lai sandbox ${ascii(p.maThamChieu)}) Tj 0 -14 Td (So tien ${ascii(String(p.init.SoTien))} VND, ma GD ${ascii(p.maGiaoDich ?? '')}) Tj ET`;
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 400 120] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>',
    `<</Length ${Buffer.byteLength(text)}>>\nstream\n${text}\nendstream`,
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** `GET /payment/pay/:ref`: the payer's page, with "pay" and "cancel" buttons. */
export function paymentPage(ctx: Ctx, ref: string): Reply {
  const p = ctx.store.payment(ref);
  if (p === undefined)
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Không tìm thấy giao dịch' };
  const h = (s: unknown): string =>
    String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  const action = `/payment/pay/${encodeURIComponent(ref)}`;
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thanh toán (sandbox)</title>
<h1>Thanh toán trực tuyến — sandbox</h1>
<p>${h(p.init.ThongTinGiaoDich)}</p><p>Số tiền: <b>${h(p.init.SoTien)} VND</b> — trạng thái: ${h(p.state)}</p>
<form method="post" action="${action}"><input type="hidden" name="result" value="success"><button>Thanh toán</button></form>
<form method="post" action="${action}"><input type="hidden" name="result" value="fail"><button>Hủy</button></form>`;
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/**
 * Settles a payment and sends the confirm callback (§16.2) to `callbackUrl` (or the
 * partner's). Resolves to the payment and the callback's outcome.
 */
export async function settlePayment(
  ctx: Ctx,
  ref: string,
  result: 'success' | 'fail',
  callbackUrl?: string,
): Promise<{ payment: SandboxPayment; callback?: { url: string; status?: number; error?: string } } | undefined> {
  const p = ctx.store.payment(ref);
  if (p === undefined) return undefined;
  const partner = ctx.store.seed.paymentPartners.find((x) => x.MaDoiTac === p.maDoiTac);
  const maGiaoDich = p.maGiaoDich ?? `SBX${ctx.now().toString(36).toUpperCase()}`;
  if (p.state === 'initiated') ctx.store.settlePayment(ref, result === 'success' ? 'paid' : 'failed', maGiaoDich);
  const settled = ctx.store.payment(ref) as SandboxPayment;
  const target = callbackUrl ?? partner?.callbackUrl;
  if (target === undefined || partner === undefined) return { payment: settled };
  const message: Record<string, unknown> = {
    LoaiBanTin: 'CONFIRM',
    MaLoi: settled.state === 'paid' ? '00' : '99',
    MaDoiTac: settled.maDoiTac,
    MaThamChieu: settled.maThamChieu,
    SoTien: settled.init.SoTien,
    MaTienTe: 'VND',
    MaGiaoDich: maGiaoDich,
    MaNganHang: 'SANDBOX',
    ThoiGianGD: wireDateFromInstant(new Date(ctx.now())),
    ThongTinGiaoDich: settled.init.ThongTinGiaoDich,
  };
  message.MaXacThuc = paymentChecksum('CALLBACK', message, partner.secret);
  const at = new Date(ctx.now()).toISOString();
  let callback: { url: string; status?: number; error?: string };
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    callback = { url: target, status: res.status };
  } catch (error) {
    callback = { url: target, error: error instanceof Error ? error.message : String(error) };
  }
  ctx.store.recordCallback(ref, { ...callback, at });
  return { payment: ctx.store.payment(ref) as SandboxPayment, callback };
}

/** `POST /payment/pay/:ref` (the page's buttons): settle, fire the callback in the background. */
export function paymentSubmit(ctx: Ctx, req: Incoming, ref: string): Reply {
  if (ctx.store.payment(ref) === undefined) return portalError(ERROR.missing, 'Không tìm thấy giao dịch', 404);
  const form = new URLSearchParams(req.body.toString('utf8'));
  const result = (form.get('result') ?? req.query.get('result')) === 'fail' ? 'fail' : 'success';
  ctx.background(settlePayment(ctx, ref, result));
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: result === 'success' ? 'Đã thanh toán' : 'Đã hủy',
  };
}
