import "server-only";
import type { Kysely, Selectable } from "kysely";
import { scanErrorSchema, type Scan, type ScanError } from "@/lib/schemas/scan";
import { scoreReportSchema, type ScoreReport } from "@/lib/schemas/score";
import type { Database } from "@/server/db";
import type { ScansTable } from "@/server/db/schema";
import { z } from "zod";

function toScan(row: Selectable<ScansTable>): Scan {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    progress: { done: row.progress_done, total: row.progress_total, label: row.progress_label },
    score: row.score_json ? scoreReportSchema.parse(JSON.parse(row.score_json)) : null,
    errors: row.errors_json ? z.array(scanErrorSchema).parse(JSON.parse(row.errors_json)) : [],
    error: row.error,
  };
}

export async function insertScan(
  db: Kysely<Database>,
  scan: { id: string; source: string; requestedBy: string; settings: unknown; now: string },
): Promise<void> {
  await db
    .insertInto("scans")
    .values({
      id: scan.id,
      source: scan.source,
      status: "queued",
      requested_by: scan.requestedBy,
      created_at: scan.now,
      started_at: null,
      finished_at: null,
      heartbeat_at: scan.now,
      progress_done: 0,
      progress_total: 0,
      progress_label: "Queued",
      settings_json: JSON.stringify(scan.settings),
      score_json: null,
      errors_json: null,
      error: null,
    })
    .execute();
}

export async function updateProgress(
  db: Kysely<Database>,
  id: string,
  progress: { done: number; total: number; label: string; now: string; status?: "running" },
): Promise<void> {
  await db
    .updateTable("scans")
    .set({
      progress_done: progress.done,
      progress_total: progress.total,
      progress_label: progress.label,
      heartbeat_at: progress.now,
      ...(progress.status ? { status: progress.status, started_at: progress.now } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export async function failScan(db: Kysely<Database>, id: string, error: string, now: string): Promise<void> {
  await db
    .updateTable("scans")
    .set({ status: "failed", error, finished_at: now, progress_label: "Failed" })
    .where("id", "=", id)
    .execute();
}

export async function completeScan(
  db: Kysely<Database>,
  id: string,
  result: { score: ScoreReport; errors: ScanError[]; now: string; total: number },
): Promise<void> {
  await db
    .updateTable("scans")
    .set({
      status: "completed",
      finished_at: result.now,
      heartbeat_at: result.now,
      progress_done: result.total,
      progress_total: result.total,
      progress_label: "Completed",
      score_json: JSON.stringify(result.score),
      errors_json: JSON.stringify(result.errors),
    })
    .where("id", "=", id)
    .execute();
}

export async function getScan(db: Kysely<Database>, id: string): Promise<Scan | undefined> {
  const row = await db.selectFrom("scans").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toScan(row) : undefined;
}

export async function listScans(db: Kysely<Database>, limit = 50): Promise<Scan[]> {
  const rows = await db.selectFrom("scans").selectAll().orderBy("created_at", "desc").limit(limit).execute();
  return rows.map(toScan);
}

export async function latestCompletedScan(db: Kysely<Database>): Promise<Scan | undefined> {
  const row = await db
    .selectFrom("scans")
    .selectAll()
    .where("status", "=", "completed")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toScan(row) : undefined;
}

export async function activeScan(db: Kysely<Database>): Promise<Scan | undefined> {
  const row = await db
    .selectFrom("scans")
    .selectAll()
    .where("status", "in", ["queued", "running"])
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toScan(row) : undefined;
}

/** Scans whose worker stopped sending heartbeats (process died) are failed, not left running forever. */
export async function failStaleScans(db: Kysely<Database>, olderThan: string, now: string): Promise<number> {
  const result = await db
    .updateTable("scans")
    .set({ status: "failed", error: "The scan stopped reporting progress (the process running it ended).", finished_at: now })
    .where("status", "in", ["queued", "running"])
    .where("heartbeat_at", "<", olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
