/**
 * The rule every {@link WarehouseStore} applies to a `put`, shared so that the
 * in-memory, SQLite and PostgreSQL warehouses behave identically.
 *
 * @module
 */
import type { DigitizedDocument, DigitizedDocumentStatus, Instant } from '@motcua/schemas';
import { ReuseError } from './errors.ts';
import type { PutResult, StatusChangeRequest, WarehouseEvent, WarehouseQuery } from './ports.ts';
import { epochMsOf, ownerKey, vietnamDayOfMs } from './validity.ts';

/**
 * JSON with object keys sorted at every level: two values with the same content give
 * the same string whatever order their keys were written in. `undefined` properties are
 * dropped, as `JSON.stringify` does.
 *
 * @example
 * ```ts
 * import { stableStringify } from '@motcua/core';
 * stableStringify({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 * @category Reuse
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * What a `put` must do, decided from the stored copy (if any) and the incoming one:
 * the outcome, the document to store, and the history events to append.
 *
 * @example
 * ```ts
 * import type { PutDecision } from '@motcua/core';
 * declare const d: PutDecision;
 * if (d.outcome !== 'unchanged') console.log(d.events.map((e) => e.action));
 * ```
 * @category Reuse
 */
export interface PutDecision {
  /** Inserted, unchanged or updated. */
  outcome: PutResult['outcome'];
  /** The document to store (the stored one when unchanged). */
  document: DigitizedDocument;
  /** Its canonical JSON ({@link stableStringify}). */
  json: string;
  /** History events to append (none when unchanged). */
  events: WarehouseEvent[];
}

/**
 * Decides a `put`: a new id is `inserted`; the same content is `unchanged`; different
 * content is `updated`. A status never returns to `valid` — a revoked or superseded
 * paper stays so even when an older copy is imported again — and a status change that
 * arrives with the update is recorded as its own history event.
 *
 * @example
 * ```ts
 * import { decidePut } from '@motcua/core';
 * import type { DigitizedDocument } from '@motcua/schemas';
 * declare const doc: DigitizedDocument;
 * decidePut(undefined, doc, { recordedAt: '2025-07-03T10:21:00+07:00' }).outcome; // 'inserted'
 * decidePut(doc, doc, { recordedAt: '2025-07-03T10:21:00+07:00' }).outcome; // 'unchanged'
 * ```
 * @category Reuse
 */
export function decidePut(
  existing: DigitizedDocument | undefined,
  incoming: DigitizedDocument,
  context: { recordedAt: Instant; origin?: string | undefined; actor?: string | undefined },
): PutDecision {
  const base = { documentId: incoming.id, at: context.recordedAt };
  const who = {
    ...(context.actor === undefined ? {} : { actor: context.actor }),
    ...(context.origin === undefined ? {} : { origin: context.origin }),
  };
  if (existing === undefined) {
    return {
      outcome: 'inserted',
      document: incoming,
      json: stableStringify(incoming),
      events: [{ ...base, action: 'recorded', ...who }],
    };
  }
  const document: DigitizedDocument =
    existing.status.state !== 'valid' ? { ...incoming, status: existing.status } : incoming;
  const json = stableStringify(document);
  if (json === stableStringify(existing)) return { outcome: 'unchanged', document: existing, json, events: [] };
  const events: WarehouseEvent[] = [{ ...base, action: 'updated', ...who }];
  if (existing.status.state === 'valid' && document.status.state !== 'valid') {
    const status = document.status;
    events.push({
      documentId: incoming.id,
      action: status.state,
      at: status.at,
      reason: status.reason,
      ...(status.state === 'superseded' && status.supersededBy !== undefined
        ? { supersededBy: status.supersededBy }
        : {}),
      ...(context.actor === undefined ? {} : { actor: context.actor }),
    });
  }
  return { outcome: 'updated', document, json, events };
}

/**
 * What a revocation or supersession must store: the document with its new status, its
 * canonical JSON and the history event. Throws {@link ReuseError} `DOCUMENT_NOT_FOUND`
 * when there is no stored copy and `DOCUMENT_NOT_VALID` when the paper is already
 * revoked or superseded.
 *
 * @example
 * ```ts
 * import { decideStatusChange } from '@motcua/core';
 * import type { DigitizedDocument } from '@motcua/schemas';
 * declare const stored: DigitizedDocument;
 * const d = decideStatusChange(stored, stored.id, 'revoked', { reason: 'Thu hồi', at: '2026-01-05T09:00:00+07:00' });
 * d.document.status.state; // 'revoked'
 * ```
 * @category Reuse
 */
