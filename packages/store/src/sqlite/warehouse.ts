/**
 * The SQLite digitization warehouse.
 *
 * @module
 */
import {
  type Clock,
  decidePut,
  decideStatusChange,
  epochMsOf,
  normalizeWarehouseQuery,
  type PutOptions,
  type PutResult,
  type StatusChangeRequest,
  type StoredDocument,
  vietnamInstantOfMs,
  type WarehouseColumns,
  type WarehouseEvent,
  type WarehouseQuery,
  type WarehouseStore,
  warehouseColumns,
} from '@motcua/core';
import type { DigitizedDocument } from '@motcua/schemas';
import {
  type DocumentRow,
  type EventRow,
  eventOf,
  eventParams,
  provenanceOf,
  recordedEvent,
  storedOf,
} from '../document-rows.ts';
import type { SqliteDatabase } from './database.ts';

const INSERT = `INSERT INTO warehouse_documents
  (id, owner_key, result_code, document_type, issue_date, valid_until, state, state_at_ms, doc, recorded_at, origin, actor)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;
const UPDATE = `UPDATE warehouse_documents SET owner_key = ?, result_code = ?, document_type = ?, issue_date = ?,
  valid_until = ?, state = ?, state_at_ms = ?, doc = ?, updated_at = ? WHERE id = ?`;
const SELECT_ONE = 'SELECT doc, recorded_at, origin, actor, updated_at FROM warehouse_documents WHERE id = ?';
const INSERT_EVENT = `INSERT INTO warehouse_events (document_id, action, at, reason, superseded_by, actor, origin)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

function columnParams(
  c: WarehouseColumns,
): [string, string | null, string | null, string | null, string | null, string, number | null] {
  return [c.ownerKey, c.resultCode, c.documentType, c.issueDate, c.validUntil, c.state, c.stateAtMs];
}

/**
 * A {@link WarehouseStore} in a SQLite database. Obtain it from
 * {@link openSqliteStore}.
 *
 * @example
 * ```ts
 * import { openSqliteStore } from '@motcua/store';
 * const store = openSqliteStore({ path: 'motcua.db' });
 * const papers = await store.warehouse.find({ owner: { type: 'personal-id', value: '038190012345' } });
 * await store.close();
 * ```
 * @category Store
 */
export class SqliteWarehouseStore implements WarehouseStore {
  readonly #db: SqliteDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openSqliteStore. */
  constructor(db: SqliteDatabase, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Record a paper (idempotent by id). */
  async put(document: DigitizedDocument, options: PutOptions = {}): Promise<PutResult> {
    const [result] = await this.putMany([document], options);
    return result as PutResult;
  }

  /** Record many papers in one transaction. */
  async putMany(documents: readonly DigitizedDocument[], options: PutOptions = {}): Promise<PutResult[]> {
    return this.putManySync(documents, options);
  }

  /** {@link putMany}, synchronously (SQLite is in-process): for bulk imports in a tight loop. */
  putManySync(documents: readonly DigitizedDocument[], options: PutOptions = {}): PutResult[] {
    const recordedAt = vietnamInstantOfMs(
      options.at === undefined ? this.#clock.now().getTime() : epochMsOf(options.at, 'at'),
    );
    const columns = documents.map(warehouseColumns);
    const origin = options.origin ?? null;
    const actor = options.actor ?? null;
    const insert = this.#db.statement(INSERT);
    return this.#db.write(() =>
      documents.map((document, i) => {
        const c = columns[i] as WarehouseColumns;
        const [ownerKey, resultCode, documentType, issueDate, validUntil, state, stateAtMs] = columnParams(c);
        const inserted = insert.run(
          c.id,
          ownerKey,
          resultCode,
          documentType,
          issueDate,
          validUntil,
          state,
          stateAtMs,
          JSON.stringify(document),
          recordedAt,
          origin,
          actor,
        );
        if (inserted.changes === 1) return { id: c.id, outcome: 'inserted' };
        const row = this.#db.statement(SELECT_ONE).get(c.id) as unknown as DocumentRow;
        const decision = decidePut(JSON.parse(row.doc) as DigitizedDocument, document, {
          recordedAt,
          origin: options.origin,
          actor: options.actor,
        });
        if (decision.outcome === 'unchanged') return { id: c.id, outcome: 'unchanged' };
        this.#db
          .statement(UPDATE)
          .run(...columnParams(warehouseColumns(decision.document)), decision.json, recordedAt, c.id);
        this.#appendEvents(decision.events);
        return { id: c.id, outcome: 'updated' };
      }),
    );
  }

