import "server-only";
import { z } from "zod";
import { partSchema } from "./part";

export const kmsKeySchema = z.object({
  keyId: z.string(),
  arn: z.string(),
  keyManager: z.enum(["CUSTOMER", "AWS"]),
  keyState: z.string(),
  keySpec: z.string().default("SYMMETRIC_DEFAULT"),
  /** Raw key policy document (GetKeyPolicy "default"). */
  policy: z.unknown(),
  rotationEnabled: z.boolean(),
});
export type KmsKey = z.infer<typeof kmsKeySchema>;

export const bucketSchema = z.object({
  name: z.string(),
  arn: z.string(),
  region: z.string(),
  encryption: z
    .object({
      algorithm: z.enum(["AES256", "aws:kms", "aws:kms:dsse"]),
      kmsMasterKeyId: z.string().optional(),
      bucketKeyEnabled: z.boolean().optional(),
    })
    .nullable(),
  publicAccessBlock: z
    .object({
      blockPublicAcls: z.boolean(),
      ignorePublicAcls: z.boolean(),
      blockPublicPolicy: z.boolean(),
      restrictPublicBuckets: z.boolean(),
    })
    .nullable(),
  versioning: z.enum(["Enabled", "Suspended", "Disabled"]),
  objectLockEnabled: z.boolean(),
  accessLoggingEnabled: z.boolean(),
});
export type Bucket = z.infer<typeof bucketSchema>;

export const kmsInventorySchema = z.object({ keys: partSchema(z.array(kmsKeySchema)) });
export const s3InventorySchema = z.object({ buckets: partSchema(z.array(bucketSchema)) });
