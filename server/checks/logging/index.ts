import "server-only";
import type { Check } from "../define-check";
import bedrockInvocationLogBucketHardened from "./bedrock-invocation-log-bucket-hardened";
import bedrockInvocationLogBucketSseKms from "./bedrock-invocation-log-bucket-sse-kms";
import bedrockInvocationLogGroupEncrypted from "./bedrock-invocation-log-group-encrypted";
import bedrockInvocationLogGroupRetention from "./bedrock-invocation-log-group-retention";
import bedrockInvocationLoggingBothDestinations from "./bedrock-invocation-logging-both-destinations";
import bedrockInvocationLoggingEnabled from "./bedrock-invocation-logging-enabled";
import bedrockInvocationLoggingTextDelivery from "./bedrock-invocation-logging-text-delivery";
import cloudtrailBedrockDataEvents from "./cloudtrail-bedrock-data-events";
import cloudtrailKmsEncrypted from "./cloudtrail-kms-encrypted";
import cloudtrailLogFileValidation from "./cloudtrail-log-file-validation";
import cloudtrailMultiRegionLogging from "./cloudtrail-multi-region-logging";

export const loggingChecks: readonly Check[] = [
  bedrockInvocationLoggingEnabled,
  bedrockInvocationLoggingTextDelivery,
  bedrockInvocationLoggingBothDestinations,
  bedrockInvocationLogGroupEncrypted,
  bedrockInvocationLogGroupRetention,
  bedrockInvocationLogBucketSseKms,
  bedrockInvocationLogBucketHardened,
  cloudtrailMultiRegionLogging,
  cloudtrailBedrockDataEvents,
  cloudtrailLogFileValidation,
  cloudtrailKmsEncrypted,
];
