import "server-only";
import { defineCheck } from "../define-check";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_DOC,
  GUARDRAIL_UPDATE_API_DOC,
  guardrailTerraform,
  guardrailUpdateCli,
} from "../lib/guardrail-remediation";
import { contentFilterInputIssue, contentFilters } from "../lib/guardrail-filters";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-prompt-attack-high",
  title: "Guardrail blocks prompt attacks at HIGH strength",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Jailbreaks and prompt injection are the main way users (or documents a model reads) override an application's " +
    "instructions and safety behaviour. The PROMPT_ATTACK filter evaluates inputs only; anything below HIGH strength, or " +
    "a detect-only action, lets more of these attacks through to the model.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Under Content filters > Prompt attacks, enable the filter with strength High and the Block action.",
      "Wrap user input in guardrail input tags when calling InvokeModel so system prompts are not misclassified.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--content-policy-config '{"filtersConfig":[{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}]}'`,
    ),
    terraform: guardrailTerraform(`content_policy_config {
  filters_config {
    type            = "PROMPT_ATTACK"
    input_strength  = "HIGH"
    output_strength = "NONE"
  }
}`),
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-prompt-attack.html",
    GUARDRAIL_DOC,
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const filter = contentFilters(version).find((f) => f.type === "PROMPT_ATTACK");
      const evidence = { promptAttackFilter: filter ?? null };
      if (!filter) return { status: "FAIL", message: `Guardrail ${label} has no PROMPT_ATTACK filter`, evidence };
      const issue = contentFilterInputIssue(filter);
      if (issue) return { status: "FAIL", message: `Guardrail ${label} PROMPT_ATTACK filter has ${issue}`, evidence };
      if (filter.inputStrength !== "HIGH") {
        return {
          status: "FAIL",
          message: `Guardrail ${label} PROMPT_ATTACK filter input strength is ${filter.inputStrength}, not HIGH`,
          evidence,
        };
      }
      return { status: "PASS", message: `Guardrail ${label} blocks prompt attacks at HIGH strength`, evidence };
    }),
});
