import "server-only";
import type { Generated } from "kysely";
/**
 * One schema for SQLite and PostgreSQL: text ISO timestamps, JSON as text, integers for counters.
 * Portable types keep every query identical on both engines.
 */
export interface ScansTable {
  id: string;
  source: string;
  status: "queued" | "running" | "completed" | "failed";
  requested_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
  progress_done: number;
  progress_total: number;
  progress_label: string | null;
  settings_json: string;
  score_json: string | null;
  errors_json: string | null;
  error: string | null;
}

interface FindingsTable {
  id: string;
  scan_id: string;
  check_id: string;
  account_id: string;
  region: string;
  resource_arn: string;
  status: string;
  severity: string;
  category: string;
  message: string;
  evidence_json: string;
}

interface InventorySnapshotsTable {
  scan_id: string;
  account_id: string;
  account_name: string;
  region: string;
  sha256: string;
  data_json: string;
}

interface AuditEventsTable {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail_json: string;
}

interface SavedViewsTable {
  id: string;
  owner: string;
  page: string;
  name: string;
  query: string;
  created_at: string;
  /** 0 or 1: integer so SQLite and PostgreSQL store it alike. */
  shared: Generated<number>;
  owner_name: Generated<string>;
}

interface EvidenceExportsTable {
  id: string;
  scan_id: string;
  framework: string;
  manifest_sha256: string;
  previous_manifest_sha256: string | null;
  created_at: string;
  created_by: string;
}

interface AttestationsTable {
  id: string;
  scan_id: string;
  framework_id: string;
  requirement_id: string;
  attested_by: string;
  attested_at: string;
  text: string;
  attachment_name: string | null;
  attachment_sha256: string | null;
  attachment: Buffer | null;
}

export interface Database {
  scans: ScansTable;
  findings: FindingsTable;
  inventory_snapshots: InventorySnapshotsTable;
  audit_events: AuditEventsTable;
  saved_views: SavedViewsTable;
  evidence_exports: EvidenceExportsTable;
  attestations: AttestationsTable;
}
