import "server-only";
import type { Kysely } from "kysely";
import { FRAMEWORK_IDS, type Framework, type FrameworkId } from "@/lib/schemas/compliance";
import type { ScanChoice } from "@/lib/schemas/compliance-api";
import type { Database } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { getFramework } from "./frameworks";

/** How many completed scans the picker offers and the trend draws. */
export const SCAN_HISTORY = 30;

export function getFrameworkOrThrow(id: string): Framework {
  const framework = (FRAMEWORK_IDS as readonly string[]).includes(id) ? getFramework(id as FrameworkId) : undefined;
  if (!framework) throw new NotFoundError(`Framework "${id}" (known: ${FRAMEWORK_IDS.join(", ")})`);
  return framework;
}

/** The completed scans to choose from, newest first. */
export async function listCompletedScans(db: Kysely<Database>, limit = SCAN_HISTORY): Promise<ScanChoice[]> {
  const rows = await db
    .selectFrom("scans")
    .select(["id", "finished_at", "status"])
    .where("status", "=", "completed")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, finishedAt: r.finished_at, status: r.status }));
}

/**
 * The scan a compliance view reads: the one asked for, else the latest completed one (null: none yet).
 * A running or failed scan has partial findings, so a requirement would PASS on what was never collected.
 */
export async function resolveComplianceScan(db: Kysely<Database>, scanId: string | undefined): Promise<ScanChoice | null> {
  if (scanId === undefined) return (await listCompletedScans(db, 1))[0] ?? null;
  const row = await db.selectFrom("scans").select(["id", "finished_at", "status"]).where("id", "=", scanId).executeTakeFirst();
  if (!row) throw new NotFoundError(`Scan ${scanId}`);
  if (row.status !== "completed")
    throw new ValidationError(`Scan ${scanId} is ${row.status}, not completed: compliance is evaluated on completed scans only.`);
  return { id: row.id, finishedAt: row.finished_at, status: row.status };
}
