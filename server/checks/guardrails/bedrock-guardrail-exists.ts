import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText } from "../lib/bedrock-findings";
import { GUARDRAIL_DOC, guardrailTerraform } from "../lib/guardrail-remediation";
import { versionThatMatters } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-exists",
  title: "The region has at least one guardrail",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Amazon Bedrock Guardrails is the control that filters harmful content, prompt attacks, denied topics and sensitive " +
    "information in model inputs and outputs, independently of the model. Guardrails are regional resources: a region " +
    "with none cannot apply any of these protections to the inference, agents or knowledge bases running there.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console in the affected region and choose Guardrails > Create guardrail.",
      "Configure content filters (including prompt attacks), denied topics, sensitive information filters and contextual grounding.",
      "Create a version, then reference it from applications, agents and the account-level enforcement configuration.",
    ],
    cli: `aws bedrock create-guardrail --name app-guardrail \\
  --blocked-input-messaging "Sorry, I can't help with that." \\
  --blocked-outputs-messaging "Sorry, I can't help with that." \\
  --content-policy-config '{"filtersConfig":[{"type":"HATE","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"INSULTS","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"SEXUAL","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"VIOLENCE","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"MISCONDUCT","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}]}'
aws bedrock create-guardrail-version --guardrail-identifier GUARDRAIL_ID`,
    terraform: guardrailTerraform(`content_policy_config {
  dynamic "filters_config" {
    for_each = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"]
    content {
      type            = filters_config.value
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }
  filters_config {
    type            = "PROMPT_ATTACK"
    input_strength  = "HIGH"
    output_strength = "NONE"
  }
}`),
  },
  references: [GUARDRAIL_DOC, "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateGuardrail.html"],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { guardrails: inventory.bedrock.guardrails }, ({ guardrails }) => {
      const labels = guardrails.map((g) => versionThatMatters(g).label);
      const evidence = { guardrails: guardrails.map((g) => ({ name: g.name, arn: g.arn })) };
      if (guardrails.length === 0) return [finding(arn, "FAIL", `No guardrail exists in ${inventory.region}`, evidence)];
      const noun = guardrails.length === 1 ? "guardrail" : "guardrails";
      return [finding(arn, "PASS", `${inventory.region} has ${guardrails.length} ${noun}: ${listText(labels)}`, evidence)];
    });
  },
});
