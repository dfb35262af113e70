/**
 * The sandbox's state in SQLite (`node:sqlite`): what the portal has received and what it
 * was seeded with. Also readable over HTTP through the inspection API.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SandboxCitizen, SandboxSeed, SandboxStoredPaper } from './seed.ts';

/**
 * A dossier as the sandbox portal holds it.
 *
 * @example
 * ```ts
 * import type { SandboxDossier } from '@motcua/sandbox';
 * declare const d: SandboxDossier;
 * d.data.TrangThaiHoSo; // the last status received
 * ```
 * @category Sandbox
 */
export interface SandboxDossier {
  /** `MaHoSo`. */
  maHoSo: string;
  /** The agency (`madonvi`) that created it. */
  madonvi: string;
  /** The last accepted dossier object, exactly as received. */
  data: Record<string, unknown>;
  /** Number of accepted writes (a create and every update, repeats included). */
  writes: number;
  /** Number of writes that changed the stored object. */
  changes: number;
  /** When it was created (ISO 8601). */
  createdAt: string;
  /** When it was last written (ISO 8601). */
  updatedAt: string;
}

/**
 * One accepted `DongBoHoSoMC` write of a dossier, in arrival order.
 *
 * @example
 * ```ts
 * import type { SandboxDossierWrite } from '@motcua/sandbox';
 * const w: SandboxDossierWrite = { seq: 1, maHoSo: 'HS-1', status: '2', isUpdating: false, changed: true, at: '2025-07-01T01:30:00.000Z' };
 * ```
 * @category Sandbox
 */
export interface SandboxDossierWrite {
  /** Global arrival order. */
  seq: number;
  /** `MaHoSo`. */
  maHoSo: string;
  /** `TrangThaiHoSo` written. */
  status: string;
  /** Update (`true`) or create. */
  isUpdating: boolean;
  /** Whether the stored object changed. */
  changed: boolean;
  /** First 16 hex digits of the SHA-256 of the dossier object's JSON as received: tells writes apart. */
  digest: string;
  /** When (ISO 8601). */
  at: string;
}

/**
 * A progress row as the sandbox holds it. Rows are idempotent by `MaHoSo`,
 * `ThoiDiemXuLy`, `TrangThai`, `NguoiXuLy` and `NoiDungXuLy`: receiving the same row again
 * counts a delivery, it adds no row.
 *
 * @example
 * ```ts
 * import type { SandboxProgressRow } from '@motcua/sandbox';
 * declare const r: SandboxProgressRow;
 * if (r.deliveries > 1) console.log('delivered more than once, stored once');
 * ```
 * @category Sandbox
 */
export interface SandboxProgressRow {
  /** Arrival order of the first delivery. */
  seq: number;
  /** `MaHoSo`. */
  maHoSo: string;
  /** The row as last received. */
  data: Record<string, unknown>;
  /** How many times it was received. */
  deliveries: number;
}

/**
 * A payment transaction on the sandbox payment platform.
 *
 * @example
 * ```ts
 * import type { SandboxPayment } from '@motcua/sandbox';
 * declare const p: SandboxPayment;
 * p.state; // 'initiated' | 'paid' | 'failed'
 * ```
 * @category Sandbox
 */
