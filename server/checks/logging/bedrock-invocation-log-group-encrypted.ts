import "server-only";
import { defineCheck } from "../define-check";
import { evaluateLogGroup } from "../lib/bedrock-logging";

export default defineCheck({
  id: "bedrock-invocation-log-group-encrypted",
  title: "Invocation log group is encrypted with a KMS key",
  severity: "high",
  category: "Logging",
  scope: "region",
  rationale:
    "Invocation logs hold full prompts and responses, which routinely contain personal data, secrets and proprietary " +
    "content. Encrypting the log group with a customer managed KMS key puts reading them under a key policy you control " +
    "and audit, and lets you revoke access by disabling the key.",
  remediation: {
    console: [
      "Create (or choose) a customer managed symmetric KMS key whose key policy allows logs.<region>.amazonaws.com to use it.",
      "Open CloudWatch > Log groups and select the Bedrock invocation log group.",
      "Choose Actions > Edit log group and set the AWS KMS key ARN, then save.",
    ],
    cli: "aws logs associate-kms-key --log-group-name /aws/bedrock/model-invocations --kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    terraform: `resource "aws_cloudwatch_log_group" "bedrock_invocations" {
  name              = "/aws/bedrock/model-invocations"
  kms_key_id        = aws_kms_key.bedrock_logs.arn
  retention_in_days = 365
}`,
  },
  references: [
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html",
  ],
  evaluate: (inventory) =>
    evaluateLogGroup(inventory, (group, name) => {
      if (!group) {
        return {
          status: "FAIL",
          message: `Invocation log group ${name} does not exist in ${inventory.region}, so Bedrock cannot deliver logs to it`,
        };
      }
      if (!group.kmsKeyId) {
        return {
          status: "FAIL",
          message: `Invocation log group ${name} is not encrypted with a KMS key (only the CloudWatch Logs default encryption)`,
        };
      }
      return { status: "PASS", message: `Invocation log group ${name} is encrypted with KMS key ${group.kmsKeyId}` };
    }),
});
