import "server-only";
import type { GuardrailFinding } from "@/lib/schemas/log-detail";
import { assessmentsIn, fired, REASONING_FLAGS, tracesIn } from "./guardrail";
import type { GuardrailPolicyType } from "./record";
import { asArray, asNumber, asString, dig, isObject, truncate, type JsonObject } from "./values";

type Side = GuardrailFinding["side"];
const MAX_FINDINGS = 200;
const MAX_MATCH_CHARS = 512;

function entry(side: Side, policyType: GuardrailPolicyType, name: string, raw: JsonObject): GuardrailFinding {
  return {
    side,
    policyType,
    name,
    action: asString(raw.action) ?? null,
    detected: typeof raw.detected === "boolean" ? raw.detected : null,
    fired: fired(raw),
    confidence: asString(raw.confidence) ?? null,
    strength: asString(raw.filterStrength) ?? null,
    score: asNumber(raw.score) ?? null,
    threshold: asNumber(raw.threshold) ?? null,
    match: asString(raw.match) === undefined ? null : truncate(asString(raw.match) ?? "", MAX_MATCH_CHARS),
  };
}

function objects(value: unknown): JsonObject[] {
  return asArray(value).filter(isObject);
}

/** Every policy entry of one assessment, in the order the guardrail evaluates them. */
function entriesOf(side: Side, a: JsonObject): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  for (const t of objects(dig(a, "topicPolicy", "topics"))) out.push(entry(side, "topic", asString(t.name) ?? "topic", t));
  for (const f of objects(dig(a, "contentPolicy", "filters"))) {
    const type = asString(f.type) ?? "CONTENT";
    out.push(entry(side, type === "PROMPT_ATTACK" ? "promptAttack" : "content", type, f));
  }
  for (const w of objects(dig(a, "wordPolicy", "customWords"))) out.push(entry(side, "word", "custom word", w));
  for (const w of objects(dig(a, "wordPolicy", "managedWordLists")))
    out.push(entry(side, "word", asString(w.type) ?? "managed list", w));
  for (const p of objects(dig(a, "sensitiveInformationPolicy", "piiEntities")))
    out.push(entry(side, "pii", asString(p.type) ?? "PII", p));
  for (const r of objects(dig(a, "sensitiveInformationPolicy", "regexes")))
    out.push(entry(side, "pii", asString(r.name) ?? "regex", r));
  for (const g of objects(dig(a, "contextualGroundingPolicy", "filters")))
    out.push(entry(side, "grounding", asString(g.type) ?? "GROUNDING", g));
  for (const f of objects(dig(a, "automatedReasoningPolicy", "findings"))) {
    // A finding is a union keyed by its kind ({invalid: {...}}, {valid: {...}}); the kind is its name.
    const kind = Object.keys(f)[0] ?? "finding";
    const finding = entry(side, "automatedReasoning", kind, isObject(f[kind]) ? f[kind] : f);
    out.push({ ...finding, fired: finding.fired || REASONING_FLAGS.includes(kind) });
  }
  return out;
}

/**
 * The guardrail trace of a record as rows for the detail view: every policy entry on the input
 * and output side, with those that acted marked. `match` holds logged prompt or response text
 * (a PII value, a matched word), so it is dropped unless the caller may see bodies.
 */
export function guardrailFindings(outputBody: unknown, options: { withMatches: boolean }): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  for (const trace of tracesIn(outputBody)) {
    for (const a of assessmentsIn(trace.inputAssessment ?? trace.input)) out.push(...entriesOf("input", a));
    for (const a of assessmentsIn(trace.outputAssessments ?? trace.outputs)) out.push(...entriesOf("output", a));
  }
  const bounded = out.slice(0, MAX_FINDINGS);
  return options.withMatches ? bounded : bounded.map((f) => ({ ...f, match: null }));
}
