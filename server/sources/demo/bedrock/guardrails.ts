import "server-only";
import type { EnforcedGuardrail, Guardrail, GuardrailVersion } from "@/server/inventory/bedrock";
import { daysAgo, type DemoContext } from "../accounts";
import { automatedReasoningPolicyArn, guardrail, kmsKey } from "../arns";
import { KEY } from "../names";
import { stableId } from "../prng";
import { MODEL } from "./catalog";
import {
  CLINICAL_TOPICS,
  WORDS,
  contentPolicy,
  crossRegion,
  grounding,
  phiPolicy,
  type GuardrailBody,
} from "./guardrail-policies";

type VersionSpec = { body: GuardrailBody; ageDays: number };

function build(ctx: DemoContext, name: string, numbered: VersionSpec[], draft: VersionSpec): Guardrail {
  const ref = guardrail(ctx.account.id, ctx.region, name);
  const version = (v: string, spec: VersionSpec): GuardrailVersion => ({
    version: v,
    status: "READY",
    createdAt: daysAgo(ctx.now, numbered[0]?.ageDays ?? draft.ageDays),
    updatedAt: daysAgo(ctx.now, spec.ageDays),
    ...spec.body,
  });
  return {
    id: ref.id,
    arn: ref.arn,
    name,
    draft: version("DRAFT", draft),
    versions: numbered.map((s, i) => version(String(i + 1), s)),
  };
}

function strong(ctx: DemoContext, geography: "us" | "eu", withReasoning: boolean, reasoningName: string): GuardrailBody {
  const { id: accountId } = ctx.account;
  return {
    kmsKeyArn: kmsKey(accountId, ctx.region, KEY.prodWorkloads).arn,
    contentPolicy: contentPolicy({ strength: "HIGH", promptAttack: "HIGH", tier: "STANDARD" }),
    topicPolicy: { topics: CLINICAL_TOPICS, tier: { tierName: "STANDARD" } },
    wordPolicy: WORDS,
    sensitiveInformationPolicy: phiPolicy(),
    contextualGroundingPolicy: grounding(0.85, 0.7),
    crossRegionDetails: crossRegion(accountId, ctx.region, geography),
    ...(withReasoning
      ? {
          automatedReasoningPolicy: {
            policies: [automatedReasoningPolicyArn(accountId, ctx.region, reasoningName, 2)],
            confidenceThreshold: 0.9,
          },
        }
      : {}),
  };
}

function prodGuardrails(ctx: DemoContext): Guardrail[] {
  if (ctx.region === "us-east-1") {
    const v3 = strong(ctx, "us", true, "formulary-dosing-rules");
    const v2 = { ...strong(ctx, "us", false, ""), contextualGroundingPolicy: grounding(0.75, 0.5) };
    // Version 1 predates the STANDARD tier rollout; kept because an old alias may still pin it.
    const v1: GuardrailBody = {
      kmsKeyArn: v2.kmsKeyArn,
      contentPolicy: contentPolicy({ strength: "HIGH", promptAttack: "MEDIUM" }),
      topicPolicy: { topics: CLINICAL_TOPICS },
      wordPolicy: WORDS,
      sensitiveInformationPolicy: phiPolicy(),
      contextualGroundingPolicy: grounding(0.75, 0.5),
    };
    const baseline = strong(ctx, "us", false, "");
    return [
      build(
        ctx,
        "phi-clinical-assistant",
        [
          { body: v1, ageDays: 240 },
          { body: v2, ageDays: 131 },
          { body: v3, ageDays: 38 },
        ],
        { body: v3, ageDays: 12 },
      ),
      build(
        ctx,
        "phi-baseline-enforced",
        [
          { body: baseline, ageDays: 150 },
          { body: baseline, ageDays: 61 },
        ],
        { body: baseline, ageDays: 61 },
      ),
    ];
  }
  const eu = strong(ctx, "eu", true, "formulary-dosing-rules-eu");
  const baseline = strong(ctx, "eu", false, "");
  return [
    build(ctx, "phi-clinical-assistant-eu", [{ body: eu, ageDays: 95 }], { body: eu, ageDays: 95 }),
    build(ctx, "phi-baseline-enforced-eu", [{ body: baseline, ageDays: 88 }], { body: baseline, ageDays: 88 }),
  ];
}

