import "server-only";
import type { Kysely } from "kysely";
import type { Scan } from "@/lib/schemas/scan";
import type { Database } from "@/server/db";
import { NotFoundError } from "@/server/http/errors";
import { getScan, latestCompletedScan } from "@/server/scans/repository";

/** The scan a posture view reads: the one asked for (404 if unknown), else the latest completed one. */
export async function resolveScan(db: Kysely<Database>, scanId: string | undefined): Promise<Scan | null> {
  if (scanId) {
    const scan = await getScan(db, scanId);
    if (!scan) throw new NotFoundError("Scan");
    return scan;
  }
  return (await latestCompletedScan(db)) ?? null;
}
