/**
 * In-process implementations of the {@link WarehouseStore} and {@link AccessLog} ports,
 * for tests, demos and single-process embedding.
 *
 * @module
 */
import type { AccessLogEntry, DigitizedDocument, Identity } from '@motcua/schemas';
import type { Clock } from '../ports.ts';
import { ReuseError } from './errors.ts';
import type {
  AccessLog,
  AccessLogQuery,
  PutOptions,
  PutResult,
  StatusChangeRequest,
  StoredDocument,
  WarehouseEvent,
  WarehouseProvenance,
  WarehouseQuery,
  WarehouseStore,
} from './ports.ts';
import { documentValidityAt, epochMsOf, ownerKey, vietnamInstantOfMs } from './validity.ts';
import {
  decidePut,
  decideStatusChange,
  normalizeWarehouseQuery,
  stableStringify,
  warehouseColumns,
} from './warehouse-put.ts';

interface Row {
  document: DigitizedDocument;
  provenance: WarehouseProvenance;
  ownerKey: string;
}

/**
 * Orders stored papers as every warehouse returns them: newest issue date first,
 * papers without one last, then by id.
 *
 * @example
 * ```ts
 * import { compareStoredDocuments, type StoredDocument } from '@motcua/core';
 * declare const papers: StoredDocument[];
 * papers.sort(compareStoredDocuments);
 * ```
 * @category Reuse
 */
