import "server-only";
import { DescribeRegionsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { BEDROCK_REGIONS } from "@/lib/constants/aws-regions";
import { call } from "./errors";

export const DISCOVERED = "discovered: enabled regions where Bedrock is available";

/**
 * Regions to scan in one account: those the account has enabled (opt-in regions only once opted
 * in, which DescribeRegions without AllRegions reports) that also have a Bedrock endpoint.
 */
export async function discoverRegions(ec2: EC2Client): Promise<string[]> {
  const out = await call("ec2:DescribeRegions", ec2.send(new DescribeRegionsCommand({ AllRegions: false })));
  const enabled = (out.Regions ?? [])
    .filter((r) => r.OptInStatus === undefined || r.OptInStatus !== "not-opted-in")
    .flatMap((r) => (r.RegionName === undefined ? [] : [r.RegionName]));
  return enabled.filter((r) => BEDROCK_REGIONS.includes(r)).sort();
}
