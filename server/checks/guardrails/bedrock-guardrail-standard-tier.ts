import "server-only";
import { defineCheck } from "../define-check";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_UPDATE_API_DOC,
  guardrailTerraform,
  guardrailUpdateCli,
} from "../lib/guardrail-remediation";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-standard-tier",
  title: "Guardrail content filters and denied topics use the Standard tier",
  severity: "low",
  category: "Guardrails",
  scope: "region",
  rationale:
    "The Standard safeguard tier detects harmful content, prompt attacks (including prompt leakage) and denied topics " +
    "more reliably than the Classic tier, in many more languages and inside code. Classic supports only English, French " +
    "and Spanish, so users can slip past it by writing in another language. Standard requires a guardrail profile (cross-Region inference).",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Enable cross-Region inference and choose a guardrail profile for your geography.",
      "Set the tier of content filters and denied topics to Standard.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--cross-region-config guardrailProfileIdentifier=us.guardrail.v1:0 \\
  --content-policy-config '{"filtersConfig":[{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}],"tierConfig":{"tierName":"STANDARD"}}' \\
  --topic-policy-config '{"topicsConfig":[{"name":"InvestmentAdvice","definition":"Recommendations about investing money.","type":"DENY"}],"tierConfig":{"tierName":"STANDARD"}}'`,
    ),
    terraform: guardrailTerraform(`cross_region_config {
  guardrail_profile_identifier = "us.guardrail.v1:0"
}

content_policy_config {
  tier_config {
    tier_name = "STANDARD"
  }
  filters_config {
    type            = "PROMPT_ATTACK"
    input_strength  = "HIGH"
    output_strength = "NONE"
  }
}`),
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-tiers.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region.html",
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      // An absent tier is CLASSIC, the API default.
      const policies = [
        version.contentPolicy
          ? { policy: "content filters", tier: version.contentPolicy.tier?.tierName ?? "CLASSIC" }
          : undefined,
        version.topicPolicy ? { policy: "denied topics", tier: version.topicPolicy.tier?.tierName ?? "CLASSIC" } : undefined,
      ].filter((p) => p !== undefined);
      const evidence = { tiers: policies };
      if (policies.length === 0) {
        return {
          status: "NOT_APPLICABLE",
          message: `Guardrail ${label} has neither content filters nor denied topics, so no tier applies`,
          evidence,
        };
      }
      const classic = policies.filter((p) => p.tier === "CLASSIC").map((p) => p.policy);
      if (classic.length > 0)
        return { status: "FAIL", message: `Guardrail ${label} uses the CLASSIC tier for ${classic.join(" and ")}`, evidence };
      return {
        status: "PASS",
        message: `Guardrail ${label} uses the STANDARD tier for ${policies.map((p) => p.policy).join(" and ")}`,
        evidence,
      };
    }),
});
