import "server-only";
import type { AwsClients } from "./clients";
import { collectBedrock } from "./bedrock";
import { collectBedrockAgent } from "./bedrock-agent";
import { collectCloudTrail } from "./cloudtrail";
import { collectCloudWatch } from "./cloudwatch";
import { collectEc2 } from "./ec2";
import { collectIam } from "./iam";
import { collectKms } from "./kms";
import { collectLogs } from "./logs";
import { collectOrganizations } from "./organizations";
import { collectS3 } from "./s3";
import { bucketKeys, referencedBuckets, referencedKeys } from "./references";
import type { CollectContext } from "./collect-kit";
import type { Part } from "@/server/inventory/part";

/** IAM and Organizations are account-wide: collected once per account and shared by its regions. */
type AccountWideParts = { iam: Promise<Part<unknown>>; organizations: Promise<Part<unknown>> };

export type RegionTarget = CollectContext & { accountName: string; partition?: "aws" | "aws-cn" | "aws-us-gov" };

/**
 * One account × region raw inventory, in the shape `parseInventory` validates. Independent services
 * run concurrently. S3 and KMS read only the buckets and keys that Bedrock, logging and trails
 * reference, so they start as soon as those four are in, without waiting for IAM, Organizations or
 * EC2 (the account-wide parts are the scan's longest chains). Never throws for an AWS failure: each
 * part carries its own outcome.
 */
export async function collectRegion(clients: AwsClients, target: RegionTarget, shared?: AccountWideParts) {
  const ctx: CollectContext = { accountId: target.accountId, region: target.region, signal: target.signal };
  const referencing = Promise.all([
    collectBedrock(clients, ctx),
    collectBedrockAgent(clients, ctx),
    collectLogs(clients, ctx),
    collectCloudTrail(clients, ctx),
  ]);
  const storage = referencing.then(async ([bedrock, agents, logs, cloudtrail]) => {
    const sources = { bedrock: { ...bedrock, ...agents }, logs, cloudtrail };
    const s3 = collectS3(clients, ctx, referencedBuckets(sources));
    // Keys the sources name are read while S3 runs; bucket default keys follow once it is done.
    const kms = collectKms(
      clients,
      ctx,
      referencedKeys(sources),
      s3.then((s) => bucketKeys(s.buckets)),
    );
    return { sources, s3: await s3, kms: await kms };
  });
  const [{ sources, s3, kms }, iam, ec2, cloudwatch, organizations] = await Promise.all([
    storage,
    shared?.iam ?? collectIam(clients, ctx),
    collectEc2(clients, ctx),
    collectCloudWatch(clients, ctx),
    shared?.organizations ?? collectOrganizations(clients, ctx),
  ]);
  return {
    accountId: target.accountId,
    accountName: target.accountName,
    region: target.region,
    partition: target.partition ?? "aws",
    collectedAt: new Date().toISOString(),
    bedrock: sources.bedrock,
    iam,
    ec2,
    kms,
    s3,
    cloudtrail: sources.cloudtrail,
    logs: sources.logs,
    cloudwatch,
    organizations,
  };
}