export interface SandboxPayment {
  /** `MaThamChieu`. */
  maThamChieu: string;
  /** `MaDoiTac`. */
  maDoiTac: string;
  /** `initiated`, then `paid` or `failed`. */
  state: 'initiated' | 'paid' | 'failed';
  /** The INIT message. */
  init: Record<string, unknown>;
  /** `MaGiaoDich` once paid. */
  maGiaoDich?: string | undefined;
  /** The confirm callbacks sent: target, HTTP status (or error). */
  callbacks: Array<{ url: string; status?: number | undefined; error?: string | undefined; at: string }>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS dossiers (
  ma_ho_so TEXT PRIMARY KEY, madonvi TEXT NOT NULL, data TEXT NOT NULL,
  writes INTEGER NOT NULL, changes INTEGER NOT NULL, created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dossier_writes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, ma_ho_so TEXT NOT NULL, status TEXT NOT NULL,
  is_updating INTEGER NOT NULL, changed INTEGER NOT NULL, digest TEXT NOT NULL, at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dossier_writes_by_dossier ON dossier_writes (ma_ho_so, seq);
CREATE TABLE IF NOT EXISTS progress (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, ma_ho_so TEXT NOT NULL, row_key TEXT NOT NULL, data TEXT NOT NULL,
  deliveries INTEGER NOT NULL, UNIQUE (ma_ho_so, row_key)
);
CREATE TABLE IF NOT EXISTS sessions (
  token TEXT PRIMARY KEY, username TEXT NOT NULL, created_at_ms INTEGER NOT NULL, calls INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS payments (
  ma_tham_chieu TEXT PRIMARY KEY, ma_doi_tac TEXT NOT NULL, state TEXT NOT NULL, init TEXT NOT NULL,
  ma_giao_dich TEXT, callbacks TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lgsp_tokens (token TEXT PRIMARY KEY, client_id TEXT NOT NULL, expires_at_ms INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lgsp_documents (
  doc_code TEXT PRIMARY KEY, data TEXT NOT NULL, writes INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** What {@link SandboxStore.writeDossiers} decided. */
export type DossierWriteOutcome =
  | { ok: true; changed: number }
  | { ok: false; reason: 'exists' | 'missing' | 'foreign'; maHoSo: string };

/**
 * The state of one sandbox: a SQLite database plus the seed. Methods are synchronous
 * (`node:sqlite`), so each HTTP request's effect is atomic.
 */
export class SandboxStore {
  readonly db: DatabaseSync;
  seed: SandboxSeed;
  readonly #statements = new Map<string, StatementSync>();

  constructor(path: string, seed: SandboxSeed) {
    this.db = new DatabaseSync(path);
    if (path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.seed = seed;
  }

  #s(sql: string): StatementSync {
    let s = this.#statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  #tx<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const r = fn();
      this.db.exec('COMMIT');
      return r;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Forget everything received (dossiers, progress, sessions, payments, LGSP); keep the seed. */
  reset(): void {
    this.db.exec(
      'DELETE FROM dossiers; DELETE FROM dossier_writes; DELETE FROM progress; DELETE FROM sessions; DELETE FROM payments; DELETE FROM lgsp_tokens; DELETE FROM lgsp_documents;',
    );
  }

  close(): void {
    this.#statements.clear();
    if (this.db.isOpen) this.db.close();
  }

  // --- sessions -------------------------------------------------------------------------

  newSession(username: string, nowMs: number): string {
    const token = Buffer.from(randomUUID()).toString('base64url');
    this.#s('INSERT INTO sessions (token, username, created_at_ms, calls) VALUES (?, ?, ?, 0)').run(
      token,
      username,
      nowMs,
    );
    return token;
  }

  /** Counts a call on the session; `undefined` when the session is unknown. */
  useSession(token: string): { createdAtMs: number; calls: number } | undefined {
    const row = this.#s(
      'UPDATE sessions SET calls = calls + 1 WHERE token = ? RETURNING created_at_ms AS createdAtMs, calls',
    ).get(token) as { createdAtMs: number; calls: number } | undefined;
    return row;
  }

  dropSession(token: string): void {
    this.#s('DELETE FROM sessions WHERE token = ?').run(token);
  }

  // --- dossiers -------------------------------------------------------------------------

  /**
   * `DongBoHoSoMC`: all or nothing. A create fails when any dossier exists; an update
   * fails when any is missing or belongs to another agency.
   */
  writeDossiers(
    madonvi: string,
    isUpdating: boolean,
    items: ReadonlyArray<Record<string, unknown>>,
    nowMs: number,
  ): DossierWriteOutcome {
    return this.#tx(() => {
      const get = this.#s('SELECT madonvi, data FROM dossiers WHERE ma_ho_so = ?');
      const existing: Array<{ madonvi: string; data: string } | undefined> = [];
      for (const item of items) {
        const code = String(item.MaHoSo);
        const row = get.get(code) as { madonvi: string; data: string } | undefined;
        if (!isUpdating && row !== undefined) return { ok: false, reason: 'exists', maHoSo: code };
        if (isUpdating && row === undefined) return { ok: false, reason: 'missing', maHoSo: code };
        if (row !== undefined && row.madonvi !== madonvi) return { ok: false, reason: 'foreign', maHoSo: code };
        existing.push(row);
      }
      // Within one request, a later item with the same code wins (it is a later write).
      let changed = 0;
      const insert = this.#s(
        'INSERT INTO dossiers (ma_ho_so, madonvi, data, writes, changes, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 1, 1, ?, ?) ' +
          'ON CONFLICT (ma_ho_so) DO UPDATE SET data = excluded.data, writes = writes + 1, ' +
          'changes = changes + (data <> excluded.data), updated_at_ms = excluded.updated_at_ms',
      );
      const history = this.#s(
        'INSERT INTO dossier_writes (ma_ho_so, status, is_updating, changed, digest, at_ms) VALUES (?, ?, ?, ?, ?, ?)',
      );
      items.forEach((item, i) => {
        const data = JSON.stringify(item);
        const before = existing[i]?.data;
        const didChange = before !== data;
        if (didChange) changed++;
        insert.run(String(item.MaHoSo), madonvi, data, nowMs, nowMs);
        history.run(
          String(item.MaHoSo),
          String(item.TrangThaiHoSo),
          isUpdating ? 1 : 0,
          didChange ? 1 : 0,
          writeDigest(data),
          nowMs,
        );
      });
      return { ok: true, changed };
    });
  }

  dossier(maHoSo: string): SandboxDossier | undefined {
    const row = this.#s(
      'SELECT ma_ho_so, madonvi, data, writes, changes, created_at_ms, updated_at_ms FROM dossiers WHERE ma_ho_so = ?',
    ).get(maHoSo) as DossierRow | undefined;
    return row === undefined ? undefined : dossierOf(row);
  }

