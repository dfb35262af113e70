/**
 * The national population database look-up (CSDL quốc gia về dân cư), dvcqg-wire.md §14:
 * a JSON answer whose `message` is a SOAP XML string.
 *
 * @module
 */
import { validate } from '@motcua/schemas';
import { type Ctx, ERROR, type Incoming, json, type Reply } from './context.ts';
import { isRecord } from './portal.ts';
import type { SandboxCitizen } from './seed.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function el(name: string, value: string | undefined): string {
  return value === undefined ? `<${name}/>` : `<${name}>${esc(value)}</${name}>`;
}

function address(name: string, a: Record<string, string> | undefined): string {
  if (a === undefined) return `<${name}/>`;
  const keys = [
    'MaTinhThanh',
    'MaQuanHuyen',
    'MaPhuongXa',
    'TenTinhThanh',
    'TenQuanHuyen',
    'TenPhuongXa',
    'ChiTiet',
    'QuocGia',
  ];
  return `<${name}>${keys.map((k) => el(k, a[k] ?? '')).join('')}</${name}>`;
}

/**
 * The SOAP envelope the sandbox's population database puts in `message`:
 * `Envelope/Body/CongdanCollection/CongDan*` (dvcqg-wire.md §14.2), text escaped.
 *
 * @example
 * ```ts
 * import { congDanSoap, DEFAULT_SEED } from '@motcua/sandbox';
 * congDanSoap(DEFAULT_SEED.citizens.slice(0, 1)).includes('<SoDinhDanh>038190012345</SoDinhDanh>'); // true
 * ```
 * @category Sandbox
 */
export function congDanSoap(citizens: readonly SandboxCitizen[]): string {
  const body = citizens
    .map((c) => {
      const year = c.NgayThangNamSinh.slice(0, 4);
      const full = c.NgayThangNamSinh.length === 8 ? c.NgayThangNamSinh : '';
      return (
        '<CongDan>' +
        el('SoDinhDanh', c.SoDinhDanh) +
        el('SoCMND', c.SoCMND ?? '') +
        `<HoVaTen>${el('Ho', c.Ho)}${el('ChuDem', c.ChuDem)}${el('Ten', c.Ten)}</HoVaTen>` +
        el('GioiTinh', c.GioiTinh) +
        `<NgayThangNamSinh>${el('Nam', year)}${el('NgayThangNam', full)}</NgayThangNamSinh>` +
        el('QuocTich', 'VN') +
        address('ThuongTru', c.ThuongTru) +
        '</CongDan>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Body><CongdanCollection>${body}</CongdanCollection></soap:Body></soap:Envelope>`
  );
}

/** `POST …` look-up by `SoDinhDanh` or `SoCMND`; an unknown person is an empty collection. */
export function traCuuCongDan(ctx: Ctx, req: Incoming): Reply {
  const checked = validate('dvcqg-dan-cu-request', req.json);
  if (req.badJson || !checked.ok || !isRecord(req.json)) {
    const issues = checked.ok ? [] : checked.issues.filter((i) => i.severity === 'error');
    return json(200, {
      error_code: ERROR.invalid,
      message: `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ') || 'không phải JSON'}`,
    });
  }
  const b = req.json;
  const c = ctx.store.citizen(
    typeof b.SoDinhDanh === 'string' ? b.SoDinhDanh : undefined,
    typeof b.SoCMND === 'string' ? b.SoCMND : undefined,
  );
  return json(200, { error_code: '0', message: congDanSoap(c === undefined ? [] : [c]) });
}
