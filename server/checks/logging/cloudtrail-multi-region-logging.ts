import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText } from "../lib/bedrock-findings";
import { CLOUDTRAIL_TRAIL_TERRAFORM } from "../lib/bedrock-remediation";
import { trailExcerpt, trailLabel, trailsCoveringRegion } from "../lib/trail-coverage";

export default defineCheck({
  id: "cloudtrail-multi-region-logging",
  title: "A logging CloudTrail trail covers the region",
  severity: "high",
  category: "Logging",
  scope: "region",
  rationale:
    "CloudTrail records who created, changed or deleted Bedrock guardrails, agents, knowledge bases, logging settings and " +
    "model access, and who called the model APIs. Event history keeps only 90 days of management events; a trail that is " +
    "logging and covers the region (multi-region, or homed in it) keeps them durably for investigations and audits.",
  remediation: {
    console: [
      "Open the CloudTrail console and choose Trails > Create trail (or select an existing trail).",
      "Apply it to all regions (multi-region), choose an S3 bucket, enable log file validation and SSE-KMS encryption.",
      "Make sure the trail's status shows Logging on; if it is stopped, choose Start logging.",
    ],
    cli: `aws cloudtrail create-trail --name organization-trail --s3-bucket-name CLOUDTRAIL_BUCKET --is-multi-region-trail --enable-log-file-validation --kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
aws cloudtrail start-logging --name organization-trail`,
    terraform: CLOUDTRAIL_TRAIL_TERRAFORM,
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "cloudtrail");
    return withParts(arn, { trails: inventory.cloudtrail.trails }, ({ trails }) => {
      const covering = trailsCoveringRegion(trails, inventory.region);
      const logging = covering.filter((t) => t.isLogging);
      const evidence = { trails: covering.map(trailExcerpt) };
      if (logging.length > 0) {
        return [finding(arn, "PASS", `${inventory.region} is recorded by ${listText(logging.map(trailLabel))}`, evidence)];
      }
      if (covering.length > 0) {
        return [
          finding(
            arn,
            "FAIL",
            `No trail is logging in ${inventory.region}: ${listText(covering.map(trailLabel))} covers it but is stopped`,
            evidence,
          ),
        ];
      }
      return [
        finding(arn, "FAIL", `No CloudTrail trail covers ${inventory.region} (none is multi-region or homed here)`, evidence),
      ];
    });
  },
});