  dossiers(options: { madonvi?: string | undefined; limit?: number | undefined; offset?: number | undefined } = {}): {
    total: number;
    items: SandboxDossier[];
  } {
    const where = options.madonvi === undefined ? '' : 'WHERE madonvi = ?';
    const args = options.madonvi === undefined ? [] : [options.madonvi];
    const total = (this.#s(`SELECT count(*) AS n FROM dossiers ${where}`).get(...args) as { n: number }).n;
    const rows = this.#s(
      `SELECT ma_ho_so, madonvi, data, writes, changes, created_at_ms, updated_at_ms FROM dossiers ${where} ORDER BY ma_ho_so LIMIT ? OFFSET ?`,
    ).all(...args, options.limit ?? -1, options.offset ?? 0) as unknown as DossierRow[];
    return { total, items: rows.map(dossierOf) };
  }

  dossierWrites(maHoSo: string): SandboxDossierWrite[] {
    const rows = this.#s(
      'SELECT seq, ma_ho_so, status, is_updating, changed, digest, at_ms FROM dossier_writes WHERE ma_ho_so = ? ORDER BY seq',
    ).all(maHoSo) as unknown as WriteRow[];
    return rows.map(writeOf);
  }

  /** Every accepted write, in arrival order, page by page. */
  allDossierWrites(options: { limit?: number | undefined; offset?: number | undefined } = {}): SandboxDossierWrite[] {
    const rows = this.#s(
      'SELECT seq, ma_ho_so, status, is_updating, changed, digest, at_ms FROM dossier_writes ORDER BY seq LIMIT ? OFFSET ?',
    ).all(options.limit ?? -1, options.offset ?? 0) as unknown as WriteRow[];
    return rows.map(writeOf);
  }

  // --- progress -------------------------------------------------------------------------

  /** `CapNhatTienDoHoSoMC`: all or nothing; every row's dossier must exist. */
  writeProgress(madonvi: string, rows: ReadonlyArray<Record<string, unknown>>): DossierWriteOutcome {
    return this.#tx(() => {
      const get = this.#s('SELECT madonvi FROM dossiers WHERE ma_ho_so = ?');
      for (const r of rows) {
        const code = String(r.MaHoSo);
        const d = get.get(code) as { madonvi: string } | undefined;
        if (d === undefined) return { ok: false, reason: 'missing', maHoSo: code };
        if (d.madonvi !== madonvi) return { ok: false, reason: 'foreign', maHoSo: code };
      }
      const upsert = this.#s(
        'INSERT INTO progress (ma_ho_so, row_key, data, deliveries) VALUES (?, ?, ?, 1) ' +
          'ON CONFLICT (ma_ho_so, row_key) DO UPDATE SET data = excluded.data, deliveries = deliveries + 1',
      );
      for (const r of rows) upsert.run(String(r.MaHoSo), progressKey(r), JSON.stringify(r));
      return { ok: true, changed: rows.length };
    });
  }

  progress(maHoSo: string): SandboxProgressRow[] {
    const rows = this.#s('SELECT seq, ma_ho_so, data, deliveries FROM progress WHERE ma_ho_so = ? ORDER BY seq').all(
      maHoSo,
    ) as unknown as ProgressRow[];
    return rows.map(progressOf);
  }

  /** Every progress row, in order of first arrival, page by page. */
  allProgress(options: { limit?: number | undefined; offset?: number | undefined } = {}): SandboxProgressRow[] {
    const rows = this.#s('SELECT seq, ma_ho_so, data, deliveries FROM progress ORDER BY seq LIMIT ? OFFSET ?').all(
      options.limit ?? -1,
      options.offset ?? 0,
    ) as unknown as ProgressRow[];
    return rows.map(progressOf);
  }

  counts(): { dossiers: number; dossierWrites: number; progressRows: number; progressDeliveries: number } {
    const one = (sql: string): number => Number((this.#s(sql).get() as { n: number | null }).n ?? 0);
    return {
      dossiers: one('SELECT count(*) AS n FROM dossiers'),
      dossierWrites: one('SELECT count(*) AS n FROM dossier_writes'),
      progressRows: one('SELECT count(*) AS n FROM progress'),
      progressDeliveries: one('SELECT sum(deliveries) AS n FROM progress'),
    };
  }

  // --- catalogue, digitization store, population database -------------------------------

  papers(owner: string, codes: ReadonlyArray<{ MaKetQua?: unknown; SoKyHieu?: unknown }>): SandboxStoredPaper[] {
    return this.seed.papers.filter(
      (p) =>
        p.owner === owner &&
        codes.some(
          (c) =>
            c.MaKetQua === p.MaKetQua &&
            (c.SoKyHieu === undefined || c.SoKyHieu === null || c.SoKyHieu === '' || c.SoKyHieu === p.SoKyHieu),
        ),
    );
  }

  paperFile(coQuan: string, duongDan: string): { TenTep: string; content: Buffer; contentType: string } | undefined {
    for (const p of this.seed.papers) {
      if (p.CoQuanChuQuan !== coQuan) continue;
      const f = p.files.find((x) => x.DuongDan === duongDan);
      if (f !== undefined) {
        return {
          TenTep: f.TenTep,
          content: Buffer.from(f.content, 'base64'),
          contentType: f.contentType ?? 'application/octet-stream',
        };
      }
    }
    return undefined;
  }

  citizen(soDinhDanh: string | undefined, soCmnd: string | undefined): SandboxCitizen | undefined {
    return this.seed.citizens.find(
      (c) =>
        (soDinhDanh !== undefined && soDinhDanh !== '' && c.SoDinhDanh === soDinhDanh) ||
        (soCmnd !== undefined && soCmnd !== '' && c.SoCMND === soCmnd),
    );
  }

  // --- payments -------------------------------------------------------------------------

  createPayment(init: Record<string, unknown>): 'created' | 'exists' {
    const r = this.#s(
      "INSERT INTO payments (ma_tham_chieu, ma_doi_tac, state, init, callbacks) VALUES (?, ?, 'initiated', ?, '[]') ON CONFLICT DO NOTHING",
    ).run(String(init.MaThamChieu), String(init.MaDoiTac), JSON.stringify(init));
    return r.changes === 1 ? 'created' : 'exists';
  }

  payment(maThamChieu: string): SandboxPayment | undefined {
    const row = this.#s(
      'SELECT ma_tham_chieu, ma_doi_tac, state, init, ma_giao_dich, callbacks FROM payments WHERE ma_tham_chieu = ?',
    ).get(maThamChieu) as PaymentRow | undefined;
    return row === undefined ? undefined : paymentOf(row);
  }

  payments(): SandboxPayment[] {
    const rows = this.#s(
      'SELECT ma_tham_chieu, ma_doi_tac, state, init, ma_giao_dich, callbacks FROM payments ORDER BY rowid',
    ).all() as unknown as PaymentRow[];
    return rows.map(paymentOf);
  }

  settlePayment(maThamChieu: string, state: 'paid' | 'failed', maGiaoDich: string): void {
    this.#s('UPDATE payments SET state = ?, ma_giao_dich = ? WHERE ma_tham_chieu = ?').run(
      state,
      maGiaoDich,
      maThamChieu,
    );
  }

  recordCallback(maThamChieu: string, entry: SandboxPayment['callbacks'][number]): void {
    const p = this.payment(maThamChieu);
    if (p === undefined) return;
    this.#s('UPDATE payments SET callbacks = ? WHERE ma_tham_chieu = ?').run(
      JSON.stringify([...p.callbacks, entry]),
      maThamChieu,
    );
  }

  // --- LGSP -----------------------------------------------------------------------------

  newLgspToken(clientId: string, expiresAtMs: number): string {
    const token = Buffer.from(randomUUID()).toString('base64url');
    this.#s('INSERT INTO lgsp_tokens (token, client_id, expires_at_ms) VALUES (?, ?, ?)').run(
      token,
      clientId,
      expiresAtMs,
    );
    return token;
  }

  lgspToken(token: string): { clientId: string; expiresAtMs: number } | undefined {
    const row = this.#s('SELECT client_id, expires_at_ms FROM lgsp_tokens WHERE token = ?').get(token) as
      | { client_id: string; expires_at_ms: number }
      | undefined;
    return row === undefined ? undefined : { clientId: row.client_id, expiresAtMs: row.expires_at_ms };
  }

  writeLgspDocument(doc: Record<string, unknown>): void {
    this.#s(
      'INSERT INTO lgsp_documents (doc_code, data, writes) VALUES (?, ?, 1) ON CONFLICT (doc_code) DO UPDATE SET data = excluded.data, writes = writes + 1',
    ).run(String(doc.DocCode), JSON.stringify(doc));
  }

  lgspDocuments(): Array<{ docCode: string; data: Record<string, unknown>; writes: number }> {
    const rows = this.#s(
      'SELECT doc_code, data, writes FROM lgsp_documents ORDER BY doc_code',
    ).all() as unknown as Array<{
      doc_code: string;
      data: string;
      writes: number;
    }>;
    return rows.map((r) => ({
      docCode: r.doc_code,
      data: JSON.parse(r.data) as Record<string, unknown>,
      writes: r.writes,
    }));
  }
}

