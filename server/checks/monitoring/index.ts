import "server-only";
import type { Check } from "../define-check";
import bedrockGuardrailInterventionAlarms from "./bedrock-guardrail-intervention-alarms";
import bedrockRuntimeAlarms from "./bedrock-runtime-alarms";

export const monitoringChecks: readonly Check[] = [bedrockRuntimeAlarms, bedrockGuardrailInterventionAlarms];
