import "server-only";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { REDACTED, list, member, record, text } from "./detector";

/**
 * The enforcing strength of a guardrail, reduced to what can only go up or down, so that the
 * CreateGuardrail/UpdateGuardrail request shape (…PolicyConfig.filtersConfig) and the GetGuardrail
 * shape the inventory holds (…Policy.filters) compare directly.
 */
export type GuardrailPosture = {
  /** Content filter type → rank (0 NONE … 3 HIGH) of input and output; PROMPT_ATTACK included. */
  content: ReadonlyMap<string, { input: number; output: number }>;
  /** PII entity type → rank (0 NONE, 1 ANONYMIZE, 2 BLOCK), the weaker of input and output. */
  pii: ReadonlyMap<string, number>;
  /** GROUNDING / RELEVANCE → threshold, or null when present but not enforcing. */
  grounding: ReadonlyMap<string, number | null>;
  /** Enabled denied topic names; names are `sensitive` and may arrive redacted, so also the count. */
  topics: readonly string[];
};

const STRENGTH: Record<string, number> = { NONE: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const STRENGTH_NAME = ["NONE", "LOW", "MEDIUM", "HIGH"] as const;
const PII_RANK: Record<string, number> = { NONE: 0, ANONYMIZE: 1, BLOCK: 2 };

/** An action/enabled pair that turns a side off; a redacted action is unknown and does not count. */
function sideOff(entry: unknown, side: "input" | "output"): boolean {
  return member(entry, `${side}Enabled`) === false || member(entry, `${side}Action`) === "NONE";
}

function contentOf(filters: unknown[]): Map<string, { input: number; output: number }> {
  const out = new Map<string, { input: number; output: number }>();
  for (const f of filters) {
    const type = text(member(f, "type"));
    if (!type) continue;
    const input = sideOff(f, "input") ? 0 : (STRENGTH[String(member(f, "inputStrength"))] ?? 0);
    const output = sideOff(f, "output") ? 0 : (STRENGTH[String(member(f, "outputStrength"))] ?? 0);
    out.set(type, { input, output });
  }
  return out;
}

function piiOf(entities: unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entities) {
    const type = text(member(e, "type"));
    if (!type) continue;
    const base = PII_RANK[String(member(e, "action"))] ?? 0;
    const side = (s: "input" | "output") =>
      member(e, `${s}Enabled`) === false ? 0 : (PII_RANK[String(member(e, `${s}Action`))] ?? base);
    out.set(type, Math.min(side("input"), side("output")));
  }
  return out;
}

function groundingOf(filters: unknown[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const f of filters) {
    const type = text(member(f, "type"));
    const threshold = member(f, "threshold");
    if (!type) continue;
    const off = member(f, "enabled") === false || member(f, "action") === "NONE" || typeof threshold !== "number";
    out.set(type, off ? null : threshold);
  }
  return out;
}

function topicsOf(topics: unknown[]): string[] {
  return topics
    .filter((t) => member(t, "inputEnabled") !== false || member(t, "outputEnabled") !== false)
    .map((t) => text(member(t, "name")) ?? REDACTED);
}

const REQUEST_POLICIES = [
  "contentPolicyConfig",
  "topicPolicyConfig",
  "wordPolicyConfig",
  "sensitiveInformationPolicyConfig",
  "contextualGroundingPolicyConfig",
  "automatedReasoningPolicyConfig",
] as const;

/**
 * The posture a CreateGuardrail/UpdateGuardrail request sets, or undefined when the recorded
 * request carries no policy at all (redacted or trimmed by CloudTrail): it cannot be inspected.
 * UpdateGuardrail replaces the whole configuration, so a policy absent from an inspectable
 * request is a policy removed.
 */
export function postureFromRequest(requestParameters: unknown): GuardrailPosture | undefined {
  const rp = record(requestParameters);
  if (!rp || !REQUEST_POLICIES.some((p) => record(member(rp, p)))) return undefined;
  return {
    content: contentOf(list(member(member(rp, "contentPolicyConfig"), "filtersConfig"))),
    pii: piiOf(list(member(member(rp, "sensitiveInformationPolicyConfig"), "piiEntitiesConfig"))),
    grounding: groundingOf(list(member(member(rp, "contextualGroundingPolicyConfig"), "filtersConfig"))),
    topics: topicsOf(list(member(member(rp, "topicPolicyConfig"), "topicsConfig"))),
  };
}

export function postureFromVersion(v: GuardrailVersion): GuardrailPosture {
  return {
    content: contentOf(v.contentPolicy?.filters ?? []),
    pii: piiOf(v.sensitiveInformationPolicy?.piiEntities ?? []),
    grounding: groundingOf(v.contextualGroundingPolicy?.filters ?? []),
    topics: topicsOf(v.topicPolicy?.topics ?? []),
  };
}

export type Weakening = { what: string; checkId: string };

function lowered(type: string, side: string, before: number, after: number, checkId: string): Weakening[] {
  if (after >= before) return [];
  return [{ what: `${type} ${side} filter lowered from ${STRENGTH_NAME[before]} to ${STRENGTH_NAME[after]}`, checkId }];
}

/** Every way `after` enforces less than `before`; empty when it is as strong or stronger everywhere. */
export function weakenings(before: GuardrailPosture, after: GuardrailPosture): Weakening[] {
  const out: Weakening[] = [];
  for (const [type, was] of before.content) {
    const now = after.content.get(type) ?? { input: 0, output: 0 };
    if (type === "PROMPT_ATTACK") {
      // Prompt attacks are judged on input only: AWS requires outputStrength NONE for this type.
      out.push(...lowered(type, "input", was.input, now.input, "bedrock-guardrail-prompt-attack-high"));
      continue;
    }
    out.push(...lowered(type, "input", was.input, now.input, "bedrock-guardrail-content-filters"));
    out.push(...lowered(type, "output", was.output, now.output, "bedrock-guardrail-content-filters"));
  }
  for (const [type, was] of before.grounding) {
    if (was === null) continue;
    const now = after.grounding.get(type);
    if (now === undefined || now === null)
      out.push({ what: `${type} check removed or disabled (was ${was})`, checkId: "bedrock-guardrail-contextual-grounding" });
    else if (now < was)
      out.push({ what: `${type} threshold lowered from ${was} to ${now}`, checkId: "bedrock-guardrail-contextual-grounding" });
  }
  const PII = ["NONE", "ANONYMIZE", "BLOCK"];
  for (const [type, was] of before.pii) {
    const now = after.pii.get(type) ?? 0;
    if (now < was)
      out.push({
        what: `PII ${type} action weakened from ${PII[was]} to ${PII[now]}`,
        checkId: "bedrock-guardrail-pii-enforces",
      });
  }
  const redacted = [...before.topics, ...after.topics].includes(REDACTED);
  const removedTopics = redacted ? [] : before.topics.filter((t) => !after.topics.includes(t));
  if (removedTopics.length > 0)
    out.push({ what: `denied topics removed: ${removedTopics.join(", ")}`, checkId: "bedrock-guardrail-denied-topics" });
  else if (after.topics.length < before.topics.length)
    out.push({
      what: `denied topics reduced from ${before.topics.length} to ${after.topics.length}`,
      checkId: "bedrock-guardrail-denied-topics",
    });
  return out;
}
