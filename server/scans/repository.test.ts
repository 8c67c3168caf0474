import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { findingsQuerySchema } from "@/lib/schemas/posture";
import { listFindings } from "@/server/posture/findings";
import { getOverview } from "@/server/posture/overview";
import { getCheckDetail } from "@/server/posture/checks";
import { scoreFindings } from "@/server/scoring/score";
import {
  activeScan,
  completeScan,
  failStaleScans,
  getScan,
  insertScan,
  latestCompletedScan,
  listScans,
  updateProgress,
} from "./repository";
import { storeResults } from "./store-results";
import type { EvaluatedFinding } from "./evaluate";
import { emptyInventory } from "@/server/checks/testing/inventory-fixture";
import { CHECKS } from "@/server/checks/registry";

const T0 = "2026-11-01T00:00:00.000Z";

function finding(over: Partial<EvaluatedFinding>): EvaluatedFinding {
  return {
    checkId: CHECKS[0]?.id ?? "x",
    severity: "high",
    category: "IAM",
    accountId: "111122223333",
    region: "us-east-1",
    resourceArn: "arn:aws:iam::111122223333:role/app",
    status: "PASS",
    message: "ok",
    evidence: { a: 1 },
    ...over,
  };
}

describe.each(ENGINES)("scan storage on %s", (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps every scan with its progress, score, findings and snapshots", async () => {
    await insertScan(t.db, { id: "s1", source: "demo", requestedBy: "a@b", settings: {}, now: T0 });
    expect((await activeScan(t.db))?.id).toBe("s1");
    await updateProgress(t.db, "s1", { done: 1, total: 3, label: "Collected prod / us-east-1", now: T0, status: "running" });
    expect((await getScan(t.db, "s1"))?.progress).toEqual({ done: 1, total: 3, label: "Collected prod / us-east-1" });

    const findings = [
      finding({ status: "FAIL", severity: "critical", message: "Role app allows bedrock:* 100%_done" }),
      finding({ status: "PASS", severity: "low", region: "eu-west-1" }),
      finding({ status: "ERROR", severity: "medium", message: "Could not evaluate" }),
    ];
    const inv = emptyInventory();
    await t.db.transaction().execute((trx) => storeResults(trx, "s1", findings, [inv]));
    await completeScan(t.db, "s1", {
      score: scoreFindings(findings),
      errors: [
        {
          accountId: "111122223333",
          region: "us-east-1",
          part: "iam",
          reason: "denied",
          action: "iam:GetAccountAuthorizationDetails",
        },
      ],
      now: T0,
      total: 3,
    });

    const scan = await latestCompletedScan(t.db);
    expect(scan?.status).toBe("completed");
    expect(scan?.score?.overall.counts.ERROR).toBe(1);
    expect(scan?.errors[0]?.action).toBe("iam:GetAccountAuthorizationDetails");
    expect(await activeScan(t.db)).toBeUndefined();
    expect((await listScans(t.db)).map((s) => s.id)).toEqual(["s1"]);
  });

  it("filters, searches (literal % and _), sorts by severity and pages findings", async () => {
    const q = findingsQuerySchema.parse({ status: "FAIL,ERROR" });
    const page = await listFindings(t.db, "s1", q);
    expect(page.total).toBe(2);
    expect(page.rows[0]?.severity).toBe("critical");
    expect(page.rows[0]?.accountName).toBe("test");

    const search = await listFindings(t.db, "s1", findingsQuerySchema.parse({ q: "100%_D" }));
    expect(search.rows.map((r) => r.message)).toEqual(["Role app allows bedrock:* 100%_done"]);
    expect((await listFindings(t.db, "s1", findingsQuerySchema.parse({ q: "%" }))).total).toBe(1);

    const paged = await listFindings(t.db, "s1", findingsQuerySchema.parse({ pageSize: "10", page: "2" }));
    expect(paged.rows).toEqual([]);
    expect(paged.total).toBe(3);
  });

  it("builds the overview and check detail from stored results", async () => {
    const overview = await getOverview(t.db);
    expect(overview.scan?.id).toBe("s1");
    expect(overview.accounts).toEqual([{ id: "111122223333", name: "test" }]);
    expect(overview.failingBySeverity.critical).toBe(1);
    expect(overview.trend).toHaveLength(1);
    const firstCheck = CHECKS[0];
    if (firstCheck) {
      const detail = await getCheckDetail(t.db, firstCheck.id, "s1");
      expect(detail?.findings[0]?.status).toBe("FAIL");
      expect(detail?.findings[0]?.evidence).toEqual({ a: 1 });
    }
  });

  it("fails scans whose process stopped sending heartbeats", async () => {
    await insertScan(t.db, { id: "s2", source: "demo", requestedBy: "a@b", settings: {}, now: T0 });
    expect(await failStaleScans(t.db, "2026-11-02T00:00:00.000Z", "2026-11-02T00:00:00.000Z")).toBe(1);
    expect((await getScan(t.db, "s2"))?.status).toBe("failed");
  });
});
