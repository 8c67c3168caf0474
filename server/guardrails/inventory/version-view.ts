import "server-only";
import type { GuardrailVersionView } from "@/lib/schemas/guardrail-inventory";
import type { Guardrail, GuardrailVersion } from "@/server/inventory/bedrock";

type ContentFilter = NonNullable<NonNullable<GuardrailVersion["contentPolicy"]>["filters"]>[number];
type PiiAction = "BLOCK" | "ANONYMIZE" | "NONE";
type PiiRule = {
  action: PiiAction;
  inputAction?: PiiAction;
  outputAction?: PiiAction;
  inputEnabled?: boolean;
  outputEnabled?: boolean;
};

// AWS omits the per-side fields on guardrails created before they existed: absent means enabled and BLOCK.
const side = (strength: ContentFilter["inputStrength"], action: string | undefined, enabled: boolean | undefined) => ({
  strength,
  action: action ?? null,
  enabled: enabled !== false,
});

const piiSides = (rule: PiiRule) => ({
  input: { action: rule.inputAction ?? rule.action, enabled: rule.inputEnabled !== false },
  output: { action: rule.outputAction ?? rule.action, enabled: rule.outputEnabled !== false },
});

/** The version the checks evaluate (same rule as server/checks/lib/guardrail-version.ts): highest numbered, else DRAFT. */
function evaluatedVersion(g: Guardrail): string {
  const numbered = g.versions.map((v) => v.version).filter((v) => /^\d+$/.test(v));
  return numbered.length === 0 ? "DRAFT" : String(Math.max(...numbered.map(Number)));
}

/** One version's settings as the inventory page shows them; nothing is judged here. */
function toVersionView(v: GuardrailVersion, evaluated: boolean, inUse = false): GuardrailVersionView {
  const filters = v.contentPolicy?.filters ?? [];
  const promptAttack = filters.find((f) => f.type === "PROMPT_ATTACK");
  const grounding = v.contextualGroundingPolicy?.filters ?? [];
  const threshold = (type: "GROUNDING" | "RELEVANCE") => {
    const f = grounding.find((x) => x.type === type);
    return f && f.enabled !== false ? f.threshold : null;
  };
  const pii = v.sensitiveInformationPolicy;
  return {
    version: v.version,
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    evaluated,
    inUse,
    contentFilters: filters
      .filter((f) => f.type !== "PROMPT_ATTACK")
      .map((f) => ({
        category: f.type,
        input: side(f.inputStrength, f.inputAction, f.inputEnabled),
        output: side(f.outputStrength, f.outputAction, f.outputEnabled),
      })),
    promptAttack: promptAttack
      ? { input: side(promptAttack.inputStrength, promptAttack.inputAction, promptAttack.inputEnabled) }
      : null,
    contentTier: v.contentPolicy?.tier?.tierName ?? null,
    topics: (v.topicPolicy?.topics ?? []).map((t) => ({
      name: t.name,
      inputAction: t.inputEnabled === false ? null : (t.inputAction ?? "BLOCK"),
      outputAction: t.outputEnabled === false ? null : (t.outputAction ?? "BLOCK"),
    })),
    topicTier: v.topicPolicy?.tier?.tierName ?? null,
    words: {
      customCount: v.wordPolicy?.words?.length ?? 0,
      managedLists: (v.wordPolicy?.managedWordLists ?? []).map((m) => m.type),
    },
    piiEntities: (pii?.piiEntities ?? []).map((e) => ({ type: e.type, ...piiSides(e) })),
    regexes: (pii?.regexes ?? []).map((r) => ({ name: r.name, pattern: r.pattern, ...piiSides(r) })),
    grounding: { grounding: threshold("GROUNDING"), relevance: threshold("RELEVANCE") },
    automatedReasoning: v.automatedReasoningPolicy
      ? {
          policies: v.automatedReasoningPolicy.policies,
          confidenceThreshold: v.automatedReasoningPolicy.confidenceThreshold ?? null,
        }
      : null,
    kmsKeyArn: v.kmsKeyArn ?? null,
    crossRegionProfileArn: v.crossRegionDetails?.guardrailProfileArn ?? v.crossRegionDetails?.guardrailProfileId ?? null,
  };
}

/** DRAFT first, then numbered versions newest first; `used` are the versions something references. */
export function versionViews(g: Guardrail, used: ReadonlySet<string>): GuardrailVersionView[] {
  const evaluated = evaluatedVersion(g);
  const numbered = [...g.versions].sort((a, b) => Number(b.version) - Number(a.version));
  return [g.draft, ...numbered].map((v) => toVersionView(v, v.version === evaluated, used.has(v.version)));
}
