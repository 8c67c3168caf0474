import "server-only";
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { Part } from "@/server/inventory/part";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, mapLimit, type CollectContext } from "./collect-kit";

/** S3 answers "not configured" with an error; those codes mean the setting is absent, not unknown. */
async function orAbsent<T>(action: string, promise: Promise<T>, absentCodes: string[]): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof Error && absentCodes.includes(error.name)) return null;
    return call(action, Promise.reject(error));
  }
}

/** GetBucketLocation's legacy values: empty means us-east-1, "EU" means eu-west-1. */
function regionOf(constraint: string | undefined): string {
  if (constraint === undefined || constraint === "") return "us-east-1";
  return constraint === "EU" ? "eu-west-1" : constraint;
}

async function bucket(client: S3Client, name: string) {
  const Bucket = name;
  const [location, encryption, block, versioning, lock, logging] = await Promise.all([
    call("s3:GetBucketLocation", client.send(new GetBucketLocationCommand({ Bucket }))),
    orAbsent("s3:GetEncryptionConfiguration", client.send(new GetBucketEncryptionCommand({ Bucket })), [
      "ServerSideEncryptionConfigurationNotFoundError",
    ]),
    orAbsent("s3:GetBucketPublicAccessBlock", client.send(new GetPublicAccessBlockCommand({ Bucket })), [
      "NoSuchPublicAccessBlockConfiguration",
    ]),
    call("s3:GetBucketVersioning", client.send(new GetBucketVersioningCommand({ Bucket }))),
    orAbsent("s3:GetBucketObjectLockConfiguration", client.send(new GetObjectLockConfigurationCommand({ Bucket })), [
      "ObjectLockConfigurationNotFoundError",
    ]),
    call("s3:GetBucketLogging", client.send(new GetBucketLoggingCommand({ Bucket }))),
  ]);
  const rule = encryption?.ServerSideEncryptionConfiguration?.Rules?.[0];
  const sse = rule?.ApplyServerSideEncryptionByDefault;
  const pab = block?.PublicAccessBlockConfiguration;
  return {
    name,
    arn: `arn:aws:s3:::${name}`,
    region: regionOf(location.LocationConstraint),
    encryption:
      sse === undefined
        ? null
        : { algorithm: sse.SSEAlgorithm, kmsMasterKeyId: sse.KMSMasterKeyID, bucketKeyEnabled: rule?.BucketKeyEnabled },
    publicAccessBlock:
      pab === undefined
        ? null
        : {
            // An omitted flag in a present configuration is false, which is what S3 enforces.
            blockPublicAcls: pab.BlockPublicAcls ?? false,
            ignorePublicAcls: pab.IgnorePublicAcls ?? false,
            blockPublicPolicy: pab.BlockPublicPolicy ?? false,
            restrictPublicBuckets: pab.RestrictPublicBuckets ?? false,
          },
    versioning: versioning.Status ?? "Disabled",
    objectLockEnabled: lock?.ObjectLockConfiguration?.ObjectLockEnabled === "Enabled",
    accessLoggingEnabled: logging.LoggingEnabled !== undefined,
  };
}

/** Only the buckets Bedrock resources reference (log destinations, data sources, batch outputs). */
export async function collectS3(
  clients: { s3: S3Client },
  _ctx: CollectContext,
  bucketNames: string[],
): Promise<{ buckets: Part<unknown> }> {
  const names = [...new Set(bucketNames)];
  const buckets = await collectPart("s3:GetBucketLocation", () =>
    mapLimit(names, PER_SERVICE_CONCURRENCY, (n) => bucket(clients.s3, n)),
  );
  return { buckets };
}
