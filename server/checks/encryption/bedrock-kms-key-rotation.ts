import "server-only";
import type { Inventory } from "@/server/inventory";
import type { LoggingConfig } from "@/server/inventory/bedrock";
import type { LogGroup } from "@/server/inventory/audit";
import { ok, type Part } from "@/server/inventory/part";
import type { Bucket, KmsKey } from "@/server/inventory/storage";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";
import { logBuckets } from "../lib/bedrock-logging";
import { bedrockKeyUsers, groupByKey, usersText, type KeyGroup, type KeyUser } from "../lib/kms-keys";
import { KMS_KEY_TERRAFORM } from "../lib/kms-remediation";

type LogDestinations = { logGroups: LogGroup[]; buckets: Bucket[] };

/** Keys protecting invocation logs: the CloudWatch log group's key and the log buckets' default keys. */
function logKeyUsers(inventory: Inventory, config: NonNullable<LoggingConfig>, dest: LogDestinations): KeyUser[] {
  const users: KeyUser[] = [];
  const groupName = config.cloudWatchConfig?.logGroupName;
  const group = dest.logGroups.find((g) => g.logGroupName === groupName);
  if (group?.kmsKeyId)
    users.push({ kind: "invocation log group", name: group.logGroupName, arn: group.arn, keyRef: group.kmsKeyId });
  for (const ref of logBuckets(config)) {
    const bucket = dest.buckets.find((b) => b.name === ref.bucketName);
    const keyRef = bucket?.encryption?.kmsMasterKeyId;
    if (bucket && keyRef) users.push({ kind: "invocation log bucket", name: bucket.name, arn: bucket.arn, keyRef });
  }
  return users;
}

/** Only the log destinations that exist are read, so an unused service never causes an ERROR. */
function destinationParts(inventory: Inventory, config: LoggingConfig) {
  const none: Part<never[]> = ok([]);
  return {
    logGroups: config?.cloudWatchConfig ? inventory.logs.logGroups : none,
    buckets: config && logBuckets(config).length > 0 ? inventory.s3.buckets : none,
  };
}

function evaluateKey(group: KeyGroup): FindingDraft {
  const usedBy = usersText(group.users);
  const key: KmsKey | undefined = group.key;
  if (!key) {
    return finding(
      group.ref,
      "ERROR",
      `KMS key ${group.ref} (used by ${usedBy}) is not in the inventory: it may be in another account or region, or named by an alias`,
      {
        keyRef: group.ref,
        usedBy,
      },
    );
  }
  const evidence = {
    keyId: key.keyId,
    keyManager: key.keyManager,
    keySpec: key.keySpec,
    rotationEnabled: key.rotationEnabled,
    usedBy,
  };
  if (key.keyManager !== "CUSTOMER") {
    return finding(
      key.arn,
      "NOT_APPLICABLE",
      `KMS key ${key.keyId} (used by ${usedBy}) is AWS managed; AWS rotates it every year`,
      evidence,
    );
  }
  if (key.rotationEnabled)
    return finding(key.arn, "PASS", `KMS key ${key.keyId} (used by ${usedBy}) has automatic rotation enabled`, evidence);
  const spec = key.keySpec === "SYMMETRIC_DEFAULT" ? "" : ` (key spec ${key.keySpec} does not support automatic rotation)`;
  return finding(key.arn, "FAIL", `KMS key ${key.keyId} (used by ${usedBy}) does not rotate automatically${spec}`, evidence);
}

export default defineCheck({
  id: "bedrock-kms-key-rotation",
  title: "KMS keys protecting Bedrock data rotate automatically",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "Customer managed keys protecting Bedrock models, agents, knowledge bases, guardrails, batch output and invocation " +
    "logs guard long-lived, sensitive data. Automatic rotation creates new key material on a schedule, limiting how much " +
    "data any one key version protects, and is expected by most compliance frameworks; AWS keeps old material so " +
    "existing data stays readable.",
  remediation: {
    console: [
      "Open AWS KMS > Customer managed keys and select the key.",
      "On the Key rotation tab, select Automatically rotate this KMS key and choose a rotation period (for example 365 days), then save.",
    ],
    cli: "aws kms enable-key-rotation --key-id KEY_ID --rotation-period-in-days 365",
    terraform: KMS_KEY_TERRAFORM,
  },
  references: [
    "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
    "https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "kms");
    const b = inventory.bedrock;
    const parts = {
      keys: inventory.kms.keys,
      loggingConfig: b.loggingConfig,
      customModels: b.customModels,
      importedModels: b.importedModels,
      agents: b.agents,
      knowledgeBases: b.knowledgeBases,
      guardrails: b.guardrails,
      prompts: b.prompts,
      flows: b.flows,
      batchJobs: b.batchJobs,
      customizationJobs: b.customizationJobs,
    };
    return withParts(arn, parts, ({ keys, loggingConfig, batchJobs, customizationJobs, ...data }) =>
      withParts(arn, destinationParts(inventory, loggingConfig), (dest) => {
        const users: KeyUser[] = [
          ...bedrockKeyUsers(data),
          ...batchJobs.flatMap((j) =>
            j.outputS3EncryptionKeyId
              ? [{ kind: "batch job", name: j.jobName, arn: j.jobArn, keyRef: j.outputS3EncryptionKeyId }]
              : [],
          ),
          ...customizationJobs.flatMap((j) =>
            j.outputModelKmsKeyArn
              ? [{ kind: "customization job", name: j.jobName, arn: j.jobArn, keyRef: j.outputModelKmsKeyArn }]
              : [],
          ),
          ...(loggingConfig ? logKeyUsers(inventory, loggingConfig, dest) : []),
        ];
        return perResource(
          groupByKey(keys, users),
          {
            resourceArn: arn,
            message: `No Bedrock resource or invocation-log destination in ${inventory.region} uses a KMS key of its own`,
          },
          evaluateKey,
        );
      }),
    );
  },
});
