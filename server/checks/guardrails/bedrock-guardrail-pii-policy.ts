import "server-only";
import { defineCheck } from "../define-check";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_UPDATE_API_DOC,
  PII_CLI,
  PII_DOC,
  PII_TERRAFORM,
} from "../lib/guardrail-remediation";
import { piiPolicy } from "../lib/guardrail-filters";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-pii-policy",
  title: "Guardrail has a sensitive-information (PII) policy",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Users paste personal data, card numbers and credentials into prompts, and models can repeat sensitive data from " +
    "their context or knowledge bases. A sensitive-information policy detects PII types and custom patterns so they " +
    "can be blocked or masked before they reach the model or the user.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Under Sensitive information filters, add the PII types relevant to the application (and regex patterns for internal identifiers) with Block or Mask.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: PII_CLI,
    terraform: PII_TERRAFORM,
  },
  references: [PII_DOC, GUARDRAIL_UPDATE_API_DOC],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const { entities, regexes } = piiPolicy(version);
      const evidence = { piiEntities: entities.map((e) => e.type), regexes: regexes.map((r) => r.name) };
      if (entities.length === 0 && regexes.length === 0) {
        return {
          status: "FAIL",
          message: `Guardrail ${label} has no sensitive-information policy (no PII entities or regexes)`,
          evidence,
        };
      }
      return {
        status: "PASS",
        message: `Guardrail ${label} detects ${entities.length} PII type(s) and ${regexes.length} regex pattern(s)`,
        evidence,
      };
    }),
});
