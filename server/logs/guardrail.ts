import "server-only";
import { GUARDRAIL_ID } from "@/lib/constants/log-fields";
import { GUARDRAIL_POLICY_TYPES, type Guardrail, type GuardrailPolicyType, type GuardrailSource } from "./record";
import { asArray, asString, dig, isObject, type JsonObject } from "./values";

const ACTION_KEY = "amazon-bedrock-guardrailAction";
const TRACE_KEY = "amazon-bedrock-trace";
const POLICY_KEYS = [
  "topicPolicy",
  "contentPolicy",
  "wordPolicy",
  "sensitiveInformationPolicy",
  "contextualGroundingPolicy",
  "automatedReasoningPolicy",
  "invocationMetrics",
];
// Automated-reasoning findings carry no action; these kinds say the content is not provably valid.
// (The finding union is in botocore GuardrailAutomatedReasoningFinding; which kinds block is unverified.)
export const REASONING_FLAGS = ["invalid", "impossible", "satisfiable"];

/** A policy entry fired when it acted (BLOCKED, ANONYMIZED) or, in detect-only mode, detected. */
export function fired(entry: unknown): boolean {
  if (!isObject(entry)) return false;
  const action = asString(entry.action);
  return (action !== undefined && action !== "NONE") || entry.detected === true;
}

function anyFired(...lists: unknown[]): boolean {
  return lists.some((list) => asArray(list).some(fired));
}

function policyTypesOf(assessment: JsonObject, into: Set<GuardrailPolicyType>): void {
  if (anyFired(dig(assessment, "topicPolicy", "topics"))) into.add("topic");
  for (const filter of asArray(dig(assessment, "contentPolicy", "filters"))) {
    if (fired(filter)) into.add(dig(filter, "type") === "PROMPT_ATTACK" ? "promptAttack" : "content");
  }
  const word = assessment.wordPolicy;
  if (anyFired(dig(word, "customWords"), dig(word, "managedWordLists"))) into.add("word");
  const pii = assessment.sensitiveInformationPolicy;
  if (anyFired(dig(pii, "piiEntities"), dig(pii, "regexes"))) into.add("pii");
  if (anyFired(dig(assessment, "contextualGroundingPolicy", "filters"))) into.add("grounding");
  const findings = asArray(dig(assessment, "automatedReasoningPolicy", "findings"));
  if (findings.some((f) => fired(f) || (isObject(f) && REASONING_FLAGS.some((k) => k in f)))) {
    into.add("automatedReasoning");
  }
}

/**
 * Flattens the assessment containers: `{id: Assessment}` (input), the API's `{id: Assessment[]}` and
 * the logged `[{id: Assessment}]` (both `outputAssessments` shapes, bedrock-formats.md 1.6).
 */
export function assessmentsIn(value: unknown, depth = 0): JsonObject[] {
  if (depth > 3) return [];
  if (Array.isArray(value)) return value.flatMap((item) => assessmentsIn(item, depth + 1));
  if (!isObject(value)) return [];
  if (POLICY_KEYS.some((key) => key in value)) return [value];
  return Object.values(value).flatMap((item) => assessmentsIn(item, depth + 1));
}

export function tracesIn(body: unknown): JsonObject[] {
  const chunks = Array.isArray(body) ? body : [body];
  const traces: JsonObject[] = [];
  for (const chunk of chunks) {
    for (const trace of [dig(chunk, "trace", "guardrail"), dig(chunk, TRACE_KEY, "guardrail")]) {
      if (isObject(trace)) traces.push(trace);
    }
  }
  return traces;
}

function decide(body: unknown, traces: JsonObject[]): Pick<Guardrail, "action" | "source"> {
  const streamed = Array.isArray(body);
  const actions = (streamed ? body : [body]).map((chunk) => dig(chunk, ACTION_KEY));
  const actionSource: GuardrailSource = streamed ? "streamChunk" : "guardrailAction";
  if (dig(body, "stopReason") === "guardrail_intervened") return { action: "INTERVENED", source: "stopReason" };
  if (actions.includes("INTERVENED")) return { action: "INTERVENED", source: actionSource };
  // Panther also treats this reason as an intervention when no action key was logged.
  if (traces.some((t) => asString(t.actionReason)?.startsWith("Guardrail blocked"))) {
    return { action: "INTERVENED", source: "actionReason" };
  }
  if (actions.includes("NONE")) return { action: "NONE", source: actionSource };
  if (traces.length > 0) return { action: "NONE", source: "trace" };
  return { action: null, source: null };
}

const GUARDRAIL_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{12}:guardrail\/([a-z0-9]{1,64})$/;

/** The first guardrail id keying an assessment container, whichever of its shapes (see assessmentsIn). */
function idKeying(container: unknown): string | null {
  const first = Array.isArray(container) ? container.find(isObject) : container;
  if (!isObject(first)) return null;
  return Object.keys(first).find((key) => GUARDRAIL_ID.test(key)) ?? null;
}

/** Converse names the guardrail in the request (`guardrailConfig.guardrailIdentifier`): a bare id or an ARN. */
function configuredId(inputBody: unknown): string | null {
  const identifier = asString(dig(inputBody, "guardrailConfig", "guardrailIdentifier"));
  if (identifier === undefined) return null;
  if (GUARDRAIL_ID.test(identifier)) return identifier;
  return GUARDRAIL_ARN.exec(identifier)?.[1] ?? null;
}

/** Bedrock applies one guardrail per request; the trace names it (input side first), else the request does. */
function guardrailIdOf(traces: JsonObject[], inputBody: unknown): string | null {
  for (const trace of traces) {
    const id = idKeying(trace.inputAssessment ?? trace.input) ?? idKeying(trace.outputAssessments ?? trace.outputs);
    if (id !== null) return id;
  }
  return configuredId(inputBody);
}

/**
 * Guardrail outcome of one record, from its logged output body (object or stream chunk array); the
 * input body is read only for the guardrail a Converse request named when the output has no trace.
 */
export function deriveGuardrail(outputBody: unknown, inputBody: unknown = null): Guardrail {
  const traces = tracesIn(outputBody);
  const inputTypes = new Set<GuardrailPolicyType>();
  const outputTypes = new Set<GuardrailPolicyType>();
  for (const trace of traces) {
    for (const a of assessmentsIn(trace.inputAssessment ?? trace.input)) policyTypesOf(a, inputTypes);
    for (const a of assessmentsIn(trace.outputAssessments ?? trace.outputs)) policyTypesOf(a, outputTypes);
  }
  const all = new Set([...inputTypes, ...outputTypes]);
  const side =
    inputTypes.size > 0 && outputTypes.size > 0 ? "both" : inputTypes.size > 0 ? "input" : outputTypes.size > 0 ? "output" : null;
  return {
    ...decide(outputBody, traces),
    policyTypes: GUARDRAIL_POLICY_TYPES.filter((type) => all.has(type)),
    side,
    id: guardrailIdOf(traces, inputBody),
  };
}
