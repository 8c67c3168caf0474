import "server-only";
import { defineCheck } from "../define-check";
import { piiEntityEnforces, piiPolicy, piiRegexEnforces } from "../lib/guardrail-filters";
import { evaluateGuardrails } from "../lib/guardrail-version";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_UPDATE_API_DOC,
  PII_CLI,
  PII_DOC,
  PII_TERRAFORM,
} from "../lib/guardrail-remediation";

export default defineCheck({
  id: "bedrock-guardrail-pii-enforces",
  title: "Guardrail PII policy blocks or masks, not just detects",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "A sensitive-information policy whose every entity and regex uses the NONE action (or is disabled) only reports " +
    "detections in the trace: personal data still flows to the model and back to users. Such a policy looks like a " +
    "control in a console review while protecting nothing.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Under Sensitive information filters, set the action of each PII type and regex to Block or Mask for input and output.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: PII_CLI,
    terraform: PII_TERRAFORM,
  },
  references: [PII_DOC, GUARDRAIL_UPDATE_API_DOC],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const { entities, regexes } = piiPolicy(version);
      const enforcing = [
        ...entities.filter(piiEntityEnforces).map((e) => e.type),
        ...regexes.filter(piiRegexEnforces).map((r) => r.name),
      ];
      const total = entities.length + regexes.length;
      const evidence = { piiEntities: entities, regexes: regexes.map(({ pattern: _pattern, ...r }) => r), enforcing };
      if (total === 0) return { status: "NOT_APPLICABLE", message: `Guardrail ${label} has no PII policy`, evidence };
      if (enforcing.length === 0) {
        return {
          status: "FAIL",
          message: `Guardrail ${label} PII policy only detects: all ${total} entities/regexes have action NONE or are disabled`,
          evidence,
        };
      }
      return {
        status: "PASS",
        message: `Guardrail ${label} blocks or masks ${enforcing.length} of ${total} PII entities/regexes`,
        evidence,
      };
    }),
});