export function compareStoredDocuments(a: StoredDocument, b: StoredDocument): number {
  const x = a.document.issueDate;
  const y = b.document.issueDate;
  if (x !== y) {
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? 1 : -1;
  }
  return a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A {@link WarehouseStore} kept in memory. Lost when the process ends; use
 * `@motcua/store` (SQLite, PostgreSQL) for anything that must survive.
 *
 * @example
 * ```ts
 * import { InMemoryWarehouseStore, fixedClock } from '@motcua/core';
 * import type { DigitizedDocument } from '@motcua/schemas';
 * declare const doc: DigitizedDocument;
 * const warehouse = new InMemoryWarehouseStore({ clock: fixedClock('2025-07-03T10:21:00+07:00') });
 * await warehouse.put(doc); // { id: doc.id, outcome: 'inserted' }
 * await warehouse.put(doc); // { id: doc.id, outcome: 'unchanged' }
 * ```
 * @category Reuse
 */
export class InMemoryWarehouseStore implements WarehouseStore {
  readonly #clock: Clock;
  readonly #rows = new Map<string, Row>();
  readonly #byOwner = new Map<string, Set<string>>();
  readonly #events = new Map<string, WarehouseEvent[]>();

  constructor(options: { clock: Clock }) {
    this.#clock = options.clock;
  }

  /** Record a paper (idempotent by id). */
  async put(document: DigitizedDocument, options: PutOptions = {}): Promise<PutResult> {
    const [result] = await this.putMany([document], options);
    return result as PutResult;
  }

  /** Record many papers, all or nothing. */
  async putMany(documents: readonly DigitizedDocument[], options: PutOptions = {}): Promise<PutResult[]> {
    const recordedAt = vietnamInstantOfMs(
      options.at === undefined ? this.#clock.now().getTime() : epochMsOf(options.at, 'at'),
    );
    // Decide everything first so a bad document leaves the store untouched.
    const staged = new Map<string, { row: Row; events: WarehouseEvent[] }>();
    const results: PutResult[] = [];
    // Index columns are derived (and checked) for every paper before anything is stored.
    const keys = documents.map((d) => warehouseColumns(d).ownerKey);
    for (const [i, incoming] of documents.entries()) {
      const key = keys[i] as string;
      const previous = staged.get(incoming.id)?.row ?? this.#rows.get(incoming.id);
      const decision = decidePut(previous?.document, incoming, {
        recordedAt,
        origin: options.origin,
        actor: options.actor,
      });
      results.push({ id: incoming.id, outcome: decision.outcome });
      if (decision.outcome === 'unchanged') continue;
      const provenance: WarehouseProvenance =
        previous === undefined
          ? {
              recordedAt,
              ...(options.origin === undefined ? {} : { origin: options.origin }),
              ...(options.actor === undefined ? {} : { actor: options.actor }),
            }
          : { ...previous.provenance, updatedAt: recordedAt };
      const events = [...(staged.get(incoming.id)?.events ?? []), ...decision.events];
      staged.set(incoming.id, { row: { document: copy(decision.document), provenance, ownerKey: key }, events });
    }
    for (const [id, { row, events }] of staged) {
      const old = this.#rows.get(id);
      if (old !== undefined && old.ownerKey !== row.ownerKey) this.#byOwner.get(old.ownerKey)?.delete(id);
      this.#rows.set(id, row);
      const set = this.#byOwner.get(row.ownerKey) ?? new Set<string>();
      set.add(id);
      this.#byOwner.set(row.ownerKey, set);
      this.#events.set(id, [...(this.#events.get(id) ?? []), ...events]);
    }
    return results;
  }

  /** One paper by id. */
  async get(id: string): Promise<StoredDocument | undefined> {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : { document: copy(row.document), provenance: { ...row.provenance } };
  }

  /** The owner's papers matching the query. */
  async find(query: WarehouseQuery): Promise<StoredDocument[]> {
    const q = normalizeWarehouseQuery(query);
    const out: StoredDocument[] = [];
    for (const id of this.#byOwner.get(q.ownerKey) ?? []) {
      const row = this.#rows.get(id);
      if (row === undefined) continue;
      const d = row.document;
      const anyCode = q.resultCodes.length === 0 && q.documentTypes.length === 0;
      const codeMatch =
        anyCode ||
        (d.resultCode !== undefined && q.resultCodes.includes(d.resultCode)) ||
        (d.documentType !== undefined && q.documentTypes.includes(d.documentType));
      if (!codeMatch) continue;
      if (q.validAt !== undefined && !documentValidityAt(d, new Date(q.validAt.ms)).valid) continue;
      out.push({ document: copy(d), provenance: { ...row.provenance } });
    }
    return out.sort(compareStoredDocuments).slice(0, q.limit);
  }

  /** Mark a paper revoked. */
  async revoke(id: string, change: StatusChangeRequest): Promise<StoredDocument> {
    return this.#change(id, 'revoked', change);
  }

  /** Mark a paper superseded. */
  async supersede(
    id: string,
    change: StatusChangeRequest & { supersededBy?: string | undefined },
  ): Promise<StoredDocument> {
    return this.#change(id, 'superseded', change);
  }

  /** The paper's history, oldest first. */
  async history(id: string): Promise<WarehouseEvent[]> {
    return (this.#events.get(id) ?? []).map((e) => ({ ...e }));
  }

  #change(
    id: string,
    state: 'revoked' | 'superseded',
    change: StatusChangeRequest & { supersededBy?: string | undefined },
  ): StoredDocument {
    const row = this.#rows.get(id);
    const decision = decideStatusChange(row?.document, id, state, change);
    const updatedAt = vietnamInstantOfMs(this.#clock.now().getTime());
    const next: Row = {
      document: decision.document,
      provenance: { ...(row as Row).provenance, updatedAt },
      ownerKey: (row as Row).ownerKey,
    };
    this.#rows.set(id, next);
    this.#events.set(id, [...(this.#events.get(id) ?? []), decision.event]);
    return { document: copy(next.document), provenance: { ...next.provenance } };
  }
}

/**
 * Orders access-log entries as every log returns them: newest first, then by id.
 *
 * @example
 * ```ts
 * import { compareAccessLogEntries } from '@motcua/core';
 * import type { AccessLogEntry } from '@motcua/schemas';
 * declare const entries: AccessLogEntry[];
 * entries.sort(compareAccessLogEntries);
 * ```
 * @category Reuse
 */
export function compareAccessLogEntries(a: AccessLogEntry, b: AccessLogEntry): number {
  const x = epochMsOf(a.at, 'at');
  const y = epochMsOf(b.at, 'at');
  if (x !== y) return y - x;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * An {@link AccessLog} kept in memory (append-only).
 *
 * @example
 * ```ts
 * import { InMemoryAccessLog } from '@motcua/core';
 * const log = new InMemoryAccessLog();
 * const mine = await log.bySubject({ type: 'personal-id', value: '038190012345' }); // []
 * ```
 * @category Reuse
 */
export class InMemoryAccessLog implements AccessLog {
  readonly #byId = new Map<string, { json: string; entry: AccessLogEntry; subject: string }>();

  /** Record one look-up (a retried append of the same entry is a no-op). */
  async append(entry: AccessLogEntry): Promise<void> {
    const json = stableStringify(entry);
    const subject = ownerKey(entry.subject);
    epochMsOf(entry.at, 'entry.at');
    const existing = this.#byId.get(entry.id);
    if (existing !== undefined) {
      if (existing.json === json) return;
      throw new ReuseError(
        'LOG_ENTRY_CONFLICT',
        `access-log entry ${JSON.stringify(entry.id)} exists with other content`,
      );
    }
    this.#byId.set(entry.id, { json, entry: copy(entry), subject });
  }

  /** The subject's entries, newest first. */
  async bySubject(subject: Identity, query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    const key = ownerKey(subject);
    const limit = checkLimit(query.limit);
    const since = query.since === undefined ? undefined : epochMsOf(query.since, 'since');
    const until = query.until === undefined ? undefined : epochMsOf(query.until, 'until');
    const out: AccessLogEntry[] = [];
    for (const { entry, subject: s } of this.#byId.values()) {
      if (s !== key) continue;
      const ms = epochMsOf(entry.at, 'at');
      if (since !== undefined && ms < since) continue;
      if (until !== undefined && ms >= until) continue;
      out.push(copy(entry));
    }
    return out.sort(compareAccessLogEntries).slice(0, limit);
  }
}

/**
 * Checks an access-log query's `limit` (default 1000, at most 100,000); throws
 * {@link ReuseError} `INVALID_QUERY` otherwise.
 *
 * @example
 * ```ts
 * import { checkLimit } from '@motcua/core';
 * checkLimit(undefined); // 1000
 * ```
 * @category Reuse
 */
export function checkLimit(limit: number | undefined): number {
  const value = limit ?? 1000;
  if (!Number.isSafeInteger(value) || value < 1 || value > 100_000) {
    throw new ReuseError('INVALID_QUERY', 'limit must be an integer in 1..100000');
  }
  return value;
}
