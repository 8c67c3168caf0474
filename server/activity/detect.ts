import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import { inventorySchema, type Inventory } from "@/server/inventory";
import { latestCompletedScan } from "@/server/scans/repository";
import { detectionContextFromInventories } from "./detections/context";
import { runDetectors, type DetectionRun } from "./detections/run";
import type { ActivityFilter, ActivitySource } from "./source";

/** Events read per detection run at most; CloudTrail at 2 lookups/s makes more a minutes-long wait. */
const MAX_EVENTS = 20_000;
const PAGE = 500;

/**
 * What the detectors know beyond the events: the latest completed scan's inventories (keys used by
 * Bedrock, SCPs that guard it, guardrail and trail baselines). A snapshot that no longer parses is
 * left out and counted, never guessed at.
 */
export async function latestDetectionContext(db: Kysely<Database>) {
  const scan = await latestCompletedScan(db);
  if (!scan) return { context: detectionContextFromInventories([]), scanId: null, skippedSnapshots: 0 };
  const rows = await db.selectFrom("inventory_snapshots").select("data_json").where("scan_id", "=", scan.id).execute();
  const inventories: Inventory[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = inventorySchema.safeParse(JSON.parse(row.data_json));
    if (parsed.success) inventories.push(parsed.data);
    else skipped++;
  }
  return { context: detectionContextFromInventories(inventories), scanId: scan.id, skippedSnapshots: skipped };
}

export type ActivityDetections = DetectionRun & {
  eventsRead: number;
  scanId: string | null;
  /** Why the answer may be incomplete (a capped read, an unreadable snapshot, the source's own notices). */
  notices: string[];
};

/** Reads every event in the filter's range (up to MAX_EVENTS) and runs the detectors over them. */
export async function detectActivity(
  db: Kysely<Database>,
  source: ActivitySource,
  filter: ActivityFilter,
): Promise<ActivityDetections> {
  const notices = new Set<string>();
  const events = [];
  let cursor: string | null = null;
  do {
    const page = await source.list(filter, cursor, PAGE);
    events.push(...page.events);
    if (page.notice) notices.add(page.notice);
    cursor = page.nextCursor;
  } while (cursor !== null && events.length < MAX_EVENTS);
  if (cursor !== null)
    notices.add(
      `Only the newest ${events.length.toLocaleString("en-US")} events were checked; narrow the range to check the rest.`,
    );
  const { context, scanId, skippedSnapshots } = await latestDetectionContext(db);
  if (scanId === null)
    notices.add("No completed scan yet: detections that need the inventory (KMS keys, SCPs, baselines) could not run fully.");
  if (skippedSnapshots > 0)
    notices.add(`${skippedSnapshots} inventory snapshots of the latest scan could not be read and were left out.`);
  const run = runDetectors(events, context);
  return { ...run, eventsRead: events.length, scanId, notices: [...notices] };
}