  /** One paper by id. */
  async get(id: string): Promise<StoredDocument | undefined> {
    const row = this.#db.statement(SELECT_ONE).get(id) as DocumentRow | undefined;
    return row === undefined ? undefined : storedOf(row);
  }

  /** The owner's papers matching the query. */
  async find(query: WarehouseQuery): Promise<StoredDocument[]> {
    return this.findSync(query);
  }

  /** {@link find}, synchronously. */
  findSync(query: WarehouseQuery): StoredDocument[] {
    const q = normalizeWarehouseQuery(query);
    const where = ['owner_key = ?'];
    const params: Array<string | number> = [q.ownerKey];
    const codes: string[] = [];
    if (q.resultCodes.length > 0) {
      codes.push(`result_code IN (${q.resultCodes.map(() => '?').join(', ')})`);
      params.push(...q.resultCodes);
    }
    if (q.documentTypes.length > 0) {
      codes.push(`document_type IN (${q.documentTypes.map(() => '?').join(', ')})`);
      params.push(...q.documentTypes);
    }
    if (codes.length > 0) where.push(`(${codes.join(' OR ')})`);
    if (q.validAt !== undefined) {
      where.push(
        "(state = 'valid' OR state_at_ms > ?)",
        '(issue_date IS NULL OR issue_date <= ?)',
        '(valid_until IS NULL OR valid_until >= ?)',
      );
      params.push(q.validAt.ms, q.validAt.day, q.validAt.day);
    }
    params.push(q.limit);
    const sql = `SELECT doc, recorded_at, origin, actor, updated_at FROM warehouse_documents WHERE ${where.join(' AND ')}
      ORDER BY issue_date IS NULL, issue_date DESC, id LIMIT ?`;
    const rows = this.#db.statement(sql).all(...params) as unknown as DocumentRow[];
    return rows.map(storedOf);
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
    const row = this.#db.statement(SELECT_ONE).get(id) as DocumentRow | undefined;
    if (row === undefined) return [];
    const rows = this.#db
      .statement(
        'SELECT document_id, action, at, reason, superseded_by, actor, origin FROM warehouse_events WHERE document_id = ? ORDER BY seq',
      )
      .all(id) as unknown as EventRow[];
    return [recordedEvent(id, row), ...rows.map(eventOf)];
  }

  #change(
    id: string,
    state: 'revoked' | 'superseded',
    change: StatusChangeRequest & { supersededBy?: string | undefined },
  ): StoredDocument {
    return this.#db.write(() => {
      const row = this.#db.statement(SELECT_ONE).get(id) as DocumentRow | undefined;
      const decision = decideStatusChange(
        row === undefined ? undefined : (JSON.parse(row.doc) as DigitizedDocument),
        id,
        state,
        change,
      );
      const updatedAt = vietnamInstantOfMs(this.#clock.now().getTime());
      this.#db
        .statement(UPDATE)
        .run(...columnParams(warehouseColumns(decision.document)), decision.json, updatedAt, id);
      this.#appendEvents([decision.event]);
      return {
        document: decision.document,
        provenance: provenanceOf({ ...(row as DocumentRow), updated_at: updatedAt }),
      };
    });
  }

  #appendEvents(events: readonly WarehouseEvent[]): void {
    const insert = this.#db.statement(INSERT_EVENT);
    for (const e of events) if (e.action !== 'recorded') insert.run(...eventParams(e));
  }
}
