import type { WeakSetting } from "@/lib/schemas/guardrail-inventory";

export type SectionKey =
  "content" | "promptAttack" | "topics" | "words" | "pii" | "grounding" | "reasoning" | "tier" | "versions";

/** Which part of the guardrail a check judges, so its verdict is shown next to that setting. */
const SECTION_OF_CHECK: Record<string, SectionKey> = {
  "bedrock-guardrail-content-filters": "content",
  "bedrock-guardrail-prompt-attack-high": "promptAttack",
  "bedrock-guardrail-denied-topics": "topics",
  "bedrock-guardrail-pii-policy": "pii",
  "bedrock-guardrail-pii-enforces": "pii",
  "bedrock-guardrail-contextual-grounding": "grounding",
  "bedrock-guardrail-automated-reasoning": "reasoning",
  "bedrock-guardrail-standard-tier": "tier",
  "bedrock-guardrail-versioned": "versions",
};

/** The weak settings split by section; checks without a section are listed under "other". */
export function bySection(items: WeakSetting[]): { of: (s: SectionKey) => WeakSetting[]; other: WeakSetting[] } {
  return {
    of: (s) => items.filter((w) => SECTION_OF_CHECK[w.checkId] === s),
    other: items.filter((w) => SECTION_OF_CHECK[w.checkId] === undefined),
  };
}
