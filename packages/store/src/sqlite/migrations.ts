/**
 * The SQLite schema, as numbered migrations. A migration is never edited once released:
 * changes are new migrations.
 *
 * @module
 */

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const APPEND_ONLY = "SELECT RAISE(ABORT, 'motcua: the access log is append-only')";

/** Every migration, in order. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'warehouse, access log, dossier sequences, outbox',
    sql: `
CREATE TABLE warehouse_documents (
  id TEXT NOT NULL PRIMARY KEY,
  owner_key TEXT NOT NULL,
  result_code TEXT,
  document_type TEXT,
  issue_date TEXT,
  valid_until TEXT,
  state TEXT NOT NULL CHECK (state IN ('valid', 'revoked', 'superseded')),
  state_at_ms INTEGER,
  doc TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  origin TEXT,
  actor TEXT,
  updated_at TEXT
);
CREATE INDEX warehouse_documents_owner ON warehouse_documents (owner_key, result_code);
CREATE INDEX warehouse_documents_owner_type ON warehouse_documents (owner_key, document_type)
  WHERE document_type IS NOT NULL;

CREATE TABLE warehouse_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('updated', 'revoked', 'superseded')),
  at TEXT NOT NULL,
  reason TEXT,
  superseded_by TEXT,
  actor TEXT,
  origin TEXT
);
CREATE INDEX warehouse_events_document ON warehouse_events (document_id, seq);

CREATE TABLE access_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  subject_key TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX access_log_subject ON access_log (subject_key, at_ms DESC, id);
CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log BEGIN ${APPEND_ONLY}; END;
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log BEGIN ${APPEND_ONLY}; END;

CREATE TABLE dossier_sequences (
  agency_code TEXT NOT NULL,
  day TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day)
) WITHOUT ROWID;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  enqueued_at_ms INTEGER NOT NULL,
  available_at_ms INTEGER NOT NULL,
  lease_token TEXT,
  lease_until_ms INTEGER,
  worker TEXT,
  last_error TEXT,
  done_at_ms INTEGER
);
-- Only unfinished messages block their key or wait for a worker; done ones are never scanned.
CREATE INDEX outbox_open_by_key ON outbox (key, seq) WHERE state <> 'done';
CREATE INDEX outbox_open ON outbox (seq) WHERE state IN ('pending', 'leased');
`,
  },
  {
    version: 2,
    name: 'local dossiers, their progress rows and applied changes',
    sql: `
CREATE TABLE dossiers (
  ma_ho_so TEXT NOT NULL PRIMARY KEY,
  dossier TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE dossier_progress (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ma_ho_so TEXT NOT NULL,
  row TEXT NOT NULL
);
CREATE INDEX dossier_progress_dossier ON dossier_progress (ma_ho_so, seq);

CREATE TABLE dossier_changes (
  ma_ho_so TEXT NOT NULL,
  change_id TEXT NOT NULL,
  applied_at_ms INTEGER NOT NULL,
  PRIMARY KEY (ma_ho_so, change_id)
) WITHOUT ROWID;
`,
  },
];
