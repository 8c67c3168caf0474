import "server-only";

/**
 * Names that more than one module refers to (a KB names its role and bucket, IAM defines the role,
 * S3 defines the bucket). Keeping them here is what the cross-reference test leans on.
 */
export const PROD = {
  roles: {
    agentNavigator: "AmazonBedrockExecutionRoleForAgents_PatientNavigator",
    agentPriorAuth: "AmazonBedrockExecutionRoleForAgents_PriorAuth",
    kbFormulary: "AmazonBedrockExecutionRoleForKnowledgeBase_ClinicalFormulary",
    kbCarePathways: "AmazonBedrockExecutionRoleForKnowledgeBase_CarePathways",
    kbFormularyEu: "AmazonBedrockExecutionRoleForKnowledgeBase_ClinicalFormularyEu",
    flowDischarge: "AmazonBedrockFlowsExecutionRole_DischargeSummary",
    invocationLogging: "halcyon-bedrock-invocation-logging",
    clinicalNotesTask: "halcyon-clinical-notes-api-task",
    triageLambda: "halcyon-triage-summarizer-lambda",
    batchInference: "halcyon-bedrock-batch-inference",
    customization: "halcyon-bedrock-model-customization",
  },
  buckets: {
    logsUse1: "halcyon-prod-bedrock-invocation-logs-use1",
    logsEuw1: "halcyon-prod-bedrock-invocation-logs-euw1",
    formularyUse1: "halcyon-prod-formulary-kb-use1",
    carePathwaysUse1: "halcyon-prod-care-pathways-kb-use1",
    formularyEuw1: "halcyon-prod-formulary-kb-euw1",
    cloudtrail: "halcyon-prod-cloudtrail-audit",
    batchUse1: "halcyon-prod-batch-inference-use1",
    artifactsUse1: "halcyon-prod-model-artifacts-use1",
    accessLogsUse1: "halcyon-prod-s3-access-logs-use1",
    accessLogsEuw1: "halcyon-prod-s3-access-logs-euw1",
  },
  logGroups: {
    invocationsUse1: "/aws/bedrock/halcyon-prod/model-invocations",
    invocationsEuw1: "/aws/bedrock/halcyon-prod-eu/model-invocations",
  },
} as const;

export const STAGING = {
  roles: {
    agentNavigator: "AmazonBedrockExecutionRoleForAgents_PatientNavigatorStg",
    kbFormulary: "AmazonBedrockExecutionRoleForKnowledgeBase_ClinicalFormularyStg",
    flowDischarge: "AmazonBedrockFlowsExecutionRole_DischargeSummaryStg",
    batchInference: "halcyon-stg-bedrock-batch-inference",
  },
  buckets: {
    logs: "halcyon-staging-bedrock-logs",
    formulary: "halcyon-staging-formulary-kb",
    cloudtrail: "halcyon-staging-cloudtrail",
    batch: "halcyon-staging-batch-inference",
    artifacts: "halcyon-staging-model-artifacts",
  },
} as const;

export const SANDBOX = {
  roles: {
    agents: "sandbox-bedrock-agents",
    kbResearch: "AmazonBedrockExecutionRoleForKnowledgeBase_research",
    invocationLogging: "sandbox-bedrock-logging",
  },
  buckets: {
    researchCorpus: "halcyon-sandbox-research-corpus-apse2",
    scratch: "halcyon-sandbox-scratch",
    cloudtrail: "halcyon-sandbox-cloudtrail",
    modelImports: "halcyon-sandbox-model-imports",
  },
  logGroups: { invocations: "/aws/bedrock/sandbox-invocations" },
} as const;

/** Customer managed key aliases (without `alias/`), per account × region; the KMS module defines them. */
export const KEY = {
  prodWorkloads: "bedrock-workloads",
  prodKnowledgeBases: "bedrock-knowledge-bases",
  prodInvocationLogs: "invocation-logs",
  prodCloudtrail: "cloudtrail",
  prodBatch: "batch-inference",
  stagingFlows: "staging-bedrock-flows",
  stagingBatch: "staging-batch-inference",
  sandboxModels: "sandbox-models",
  sandboxEuScratch: "sandbox-eu-scratch",
} as const;
