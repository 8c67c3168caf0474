import "server-only";
import { ok, unavailable } from "@/server/inventory/part";
import { DEMO_ACCOUNTS, type DemoAccount, type DemoContext, type DemoRegion } from "./accounts";
import { bedrockFor } from "./bedrock";
import { iamFor } from "./iam";
import { kmsKeysFor, SANDBOX_EU_KMS_DENIED } from "./kms";
import { networkFor } from "./network";
import { alarmsFor, logGroupsFor } from "./observability";
import { organizationFor } from "./organizations";
import { bucketsFor } from "./storage";
import { eventDataStoresFor, trailsFor } from "./trails";

/**
 * Parts the estate reports as unavailable on purpose, so a demo scan shows ERROR findings that
 * name the IAM action to grant. Tests assert that nothing else is unavailable.
 */
export const DELIBERATELY_UNAVAILABLE: readonly {
  account: DemoAccount["key"];
  region: DemoRegion | "*";
  part: string;
  action: string;
}[] = [
  { account: "sandbox", region: "*", part: "bedrock.enforcedGuardrails", action: "bedrock:ListEnforcedGuardrailsConfiguration" },
  { account: "sandbox", region: "eu-west-1", part: "kms.keys", action: SANDBOX_EU_KMS_DENIED.action },
];

/** The raw inventory of one account × region, shaped as collectors produce it (validated later). */
export function buildInventory(account: DemoAccount, region: DemoRegion, now: Date) {
  const ctx: DemoContext = { account, region, now };
  const network = networkFor(ctx);
  const kmsDenied = account.key === "sandbox" && region === "eu-west-1";
  return {
    accountId: account.id,
    accountName: account.name,
    region,
    partition: "aws" as const,
    collectedAt: now.toISOString(),
    bedrock: bedrockFor(ctx),
    iam: ok(iamFor(account.key, now)),
    ec2: { vpcs: ok(network.vpcs), vpcEndpoints: ok(network.vpcEndpoints), securityGroups: ok(network.securityGroups) },
    kms: { keys: kmsDenied ? unavailable(SANDBOX_EU_KMS_DENIED.reason, SANDBOX_EU_KMS_DENIED.action) : ok(kmsKeysFor(ctx)) },
    s3: { buckets: ok(bucketsFor(account.key)) },
    cloudtrail: { trails: ok(trailsFor(ctx)), eventDataStores: ok(eventDataStoresFor(ctx)) },
    logs: { logGroups: ok(logGroupsFor(ctx)) },
    cloudwatch: { alarms: ok(alarmsFor(ctx)) },
    organizations: ok(organizationFor(account.key)),
  };
}

export function findAccount(accountId: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.id === accountId);
}
