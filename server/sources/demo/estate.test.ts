import { describe, expect, it } from "vitest";
import { inventorySchema, parseInventory, type Inventory } from "@/server/inventory";
import { collectEstate } from "./collect-estate";
import { DemoSource } from "./demo-source";
import { DELIBERATELY_UNAVAILABLE } from "./estate";

const estate = await collectEstate(new DemoSource());

function unavailableParts(inv: Inventory): string[] {
  const out: string[] = [];
  if (inv.iam.status === "unavailable") out.push("iam");
  if (inv.organizations.status === "unavailable") out.push("organizations");
  const sections = {
    bedrock: inv.bedrock,
    ec2: inv.ec2,
    kms: inv.kms,
    s3: inv.s3,
    cloudtrail: inv.cloudtrail,
    logs: inv.logs,
    cloudwatch: inv.cloudwatch,
  };
  for (const [section, parts] of Object.entries(sections)) {
    for (const [name, part] of Object.entries(parts)) if (part.status === "unavailable") out.push(`${section}.${name}`);
  }
  return out;
}

describe("demo estate inventories", () => {
  it("has six account × region inventories", () => {
    expect(estate.map((e) => `${e.target.accountName}/${e.region}`)).toEqual([
      "halcyon-prod/us-east-1",
      "halcyon-prod/eu-west-1",
      "halcyon-staging/us-east-1",
      "halcyon-staging/eu-west-1",
      "halcyon-sandbox/us-east-1",
      "halcyon-sandbox/eu-west-1",
    ]);
  });

  it.each(estate.map((e) => [`${e.target.accountName}/${e.region}`, e] as const))(
    "%s validates with inventorySchema, every part intact",
    (_name, e) => {
      const strict = inventorySchema.safeParse(e.raw);
      expect(strict.error?.issues ?? []).toEqual([]);
      const { inventory, invalidParts } = parseInventory(e.raw);
      expect(invalidParts).toEqual([]);
      expect(inventory.accountId).toBe(e.target.accountId);
      expect(inventory.region).toBe(e.region);
    },
  );

  it("is unavailable exactly where the estate says so on purpose, naming the IAM action", () => {
    const actual = estate.flatMap((e) =>
      unavailableParts(parseInventory(e.raw).inventory).map((part) => `${e.target.accountName}/${e.region}/${part}`),
    );
    const expected = estate.flatMap((e) =>
      DELIBERATELY_UNAVAILABLE.filter(
        (d) => `halcyon-${d.account}` === e.target.accountName && (d.region === "*" || d.region === e.region),
      ).map((d) => `${e.target.accountName}/${e.region}/${d.part}`),
    );
    expect(actual.sort()).toEqual(expected.sort());
    expect(actual.length).toBeGreaterThanOrEqual(3);
    for (const e of estate) {
      const inv = parseInventory(e.raw).inventory;
      for (const part of [inv.organizations, inv.kms.keys]) {
        if (part.status === "unavailable") {
          expect(part.reason).toMatch(/AccessDenied/);
          expect(part.action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
          expect(part.reason).toContain(part.action);
        }
      }
    }
  });

  it("is realistic in size", () => {
    const byAccount = new Map(estate.map((e) => [e.target.accountId, parseInventory(e.raw).inventory]));
    const all = [...byAccount.values()];
    const roles = all.reduce((n, inv) => n + (inv.iam.status === "ok" ? inv.iam.data.roles.length : 0), 0);
    const policies = all.reduce((n, inv) => n + (inv.iam.status === "ok" ? inv.iam.data.policies.length : 0), 0);
    expect(roles).toBeGreaterThanOrEqual(30);
    expect(policies).toBeGreaterThanOrEqual(20);
    const inventories = estate.map((e) => parseInventory(e.raw).inventory);
    const count = (pick: (inv: Inventory) => { status: string; data?: unknown }) =>
      inventories.reduce((n, inv) => {
        const part = pick(inv);
        return n + (part.status === "ok" && Array.isArray(part.data) ? part.data.length : 0);
      }, 0);
    expect(count((i) => i.bedrock.guardrails)).toBeGreaterThanOrEqual(5);
    expect(count((i) => i.bedrock.agents)).toBeGreaterThanOrEqual(4);
    expect(count((i) => i.bedrock.knowledgeBases)).toBeGreaterThanOrEqual(4);
    expect(count((i) => i.bedrock.inferenceProfiles)).toBeGreaterThanOrEqual(20);
    expect(count((i) => i.cloudwatch.alarms)).toBeGreaterThanOrEqual(8);
  });

  it("uses unique ids for guardrails, agents, knowledge bases, keys and roles", () => {
    const seen = new Set<string>();
    const arns: string[] = [];
    for (const e of estate) {
      const inv = parseInventory(e.raw).inventory;
      const data = <T>(p: { status: string; data?: T }): T | undefined => (p.status === "ok" ? p.data : undefined);
      arns.push(...(data(inv.bedrock.guardrails) ?? []).map((g) => g.arn));
      arns.push(...(data(inv.bedrock.agents) ?? []).map((a) => a.agentArn));
      arns.push(...(data(inv.bedrock.knowledgeBases) ?? []).map((k) => k.knowledgeBaseArn));
      arns.push(...(data(inv.kms.keys) ?? []).map((k) => k.arn));
      if (e.region === "us-east-1") arns.push(...(data(inv.iam)?.roles ?? []).map((r) => r.arn));
    }
    for (const arn of arns) {
      expect(seen.has(arn), arn).toBe(false);
      seen.add(arn);
    }
  });
});
