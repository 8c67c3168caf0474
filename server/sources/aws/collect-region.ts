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

export type RegionTarget = CollectContext & { accountName: string; partition?: "aws" | "aws-cn" | "aws-us-gov" };

/**
 * One account × region raw inventory, in the shape `parseInventory` validates. Independent services
 * run concurrently; S3 and KMS run after, because which buckets and keys to read depends on what
 * the others found. Never throws for an AWS failure: each part carries its own outcome.
 */
export async function collectRegion(clients: AwsClients, target: RegionTarget) {
  const ctx: CollectContext = { accountId: target.accountId, region: target.region, signal: target.signal };
  const [bedrock, agents, iam, ec2, logs, cloudwatch, cloudtrail, organizations] = await Promise.all([
    collectBedrock(clients, ctx),
    collectBedrockAgent(clients, ctx),
    collectIam(clients, ctx),
    collectEc2(clients, ctx),
    collectLogs(clients, ctx),
    collectCloudWatch(clients, ctx),
    collectCloudTrail(clients, ctx),
    collectOrganizations(clients, ctx),
  ]);
  const sources = { bedrock: { ...bedrock, ...agents }, logs, cloudtrail };
  const s3 = await collectS3(clients, ctx, referencedBuckets(sources));
  const kms = await collectKms(clients, ctx, [...referencedKeys(sources), ...bucketKeys(s3.buckets)]);
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
    cloudtrail,
    logs,
    cloudwatch,
    organizations,
  };
}
