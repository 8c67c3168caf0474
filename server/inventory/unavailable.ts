import "server-only";
import { partitionOf } from "@/lib/constants/aws-regions";
import type { Inventory } from "./index";
import { unavailable } from "./part";

/**
 * When a whole account × region could not be collected, every part is unavailable with that
 * reason: each check then reports ERROR for it instead of the region silently vanishing.
 */
export function unavailableInventory(
  target: { accountId: string; accountName: string },
  region: string,
  reason: string,
  collectedAt: string,
  /** The IAM action whose denial made the whole account × region unreadable (e.g. sts:AssumeRole). */
  action?: string,
): Inventory {
  const u = unavailable(reason, action);
  return {
    accountId: target.accountId,
    accountName: target.accountName,
    region,
    partition: partitionOf(region),
    collectedAt,
    bedrock: {
      loggingConfig: u,
      guardrails: u,
      enforcedGuardrails: u,
      agents: u,
      knowledgeBases: u,
      customModels: u,
      importedModels: u,
      prompts: u,
      flows: u,
      inferenceProfiles: u,
      customizationJobs: u,
      batchJobs: u,
    },
    iam: u,
    ec2: { vpcs: u, vpcEndpoints: u, securityGroups: u },
    kms: { keys: u },
    s3: { buckets: u },
    cloudtrail: { trails: u, eventDataStores: u },
    logs: { logGroups: u },
    cloudwatch: { alarms: u },
    organizations: u,
  };
}
