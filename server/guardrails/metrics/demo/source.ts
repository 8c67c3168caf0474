import "server-only";
import type { GuardrailMetrics, GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { DEMO_ACCOUNTS, DEMO_REGIONS, type DemoAccount } from "@/server/sources/demo/accounts";
import { guardrailsFor } from "@/server/sources/demo/bedrock/guardrails";
import { loggingConfigFor } from "@/server/sources/demo/bedrock/logging";
import { assertRange, wanted, type GuardrailMetricsFilter, type GuardrailMetricsSource } from "../source";
import { demoTargetMetrics } from "./series";

/**
 * Why a target's logs tell less than its metrics. CloudWatch records guardrail metrics whether or
 * not invocation logging is on: in the demo, Ireland's sandbox logging was deleted in the incident
 * and the sandbox's us-east-1 logs lost their text, yet the metrics carry on.
 */
function loggingNotice(account: DemoAccount, region: (typeof DEMO_REGIONS)[number], now: Date, guardrails: number) {
  const config = loggingConfigFor({ account, region, now });
  const where = `${account.name}/${region}`;
  if (config === null) {
    return guardrails > 0
      ? `Invocation logging is off in ${where}: these metrics are the only record of its guardrails' activity.`
      : `Invocation logging is off in ${where} and no guardrail is deployed there, so CloudWatch has no guardrail metrics for it either.`;
  }
  if (config.textDataDeliveryEnabled === false && guardrails > 0)
    return `Invocation logs in ${where} carry no text; the guardrail metrics still count every call.`;
  return undefined;
}

/** Generated, deterministic guardrail metrics for the demo estate up to its "now" (the demo logs' end). */
export class DemoGuardrailMetricsSource implements GuardrailMetricsSource {
  constructor(private readonly end: () => Date) {}

  read(filter: GuardrailMetricsFilter): Promise<GuardrailMetricsResponse> {
    // Generation is synchronous; a refused range still reaches the caller as a rejection.
    try {
      return Promise.resolve(this.generate(filter));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private generate(filter: GuardrailMetricsFilter): GuardrailMetricsResponse {
    assertRange(filter.from, filter.to, filter.bucket);
    const end = this.end();
    const targets: GuardrailMetrics[] = [];
    for (const account of DEMO_ACCOUNTS) {
      for (const region of DEMO_REGIONS) {
        if (!wanted(filter, account.id, region)) continue;
        const guardrails = guardrailsFor({ account, region, now: end });
        const metrics = demoTargetMetrics(account, region, guardrails, { ...filter, end });
        const notice = loggingNotice(account, region, end, guardrails.length);
        targets.push(notice ? { ...metrics, notice } : metrics);
      }
    }
    return {
      source: "demo",
      bucket: filter.bucket,
      targets,
      errors: [],
      notices: [`Demo metrics, generated for the demo estate's guardrails up to ${end.toISOString()}.`],
    };
  }
}
