import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { actionable, alarmExcerpt, watchesNamespace } from "../lib/bedrock-alarms";
import { finding, listText } from "../lib/bedrock-findings";

const NAMESPACE = "AWS/Bedrock";

export default defineCheck({
  id: "bedrock-runtime-alarms",
  title: "An actionable CloudWatch alarm watches Bedrock usage",
  severity: "medium",
  category: "Monitoring",
  scope: "region",
  rationale:
    "Stolen credentials are used to run models at the victim's expense (LLM-jacking), and runaway applications burn " +
    "tokens and hit throttles. Bedrock publishes Invocations, InvocationThrottles, InvocationClientErrors and token " +
    "counts in the AWS/Bedrock namespace; an alarm on them with an action (for example an SNS topic) turns a spike " +
    "into a notification instead of a surprise on the bill. An alarm without actions notifies no one.",
  remediation: {
    console: [
      "Open CloudWatch > Alarms > Create alarm and select a metric in the AWS/Bedrock namespace (for example Invocations or InputTokenCount, by ModelId).",
      "Set a threshold above normal usage for the period.",
      "Under Notification, choose an SNS topic the security or platform team receives, and create the alarm.",
    ],
    cli: `aws cloudwatch put-metric-alarm --alarm-name bedrock-invocations-spike \\
  --namespace AWS/Bedrock --metric-name Invocations --statistic Sum --period 300 \\
  --evaluation-periods 1 --threshold 1000 --comparison-operator GreaterThanThreshold \\
  --treat-missing-data notBreaching \\
  --alarm-actions arn:aws:sns:us-east-1:111122223333:security-alerts`,
    terraform: `resource "aws_cloudwatch_metric_alarm" "bedrock_invocations" {
  alarm_name          = "bedrock-invocations-spike"
  namespace           = "AWS/Bedrock"
  metric_name         = "Invocations"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { alarms: inventory.cloudwatch.alarms }, ({ alarms }) => {
      const bedrock = alarms.filter((a) => watchesNamespace(a, NAMESPACE));
      const good = bedrock.filter(actionable);
      const evidence = { alarms: bedrock.map(alarmExcerpt) };
      if (good.length > 0) {
        return [
          finding(
            arn,
            "PASS",
            `${listText(good.map((a) => a.alarmName))} watch ${NAMESPACE} in ${inventory.region} and notify on alarm`,
            evidence,
          ),
        ];
      }
      if (bedrock.length > 0) {
        const names = listText(bedrock.map((a) => a.alarmName));
        return [
          finding(
            arn,
            "FAIL",
            `Alarm(s) ${names} watch ${NAMESPACE} in ${inventory.region} but none has actions enabled with an alarm action, so no one is notified`,
            evidence,
          ),
        ];
      }
      return [finding(arn, "FAIL", `No CloudWatch alarm watches the ${NAMESPACE} namespace in ${inventory.region}`, evidence)];
    });
  },
});
