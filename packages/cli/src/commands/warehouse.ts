/**
 * `motcua warehouse`: import digitized papers into a local SQLite warehouse, look them
 * up by owner (every look-up written to the access log), and show an owner's access log.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  describeAccessLogEntry,
  documentValidityAt,
  epochMsOf,
  type PutResult,
  ReuseError,
  type StoredDocument,
  vietnamInstantOfMs,
} from '@motcua/core';
import {
  type AccessLogEntry,
  accessLogEntrySchema,
  type DigitizedDocument,
  type Identity,
  type IdentityType,
  KINDS,
  type Lang,
  type ValidationIssue,
  validateNdjson,
} from '@motcua/schemas';
import { openSqliteStore, type SqliteStore } from '@motcua/store';
import { type Command, EXIT, type Io } from '../command.ts';
import { pickLang, t } from '../lang.ts';
import { InputError, openStream } from '../read-input.ts';

const DEFAULT_DB = './motcua.db';
const BATCH = 2000;
const MAX_LISTED_REJECTS = 20;
const MAX_JSON_REJECTS = 1000;

const USAGE = `motcua warehouse import <file.ndjson|-> [--db ${DEFAULT_DB}] [--origin TEXT] [--json] [--lang vi|en]
motcua warehouse lookup --owner <id> --purpose "..." --requester <officer id> --agency <agency code> --procedure <MaTTHC>
                        [--dossier <MaHoSo>] [--result-code X]... [--document-type Y]... [--at <instant>] [--all]
                        [--owner-type personal-id|cmnd|tax-code|passport] [--db ${DEFAULT_DB}] [--json] [--lang vi|en]
motcua warehouse log --owner <id> [--owner-type ...] [--db ${DEFAULT_DB}] [--json] [--lang vi|en]

Kho dữ liệu số hóa cục bộ (SQLite).
A local digitization warehouse (SQLite).

  import   nạp giấy tờ số hóa từ NDJSON (mỗi dòng một DigitizedDocument), kiểm tra từng bản ghi,
           nạp lại không tạo bản trùng; in tóm tắt các bản ghi bị từ chối và lý do
           load digitized papers from NDJSON (one DigitizedDocument per line), validating each
           record; re-importing is idempotent; prints a summary of rejected records with reasons
  lookup   tra cứu giấy tờ còn hiệu lực của một chủ sở hữu (--all: mọi giấy tờ, kèm lý do không dùng được);
           mục đích và người tra cứu là bắt buộc; mọi lần tra cứu được ghi vào nhật ký truy cập
           look up an owner's papers valid at --at (default now; --all: every paper, with why it is
           not usable); purpose and requester are mandatory; every look-up is written to the access log
  log      nhật ký truy cập dữ liệu của một chủ sở hữu, dạng câu dễ đọc
           an owner's access log, one readable sentence per look-up

Số định danh cá nhân không bao giờ được in đầy đủ. Personal numbers are never printed in full.
Exit: 0 ok, 1 some records rejected (import) or nothing found (lookup), 2 usage error or unreadable input.`;

/**
 * The `warehouse` command.
 *
 * @example
 * ```ts
 * import { warehouseCommand } from '@motcua/cli';
 * const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
 * await warehouseCommand.run(['import', 'giay-to.ndjson', '--db', 'motcua.db'], io);
 * await warehouseCommand.run(
 *   ['lookup', '--owner', '038190012345', '--purpose', 'Đăng ký khai sinh', '--requester', 'cb-0042',
 *    '--agency', '000.17.22.H56', '--procedure', '1.001193', '--db', 'motcua.db'],
 *   io,
 * );
 * ```
 * @category CLI
 */
export const warehouseCommand: Command = {
  name: 'warehouse',
  summary: {
    vi: 'Kho giấy tờ số hóa: nạp NDJSON, tra cứu theo chủ sở hữu (có ghi nhật ký), xem nhật ký truy cập',
    en: 'Digitization warehouse: import NDJSON, look up by owner (logged), show the access log',
  },
  usage: USAGE,
  run: runWarehouse,
};

class UsageError extends Error {}

