/**
 * The DVCQG digitization store (kho số hóa), dvcqg-wire.md §15.2: `GetKetQuaGiayTo` looks
 * papers up by owner and result codes, `GetGiayToByUrl` downloads a file.
 *
 * @module
 */
import { validate } from '@motcua/schemas';
import { type Ctx, ERROR, type Incoming, json, type Reply } from './context.ts';
import { isRecord } from './portal.ts';

/** `POST …/GetKetQuaGiayTo`: note the camelCase `errorCode` of this service. */
export function getKetQuaGiayTo(ctx: Ctx, req: Incoming): Reply {
  const checked = validate('dvcqg-kho-so-hoa-request', req.json);
  if (req.badJson || !checked.ok || !isRecord(req.json)) {
    const issues = checked.ok ? [] : checked.issues.filter((i) => i.severity === 'error');
    return json(200, {
      errorCode: ERROR.invalid,
      message: `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ') || 'không phải JSON'}`,
      signature: '',
      result: null,
    });
  }
  const body = req.json;
  const wanted = Array.isArray(body.DanhSachDanhMucKetQua)
    ? (body.DanhSachDanhMucKetQua as Array<{ MaKetQua?: unknown; SoKyHieu?: unknown }>)
    : [];
  const papers = ctx.store.papers(String(body.SoDinhDanhChuSoHuu), wanted);
  return json(200, {
    errorCode: '0',
    message: 'Thành công',
    // The real format of `signature` is unknown (§15.2); the sandbox marks its own.
    signature: 'sandbox-unsigned',
    result: {
      DanhSachGiayToKetQua: papers.map((p) => ({
        MaKetQua: p.MaKetQua,
        TenGiayTo: p.TenGiayTo,
        SoKyHieu: p.SoKyHieu,
        CoQuanChuQuan: p.CoQuanChuQuan,
        DanhSachTepDinhKem: p.files.map((f) => ({ TenTep: f.TenTep, DuongDan: f.DuongDan })),
      })),
    },
  });
}

/** `POST …/GetGiayToByUrl` `{CoQuanChuQuan, DuongDan[, TenTep]}` → the file bytes. */
export function getGiayToByUrl(ctx: Ctx, req: Incoming): Reply {
  const checked = validate('dvcqg-kho-so-hoa-file-request', req.json);
  if (req.badJson || !checked.ok || !isRecord(req.json)) {
    return json(200, { errorCode: ERROR.invalid, message: 'Thiếu CoQuanChuQuan hoặc DuongDan' });
  }
  const file = ctx.store.paperFile(String(req.json.CoQuanChuQuan), String(req.json.DuongDan));
  if (file === undefined) return json(404, { errorCode: ERROR.missing, message: 'Không tìm thấy tệp' });
  return {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.TenTep)}`,
    },
    body: file.content,
  };
}
