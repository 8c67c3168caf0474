import "server-only";
import { defineCheck } from "../define-check";
import { GUARDRAIL_CONSOLE_FINISH, GUARDRAIL_UPDATE_API_DOC, guardrailUpdateCli } from "../lib/guardrail-remediation";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-automated-reasoning",
  title: "Guardrail applies an Automated Reasoning policy",
  severity: "low",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Automated Reasoning checks validate model answers against formal rules extracted from your policies (eligibility, " +
    "pricing, HR or compliance rules) and flag answers that contradict them. Where answers must follow written rules, " +
    "they catch factual errors that content filters and grounding checks cannot.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Automated Reasoning, create a policy from your source document, test it and create a version.",
      "Edit the guardrail's working draft and attach the policy version under Automated Reasoning check.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--automated-reasoning-policy-config '{"policies":["arn:aws:bedrock:us-east-1:111122223333:automated-reasoning-policy/POLICY_ID:1"],"confidenceThreshold":0.8}'`,
    ),
    terraform: `# The hashicorp/aws guardrail resource may not expose this block in your provider version;
# the AWS Cloud Control provider maps the CloudFormation property directly.
resource "awscc_bedrock_guardrail" "this" {
  name                      = "app-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that."
  blocked_outputs_messaging = "Sorry, I can't help with that."

  automated_reasoning_policy_config = {
    policies             = ["arn:aws:bedrock:us-east-1:111122223333:automated-reasoning-policy/POLICY_ID:1"]
    confidence_threshold = 0.8
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-automated-reasoning-checks.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-bedrock-guardrail-automatedreasoningpolicyconfig.html",
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const policies = version.automatedReasoningPolicy?.policies ?? [];
      const evidence = { automatedReasoningPolicy: version.automatedReasoningPolicy ?? null };
      if (policies.length === 0)
        return { status: "FAIL", message: `Guardrail ${label} has no Automated Reasoning policy`, evidence };
      return {
        status: "PASS",
        message: `Guardrail ${label} applies ${policies.length} Automated Reasoning policy version(s)`,
        evidence,
      };
    }),
});
