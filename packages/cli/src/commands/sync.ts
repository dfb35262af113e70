/**
 * `motcua sync`: the DVCQG sync worker, its metrics, and reconciliation, over a SQLite or
 * PostgreSQL outbox. Also the wiring of `@motcua/adapters`' DVCQG client into core's
 * `PortalSender` port ({@link createDvcqgPortalSender}).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDvcqgClient, type DvcqgClient, type DvcqgClientOptions, PortalError } from '@motcua/adapters/dvcqg';
import {
  createSyncWorker,
  DEFAULT_BACKOFF,
  enqueueReconciliation,
  type LocalDossierRecord,
  type OutboxStore,
  outboxMetrics,
  type PortalSender,
  type ReconcileReport,
  reconcile,
  type SyncEvent,
} from '@motcua/core';
import type { Lang } from '@motcua/schemas';
import type { DvcqgDossier, DvcqgProgress } from '@motcua/schemas/dvcqg';
import { openSqliteStore } from '@motcua/store';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';

const DEFAULT_DB = './motcua.db';

const USAGE = `motcua sync run --portal <portal.json> [--db ${DEFAULT_DB}|postgres://…] [--schema motcua]
                [--concurrency 32] [--batch 10] [--until-empty] [--timeout-ms 60000] [--json] [--lang vi|en]
motcua sync status [--db ${DEFAULT_DB}|postgres://…] [--schema motcua] [--json] [--lang vi|en]
motcua sync reconcile --portal <portal.json> --local <dossiers.ndjson> [--db ${DEFAULT_DB}|postgres://…]
                [--schema motcua] [--enqueue] [--force] [--json] [--lang vi|en]

Đồng bộ hồ sơ lên Cổng DVCQG qua hàng đợi outbox (SQLite hoặc PostgreSQL).
Sync dossiers to Cổng DVCQG through the outbox (SQLite or PostgreSQL).

  run        gửi các thay đổi trong outbox: theo thứ tự từng hồ sơ, ít nhất một lần, thử lại có
             giãn cách, thư chết sau giới hạn; --until-empty: dừng khi outbox trống; Ctrl+C: dừng êm
             deliver the outbox: in order per dossier, at least once, retries with backoff, dead
             letters after a bound; --until-empty: stop when nothing is left; Ctrl+C: graceful stop
  status     số thư chờ gửi, đang gửi, thất bại (thư chết), đã gửi; độ trễ
             pending, in flight, failed (dead letters), done; lag
  reconcile  so sánh hồ sơ cục bộ (NDJSON: mỗi dòng một hồ sơ DongBoHoSoMC, hoặc {dossier, progress})
             với Cổng (TraCuuHoSo); --enqueue: đưa các khác biệt vào outbox (chỉ khi outbox trống,
             trừ khi có --force)
             compare local dossiers (NDJSON: one DongBoHoSoMC dossier per line, or {dossier, progress})
             with the portal (TraCuuHoSo); --enqueue: put the differences in the outbox (only when the
             outbox is empty, unless --force)

  --portal   tệp JSON cấu hình kết nối (adapterUrl, authEndpoint, integrationEndpoint, shareEndpoint,
             username, madonvi, dstcode; mật khẩu trong biến môi trường MOTCUA_DVCQG_PASSWORD hoặc
             trường password). 'motcua sandbox --json' in ra cấu hình này cho Cổng giả lập.
             portal connection JSON (same keys; password from MOTCUA_DVCQG_PASSWORD or "password").
             'motcua sandbox --json' prints one for the sandbox portal.

Exit: 0 ok (reconcile: no difference), 1 dead letters (run, status) or differences (reconcile), 2 usage error.`;

/**
 * Wires a DVCQG client of `@motcua/adapters` into core's `PortalSender` port:
 *
 * - `upsertDossier` follows the hint: create (`isUpdating` false) for a dossier's first
 *   change, update afterwards; a create answered "đã tồn tại" becomes an update, and a
 *   rejected update falls back to the client's look-up-then-upsert (dvcqg-wire.md §11.3);
 *   without a hint it uses the client's `upsertDossier` (`TraCuuHoSo` first);
 * - `upsertDossiers` sends several dossiers with the same hint in one `DongBoHoSoMC`;
 * - `sendProgress` sends the rows in chunks (the client's `capNhatTienDo`) and rejects with
 *   the first failed chunk's error;
 * - `lookUpDossier` is `TraCuuHoSo`.
 *
 * @example
 * ```ts
 * import { createDvcqgClient } from '@motcua/adapters/dvcqg';
 * import { createSyncWorker, type OutboxStore } from '@motcua/core';
 * import { createDvcqgPortalSender } from '@motcua/cli';
 * declare const outbox: OutboxStore;
 * const client = createDvcqgClient({
 *   adapterUrl: 'http://127.0.0.1:41234', authEndpoint: '/mapi/login', integrationEndpoint: '/mapi/service',
 *   shareEndpoint: '/mapi/share', username: 'motcua', password: 'motcua-sandbox',
 *   madonvi: '000.00.00.H56', dstcode: 'VN:GOV:000.00.00.G22:vpcpdvcprovider',
 * });
 * const worker = createSyncWorker({ outbox, portal: createDvcqgPortalSender(client) });
 * ```
 * @category CLI
 */
