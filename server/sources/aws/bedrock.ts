import "server-only";
import {
  GetCustomModelCommand,
  GetGuardrailCommand,
  GetImportedModelCommand,
  GetModelCustomizationJobCommand,
  GetModelInvocationLoggingConfigurationCommand,
  paginateListCustomModels,
  paginateListEnforcedGuardrailsConfiguration,
  paginateListGuardrails,
  paginateListImportedModels,
  paginateListInferenceProfiles,
  paginateListModelCustomizationJobs,
  paginateListModelInvocationJobs,
  type BedrockClient,
} from "@aws-sdk/client-bedrock";
import type { bedrockInventorySchema } from "@/server/inventory/bedrock";
import type { z } from "zod";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, drain, inOrder, jsonify, mapLimit, type CollectContext, type RawSection } from "./collect-kit";

type BedrockPartName = Exclude<keyof z.infer<typeof bedrockInventorySchema>, "agents" | "knowledgeBases" | "prompts" | "flows">;

const GUARDRAIL_VERSION_FIELDS = [
  "version",
  "status",
  "kmsKeyArn",
  "createdAt",
  "updatedAt",
  "topicPolicy",
  "contentPolicy",
  "wordPolicy",
  "sensitiveInformationPolicy",
  "contextualGroundingPolicy",
  "automatedReasoningPolicy",
  "crossRegionDetails",
] as const;

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(source).filter(([k]) => keys.includes(k));
  return jsonify(Object.fromEntries(entries)) as Record<string, unknown>;
}

async function guardrailVersion(client: BedrockClient, id: string, version: string) {
  const out = await call(
    "bedrock:GetGuardrail",
    client.send(new GetGuardrailCommand({ guardrailIdentifier: id, guardrailVersion: version })),
  );
  return pick(out, GUARDRAIL_VERSION_FIELDS);
}

/** DRAFT plus every numbered version: what runtimes enforce is usually a numbered version, not DRAFT. */
async function guardrails(client: BedrockClient) {
  const drafts = await drain(paginateListGuardrails({ client }, {}), (p) => p.guardrails);
  return mapLimit(drafts, PER_SERVICE_CONCURRENCY, async (g) => {
    const id = g.id ?? "";
    // DRAFT always exists, so it is read while the numbered versions are listed.
    const [versions, draft] = await inOrder(
      drain(paginateListGuardrails({ client }, { guardrailIdentifier: id }), (p) => p.guardrails).then((listed) => {
        const numbered = listed.map((v) => v.version ?? "DRAFT").filter((v) => v !== "DRAFT");
        return mapLimit(numbered, PER_SERVICE_CONCURRENCY, (v) => guardrailVersion(client, id, v));
      }),
      guardrailVersion(client, id, "DRAFT"),
    );
    return { id, arn: g.arn, name: g.name, draft, versions };
  });
}

/** Both profile types: the unfiltered listing returns only SYSTEM_DEFINED ones. */
async function inferenceProfiles(client: BedrockClient) {
  const byType = await Promise.all(
    (["SYSTEM_DEFINED", "APPLICATION"] as const).map((typeEquals) =>
      drain(paginateListInferenceProfiles({ client }, { typeEquals }), (p) => p.inferenceProfileSummaries),
    ),
  );
  return byType
    .flat()
    .map((p) => pick(p, ["inferenceProfileId", "inferenceProfileArn", "inferenceProfileName", "type", "status", "models"]));
}

async function customModels(client: BedrockClient) {
  const listed = await drain(paginateListCustomModels({ client }, {}), (p) => p.modelSummaries);
  // The KMS key and training job are only on GetCustomModel.
  return mapLimit(listed, PER_SERVICE_CONCURRENCY, async (m) => {
    const out = await call(
      "bedrock:GetCustomModel",
      client.send(new GetCustomModelCommand({ modelIdentifier: m.modelArn ?? "" })),
    );
    return pick(out, ["modelArn", "modelName", "baseModelArn", "modelKmsKeyArn", "jobArn", "creationTime"]);
  });
}

async function importedModels(client: BedrockClient) {
  const listed = await drain(paginateListImportedModels({ client }, {}), (p) => p.modelSummaries);
  return mapLimit(listed, PER_SERVICE_CONCURRENCY, async (m) => {
    const out = await call(
      "bedrock:GetImportedModel",
      client.send(new GetImportedModelCommand({ modelIdentifier: m.modelArn ?? "" })),
    );
    return pick(out, ["modelArn", "modelName", "modelKmsKeyArn", "creationTime"]);
  });
}

async function customizationJobs(client: BedrockClient) {
  const listed = await drain(paginateListModelCustomizationJobs({ client }, {}), (p) => p.modelCustomizationJobSummaries);
  return mapLimit(listed, PER_SERVICE_CONCURRENCY, async (j) => {
    const out = await call(
      "bedrock:GetModelCustomizationJob",
      client.send(new GetModelCustomizationJobCommand({ jobIdentifier: j.jobArn ?? "" })),
    );
    return pick(out, ["jobArn", "jobName", "status", "outputModelKmsKeyArn", "vpcConfig", "creationTime"]);
  });
}

async function batchJobs(client: BedrockClient) {
  const listed = await drain(paginateListModelInvocationJobs({ client }, {}), (p) => p.invocationJobSummaries);
  return listed.map((j) => ({
    ...pick(j, ["jobArn", "jobName", "status", "vpcConfig", "submitTime"]),
    outputS3Uri: j.outputDataConfig?.s3OutputDataConfig?.s3Uri,
    outputS3EncryptionKeyId: j.outputDataConfig?.s3OutputDataConfig?.s3EncryptionKeyId,
  }));
}

export async function collectBedrock(
  clients: { bedrock: BedrockClient },
  ctx: CollectContext,
): Promise<RawSection<BedrockPartName>> {
  const client = clients.bedrock;
  const signal = ctx.signal;
  const [
    loggingConfig,
    guardrailsPart,
    enforcedGuardrails,
    customModelsPart,
    importedModelsPart,
    profiles,
    customization,
    batch,
  ] = await Promise.all([
    collectPart("bedrock:GetModelInvocationLoggingConfiguration", async () => {
      const out = await client.send(new GetModelInvocationLoggingConfigurationCommand({}), { abortSignal: signal });
      // Absent configuration means logging was never set up in this region: `null`, not an error.
      return out.loggingConfig === undefined ? null : jsonify(out.loggingConfig);
    }),
    collectPart("bedrock:ListGuardrails", () => guardrails(client)),
    collectPart("bedrock:ListEnforcedGuardrailsConfiguration", async () =>
      jsonify(await drain(paginateListEnforcedGuardrailsConfiguration({ client }, {}), (p) => p.guardrailsConfig)),
    ),
    collectPart("bedrock:ListCustomModels", () => customModels(client)),
    collectPart("bedrock:ListImportedModels", () => importedModels(client)),
    collectPart("bedrock:ListInferenceProfiles", () => inferenceProfiles(client)),
    collectPart("bedrock:ListModelCustomizationJobs", () => customizationJobs(client)),
    collectPart("bedrock:ListModelInvocationJobs", () => batchJobs(client)),
  ]);
  return {
    loggingConfig,
    guardrails: guardrailsPart,
    enforcedGuardrails,
    customModels: customModelsPart,
    importedModels: importedModelsPart,
    inferenceProfiles: profiles,
    customizationJobs: customization,
    batchJobs: batch,
  };
}
