import "server-only";
import { z } from "zod";
import { partSchema } from "./part";

const s3Location = z.object({ bucketName: z.string(), keyPrefix: z.string().optional() });

/** GetModelInvocationLoggingConfiguration; `null` when logging was never configured in the region. */
export const loggingConfigSchema = z
  .object({
    cloudWatchConfig: z
      .object({ logGroupName: z.string(), roleArn: z.string(), largeDataDeliveryS3Config: s3Location.optional() })
      .optional(),
    s3Config: s3Location.optional(),
    textDataDeliveryEnabled: z.boolean().optional(),
    imageDataDeliveryEnabled: z.boolean().optional(),
    embeddingDataDeliveryEnabled: z.boolean().optional(),
    videoDataDeliveryEnabled: z.boolean().optional(),
    audioDataDeliveryEnabled: z.boolean().optional(),
  })
  .nullable();
export type LoggingConfig = z.infer<typeof loggingConfigSchema>;

const action = z.enum(["BLOCK", "NONE"]);
const piiAction = z.enum(["BLOCK", "ANONYMIZE", "NONE"]);
const strength = z.enum(["NONE", "LOW", "MEDIUM", "HIGH"]);
const tier = z.object({ tierName: z.enum(["CLASSIC", "STANDARD"]) });

/** One guardrail version as GetGuardrail returns it (timestamps as ISO strings). */
export const guardrailVersionSchema = z.object({
  version: z.string(),
  status: z.enum(["CREATING", "UPDATING", "VERSIONING", "READY", "FAILED", "DELETING"]),
  kmsKeyArn: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  topicPolicy: z
    .object({
      topics: z.array(
        z.object({
          name: z.string(),
          definition: z.string(),
          examples: z.array(z.string()).optional(),
          type: z.literal("DENY").optional(),
          inputAction: action.optional(),
          outputAction: action.optional(),
          inputEnabled: z.boolean().optional(),
          outputEnabled: z.boolean().optional(),
        }),
      ),
      tier: tier.optional(),
    })
    .optional(),
  contentPolicy: z
    .object({
      filters: z
        .array(
          z.object({
            type: z.enum(["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT", "PROMPT_ATTACK"]),
            inputStrength: strength,
            outputStrength: strength,
            inputAction: action.optional(),
            outputAction: action.optional(),
            inputEnabled: z.boolean().optional(),
            outputEnabled: z.boolean().optional(),
          }),
        )
        .optional(),
      tier: tier.optional(),
    })
    .optional(),
  wordPolicy: z
    .object({
      words: z.array(z.object({ text: z.string(), inputAction: action.optional(), outputAction: action.optional() })).optional(),
      managedWordLists: z
        .array(z.object({ type: z.literal("PROFANITY"), inputAction: action.optional(), outputAction: action.optional() }))
        .optional(),
    })
    .optional(),
  sensitiveInformationPolicy: z
    .object({
      piiEntities: z
        .array(
          z.object({
            type: z.string(),
            action: piiAction,
            inputAction: piiAction.optional(),
            outputAction: piiAction.optional(),
            inputEnabled: z.boolean().optional(),
            outputEnabled: z.boolean().optional(),
          }),
        )
        .optional(),
      regexes: z
        .array(
          z.object({
            name: z.string(),
            pattern: z.string(),
            action: piiAction,
            inputAction: piiAction.optional(),
            outputAction: piiAction.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  contextualGroundingPolicy: z
    .object({
      filters: z.array(
        z.object({
          type: z.enum(["GROUNDING", "RELEVANCE"]),
          threshold: z.number(),
          action: action.optional(),
          enabled: z.boolean().optional(),
        }),
      ),
    })
    .optional(),
  automatedReasoningPolicy: z.object({ policies: z.array(z.string()), confidenceThreshold: z.number().optional() }).optional(),
  crossRegionDetails: z
    .object({ guardrailProfileId: z.string().optional(), guardrailProfileArn: z.string().optional() })
    .optional(),
});
export type GuardrailVersion = z.infer<typeof guardrailVersionSchema>;

/** A guardrail: its DRAFT plus every numbered version (what is deployed is usually a numbered one). */
export const guardrailSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  draft: guardrailVersionSchema,
  versions: z.array(guardrailVersionSchema),
});
export type Guardrail = z.infer<typeof guardrailSchema>;

export const enforcedGuardrailSchema = z.object({
  configId: z.string().optional(),
  guardrailArn: z.string().optional(),
  guardrailId: z.string().optional(),
  guardrailVersion: z.string().optional(),
  inputTags: z.enum(["HONOR", "IGNORE"]).optional(),
  modelEnforcement: z.object({ includedModels: z.array(z.string()), excludedModels: z.array(z.string()) }).optional(),
  owner: z.string().optional(),
});
export type EnforcedGuardrail = z.infer<typeof enforcedGuardrailSchema>;

const guardrailRef = z.object({ guardrailIdentifier: z.string(), guardrailVersion: z.string() });

export const agentSchema = z.object({
  agentId: z.string(),
  agentArn: z.string(),
  agentName: z.string(),
  agentStatus: z.string(),
  agentResourceRoleArn: z.string(),
  foundationModel: z.string().optional(),
  idleSessionTTLInSeconds: z.number(),
  customerEncryptionKeyArn: z.string().optional(),
  guardrailConfiguration: guardrailRef.optional(),
  aliases: z.array(z.object({ agentAliasId: z.string(), agentAliasName: z.string() })),
});
export type Agent = z.infer<typeof agentSchema>;

export const dataSourceSchema = z.object({
  dataSourceId: z.string(),
  name: z.string(),
  status: z.string(),
  /** s3 data sources only: the bucket ARN the KB ingests from. */
  bucketArn: z.string().optional(),
  kmsKeyArn: z.string().optional(),
});

export const knowledgeBaseSchema = z.object({
  knowledgeBaseId: z.string(),
  knowledgeBaseArn: z.string(),
  name: z.string(),
  status: z.string(),
  roleArn: z.string(),
  storageType: z.string(),
  dataSources: z.array(dataSourceSchema),
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;

export const customModelSchema = z.object({
  modelArn: z.string(),
  modelName: z.string(),
  baseModelArn: z.string().optional(),
  modelKmsKeyArn: z.string().optional(),
  jobArn: z.string().optional(),
  creationTime: z.string(),
});
export type CustomModel = z.infer<typeof customModelSchema>;

export const importedModelSchema = z.object({
  modelArn: z.string(),
  modelName: z.string(),
  modelKmsKeyArn: z.string().optional(),
  creationTime: z.string(),
});
export type ImportedModel = z.infer<typeof importedModelSchema>;

export const promptSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  customerEncryptionKeyArn: z.string().optional(),
});
export type Prompt = z.infer<typeof promptSchema>;

export const flowNodeSchema = z.object({
  name: z.string(),
  type: z.string(),
  /** Prompt and KnowledgeBase nodes may carry a guardrail. */
  guardrailConfiguration: guardrailRef.optional(),
});

export const flowSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  status: z.string(),
  executionRoleArn: z.string(),
  customerEncryptionKeyArn: z.string().optional(),
  nodes: z.array(flowNodeSchema),
});
export type Flow = z.infer<typeof flowSchema>;

export const inferenceProfileSchema = z.object({
  inferenceProfileId: z.string(),
  inferenceProfileArn: z.string(),
  inferenceProfileName: z.string(),
  type: z.enum(["SYSTEM_DEFINED", "APPLICATION"]),
  status: z.string(),
  /** Model ARNs the profile routes to; their regions are where requests may be served. */
  models: z.array(z.object({ modelArn: z.string() })),
});
export type InferenceProfile = z.infer<typeof inferenceProfileSchema>;

export const customizationJobSchema = z.object({
  jobArn: z.string(),
  jobName: z.string(),
  status: z.string(),
  outputModelKmsKeyArn: z.string().optional(),
  vpcConfig: z.object({ subnetIds: z.array(z.string()), securityGroupIds: z.array(z.string()) }).optional(),
  creationTime: z.string(),
});
export type CustomizationJob = z.infer<typeof customizationJobSchema>;

export const batchJobSchema = z.object({
  jobArn: z.string(),
  jobName: z.string(),
  status: z.string(),
  outputS3Uri: z.string(),
  outputS3EncryptionKeyId: z.string().optional(),
  vpcConfig: z.object({ subnetIds: z.array(z.string()), securityGroupIds: z.array(z.string()) }).optional(),
  submitTime: z.string(),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

export const bedrockInventorySchema = z.object({
  loggingConfig: partSchema(loggingConfigSchema),
  guardrails: partSchema(z.array(guardrailSchema)),
  enforcedGuardrails: partSchema(z.array(enforcedGuardrailSchema)),
  agents: partSchema(z.array(agentSchema)),
  knowledgeBases: partSchema(z.array(knowledgeBaseSchema)),
  customModels: partSchema(z.array(customModelSchema)),
  importedModels: partSchema(z.array(importedModelSchema)),
  prompts: partSchema(z.array(promptSchema)),
  flows: partSchema(z.array(flowSchema)),
  inferenceProfiles: partSchema(z.array(inferenceProfileSchema)),
  customizationJobs: partSchema(z.array(customizationJobSchema)),
  batchJobs: partSchema(z.array(batchJobSchema)),
});