export function createDvcqgPortalSender(client: DvcqgClient): PortalSender {
  return {
    async upsertDossier({ dossier, exists }, options) {
      const signal = options?.signal;
      if (exists === undefined) {
        await client.upsertDossier(dossier, signal);
        return;
      }
      try {
        await client.dongBoHoSo([dossier], { isUpdating: exists, signal });
      } catch (error) {
        if (!(error instanceof PortalError)) throw error;
        if (!exists && error.code === 'PORTAL_ALREADY_EXISTS') {
          // Our own create whose answer was lost, or another sender's.
          await client.dongBoHoSo([dossier], { isUpdating: true, signal });
        } else if (exists && error.code === 'PORTAL_REJECTED') {
          // The portal may lack it (the code for "not found" is not documented): look it up.
          await client.upsertDossier(dossier, signal);
        } else {
          throw error;
        }
      }
    },
    async upsertDossiers(items, options) {
      const isUpdating = items[0]?.exists === true;
      await client.dongBoHoSo(
        items.map((i) => i.dossier),
        { isUpdating, signal: options?.signal },
      );
    },
    async sendProgress(rows, options) {
      const r = await client.capNhatTienDo(rows, { signal: options?.signal });
      if (!r.ok) {
        const failed = r.chunks.find((c) => c.outcome === 'failed');
        throw failed?.error ?? new Error('CapNhatTienDoHoSoMC: a chunk was not sent');
      }
    },
    async lookUpDossier(maHoSo, options) {
      return (await client.traCuuHoSo(maHoSo, options?.signal)).records[0];
    },
  };
}

/**
 * The `sync` command: `run`, `status`, `reconcile`.
 *
 * @example
 * ```ts
 * import { syncCommand } from '@motcua/cli';
 * const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
 * await syncCommand.run(['status', '--db', 'motcua.db', '--json'], io);
 * // {"pending":0,"inFlight":0,"failed":0,"done":1234,"lagMs":0}
 * ```
 * @category CLI
 */
export const syncCommand: Command = {
  name: 'sync',
  summary: {
    vi: 'Đồng bộ hồ sơ lên Cổng DVCQG qua outbox: chạy worker, xem số liệu, đối soát',
    en: 'Sync dossiers to Cổng DVCQG through the outbox: run the worker, metrics, reconcile',
  },
  usage: USAGE,
  run: (args, io) => runSync(args, io),
};

/** A usage problem: printed with the usage text, exit 2. */
class UsageError extends Error {}

type Values = {
  db?: string | undefined;
  schema?: string | undefined;
  portal?: string | undefined;
  local?: string | undefined;
  concurrency?: string | undefined;
  batch?: string | undefined;
  'timeout-ms'?: string | undefined;
  'until-empty'?: boolean | undefined;
  enqueue?: boolean | undefined;
  force?: boolean | undefined;
  json?: boolean | undefined;
  lang?: string | undefined;
};

const ALLOWED: Readonly<Record<string, readonly (keyof Values)[]>> = {
  run: ['db', 'schema', 'portal', 'concurrency', 'batch', 'timeout-ms', 'until-empty'],
  status: ['db', 'schema'],
  reconcile: ['db', 'schema', 'portal', 'local', 'enqueue', 'force'],
};

