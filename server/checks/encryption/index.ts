import "server-only";
import type { Check } from "../define-check";
import bedrockAgentKmsCmk from "./bedrock-agent-kms-cmk";
import bedrockBatchJobOutputKms from "./bedrock-batch-job-output-kms";
import bedrockCustomModelKmsCmk from "./bedrock-custom-model-kms-cmk";
import bedrockGuardrailKmsCmk from "./bedrock-guardrail-kms-cmk";
import bedrockImportedModelKmsCmk from "./bedrock-imported-model-kms-cmk";
import bedrockKmsKeyPolicyAdmitsBedrock from "./bedrock-kms-key-policy-admits-bedrock";
import bedrockKmsKeyRotation from "./bedrock-kms-key-rotation";
import bedrockKnowledgeBaseBucketSseKms from "./bedrock-knowledge-base-bucket-sse-kms";
import bedrockKnowledgeBaseDataSourceKms from "./bedrock-knowledge-base-data-source-kms";
import bedrockPromptKmsCmk from "./bedrock-prompt-kms-cmk";

export const encryptionChecks: readonly Check[] = [
  bedrockGuardrailKmsCmk,
  bedrockAgentKmsCmk,
  bedrockCustomModelKmsCmk,
  bedrockImportedModelKmsCmk,
  bedrockKnowledgeBaseDataSourceKms,
  bedrockKnowledgeBaseBucketSseKms,
  bedrockPromptKmsCmk,
  bedrockBatchJobOutputKms,
  bedrockKmsKeyPolicyAdmitsBedrock,
  bedrockKmsKeyRotation,
];
