import "server-only";
import type { Kysely } from "kysely";
import type { Status } from "@/lib/schemas/finding";
import type {
  GuardrailInventoryQuery,
  GuardrailInventoryResponse,
  GuardrailRegion,
  WeakSetting,
} from "@/lib/schemas/guardrail-inventory";
import { getCheck } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { parseInventory } from "@/server/inventory";
import { latestCompletedScan } from "@/server/scans/repository";
import { usageOf, unavailableParts } from "./usage";
import { versionViews } from "./version-view";

export const NO_SCAN_MESSAGE =
  "No scan has completed yet, so there is no guardrail inventory to show. Run a scan from Posture; this page fills in when it finishes.";

type FindingRow = { check_id: string; resource_arn: string; status: string; severity: string; message: string };

/** Non-PASS findings on guardrail ARNs (or version ARNs), keyed by the guardrail's ARN. */
async function weakSettingsOf(db: Kysely<Database>, scanId: string, q: GuardrailInventoryQuery) {
  let query = db
    .selectFrom("findings")
    .select(["check_id", "resource_arn", "status", "severity", "message"])
    .where("scan_id", "=", scanId)
    .where("status", "!=", "PASS")
    .where("resource_arn", "like", "%:guardrail/%");
  if (q.account.length) query = query.where("account_id", "in", q.account);
  if (q.region.length) query = query.where("region", "in", q.region);
  const rows: FindingRow[] = await query.orderBy("check_id").execute();
  const byArn = new Map<string, WeakSetting[]>();
  for (const r of rows) {
    // A version ARN is "<guardrail ARN>:<version>"; the guardrail ARN itself has no further colon after the id.
    const m = /^(arn:[^:]+:bedrock:[^:]*:\d*:guardrail\/[^:/]+)(?::[^:/]+)?$/.exec(r.resource_arn);
    if (!m?.[1]) continue;
    const list = byArn.get(m[1]) ?? [];
    list.push({
      checkId: r.check_id,
      checkTitle: getCheck(r.check_id)?.title ?? r.check_id,
      // Values were written from the typed enums by the scan engine.
      severity: r.severity as WeakSetting["severity"],
      status: r.status as Status,
      message: r.message,
      resourceArn: r.resource_arn,
    });
    byArn.set(m[1], list);
  }
  return byArn;
}

const RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * Every guardrail of the latest completed scan per account × region, with its versions, who uses it
 * and the checks' non-PASS verdicts on it. A snapshot or part that cannot be read is reported with
 * its reason, never turned into an empty list.
 */
export async function readGuardrailInventory(
  db: Kysely<Database>,
  q: GuardrailInventoryQuery,
): Promise<GuardrailInventoryResponse> {
  const scan = await latestCompletedScan(db);
  if (!scan) return { scan: null, regions: [], emptyMessage: NO_SCAN_MESSAGE };
  let snapshots = db
    .selectFrom("inventory_snapshots")
    .select(["account_id", "account_name", "region", "data_json"])
    .where("scan_id", "=", scan.id);
  if (q.account.length) snapshots = snapshots.where("account_id", "in", q.account);
  if (q.region.length) snapshots = snapshots.where("region", "in", q.region);
  const [rows, weak] = await Promise.all([
    snapshots.orderBy("account_name").orderBy("region").execute(),
    weakSettingsOf(db, scan.id, q),
  ]);

  const regions = rows.map((row): GuardrailRegion => {
    const where = { accountId: row.account_id, accountName: row.account_name, region: row.region };
    let inventory;
    try {
      inventory = parseInventory(JSON.parse(row.data_json)).inventory;
    } catch (error) {
      const reason = `The stored inventory snapshot could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return {
        ...where,
        guardrails: null,
        unavailable: [{ part: "Inventory snapshot", reason, action: null, notInRegion: false }],
      };
    }
    const part = inventory.bedrock.guardrails;
    const guardrails =
      part.status !== "ok"
        ? null
        : part.data.map((g) => {
            const usedBy = usageOf(inventory, g);
            const versions = versionViews(g, new Set(usedBy.flatMap((u) => (u.version === null ? [] : [u.version]))));
            const evaluated = versions.find((v) => v.evaluated);
            return {
              id: g.id,
              arn: g.arn,
              name: g.name,
              status: evaluated?.status ?? g.draft.status,
              versions,
              usedBy,
              weakSettings: (weak.get(g.arn) ?? []).sort((a, b) => RANK[a.severity] - RANK[b.severity]),
            };
          });
    return { ...where, guardrails, unavailable: unavailableParts(inventory) };
  });
  const emptyMessage = regions.length === 0 ? "The latest scan has no inventory for the selected accounts and regions." : null;
  return { scan: { id: scan.id, finishedAt: scan.finishedAt }, regions, emptyMessage };
}
