import "server-only";
import type { BatchJob, CustomModel, CustomizationJob, ImportedModel, InferenceProfile } from "@/server/inventory/bedrock";
import { daysAgo, type DemoContext } from "../accounts";
import { applicationProfile, ec2Id, foundationModelArn, kmsKey } from "../arns";
import { KEY, PROD, SANDBOX, STAGING } from "../names";
import { stableId } from "../prng";
import { MODEL, profileModels } from "./catalog";

function jobArn(ctx: DemoContext, base: string, name: string): string {
  return `arn:aws:bedrock:${ctx.region}:${ctx.account.id}:model-customization-job/${base}/${stableId.lower(`${ctx.account.id}/${ctx.region}/job/${name}`, 12)}`;
}

function customModelArn(ctx: DemoContext, base: string, name: string): string {
  return `arn:aws:bedrock:${ctx.region}:${ctx.account.id}:custom-model/${base}/${stableId.lower(`${ctx.account.id}/${ctx.region}/custom-model/${name}`, 12)}`;
}

function jobsVpc(ctx: DemoContext) {
  const { id } = ctx.account;
  return {
    subnetIds: ["a", "b"].map((az) => ec2Id("subnet", id, ctx.region, `private-${az}`)),
    securityGroupIds: [ec2Id("sg", id, ctx.region, "bedrock-jobs")],
  };
}

type Customization = { job: string; model: string; base: string; cmk?: string; vpc: boolean; ageDays: number };

function customizationsFor(ctx: DemoContext): Customization[] {
  if (ctx.region !== "us-east-1") return [];
  switch (ctx.account.key) {
    case "prod":
      return [
        {
          job: "triage-classifier-ft-2026-09",
          model: "triage-classifier-nova-lite-2026-09",
          base: MODEL.novaLite300k,
          cmk: KEY.prodWorkloads,
          vpc: true,
          ageDays: 71,
        },
      ];
    case "staging":
      return [
        { job: "triage-ft-exp7", model: "triage-classifier-nova-lite-exp7", base: MODEL.novaLite300k, vpc: false, ageDays: 19 },
      ];
    case "sandbox":
      return [
        {
          job: "llama-ft-test-job",
          model: "llama-ft-test",
          base: `${MODEL.llama31_8b}:128k`,
          cmk: KEY.sandboxModels,
          vpc: false,
          ageDays: 160,
        },
      ];
  }
}

export function customizationJobsFor(ctx: DemoContext): CustomizationJob[] {
  return customizationsFor(ctx).map((c) => ({
    jobArn: jobArn(ctx, c.base, c.job),
    jobName: c.job,
    status: "Completed",
    ...(c.cmk ? { outputModelKmsKeyArn: kmsKey(ctx.account.id, ctx.region, c.cmk).arn } : {}),
    ...(c.vpc ? { vpcConfig: jobsVpc(ctx) } : {}),
    creationTime: daysAgo(ctx.now, c.ageDays + 1),
  }));
}

export function customModelsFor(ctx: DemoContext): CustomModel[] {
  return customizationsFor(ctx).map((c) => ({
    modelArn: customModelArn(ctx, c.base, c.model),
    modelName: c.model,
    baseModelArn: foundationModelArn(ctx.region, c.base),
    ...(c.cmk ? { modelKmsKeyArn: kmsKey(ctx.account.id, ctx.region, c.cmk).arn } : {}),
    jobArn: jobArn(ctx, c.base, c.job),
    creationTime: daysAgo(ctx.now, c.ageDays),
  }));
}

