import "server-only";
import { env } from "@/server/config/env";
import type { LogStore } from "../store/types";
import { CloudWatchLogStore } from "./store";
import { AwsLogTargets } from "./targets";

// On globalThis so Next's dev hot reload keeps one answer cache and one set of SDK clients.
const holder = globalThis as typeof globalThis & { __strataCloudWatchLogs?: CloudWatchLogStore };

/**
 * The process-wide CloudWatch Logs Insights store, reaching the same accounts and regions as the
 * scans (STRATA_AWS_ACCOUNTS, STRATA_AWS_ROLE_ARNS / _ROLE_NAME / _EXTERNAL_ID, STRATA_AWS_REGIONS,
 * the SDK's default credential chain and AWS_ENDPOINT_URL*), as server/sources/index.ts reads them.
 */
export async function getCloudWatchLogStore(): Promise<LogStore> {
  if (holder.__strataCloudWatchLogs === undefined) {
    const e = env();
    const regions = e.STRATA_AWS_REGIONS;
    const targets = new AwsLogTargets({
      accounts: {
        mode: e.STRATA_AWS_ACCOUNTS,
        roleArns: e.STRATA_AWS_ROLE_ARNS ?? [],
        externalId: e.STRATA_AWS_EXTERNAL_ID,
        roleName: e.STRATA_AWS_ROLE_NAME,
        sessionName: "strata-logs",
      },
      regions,
      homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? regions?.[0] ?? "us-east-1",
    });
    holder.__strataCloudWatchLogs = new CloudWatchLogStore(targets);
  }
  return holder.__strataCloudWatchLogs;
}
