import "server-only";
import { type FakeAws, page } from "./fake-aws";

const ACCOUNT = "111122223333";
const arn = (type: string, id: string) => `arn:aws:bedrock:us-east-1:${ACCOUNT}:${type}/${id}`;
const when = "2025-03-04T05:06:07Z";

/** Guardrail g<i> has numbered versions 1..i, so pagination of versions is exercised too. */
const GUARDRAIL_IDS = ["g1", "g2", "g3"];

function guardrailVersion(id: string, version: string) {
  return {
    name: `guardrail-${id}`,
    guardrailId: id,
    guardrailArn: arn("guardrail", id),
    version,
    status: "READY",
    createdAt: when,
    updatedAt: when,
    blockedInputMessaging: "no",
    blockedOutputsMessaging: "no",
    kmsKeyArn: version === "DRAFT" ? undefined : `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-${id}`,
    contentPolicy: {
      filters: [{ type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" }],
      tier: { tierName: "STANDARD" },
    },
  };
}

/** Registers Bedrock (control plane) handlers with page size 2, so every list needs several pages. */
export function addBedrock(fake: FakeAws, pageSize = 2): FakeAws {
  return fake
    .rest("bedrock", "GetModelInvocationLoggingConfiguration", "GET /logging/modelinvocations", () => ({
      loggingConfig: {
        cloudWatchConfig: { logGroupName: "/bedrock/invocations", roleArn: `arn:aws:iam::${ACCOUNT}:role/log` },
        textDataDeliveryEnabled: true,
      },
    }))
    .rest("bedrock", "ListGuardrails", "GET /guardrails", (req) => {
      const id = req.input.guardrailIdentifier;
      const all =
        typeof id === "string"
          ? ["DRAFT", ...Array.from({ length: GUARDRAIL_IDS.indexOf(id) + 1 }, (_, i) => String(i + 1))].map((v) => ({
              id,
              version: v,
            }))
          : GUARDRAIL_IDS.map((g) => ({ id: g, version: "DRAFT" }));
      const p = page(all, req.input.nextToken, pageSize);
      return {
        guardrails: p.items.map((g) => ({
          id: g.id,
          arn: arn("guardrail", g.id),
          name: `guardrail-${g.id}`,
          status: "READY",
          version: g.version,
          createdAt: when,
          updatedAt: when,
        })),
        nextToken: p.next,
      };
    })
    .rest("bedrock", "GetGuardrail", "GET /guardrails/{guardrailIdentifier}", (req) =>
      guardrailVersion(String(req.input.guardrailIdentifier), String(req.input.guardrailVersion ?? "DRAFT")),
    )
    .rest("bedrock", "ListEnforcedGuardrailsConfiguration", "GET /enforcedGuardrailsConfiguration", () => ({
      guardrailsConfig: [
        {
          configId: "c1",
          guardrailArn: arn("guardrail", "g1"),
          guardrailId: "g1",
          guardrailVersion: "1",
          inputTags: "IGNORE",
          owner: "ACCOUNT",
          createdAt: when,
        },
      ],
    }))
    .rest("bedrock", "ListCustomModels", "GET /custom-models", (req) => {
      const p = page(["m1", "m2", "m3"], req.input.nextToken, pageSize);
      return {
        modelSummaries: p.items.map((m) => ({
          modelArn: arn("custom-model", m),
          modelName: m,
          creationTime: when,
          baseModelArn: "base",
          baseModelName: "b",
        })),
        nextToken: p.next,
      };
    })
    .rest("bedrock", "GetCustomModel", "GET /custom-models/{modelIdentifier}", (req) => ({
      modelArn: req.input.modelIdentifier,
      modelName: "m",
      creationTime: when,
      modelKmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/cm`,
      jobArn: arn("model-customization-job", "j1"),
    }))
    .rest("bedrock", "ListImportedModels", "GET /imported-models", () => ({
      modelSummaries: [{ modelArn: arn("imported-model", "i1"), modelName: "i1", creationTime: when }],
    }))
    .rest("bedrock", "GetImportedModel", "GET /imported-models/{modelIdentifier}", (req) => ({
      modelArn: req.input.modelIdentifier,
      modelName: "i1",
      creationTime: when,
    }))
    .rest("bedrock", "ListInferenceProfiles", "GET /inference-profiles", (req) => ({
      inferenceProfileSummaries: [
        {
          inferenceProfileId: `p-${String(req.input.type)}`,
          inferenceProfileArn: arn("inference-profile", `p-${String(req.input.type)}`),
          inferenceProfileName: "p",
          type: req.input.type,
          status: "ACTIVE",
          models: [{ modelArn: "arn:aws:bedrock:eu-west-1::foundation-model/x" }],
        },
      ],
    }))
    .rest("bedrock", "ListModelCustomizationJobs", "GET /model-customization-jobs", () => ({
      modelCustomizationJobSummaries: [
        {
          jobArn: arn("model-customization-job", "j1"),
          jobName: "j1",
          status: "Completed",
          creationTime: when,
          baseModelArn: "base",
        },
      ],
    }))
    .rest("bedrock", "GetModelCustomizationJob", "GET /model-customization-jobs/{jobIdentifier}", (req) => ({
      jobArn: req.input.jobIdentifier,
      jobName: "j1",
      outputModelName: "o",
      roleArn: "r",
      status: "Completed",
      creationTime: when,
      baseModelArn: "base",
      trainingDataConfig: { s3Uri: "s3://t/" },
      outputDataConfig: { s3Uri: "s3://o/" },
      hyperParameters: {},
      vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
    }))
    .rest("bedrock", "ListModelInvocationJobs", "GET /model-invocation-jobs", () => ({
      invocationJobSummaries: [
        {
          jobArn: arn("model-invocation-job", "b1"),
          jobName: "b1",
          modelId: "x",
          roleArn: "r",
          status: "Completed",
          submitTime: when,
          inputDataConfig: { s3InputDataConfig: { s3Uri: "s3://in/" } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: "s3://out/", s3EncryptionKeyId: "k" } },
        },
      ],
    }));
}