export function importedModelsFor(ctx: DemoContext): ImportedModel[] {
  if (ctx.region !== "us-east-1") return [];
  const arn = (name: string) =>
    `arn:aws:bedrock:${ctx.region}:${ctx.account.id}:imported-model/${stableId.lower(`${ctx.account.id}/${ctx.region}/imported/${name}`, 12)}`;
  if (ctx.account.key === "prod") {
    const name = "halcyon-med-llama-8b";
    return [
      {
        modelArn: arn(name),
        modelName: name,
        modelKmsKeyArn: kmsKey(ctx.account.id, ctx.region, KEY.prodWorkloads).arn,
        creationTime: daysAgo(ctx.now, 54),
      },
    ];
  }
  if (ctx.account.key === "sandbox") {
    const name = "mistral-7b-import-test";
    return [{ modelArn: arn(name), modelName: name, creationTime: daysAgo(ctx.now, 97) }];
  }
  return [];
}

function appProfile(ctx: DemoContext, name: string, models: { modelArn: string }[]): InferenceProfile {
  const ref = applicationProfile(ctx.account.id, ctx.region, name);
  return {
    inferenceProfileId: ref.id,
    inferenceProfileArn: ref.arn,
    inferenceProfileName: name,
    type: "APPLICATION",
    status: "ACTIVE",
    models,
  };
}

/** Application inference profiles (cost allocation per workload); system profiles come from the catalog. */
export function applicationProfilesFor(ctx: DemoContext): InferenceProfile[] {
  const { key } = ctx.account;
  if (key === "prod" && ctx.region === "us-east-1") {
    return [
      appProfile(ctx, "clinical-notes-sonnet", profileModels("us-east-1", "us", MODEL.sonnet45)),
      appProfile(ctx, "prior-auth-haiku", profileModels("us-east-1", "us", MODEL.haiku45)),
    ];
  }
  // In-region only: the EU workload must not leave Ireland, so no geographic profile here.
  if (key === "prod")
    return [appProfile(ctx, "clinical-notes-eu", [{ modelArn: foundationModelArn("eu-west-1", MODEL.haiku3) }])];
  if (key === "staging" && ctx.region === "us-east-1")
    return [appProfile(ctx, "clinical-notes-sonnet-stg", profileModels("us-east-1", "us", MODEL.sonnet45))];
  if (key === "staging") return [appProfile(ctx, "eu-experiments-global", profileModels("eu-west-1", "global", MODEL.sonnet45))];
  return [];
}

export function batchJobsFor(ctx: DemoContext): BatchJob[] {
  if (ctx.region !== "us-east-1") return [];
  const arn = (name: string) =>
    `arn:aws:bedrock:${ctx.region}:${ctx.account.id}:model-invocation-job/${stableId.lower(`${ctx.account.id}/batch/${name}`, 12)}`;
  const key = (alias: string) => kmsKey(ctx.account.id, ctx.region, alias).arn;
  switch (ctx.account.key) {
    case "prod": {
      const day = daysAgo(ctx.now, 1).slice(0, 10);
      const name = `nightly-chart-summaries-${day}`;
      return [
        {
          jobArn: arn(name),
          jobName: name,
          status: "Completed",
          outputS3Uri: `s3://${PROD.buckets.batchUse1}/output/${day}/`,
          outputS3EncryptionKeyId: key(KEY.prodBatch),
          vpcConfig: jobsVpc(ctx),
          submitTime: daysAgo(ctx.now, 1, -2),
        },
      ];
    }
    case "staging":
      return [
        {
          jobArn: arn("chart-summaries-backfill"),
          jobName: "chart-summaries-backfill",
          status: "Completed",
          outputS3Uri: `s3://${STAGING.buckets.batch}/backfill/`,
          outputS3EncryptionKeyId: key(KEY.stagingBatch),
          submitTime: daysAgo(ctx.now, 15),
        },
      ];
    case "sandbox":
      return [
        {
          jobArn: arn("test-batch-1"),
          jobName: "test-batch-1",
          status: "Failed",
          outputS3Uri: `s3://${SANDBOX.buckets.scratch}/batch-out/`,
          submitTime: daysAgo(ctx.now, 44),
        },
      ];
  }
}
