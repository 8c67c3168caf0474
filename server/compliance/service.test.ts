import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Status } from "@/lib/schemas/finding";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { NotFoundError, ValidationError } from "@/server/http/errors";
import { runDemoScan } from "@/server/scans/testing";
import { addAttestation } from "./attestations";
import { evaluateFramework } from "./evaluate";
import { FRAMEWORKS, getFramework } from "./frameworks";
import { listRequirementFindings } from "./requirement-findings";
import { getComplianceOverview, getFrameworkDetail, getFrameworkTrend } from "./service";

let t: TestDb;
const FIRST = "scan-a";
const SECOND = "scan-b";

/** Every finding row of a scan, ungrouped: what evaluateFramework is specified against. */
async function rowsOf(scanId: string) {
  const rows = await t.db
    .selectFrom("findings")
    .select(["check_id", "account_id", "region", "status"])
    .where("scan_id", "=", scanId)
    .execute();
  return rows.map((r) => ({ checkId: r.check_id, accountId: r.account_id, region: r.region, status: r.status as Status }));
}

const soc2 = () => {
  const fw = getFramework("soc2");
  if (!fw) throw new Error("soc2 missing");
  return fw;
};

beforeAll(async () => {
  t = await sqliteTestDb();
  await runDemoScan(t.db, { id: FIRST, at: new Date("2026-11-01T00:00:00Z") });
  await runDemoScan(t.db, { id: SECOND, at: new Date("2026-11-08T00:00:00Z") });
  // A scan still running is never the default and never offered.
  await t.db
    .insertInto("scans")
    .values({
      id: "scan-running",
      source: "demo",
      status: "running",
      requested_by: "test",
      created_at: "2026-11-09T00:00:00.000Z",
      started_at: null,
      finished_at: null,
      heartbeat_at: null,
      progress_done: 0,
      progress_total: 1,
      progress_label: null,
      settings_json: "{}",
      score_json: null,
      errors_json: null,
      error: null,
    })
    .execute();
}, 120_000);

afterAll(() => t.close());

