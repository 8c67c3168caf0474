import "server-only";
import type { Kysely } from "kysely";
import type { Overview } from "@/lib/schemas/posture";
import type { Database } from "@/server/db";
import { getScan, latestCompletedScan } from "@/server/scans/repository";
import { accountNames, scanRegions } from "./accounts";
import { listCheckSummaries } from "./checks";

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export async function getOverview(db: Kysely<Database>, scanId?: string): Promise<Overview> {
  const scan = scanId ? await getScan(db, scanId) : await latestCompletedScan(db);
  const trendRows = await db
    .selectFrom("scans")
    .select(["id", "finished_at", "score_json"])
    .where("status", "=", "completed")
    .orderBy("created_at", "desc")
    .limit(30)
    .execute();
  const trend = trendRows.reverse().map((r) => {
    const overall = r.score_json
      ? (JSON.parse(r.score_json) as { overall: { score: number | null; grade: Overview["trend"][number]["grade"] } }).overall
      : null;
    return { scanId: r.id, at: r.finished_at ?? "", score: overall?.score ?? null, grade: overall?.grade ?? null };
  });
  if (!scan) {
    return {
      scan: null,
      accounts: [],
      regions: [],
      failingBySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
      topFailingChecks: [],
      trend,
    };
  }
  const [names, regions, checks] = await Promise.all([
    accountNames(db, scan.id),
    scanRegions(db, scan.id),
    listCheckSummaries(db, scan.id),
  ]);
  const failingBySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
  const failing = await db
    .selectFrom("findings")
    .select(["severity", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("scan_id", "=", scan.id)
    .where("status", "=", "FAIL")
    .groupBy("severity")
    .execute();
  for (const row of failing) {
    if (row.severity in failingBySeverity) failingBySeverity[row.severity as keyof typeof failingBySeverity] = Number(row.n);
  }
  const topFailingChecks = checks
    .filter((c) => c.counts.FAIL > 0)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.counts.FAIL - a.counts.FAIL)
    .slice(0, 10);
  return {
    scan,
    accounts: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    regions,
    failingBySeverity,
    topFailingChecks,
    trend,
  };
}
