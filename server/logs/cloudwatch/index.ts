import "server-only";
import type { LogStore } from "../store/types";

// Placeholder until the CloudWatch Logs Insights store lands (issue 4 item 4); replaced, not kept.
export async function getCloudWatchLogStore(): Promise<LogStore> {
  throw new Error("The CloudWatch log store is not built yet; set STRATA_LOG_STORE=embedded.");
}
