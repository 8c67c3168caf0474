import "server-only";

/** Public regions per partition (late 2026): what "every region outside the approved list" means. */
const REGIONS: Record<string, readonly string[]> = {
  aws: [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "ca-west-1",
    "mx-central-1",
    "sa-east-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "af-south-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
  ],
  "aws-us-gov": ["us-gov-west-1", "us-gov-east-1"],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
};

export function partitionRegions(partition: string): readonly string[] {
  return REGIONS[partition] ?? [];
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
