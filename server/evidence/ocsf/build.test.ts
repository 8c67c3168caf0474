import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATUSES, type Category, type Severity, type Status } from "@/lib/schemas/finding";
import { CHECKS } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { getScan } from "@/server/scans/repository";
import { buildComplianceFindings, toJsonl, type OcsfFindingInput } from "./build";
import { validateOcsfRecord } from "./validate";
import { runDemoScan } from "@/server/scans/testing";

const AT = new Date("2026-11-27T06:00:00Z");
let t: TestDb;
let findings: OcsfFindingInput[] = [];
let scan = { id: "scan-1", finishedAt: "" };

beforeAll(async () => {
  t = await sqliteTestDb();
  await runDemoScan(t.db, { id: "scan-1", at: AT });
  scan = { id: "scan-1", finishedAt: (await getScan(t.db, "scan-1"))?.finishedAt ?? "" };
  const rows = await t.db.selectFrom("findings").selectAll().where("scan_id", "=", "scan-1").execute();
  // The scan engine wrote these columns from the typed enums.
  findings = rows.map((r) => ({
    id: r.id,
    checkId: r.check_id,
    accountId: r.account_id,
    region: r.region,
    resourceArn: r.resource_arn,
    status: r.status as Status,
    severity: r.severity as Severity,
    category: r.category as Category,
    message: r.message,
  }));
});
afterAll(() => t.close());

const build = (list: readonly OcsfFindingInput[]) => buildComplianceFindings({ scan, findings: list, productVersion: "0.1.0" });

describe("buildComplianceFindings on a demo scan", () => {
  it("builds one valid Compliance Finding per finding", () => {
    expect(findings.length).toBeGreaterThan(50);
    const records = build(findings);
    expect(records).toHaveLength(findings.length);
    const problems = records.flatMap((r, i) => validateOcsfRecord(r).map((p) => `${i} ${p.path}: ${p.message}`));
    expect(problems).toEqual([]);
    const first = records[0] ?? {};
    expect(first).toMatchObject({ class_uid: 2003, category_uid: 2, type_uid: 200301, activity_id: 1, time: AT.getTime() });
    const uids = new Set(records.map((r) => (r.finding_info as { uid: string }).uid));
    expect(uids.size).toBe(records.length);
    expect([...uids].every((u) => u.startsWith("scan-1/"))).toBe(true);
  });

  it("maps severities and compliance statuses; ERROR, MANUAL and NOT_APPLICABLE are never Pass", () => {
    const base = findings[0];
    if (!base) throw new Error("no findings");
    const variants = STATUSES.map((status, i) => ({ ...base, id: `v-${i}`, status }));
    const byStatus = new Map(
      build(variants).map((r) => {
        const c = r.compliance as { status_code: Status; status_id: number; status: string };
        return [c.status_code, [c.status_id, c.status]];
      }),
    );
    expect(Object.fromEntries(byStatus)).toEqual({
      PASS: [1, "Pass"],
      FAIL: [3, "Fail"],
      ERROR: [2, "Warning"],
      MANUAL: [2, "Warning"],
      NOT_APPLICABLE: [99, "Not Applicable"],
    });
    for (const r of build(variants)) expect(validateOcsfRecord(r)).toEqual([]);
    const severities = build(findings).map((r) => [r.severity_id, r.severity]);
    for (const pair of severities)
      expect([
        [5, "Critical"],
        [4, "High"],
        [3, "Medium"],
        [2, "Low"],
      ]).toContainEqual(pair);
  });

  it("carries the check's frameworks, requirements and remediation", () => {
    const r = build(findings).find((x) =>
      (x.compliance as { requirements: string[] }).requirements.some((q) => q.startsWith("soc2 ")),
    );
    expect(r).toBeDefined();
    const c = r?.compliance as { standards: string[]; control: string };
    expect(c.standards.some((s) => s.startsWith("SOC 2"))).toBe(true);
    const check = CHECKS.find((x) => x.id === c.control);
    expect((r?.remediation as { references: string[] }).references).toEqual(check?.references);
  });

  it("is deterministic: same findings in any order give the same bytes", () => {
    const a = toJsonl(build(findings));
    const b = toJsonl(build([...findings].reverse()));
    expect(b).toBe(a);
    expect(a.endsWith("\n")).toBe(true);
    expect(a.split("\n")).toHaveLength(findings.length + 1);
  });

  it("still builds a valid record for a check the registry no longer has, and for a global finding", () => {
    const base = findings[0];
    if (!base) throw new Error("no findings");
    const [r] = buildComplianceFindings({
      scan,
      findings: [{ ...base, region: "global", resourceArn: "not-an-arn" }],
      productVersion: "0.1.0",
      lookupCheck: () => undefined,
    });
    expect(r && validateOcsfRecord(r)).toEqual([]);
    expect(r?.remediation).toBeUndefined();
    expect(r?.resource).toEqual({ uid: "not-an-arn" });
    expect(r?.cloud).toEqual({ provider: "AWS", account: { uid: base.accountId, type: "AWS Account", type_id: 10 } });
    expect((r?.finding_info as { title: string }).title).toBe(base.checkId);
  });

  it("rejects a scan without a finish time", () => {
    expect(() => buildComplianceFindings({ scan: { id: "s", finishedAt: "" }, findings, productVersion: "0.1.0" })).toThrow(
      /no valid finish time/,
    );
  });

  it("builds and validates 50,000 records", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => {
      const f = findings[i % findings.length];
      if (!f) throw new Error("no findings");
      return { ...f, id: `${f.id}-${i}` };
    });
    const start = performance.now();
    const records = build(many);
    const built = performance.now();
    const invalid = records.filter((r) => validateOcsfRecord(r).length > 0).length;
    const done = performance.now();
    const bytes = toJsonl(records).length;
    console.info(
      `OCSF: built 50,000 in ${(built - start).toFixed(0)} ms, validated in ${(done - built).toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB`,
    );
    expect(invalid).toBe(0);
  });
});