describe("getComplianceOverview", () => {
  it("defaults to the latest completed scan and equals evaluateFramework on the stored rows, per framework", async () => {
    const overview = await getComplianceOverview(t.db, { accounts: [], regions: [] });
    expect(overview.scan?.id).toBe(SECOND);
    expect(overview.scans.map((s) => s.id)).toEqual([SECOND, FIRST]);
    expect(overview.accounts.length).toBeGreaterThan(1);
    expect(overview.regions.length).toBeGreaterThan(1);
    const rows = await rowsOf(SECOND);
    expect(overview.frameworks.map((f) => f.id)).toEqual(FRAMEWORKS.map((f) => f.id));
    for (const fw of FRAMEWORKS) {
      const expected = evaluateFramework(fw, rows);
      const got = overview.frameworks.find((f) => f.id === fw.id);
      expect(got?.totals, fw.id).toEqual(expected.totals);
      expect(got?.coverage, fw.id).toEqual(expected.coverage);
    }
  });

  it("narrows to a scope exactly as evaluateFramework does", async () => {
    const { accounts, regions } = await getComplianceOverview(t.db, { accounts: [], regions: [] });
    const scope = { accounts: [accounts[0]?.id ?? ""], regions: [regions[0] ?? ""] };
    const overview = await getComplianceOverview(t.db, { scan: FIRST, ...scope });
    const rows = await rowsOf(FIRST);
    for (const fw of FRAMEWORKS)
      expect(overview.frameworks.find((f) => f.id === fw.id)?.totals).toEqual(evaluateFramework(fw, rows, { scope }).totals);
  });

  it("refuses an unknown scan with its id, and a scan that has not completed", async () => {
    await expect(getComplianceOverview(t.db, { scan: "nope", accounts: [], regions: [] })).rejects.toThrow(
      new NotFoundError("Scan nope"),
    );
    await expect(getComplianceOverview(t.db, { scan: "scan-running", accounts: [], regions: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe("getFrameworkDetail", () => {
  it("gives each requirement the status, checks and breakdowns evaluateFramework gives, with metadata", async () => {
    const detail = await getFrameworkDetail(t.db, "soc2", { accounts: [], regions: [] });
    const expected = evaluateFramework(soc2(), await rowsOf(SECOND));
    expect(detail.requirements.map((r) => r.id)).toEqual(soc2().requirements.map((r) => r.id));
    detail.requirements.forEach((r, i) => {
      const e = expected.requirements[i];
      expect(r.status, r.id).toBe(e?.status);
      expect(r.byAccount).toEqual(e?.byAccount);
      expect(r.byRegion).toEqual(e?.byRegion);
      expect(r.checks.map(({ checkId, status, findings }) => ({ checkId, status, findings }))).toEqual(e?.checks);
    });
    expect(detail.requirements.some((r) => r.status === "FAIL")).toBe(true);
    expect(detail.requirements.every((r) => r.customerMustShow.length > 0)).toBe(true);
  });

  it("shows a MANUAL requirement as ATTESTED with its stored attestation once someone attests against that scan", async () => {
    const manual = soc2().requirements.find((r) => r.manual && r.checks.length === 0);
    if (!manual) throw new Error("soc2 has no purely manual requirement");
    const before = await getFrameworkDetail(t.db, "soc2", { scan: FIRST, accounts: [], regions: [] });
    expect(before.requirements.find((r) => r.id === manual.id)?.status).toBe("MANUAL");
    const stored = await addAttestation(t.db, {
      scanId: FIRST,
      frameworkId: "soc2",
      requirementId: manual.id,
      by: "admin@example.test",
      at: "2026-11-02T00:00:00.000Z",
      text: "Reviewed in the quarterly access review.",
    });
    const after = await getFrameworkDetail(t.db, "soc2", { scan: FIRST, accounts: [], regions: [] });
    const req = after.requirements.find((r) => r.id === manual.id);
    expect(req?.status).toBe("ATTESTED");
    expect(req?.attestation).toMatchObject({ id: stored.id, by: "admin@example.test", scanId: FIRST });
    expect(after.totals.ATTESTED).toBe(before.totals.ATTESTED + 1);
    // Stored with the scan: the other scan's view is unchanged.
    const other = await getFrameworkDetail(t.db, "soc2", { scan: SECOND, accounts: [], regions: [] });
    expect(other.requirements.find((r) => r.id === manual.id)?.status).toBe("MANUAL");
  });

  it("404s an unknown framework with its name", async () => {
    await expect(getFrameworkDetail(t.db, "soc3", { accounts: [], regions: [] })).rejects.toThrow(/Framework "soc3"/);
  });
});

describe("getFrameworkTrend", () => {
  it("has one point per completed scan, oldest first, each equal to that scan's evaluation", async () => {
    const trend = await getFrameworkTrend(t.db, "soc2", { accounts: [], regions: [] });
    expect(trend.points.map((p) => p.scanId)).toEqual([FIRST, SECOND]);
    const first = await getFrameworkDetail(t.db, "soc2", { scan: FIRST, accounts: [], regions: [] });
    const second = evaluateFramework(soc2(), await rowsOf(SECOND));
    expect(trend.points[0]?.totals).toEqual(first.totals);
    expect(trend.points[1]?.totals).toEqual(second.totals);
    const { totals } = second;
    const applicable = Object.values(totals).reduce((a, b) => a + b, 0) - totals.NOT_APPLICABLE;
    expect(trend.points[1]?.passShare).toBeCloseTo(totals.PASS / applicable);
  });
});

describe("listRequirementFindings", () => {
  const failing = async () => {
    const detail = await getFrameworkDetail(t.db, "soc2", { accounts: [], regions: [] });
    const req = detail.requirements.find((r) => r.status === "FAIL");
    if (!req) throw new Error("no failing soc2 requirement in the demo");
    return req;
  };

  it("pages through every finding of the mapped checks, failing first, without repeats", async () => {
    const req = await failing();
    const expectedTotal = req.checks.reduce((n, c) => n + c.findings, 0);
    const seen: string[] = [];
    let cursor: string | undefined;
    let first = true;
    do {
      const page = await listRequirementFindings(t.db, "soc2", req.id, {
        accounts: [],
        regions: [],
        status: [],
        limit: 7,
        ...(cursor && { cursor }),
      });
      expect(page.total).toBe(expectedTotal);
      if (first) expect(page.rows[0]?.status).toBe("FAIL");
      first = false;
      expect(page.rows.length).toBeLessThanOrEqual(7);
      for (const r of page.rows) {
        expect(req.checks.map((c) => c.checkId)).toContain(r.checkId);
        expect(r.evidence).not.toBeUndefined();
      }
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen).size).toBe(expectedTotal);
  });

  it("filters by status and account, and keeps account-level findings in a region scope", async () => {
    const req = await failing();
    const fails = await listRequirementFindings(t.db, "soc2", req.id, {
      accounts: [],
      regions: [],
      status: ["FAIL"],
      limit: 100,
    });
    expect(fails.total).toBeGreaterThan(0);
    expect(fails.rows.every((r) => r.status === "FAIL")).toBe(true);
    const account = fails.rows[0]?.accountId ?? "";
    const one = await listRequirementFindings(t.db, "soc2", req.id, { accounts: [account], regions: [], status: [], limit: 100 });
    expect(one.rows.every((r) => r.accountId === account)).toBe(true);
    const inRegion = await listRequirementFindings(t.db, "soc2", req.id, {
      accounts: [],
      regions: ["us-east-1"],
      status: [],
      limit: 100,
    });
    expect(inRegion.rows.every((r) => r.region === "us-east-1" || r.region === "global")).toBe(true);
  });

  it("404s an unknown requirement and 400s a forged cursor", async () => {
    await expect(
      listRequirementFindings(t.db, "soc2", "CC9.9", { accounts: [], regions: [], status: [], limit: 10 }),
    ).rejects.toThrow(/Requirement "CC9.9" of /);
    const req = await failing();
    await expect(
      listRequirementFindings(t.db, "soc2", req.id, { accounts: [], regions: [], status: [], limit: 10, cursor: "garbage" }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("per-account pass share on the overview", () => {
  it("equals the framework evaluated for that account alone, highest first", async () => {
    const overview = await getComplianceOverview(t.db, { scan: SECOND, accounts: [], regions: [] });
    for (const summary of overview.frameworks) {
      expect(summary.accountShares.length).toBe(overview.accounts.length);
      for (const { accountId, passShare } of summary.accountShares) {
        const alone = await getComplianceOverview(t.db, { scan: SECOND, accounts: [accountId], regions: [] });
        expect(passShare, `${summary.id} ${accountId}`).toBe(alone.frameworks.find((f) => f.id === summary.id)?.passShare);
      }
      const shares = summary.accountShares.map((a) => a.passShare ?? -1);
      expect(shares).toEqual([...shares].sort((a, b) => b - a));
    }
  }, 60_000);
});