async function runWarehouse(args: string[], io: Io): Promise<number> {
  const lang = pickLang(args);
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'import':
        return await runImport(rest, io, lang);
      case 'lookup':
        return await runLookup(rest, io, lang);
      case 'log':
        return await runLog(rest, io, lang);
      default:
        throw new UsageError(
          t(lang, 'cần lệnh con: import, lookup hoặc log', 'a sub-command is required: import, lookup or log'),
        );
    }
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`motcua warehouse: ${err.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (err instanceof ReuseError) {
      io.stderr.write(`motcua warehouse: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr.write(`motcua warehouse: ${describeInputError(err, lang)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

function describeInputError(err: InputError, lang: Lang): string {
  switch (err.code) {
    case 'NOT_FOUND':
      return t(lang, `không tìm thấy tệp ${err.source}`, `file not found: ${err.source}`);
    case 'IS_DIRECTORY':
      return t(lang, `${err.source} là thư mục, không phải tệp`, `${err.source} is a directory, not a file`);
    case 'NO_PERMISSION':
      return t(lang, `không có quyền đọc ${err.source}`, `no permission to read ${err.source}`);
    default:
      return t(lang, `không đọc được ${err.source}`, `cannot read ${err.source}`);
  }
}

/** Opens the warehouse database, turning an unusable path into a usage error. */
function openStore(path: string, lang: Lang): SqliteStore {
  try {
    return openSqliteStore({ path });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new UsageError(
      t(lang, `không mở được cơ sở dữ liệu ${path}: ${detail}`, `cannot open database ${path}: ${detail}`),
    );
  }
}

// ───────────────────────────── import ─────────────────────────────

interface Rejected {
  line: number;
  issues: Array<Pick<ValidationIssue, 'path' | 'code' | 'message'>>;
}

async function runImport(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      origin: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    throw new UsageError(t(lang, 'cần đúng một tệp NDJSON (hoặc -)', 'exactly one NDJSON file (or -) is required'));
  }
  const kind = KINDS['digitized-document'];
  if (kind === undefined) throw new Error('the digitized-document kind is missing from @motcua/schemas');
  const dbPath = values.db ?? DEFAULT_DB;
  const origin = values.origin ?? `import:${file === '-' ? 'stdin' : basename(file)}`;
  const json = values.json === true;

  // Progress on a terminal only: piped or redirected output stays clean.
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true && !json;
  const total =
    file === '-'
      ? undefined
      : await stat(file)
          .then((s) => s.size)
          .catch(() => undefined);
  let bytes = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of openStream(file as string, io.stdin)) {
      bytes += chunk.length;
      yield chunk;
    }
  }

  const store = openStore(dbPath, lang);
  const counts = { inserted: 0, unchanged: 0, updated: 0 };
  const rejected: Rejected[] = [];
  let rejectedCount = 0;
  const rejectCodes = new Map<string, number>();
  const warningCodes = new Map<string, number>();
  let batch: DigitizedDocument[] = [];
  let lastValue: unknown;
  let lastProgress = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const results: PutResult[] = await store.warehouse.putMany(batch, { origin });
    for (const r of results) counts[r.outcome]++;
    batch = [];
  };
  const progress = (records: number, final = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!final && now - lastProgress < 200) return;
    lastProgress = now;
    const share = total === undefined || total === 0 ? undefined : Math.min(1, bytes / total);
    const bar =
      share === undefined ? '' : `[${'█'.repeat(Math.round(share * 30)).padEnd(30, '░')}] ${Math.round(share * 100)}% `;
    io.stderr.write(`\r${bar}${records.toLocaleString('vi-VN')} ${t(lang, 'bản ghi', 'records')}${final ? '\n' : ''}`);
  };

  try {
    const it = validateNdjson(
      counted(),
      (value, options) => {
        lastValue = value;
        return kind.validate(value, options);
      },
      { lang },
    );
    let records = 0;
    for (;;) {
      const step = await it.next();
      if (step.done) break;
      records++;
      const r = step.value;
      for (const i of r.issues) {
        const map = i.severity === 'error' ? rejectCodes : warningCodes;
        map.set(i.code, (map.get(i.code) ?? 0) + 1);
      }
      if (r.valid) {
        batch.push(lastValue as DigitizedDocument);
        if (batch.length >= BATCH) await flush();
      } else {
        rejectedCount++;
        if (rejected.length < MAX_JSON_REJECTS) {
          rejected.push({
            line: r.line,
            issues: r.issues
              .filter((i) => i.severity === 'error')
              .map(({ path, code, message }) => ({ path, code, message })),
          });
        }
      }
      progress(records);
    }
    await flush();
    progress(records, true);
  } finally {
    await store.close();
  }

  const summary = {
    file,
    db: dbPath,
    records: counts.inserted + counts.unchanged + counts.updated + rejectedCount,
    ...counts,
    rejected: rejectedCount,
    rejectedByCode: Object.fromEntries([...rejectCodes].sort((a, b) => b[1] - a[1])),
    warningsByCode: Object.fromEntries([...warningCodes].sort((a, b) => b[1] - a[1])),
  };
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ ...summary, rejectedRecords: rejected, rejectedTruncated: rejectedCount > rejected.length }, null, 2)}\n`,
    );
  } else {
    const out: string[] = [];
    out.push(
      t(
        lang,
        `Đã đọc ${summary.records} bản ghi: thêm mới ${counts.inserted}, không đổi ${counts.unchanged}, cập nhật ${counts.updated}, từ chối ${rejectedCount}.`,
        `Read ${summary.records} records: inserted ${counts.inserted}, unchanged ${counts.unchanged}, updated ${counts.updated}, rejected ${rejectedCount}.`,
      ),
    );
    out.push(t(lang, `Cơ sở dữ liệu: ${dbPath}`, `Database: ${dbPath}`));
    if (rejectedCount > 0) {
      out.push('', t(lang, 'Bản ghi bị từ chối:', 'Rejected records:'));
      for (const r of rejected.slice(0, MAX_LISTED_REJECTS)) {
        out.push(
          `  ${t(lang, 'dòng', 'line')} ${r.line}: ${r.issues.map((i) => `${i.path || '(root)'} [${i.code}] ${i.message}`).join('; ')}`,
        );
      }
      if (rejectedCount > MAX_LISTED_REJECTS) {
        out.push(
          t(
            lang,
            `  … và ${rejectedCount - MAX_LISTED_REJECTS} bản ghi khác`,
            `  … and ${rejectedCount - MAX_LISTED_REJECTS} more`,
          ),
        );
      }
      out.push('', t(lang, 'Lý do, theo mã lỗi:', 'Reasons, by issue code:'));
      for (const [code, n] of Object.entries(summary.rejectedByCode)) out.push(`  ${code}: ${n}`);
    }
    if (warningCodes.size > 0) {
      out.push('', t(lang, 'Cảnh báo (bản ghi vẫn được nạp):', 'Warnings (records still imported):'));
      for (const [code, n] of Object.entries(summary.warningsByCode)) out.push(`  ${code}: ${n}`);
    }
    io.stdout.write(`${out.join('\n')}\n`);
  }
  return rejectedCount === 0 ? EXIT.ok : EXIT.invalid;
}