function stagingGuardrails(ctx: DemoContext): Guardrail[] {
  if (ctx.region !== "us-east-1") return [];
  // Tuning in progress: PII in detect-only mode, MISCONDUCT dropped after false positives, no CMK.
  const tuning: GuardrailBody = {
    contentPolicy: contentPolicy({
      strength: "MEDIUM",
      promptAttack: "MEDIUM",
      harms: ["HATE", "INSULTS", "SEXUAL", "VIOLENCE"],
      tier: "CLASSIC",
    }),
    topicPolicy: { topics: CLINICAL_TOPICS.slice(0, 1), tier: { tierName: "CLASSIC" } },
    sensitiveInformationPolicy: phiPolicy(true),
    contextualGroundingPolicy: grounding(0.6, null),
  };
  const earlier = { ...tuning, contentPolicy: contentPolicy({ strength: "HIGH", promptAttack: "HIGH", tier: "CLASSIC" }) };
  const summarizer: GuardrailBody = {
    contentPolicy: contentPolicy({ strength: "HIGH", promptAttack: "HIGH", tier: "STANDARD" }),
    topicPolicy: { topics: CLINICAL_TOPICS, tier: { tierName: "STANDARD" } },
    wordPolicy: WORDS,
    sensitiveInformationPolicy: phiPolicy(),
    contextualGroundingPolicy: grounding(0.8, 0.6),
    crossRegionDetails: crossRegion(ctx.account.id, ctx.region, "us"),
  };
  const ages = [120, 90, 64, 30, 9];
  return [
    build(
      ctx,
      "clinical-assistant-staging",
      ages.map((ageDays, i) => ({ body: i < 2 ? earlier : tuning, ageDays })),
      { body: tuning, ageDays: 2 },
    ),
    build(ctx, "summarizer-staging", [], { body: summarizer, ageDays: 6 }),
  ];
}

function sandboxGuardrails(ctx: DemoContext): Guardrail[] {
  if (ctx.region !== "us-east-1") return [];
  const body: GuardrailBody = {
    contentPolicy: contentPolicy({ strength: "HIGH", promptAttack: "LOW", harms: ["HATE", "INSULTS"] }),
  };
  return [build(ctx, "sandbox-test", [], { body, ageDays: 203 })];
}

export function guardrailsFor(ctx: DemoContext): Guardrail[] {
  if (ctx.account.key === "prod") return prodGuardrails(ctx);
  if (ctx.account.key === "staging") return stagingGuardrails(ctx);
  return sandboxGuardrails(ctx);
}

function enforced(ctx: DemoContext, name: string, version: string, inputTags: "HONOR" | "IGNORE"): EnforcedGuardrail {
  const ref = guardrail(ctx.account.id, ctx.region, name);
  return {
    configId: stableId.lower(`${ctx.account.id}/${ctx.region}/enforced/${name}`, 12),
    guardrailArn: ref.arn,
    guardrailId: ref.id,
    guardrailVersion: version,
    inputTags,
    // Embedding calls carry no conversational content and would only add latency.
    modelEnforcement: { includedModels: ["ALL"], excludedModels: [MODEL.titanEmbedV2, MODEL.cohereEmbed] },
    owner: "ACCOUNT",
  };
}

/** Account-level enforced guardrails (ListEnforcedGuardrailsConfiguration returns at most one). */
export function enforcedGuardrailsFor(ctx: DemoContext): EnforcedGuardrail[] {
  if (ctx.account.key === "prod") {
    return [
      ctx.region === "us-east-1"
        ? enforced(ctx, "phi-baseline-enforced", "2", "IGNORE")
        : enforced(ctx, "phi-baseline-enforced-eu", "1", "IGNORE"),
    ];
  }
  if (ctx.account.key === "staging" && ctx.region === "us-east-1")
    return [enforced(ctx, "clinical-assistant-staging", "5", "HONOR")];
  return [];
}
