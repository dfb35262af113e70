/**
 * The PostgreSQL schema, as numbered migrations (never edited once released). `{s}`
 * stands for the quoted schema name. Text columns that are compared or ordered use the
 * "C" collation, so ordering is bytewise — the same as SQLite's.
 *
 * @module
 */

/** One schema step. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const POSTGRES_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'warehouse, access log, dossier sequences, outbox',
    sql: `
CREATE TABLE {s}.warehouse_documents (
  id text COLLATE "C" NOT NULL PRIMARY KEY,
  owner_key text COLLATE "C" NOT NULL,
  result_code text COLLATE "C",
  document_type text COLLATE "C",
  issue_date text COLLATE "C",
  valid_until text COLLATE "C",
  state text NOT NULL CHECK (state IN ('valid', 'revoked', 'superseded')),
  state_at_ms bigint,
  doc text NOT NULL,
  recorded_at text NOT NULL,
  origin text,
  actor text,
  updated_at text
);
CREATE INDEX warehouse_documents_owner ON {s}.warehouse_documents (owner_key, result_code);
CREATE INDEX warehouse_documents_owner_type ON {s}.warehouse_documents (owner_key, document_type)
  WHERE document_type IS NOT NULL;

CREATE TABLE {s}.warehouse_events (
  seq bigserial PRIMARY KEY,
  document_id text COLLATE "C" NOT NULL,
  action text NOT NULL CHECK (action IN ('updated', 'revoked', 'superseded')),
  at text NOT NULL,
  reason text,
  superseded_by text,
  actor text,
  origin text
);
CREATE INDEX warehouse_events_document ON {s}.warehouse_events (document_id, seq);

CREATE TABLE {s}.access_log (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  subject_key text COLLATE "C" NOT NULL,
  at_ms bigint NOT NULL,
  entry text NOT NULL
);
CREATE INDEX access_log_subject ON {s}.access_log (subject_key, at_ms DESC, id);
CREATE FUNCTION {s}.motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'motcua: the access log is append-only';
END
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON {s}.access_log
  FOR EACH ROW EXECUTE FUNCTION {s}.motcua_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON {s}.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION {s}.motcua_append_only();

CREATE TABLE {s}.dossier_sequences (
  agency_code text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (agency_code, day)
);

CREATE TABLE {s}.outbox (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  key text COLLATE "C" NOT NULL,
  type text NOT NULL,
  payload text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  enqueued_at_ms bigint NOT NULL,
  available_at_ms bigint NOT NULL,
  lease_token text,
  lease_until_ms bigint,
  worker text,
  last_error text,
  done_at_ms bigint
);
CREATE INDEX outbox_open_by_key ON {s}.outbox (key, seq) WHERE state <> 'done';
CREATE INDEX outbox_open ON {s}.outbox (seq) WHERE state IN ('pending', 'leased');
`,
  },
  {
    version: 2,
    name: 'local dossiers, their progress rows and applied changes',
    sql: `
CREATE TABLE {s}.dossiers (
  ma_ho_so text COLLATE "C" NOT NULL PRIMARY KEY,
  dossier text NOT NULL,
  version integer NOT NULL,
  updated_at_ms bigint NOT NULL
);

CREATE TABLE {s}.dossier_progress (
  seq bigserial PRIMARY KEY,
  ma_ho_so text COLLATE "C" NOT NULL,
  row text NOT NULL
);
CREATE INDEX dossier_progress_dossier ON {s}.dossier_progress (ma_ho_so, seq);

CREATE TABLE {s}.dossier_changes (
  ma_ho_so text COLLATE "C" NOT NULL,
  change_id text COLLATE "C" NOT NULL,
  applied_at_ms bigint NOT NULL,
  PRIMARY KEY (ma_ho_so, change_id)
);
`,
  },
];
