import "server-only";
import type { Flow, Prompt } from "@/server/inventory/bedrock";
import type { DemoContext } from "../accounts";
import { flow, guardrail, kmsKey, prompt, roleArn } from "../arns";
import { KEY, PROD, STAGING } from "../names";

function buildPrompt(ctx: DemoContext, name: string, cmk?: string): Prompt {
  const ref = prompt(ctx.account.id, ctx.region, name);
  return {
    id: ref.id,
    arn: ref.arn,
    name,
    ...(cmk ? { customerEncryptionKeyArn: kmsKey(ctx.account.id, ctx.region, cmk).arn } : {}),
  };
}

export function promptsFor(ctx: DemoContext): Prompt[] {
  const { key } = ctx.account;
  if (key === "prod" && ctx.region === "us-east-1") {
    return [buildPrompt(ctx, "discharge-summary", KEY.prodWorkloads), buildPrompt(ctx, "triage-intake", KEY.prodWorkloads)];
  }
  if (key === "prod") return [buildPrompt(ctx, "discharge-summary-eu", KEY.prodWorkloads)];
  if (key === "staging" && ctx.region === "us-east-1") return [buildPrompt(ctx, "discharge-summary-rc")];
  // Somebody tried Prompt Management in Ireland with a scratch key; that region's KMS is not readable.
  if (key === "sandbox" && ctx.region === "eu-west-1") return [buildPrompt(ctx, "eu-test-prompt", KEY.sandboxEuScratch)];
  return [];
}

type Guard = { name: string; version: string };

function dischargeFlow(
  ctx: DemoContext,
  name: string,
  role: string,
  cmk: string,
  promptGuard: Guard | null,
  kbGuard: Guard,
): Flow {
  const { id: accountId } = ctx.account;
  const ref = flow(accountId, ctx.region, name);
  const withGuard = (g: Guard | null) =>
    g
      ? {
          guardrailConfiguration: {
            guardrailIdentifier: guardrail(accountId, ctx.region, g.name).id,
            guardrailVersion: g.version,
          },
        }
      : {};
  return {
    id: ref.id,
    arn: ref.arn,
    name,
    status: "Prepared",
    executionRoleArn: roleArn(accountId, role, "/service-role/"),
    customerEncryptionKeyArn: kmsKey(accountId, ctx.region, cmk).arn,
    nodes: [
      { name: "FlowInputNode", type: "Input" },
      { name: "RetrieveCarePathways", type: "KnowledgeBase", ...withGuard(kbGuard) },
      { name: "DraftSummary", type: "Prompt", ...withGuard(promptGuard) },
      { name: "FlowOutputNode", type: "Output" },
    ],
  };
}

export function flowsFor(ctx: DemoContext): Flow[] {
  if (ctx.region !== "us-east-1") return [];
  if (ctx.account.key === "prod") {
    const g = { name: "phi-clinical-assistant", version: "3" };
    return [dischargeFlow(ctx, "discharge-summary-flow", PROD.roles.flowDischarge, KEY.prodWorkloads, g, g)];
  }
  if (ctx.account.key === "staging") {
    // The prompt node was swapped for a new template and lost its guardrail on the way.
    const g = { name: "clinical-assistant-staging", version: "5" };
    return [dischargeFlow(ctx, "discharge-summary-flow-stg", STAGING.roles.flowDischarge, KEY.stagingFlows, null, g)];
  }
  return [];
}
