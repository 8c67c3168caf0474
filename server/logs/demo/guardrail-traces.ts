import "server-only";
import type { GuardrailPolicyType } from "../record";
import { type Rng, Weighted } from "./random";
import { FIRST_NAMES, LAST_NAMES } from "./vocabulary";

// Trace shapes as logged (bedrock-formats.md 1.6): assessments keyed by guardrail id, findings per
// policy with action BLOCKED / ANONYMIZED / NONE, and invocationMetrics on every assessment.

type Side = "input" | "output";
type Assessment = Record<string, unknown>;

/** A PII-bearing text and the entities a guardrail would report for it. */
export type PiiText = { text: string; masked: string; entities: { type: string; match: string }[]; mrn: string };

const HARMS = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"] as const;
const TOPICS = ["Unsupervised-dosing", "Legal-advice", "Billing-code-manipulation"] as const;
const CUSTOM_WORDS = ["project-aurora", "halcyon-internal-only"] as const;
const PROFANITY = ["damn", "crap", "hell"] as const;

export function piiText(rng: Rng): PiiText {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const name = `${first} ${last}`;
  const email = `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}${rng.between(1, 99)}@mailbox.example`;
  const phone = `(555) 01${rng.between(0, 9)}-${String(rng.between(0, 9999)).padStart(4, "0")}`;
  const mrn = `MRN-${String(rng.between(10_000_000, 99_999_999))}`;
  const template = rng.pick([
    (n: string, e: string, p: string, r: string) =>
      `Please update the chart for ${n} (${r}). She asked to be reached at ${p} or ${e} about her refill.`,
    (n: string, e: string, p: string, r: string) =>
      `Draft a reply to ${n}, ${r}, who wrote from ${e} asking why the lab result is not in the portal. Callback ${p}.`,
    (n: string, e: string, p: string, r: string) =>
      `Patient ${n} ${r} called from ${p}; forward the visit summary to ${e} once it is signed.`,
  ]);
  return {
    text: template(name, email, phone, mrn),
    masked: template("{NAME}", "{EMAIL}", "{PHONE}", "{medical-record-number}"),
    entities: [
      { type: "NAME", match: name },
      { type: "EMAIL", match: email },
      { type: "PHONE", match: phone },
    ],
    mrn,
  };
}

function metrics(rng: Rng, chars: number, types: readonly GuardrailPolicyType[]): Assessment {
  const has = (t: GuardrailPolicyType) => (types.includes(t) ? 1 : 0);
  const units = Math.max(1, Math.ceil(chars / 1000));
  return {
    guardrailProcessingLatency: rng.between(60, 420),
    usage: {
      topicPolicyUnits: units,
      contentPolicyUnits: units,
      wordPolicyUnits: units,
      sensitiveInformationPolicyUnits: units,
      sensitiveInformationPolicyFreeUnits: 0,
      contextualGroundingPolicyUnits: has("grounding") * units,
      automatedReasoningPolicyUnits: has("automatedReasoning"),
    },
    guardrailCoverage: { textCharacters: { guarded: chars, total: chars } },
  };
}

function finding(rng: Rng, type: GuardrailPolicyType, pii: PiiText | null, reasoningPolicyArn: string): Assessment {
  switch (type) {
    case "content":
      return {
        contentPolicy: {
          filters: [{ type: rng.pick(HARMS), confidence: "HIGH", filterStrength: "HIGH", action: "BLOCKED", detected: true }],
        },
      };
    case "promptAttack":
      return {
        contentPolicy: {
          filters: [
            {
              type: "PROMPT_ATTACK",
              confidence: rng.pick(["MEDIUM", "HIGH"]),
              filterStrength: "HIGH",
              action: "BLOCKED",
              detected: true,
            },
          ],
        },
      };
    case "topic":
      return { topicPolicy: { topics: [{ name: rng.pick(TOPICS), type: "DENY", action: "BLOCKED", detected: true }] } };
    case "word":
      return rng.chance(0.6)
        ? { wordPolicy: { customWords: [{ match: rng.pick(CUSTOM_WORDS), action: "BLOCKED", detected: true }] } }
        : {
            wordPolicy: {
              managedWordLists: [{ match: rng.pick(PROFANITY), type: "PROFANITY", action: "BLOCKED", detected: true }],
            },
          };
    case "pii":
      return {
        sensitiveInformationPolicy: {
          piiEntities: (pii?.entities ?? []).map((e) => ({ ...e, action: "ANONYMIZED", detected: true })),
          regexes: pii
            ? [
                {
                  name: "medical-record-number",
                  match: pii.mrn,
                  regex: "\\bMRN-?[0-9]{8}\\b",
                  action: "ANONYMIZED",
                  detected: true,
                },
              ]
            : [],
        },
      };
    case "grounding":
      return {
        contextualGroundingPolicy: {
          filters: [
            {
              type: "GROUNDING",
              threshold: 0.85,
              score: Math.round(rng.float() * 50 + 10) / 100,
              action: "BLOCKED",
              detected: true,
            },
            {
              type: "RELEVANCE",
              threshold: 0.7,
              score: Math.round(rng.float() * 20 + 78) / 100,
              action: "NONE",
              detected: false,
            },
          ],
        },
      };
    case "automatedReasoning":
      return {
        automatedReasoningPolicy: {
          findings: [
            {
              invalid: {
                translation: {
                  premises: [{ logic: "(= patientWeightKg 62)", naturalLanguage: "The patient weighs 62 kg." }],
                  claims: [{ logic: "(<= dailyDoseMg 4000)", naturalLanguage: "The daily acetaminophen dose is within limits." }],
                  confidence: 0.93,
                },
                contradictingRules: [{ identifier: `R${rng.between(10, 48)}`, policyVersionArn: reasoningPolicyArn }],
              },
            },
          ],
        },
      };
  }
}

