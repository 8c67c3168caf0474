/**
 * Every AWS region Strata knows, by partition (list as of 2026-11). A region outside this list is a
 * configuration error rather than a silent zero-result scan: a typo such as "eu-west-4" must stop
 * the scan before any call. A new AWS region needs a line here.
 */
export const AWS_REGIONS = {
  aws: [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "mx-central-1",
    "sa-east-1",
  ],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
} as const;

export type Partition = keyof typeof AWS_REGIONS;

export const ALL_AWS_REGIONS: readonly string[] = Object.values(AWS_REGIONS).flat();

/** Regions Strata knows where Amazon Bedrock has no endpoint (as of 2026-11). */
const WITHOUT_BEDROCK = new Set(["ap-east-1", "ap-southeast-6", "cn-north-1", "cn-northwest-1"]);

/**
 * Regions where Amazon Bedrock has an endpoint (as of 2026-11). Region discovery intersects this
 * with the account's enabled regions. It errs on the side of inclusion: a listed region without
 * Bedrock only costs a few calls and reports NOT_APPLICABLE, while a missing one would be a blind spot.
 */
export const BEDROCK_REGIONS: readonly string[] = ALL_AWS_REGIONS.filter((r) => !WITHOUT_BEDROCK.has(r));

export function partitionOf(region: string): Partition {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}
