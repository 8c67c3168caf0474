import "server-only";
import { UPPER, bucketName, times, when, type Rng } from "./scale-estate-kit";

/**
 * One account × region's Bedrock and Bedrock Agents resources in the wire shapes the fixtures use
 * (GetGuardrail, GetAgent … responses). `key` picks one of the region's KMS keys.
 */

function guardrailVersion(r: Rng, g: { id: string; arn: string; name: string }, version: string, key: () => string) {
  const strength = () => r.pick(["LOW", "MEDIUM", "HIGH"] as const);
  const types = ["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT"].filter(() => r.chance(0.7));
  return {
    name: g.name,
    guardrailId: g.id,
    guardrailArn: g.arn,
    version,
    status: "READY",
    createdAt: when,
    updatedAt: when,
    blockedInputMessaging: "Sorry, I can't help with that.",
    blockedOutputsMessaging: "Sorry, I can't answer that.",
    ...(version !== "DRAFT" && r.chance(0.6) ? { kmsKeyArn: key() } : {}),
    contentPolicy: {
      filters: [
        ...types.map((type) => ({ type, inputStrength: strength(), outputStrength: strength() })),
        ...(r.chance(0.7) ? [{ type: "PROMPT_ATTACK", inputStrength: strength(), outputStrength: "NONE" }] : []),
      ],
      tier: { tierName: r.pick(["CLASSIC", "STANDARD"]) },
    },
    ...(r.chance(0.5)
      ? {
          topicPolicy: {
            topics: [{ name: "investment-advice", definition: "Advice on investing money.", examples: [], type: "DENY" }],
          },
        }
      : {}),
    ...(r.chance(0.4) ? { wordPolicy: { managedWordLists: [{ type: "PROFANITY" }] } } : {}),
    ...(r.chance(0.5)
      ? {
          sensitiveInformationPolicy: {
            piiEntities: [
              { type: "EMAIL", action: "ANONYMIZE" },
              { type: "US_SOCIAL_SECURITY_NUMBER", action: "BLOCK" },
            ],
          },
        }
      : {}),
    ...(r.chance(0.3) ? { contextualGroundingPolicy: { filters: [{ type: "GROUNDING", threshold: 0.75 }] } } : {}),
  };
}

