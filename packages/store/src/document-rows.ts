/**
 * Mapping between warehouse rows and the port's types, shared by SQLite and PostgreSQL.
 *
 * @module
 */
import type { StoredDocument, WarehouseEvent, WarehouseProvenance } from '@motcua/core';
import type { DigitizedDocument } from '@motcua/schemas';

/** The columns a look-up reads. */
export interface DocumentRow {
  doc: string;
  recorded_at: string;
  origin: string | null;
  actor: string | null;
  updated_at: string | null;
}

/** Provenance columns of a row. */
export function provenanceOf(row: Omit<DocumentRow, 'doc'>): WarehouseProvenance {
  const p: WarehouseProvenance = { recordedAt: row.recorded_at };
  if (row.origin !== null) p.origin = row.origin;
  if (row.actor !== null) p.actor = row.actor;
  if (row.updated_at !== null) p.updatedAt = row.updated_at;
  return p;
}

/** A row as a stored document. */
export function storedOf(row: DocumentRow): StoredDocument {
  return { document: JSON.parse(row.doc) as DigitizedDocument, provenance: provenanceOf(row) };
}

/** A history row. */
export interface EventRow {
  document_id: string;
  action: string;
  at: string;
  reason: string | null;
  superseded_by: string | null;
  actor: string | null;
  origin: string | null;
}

/** A history row as an event. */
export function eventOf(row: EventRow): WarehouseEvent {
  const e: WarehouseEvent = { documentId: row.document_id, action: row.action as WarehouseEvent['action'], at: row.at };
  if (row.reason !== null) e.reason = row.reason;
  if (row.superseded_by !== null) e.supersededBy = row.superseded_by;
  if (row.actor !== null) e.actor = row.actor;
  if (row.origin !== null) e.origin = row.origin;
  return e;
}

/** The `recorded` event every paper's history starts with, rebuilt from its provenance. */
export function recordedEvent(id: string, row: Omit<DocumentRow, 'doc' | 'updated_at'>): WarehouseEvent {
  const e: WarehouseEvent = { documentId: id, action: 'recorded', at: row.recorded_at };
  if (row.actor !== null) e.actor = row.actor;
  if (row.origin !== null) e.origin = row.origin;
  return e;
}

/** The event columns of an event, in insert order: document_id, action, at, reason, superseded_by, actor, origin. */
export function eventParams(
  e: WarehouseEvent,
): [string, string, string, string | null, string | null, string | null, string | null] {
  return [e.documentId, e.action, e.at, e.reason ?? null, e.supersededBy ?? null, e.actor ?? null, e.origin ?? null];
}
