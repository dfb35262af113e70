/**
 * `pnpm bench warehouse [--documents N] [--owners M] [--lookups K] [--pg-documents N] [--no-pg] [--regenerate] [--warm-cache] [--synchronous full|normal] [--no-bare-ingest]`
 *
 * Question: at a province's scale and beyond, how fast does `@motcua/store` ingest
 * digitized papers, and how much does a look-up through the port (owner key
 * normalization, validity filter on Vietnamese days, JSON decoding of each paper) cost
 * over a bare indexed SQL query on the same database, in the same run?
 *
 *   ingest   putMany in batches of 5,000 (one transaction each), documents/s
 *   lookup   warehouse.find({ owner, resultCodes, validAt }) for K random owners, p50 / p99
 *   bare     the same WHERE clause as a prepared statement on the same connection (rows
 *            returned, not decoded), p50 / p99
 *   bare ingest  (SQLite, when ingest is measured) the same documents inserted by a bare SQLite
 *            program into the store's schema with the same pragmas, rows encoded before the
 *            clock runs: the peer for the ingest rate (--no-bare-ingest skips it)
 *
 * on SQLite (the file is kept in bench/.data and reused unless --regenerate; the import runs with
 * the store's default `synchronous: 'full'`, or `normal` — the setting the store documents for
 * bulk imports — with --synchronous normal) and on
 * PostgreSQL (MOTCUA_PG_URL, or a throwaway server started with scripts/pg-test-server.sh).
 * Goals (issue #6): SQLite p99 look-up < 1 ms at 10 million documents; SQLite ingest
 * ≥ 100,000 documents/s. The last line is one JSON object with the figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { warehouseColumns } from '@motcua/core';
import type { DigitizedDocument } from '@motcua/schemas';
import { openSqliteStore, type SqliteStore } from '@motcua/store';
import { openPostgresStore, type PostgresStore } from '@motcua/store/postgres';
import { prng } from '../prng.ts';
import { ownerId, papersOf, RESULTS } from './generate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const BATCH = 5000;
const AT = '2025-07-01T08:00:00+07:00';
const AT_MS = Date.parse(AT);
const AT_DAY = '2025-07-01';
/** SQLite page cache for the bulk import (the store's default is 64 MiB). */
const CACHE_MB = 256;

interface Latency {
  p50Us: number;
  p99Us: number;
  meanUs: number;
}

