import "server-only";
import type { DemoRegion } from "@/server/sources/demo/accounts";
import type { Call, Operation } from "./bodies";
import type { Invocation } from "./generate";
import { latencies } from "./calls";
import { ATTACKER_MODELS, MODELS, type ModelChoice } from "./models";
import { type Rng, Weighted } from "./random";
import { scenarioPools } from "./scenarios";
import { STOLEN_KEY_ARN } from "./workloads";

// The story: dev-jmorales's access key leaks. At night someone resells it: expensive models the
// organisation never enabled, both regions (and cross-region profiles), long outputs, and a wall of
// errors while they probe what the key can reach.

const REGIONS = new Weighted<DemoRegion>([
  ["eu-west-1", 3],
  ["us-east-1", 2],
]);
const TARGETS = new Weighted<ModelChoice>([
  [ATTACKER_MODELS.opus, 3],
  [ATTACKER_MODELS.opusUs, 2],
  [ATTACKER_MODELS.opus3, 2],
  [ATTACKER_MODELS.llama405b, 2],
  [ATTACKER_MODELS.mistralLarge, 1],
  [MODELS.sonnetGlobal, 1],
]);
const OPERATIONS = new Weighted<Operation>([
  ["InvokeModel", 5],
  ["InvokeModelWithResponseStream", 4],
  ["Converse", 1],
]);
const PROBE_ERRORS = new Weighted<string>([
  ["AccessDeniedException", 4],
  ["ValidationException", 3],
  ["ResourceNotFoundException", 2],
  ["ThrottlingException", 2],
]);

function errorFor(rng: Rng, model: ModelChoice, region: DemoRegion): string | null {
  // Model access was never granted for these; an old model id is gone from Ireland.
  if (model === ATTACKER_MODELS.mistralLarge) return "AccessDeniedException";
  if (model === ATTACKER_MODELS.opus3) return region === "eu-west-1" ? "ResourceNotFoundException" : "AccessDeniedException";
  return rng.chance(0.3) ? PROBE_ERRORS.draw(rng) : null;
}

export function stolenCall(rng: Rng): Invocation {
  const region = REGIONS.draw(rng);
  const model = TARGETS.draw(rng);
  const op: Operation = model.family === "mistral" ? "InvokeModel" : OPERATIONS.draw(rng);
  const scenario = rng.pick(scenarioPools().attacker);
  const outputTokens = rng.between(1_500, 4_000);
  const call: Call = {
    op,
    model,
    system: "",
    prompt: scenario.prompt,
    shown: scenario.response,
    stopReason: rng.chance(0.4) ? "max_tokens" : "end_turn",
    inputTokens: scenario.inputTokens + rng.between(200, 3_000),
    outputTokens,
    ...latencies(rng, model, outputTokens),
    guardrailConfig: null,
    trace: null,
    intervened: false,
    streamSentinel: rng.chance(0.3),
  };
  return {
    account: "sandbox",
    region,
    principal: STOLEN_KEY_ARN,
    model,
    call,
    errorCode: errorFor(rng, model, region),
    metadata: null,
    offload: { input: false, output: false },
  };
}
