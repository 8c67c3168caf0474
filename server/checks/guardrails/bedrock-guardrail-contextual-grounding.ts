import "server-only";
import { defineCheck } from "../define-check";
import {
  GUARDRAIL_CONSOLE_FINISH,
  GUARDRAIL_UPDATE_API_DOC,
  guardrailTerraform,
  guardrailUpdateCli,
} from "../lib/guardrail-remediation";
import { evaluateGuardrails } from "../lib/guardrail-version";

const REQUIRED = ["GROUNDING", "RELEVANCE"] as const;

export default defineCheck({
  id: "bedrock-guardrail-contextual-grounding",
  title: "Guardrail checks grounding and relevance",
  severity: "medium",
  category: "Guardrails",
  scope: "region",
  rationale:
    "In retrieval-augmented and agent applications, contextual grounding checks block answers that are not supported " +
    "by the retrieved source (hallucinations) or do not address the user's query. Both filters need a threshold above " +
    "0 and a blocking action; a threshold of 0 lets every response through.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Under Contextual grounding check, enable Grounding and Relevance with thresholds such as 0.75 and the Block action.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--contextual-grounding-policy-config '{"filtersConfig":[{"type":"GROUNDING","threshold":0.75},{"type":"RELEVANCE","threshold":0.75}]}'`,
    ),
    terraform: guardrailTerraform(`contextual_grounding_policy_config {
  filters_config {
    type      = "GROUNDING"
    threshold = 0.75
  }
  filters_config {
    type      = "RELEVANCE"
    threshold = 0.75
  }
}`),
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-contextual-grounding-check.html",
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const filters = version.contextualGroundingPolicy?.filters ?? [];
      const problems: string[] = [];
      for (const type of REQUIRED) {
        const f = filters.find((x) => x.type === type);
        if (!f) problems.push(`${type} missing`);
        else if (f.enabled === false) problems.push(`${type} disabled`);
        else if (f.action === "NONE") problems.push(`${type} action NONE (detect only)`);
        else if (f.threshold <= 0) problems.push(`${type} threshold ${f.threshold}`);
      }
      const evidence = { contextualGroundingFilters: filters };
      if (problems.length > 0) return { status: "FAIL", message: `Guardrail ${label}: ${problems.join("; ")}`, evidence };
      const thresholds = filters.map((f) => `${f.type} ${f.threshold}`).join(", ");
      return {
        status: "PASS",
        message: `Guardrail ${label} blocks ungrounded or irrelevant responses (${thresholds})`,
        evidence,
      };
    }),
});
