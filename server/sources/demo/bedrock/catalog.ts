import "server-only";
import type { InferenceProfile } from "@/server/inventory/bedrock";
import type { DemoRegion } from "../accounts";
import { foundationModelArn, systemProfileArn } from "../arns";

export const MODEL = {
  sonnet45: "anthropic.claude-sonnet-4-5-20250929-v1:0",
  haiku45: "anthropic.claude-haiku-4-5-20251001-v1:0",
  haiku3: "anthropic.claude-3-haiku-20240307-v1:0",
  novaPro: "amazon.nova-pro-v1:0",
  novaLite: "amazon.nova-lite-v1:0",
  novaLite300k: "amazon.nova-lite-v1:0:300k",
  titanEmbedV2: "amazon.titan-embed-text-v2:0",
  cohereEmbed: "cohere.embed-english-v3",
  llama31_8b: "meta.llama3-1-8b-instruct-v1:0",
} as const;

/** Destination regions of the geographic cross-region profiles (where a request may be served). */
const GEOGRAPHY_REGIONS = {
  us: ["us-east-1", "us-east-2", "us-west-2"],
  eu: ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
} as const;

type Geography = keyof typeof GEOGRAPHY_REGIONS;

const SYSTEM_PROFILES: Record<DemoRegion, { id: string; name: string; model: string; geography: Geography | "global" }[]> = {
  "us-east-1": [
    { id: `us.${MODEL.sonnet45}`, name: "US Anthropic Claude Sonnet 4.5", model: MODEL.sonnet45, geography: "us" },
    { id: `us.${MODEL.haiku45}`, name: "US Anthropic Claude Haiku 4.5", model: MODEL.haiku45, geography: "us" },
    { id: `us.${MODEL.novaPro}`, name: "US Nova Pro", model: MODEL.novaPro, geography: "us" },
    { id: `us.${MODEL.llama31_8b}`, name: "US Meta Llama 3.1 8B Instruct", model: MODEL.llama31_8b, geography: "us" },
    { id: `global.${MODEL.sonnet45}`, name: "Global Anthropic Claude Sonnet 4.5", model: MODEL.sonnet45, geography: "global" },
    { id: `global.${MODEL.haiku45}`, name: "Global Anthropic Claude Haiku 4.5", model: MODEL.haiku45, geography: "global" },
  ],
  "eu-west-1": [
    { id: `eu.${MODEL.sonnet45}`, name: "EU Anthropic Claude Sonnet 4.5", model: MODEL.sonnet45, geography: "eu" },
    { id: `eu.${MODEL.haiku45}`, name: "EU Anthropic Claude Haiku 4.5", model: MODEL.haiku45, geography: "eu" },
    { id: `eu.${MODEL.novaPro}`, name: "EU Nova Pro", model: MODEL.novaPro, geography: "eu" },
    { id: `global.${MODEL.sonnet45}`, name: "Global Anthropic Claude Sonnet 4.5", model: MODEL.sonnet45, geography: "global" },
  ],
};

/** Model ARNs a profile routes to. Global profiles list the source region and a region-less ARN, as AWS does. */
export function profileModels(region: DemoRegion, geography: Geography | "global", model: string): { modelArn: string }[] {
  if (geography === "global")
    return [{ modelArn: foundationModelArn(region, model) }, { modelArn: `arn:aws:bedrock:::foundation-model/${model}` }];
  return GEOGRAPHY_REGIONS[geography].map((r) => ({ modelArn: foundationModelArn(r, model) }));
}

export function systemProfiles(accountId: string, region: DemoRegion): InferenceProfile[] {
  return SYSTEM_PROFILES[region].map((p) => ({
    inferenceProfileId: p.id,
    inferenceProfileArn: systemProfileArn(accountId, region, p.id),
    inferenceProfileName: p.name,
    type: "SYSTEM_DEFINED",
    status: "ACTIVE",
    models: profileModels(region, p.geography, p.model),
  }));
}

/** Everything an identity policy must name to invoke `model` through its `us.` profile from us-east-1. */
export function usProfileResources(accountId: string, model: string): string[] {
  return [
    systemProfileArn(accountId, "us-east-1", `us.${model}`),
    ...GEOGRAPHY_REGIONS.us.map((r) => foundationModelArn(r, model)),
  ];
}
