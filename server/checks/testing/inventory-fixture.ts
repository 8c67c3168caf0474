import type { Inventory } from "@/server/inventory";
import { ok, unavailable } from "@/server/inventory/part";
import type { CheckContext } from "../define-check";
import { DEFAULT_CHECK_SETTINGS } from "../define-check";

export const ACCOUNT = "111122223333";
export const REGION = "us-east-1";

/** An inventory with every part collected and empty: tests add exactly what their check reads. */
export function emptyInventory(): Inventory {
  return {
    accountId: ACCOUNT,
    accountName: "test",
    region: REGION,
    partition: "aws",
    collectedAt: "2026-11-01T00:00:00.000Z",
    bedrock: {
      loggingConfig: ok(null),
      guardrails: ok([]),
      enforcedGuardrails: ok([]),
      agents: ok([]),
      knowledgeBases: ok([]),
      customModels: ok([]),
      importedModels: ok([]),
      prompts: ok([]),
      flows: ok([]),
      inferenceProfiles: ok([]),
      customizationJobs: ok([]),
      batchJobs: ok([]),
    },
    iam: ok({ roles: [], users: [], groups: [], policies: [] }),
    ec2: { vpcs: ok([]), vpcEndpoints: ok([]), securityGroups: ok([]) },
    kms: { keys: ok([]) },
    s3: { buckets: ok([]) },
    cloudtrail: { trails: ok([]), eventDataStores: ok([]) },
    logs: { logGroups: ok([]) },
    cloudwatch: { alarms: ok([]) },
    organizations: ok(null),
  };
}

/** Apply `edit` to a fresh empty inventory (mutating it is fine: it is a new object). */
export function inventoryWith(edit: (inv: Inventory) => void): Inventory {
  const inv = emptyInventory();
  edit(inv);
  return inv;
}

export const denied = (action: string) => unavailable(`AccessDenied calling ${action}`, action);

export const context: CheckContext = { settings: DEFAULT_CHECK_SETTINGS };
