import "server-only";
import type { Alarm } from "@/server/inventory/audit";
import { defineCheck, regionArn, withParts } from "../define-check";
import { actionable, alarmExcerpt } from "../lib/bedrock-alarms";
import { finding, listText } from "../lib/bedrock-findings";

const NAMESPACE = "AWS/Bedrock/Guardrails";
const METRIC = "InvocationsIntervened";

/** A metric alarm on InvocationsIntervened, or a metric-math alarm reading the guardrail namespace. */
const watchesInterventions = (a: Alarm) =>
  (a.namespace === NAMESPACE && a.metricName === METRIC) || a.metricNamespaces.includes(NAMESPACE);

export default defineCheck({
  id: "bedrock-guardrail-intervention-alarms",
  title: "An actionable alarm watches guardrail interventions",
  severity: "medium",
  category: "Monitoring",
  scope: "region",
  rationale:
    "A rise in guardrail interventions is often the first sign of a prompt-injection or jailbreak campaign, a user " +
    "probing for sensitive data, or a model starting to produce harmful output. Guardrails publish InvocationsIntervened " +
    "in the AWS/Bedrock/Guardrails namespace; without an alarm with an action on it, blocked attacks are never looked at.",
  remediation: {
    console: [
      "Open CloudWatch > Alarms > Create alarm and select AWS/Bedrock/Guardrails > InvocationsIntervened for the guardrail (by GuardrailArn and GuardrailVersion).",
      "Set a threshold above the normal intervention rate.",
      "Under Notification, choose an SNS topic the security team receives, and create the alarm.",
    ],
    cli: `aws cloudwatch put-metric-alarm --alarm-name bedrock-guardrail-interventions \\
  --namespace AWS/Bedrock/Guardrails --metric-name InvocationsIntervened --statistic Sum --period 300 \\
  --dimensions Name=GuardrailArn,Value=arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID Name=GuardrailVersion,Value=1 \\
  --evaluation-periods 1 --threshold 20 --comparison-operator GreaterThanThreshold \\
  --treat-missing-data notBreaching \\
  --alarm-actions arn:aws:sns:us-east-1:111122223333:security-alerts`,
    terraform: `resource "aws_cloudwatch_metric_alarm" "guardrail_interventions" {
  alarm_name          = "bedrock-guardrail-interventions"
  namespace           = "AWS/Bedrock/Guardrails"
  metric_name         = "InvocationsIntervened"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 20
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]
  dimensions = {
    GuardrailArn     = aws_bedrock_guardrail.this.guardrail_arn
    GuardrailVersion = aws_bedrock_guardrail_version.this.version
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-guardrails-cw-metrics.html",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(
      arn,
      { guardrails: inventory.bedrock.guardrails, alarms: inventory.cloudwatch.alarms },
      ({ guardrails, alarms }) => {
        if (guardrails.length === 0)
          return [finding(arn, "NOT_APPLICABLE", `No guardrails in ${inventory.region}`, { guardrails: 0 })];
        const watching = alarms.filter(watchesInterventions);
        const good = watching.filter(actionable);
        const evidence = { alarms: watching.map(alarmExcerpt) };
        if (good.length > 0) {
          return [
            finding(
              arn,
              "PASS",
              `${listText(good.map((a) => a.alarmName))} alert on guardrail interventions in ${inventory.region}`,
              evidence,
            ),
          ];
        }
        if (watching.length > 0) {
          return [
            finding(
              arn,
              "FAIL",
              `Alarm(s) ${listText(watching.map((a) => a.alarmName))} watch ${METRIC} in ${inventory.region} but none has actions enabled with an alarm action`,
              evidence,
            ),
          ];
        }
        return [finding(arn, "FAIL", `No CloudWatch alarm watches ${NAMESPACE} ${METRIC} in ${inventory.region}`, evidence)];
      },
    );
  },
});
