import "server-only";
import { defineCheck } from "../define-check";
import { evaluateLogGroup } from "../lib/bedrock-logging";

export default defineCheck({
  id: "bedrock-invocation-log-group-retention",
  title: "Invocation log group keeps logs long enough",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "Misuse of a model, prompt-injection campaigns and data leaks are often discovered months later. If the invocation " +
    "log group expires events sooner than the organisation's retention requirement (365 days by default here), the " +
    "evidence is gone when it is needed. A log group without a retention setting never expires events.",
  remediation: {
    console: [
      "Open CloudWatch > Log groups and select the Bedrock invocation log group.",
      "Choose Actions > Edit retention setting and pick at least the required number of days (or Never expire).",
    ],
    cli: "aws logs put-retention-policy --log-group-name /aws/bedrock/model-invocations --retention-in-days 365",
    terraform: `resource "aws_cloudwatch_log_group" "bedrock_invocations" {
  name              = "/aws/bedrock/model-invocations"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.bedrock_logs.arn
}`,
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
  ],
  evaluate: (inventory, context) => {
    const min = context.settings.minLogRetentionDays;
    return evaluateLogGroup(inventory, (group, name) => {
      const evidence = { minLogRetentionDays: min };
      if (!group) {
        return {
          status: "FAIL",
          message: `Invocation log group ${name} does not exist in ${inventory.region}, so no invocation logs are kept`,
          evidence,
        };
      }
      if (group.retentionInDays === undefined) {
        return {
          status: "PASS",
          message: `Invocation log group ${name} has no retention setting, so its events never expire`,
          evidence,
        };
      }
      if (group.retentionInDays < min) {
        return {
          status: "FAIL",
          message: `Invocation log group ${name} keeps events ${group.retentionInDays} days, less than the required ${min}`,
          evidence,
        };
      }
      return {
        status: "PASS",
        message: `Invocation log group ${name} keeps events ${group.retentionInDays} days (required: ${min})`,
        evidence,
      };
    });
  },
});
