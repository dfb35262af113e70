/**
 * Deterministic dossier histories for the reliability tests: each dossier walks the
 * lifecycle's transition table from "submitted" with a seeded random choice at each step,
 * and each step is one change — the dossier's new wire snapshot plus one progress row.
 * The same seed gives the same plan in every process.
 */
import { type DossierChange, dossierChangeMessages, type OutboxStore, TRANSITIONS } from '@motcua/core';
import { DOSSIER_STATUS_TO_DVCQG, type DossierStatus } from '@motcua/schemas';
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { seededRandom } from '../../src/faults.ts';

/** One dossier's planned changes, in order. */
export interface PlannedDossier {
  code: string;
  changes: DossierChange[];
}

const EVENT_TEXT: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  reject: 'Từ chối tiếp nhận',
  'start-processing': 'Chuyển xử lý',
  'request-supplement': 'Yêu cầu bổ sung giấy tờ',
  resubmit: 'Công dân đã bổ sung',
  'request-payment': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  'confirm-payment': 'Đã thanh toán',
  resolve: 'Đã xử lý xong',
  'return-result': 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
  stop: 'Dừng xử lý',
};

const MAIN_PATH: ReadonlySet<string> = new Set(['receive', 'start-processing', 'resolve', 'return-result']);

const BASE_MS = Date.UTC(2025, 6, 1, 1, 0, 0); // 2025-07-01 08:00 in Vietnam

function wireDate(ms: number): string {
  const d = new Date(ms + 7 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** `000.00.00.H56-YYMMDD-NNNN`: 5,000 dossiers a day. */
export function dossierCode(i: number): string {
  const day = 1 + Math.floor(i / 5000);
  return `000.00.00.H56-2507${String(day).padStart(2, '0')}-${String((i % 5000) + 1).padStart(4, '0')}`;
}

/** Plans `count` dossiers with at most `maxSteps` changes each. */
export function planDossiers(count: number, seed: number, maxSteps = 8): PlannedDossier[] {
  const random = seededRandom(seed);
  const out: PlannedDossier[] = [];
  for (let i = 0; i < count; i++) {
    const code = dossierCode(i);
    const day = Math.floor(i / 5000);
    let t = BASE_MS + day * 86_400_000 + (i % 5000) * 1000;
    let status: DossierStatus = 'submitted';
    const base: DvcqgDossier = {
      MaHoSo: code,
      MaTTHC: '1.001193',
      TenTTHC: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc',
      MaLinhVuc: 'G03-GD10',
      KenhThucHien: '2',
      ChuHoSo: 'Nguyễn Thị Lan',
      LoaiDoiTuong: '1',
      NgayNopHoSo: wireDate(t),
      TrangThaiHoSo: '1',
      DonViXuLy: 'Sở Giáo dục và Đào tạo tỉnh Thanh Hóa',
    };
    let snapshot: DvcqgDossier = { ...base };
    const changes: DossierChange[] = [
      {
        changeId: '0',
        first: true,
        dossier: snapshot,
        progress: [row(code, t, '1', 'Nộp hồ sơ trực tuyến')],
      },
    ];
    for (let step = 1; step < maxSteps; step++) {
      const options = TRANSITIONS.filter((tr) => tr.from === status);
      if (options.length === 0) break;
      // Lean towards the main path (received → processing → resolved → returned); now and
      // then a supplement request, a payment, a withdrawal, a stop or a rejection.
      const main = options.find((o) => MAIN_PATH.has(o.event));
      const tr =
        main !== undefined && random() < 0.7
          ? main
          : options[Math.min(Math.floor(random() * options.length), options.length - 1)];
      if (tr === undefined) break;
      t += Math.floor(1 + random() * 180) * 60_000;
      status = tr.to;
      const code10 = DOSSIER_STATUS_TO_DVCQG[status];
      const next: DvcqgDossier = { ...snapshot, TrangThaiHoSo: code10 };
      if (snapshot.NgayTiepNhan === undefined) {
        next.NgayTiepNhan = wireDate(t);
        next.NgayHenTra = wireDate(t + 3 * 86_400_000);
      }
      if (status === 'rejected') next.NgayTuChoi = wireDate(t);
      if (status === 'resolved' || status === 'stopped') next.NgayKetThucXuLy = wireDate(t);
      if (status === 'returned') next.NgayTra = wireDate(t);
      snapshot = next;
      changes.push({
        changeId: String(step),
        first: false,
        dossier: snapshot,
        progress: [row(code, t, code10, EVENT_TEXT[tr.event] ?? tr.event)],
      });
    }
    out.push({ code, changes });
  }
  return out;
}

function row(code: string, t: number, status: string, text: string): DvcqgProgress {
  return {
    MaHoSo: code,
    NguoiXuLy: 'Lê Thị Hoa',
    ThoiDiemXuLy: wireDate(t),
    NoiDungXuLy: text,
    TrangThai: status as DvcqgProgress['TrangThai'],
  };
}

/** Total messages of a plan (one upsert and one progress message per change). */
export function messageCount(plans: readonly PlannedDossier[]): number {
  return plans.reduce((n, p) => n + p.changes.length * 2, 0);
}

/**
 * Enqueues the plan round by round (every dossier's first change, then every second
 * change, …), the way changes arrive over a working day.
 */
export async function enqueuePlan(
  outbox: Pick<OutboxStore, 'enqueue'>,
  plans: readonly PlannedDossier[],
): Promise<number> {
  let n = 0;
  const rounds = Math.max(...plans.map((p) => p.changes.length));
  for (let r = 0; r < rounds; r++) {
    for (const p of plans) {
      const change = p.changes[r];
      if (change === undefined) continue;
      for (const m of dossierChangeMessages(change)) if ((await outbox.enqueue(m)).enqueued) n++;
    }
  }
  return n;
}
