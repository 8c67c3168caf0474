import "server-only";
import { env, isDemo } from "@/server/config/env";
import { logStoreKind } from "@/server/logs";
import type { GuardrailMetricsSource } from "./source";

export type { GuardrailMetricsSource } from "./source";

const HOUR = 3_600_000;

// On globalThis so Next's dev hot reload keeps one source (and one set of SDK clients).
const holder = globalThis as typeof globalThis & { __strataGuardrailMetrics?: GuardrailMetricsSource };

/**
 * The configured guardrail metrics source: the demo's generated metrics, or CloudWatch
 * GetMetricData in the accounts and regions the scans reach (the same STRATA_AWS_* settings).
 */
export async function getGuardrailMetricsSource(): Promise<GuardrailMetricsSource> {
  if (holder.__strataGuardrailMetrics !== undefined) return holder.__strataGuardrailMetrics;
  if (isDemo()) {
    // Same "now" as the demo logs and activity, so the three stories line up hour for hour.
    const { demoLogsEnd } = await import("@/server/logs/demo/seed");
    const { DemoGuardrailMetricsSource } = await import("./demo/source");
    const end = (logStoreKind() === "embedded" ? demoLogsEnd() : undefined) ?? new Date(Math.floor(Date.now() / HOUR) * HOUR);
    holder.__strataGuardrailMetrics = new DemoGuardrailMetricsSource(() => end);
    return holder.__strataGuardrailMetrics;
  }
  // Loaded lazily so the demo never pulls in the AWS SDK.
  const { AwsGuardrailMetricsSource } = await import("./aws-source");
  const e = env();
  const regions = e.STRATA_AWS_REGIONS;
  holder.__strataGuardrailMetrics = new AwsGuardrailMetricsSource({
    accounts: {
      mode: e.STRATA_AWS_ACCOUNTS,
      roleArns: e.STRATA_AWS_ROLE_ARNS ?? [],
      externalId: e.STRATA_AWS_EXTERNAL_ID,
      roleName: e.STRATA_AWS_ROLE_NAME,
      sessionName: "strata-guardrail-metrics",
    },
    regions,
    homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? regions?.[0] ?? "us-east-1",
  });
  return holder.__strataGuardrailMetrics;
}
