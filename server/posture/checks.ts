import "server-only";
import type { Kysely } from "kysely";
import type { Status } from "@/lib/schemas/finding";
import type { CheckDetail, CheckSummary } from "@/lib/schemas/posture";
import { CHECKS, getCheck } from "@/server/checks/registry";
import type { Check } from "@/server/checks/define-check";
import type { Database } from "@/server/db";
import { accountNames } from "./accounts";
import { toDetail } from "./findings";
import { severityRank, statusRank } from "./sql-order";

type Counts = CheckSummary["counts"];
const zero = (): Counts => ({ PASS: 0, FAIL: 0, ERROR: 0, NOT_APPLICABLE: 0, MANUAL: 0 });

function summary(check: Check, counts: Counts): CheckSummary {
  return { id: check.id, title: check.title, severity: check.severity, category: check.category, scope: check.scope, counts };
}

async function countsByCheck(db: Kysely<Database>, scanId: string | null): Promise<Map<string, Counts>> {
  const map = new Map<string, Counts>();
  if (!scanId) return map;
  const rows = await db
    .selectFrom("findings")
    .select(["check_id", "status", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("scan_id", "=", scanId)
    .groupBy(["check_id", "status"])
    .execute();
  for (const r of rows) {
    const counts = map.get(r.check_id) ?? zero();
    counts[r.status as Status] = Number(r.n);
    map.set(r.check_id, counts);
  }
  return map;
}

/** The whole catalog with each check's result counts in the scan (zero when it had none). */
export async function listCheckSummaries(db: Kysely<Database>, scanId: string | null): Promise<CheckSummary[]> {
  const counts = await countsByCheck(db, scanId);
  return CHECKS.map((c) => summary(c, counts.get(c.id) ?? zero()));
}

export async function getCheckDetail(
  db: Kysely<Database>,
  checkId: string,
  scanId: string | null,
): Promise<CheckDetail | undefined> {
  const check = getCheck(checkId);
  if (!check) return undefined;
  const counts = (await countsByCheck(db, scanId)).get(checkId) ?? zero();
  const [rows, names] = scanId
    ? await Promise.all([
        db
          .selectFrom("findings")
          .selectAll()
          .where("scan_id", "=", scanId)
          .where("check_id", "=", checkId)
          .orderBy(statusRank())
          .orderBy(severityRank())
          .orderBy("account_id")
          .orderBy("region")
          .limit(2000)
          .execute(),
        accountNames(db, scanId),
      ])
    : [[], new Map<string, string>()];
  return {
    ...summary(check, counts),
    rationale: check.rationale,
    remediation: check.remediation,
    references: check.references,
    frameworks: check.frameworks,
    findings: rows.map((r) => toDetail(r, names)),
    scanId,
  };
}