/**
 * Runs `motcua sync …`; `signal` stops `sync run` gracefully (the command itself stops on
 * SIGINT / SIGTERM).
 *
 * @example
 * ```ts
 * import { runSync } from '@motcua/cli';
 * const stop = new AbortController();
 * const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
 * const done = runSync(['run', '--portal', 'portal.json', '--db', 'motcua.db'], io, { signal: stop.signal });
 * // … later
 * stop.abort();
 * await done;
 * ```
 * @category CLI
 */
export async function runSync(args: string[], io: Io, options: { signal?: AbortSignal } = {}): Promise<number> {
  const lang = pickLang(args);
  try {
    return await dispatch(args, io, lang, options.signal);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`motcua sync: ${err.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

async function dispatch(args: string[], io: Io, lang: Lang, signal: AbortSignal | undefined): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        schema: { type: 'string' },
        portal: { type: 'string' },
        local: { type: 'string' },
        concurrency: { type: 'string' },
        batch: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'until-empty': { type: 'boolean' },
        enqueue: { type: 'boolean' },
        force: { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const [sub, ...rest] = positionals;
  const allowed = sub === undefined ? undefined : ALLOWED[sub];
  if (sub === undefined || allowed === undefined) {
    throw new UsageError(
      sub === undefined
        ? t(lang, 'thiếu lệnh con (run, status, reconcile)', 'missing sub-command (run, status, reconcile)')
        : t(lang, `lệnh con không hợp lệ '${sub}'`, `unknown sub-command '${sub}'`),
    );
  }
  if (rest.length > 0)
    throw new UsageError(t(lang, `thừa tham số: ${rest.join(' ')}`, `unexpected: ${rest.join(' ')}`));
  const stray = (Object.keys(values) as (keyof Values)[]).filter(
    (k) => k !== 'json' && k !== 'lang' && values[k] !== undefined && !allowed.includes(k),
  );
  if (stray.length > 0) {
    throw new UsageError(
      t(lang, `'${sub}' không nhận --${stray.join(', --')}`, `'${sub}' does not take --${stray.join(', --')}`),
    );
  }
  const json = values.json === true;
  const store = await openOutbox(values.db ?? DEFAULT_DB, values.schema);
  try {
    if (sub === 'status') return await status(store.outbox, json, io, lang);
    const portal = await portalFrom(values.portal, lang, values['timeout-ms']);
    if (sub === 'run') return await run(store.outbox, portal, values, json, io, lang, signal);
    return await reconcileCommand(store.outbox, portal, values, json, io, lang);
  } finally {
    await store.close();
  }
}

async function openOutbox(
  db: string,
  schema: string | undefined,
): Promise<{ outbox: OutboxStore; close(): Promise<void> }> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const { openPostgresStore } = await import('@motcua/store/postgres');
    return openPostgresStore({ connectionString: db, ...(schema === undefined ? {} : { schema }) });
  }
  if (schema !== undefined) throw new UsageError('--schema is for PostgreSQL (--db postgres://…)');
  return openSqliteStore({ path: db });
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

async function portalFrom(file: string | undefined, lang: Lang, timeout: string | undefined): Promise<PortalSender> {
  if (file === undefined) throw new UsageError(t(lang, 'thiếu --portal <tệp.json>', 'missing --portal <file.json>'));
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new UsageError(
      t(lang, `không đọc được ${file}: ${(err as Error).message}`, `cannot read ${file}: ${(err as Error).message}`),
    );
  }
  const password = process.env.MOTCUA_DVCQG_PASSWORD ?? config.password;
  const missing = [
    'adapterUrl',
    'authEndpoint',
    'integrationEndpoint',
    'shareEndpoint',
    'username',
    'madonvi',
    'dstcode',
  ].filter((k) => typeof config[k] !== 'string' || config[k] === '');
  if (typeof password !== 'string' || password === '') missing.push('password (MOTCUA_DVCQG_PASSWORD)');
  if (missing.length > 0) {
    throw new UsageError(t(lang, `${file}: thiếu ${missing.join(', ')}`, `${file}: missing ${missing.join(', ')}`));
  }
  const timeoutMs = positive(timeout, 'timeout-ms', 60_000);
  const options: DvcqgClientOptions = {
    adapterUrl: config.adapterUrl as string,
    authEndpoint: config.authEndpoint as string,
    integrationEndpoint: config.integrationEndpoint as string,
    shareEndpoint: config.shareEndpoint as string,
    username: config.username as string,
    password: password as string,
    madonvi: config.madonvi as string,
    dstcode: config.dstcode as string,
    // One quick retry inside the client; the outbox does the patient retrying.
    timeoutMs,
    retry: { retries: 1, baseDelayMs: 100, maxDelayMs: 1000 },
  };
  return createDvcqgPortalSender(createDvcqgClient(options));
}

async function status(outbox: OutboxStore, json: boolean, io: Io, lang: Lang): Promise<number> {
  const m = await outboxMetrics(outbox);
  const figures = { pending: m.pending, inFlight: m.inFlight, failed: m.failed, done: m.done, lagMs: m.lagMs ?? null };
  if (json) io.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    const lag =
      m.lagMs === undefined
        ? ''
        : t(lang, ` · trễ ${Math.round(m.lagMs / 1000)} giây`, ` · lag ${Math.round(m.lagMs / 1000)} s`);
    io.stdout.write(
      t(
        lang,
        `chờ gửi ${m.pending} · đang gửi ${m.inFlight} · thư chết ${m.failed} · đã gửi ${m.done}${lag}\n`,
        `pending ${m.pending} · in flight ${m.inFlight} · dead ${m.failed} · done ${m.done}${lag}\n`,
      ),
    );
  }
  return m.failed > 0 ? EXIT.invalid : EXIT.ok;
}

async function run(
  outbox: OutboxStore,
  portal: PortalSender,
  values: Values,
  json: boolean,
  io: Io,
  lang: Lang,
  signal: AbortSignal | undefined,
): Promise<number> {
  const concurrency = positive(values.concurrency, 'concurrency', 32);
  const batchSize = positive(values.batch, 'batch', 10);
  const timeoutMs = positive(values['timeout-ms'], 'timeout-ms', 60_000);
  const onEvent = (e: SyncEvent): void => {
    if (e.type === 'dead') io.stderr.write(`${t(lang, 'thư chết', 'dead letter')} ${e.id}: ${e.reason}\n`);
    else if (e.type === 'store-error')
      io.stderr.write(`${t(lang, 'lỗi outbox', 'outbox error')} (${e.operation}): ${e.reason}\n`);
  };
  const worker = createSyncWorker({
    outbox,
    portal,
    concurrency,
    batchSize,
    // A delivery is at most a login, a look-up and two DongBoHoSoMC (create, then update).
    deliveryTimeoutMs: timeoutMs * 4,
    leaseMs: timeoutMs * 4 + 60_000,
    onEvent,
  });
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  signal?.addEventListener('abort', onSignal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (values['until-empty'] === true) {
      // Messages left behind a dead letter wait for an operator: stop once nothing moved for
      // longer than the longest retry delay.
      await worker.drain({ idleMs: DEFAULT_BACKOFF.maxMs + 10_000, signal: stop.signal });
    } else {
      worker.start();
      if (!json) io.stderr.write(t(lang, 'đang đồng bộ; Ctrl+C để dừng\n', 'syncing; Ctrl+C to stop\n'));
      await new Promise((r) => stop.signal.addEventListener('abort', r));
      await worker.stop();
    }
  } finally {
    signal?.removeEventListener('abort', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const m = await worker.metrics();
  const s = m.worker;
  const figures = {
    delivered: s.delivered,
    retries: s.retries,
    deadLettered: s.deadLettered,
    pending: m.pending,
    inFlight: m.inFlight,
    failed: m.failed,
    done: m.done,
  };
  if (json) io.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    io.stdout.write(
      t(
        lang,
        `đã gửi ${s.delivered} · thử lại ${s.retries} · thư chết mới ${s.deadLettered} · còn chờ ${m.pending} · thư chết ${m.failed}\n`,
        `delivered ${s.delivered} · retries ${s.retries} · new dead letters ${s.deadLettered} · pending ${m.pending} · dead ${m.failed}\n`,
      ),
    );
  }
  return m.failed > 0 ? EXIT.invalid : EXIT.ok;
}

async function readLocal(file: string, lang: Lang): Promise<LocalDossierRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      t(lang, `không đọc được ${file}: ${(err as Error).message}`, `cannot read ${file}: ${(err as Error).message}`),
    );
  }
  const out: LocalDossierRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new UsageError(t(lang, `${file}:${i + 1}: không phải JSON`, `${file}:${i + 1}: not JSON`));
    }
    const o = (v ?? {}) as Record<string, unknown>;
    const record: LocalDossierRecord | undefined =
      typeof o.MaHoSo === 'string'
        ? { dossier: o as DvcqgDossier }
        : o.dossier !== null &&
            typeof o.dossier === 'object' &&
            typeof (o.dossier as Record<string, unknown>).MaHoSo === 'string'
          ? {
              dossier: o.dossier as DvcqgDossier,
              ...(Array.isArray(o.progress) ? { progress: o.progress as DvcqgProgress[] } : {}),
            }
          : undefined;
    if (record === undefined) {
      throw new UsageError(
        t(
          lang,
          `${file}:${i + 1}: thiếu MaHoSo (hồ sơ hoặc {dossier, progress})`,
          `${file}:${i + 1}: no MaHoSo (a dossier or {dossier, progress})`,
        ),
      );
    }
    out.push(record);
  }
  return out;
}

async function reconcileCommand(
  outbox: OutboxStore,
  portal: PortalSender,
  values: Values,
  json: boolean,
  io: Io,
  lang: Lang,
): Promise<number> {
  if (values.local === undefined)
    throw new UsageError(t(lang, 'thiếu --local <tệp.ndjson>', 'missing --local <file.ndjson>'));
  const local = await readLocal(values.local, lang);
  if (values.enqueue === true && values.force !== true) {
    const c = await outbox.counts();
    if (c.pending + c.leased > 0) {
      io.stderr.write(
        t(
          lang,
          `motcua sync: outbox còn ${c.pending + c.leased} thư chưa gửi; chạy 'motcua sync run --until-empty' trước (hoặc --force): một ảnh chụp cũ có thể đè lên thay đổi mới hơn\n`,
          `motcua sync: the outbox still holds ${c.pending + c.leased} undelivered messages; run 'motcua sync run --until-empty' first (or --force): an older snapshot could overwrite a newer change\n`,
        ),
      );
      return EXIT.usage;
    }
  }
  const report: ReconcileReport = await reconcile(local, portal);
  let enqueued = 0;
  if (values.enqueue === true) {
    enqueued = (await enqueueReconciliation(outbox, report, { runId: new Date().toISOString() })).enqueued;
  }
  const differences = report.differences.map((d) => ({
    maHoSo: d.maHoSo,
    kind: d.kind,
    ...(d.fields.length > 0 ? { fields: d.fields } : {}),
    ...(d.reason === undefined ? {} : { reason: d.reason }),
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify({ checked: report.checked, same: report.same, differences, enqueued })}\n`);
  } else {
    const kinds: Record<string, string> = {
      missing: t(lang, 'Cổng chưa có', 'missing on the portal'),
      different: t(lang, 'khác', 'differs'),
      'lookup-failed': t(lang, 'tra cứu lỗi', 'look-up failed'),
    };
    for (const d of differences) {
      io.stdout.write(
        `${d.maHoSo}  ${kinds[d.kind]}${d.fields === undefined ? '' : `: ${d.fields.join(', ')}`}${d.reason === undefined ? '' : ` (${d.reason})`}\n`,
      );
    }
    io.stdout.write(
      t(
        lang,
        `đã kiểm tra ${report.checked} · khớp ${report.same} · khác biệt ${differences.length}${values.enqueue === true ? ` · đã đưa vào outbox ${enqueued} thư` : ''}\n`,
        `checked ${report.checked} · in sync ${report.same} · differences ${differences.length}${values.enqueue === true ? ` · enqueued ${enqueued} messages` : ''}\n`,
      ),
    );
  }
  return differences.length > 0 ? EXIT.invalid : EXIT.ok;
}
