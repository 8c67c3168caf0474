import "server-only";
import { join } from "node:path";
import { env, isDemo } from "@/server/config/env";
import { SqliteLogStore } from "./store/sqlite";
import type { LogStore } from "./store/types";

export type { LogStore } from "./store/types";

export type LogStoreKind = "embedded" | "cloudwatch";

/** The configured engine: STRATA_LOG_STORE, else embedded for the demo and CloudWatch for AWS. */
export function logStoreKind(): LogStoreKind {
  const e = env();
  return e.STRATA_LOG_STORE ?? (e.STRATA_SOURCE === "aws" ? "cloudwatch" : "embedded");
}

export function embeddedLogsFile(): string {
  return join(env().STRATA_DATA_DIR, "logs.db");
}

// On globalThis so Next's dev hot reload does not open the file once per edit.
const holder = globalThis as typeof globalThis & { __strataEmbeddedLogs?: SqliteLogStore };

/** The embedded store, opened once per process; import and the demo seed write into it. */
export function getEmbeddedLogStore(): SqliteLogStore {
  // The demo's logs are generated, so a file from an older build is rebuilt rather than refused.
  holder.__strataEmbeddedLogs ??= new SqliteLogStore(embeddedLogsFile(), { resetOnSchemaChange: isDemo() });
  return holder.__strataEmbeddedLogs;
}

/** The store the explorer reads. */
export async function getLogStore(): Promise<LogStore> {
  if (logStoreKind() === "embedded") return getEmbeddedLogStore();
  // Loaded lazily so the demo never pulls in the AWS SDK.
  const { getCloudWatchLogStore } = await import("./cloudwatch");
  return getCloudWatchLogStore();
}
