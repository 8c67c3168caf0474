import "server-only";
import type { Bucket } from "@/server/inventory/storage";
import { defineCheck } from "../define-check";
import { listText } from "../lib/bedrock-findings";
import { evaluateLogBuckets } from "../lib/bedrock-logging";

function missingControls(bucket: Bucket): string[] {
  const missing: string[] = [];
  const pab = bucket.publicAccessBlock;
  const fullPab = pab && pab.blockPublicAcls && pab.ignorePublicAcls && pab.blockPublicPolicy && pab.restrictPublicBuckets;
  if (!fullPab) missing.push("a full public access block");
  if (bucket.versioning !== "Enabled") missing.push(`versioning (it is ${bucket.versioning})`);
  if (!bucket.objectLockEnabled && !bucket.accessLoggingEnabled) missing.push("Object Lock or server access logging");
  return missing;
}

export default defineCheck({
  id: "bedrock-invocation-log-bucket-hardened",
  title: "Invocation log bucket is private, versioned and tamper-evident",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "Invocation logs are evidence only if nobody outside can read them and nobody inside can quietly delete or rewrite " +
    "them. Blocking all public access keeps prompts and responses private; versioning keeps overwritten or deleted " +
    "objects; Object Lock or server access logging makes tampering impossible or at least visible.",
  remediation: {
    console: [
      "Open S3, select the invocation-log bucket and open the Permissions tab; turn on all four Block public access settings.",
      "On the Properties tab, enable Bucket Versioning.",
      "Enable Server access logging to a separate log bucket (Object Lock can only be turned on with versioning, and is irreversible).",
    ],
    cli: `aws s3api put-public-access-block --bucket BUCKET_NAME --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
aws s3api put-bucket-versioning --bucket BUCKET_NAME --versioning-configuration Status=Enabled
aws s3api put-bucket-logging --bucket BUCKET_NAME --bucket-logging-status '{"LoggingEnabled":{"TargetBucket":"ACCESS_LOG_BUCKET","TargetPrefix":"bedrock-invocation-logs/"}}'`,
    terraform: `resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.bedrock_invocation_logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.bedrock_invocation_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.bedrock_invocation_logs.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "bedrock-invocation-logs/"
}`,
  },
  references: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
  ],
  evaluate: (inventory) =>
    evaluateLogBuckets(inventory, (bucket) => {
      const missing = missingControls(bucket);
      const evidence = {
        publicAccessBlock: bucket.publicAccessBlock,
        versioning: bucket.versioning,
        objectLockEnabled: bucket.objectLockEnabled,
        accessLoggingEnabled: bucket.accessLoggingEnabled,
      };
      if (missing.length > 0) {
        return { status: "FAIL", message: `Invocation-log bucket ${bucket.name} lacks ${listText(missing)}`, evidence };
      }
      const trail = bucket.objectLockEnabled ? "Object Lock" : "server access logging";
      return {
        status: "PASS",
        message: `Invocation-log bucket ${bucket.name} blocks public access, is versioned and has ${trail}`,
        evidence,
      };
    }),
});