export type TraceSpec = {
  guardrailId: string;
  reasoningPolicyArn: string;
  /** Policy types that intervene on each side (empty: a trace without intervention). */
  input: readonly GuardrailPolicyType[];
  output: readonly GuardrailPolicyType[];
  pii: PiiText | null;
  /** Detect-only PII (staging): a finding with action NONE on input, no intervention. */
  detectOnlyPii: boolean;
  /** A reasoning guardrail that checked the answer and found it valid. */
  reasoningValid: boolean;
  inputChars: number;
  outputChars: number;
  /** API shape `{id: [Assessment]}` for outputAssessments instead of the logged `[{id: Assessment}]`. */
  apiShape: boolean;
};

function assessmentFor(rng: Rng, spec: TraceSpec, side: Side): Assessment {
  const types = side === "input" ? spec.input : spec.output;
  const out: Assessment = {};
  for (const type of types) Object.assign(out, finding(rng, type, spec.pii, spec.reasoningPolicyArn));
  if (side === "input" && spec.detectOnlyPii && types.length === 0 && spec.pii) {
    out.sensitiveInformationPolicy = {
      piiEntities: spec.pii.entities.map((e) => ({ ...e, action: "NONE", detected: true })),
    };
  }
  if (side === "output" && spec.reasoningValid && !types.includes("automatedReasoning")) {
    out.automatedReasoningPolicy = { findings: [{ valid: { translation: { premises: [], claims: [], confidence: 0.97 } } }] };
  }
  out.invocationMetrics = metrics(rng, side === "input" ? spec.inputChars : spec.outputChars, types);
  return out;
}

/** `trace.guardrail` of a Converse / ConverseStream response. */
export function converseTrace(rng: Rng, spec: TraceSpec, modelOutput: string | null): Record<string, unknown> {
  const guardrail: Record<string, unknown> = { inputAssessment: { [spec.guardrailId]: assessmentFor(rng, spec, "input") } };
  // An input block stops the call before the model runs: nothing to assess on the way out.
  if (spec.input.length === 0 || spec.output.length > 0) {
    const assessment = assessmentFor(rng, spec, "output");
    guardrail.outputAssessments = spec.apiShape ? { [spec.guardrailId]: [assessment] } : [{ [spec.guardrailId]: assessment }];
  }
  if (modelOutput !== null) guardrail.modelOutput = [modelOutput];
  return { guardrail };
}

/** `amazon-bedrock-trace` of an InvokeModel body or the last stream chunk. */
export function invokeTrace(rng: Rng, spec: TraceSpec, modelOutput: string | null, intervened: boolean): Record<string, unknown> {
  const guardrail: Record<string, unknown> = { input: { [spec.guardrailId]: assessmentFor(rng, spec, "input") } };
  if (spec.input.length === 0 || spec.output.length > 0)
    guardrail.outputs = [{ [spec.guardrailId]: assessmentFor(rng, spec, "output") }];
  if (modelOutput !== null) guardrail.modelOutput = [modelOutput];
  if (intervened && rng.chance(0.5)) guardrail.actionReason = "Guardrail blocked.";
  return { guardrail };
}

/** Which policy intervenes, and on which side; weights follow what a clinical deployment sees most. */
export const INTERVENTIONS = new Weighted<{ type: GuardrailPolicyType; side: "input" | "output" | "both" }>([
  [{ type: "pii", side: "input" }, 14],
  [{ type: "pii", side: "output" }, 9],
  [{ type: "pii", side: "both" }, 5],
  [{ type: "topic", side: "input" }, 10],
  [{ type: "topic", side: "output" }, 4],
  [{ type: "content", side: "input" }, 8],
  [{ type: "content", side: "output" }, 3],
  [{ type: "promptAttack", side: "input" }, 8],
  [{ type: "word", side: "input" }, 5],
  [{ type: "word", side: "output" }, 2],
  [{ type: "grounding", side: "output" }, 10],
  [{ type: "automatedReasoning", side: "output" }, 7],
]);