export function decideStatusChange(
  existing: DigitizedDocument | undefined,
  id: string,
  state: 'revoked' | 'superseded',
  change: StatusChangeRequest & { supersededBy?: string | undefined },
): { document: DigitizedDocument; json: string; event: WarehouseEvent } {
  if (existing === undefined)
    throw new ReuseError('DOCUMENT_NOT_FOUND', `no digitized document with id ${JSON.stringify(id)}`);
  if (existing.status.state !== 'valid') {
    throw new ReuseError('DOCUMENT_NOT_VALID', `document ${JSON.stringify(id)} is already ${existing.status.state}`);
  }
  if (typeof change.reason !== 'string' || change.reason.trim() === '') {
    throw new ReuseError('INVALID_QUERY', 'a revocation or supersession needs a reason');
  }
  epochMsOf(change.at, 'change.at');
  const status: DigitizedDocumentStatus =
    state === 'revoked'
      ? { state, reason: change.reason, at: change.at }
      : change.supersededBy === undefined
        ? { state, reason: change.reason, at: change.at }
        : { state, reason: change.reason, at: change.at, supersededBy: change.supersededBy };
  const document: DigitizedDocument = { ...existing, status };
  const event: WarehouseEvent = {
    documentId: id,
    action: state,
    at: change.at,
    reason: change.reason,
    ...(state === 'superseded' && change.supersededBy !== undefined ? { supersededBy: change.supersededBy } : {}),
    ...(change.actor === undefined ? {} : { actor: change.actor }),
  };
  return { document, json: stableStringify(document), event };
}

/**
 * A {@link WarehouseQuery} checked and normalized: the owner key, the code lists, the
 * validity instant in epoch milliseconds and Vietnam day, the limit. Throws
 * {@link ReuseError} (`INVALID_QUERY`, `INVALID_INSTANT`) for a query outside its domain.
 *
 * @example
 * ```ts
 * import { normalizeWarehouseQuery } from '@motcua/core';
 * normalizeWarehouseQuery({ owner: { type: 'personal-id', value: '038190012345' } }).limit; // 1000
 * ```
 * @category Reuse
 */
export function normalizeWarehouseQuery(query: WarehouseQuery): NormalizedWarehouseQuery {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ReuseError('INVALID_QUERY', `limit must be an integer in 1..${MAX_LIMIT}`);
  }
  const out: NormalizedWarehouseQuery = {
    ownerKey: ownerKey(query.owner),
    resultCodes: [...new Set(query.resultCodes ?? [])],
    documentTypes: [...new Set(query.documentTypes ?? [])],
    limit,
  };
  if (query.validAt !== undefined) {
    const ms = epochMsOf(query.validAt, 'validAt');
    out.validAt = { ms, day: vietnamDayOfMs(ms) };
  }
  return out;
}

/**
 * A warehouse query after {@link normalizeWarehouseQuery}. Empty code lists mean "any".
 *
 * @example
 * ```ts
 * import type { NormalizedWarehouseQuery } from '@motcua/core';
 * const q: NormalizedWarehouseQuery = { ownerKey: 'P:038190012345', resultCodes: [], documentTypes: [], limit: 1000 };
 * ```
 * @category Reuse
 */
export interface NormalizedWarehouseQuery {
  /** {@link ownerKey} of the owner. */
  ownerKey: string;
  /** Distinct result codes wanted. */
  resultCodes: string[];
  /** Distinct document types wanted. */
  documentTypes: string[];
  /** The validity instant, when asked. */
  validAt?: { ms: number; day: string } | undefined;
  /** At most this many. */
  limit: number;
}

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 100_000;

/**
 * The columns a warehouse indexes a document by, derived from the document so that
 * every implementation derives them alike.
 *
 * @example
 * ```ts
 * import { warehouseColumns } from '@motcua/core';
 * import type { DigitizedDocument } from '@motcua/schemas';
 * declare const doc: DigitizedDocument;
 * warehouseColumns(doc).ownerKey; // 'P:…'
 * ```
 * @category Reuse
 */
export function warehouseColumns(document: DigitizedDocument): WarehouseColumns {
  if (typeof document.id !== 'string' || document.id === '') {
    throw new ReuseError('INVALID_QUERY', 'a digitized document needs an id');
  }
  const status = document.status;
  return {
    id: document.id,
    ownerKey: ownerKey(document.owner.identity),
    resultCode: document.resultCode ?? null,
    documentType: document.documentType ?? null,
    issueDate: document.issueDate ?? null,
    validUntil: document.validity !== undefined && 'until' in document.validity ? document.validity.until : null,
    state: status.state,
    stateAtMs: status.state === 'valid' ? null : epochMsOf(status.at, 'status.at'),
  };
}

/**
 * Index columns of a stored document (see {@link warehouseColumns}).
 *
 * @example
 * ```ts
 * import type { WarehouseColumns } from '@motcua/core';
 * const c: WarehouseColumns = {
 *   id: 'gtsh-1', ownerKey: 'P:038190012345', resultCode: 'KQ.1.001193.01', documentType: null,
 *   issueDate: '2025-07-03', validUntil: null, state: 'valid', stateAtMs: null,
 * };
 * ```
 * @category Reuse
 */
export interface WarehouseColumns {
  id: string;
  ownerKey: string;
  resultCode: string | null;
  documentType: string | null;
  issueDate: string | null;
  /** `validity.until`; null for permanent or unknown validity. */
  validUntil: string | null;
  state: 'valid' | 'revoked' | 'superseded';
  /** Epoch ms of the revocation / supersession. */
  stateAtMs: number | null;
}