interface DossierRow {
  ma_ho_so: string;
  madonvi: string;
  data: string;
  writes: number;
  changes: number;
  created_at_ms: number;
  updated_at_ms: number;
}

function dossierOf(r: DossierRow): SandboxDossier {
  return {
    maHoSo: r.ma_ho_so,
    madonvi: r.madonvi,
    data: JSON.parse(r.data) as Record<string, unknown>,
    writes: r.writes,
    changes: r.changes,
    createdAt: new Date(r.created_at_ms).toISOString(),
    updatedAt: new Date(r.updated_at_ms).toISOString(),
  };
}

interface WriteRow {
  seq: number;
  ma_ho_so: string;
  status: string;
  is_updating: number;
  changed: number;
  digest: string;
  at_ms: number;
}

function writeOf(r: WriteRow): SandboxDossierWrite {
  return {
    seq: r.seq,
    maHoSo: r.ma_ho_so,
    status: r.status,
    isUpdating: r.is_updating === 1,
    changed: r.changed === 1,
    digest: r.digest,
    at: new Date(r.at_ms).toISOString(),
  };
}

interface ProgressRow {
  seq: number;
  ma_ho_so: string;
  data: string;
  deliveries: number;
}

function progressOf(r: ProgressRow): SandboxProgressRow {
  return {
    seq: r.seq,
    maHoSo: r.ma_ho_so,
    data: JSON.parse(r.data) as Record<string, unknown>,
    deliveries: r.deliveries,
  };
}

