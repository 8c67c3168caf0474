import "server-only";
import { defineCheck } from "../define-check";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_DOC,
  GUARDRAIL_UPDATE_API_DOC,
  guardrailTerraform,
  guardrailUpdateCli,
} from "../lib/guardrail-remediation";
import { contentFilterInputIssue, contentFilterOutputIssue, contentFilters } from "../lib/guardrail-filters";
import { evaluateGuardrails } from "../lib/guardrail-version";

const REQUIRED = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"] as const;

export default defineCheck({
  id: "bedrock-guardrail-content-filters",
  title: "Guardrail filters all harmful-content categories both ways",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Content filters stop hate, insults, sexual content, violence and misconduct in what users send and what models " +
    "return. A category that is missing, set to strength NONE, set to detect-only (action NONE) or disabled for input " +
    "or output leaves that harm unfiltered in that direction, while the guardrail still looks configured.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Under Content filters, enable Hate, Insults, Sexual, Violence and Misconduct for prompts and responses, with a strength above None and the Block action.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--content-policy-config '{"filtersConfig":[{"type":"HATE","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"INSULTS","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"SEXUAL","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"VIOLENCE","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"MISCONDUCT","inputStrength":"HIGH","outputStrength":"HIGH"},{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}]}'`,
    ),
    terraform: guardrailTerraform(`content_policy_config {
  dynamic "filters_config" {
    for_each = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"]
    content {
      type            = filters_config.value
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }
}`),
  },
  references: [
    GUARDRAIL_DOC,
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-content-filters.html",
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const filters = contentFilters(version);
      const problems: string[] = [];
      for (const type of REQUIRED) {
        const f = filters.find((x) => x.type === type);
        if (!f) {
          problems.push(`${type} missing`);
          continue;
        }
        const issues = [contentFilterInputIssue(f), contentFilterOutputIssue(f)].filter((i) => i !== undefined);
        if (issues.length > 0) problems.push(`${type} ${issues.join(", ")}`);
      }
      const evidence = { contentFilters: filters.filter((f) => f.type !== "PROMPT_ATTACK") };
      if (problems.length > 0) return { status: "FAIL", message: `Guardrail ${label}: ${problems.join("; ")}`, evidence };
      return { status: "PASS", message: `Guardrail ${label} blocks ${REQUIRED.join(", ")} on input and output`, evidence };
    }),
});
