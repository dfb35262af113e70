/**
 * The PostgreSQL digitization warehouse.
 *
 * @module
 */
import {
  type Clock,
  decidePut,
  decideStatusChange,
  epochMsOf,
  normalizeWarehouseQuery,
  type PutDecision,
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
import type { PgDatabase, Queryable } from './database.ts';

const SELECT = 'SELECT id, doc, recorded_at, origin, actor, updated_at FROM {s}.warehouse_documents';
const UPDATE = `UPDATE {s}.warehouse_documents SET owner_key = $1, result_code = $2, document_type = $3, issue_date = $4,
  valid_until = $5, state = $6, state_at_ms = $7, doc = $8, updated_at = $9 WHERE id = $10`;

type Row = DocumentRow & { id: string };

/** Rows per INSERT statement (9 parameters each; PostgreSQL allows 65,535). */
const INSERT_CHUNK = 2000;

function columnParams(c: WarehouseColumns): unknown[] {
  return [c.ownerKey, c.resultCode, c.documentType, c.issueDate, c.validUntil, c.state, c.stateAtMs];
}

async function appendEvents(q: Queryable, events: readonly WarehouseEvent[]): Promise<void> {
  const rows = events.filter((e) => e.action !== 'recorded').map(eventParams);
  if (rows.length === 0) return;
  const cols = [0, 1, 2, 3, 4, 5, 6].map((i) => rows.map((r) => r[i]));
  await q.query(
    `INSERT INTO {s}.warehouse_events (document_id, action, at, reason, superseded_by, actor, origin)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    cols,
  );
}

/**
 * A {@link WarehouseStore} in PostgreSQL. Obtain it from `openPostgresStore`. A batch is
 * inserted with one statement; papers already present are locked, compared and updated
 * in the same transaction, so concurrent importers of the same ids never lose a write.
 *
 * @example
 * ```ts
 * import { openPostgresStore } from '@motcua/store/postgres';
 * const store = await openPostgresStore({ connectionString: process.env.MOTCUA_PG_URL });
 * const papers = await store.warehouse.find({ owner: { type: 'personal-id', value: '038190012345' } });
 * await store.close();
 * ```
 * @category Store
 */
export class PostgresWarehouseStore implements WarehouseStore {
  readonly #db: PgDatabase;
  readonly #clock: Clock;

  /** @internal Obtained from openPostgresStore. */
  constructor(db: PgDatabase, clock: Clock) {
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
    if (documents.length === 0) return [];
    const recordedAt = vietnamInstantOfMs(
      options.at === undefined ? this.#clock.now().getTime() : epochMsOf(options.at, 'at'),
    );
    const columns = documents.map(warehouseColumns);
    const first = new Map<string, number>();
    columns.forEach((c, i) => {
      if (!first.has(c.id)) first.set(c.id, i);
    });
    const firstIndexes = [...first.values()];
    return this.#db.transaction(async (q) => {
      // Multi-row VALUES, not unnest(): pg's array literals escape every quote of the JSON and
      // cost about three times as much per document.
      const insertedIds = new Set<string>();
      for (let start = 0; start < firstIndexes.length; start += INSERT_CHUNK) {
        const values: unknown[] = [recordedAt, options.origin ?? null, options.actor ?? null];
        const rows: string[] = [];
        for (const i of firstIndexes.slice(start, start + INSERT_CHUNK)) {
          const c = columns[i] as WarehouseColumns;
          const n = values.length;
          rows.push(
            `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $1, $2, $3)`,
          );
          values.push(c.id, ...columnParams(c), JSON.stringify(documents[i]));
        }
        const inserted = await q.query<{ id: string }>(
          `INSERT INTO {s}.warehouse_documents
             (id, owner_key, result_code, document_type, issue_date, valid_until, state, state_at_ms, doc, recorded_at, origin, actor)
           VALUES ${rows.join(', ')}
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          values,
        );
        for (const r of inserted.rows) insertedIds.add(r.id);
      }
      const current = new Map<string, DigitizedDocument>();
      const existingIds = [...first.keys()].filter((id) => !insertedIds.has(id));
      if (existingIds.length > 0) {
        const { rows } = await q.query<Row>(`${SELECT} WHERE id = ANY($1::text[]) FOR UPDATE`, [existingIds]);
        for (const r of rows) current.set(r.id, JSON.parse(r.doc) as DigitizedDocument);
      }
      const changed = new Map<string, PutDecision>();
      const events: WarehouseEvent[] = [];
      const results: PutResult[] = documents.map((document, i) => {
        const id = (columns[i] as WarehouseColumns).id;
        if (first.get(id) === i && insertedIds.has(id)) {
          current.set(id, document);
          return { id, outcome: 'inserted' };
        }
        const decision = decidePut(current.get(id), document, {
          recordedAt,
          origin: options.origin,
          actor: options.actor,
        });
        if (decision.outcome === 'unchanged') return { id, outcome: 'unchanged' };
        current.set(id, decision.document);
        changed.set(id, decision);
        events.push(...decision.events);
        return { id, outcome: decision.outcome };
      });
      for (const [id, decision] of changed) {
        await q.query(UPDATE, [...columnParams(warehouseColumns(decision.document)), decision.json, recordedAt, id]);
      }
      await appendEvents(q, events);
      return results;
    });
  }

  /** One paper by id. */
  async get(id: string): Promise<StoredDocument | undefined> {
    const { rows } = await this.#db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
    const row = rows[0];
    return row === undefined ? undefined : storedOf(row);
  }

  /** The owner's papers matching the query. */
  async find(query: WarehouseQuery): Promise<StoredDocument[]> {
    const q = normalizeWarehouseQuery(query);
    const params: unknown[] = [q.ownerKey];
    const where = ['owner_key = $1'];
    const codes: string[] = [];
    if (q.resultCodes.length > 0) {
      params.push(q.resultCodes);
      codes.push(`result_code = ANY($${params.length}::text[])`);
    }
    if (q.documentTypes.length > 0) {
      params.push(q.documentTypes);
      codes.push(`document_type = ANY($${params.length}::text[])`);
    }
    if (codes.length > 0) where.push(`(${codes.join(' OR ')})`);
    if (q.validAt !== undefined) {
      params.push(q.validAt.ms, q.validAt.day);
      const ms = `$${params.length - 1}`;
      const day = `$${params.length}`;
      where.push(
        `(state = 'valid' OR state_at_ms > ${ms})`,
        `(issue_date IS NULL OR issue_date <= ${day})`,
        `(valid_until IS NULL OR valid_until >= ${day})`,
      );
    }
    params.push(q.limit);
    const { rows } = await this.#db.prepared<Row>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY issue_date DESC NULLS LAST, id LIMIT $${params.length}`,
      params,
    );
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
    const { rows } = await this.#db.query<Row>(`${SELECT} WHERE id = $1`, [id]);
    const row = rows[0];
    if (row === undefined) return [];
    const events = await this.#db.query<EventRow>(
      'SELECT document_id, action, at, reason, superseded_by, actor, origin FROM {s}.warehouse_events WHERE document_id = $1 ORDER BY seq',
      [id],
    );
    return [recordedEvent(id, row), ...events.rows.map(eventOf)];
  }

  async #change(
    id: string,
    state: 'revoked' | 'superseded',
    change: StatusChangeRequest & { supersededBy?: string | undefined },
  ): Promise<StoredDocument> {
    return this.#db.transaction(async (q) => {
      const { rows } = await q.query<Row>(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]);
      const row = rows[0];
      const decision = decideStatusChange(
        row === undefined ? undefined : (JSON.parse(row.doc) as DigitizedDocument),
        id,
        state,
        change,
      );
      const updatedAt = vietnamInstantOfMs(this.#clock.now().getTime());
      await q.query(UPDATE, [...columnParams(warehouseColumns(decision.document)), decision.json, updatedAt, id]);
      await appendEvents(q, [decision.event]);
      return { document: decision.document, provenance: provenanceOf({ ...(row as Row), updated_at: updatedAt }) };
    });
  }
}
