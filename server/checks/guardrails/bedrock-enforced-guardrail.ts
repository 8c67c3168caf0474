import "server-only";
import type { EnforcedGuardrail } from "@/server/inventory/bedrock";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText } from "../lib/bedrock-findings";

function configText(config: EnforcedGuardrail): string {
  const id = config.guardrailArn ?? config.guardrailId ?? config.configId ?? "unknown guardrail";
  return `${id} version ${config.guardrailVersion ?? "?"}`;
}

export default defineCheck({
  id: "bedrock-enforced-guardrail",
  title: "An account-level guardrail is enforced in the region",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "A guardrail only protects calls that reference it, so any application, script or stolen credential can call a " +
    "model without one. An account-level enforced guardrail applies to every Bedrock inference call in the region, as a " +
    "baseline that callers cannot opt out of. If it honours input tags, a caller decides which part of the input is " +
    "evaluated and can keep a prompt attack outside the tagged span, so this check requires input tags to be ignored.",
  remediation: {
    console: [
      "Create a guardrail with the organisation's baseline policies and create a numbered version of it.",
      "Open Amazon Bedrock > Guardrails > Account-level enforcement in the affected region.",
      "Select the guardrail version to enforce for all models, with input tags ignored (evaluate all content), and save.",
    ],
    cli: `aws bedrock put-enforced-guardrail-configuration --region us-east-1 --guardrail-inference-config '{
  "guardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID",
  "guardrailVersion": "1",
  "inputTags": "IGNORE"
}'`,
    terraform: `resource "aws_bedrock_enforced_guardrail_configuration" "this" {
  guardrail_arn     = aws_bedrock_guardrail.baseline.guardrail_arn
  guardrail_version = aws_bedrock_guardrail_version.baseline.version
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutEnforcedGuardrailConfiguration.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListEnforcedGuardrailsConfiguration.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_AccountEnforcedGuardrailInferenceInputConfiguration.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { enforced: inventory.bedrock.enforcedGuardrails }, ({ enforced }) => {
      const evidence = { enforcedGuardrails: enforced };
      if (enforced.length === 0) {
        return [finding(arn, "FAIL", `No account-level enforced guardrail is configured in ${inventory.region}`, evidence)];
      }
      const honoring = enforced.filter((c) => c.inputTags === "HONOR");
      if (honoring.length > 0) {
        return [
          finding(
            arn,
            "FAIL",
            `Enforced guardrail ${listText(honoring.map(configText))} in ${inventory.region} honours input tags, so callers can keep input outside the tags and bypass its input evaluation`,
            evidence,
          ),
        ];
      }
      return [
        finding(
          arn,
          "PASS",
          `${inventory.region} enforces guardrail ${listText(enforced.map(configText))} on every inference call`,
          evidence,
        ),
      ];
    });
  },
});
