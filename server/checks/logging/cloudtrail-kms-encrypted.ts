import "server-only";
import { defineCheck } from "../define-check";
import { evaluateCoveringTrails, trailLabel } from "../lib/trail-coverage";

export default defineCheck({
  id: "cloudtrail-kms-encrypted",
  title: "CloudTrail logs are encrypted with a KMS key",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "CloudTrail log files describe every Bedrock configuration change and, with data events, every agent and knowledge " +
    "base call, including the calling identities. By default they are only SSE-S3 encrypted; SSE-KMS with a customer " +
    "managed key means reading them also requires kms:Decrypt, which you can restrict and audit separately.",
  remediation: {
    console: [
      "Create (or choose) a customer managed KMS key whose key policy allows cloudtrail.amazonaws.com to use it.",
      "Open the CloudTrail console, choose Trails, select the trail and choose Edit.",
      "Enable Log file SSE-KMS encryption, select the key and save.",
    ],
    cli: "aws cloudtrail update-trail --name TRAIL_NAME --kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    terraform: `resource "aws_cloudtrail" "org" {
  name                  = "organization-trail"
  s3_bucket_name        = aws_s3_bucket.cloudtrail.id
  is_multi_region_trail = true
  kms_key_id            = aws_kms_key.cloudtrail.arn
}`,
  },
  references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html"],
  evaluate: (inventory) =>
    evaluateCoveringTrails(inventory, (trail) =>
      trail.kmsKeyId
        ? { status: "PASS", message: `CloudTrail ${trailLabel(trail)} encrypts its log files with KMS key ${trail.kmsKeyId}` }
        : {
            status: "FAIL",
            message: `CloudTrail ${trailLabel(trail)} does not encrypt its log files with a KMS key (SSE-S3 only)`,
          },
    ),
});
