import "server-only";
import { defineCheck } from "../define-check";
import { evaluateCoveringTrails, trailLabel } from "../lib/trail-coverage";

export default defineCheck({
  id: "cloudtrail-log-file-validation",
  title: "CloudTrail log file validation is enabled",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "CloudTrail is the audit record of changes to Bedrock guardrails, agents and logging settings. Log file validation " +
    "writes signed hourly digest files, so you can prove that log files were not modified or deleted after delivery; " +
    "without it, an attacker who reaches the trail bucket can rewrite history undetectably.",
  remediation: {
    console: [
      "Open the CloudTrail console, choose Trails and select the trail.",
      "Under General details choose Edit, open Additional settings and enable Log file validation, then save.",
    ],
    cli: "aws cloudtrail update-trail --name TRAIL_NAME --enable-log-file-validation",
    terraform: `resource "aws_cloudtrail" "org" {
  name                       = "organization-trail"
  s3_bucket_name             = aws_s3_bucket.cloudtrail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}`,
  },
  references: ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html"],
  evaluate: (inventory) =>
    evaluateCoveringTrails(inventory, (trail) =>
      trail.logFileValidationEnabled
        ? { status: "PASS", message: `CloudTrail ${trailLabel(trail)} has log file validation enabled` }
        : {
            status: "FAIL",
            message: `CloudTrail ${trailLabel(trail)} has log file validation disabled, so tampering with its log files would go unnoticed`,
          },
    ),
});
