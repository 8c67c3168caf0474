import "server-only";

/** Bumped when the DDL changes; the logs database is a cache of imported files, so it is rebuilt, not migrated. */
export const LOGS_SCHEMA_VERSION = 4;

/**
 * One summary row per record; `seq` (the rowid) ties it to its compressed full record and to the
 * FTS rows. Every secondary index implicitly ends in the rowid, so `(x, ts)` serves
 * `WHERE x = ? AND ts range ORDER BY ts DESC, seq DESC` (the keyset order) without a sort.
 */
export const LOGS_DDL = `
CREATE TABLE IF NOT EXISTS invocations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ts INTEGER NOT NULL,
  account_id TEXT,
  region TEXT,
  inference_region TEXT,
  cross_region INTEGER NOT NULL,
  model_id TEXT,
  operation TEXT,
  principal_arn TEXT,
  principal_type TEXT NOT NULL,
  principal_role TEXT,
  principal_session TEXT,
  error_code TEXT,
  guardrail_action TEXT,
  guardrail_policy_mask INTEGER NOT NULL,
  -- The guardrail the trace names, and where its findings were (1 input, 2 output; see sqlite-filter.ts).
  guardrail_id TEXT,
  guardrail_side_mask INTEGER NOT NULL,
  latency_ms INTEGER,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cache_read_tokens INTEGER NOT NULL,
  cache_write_tokens INTEGER NOT NULL,
  request_metadata TEXT NOT NULL,
  -- Where the stored record is: its chunk, and its byte range in the chunk once inflated.
  body_chunk INTEGER NOT NULL,
  body_offset INTEGER NOT NULL,
  body_length INTEGER NOT NULL
);
-- No (account, ts), (region, ts) or (operation, ts): those values are common, so newest-first paging
-- finds a page quickly along invocations_ts, and facets and counts read the rollup; each index
-- dropped is one b-tree less per imported record.
CREATE INDEX IF NOT EXISTS invocations_ts ON invocations (ts);
CREATE INDEX IF NOT EXISTS invocations_model_ts ON invocations (model_id, ts);
CREATE INDEX IF NOT EXISTS invocations_principal_ts ON invocations (principal_arn, ts);
CREATE INDEX IF NOT EXISTS invocations_role_ts ON invocations (principal_role, ts);
CREATE INDEX IF NOT EXISTS invocations_error_ts ON invocations (error_code, ts);
CREATE INDEX IF NOT EXISTS invocations_guardrail_ts ON invocations (guardrail_action, ts);
-- The Guardrails page links here with one guardrail id plus a side or policy type: few matches,
-- which newest-first paging along invocations_ts would find only after reading most of the range
-- (bench: 48 of 300k records, 416 ms → 10 ms). Partial: untraced records add nothing to it.
CREATE INDEX IF NOT EXISTS invocations_guardrail_id_ts ON invocations (guardrail_id, ts) WHERE guardrail_id IS NOT NULL;

-- Stored records (bodies included; see stored-record.ts), deflated in groups of consecutive inserts:
-- neighbours share most of their JSON, so a group compresses several times better than a record
-- alone, and one deflate call serves many records. Read only by get().
CREATE TABLE IF NOT EXISTS invocation_body_chunks (
  id INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);

-- Contentless: the bodies already live (compressed) in invocation_body_chunks, so the index stores only
-- tokens, keyed by rowid = invocations.seq. contentless_delete keeps retention deletes possible.
CREATE VIRTUAL TABLE IF NOT EXISTS invocations_fts USING fts5 (
  prompt, response,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Small facts about the store itself (e.g. the demo seed's plan and progress).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
