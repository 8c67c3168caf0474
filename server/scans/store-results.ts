import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "@/server/db";
import type { Inventory } from "@/server/inventory";
import type { EvaluatedFinding } from "./evaluate";

// 11 bound values a row keeps every chunk far below SQLite's and PostgreSQL's parameter limits.
const CHUNK = 500;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export async function storeResults(
  trx: Kysely<Database>,
  scanId: string,
  findings: readonly EvaluatedFinding[],
  inventories: readonly Inventory[],
): Promise<void> {
  for (let i = 0; i < findings.length; i += CHUNK) {
    await trx
      .insertInto("findings")
      .values(
        findings.slice(i, i + CHUNK).map((f) => ({
          id: randomUUID(),
          scan_id: scanId,
          check_id: f.checkId,
          account_id: f.accountId,
          region: f.region,
          resource_arn: f.resourceArn,
          status: f.status,
          severity: f.severity,
          category: f.category,
          message: f.message,
          evidence_json: JSON.stringify(f.evidence ?? null),
        })),
      )
      .execute();
  }
  for (const inv of inventories) {
    const data = JSON.stringify(inv);
    await trx
      .insertInto("inventory_snapshots")
      .values({
        scan_id: scanId,
        account_id: inv.accountId,
        account_name: inv.accountName,
        region: inv.region,
        sha256: sha256(data),
        data_json: data,
      })
      .execute();
  }
}
