import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveAwsActions, iamAction } from "@/server/sources/aws/permissions";
import { FakeAws, FakeError } from "@/server/sources/aws/testing/fake-aws";
import type { ServiceName } from "@/server/sources/aws/testing/fake-protocols";
import { HUB_KEY, MANAGEMENT, MEMBER, addOrgEstate, callerRegion } from "@/server/sources/aws/testing/org-estate";
import { CloudWatchLogStore } from "./store";
import { AwsLogTargets, type AwsTargetOptions } from "./targets";
import { FakeInsights } from "./testing/fake-insights";

const SELF = "111122223333";
let fake: FakeAws;
let made: AwsLogTargets[];

function discovery(options: Partial<AwsTargetOptions> = {}): AwsLogTargets {
  const t = new AwsLogTargets({
    accounts: { mode: "current", roleArns: [], roleName: "StrataReadOnly", sessionName: "strata-logs" },
    homeRegion: "us-east-1",
    client: { endpoint: fake.url, credentials: { accessKeyId: "AKIDSELF", secretAccessKey: "x" }, maxAttempts: 2 },
    ...options,
  });
  made.push(t);
  return t;
}

/** One account, three regions: CloudWatch logging, S3-only logging, and none; a fourth region denies the read. */
function addSingleAccount() {
  fake.on("sts", "GetCallerIdentity", () => ({ Account: SELF, Arn: `arn:aws:iam::${SELF}:user/strata`, UserId: "AIDA" }));
  fake.rest("bedrock", "GetModelInvocationLoggingConfiguration", "GET /logging/modelinvocations", (req) => {
    const region = callerRegion(req);
    if (region === "us-east-1")
      return { loggingConfig: { cloudWatchConfig: { logGroupName: "/bedrock/use1", roleArn: "arn:aws:iam::1:role/l" } } };
    if (region === "eu-west-1") return { loggingConfig: { s3Config: { bucketName: "logs-bucket" } } };
    if (region === "ap-south-1") throw new FakeError("AccessDeniedException", "not allowed", 403);
    return {};
  });
}

beforeEach(() => {
  fake = new FakeAws();
  made = [];
});
afterEach(async () => {
  for (const t of made) t.dispose();
  await fake.stop();
});

describe("AwsLogTargets", () => {
  it("keeps regions logging to CloudWatch and says why each other region is skipped", async () => {
    addSingleAccount();
    await fake.start();
    const found = await discovery({ regions: ["us-east-1", "eu-west-1", "us-west-2", "ap-south-1"] }).discover();
    expect(found.targets.map((t) => [t.accountId, t.region, t.logGroupName])).toEqual([[SELF, "us-east-1", "/bedrock/use1"]]);
    expect(found.skipped).toEqual([
      `${SELF}/eu-west-1: invocation logs go to S3 only (import them into the embedded store)`,
      `${SELF}/us-west-2: model invocation logging is off`,
      expect.stringContaining(`${SELF}/ap-south-1: Access denied for bedrock:GetModelInvocationLoggingConfiguration`),
    ]);
  });

  it("reuses a discovery for a few minutes, then asks again", async () => {
    addSingleAccount();
    await fake.start();
    let now = 0;
    const targets = discovery({ regions: ["us-east-1"], now: () => now });
    await targets.discover();
    await targets.discover();
    expect(fake.callCount("bedrock")).toBe(1);
    now += 5 * 60_000;
    await targets.discover();
    expect(fake.callCount("bedrock")).toBe(2);
  });

  it("covers an organization's accounts through their roles; an account without logging is skipped", async () => {
    addOrgEstate(fake);
    await fake.start();
    const targets = discovery({
      accounts: {
        mode: "organization",
        roleArns: [],
        externalId: "ext-123",
        roleName: "StrataReadOnly",
        sessionName: "strata-logs",
      },
      client: { endpoint: fake.url, credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" }, maxAttempts: 2 },
    });
    const found = await targets.discover();
    expect(found.targets.map((t) => `${t.accountId}/${t.region}`)).toEqual([
      `${MANAGEMENT}/eu-west-1`,
      `${MANAGEMENT}/us-east-1`,
    ]);
    expect(found.skipped).toEqual([
      `${MEMBER}/eu-west-1: model invocation logging is off`,
      `${MEMBER}/us-east-1: model invocation logging is off`,
    ]);
  });

  it("feeds the store, whose notice names what was not searched; every call it makes is in the derived IAM policy", async () => {
    addSingleAccount();
    const insights = new FakeInsights(fake, () => ({ rows: [{ n: "2" }] }));
    await fake.start();
    const store = new CloudWatchLogStore(discovery({ regions: ["us-east-1", "us-west-2"] }), {
      run: { pollInitialMs: 5, pollMaxMs: 10 },
    });
    const facets = await store.facets({ from: "2025-03-01T00:00:00Z", to: "2025-03-02T00:00:00Z" });
    expect(facets.notice).toBe(`Not searched: ${SELF}/us-west-2: model invocation logging is off.`);
    expect(insights.started.every((q) => q.logGroupNames[0] === "/bedrock/use1")).toBe(true);

    const client: Record<ServiceName, string> = {
      bedrock: "bedrock",
      "bedrock-agent": "bedrock-agent",
      cloudtrail: "cloudtrail",
      cloudwatch: "cloudwatch",
      ec2: "ec2",
      iam: "iam",
      kms: "kms",
      logs: "cloudwatch-logs",
      organizations: "organizations",
      s3: "s3",
      sts: "sts",
    };
    const derived = deriveAwsActions(dirname(fileURLToPath(import.meta.url)));
    const wire = [...new Set(fake.calls.map((c) => iamAction(client[c.service], c.operation)))];
    expect(wire).toEqual(expect.arrayContaining(["logs:StartQuery", "logs:GetQueryResults"]));
    expect(wire.filter((a) => !derived.has(a) && a !== "sts:GetCallerIdentity")).toEqual([]);
  });
});