interface EngineFigures {
  documents: number;
  owners: number;
  ingestSeconds: number | null;
  ingestDocsPerSec: number | null;
  ingestDocsPerCpuSecond?: number | null;
  bytes: number | null;
  /** Size of the SQLite WAL file when the import finished (how far the checkpointer lagged). */
  walBytesAtEnd?: number | null;
  lookup: Latency;
  bare: Latency;
  papersPerLookup: number;
  overheadP50Us: number;
  overheadP99Us: number;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function numberArg(args: string[], name: string, fallback: number): number {
  const v = arg(args, name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

/** Papers per owner: 1..19, mean ≈ 10, drawn from the owner index so every run is identical. */
function papersCount(i: number, mean: number): number {
  const r = prng(i * 2654435761)();
  return Math.max(1, Math.round(mean * (0.1 + 1.8 * r)));
}

function* batches(owners: number, documents: number): Generator<DigitizedDocument[]> {
  const mean = documents / owners;
  let made = 0;
  let batch: DigitizedDocument[] = [];
  const rand = prng(6);
  for (let i = 0; i < owners && made < documents; i++) {
    const left = owners - i - 1;
    // The last owners absorb the rounding so the total is exact.
    const count = left === 0 ? documents - made : Math.min(documents - made, papersCount(i, mean));
    batch.push(...papersOf(i, count, made, rand));
    made += count;
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function latency(samples: Float64Array): Latency {
  const sorted = Float64Array.from(samples).sort();
  const sum = samples.reduce((a, b) => a + b, 0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50Us: r(percentile(sorted, 0.5)), p99Us: r(percentile(sorted, 0.99)), meanUs: r(sum / samples.length) };
}

/** K random owners, each with 2 result codes to ask for (as a procedure's replaceable components would). */
function lookupPlan(owners: number, k: number): Array<{ id: string; codes: string[] }> {
  const rand = prng(42);
  return Array.from({ length: k }, () => {
    const a = RESULTS[Math.floor(rand() * RESULTS.length)]?.[0] as string;
    const b = RESULTS[Math.floor(rand() * RESULTS.length)]?.[0] as string;
    return { id: ownerId(Math.floor(rand() * owners)), codes: a === b ? [a] : [a, b] };
  });
}

const now = (): number => Number(process.hrtime.bigint()) / 1000;

async function measure(
  plan: Array<{ id: string; codes: string[] }>,
  viaPort: (id: string, codes: string[]) => Promise<number>,
  bare: (id: string, codes: string[]) => Promise<number>,
): Promise<{ lookup: Latency; bare: Latency; papersPerLookup: number }> {
  // Warm up both paths (JIT, statement cache, page cache) on a slice of the plan.
  for (const { id, codes } of plan.slice(0, Math.min(2000, plan.length))) {
    await viaPort(id, codes);
    await bare(id, codes);
  }
  const portUs = new Float64Array(plan.length);
  const bareUs = new Float64Array(plan.length);
  let papers = 0;
  // Interleaved, so both paths see the same machine; the one that runs first for an owner pays
  // that owner's cold page reads, so the order alternates.
  for (let i = 0; i < plan.length; i++) {
    const { id, codes } = plan[i] as { id: string; codes: string[] };
    const timePort = async () => {
      const t = now();
      papers += await viaPort(id, codes);
      portUs[i] = now() - t;
    };
    const timeBare = async () => {
      const t = now();
      await bare(id, codes);
      bareUs[i] = now() - t;
    };
    if (i % 2 === 0) {
      await timePort();
      await timeBare();
    } else {
      await timeBare();
      await timePort();
    }
  }
  return {
    lookup: latency(portUs),
    bare: latency(bareUs),
    papersPerLookup: Math.round((papers / plan.length) * 100) / 100,
  };
}

const BARE_WHERE = (codes: number, placeholder: (i: number) => string) =>
  `owner_key = ${placeholder(1)} AND result_code IN (${Array.from({ length: codes }, (_, i) => placeholder(i + 2)).join(', ')})
   AND (state = 'valid' OR state_at_ms > ${placeholder(codes + 2)})
   AND (issue_date IS NULL OR issue_date <= ${placeholder(codes + 3)})
   AND (valid_until IS NULL OR valid_until >= ${placeholder(codes + 3)})`;

/**
 * The ingest peer: the same documents inserted by a bare SQLite program into the store's own
 * schema (tables and indexes made by the store's migrations, the same pragmas, transactions of
 * the same size, SQLite's own WAL checkpointing), with rows encoded before the clock runs —
 * only the INSERT statements and commits are timed. What SQLite itself does on this machine.
 */
function bareSqliteIngest(
  documents: number,
  owners: number,
  synchronous: 'full' | 'normal',
): { seconds: number; docsPerSec: number } {
  const path = join(tmpdir(), `motcua-bare-ingest-${process.pid}.db`);
  const clean = (): void => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  };
  clean();
  try {
    void openSqliteStore({ path }).close();
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous.toUpperCase()};
      PRAGMA temp_store = MEMORY; PRAGMA cache_size = -${CACHE_MB * 1024}`);
    const insert = db.prepare(`INSERT INTO warehouse_documents
      (id, owner_key, result_code, document_type, issue_date, valid_until, state, state_at_ms, doc, recorded_at, origin, actor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
    const recordedAt = AT;
    let insertUs = 0;
    for (const batch of batches(owners, documents)) {
      const rows = batch.map((d) => {
        const c = warehouseColumns(d);
        return [
          c.id,
          c.ownerKey,
          c.resultCode,
          c.documentType,
          c.issueDate,
          c.validUntil,
          c.state,
          c.stateAtMs,
          JSON.stringify(d),
          recordedAt,
          'bench',
          null,
        ] as const;
      });
      const t = now();
      db.exec('BEGIN IMMEDIATE');
      for (const r of rows) insert.run(...r);
      db.exec('COMMIT');
      insertUs += now() - t;
    }
    db.close();
    const seconds = insertUs / 1e6;
    return { seconds: Math.round(seconds * 10) / 10, docsPerSec: Math.round(documents / seconds) };
  } finally {
    clean();
  }
}

async function sqliteRun(
  documents: number,
  owners: number,
  k: number,
  regenerate: boolean,
  warm: boolean,
  synchronous: 'full' | 'normal',
): Promise<EngineFigures> {
  const dataDir = resolve(here, '..', '.data');
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `warehouse-${documents}-${owners}.db`);
  let ingestSeconds: number | null = null;
  let ingestCpuSeconds: number | null = null;
  let walBytesAtEnd: number | null = null;
  if (regenerate || !existsSync(path)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const store: SqliteStore = openSqliteStore({ path, cacheSizeMb: CACHE_MB, synchronous });
    console.log(
      `sqlite: generating ${documents.toLocaleString('en')} documents for ${owners.toLocaleString('en')} owners → ${path}`,
    );
    const t0 = now();
    const cpu0 = process.cpuUsage();
    let done = 0;
    let generationUs = 0;
    let generationCpuUs = 0;
    const it = batches(owners, documents);
    for (;;) {
      const g = now();
      const gc = process.cpuUsage();
      const step = it.next();
      const used = process.cpuUsage(gc);
      generationCpuUs += used.user + used.system;
      generationUs += now() - g;
      if (step.done) break;
      store.warehouse.putManySync(step.value, { origin: 'bench', at: AT });
      done += step.value.length;
      if (done % 500_000 < BATCH) {
        const s = (now() - t0 - generationUs) / 1e6;
        console.log(
          `  ${done.toLocaleString('en')} documents, ${Math.round(done / s).toLocaleString('en')} docs/s (ingest only)`,
        );
      }
    }
    // Ingest time excludes generating the JavaScript objects (that is the caller's cost), includes JSON encoding,
    // index columns, statements, transactions and fsync.
    ingestSeconds = (now() - t0 - generationUs) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    // Process CPU: the background WAL checkpointer's thread included.
    ingestCpuSeconds = (cpu.user + cpu.system - generationCpuUs) / 1e6;
    walBytesAtEnd = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
    await store.close();
  } else {
    console.log(`sqlite: reusing ${path} (--regenerate to rebuild and measure ingest)`);
  }
  const bytes = statSync(path).size;
  if (warm) {
    // A long-running server has its working set in the OS page cache; a fresh import or a
    // reboot does not. --warm-cache reads the file once so the figures show the former.
    const t = now();
    const handle = await open(path, 'r');
    const buf = Buffer.allocUnsafe(8 << 20);
    while ((await handle.read(buf, 0, buf.length, null)).bytesRead > 0) {
      // discard
    }
    await handle.close();
    console.log(
      `sqlite: read ${Math.round(bytes / 1e6)} MB into the OS page cache in ${((now() - t) / 1e6).toFixed(1)} s`,
    );
  }
  const store = openSqliteStore({ path });
  const raw = new DatabaseSync(path, { readOnly: true });
  raw.exec('PRAGMA cache_size = -65536');
  const statements = new Map<number, ReturnType<DatabaseSync['prepare']>>();
  const bareStatement = (n: number) => {
    let s = statements.get(n);
    if (s === undefined) {
      s = raw.prepare(`SELECT doc FROM warehouse_documents WHERE ${BARE_WHERE(n, () => '?')}`);
      statements.set(n, s);
    }
    return s;
  };
  const plan = lookupPlan(owners, k);
  const m = await measure(
    plan,
    async (id, codes) =>
      (await store.warehouse.find({ owner: { type: 'personal-id', value: id }, resultCodes: codes, validAt: AT }))
        .length,
    async (id, codes) => bareStatement(codes.length).all(`P:${id}`, ...codes, AT_MS, AT_DAY, AT_DAY).length,
  );
  raw.close();
  await store.close();
  return {
    documents,
    owners,
    ingestSeconds: ingestSeconds === null ? null : Math.round(ingestSeconds * 10) / 10,
    ingestDocsPerSec: ingestSeconds === null ? null : Math.round(documents / ingestSeconds),
    // SQLite runs in-process, so this process's CPU time is all the ingest work: the rate an
    // idle core would reach, whatever else the machine is doing (I/O waits excluded).
    ingestDocsPerCpuSecond: ingestCpuSeconds === null ? null : Math.round(documents / ingestCpuSeconds),
    bytes,
    walBytesAtEnd,
    ...m,
    overheadP50Us: Math.round((m.lookup.p50Us - m.bare.p50Us) * 10) / 10,
    overheadP99Us: Math.round((m.lookup.p99Us - m.bare.p99Us) * 10) / 10,
  };
}

function startPostgres(): { url: string; stop: () => void } {
  const given = process.env.MOTCUA_PG_URL;
  if (given !== undefined && given !== '') return { url: given, stop: () => {} };
  const script = resolve(here, '../../scripts/pg-test-server.sh');
  const env = { ...process.env, MOTCUA_PG_DIR: join(tmpdir(), `motcua-pg-bench-${process.pid}`) };
  const run = (c: string) => execFileSync('bash', [script, c], { env, encoding: 'utf8' }).trim();
  run('start');
  return { url: run('url'), stop: () => void run('stop') };
}

async function postgresRun(documents: number, owners: number, k: number): Promise<EngineFigures> {
  const server = startPostgres();
  const schema = `motcua_bench_${process.pid}`;
  let store: PostgresStore | undefined;
  try {
    store = await openPostgresStore({ connectionString: server.url, schema, poolConfig: { max: 4 } });
    console.log(
      `postgresql: generating ${documents.toLocaleString('en')} documents for ${owners.toLocaleString('en')} owners (schema ${schema})`,
    );
    const t0 = now();
    let generationUs = 0;
    let done = 0;
    const it = batches(owners, documents);
    for (;;) {
      const g = now();
      const step = it.next();
      generationUs += now() - g;
      if (step.done) break;
      await store.warehouse.putMany(step.value, { origin: 'bench', at: AT });
      done += step.value.length;
      if (done % 500_000 < BATCH) {
        const s = (now() - t0 - generationUs) / 1e6;
        console.log(`  ${done.toLocaleString('en')} documents, ${Math.round(done / s).toLocaleString('en')} docs/s`);
      }
    }
    const ingestSeconds = (now() - t0 - generationUs) / 1e6;
    await store.pool.query(`ANALYZE "${schema}".warehouse_documents`);
    const size = await store.pool.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('"${schema}".warehouse_documents')::text AS bytes`,
    );
    const pool = store.pool;
    const s = store;
    const plan = lookupPlan(owners, k);
    const m = await measure(
      plan,
      async (id, codes) =>
        (await s.warehouse.find({ owner: { type: 'personal-id', value: id }, resultCodes: codes, validAt: AT })).length,
      async (id, codes) =>
        (
          await pool.query({
            name: `bare-${codes.length}`,
            text: `SELECT doc FROM "${schema}".warehouse_documents WHERE ${BARE_WHERE(codes.length, (i) => `$${i}`)}`,
            values: [`P:${id}`, ...codes, AT_MS, AT_DAY],
          })
        ).rowCount ?? 0,
    );
    return {
      documents,
      owners,
      ingestSeconds: Math.round(ingestSeconds * 10) / 10,
      ingestDocsPerSec: Math.round(documents / ingestSeconds),
      bytes: Number(size.rows[0]?.bytes ?? 0),
      ...m,
      overheadP50Us: Math.round((m.lookup.p50Us - m.bare.p50Us) * 10) / 10,
      overheadP99Us: Math.round((m.lookup.p99Us - m.bare.p99Us) * 10) / 10,
    };
  } finally {
    if (store !== undefined) {
      await store.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await store.close();
    }
    server.stop();
  }
}

export async function main(args: string[]): Promise<void> {
  const documents = numberArg(args, '--documents', 10_000_000);
  const owners = numberArg(args, '--owners', Math.max(1, Math.round(documents / 10)));
  const lookups = numberArg(args, '--lookups', 100_000);
  const pgDocuments = numberArg(args, '--pg-documents', Math.min(documents, 1_000_000));
  const pgOwners = Math.max(1, Math.round((pgDocuments * owners) / documents));
  console.log(`Node ${process.version}; ${lookups.toLocaleString('en')} look-ups at ${AT}`);

  const warm = args.includes('--warm-cache');
  const synchronous = arg(args, '--synchronous') ?? 'full';
  if (synchronous !== 'full' && synchronous !== 'normal') throw new Error('--synchronous must be full or normal');
  const sqlite = await sqliteRun(documents, owners, lookups, args.includes('--regenerate'), warm, synchronous);
  // The ingest peer runs only when the store's ingest was measured (a regenerated database).
  const bareIngest =
    sqlite.ingestDocsPerSec === null || args.includes('--no-bare-ingest')
      ? null
      : bareSqliteIngest(documents, owners, synchronous);
  if (bareIngest !== null)
    console.log(
      `sqlite      bare SQLite insert of the same rows (pre-encoded, same schema and pragmas): ${bareIngest.docsPerSec.toLocaleString('en')} docs/s; the store ingests at ${((sqlite.ingestDocsPerSec as number) / bareIngest.docsPerSec).toFixed(3)}× that`,
    );
  console.log(
    `sqlite      ingest ${sqlite.ingestDocsPerSec?.toLocaleString('en') ?? '(reused)'} docs/s (${sqlite.ingestDocsPerCpuSecond?.toLocaleString('en') ?? '-'} per CPU-second); lookup p50 ${sqlite.lookup.p50Us} µs p99 ${sqlite.lookup.p99Us} µs; bare p50 ${sqlite.bare.p50Us} µs p99 ${sqlite.bare.p99Us} µs; ${sqlite.papersPerLookup} papers/look-up`,
  );
  let postgres: EngineFigures | null = null;
  let postgresSkipped: string | undefined;
  if (args.includes('--no-pg')) {
    postgresSkipped = '--no-pg';
  } else {
    try {
      postgres = await postgresRun(pgDocuments, pgOwners, lookups);
      console.log(
        `postgresql  ingest ${postgres.ingestDocsPerSec?.toLocaleString('en')} docs/s; lookup p50 ${postgres.lookup.p50Us} µs p99 ${postgres.lookup.p99Us} µs; bare p50 ${postgres.bare.p50Us} µs p99 ${postgres.bare.p99Us} µs`,
      );
    } catch (error) {
      postgresSkipped = error instanceof Error ? error.message.split('\n')[0] : String(error);
      console.log(`postgresql: not measured: ${postgresSkipped}`);
    }
  }
  const result = {
    bench: 'warehouse',
    node: process.version,
    sqliteCacheMb: CACHE_MB,
    sqliteSynchronous: synchronous,
    sqliteFileCacheWarmed: warm,
    // Latency percentiles are only as quiet as the machine: record how busy it was.
    cpus: cpus().length,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    lookups,
    sqlite,
    sqliteBareIngest: bareIngest,
    sqliteIngestVsBare:
      bareIngest === null ? null : Number(((sqlite.ingestDocsPerSec as number) / bareIngest.docsPerSec).toFixed(3)),
    postgres,
    ...(postgresSkipped === undefined ? {} : { postgresSkipped }),
    goals: {
      sqliteP99UnderMs: 1,
      sqliteIngestDocsPerSec: 100_000,
      sqliteP99Met: sqlite.lookup.p99Us < 1000,
      sqliteIngestMet: sqlite.ingestDocsPerSec === null ? null : sqlite.ingestDocsPerSec >= 100_000,
      sqliteIngestPerCpuSecondMet:
        sqlite.ingestDocsPerCpuSecond == null ? null : sqlite.ingestDocsPerCpuSecond >= 100_000,
    },
  };
  console.log(JSON.stringify(result));
}
