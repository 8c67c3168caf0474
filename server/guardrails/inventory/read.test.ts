import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardrailInventoryQuerySchema, guardrailInventoryResponseSchema } from "@/lib/schemas/guardrail-inventory";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { accountByKey } from "@/server/sources/demo/accounts";
import { NO_SCAN_MESSAGE, readGuardrailInventory } from "./read";
import { runDemoScan } from "@/server/scans/testing";

const AT = new Date("2026-11-27T06:00:00Z");
const ALL = guardrailInventoryQuerySchema.parse({});
const PROD = accountByKey("prod").id;
const SANDBOX = accountByKey("sandbox").id;

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
});
afterAll(() => t.close());

async function demoScan(): Promise<void> {
  await runDemoScan(t.db, { id: "scan-1", at: AT });
}

describe("readGuardrailInventory", () => {
  it("says there is no inventory yet before any scan completes", async () => {
    const r = await readGuardrailInventory(t.db, ALL);
    expect(r).toEqual({ scan: null, regions: [], emptyMessage: NO_SCAN_MESSAGE });
  });

  it("lists the demo guardrails with versions, settings and who uses them", async () => {
    await demoScan();
    const r = guardrailInventoryResponseSchema.parse(await readGuardrailInventory(t.db, ALL));
    expect(r.scan?.id).toBe("scan-1");
    expect(r.regions).toHaveLength(6);
    const prodUse1 = r.regions.find((x) => x.accountId === PROD && x.region === "us-east-1");
    const clinical = prodUse1?.guardrails?.find((g) => g.name === "phi-clinical-assistant");
    expect(clinical?.versions.map((v) => [v.version, v.evaluated, v.inUse])).toEqual([
      ["DRAFT", false, false],
      ["3", true, true],
      ["2", false, false],
      ["1", false, false],
    ]);
    const v3 = clinical?.versions[1];
    expect(v3?.promptAttack?.input.strength).toBe("HIGH");
    expect(v3?.contentFilters.map((f) => f.category).sort()).toEqual(["HATE", "INSULTS", "MISCONDUCT", "SEXUAL", "VIOLENCE"]);
    expect(v3?.kmsKeyArn).toMatch(/^arn:aws:kms:us-east-1:/);
    expect(v3?.automatedReasoning?.policies).toHaveLength(1);
    expect(v3?.grounding).toEqual({ grounding: 0.85, relevance: 0.7 });
    expect(v3?.piiEntities.length).toBeGreaterThan(0);
    // Version 1 predates the STANDARD tier and had MEDIUM prompt-attack filtering.
    expect(clinical?.versions[3]?.promptAttack?.input.strength).toBe("MEDIUM");
    expect(clinical?.usedBy.some((u) => u.kind === "agent" && u.version === "3")).toBe(true);
    const baseline = prodUse1?.guardrails?.find((g) => g.name === "phi-baseline-enforced");
    expect(baseline?.usedBy.find((u) => u.kind === "enforced")?.version).toBe("2");
  });

  it("attaches the checks' non-PASS verdicts to the guardrail, straight from the findings table", async () => {
    const r = await readGuardrailInventory(t.db, ALL);
    const sandbox = r.regions.find((x) => x.accountId === SANDBOX && x.region === "us-east-1");
    const test = sandbox?.guardrails?.find((g) => g.name === "sandbox-test");
    const expected = await t.db
      .selectFrom("findings")
      .select(["check_id", "status"])
      .where("scan_id", "=", "scan-1")
      .where("resource_arn", "=", test?.arn ?? "")
      .where("status", "!=", "PASS")
      .execute();
    expect(expected.length).toBeGreaterThan(0);
    expect(test?.weakSettings.map((w) => w.checkId).sort()).toEqual(expected.map((e) => e.check_id).sort());
    expect(test?.weakSettings.map((w) => w.checkId)).toContain("bedrock-guardrail-prompt-attack-high");
    expect(test?.weakSettings.every((w) => w.checkTitle.length > 0 && w.checkTitle !== w.checkId)).toBe(true);
    const clinical = r.regions.flatMap((x) => x.guardrails ?? []).find((g) => g.name === "phi-clinical-assistant");
    expect(clinical?.weakSettings.some((w) => w.status === "PASS")).toBe(false);
  });

  it("shows a denied part with its reason and IAM action, and keeps the guardrails it could read", async () => {
    const r = await readGuardrailInventory(t.db, guardrailInventoryQuerySchema.parse({ account: SANDBOX }));
    expect(r.regions.map((x) => x.accountId)).toEqual([SANDBOX, SANDBOX]);
    const use1 = r.regions.find((x) => x.region === "us-east-1");
    expect(use1?.unavailable).toEqual([
      expect.objectContaining({ action: "bedrock:ListEnforcedGuardrailsConfiguration", notInRegion: false }),
    ]);
    expect(use1?.guardrails?.length).toBe(1);
  });

  it("reports an unreadable snapshot as unavailable, never as 'no guardrails'", async () => {
    const r0 = await readGuardrailInventory(t.db, guardrailInventoryQuerySchema.parse({ account: PROD, region: "eu-west-1" }));
    expect(r0.regions).toHaveLength(1);
    await t.db
      .updateTable("inventory_snapshots")
      .set({ data_json: '{"accountId":"nope"' })
      .where("account_id", "=", PROD)
      .where("region", "=", "eu-west-1")
      .execute();
    const r = await readGuardrailInventory(t.db, guardrailInventoryQuerySchema.parse({ account: PROD, region: "eu-west-1" }));
    expect(r.regions[0]?.guardrails).toBeNull();
    expect(r.regions[0]?.unavailable[0]?.reason).toMatch(/could not be read/);
  });

  it("validates the filters", () => {
    expect(guardrailInventoryQuerySchema.parse({ account: `${PROD},${SANDBOX}`, region: "us-east-1" })).toEqual({
      account: [PROD, SANDBOX],
      region: ["us-east-1"],
    });
    expect(guardrailInventoryQuerySchema.safeParse({ account: "12" }).success).toBe(false);
    expect(guardrailInventoryQuerySchema.safeParse({ region: "Mars" }).success).toBe(false);
  });
});
