import "server-only";
import type { Kysely, Selectable } from "kysely";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import type { Database } from "@/server/db";
import { DETAIL_COLUMNS } from "@/server/posture/findings";

/** The accounts × regions an export covers; an empty list means every account (or region) of the scan. */
export type ExportScope = { accounts: readonly string[]; regions: readonly string[] };

/** A stored finding as the export reads it (account-level findings carry GLOBAL_REGION and belong to every region). */
export type FindingRow = Omit<Selectable<Database["findings"]>, "scan_id">;

const PAGE = 2000;

/**
 * The scan's findings in scope, in pages, in a fixed order (check, account, region, resource, id), so
 * 50,000 findings never sit in memory at once and two exports list them alike.
 */
export async function* scopedFindings(db: Kysely<Database>, scanId: string, scope: ExportScope): AsyncGenerator<FindingRow> {
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom("findings").select(DETAIL_COLUMNS).where("scan_id", "=", scanId);
    if (scope.accounts.length) query = query.where("account_id", "in", [...scope.accounts]);
    if (scope.regions.length) query = query.where("region", "in", [...scope.regions, GLOBAL_REGION]);
    const rows = await query
      .orderBy("check_id")
      .orderBy("account_id")
      .orderBy("region")
      .orderBy("resource_arn")
      .orderBy("id")
      .limit(PAGE)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < PAGE) return;
  }
}
