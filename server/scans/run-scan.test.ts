import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defineCheck, DEFAULT_CHECK_SETTINGS, withParts, regionArn } from "@/server/checks/define-check";
import { emptyInventory } from "@/server/checks/testing/inventory-fixture";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import type { InventorySource } from "@/server/sources/types";
import { getScan, insertScan } from "./repository";
import { runScan } from "./run-scan";

const guardrailExists = defineCheck({
  id: "guardrail-exists-test",
  title: "A guardrail exists in the region",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale: "Test check: a region without a guardrail cannot filter prompts or responses at all.",
  remediation: {
    console: ["Create one"],
    cli: "aws bedrock create-guardrail",
    terraform: 'resource "aws_bedrock_guardrail" "g" {}',
  },
  references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html"],
  evaluate: (inv) =>
    withParts(regionArn(inv, "bedrock"), { guardrails: inv.bedrock.guardrails }, ({ guardrails }) => [
      {
        resourceArn: regionArn(inv, "bedrock"),
        status: guardrails.length ? "PASS" : "FAIL",
        message: `${guardrails.length} guardrails`,
        evidence: {},
      },
    ]),
});

const iamOnce = defineCheck({
  ...guardrailExists,
  id: "iam-once-test",
  category: "IAM",
  scope: "account",
  evaluate: () => [{ resourceArn: "arn:aws:iam::1:root", status: "PASS", message: "ok", evidence: {} }],
});

function source(regions: string[], broken: Record<string, unknown> = {}): InventorySource {
  return {
    kind: "demo",
    listTargets: () => Promise.resolve([{ accountId: "111122223333", accountName: "prod", regions }]),
    describe: () => Promise.reject(new Error("not used by runScan")),
    testConnection: () => Promise.reject(new Error("not used by runScan")),
    collect: (_t, region) => {
      if (broken[region] === "throw") return Promise.reject(new Error("socket hang up"));
      const inv: Record<string, unknown> = { ...emptyInventory(), region };
      if (broken[region] === "invalid") (inv.bedrock as Record<string, unknown>).guardrails = { status: "ok", data: [{ id: 5 }] };
      return Promise.resolve(inv);
    },
  };
}

describe("runScan", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await sqliteTestDb();
    await insertScan(t.db, { id: "s", source: "demo", requestedBy: "me", settings: {}, now: "2026-11-01T00:00:00.000Z" });
  });
  afterEach(() => t.close());

  const deps = (src: InventorySource) => ({
    db: t.db,
    source: src,
    checks: [guardrailExists, iamOnce],
    context: { settings: DEFAULT_CHECK_SETTINGS },
    concurrency: 2,
  });

  it("evaluates every region, account-scoped checks once, and reaches 100 %", async () => {
    await runScan(deps(source(["us-east-1", "eu-west-1"])), "s");
    const scan = await getScan(t.db, "s");
    expect(scan?.status).toBe("completed");
    expect(scan?.progress.done).toBe(scan?.progress.total);
    expect(scan?.score?.overall.counts).toMatchObject({ FAIL: 2, PASS: 1 });
    const rows = await t.db
      .selectFrom("findings")
      .select(["check_id", "region"])
      .where("check_id", "=", "iam-once-test")
      .execute();
    expect(rows).toEqual([{ check_id: "iam-once-test", region: "global" }]);
  });

  it("turns a region that cannot be collected into ERROR findings and a recorded error, not a gap", async () => {
    await runScan(deps(source(["us-east-1", "eu-west-1"], { "eu-west-1": "throw" })), "s");
    const scan = await getScan(t.db, "s");
    expect(scan?.status).toBe("completed");
    expect(scan?.errors.some((e) => e.region === "eu-west-1" && e.reason.includes("socket hang up"))).toBe(true);
    const eu = await t.db.selectFrom("findings").selectAll().where("region", "=", "eu-west-1").execute();
    expect(eu.map((f) => f.status)).toEqual(["ERROR"]);
    expect(eu[0]?.message).toContain("socket hang up");
  });

  it("reports a part that fails validation as ERROR, never PASS", async () => {
    await runScan(deps(source(["us-east-1"], { "us-east-1": "invalid" })), "s");
    const rows = await t.db.selectFrom("findings").selectAll().where("check_id", "=", "guardrail-exists-test").execute();
    expect(rows.map((f) => f.status)).toEqual(["ERROR"]);
    expect(rows[0]?.message).toContain("failed validation");
  });

  it("fails the scan with the reason when the accounts cannot be listed", async () => {
    const src = { ...source([]), listTargets: () => Promise.reject(new Error("ExpiredToken")) };
    await runScan(deps(src), "s");
    expect(await getScan(t.db, "s")).toMatchObject({ status: "failed", error: "ExpiredToken" });
  });
});
