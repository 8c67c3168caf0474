import "server-only";
import type { LoggingConfig } from "@/server/inventory/bedrock";
import type { DemoContext } from "../accounts";
import { roleArn } from "../arns";
import { PROD, SANDBOX, STAGING } from "../names";

/** GetModelInvocationLoggingConfiguration per account × region (`null` = never configured). */
export function loggingConfigFor(ctx: DemoContext): LoggingConfig {
  const { id, key } = ctx.account;
  if (key === "prod") {
    const use1 = ctx.region === "us-east-1";
    const bucketName = use1 ? PROD.buckets.logsUse1 : PROD.buckets.logsEuw1;
    return {
      cloudWatchConfig: {
        logGroupName: use1 ? PROD.logGroups.invocationsUse1 : PROD.logGroups.invocationsEuw1,
        roleArn: roleArn(id, PROD.roles.invocationLogging),
        largeDataDeliveryS3Config: { bucketName, keyPrefix: "large-payloads" },
      },
      s3Config: { bucketName, keyPrefix: "invocations" },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: true,
      embeddingDataDeliveryEnabled: false,
      videoDataDeliveryEnabled: false,
    };
  }
  if (key === "staging") {
    // Ireland was never switched on; us-east-1 only writes to S3 (nobody set up the log group).
    if (ctx.region !== "us-east-1") return null;
    return {
      s3Config: { bucketName: STAGING.buckets.logs, keyPrefix: "bedrock" },
      textDataDeliveryEnabled: true,
      imageDataDeliveryEnabled: false,
      embeddingDataDeliveryEnabled: false,
    };
  }
  if (ctx.region !== "us-east-1") return null;
  // Text delivery off "to save money": only image generations of the playground get logged.
  return {
    cloudWatchConfig: { logGroupName: SANDBOX.logGroups.invocations, roleArn: roleArn(id, SANDBOX.roles.invocationLogging) },
    textDataDeliveryEnabled: false,
    imageDataDeliveryEnabled: true,
    embeddingDataDeliveryEnabled: false,
  };
}
