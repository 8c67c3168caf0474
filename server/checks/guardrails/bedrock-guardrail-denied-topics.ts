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
  id: "bedrock-guardrail-denied-topics",
  title: "Guardrail denies off-limits topics or words",
  severity: "low",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Content filters cover generic harm, but every application also has subjects it must not discuss (investment or " +
    "medical advice, competitors, internal projects) and words it must never emit. Denied topics and word filters " +
    "encode those business rules in the guardrail instead of trusting the system prompt alone.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit its working draft.",
      "Add denied topics (name, definition, sample phrases) and/or word filters (the managed profanity list, custom words).",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli(
      `--topic-policy-config '{"topicsConfig":[{"name":"InvestmentAdvice","definition":"Recommendations about investing money or choosing financial products.","examples":["Which stocks should I buy?"],"type":"DENY"}]}' \\
  --word-policy-config '{"managedWordListsConfig":[{"type":"PROFANITY"}]}'`,
    ),
    terraform: guardrailTerraform(`topic_policy_config {
  topics_config {
    name       = "InvestmentAdvice"
    definition = "Recommendations about investing money or choosing financial products."
    examples   = ["Which stocks should I buy?"]
    type       = "DENY"
  }
}

word_policy_config {
  managed_word_lists_config {
    type = "PROFANITY"
  }
}`),
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-denied-topics.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-word-filters.html",
    GUARDRAIL_UPDATE_API_DOC,
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const topics = version.topicPolicy?.topics ?? [];
      const words = version.wordPolicy?.words ?? [];
      const lists = version.wordPolicy?.managedWordLists ?? [];
      const evidence = { topics: topics.map((t) => t.name), words: words.length, managedWordLists: lists.map((l) => l.type) };
      if (topics.length === 0 && words.length === 0 && lists.length === 0) {
        return { status: "FAIL", message: `Guardrail ${label} has no denied topics and no word filters`, evidence };
      }
      const parts = [
        topics.length > 0 ? `${topics.length} denied topic(s)` : undefined,
        words.length > 0 ? `${words.length} custom word(s)` : undefined,
        lists.length > 0 ? `the ${lists.map((l) => l.type).join(", ")} word list` : undefined,
      ].filter((p) => p !== undefined);
      return { status: "PASS", message: `Guardrail ${label} has ${parts.join(", ")}`, evidence };
    }),
});
