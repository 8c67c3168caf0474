import "server-only";
import { accountByKey, type AccountKey, type DemoRegion } from "@/server/sources/demo/accounts";
import { automatedReasoningPolicyArn, guardrail as guardrailRef } from "@/server/sources/demo/arns";
import type { GuardrailPolicyType } from "../record";
import type { Call, Operation } from "./bodies";
import { converseTrace, INTERVENTIONS, invokeTrace, piiText, type PiiText, type TraceSpec } from "./guardrail-traces";
import type { Family, ModelChoice } from "./models";
import { type Rng, Weighted } from "./random";
import type { Scenario } from "./scenarios";
import type { GuardrailUse, Workload } from "./workloads";

const OPERATIONS: Record<Family, Weighted<Operation>> = {
  anthropic: new Weighted<Operation>([
    ["Converse", 35],
    ["ConverseStream", 25],
    ["InvokeModel", 25],
    ["InvokeModelWithResponseStream", 15],
  ]),
  nova: new Weighted<Operation>([
    ["Converse", 5],
    ["ConverseStream", 3],
    ["InvokeModel", 2],
  ]),
  llama: new Weighted<Operation>([
    ["InvokeModel", 5],
    ["Converse", 3],
    ["InvokeModelWithResponseStream", 2],
  ]),
  mistral: new Weighted<Operation>([
    ["InvokeModel", 1],
    ["InvokeModelWithResponseStream", 1],
  ]),
  titanEmbed: new Weighted<Operation>([["InvokeModel", 1]]),
  cohereEmbed: new Weighted<Operation>([["InvokeModel", 1]]),
};

/** Per-call odds of each failure at full load; throttling grows with the hour's traffic. */
const ERRORS: readonly (readonly [string, number, boolean])[] = [
  ["ThrottlingException", 0.009, true],
  ["ValidationException", 0.003, false],
  ["ModelTimeoutException", 0.001, false],
  ["ServiceUnavailableException", 0.0008, true],
  ["InternalServerException", 0.0005, false],
  ["ModelErrorException", 0.0004, false],
  ["AccessDeniedException", 0.0003, false],
  ["ModelNotReadyException", 0.0002, false],
];

const VERSIONS: Record<string, string> = {
  "phi-clinical-assistant": "3",
  "phi-clinical-assistant-eu": "1",
  "clinical-assistant-staging": "5",
  "summarizer-staging": "DRAFT",
  "sandbox-test": "DRAFT",
};
const BLOCKED_INPUT = "Sorry, Halcyon's assistant can't help with that request. If this is urgent, contact your care team.";
const BLOCKED_OUTPUT = "Sorry, the answer to this request was withheld by Halcyon's safety policy.";
const INPUT_BLOCKERS: readonly GuardrailPolicyType[] = ["content", "topic", "word", "promptAttack"];

export function pickOperation(family: Family, rng: Rng): Operation {
  return OPERATIONS[family].draw(rng);
}

export function pickError(rng: Rng, scale: number, load: number): string | null {
  const x = rng.float();
  let acc = 0;
  for (const [code, rate, loadBound] of ERRORS) {
    acc += rate * scale * (loadBound ? load * load : 1);
    if (x < acc) return code;
  }
  return null;
}

const idCache = new Map<string, { guardrailId: string; reasoningPolicyArn: string }>();
/** The estate's ids for a guardrail, memoised: deriving them hashes the name, too slow to do per record. */
function guardrailIds(account: AccountKey, region: DemoRegion, name: string) {
  const key = `${account}/${region}/${name}`;
  let ids = idCache.get(key);
  if (!ids) {
    const accountId = accountByKey(account).id;
    const reasoningName = region === "us-east-1" ? "formulary-dosing-rules" : "formulary-dosing-rules-eu";
    ids = {
      guardrailId: guardrailRef(accountId, region, name).id,
      reasoningPolicyArn: automatedReasoningPolicyArn(accountId, region, reasoningName, 2),
    };
    idCache.set(key, ids);
  }
  return ids;
}

