import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import * as g from "../check-groups";
import { req } from "../requirement";

const { checksOf } = g;

/** Vulnerability classes, not controls: a passing check mitigates the risk; it does not prove it absent. */
export const owaspLlm: Framework = {
  id: "owasp-llm",
  name: "OWASP Top 10 for LLM Applications",
  version: "2025",
  note: "Each item is a vulnerability class; the mapped checks mitigate it rather than satisfy it.",
  requirements: [
    req(
      "LLM01:2025",
      "Prompt Injection",
      "Prompt-attack and content filters run on every invocation, agent and flow, and are enforced by policy.",
      checksOf(g.GR_01, g.GR_02, g.GR_03, g.GR_06, g.GR_07, g.GR_08),
      false,
    ),
    req(
      "LLM02:2025",
      "Sensitive Information Disclosure",
      "PII filters enforce, data is under customer keys, traffic is private, sessions expire, AI data use is opted out.",
      checksOf(g.GR_04, g.ENC_02, g.LOG_ENCRYPTED, g.NET_01, g.NET_02, g.GOV_03, g.AGENT_SESSION),
      false,
    ),
    req(
      "LLM03:2025",
      "Supply Chain",
      "Only approved models can be invoked or subscribed, custom models are under customer keys, AI data use is opted out.",
      checksOf(g.IAM_01, g.IAM_MARKETPLACE, g.ENC_01, g.GOV_03),
      false,
    ),
    req(
      "LLM04:2025",
      "Data and Model Poisoning",
      "Custom models and knowledge base data are under customer managed keys.",
      checksOf(g.ENC_01, ["bedrock-knowledge-base-bucket-sse-kms", "bedrock-knowledge-base-data-source-kms"]),
      false,
    ),
    req(
      "LLM05:2025",
      "Improper Output Handling",
      "Output content filters and grounding checks run.",
      checksOf(g.GR_02, g.GR_05),
      false,
    ),
    req(
      "LLM06:2025",
      "Excessive Agency",
      "Agent roles are least privilege and not shared; no FullAccess; agents and flows have guardrails.",
      checksOf(g.IAM_02, g.IAM_07, g.GR_06),
      false,
    ),
    req(
      "LLM07:2025",
      "System Prompt Leakage",
      "Guardrails run, and security rules are enforced by IAM and SCPs rather than prompts.",
      checksOf(g.IAM_03, g.GR_01, g.GR_07),
      false,
    ),
    req(
      "LLM08:2025",
      "Vector and Embedding Weaknesses",
      "Knowledge bases and their buckets use customer managed keys; invocations are logged.",
      checksOf(g.ENC_02, g.ENC_05, g.LOG_01),
      false,
    ),
    req("LLM09:2025", "Misinformation", "Contextual grounding or Automated Reasoning checks run.", checksOf(g.GR_05), false),
    req(
      "LLM10:2025",
      "Unbounded Consumption",
      "Usage alarms and logs run; access is scoped and no idle grants, IAM users or long-term keys remain.",
      checksOf(g.IAM_01, g.IAM_04, g.IAM_05, g.IAM_06, g.MON_01, g.LOG_01, g.LOG_03),
      false,
    ),
  ],
};
