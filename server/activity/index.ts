import "server-only";
import { env, isDemo } from "@/server/config/env";
import { logStoreKind } from "@/server/logs";
import { DemoActivitySource } from "./demo/source";
import type { ActivitySource } from "./source";

export type { ActivityFilter, ActivityPage, ActivitySource } from "./source";

const HOUR = 3_600_000;

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
    const { demoLogsEnd } = await import("@/server/logs/demo/seed");
    const end = (logStoreKind() === "embedded" ? demoLogsEnd() : undefined) ?? new Date(Math.floor(Date.now() / HOUR) * HOUR);
    holder.__strataActivity = new DemoActivitySource(() => end);
    return holder.__strataActivity;
  }
  // Loaded lazily so the demo never pulls in the AWS SDK.
  const { AwsActivitySource } = await import("./cloudtrail/aws-source");
  const e = env();
  const regions = e.STRATA_AWS_REGIONS;
  holder.__strataActivity = new AwsActivitySource({
    accounts: {
      mode: e.STRATA_AWS_ACCOUNTS,
      roleArns: e.STRATA_AWS_ROLE_ARNS ?? [],
      externalId: e.STRATA_AWS_EXTERNAL_ID,
      roleName: e.STRATA_AWS_ROLE_NAME,
      sessionName: "strata-activity",
    },
    regions,
    homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? regions?.[0] ?? "us-east-1",
  });
  return holder.__strataActivity;
}
