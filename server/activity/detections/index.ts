import "server-only";
import type { Detector } from "./detector";
import bedrockKeyDeletion from "./detectors/bedrock-key-deletion";
import bedrockScpRemoved from "./detectors/bedrock-scp-removed";
import cloudtrailBedrockCoverage from "./detectors/cloudtrail-bedrock-coverage";
import customizationJobWithoutCmk from "./detectors/customization-job-without-cmk";
import enforcedGuardrailRemoved from "./detectors/enforced-guardrail-removed";
import guardrailWeakened from "./detectors/guardrail-weakened";
import invocationLoggingDisabled from "./detectors/invocation-logging-disabled";
import llmJacking from "./detectors/llm-jacking";

/** Every detector, imported statically: registry.test.ts proves no file under detectors/ is left out. */
export const DETECTORS: readonly Detector[] = [
  invocationLoggingDisabled,
  guardrailWeakened,
  enforcedGuardrailRemoved,
  cloudtrailBedrockCoverage,
  bedrockKeyDeletion,
  bedrockScpRemoved,
  customizationJobWithoutCmk,
  llmJacking,
];
