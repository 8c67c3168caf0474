import "server-only";
import { defineCheck } from "../define-check";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-versioned",
  title: "Guardrail has a numbered (immutable) version",
  severity: "medium",
  category: "Guardrails",
  scope: "region",
  rationale:
    "The DRAFT of a guardrail changes with every edit, so an application that uses it silently picks up any weakening, " +
    "and there is no fixed configuration to review or roll back to. Numbered versions are immutable snapshots; the " +
    "account-level enforcement configuration only accepts numbered versions.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails and select the guardrail.",
      "Review the working draft, then choose Create version.",
      "Point applications and agents at the new version number instead of DRAFT.",
    ],
    cli: 'aws bedrock create-guardrail-version --guardrail-identifier GUARDRAIL_ID --description "Reviewed configuration"',
    terraform: `resource "aws_bedrock_guardrail_version" "this" {
  guardrail_arn = aws_bedrock_guardrail.this.guardrail_arn
  description   = "Reviewed configuration"
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-versions-create.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateGuardrailVersion.html",
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ guardrail, versionLabel }) => {
      const numbered = guardrail.versions.filter((v) => /^\d+$/.test(v.version)).map((v) => v.version);
      const evidence = { numberedVersions: numbered };
      if (numbered.length === 0) {
        return {
          status: "FAIL",
          message: `Guardrail ${guardrail.name} has no numbered version, only the mutable DRAFT`,
          evidence,
        };
      }
      return {
        status: "PASS",
        message: `Guardrail ${guardrail.name} has ${numbered.length} numbered version(s), latest ${versionLabel}`,
        evidence,
      };
    }),
});
