import "server-only";
import { accountByKey, type AccountKey, type DemoRegion } from "@/server/sources/demo/accounts";
import { applicationProfile } from "@/server/sources/demo/arns";
import { MODEL } from "@/server/sources/demo/bedrock/catalog";

/** Which request/response body family a model speaks (bedrock-formats.md 1.5 and the provider pages). */
export type Family = "anthropic" | "nova" | "llama" | "titanEmbed" | "cohereEmbed" | "mistral";

export type ModelChoice = {
  /** As logged in `modelId`: a model id, an inference-profile id or an application-profile ARN. */
  id: string;
  family: Family;
  /** Cross-region inference: the geography the profile routes within; absent for in-region calls. */
  geography?: "us" | "eu" | "global";
  /** The `model` name Anthropic puts in its response body. */
  apiName: string;
  /** Milliseconds per output token, for a plausible latency. */
  msPerToken: number;
};

/** Where a geographic or global profile may serve a request (the catalog's destination regions). */
export const ROUTES = {
  us: ["us-east-1", "us-east-2", "us-west-2"],
  eu: ["eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3"],
  global: ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"],
} as const;

const m = (id: string, family: Family, apiName: string, msPerToken: number, geography?: ModelChoice["geography"]): ModelChoice =>
  geography ? { id, family, apiName, msPerToken, geography } : { id, family, apiName, msPerToken };

export const MODELS = {
  sonnetUs: m(`us.${MODEL.sonnet45}`, "anthropic", "claude-sonnet-4-5-20250929", 18, "us"),
  sonnetEu: m(`eu.${MODEL.sonnet45}`, "anthropic", "claude-sonnet-4-5-20250929", 18, "eu"),
  sonnetGlobal: m(`global.${MODEL.sonnet45}`, "anthropic", "claude-sonnet-4-5-20250929", 18, "global"),
  haikuUs: m(`us.${MODEL.haiku45}`, "anthropic", "claude-haiku-4-5-20251001", 7, "us"),
  haikuEu: m(`eu.${MODEL.haiku45}`, "anthropic", "claude-haiku-4-5-20251001", 7, "eu"),
  haikuGlobal: m(`global.${MODEL.haiku45}`, "anthropic", "claude-haiku-4-5-20251001", 7, "global"),
  haiku45: m(MODEL.haiku45, "anthropic", "claude-haiku-4-5-20251001", 7),
  haiku3: m(MODEL.haiku3, "anthropic", "claude-3-haiku-20240307", 6),
  novaPro: m(MODEL.novaPro, "nova", "nova-pro", 10),
  novaProUs: m(`us.${MODEL.novaPro}`, "nova", "nova-pro", 10, "us"),
  novaProEu: m(`eu.${MODEL.novaPro}`, "nova", "nova-pro", 10, "eu"),
  novaLite: m(MODEL.novaLite, "nova", "nova-lite", 5),
  llama8b: m(MODEL.llama31_8b, "llama", "llama3-1-8b", 6),
  llama8bUs: m(`us.${MODEL.llama31_8b}`, "llama", "llama3-1-8b", 6, "us"),
  titanEmbed: m(MODEL.titanEmbedV2, "titanEmbed", "titan-embed-text-v2", 0),
  cohereEmbed: m(MODEL.cohereEmbed, "cohereEmbed", "embed-english-v3", 0),
} as const;

/** Models only the stolen key calls: expensive, or not enabled in this organisation at all. */
export const ATTACKER_MODELS = {
  opus: m("anthropic.claude-opus-4-1-20250805-v1:0", "anthropic", "claude-opus-4-1-20250805", 35),
  opusUs: m("us.anthropic.claude-opus-4-1-20250805-v1:0", "anthropic", "claude-opus-4-1-20250805", 35, "us"),
  opus3: m("anthropic.claude-3-opus-20240229-v1:0", "anthropic", "claude-3-opus-20240229", 40),
  llama405b: m("meta.llama3-1-405b-instruct-v1:0", "llama", "llama3-1-405b", 30),
  mistralLarge: m("mistral.mistral-large-2407-v1:0", "mistral", "mistral-large-2407", 20),
} as const;

/** An application inference profile, logged by ARN; it routes like the profile it copies. */
export function appProfileModel(
  account: AccountKey,
  region: DemoRegion,
  name: string,
  base: ModelChoice,
  inRegion = false,
): ModelChoice {
  const { arn } = applicationProfile(accountByKey(account).id, region, name);
  const { geography, ...rest } = base;
  return inRegion || geography === undefined ? { ...rest, id: arn } : { ...rest, id: arn, geography };
}
