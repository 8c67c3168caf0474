import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";

/** Account id → friendly name, from the scan's inventory snapshots. */
export async function accountNames(db: Kysely<Database>, scanId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("inventory_snapshots")
    .select(["account_id", "account_name"])
    .where("scan_id", "=", scanId)
    .distinct()
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.account_name]));
}

export async function scanRegions(db: Kysely<Database>, scanId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("inventory_snapshots")
    .select("region")
    .where("scan_id", "=", scanId)
    .distinct()
    .orderBy("region")
    .execute();
  return rows.map((r) => r.region);
}
