import "server-only";
import { isDemo } from "@/server/config/env";
import type { GuardrailMetricsSource } from "./source";

export type { GuardrailMetricsSource } from "./source";

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
    const { demoStoryEnd } = await import("@/server/logs/demo/seed");
    const { DemoGuardrailMetricsSource } = await import("./demo/source");
    const end = demoStoryEnd();
    holder.__strataGuardrailMetrics = new DemoGuardrailMetricsSource(() => end);
    return holder.__strataGuardrailMetrics;
  }
  // Loaded lazily so the demo never pulls in the AWS SDK.
  const { reachFromEnv } = await import("@/server/sources/aws/reach");
  const { AwsGuardrailMetricsSource } = await import("./aws-source");
  holder.__strataGuardrailMetrics = new AwsGuardrailMetricsSource(reachFromEnv("strata-guardrail-metrics"));
  return holder.__strataGuardrailMetrics;
}