export function bedrockData(r: Rng, account: string, region: string, key: () => string) {
  const arn = (type: string, id: string) => `arn:aws:bedrock:${region}:${account}:${type}/${id}`;
  const guardrails = times(r.int(2, 6), (i) => {
    const id = r.id(12);
    const g = { id, arn: arn("guardrail", id), name: `guardrail-${i}` };
    const versions = ["DRAFT", ...times(r.int(2, 3), (v) => String(v + 1))];
    return { ...g, versions: new Map(versions.map((v) => [v, guardrailVersion(r, g, v, key)])) };
  });
  const guardrailRef = () => {
    const g = r.pick(guardrails);
    return { guardrailIdentifier: g.id, guardrailVersion: r.pick([...g.versions.keys()]) };
  };
  const customModels = times(r.int(0, 3), (i) => ({
    modelArn: arn("custom-model", `amazon.titan-text-express-v1:0:8k/${r.id(12)}`),
    modelName: `tuned-${i}`,
    creationTime: when,
    baseModelArn: `arn:aws:bedrock:${region}::foundation-model/amazon.titan-text-express-v1`,
    baseModelName: "Titan Text G1 - Express",
    jobArn: arn("model-customization-job", r.id(12)),
    ...(r.chance(0.5) ? { modelKmsKeyArn: key() } : {}),
  }));
  const importedModels = times(r.int(0, 2), (i) => ({
    modelArn: arn("imported-model", r.id(12)),
    modelName: `imported-${i}`,
    creationTime: when,
    ...(r.chance(0.5) ? { modelKmsKeyArn: key() } : {}),
  }));
  const customizationJobs = times(r.int(0, 3), (i) => ({
    jobArn: arn("model-customization-job", r.id(12)),
    jobName: `tune-${i}`,
    outputModelName: `tuned-${i}`,
    roleArn: `arn:aws:iam::${account}:role/service/role-${i}`,
    status: r.pick(["Completed", "Failed", "InProgress"]),
    creationTime: when,
    baseModelArn: `arn:aws:bedrock:${region}::foundation-model/amazon.titan-text-express-v1`,
    trainingDataConfig: { s3Uri: `s3://${bucketName("training", 0, account, region)}/data/` },
    outputDataConfig: { s3Uri: `s3://${bucketName("training", 0, account, region)}/out/` },
    hyperParameters: {},
    ...(r.chance(0.5) ? { outputModelKmsKeyArn: key() } : {}),
    ...(r.chance(0.5) ? { vpcConfig: { subnetIds: [`subnet-${r.id(8)}`], securityGroupIds: [`sg-${r.id(8)}`] } } : {}),
  }));
  const batchJobs = times(r.int(0, 4), (i) => ({
    jobArn: arn("model-invocation-job", r.id(12)),
    jobName: `batch-${i}`,
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    roleArn: `arn:aws:iam::${account}:role/service/role-${i}`,
    status: r.pick(["Completed", "InProgress", "Failed"]),
    submitTime: when,
    inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://${bucketName("batch-in", 0, account, region)}/job-${i}/` } },
    outputDataConfig: {
      s3OutputDataConfig: {
        s3Uri: `s3://${bucketName("batch-out", 0, account, region)}/job-${i}/`,
        ...(r.chance(0.5) ? { s3EncryptionKeyId: key() } : {}),
      },
    },
  }));
  const profile = (type: "SYSTEM_DEFINED" | "APPLICATION", i: number) => {
    const id = type === "SYSTEM_DEFINED" ? `us.model-${i}` : r.id(12);
    return {
      inferenceProfileId: id,
      inferenceProfileArn: arn(type === "SYSTEM_DEFINED" ? "inference-profile" : "application-inference-profile", id),
      inferenceProfileName: `${type.toLowerCase()}-${i}`,
      type,
      status: "ACTIVE",
      models: [region, r.pick(["us-east-1", "us-west-2", "eu-central-1"])].map((m) => ({
        modelArn: `arn:aws:bedrock:${m}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`,
      })),
    };
  };
  const logsBucket = bucketName("bedrock-logs", 0, account, region);
  return {
    logging: r.chance(0.75)
      ? {
          loggingConfig: {
            cloudWatchConfig: {
              logGroupName: "/aws/bedrock/model-invocations",
              roleArn: `arn:aws:iam::${account}:role/service/bedrock-logging`,
              ...(r.chance(0.5) ? { largeDataDeliveryS3Config: { bucketName: logsBucket, keyPrefix: "large/" } } : {}),
            },
            ...(r.chance(0.5) ? { s3Config: { bucketName: logsBucket, keyPrefix: "invocations/" } } : {}),
            textDataDeliveryEnabled: true,
            imageDataDeliveryEnabled: r.chance(0.5),
            embeddingDataDeliveryEnabled: r.chance(0.5),
          },
        }
      : {},
    guardrails,
    enforced: r.chance(0.3)
      ? guardrails.slice(0, 1).map((g) => ({
          configId: r.id(8),
          guardrailArn: g.arn,
          guardrailId: g.id,
          guardrailVersion: "1",
          inputTags: "IGNORE",
          owner: "ACCOUNT",
          createdAt: when,
        }))
      : [],
    guardrailRef,
    customModels,
    importedModels,
    customizationJobs,
    batchJobs,
    profiles: {
      SYSTEM_DEFINED: times(r.int(8, 20), (i) => profile("SYSTEM_DEFINED", i)),
      APPLICATION: times(r.int(0, 4), (i) => profile("APPLICATION", i)),
    },
  };
}

