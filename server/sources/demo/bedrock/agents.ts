import "server-only";
import type { Agent } from "@/server/inventory/bedrock";
import type { DemoContext } from "../accounts";
import { agent, guardrail, kmsKey, roleArn } from "../arns";
import { KEY, PROD, SANDBOX, STAGING } from "../names";
import { stableId } from "../prng";
import { MODEL } from "./catalog";

type AgentSpec = {
  name: string;
  role: string;
  model: string;
  ttl: number;
  cmk?: string;
  guardrail?: { name: string; version: string };
  aliases: string[];
};

function build(ctx: DemoContext, spec: AgentSpec): Agent {
  const { id: accountId } = ctx.account;
  const ref = agent(accountId, ctx.region, spec.name);
  const g = spec.guardrail;
  return {
    agentId: ref.id,
    agentArn: ref.arn,
    agentName: spec.name,
    agentStatus: "PREPARED",
    agentResourceRoleArn: roleArn(accountId, spec.role, "/service-role/"),
    foundationModel: spec.model,
    idleSessionTTLInSeconds: spec.ttl,
    ...(spec.cmk ? { customerEncryptionKeyArn: kmsKey(accountId, ctx.region, spec.cmk).arn } : {}),
    ...(g
      ? {
          guardrailConfiguration: {
            guardrailIdentifier: guardrail(accountId, ctx.region, g.name).id,
            guardrailVersion: g.version,
          },
        }
      : {}),
    // Every agent has the built-in test alias; the others point at numbered versions.
    aliases: [
      { agentAliasId: "TSTALIASID", agentAliasName: "AgentTestAlias" },
      ...spec.aliases.map((alias) => ({ agentAliasId: stableId.upper(`${ref.arn}/alias/${alias}`, 10), agentAliasName: alias })),
    ],
  };
}

function specsFor(ctx: DemoContext): AgentSpec[] {
  if (ctx.region !== "us-east-1") return [];
  const clinical = { name: "phi-clinical-assistant", version: "3" };
  switch (ctx.account.key) {
    case "prod":
      return [
        {
          name: "patient-navigator",
          role: PROD.roles.agentNavigator,
          model: `us.${MODEL.sonnet45}`,
          ttl: 900,
          cmk: KEY.prodWorkloads,
          guardrail: clinical,
          aliases: ["live", "canary"],
        },
        {
          name: "prior-auth-assistant",
          role: PROD.roles.agentPriorAuth,
          model: `us.${MODEL.haiku45}`,
          ttl: 1200,
          cmk: KEY.prodWorkloads,
          guardrail: clinical,
          aliases: ["live"],
        },
      ];
    case "staging":
      return [
        {
          name: "patient-navigator-stg",
          role: STAGING.roles.agentNavigator,
          model: `us.${MODEL.sonnet45}`,
          ttl: 3600,
          guardrail: { name: "clinical-assistant-staging", version: "5" },
          aliases: ["staging"],
        },
      ];
    case "sandbox":
      // Both playground agents were created from the console wizard with the same hand-made role.
      return [
        { name: "rag-playground", role: SANDBOX.roles.agents, model: `global.${MODEL.sonnet45}`, ttl: 86_400, aliases: ["demo"] },
        { name: "sql-helper", role: SANDBOX.roles.agents, model: MODEL.haiku3, ttl: 7200, aliases: [] },
      ];
  }
}

export function agentsFor(ctx: DemoContext): Agent[] {
  return specsFor(ctx).map((spec) => build(ctx, spec));
}