/**
 * The digest the sandbox records for a dossier write ({@link SandboxDossierWrite.digest}):
 * the first 16 hex digits of the SHA-256 of the JSON text (`JSON.stringify` of the object
 * as received). A sender computes the same from what it sent, to check order.
 *
 * @example
 * ```ts
 * import { writeDigest } from '@motcua/sandbox';
 * writeDigest(JSON.stringify({ MaHoSo: 'HS-1', TrangThaiHoSo: '2' })).length; // 16
 * ```
 * @category Sandbox
 */
export function writeDigest(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

interface PaymentRow {
  ma_tham_chieu: string;
  ma_doi_tac: string;
  state: SandboxPayment['state'];
  init: string;
  ma_giao_dich: string | null;
  callbacks: string;
}

function paymentOf(r: PaymentRow): SandboxPayment {
  return {
    maThamChieu: r.ma_tham_chieu,
    maDoiTac: r.ma_doi_tac,
    state: r.state,
    init: JSON.parse(r.init) as Record<string, unknown>,
    ...(r.ma_giao_dich === null ? {} : { maGiaoDich: r.ma_giao_dich }),
    callbacks: JSON.parse(r.callbacks) as SandboxPayment['callbacks'],
  };
}

/** The identity of a progress row (see {@link SandboxProgressRow}). */
export function progressKey(r: Record<string, unknown>): string {
  return JSON.stringify([r.ThoiDiemXuLy ?? null, String(r.TrangThai), r.NguoiXuLy ?? null, r.NoiDungXuLy ?? null]);
}