export type GuardrailOutcome = {
  call: Pick<Call, "shown" | "stopReason" | "trace" | "intervened" | "guardrailConfig" | "outputTokens">;
  prompt: string;
};

/** Decides whether a guardrail traced or intervened, and returns the texts and trace that follow from it. */
export function applyGuardrail(
  rng: Rng,
  workload: Workload,
  region: DemoRegion,
  op: Operation,
  scenario: Scenario,
): GuardrailOutcome | null {
  const use: GuardrailUse | null = workload.guardrail;
  const name = use?.names[region];
  if (!use || !name || !rng.chance(use.traced)) return null;
  const { guardrailId, reasoningPolicyArn } = guardrailIds(workload.account, region, name);
  let pick = rng.chance(use.intervene) ? INTERVENTIONS.draw(rng) : null;
  if (pick?.type === "automatedReasoning" && !use.reasoning) pick = { type: "grounding", side: "output" };
  const detectOnly = use.detectOnly === true && pick?.type === "pii";
  if (detectOnly) pick = null;
  const side = pick?.side;
  const pii: PiiText | null = pick?.type === "pii" || detectOnly || (use.detectOnly && rng.chance(0.1)) ? piiText(rng) : null;
  const onInput = side === "input" || side === "both";
  const onOutput = side === "output" || side === "both";
  const prompt = pii && (onInput || !pick) ? `${pii.text}\n\n${scenario.prompt}` : scenario.prompt;
  const answer = pii && onOutput ? `${scenario.response} ${pii.text}` : scenario.response;
  const spec: TraceSpec = {
    guardrailId,
    reasoningPolicyArn,
    input: pick && onInput ? [pick.type] : [],
    output: pick && onOutput ? [pick.type] : [],
    pii,
    detectOnlyPii: detectOnly || (pii !== null && pick === null),
    reasoningValid: use.reasoning === true && rng.chance(0.3),
    inputChars: prompt.length,
    outputChars: answer.length,
    apiShape: rng.chance(0.25),
  };
  const blockedOnInput = pick !== null && onInput && INPUT_BLOCKERS.includes(pick.type);
  let shown = scenario.response;
  let outputTokens = scenario.outputTokens;
  let modelOutput: string | null = null;
  if (blockedOnInput) {
    shown = BLOCKED_INPUT;
    outputTokens = 0;
  } else if (pick?.type === "pii") {
    shown = onOutput && pii ? `${scenario.response} ${pii.masked}` : scenario.response;
    if (onOutput) modelOutput = answer;
  } else if (pick && onOutput) {
    shown = BLOCKED_OUTPUT;
    modelOutput = answer;
  }
  const converse = op === "Converse" || op === "ConverseStream";
  const intervened = pick !== null;
  const trace = converse ? converseTrace(rng, spec, modelOutput) : invokeTrace(rng, spec, modelOutput, intervened);
  const version = VERSIONS[name];
  return {
    prompt,
    call: {
      shown,
      outputTokens,
      stopReason: intervened ? "guardrail_intervened" : "end_turn",
      trace,
      intervened,
      // Account-enforced guardrails apply without the caller naming them.
      guardrailConfig:
        converse && version ? { guardrailIdentifier: guardrailId, guardrailVersion: version, trace: "enabled" } : null,
    },
  };
}

/** A latency that grows with the output, as a model's does. */
export function latencies(rng: Rng, model: ModelChoice, outputTokens: number): { latencyMs: number; firstByteMs: number } {
  if (model.msPerToken === 0) {
    const latencyMs = rng.between(40, 220);
    return { latencyMs, firstByteMs: latencyMs };
  }
  const firstByteMs = rng.between(180, 900);
  return { firstByteMs, latencyMs: firstByteMs + Math.round(outputTokens * model.msPerToken * (0.7 + rng.float() * 0.6)) };
}
