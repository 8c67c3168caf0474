import "server-only";
import type { Check } from "../define-check";
import bedrockDataResidency from "./bedrock-data-residency";
import bedrockInferenceProfileGeography from "./bedrock-inference-profile-geography";
import bedrockPromptManagementInUse from "./bedrock-prompt-management-in-use";
import orgAiServicesOptOut from "./org-ai-services-opt-out";
import orgBedrockPolicy from "./org-bedrock-policy";
import orgScpRegionRestriction from "./org-scp-region-restriction";
import orgScpRequireGuardrail from "./org-scp-require-guardrail";

export const governanceChecks: readonly Check[] = [
  orgScpRegionRestriction,
  orgScpRequireGuardrail,
  orgAiServicesOptOut,
  orgBedrockPolicy,
  bedrockDataResidency,
  bedrockInferenceProfileGeography,
  bedrockPromptManagementInUse,
];
