import "server-only";
import { AWS_REGIONS, type Partition } from "@/lib/constants/aws-regions";

export function partitionRegions(partition: string): readonly string[] {
  return partition in AWS_REGIONS ? AWS_REGIONS[partition as Partition] : [];
}

/**
 * The inference-profile geographies a region belongs to (`us.`, `eu.`, `apac.` … profile prefixes).
 * Tokyo/Osaka are also in `jp`, Sydney/Melbourne in `au`.
 */
export function geographiesOf(region: string): string[] {
  if (region.startsWith("us-gov-")) return ["us-gov"];
  if (region.startsWith("us-")) return ["us"];
  if (region.startsWith("eu-")) return ["eu"];
  if (region.startsWith("ca-")) return ["ca"];
  if (region === "ap-northeast-1" || region === "ap-northeast-3") return ["apac", "jp"];
  if (region === "ap-southeast-2" || region === "ap-southeast-4") return ["apac", "au"];
  if (region.startsWith("ap-")) return ["apac"];
  return [];
}

const PROFILE_PREFIXES = new Set(["us", "eu", "apac", "jp", "au", "ca", "us-gov", "global"]);

/** The geography prefix of a system inference profile id (`us.anthropic…` → `us`), if it has one. */
export function profileGeography(profileId: string): string | undefined {
  const prefix = profileId.split(".")[0] ?? "";
  return PROFILE_PREFIXES.has(prefix) ? prefix : undefined;
}

/** A region is acceptable when it is approved itself or lies in an approved geography. */
export function regionAllowed(
  region: string,
  approvedRegions: readonly string[],
  approvedGeographies: readonly string[],
): boolean {
  return approvedRegions.includes(region) || geographiesOf(region).some((g) => approvedGeographies.includes(g));
}
