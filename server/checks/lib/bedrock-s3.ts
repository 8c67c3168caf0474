import "server-only";
import type { Bucket } from "@/server/inventory/storage";

const KMS_ALGORITHMS = new Set(["aws:kms", "aws:kms:dsse"]);

/**
 * SSE-S3 is on for every bucket since January 2023, so "has default encryption" proves nothing;
 * only SSE-KMS (or DSSE-KMS) puts access to the objects under a key policy.
 */
export function sseKmsVerdict(bucket: Bucket): { pass: boolean; text: string } {
  const enc = bucket.encryption;
  if (!enc) return { pass: false, text: "has no default encryption" };
  if (!KMS_ALGORITHMS.has(enc.algorithm)) return { pass: false, text: `uses ${enc.algorithm} (SSE-S3), not SSE-KMS` };
  const key = enc.kmsMasterKeyId ?? "the AWS managed key aws/s3";
  return { pass: true, text: `uses ${enc.algorithm} with ${key}` };
}
