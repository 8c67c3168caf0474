import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseInventory, type Inventory } from "@/server/inventory";
import { AwsSource } from "../aws-source";
import { FakeAws } from "./fake-aws";
import { HUB_KEY, MANAGEMENT, addScaleEstate, type ScaleEstate } from "./scale-estate";
import { accountIam } from "./scale-estate-iam-data";

const REGIONS = ["us-east-1", "eu-west-1", "ap-northeast-1"];
let fake: FakeAws;
let estate: ScaleEstate;
let source: AwsSource;

beforeEach(async () => {
  fake = new FakeAws();
  estate = addScaleEstate(fake, { accounts: 3, regions: REGIONS });
  await fake.start();
  source = new AwsSource({
    accounts: { mode: "organization", roleArns: [], roleName: "StrataReadOnly", sessionName: "strata-scan" },
    regions: { list: REGIONS, origin: "test" },
    homeRegion: "us-east-1",
    client: { endpoint: fake.url, credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" }, maxAttempts: 1 },
  });
});
afterEach(async () => {
  source.dispose();
  await fake.stop();
});

async function collect(accountId: string, region: string): Promise<Inventory> {
  const target = (await source.listTargets()).find((t) => t.accountId === accountId);
  if (target === undefined) throw new Error(`${accountId} is not a target`);
  const { inventory, invalidParts } = parseInventory(await source.collect(target, region));
  expect(invalidParts).toEqual([]);
  return inventory;
}

/** Every part's status by its path, e.g. "bedrock.guardrails": "ok". */
function statuses(inv: Inventory): Record<string, string> {
  const out: Record<string, string> = { iam: inv.iam.status, organizations: inv.organizations.status };
  for (const section of ["bedrock", "ec2", "kms", "s3", "cloudtrail", "logs", "cloudwatch"] as const) {
    for (const [name, part] of Object.entries(inv[section])) out[`${section}.${name}`] = part.status;
  }
  return out;
}

describe("scale estate", () => {
  it("lists the organization's active accounts", async () => {
    const targets = await source.listTargets();
    expect(targets.map((t) => t.accountId)).toEqual(estate.accounts.map((a) => a.id));
  });

  it("collects a member account × region that parses cleanly, with every part ok", async () => {
    const member = estate.accounts[1]?.id ?? "";
    const inv = await collect(member, "eu-west-1");
    const all = statuses(inv);
    expect(Object.keys(all).length).toBeGreaterThan(20);
    expect(Object.entries(all).filter(([, status]) => status !== "ok")).toEqual([]);

    // IAM spans several 100-item pages; every page must have been followed.
    const expected = accountIam(member, MANAGEMENT).counts;
    if (inv.iam.status !== "ok") throw new Error("iam");
    expect(inv.iam.data.roles).toHaveLength(expected.roles);
    expect(inv.iam.data.users).toHaveLength(expected.users);
    expect(fake.callCount("iam", "GetAccountAuthorizationDetails")).toBeGreaterThan(1);
    // Buckets and keys come from the references the other services made.
    expect(inv.s3.buckets.status === "ok" && inv.s3.buckets.data.length).toBeGreaterThan(1);
    expect(inv.kms.keys.status === "ok" && inv.kms.keys.data.length).toBeGreaterThan(1);
    // Calls are tallied by the account and region they were signed for.
    const tally = estate.callTally().filter((t) => t.account === member);
    expect(new Set(tally.map((t) => t.region))).toEqual(new Set(["eu-west-1", "us-east-1"]));
  });

  it("differs by account and region, and is the same every time", async () => {
    const [a, b] = [estate.accounts[1]?.id ?? "", estate.accounts[2]?.id ?? ""];
    const guardrailIds = (inv: Inventory) =>
      inv.bedrock.guardrails.status === "ok" ? inv.bedrock.guardrails.data.map((g) => g.id) : [];
    const first = guardrailIds(await collect(a, "us-east-1"));
    expect(guardrailIds(await collect(a, "us-east-1"))).toEqual(first);
    expect(guardrailIds(await collect(a, "ap-northeast-1"))).not.toEqual(first);
    expect(guardrailIds(await collect(b, "us-east-1"))).not.toEqual(first);
  });
});