// ───────────────────────────── lookup ─────────────────────────────

const OWNER_TYPES: readonly IdentityType[] = ['personal-id', 'cmnd', 'tax-code', 'passport'];

/** Guesses an identifier's type from its shape: 12 digits personal number, 9 CMND, 10 or 13 tax code, else passport. */
function ownerOf(value: string, type: string | undefined, lang: Lang): Identity {
  const v = value.replace(/\s+/g, '');
  if (v === '') throw new UsageError(t(lang, 'thiếu --owner', 'missing --owner'));
  if (type !== undefined) {
    if (!OWNER_TYPES.includes(type as IdentityType)) {
      throw new UsageError(
        t(
          lang,
          `--owner-type phải là một trong ${OWNER_TYPES.join(', ')}`,
          `--owner-type must be one of ${OWNER_TYPES.join(', ')}`,
        ),
      );
    }
    return { type: type as IdentityType, value: v };
  }
  if (/^\d{12}$/.test(v)) return { type: 'personal-id', value: v };
  if (/^\d{9}$/.test(v)) return { type: 'cmnd', value: v };
  if (/^\d{10}(-\d{3})?$/.test(v) || /^\d{13}$/.test(v)) return { type: 'tax-code', value: v };
  return { type: 'passport', value: v.toUpperCase() };
}

