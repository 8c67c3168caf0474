import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding } from "../lib/bedrock-findings";
import { LOGGING_CLI, LOGGING_DOC, LOGGING_TERRAFORM } from "../lib/bedrock-remediation";

export default defineCheck({
  id: "bedrock-invocation-logging-both-destinations",
  title: "Invocation logs go to both CloudWatch Logs and S3",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "CloudWatch Logs gives fast search, metric filters and alarms on Bedrock invocations; S3 gives cheap long-term, " +
    "immutable-capable retention for audits. With only one destination you lose either near-real-time detection or " +
    "durable evidence, and large payloads over 100 KB are only kept whole in S3.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console in the affected region and choose Settings.",
      "Under Model invocation logging, choose Both S3 and CloudWatch Logs as the logging destinations.",
      "Pick the S3 bucket, the log group and the service role, then save settings.",
    ],
    cli: LOGGING_CLI,
    terraform: LOGGING_TERRAFORM,
  },
  references: [LOGGING_DOC],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { loggingConfig: inventory.bedrock.loggingConfig }, ({ loggingConfig }) => {
      const region = inventory.region;
      if (!loggingConfig) {
        return [
          finding(arn, "FAIL", `Model invocation logging is not configured in ${region}, so it has neither destination`, {
            loggingConfig: null,
          }),
        ];
      }
      const cw = loggingConfig.cloudWatchConfig?.logGroupName;
      const s3 = loggingConfig.s3Config?.bucketName;
      const evidence = { cloudWatchLogGroup: cw ?? null, s3Bucket: s3 ?? null };
      if (cw && s3) {
        return [
          finding(arn, "PASS", `Invocation logs in ${region} go to CloudWatch Logs group ${cw} and S3 bucket ${s3}`, evidence),
        ];
      }
      const missing = [cw ? undefined : "CloudWatch Logs", s3 ? undefined : "S3"].filter((m) => m !== undefined);
      const present = cw ? `only to CloudWatch Logs group ${cw}` : s3 ? `only to S3 bucket ${s3}` : "to no destination";
      return [finding(arn, "FAIL", `Invocation logs in ${region} go ${present}; missing ${missing.join(" and ")}`, evidence)];
    });
  },
});