export function agentData(r: Rng, account: string, region: string, key: () => string, guardrailRef: () => object) {
  const arn = (type: string, id: string) => `arn:aws:bedrock:${region}:${account}:${type}/${id}`;
  const agents = times(r.int(2, 8), (i) => {
    const agentId = r.id(10, UPPER);
    return {
      agentId,
      agentArn: arn("agent", agentId),
      agentName: `agent-${i}`,
      agentStatus: "PREPARED",
      agentVersion: "DRAFT",
      createdAt: when,
      updatedAt: when,
      agentResourceRoleArn: `arn:aws:iam::${account}:role/service/role-${i}`,
      idleSessionTTLInSeconds: r.pick([600, 1800, 3600]),
      foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
      ...(r.chance(0.5) ? { guardrailConfiguration: guardrailRef() } : {}),
      ...(r.chance(0.4) ? { customerEncryptionKeyArn: key() } : {}),
      aliases: ["TSTALIASID", ...times(r.int(0, 3), () => r.id(10, UPPER))],
    };
  });
  const docBuckets = times(r.int(2, 4), (i) => bucketName("kb-docs", i, account, region));
  const knowledgeBases = times(r.int(2, 6), (i) => {
    const knowledgeBaseId = r.id(10, UPPER);
    return {
      knowledgeBaseId,
      knowledgeBaseArn: arn("knowledge-base", knowledgeBaseId),
      name: `kb-${i}`,
      status: "ACTIVE",
      roleArn: `arn:aws:iam::${account}:role/service/role-${i}`,
      createdAt: when,
      updatedAt: when,
      knowledgeBaseConfiguration: { type: "VECTOR" },
      storageConfiguration: { type: r.pick(["OPENSEARCH_SERVERLESS", "PINECONE", "RDS"]) },
      dataSources: times(r.int(1, 3), (j) => ({
        knowledgeBaseId,
        dataSourceId: r.id(10, UPPER),
        name: `source-${j}`,
        status: "AVAILABLE",
        createdAt: when,
        updatedAt: when,
        dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: `arn:aws:s3:::${r.pick(docBuckets)}` } },
        ...(r.chance(0.5) ? { serverSideEncryptionConfiguration: { kmsKeyArn: key() } } : {}),
      })),
    };
  });
  const prompts = times(r.int(1, 6), (i) => {
    const id = r.id(10, UPPER);
    return {
      id,
      arn: arn("prompt", id),
      name: `prompt-${i}`,
      version: "DRAFT",
      createdAt: when,
      updatedAt: when,
      ...(r.chance(0.3) ? { customerEncryptionKeyArn: key() } : {}),
    };
  });
  const flows = times(r.int(0, 4), (i) => {
    const id = r.id(10, UPPER);
    const kb = r.pick(knowledgeBases);
    return {
      id,
      arn: arn("flow", id),
      name: `flow-${i}`,
      status: "Prepared",
      version: "DRAFT",
      createdAt: when,
      updatedAt: when,
      executionRoleArn: `arn:aws:iam::${account}:role/service/role-${i}`,
      ...(r.chance(0.3) ? { customerEncryptionKeyArn: key() } : {}),
      definition: {
        nodes: [
          { name: "In", type: "Input", outputs: [] },
          {
            name: "Ask",
            type: "Prompt",
            configuration: {
              prompt: {
                sourceConfiguration: { resource: { promptArn: r.pick(prompts).arn } },
                ...(r.chance(0.5) ? { guardrailConfiguration: guardrailRef() } : {}),
              },
            },
          },
          { name: "Kb", type: "KnowledgeBase", configuration: { knowledgeBase: { knowledgeBaseId: kb.knowledgeBaseId } } },
          { name: "Out", type: "Output", outputs: [] },
        ],
      },
    };
  });
  return { agents, knowledgeBases, prompts, flows };
}
