import "server-only";
import { isDemo } from "@/server/config/env";
import { DemoActivitySource } from "./demo/source";
import type { ActivitySource } from "./source";

export type { ActivityFilter, ActivityPage, ActivitySource } from "./source";

// On globalThis so Next's dev hot reload keeps one source (and one set of SDK clients).
const holder = globalThis as typeof globalThis & { __strataActivity?: ActivitySource };

/**
 * The configured activity source: the demo history, or CloudTrail LookupEvents in the accounts and
 * regions the scans reach (STRATA_AWS_ACCOUNTS, STRATA_AWS_ROLE_ARNS / _ROLE_NAME / _EXTERNAL_ID,
 * STRATA_AWS_REGIONS, the SDK's default credentials and AWS_ENDPOINT_URL*).
 */
export async function getActivitySource(): Promise<ActivitySource> {
  if (holder.__strataActivity !== undefined) return holder.__strataActivity;
  if (isDemo()) {
    // The demo logs' end when they are seeded (same story, same hours), else this hour; fixed for the
    // process so event ids stay put while someone investigates them.
    const { demoStoryEnd } = await import("@/server/logs/demo/seed");
    const end = demoStoryEnd();
    holder.__strataActivity = new DemoActivitySource(() => end);
    return holder.__strataActivity;
  }
  // Loaded lazily so the demo never pulls in the AWS SDK.
  const { reachFromEnv } = await import("@/server/sources/aws/reach");
  const { AwsActivitySource } = await import("./cloudtrail/aws-source");
  holder.__strataActivity = new AwsActivitySource(reachFromEnv("strata-activity"));
  return holder.__strataActivity;
}