/**
 * An identifier with most of it hidden: a 12-digit number keeps its first 6 digits
 * (province, century/gender, birth year — what `motcua id` shows), anything else at most
 * its first 3 characters.
 *
 * @example
 * ```ts
 * import { maskIdentifier } from '@motcua/cli';
 * maskIdentifier('038190012345'); // '038190******'
 * maskIdentifier('172345678'); // '172******'
 * ```
 * @category CLI
 */
export function maskIdentifier(value: string): string {
  const keep = /^\d{12}$/.test(value) ? 6 : Math.min(3, Math.max(0, value.length - 4));
  return value.slice(0, keep) + '*'.repeat(Math.max(0, value.length - keep));
}

function maskedDocument(d: DigitizedDocument): DigitizedDocument {
  return {
    ...d,
    owner: { ...d.owner, identity: { ...d.owner.identity, value: maskIdentifier(d.owner.identity.value) } },
  };
}

async function runLookup(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      owner: { type: 'string' },
      'owner-type': { type: 'string' },
      'result-code': { type: 'string', multiple: true },
      'document-type': { type: 'string', multiple: true },
      at: { type: 'string' },
      all: { type: 'boolean' },
      purpose: { type: 'string' },
      requester: { type: 'string' },
      agency: { type: 'string' },
      procedure: { type: 'string' },
      dossier: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const owner = ownerOf(values.owner ?? '', values['owner-type'], lang);
  const purposeText = values.purpose?.trim() ?? '';
  const requesterId = values.requester?.trim() ?? '';
  if (purposeText === '')
    throw new UsageError(
      t(lang, 'thiếu --purpose: mỗi lần tra cứu phải nêu mục đích', 'missing --purpose: every look-up must state why'),
    );
  if (requesterId === '')
    throw new UsageError(t(lang, 'thiếu --requester: ai tra cứu?', 'missing --requester: who is looking up?'));
  if (values.agency === undefined)
    throw new UsageError(
      t(lang, 'thiếu --agency (mã cơ quan của người tra cứu)', "missing --agency (the requester's agency code)"),
    );
  if (values.procedure === undefined)
    throw new UsageError(
      t(lang, 'thiếu --procedure (mã TTHC cần dữ liệu)', 'missing --procedure (the procedure the data is for)'),
    );

  const nowMs = Date.now();
  const atMs = values.at === undefined ? nowMs : epochMsOf(values.at, '--at');
  const at = vietnamInstantOfMs(atMs);
  const entryBase = {
    id: `log-${randomUUID()}`,
    at: vietnamInstantOfMs(nowMs),
    requester: { type: 'officer' as const, id: requesterId, agencyCode: values.agency },
    subject: owner,
    purpose: {
      procedureCode: values.procedure,
      text: purposeText,
      ...(values.dossier === undefined ? {} : { dossierCode: values.dossier }),
    },
    lawfulBasis: 'legal-duty' as const,
    source: 'local-store' as const,
  };
  // Check the log entry's shape before reading anything: no unlogged reads.
  const probe = accessLogEntrySchema.safeParse({ ...entryBase, outcome: 'not-found', documentsReturned: [] });
  if (!probe.success) {
    const where = probe.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new UsageError(
      t(
        lang,
        `tham số tra cứu không hợp lệ (${where}); kiểm tra --agency, --procedure, --dossier`,
        `invalid look-up context (${where}); check --agency, --procedure, --dossier`,
      ),
    );
  }

  const store = openStore(values.db ?? DEFAULT_DB, lang);
  let found: StoredDocument[];
  let entry: AccessLogEntry;
  try {
    const query = {
      owner,
      ...(values['result-code'] === undefined ? {} : { resultCodes: values['result-code'] }),
      ...(values['document-type'] === undefined ? {} : { documentTypes: values['document-type'] }),
      ...(values.all === true ? {} : { validAt: at }),
    };
    try {
      found = await store.warehouse.find(query);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await store.accessLog.append({ ...entryBase, outcome: 'error', documentsReturned: [], error: { message } });
      throw err;
    }
    entry = {
      ...entryBase,
      outcome: found.length > 0 ? 'found' : 'not-found',
      documentsReturned: found.map(({ document: d }) => ({
        documentId: d.id,
        ...(d.resultCode === undefined ? {} : { resultCode: d.resultCode }),
        ...(d.documentType === undefined ? {} : { documentType: d.documentType }),
        ...(d.referenceNumber === undefined ? {} : { referenceNumber: d.referenceNumber }),
      })),
    };
    await store.accessLog.append(entry);
  } finally {
    await store.close();
  }

  const rows = found.map((s) => ({ stored: s, verdict: documentValidityAt(s.document, at) }));
  if (values.json === true) {
    io.stdout.write(
      `${JSON.stringify(
        {
          owner: { type: owner.type, value: maskIdentifier(owner.value) },
          at,
          accessLogEntryId: entry.id,
          documents: rows.map(({ stored, verdict }) => ({
            document: maskedDocument(stored.document),
            provenance: stored.provenance,
            validAt: verdict,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return found.length > 0 ? EXIT.ok : EXIT.invalid;
  }
  const out: string[] = [];
  out.push(
    t(
      lang,
      `Chủ sở hữu: ${maskIdentifier(owner.value)} (${owner.type}) — thời điểm xét hiệu lực ${at}`,
      `Owner: ${maskIdentifier(owner.value)} (${owner.type}) — validity judged at ${at}`,
    ),
  );
  if (rows.length === 0) {
    out.push(
      t(
        lang,
        values.all === true ? 'Không có giấy tờ nào.' : 'Không có giấy tờ nào còn hiệu lực.',
        values.all === true ? 'No papers.' : 'No valid papers.',
      ),
    );
  }
  for (const { stored, verdict } of rows) {
    const d = stored.document;
    const code = d.resultCode ?? d.documentType ?? '';
    const validity =
      d.validity === undefined
        ? '?'
        : 'permanent' in d.validity
          ? t(lang, 'vĩnh viễn', 'permanent')
          : `≤ ${d.validity.until}`;
    const state = verdict.valid
      ? t(lang, 'còn hiệu lực', 'valid')
      : `${t(lang, 'không dùng được', 'not usable')}: ${verdict.reason} ${verdict.since}${'statusReason' in verdict ? ` (${verdict.statusReason})` : ''}`;
    out.push(
      `  ${d.id}  ${code}  ${d.name}${d.referenceNumber === undefined ? '' : `  số ${d.referenceNumber}`}  ${d.issueDate ?? '?'}  ${validity}  — ${state}`,
    );
    out.push(
      `      ${t(lang, 'nguồn', 'provenance')}: ${stored.provenance.origin ?? '?'}, ${stored.provenance.recordedAt}`,
    );
  }
  out.push(t(lang, `Đã ghi nhật ký truy cập: ${entry.id}`, `Access logged: ${entry.id}`));
  io.stdout.write(`${out.join('\n')}\n`);
  return found.length > 0 ? EXIT.ok : EXIT.invalid;
}

// ───────────────────────────── log ─────────────────────────────

async function runLog(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      owner: { type: 'string' },
      'owner-type': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const owner = ownerOf(values.owner ?? '', values['owner-type'], lang);
  const store = openStore(values.db ?? DEFAULT_DB, lang);
  let entries: AccessLogEntry[];
  try {
    entries = await store.accessLog.bySubject(owner);
  } finally {
    await store.close();
  }
  if (values.json === true) {
    const masked = entries.map((e) => ({ ...e, subject: { ...e.subject, value: maskIdentifier(e.subject.value) } }));
    io.stdout.write(
      `${JSON.stringify({ owner: { type: owner.type, value: maskIdentifier(owner.value) }, entries: masked }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const out = [
    t(
      lang,
      `Nhật ký truy cập dữ liệu của ${maskIdentifier(owner.value)}:`,
      `Access log of ${maskIdentifier(owner.value)}:`,
    ),
  ];
  if (entries.length === 0) out.push(t(lang, '  (chưa có lần tra cứu nào)', '  (no look-ups yet)'));
  for (const e of entries) out.push(`  ${describeAccessLogEntry(e, lang)}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
