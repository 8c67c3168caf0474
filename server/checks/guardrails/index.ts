import "server-only";
import type { Check } from "../define-check";
import bedrockAgentGuardrail from "./bedrock-agent-guardrail";
import bedrockAgentIdleSessionTtl from "./bedrock-agent-idle-session-ttl";
import bedrockEnforcedGuardrail from "./bedrock-enforced-guardrail";
import bedrockFlowGuardrail from "./bedrock-flow-guardrail";
import bedrockGuardrailAutomatedReasoning from "./bedrock-guardrail-automated-reasoning";
import bedrockGuardrailContentFilters from "./bedrock-guardrail-content-filters";
import bedrockGuardrailContextualGrounding from "./bedrock-guardrail-contextual-grounding";
import bedrockGuardrailDeniedTopics from "./bedrock-guardrail-denied-topics";
import bedrockGuardrailExists from "./bedrock-guardrail-exists";
import bedrockGuardrailPiiEnforces from "./bedrock-guardrail-pii-enforces";
import bedrockGuardrailPiiPolicy from "./bedrock-guardrail-pii-policy";
import bedrockGuardrailPromptAttackHigh from "./bedrock-guardrail-prompt-attack-high";
import bedrockGuardrailStandardTier from "./bedrock-guardrail-standard-tier";
import bedrockGuardrailVersioned from "./bedrock-guardrail-versioned";

export const guardrailsChecks: readonly Check[] = [
  bedrockGuardrailExists,
  bedrockGuardrailContentFilters,
  bedrockGuardrailPromptAttackHigh,
  bedrockGuardrailDeniedTopics,
  bedrockGuardrailPiiPolicy,
  bedrockGuardrailPiiEnforces,
  bedrockGuardrailContextualGrounding,
  bedrockGuardrailStandardTier,
  bedrockGuardrailAutomatedReasoning,
  bedrockGuardrailVersioned,
  bedrockEnforcedGuardrail,
  bedrockAgentGuardrail,
  bedrockFlowGuardrail,
  bedrockAgentIdleSessionTtl,
];
