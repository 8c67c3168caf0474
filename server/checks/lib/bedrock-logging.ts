import "server-only";
import type { Inventory } from "@/server/inventory";
import type { LoggingConfig } from "@/server/inventory/bedrock";
import type { LogGroup } from "@/server/inventory/audit";
import type { Bucket } from "@/server/inventory/storage";
import type { Status } from "@/lib/schemas/finding";
import { regionArn, withParts, type FindingDraft } from "../define-check";
import { finding } from "./bedrock-findings";

type ActiveLoggingConfig = NonNullable<LoggingConfig>;

const DELIVERY_FLAGS = {
  textDataDeliveryEnabled: "text",
  imageDataDeliveryEnabled: "image",
  embeddingDataDeliveryEnabled: "embedding",
  videoDataDeliveryEnabled: "video",
  audioDataDeliveryEnabled: "audio",
} as const satisfies Partial<Record<keyof ActiveLoggingConfig, string>>;

export function deliveredDataTypes(config: ActiveLoggingConfig): string[] {
  return Object.entries(DELIVERY_FLAGS)
    .filter(([flag]) => config[flag as keyof typeof DELIVERY_FLAGS] === true)
    .map(([, label]) => label);
}

/** Where invocation logs go, in words: "CloudWatch Logs group x and S3 bucket y". */
export function destinationText(config: ActiveLoggingConfig): string {
  const parts: string[] = [];
  if (config.cloudWatchConfig) parts.push(`CloudWatch Logs group ${config.cloudWatchConfig.logGroupName}`);
  if (config.s3Config) parts.push(`S3 bucket ${config.s3Config.bucketName}`);
  return parts.length > 0 ? parts.join(" and ") : "no destination";
}

type LogBucketRef = { bucketName: string; roles: string[] };

/** Every bucket invocation logs land in: the S3 destination and the CloudWatch large-payload bucket. */
export function logBuckets(config: ActiveLoggingConfig): LogBucketRef[] {
  const byName = new Map<string, string[]>();
  const add = (name: string, role: string) => byName.set(name, [...(byName.get(name) ?? []), role]);
  if (config.s3Config) add(config.s3Config.bucketName, "S3 destination");
  const large = config.cloudWatchConfig?.largeDataDeliveryS3Config;
  if (large) add(large.bucketName, "large-payload bucket of the CloudWatch destination");
  return [...byName].map(([bucketName, roles]) => ({ bucketName, roles }));
}

type Verdict = { status: Status; message: string; evidence?: Record<string, unknown> };

/**
 * One finding per invocation-log bucket; NOT_APPLICABLE without an S3 destination. A bucket the
 * inventory does not hold is an ERROR: it may be in another account or unreadable, never a pass.
 */
export function evaluateLogBuckets(
  inventory: Inventory,
  evaluate: (bucket: Bucket, ref: LogBucketRef) => Verdict,
): FindingDraft[] {
  const arn = regionArn(inventory, "bedrock");
  return withParts(arn, { loggingConfig: inventory.bedrock.loggingConfig }, ({ loggingConfig }) => {
    const refs = loggingConfig ? logBuckets(loggingConfig) : [];
    if (refs.length === 0) {
      const why = loggingConfig ? "sends no invocation logs to S3" : "is not configured";
      return [finding(arn, "NOT_APPLICABLE", `Model invocation logging in ${inventory.region} ${why}`, { loggingConfig })];
    }
    return withParts(arn, { buckets: inventory.s3.buckets }, ({ buckets }) =>
      refs.map((ref) => {
        const bucket = buckets.find((b) => b.name === ref.bucketName);
        if (!bucket) {
          return finding(
            `arn:${inventory.partition}:s3:::${ref.bucketName}`,
            "ERROR",
            `Invocation-log bucket ${ref.bucketName} (${ref.roles.join(", ")}) is not in the inventory: it may belong to another account or could not be read`,
            { bucketName: ref.bucketName, roles: ref.roles },
          );
        }
        const verdict = evaluate(bucket, ref);
        return finding(bucket.arn, verdict.status, verdict.message, {
          bucket: bucket.name,
          roles: ref.roles,
          ...verdict.evidence,
        });
      }),
    );
  });
}

/**
 * The CloudWatch Logs destination, when there is one. `group` is undefined when the log group
 * does not exist in the region (Bedrock then has nowhere to write).
 */
export function evaluateLogGroup(
  inventory: Inventory,
  evaluate: (group: LogGroup | undefined, logGroupName: string) => Verdict,
): FindingDraft[] {
  const arn = regionArn(inventory, "bedrock");
  return withParts(arn, { loggingConfig: inventory.bedrock.loggingConfig }, ({ loggingConfig }) => {
    const cw = loggingConfig?.cloudWatchConfig;
    if (!cw) {
      const why = loggingConfig ? "has no CloudWatch Logs destination" : "is not configured";
      return [finding(arn, "NOT_APPLICABLE", `Model invocation logging in ${inventory.region} ${why}`, { loggingConfig })];
    }
    return withParts(arn, { logGroups: inventory.logs.logGroups }, ({ logGroups }) => {
      const group = logGroups.find((g) => g.logGroupName === cw.logGroupName);
      const groupArn =
        group?.arn ?? `arn:${inventory.partition}:logs:${inventory.region}:${inventory.accountId}:log-group:${cw.logGroupName}`;
      const verdict = evaluate(group, cw.logGroupName);
      return [
        finding(groupArn, verdict.status, verdict.message, {
          logGroupName: cw.logGroupName,
          logGroup: group ?? null,
          ...verdict.evidence,
        }),
      ];
    });
  });
}
