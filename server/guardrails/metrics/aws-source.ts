import "server-only";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { GuardrailMetrics, GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { UpstreamError, ValidationError } from "@/server/http/errors";
import { mapLimit } from "@/server/sources/aws/collect-kit";
import { AwsReach, type ReachOptions } from "@/server/sources/aws/reach";
import { readGuardrailMetrics } from "./read-metrics";
import { assertRange, wanted, type GuardrailMetricsFilter, type GuardrailMetricsSource } from "./source";

export type AwsMetricsOptions = ReachOptions & {
  /** Targets read at once; CloudWatch's GetMetricData quota is per account × region, so this bounds our own load. */
  concurrency?: number;
};

type Target = { accountId: string; region: string; client: CloudWatchClient };
type MetricsError = GuardrailMetricsResponse["errors"][number];
type Targets = { targets: Target[]; errors: MetricsError[] };
type Outcome = { ok: GuardrailMetrics } | { error: MetricsError };

/** What to tell the user when a target failed: the reader's message already names the denied action. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /throttl|rate exceeded/i.test(message) ? `${message} Still throttled after retries; try again shortly.` : message;
}

/**
 * Guardrail metrics read from CloudWatch in every account × region the scans reach (same account
 * modes, role assumption and region discovery as the scans and the activity source). One failing
 * target becomes an entry in `errors`; it never hides the others.
 */
export class AwsGuardrailMetricsSource implements GuardrailMetricsSource {
  private readonly reach: AwsReach;

  constructor(private readonly options: AwsMetricsOptions) {
    this.reach = new AwsReach(options);
  }

  async read(filter: GuardrailMetricsFilter, signal?: AbortSignal): Promise<GuardrailMetricsResponse> {
    assertRange(filter.from, filter.to, filter.bucket);
    const { targets, errors } = await this.discover();
    const chosen = targets.filter((t) => wanted(filter, t.accountId, t.region));
    const results = await mapLimit(chosen, this.options.concurrency ?? 4, async (t): Promise<Outcome> => {
      try {
        const m = await readGuardrailMetrics({ ...filter, client: t.client, accountId: t.accountId, region: t.region, signal });
        return { ok: m };
      } catch (error) {
        if (error instanceof ValidationError || (error instanceof Error && error.name === "AbortError")) throw error;
        return { error: { accountId: t.accountId, region: t.region, message: reasonOf(error) } };
      }
    });
    const found: GuardrailMetrics[] = results.flatMap((r) => ("ok" in r ? [r.ok] : []));
    return {
      source: "cloudwatch",
      bucket: filter.bucket,
      targets: found,
      // A discovery error covers all of an account's regions, so only the account filter applies to it.
      errors: [
        ...errors.filter((e) => wanted({ ...filter, regions: undefined }, e.accountId, e.region)),
        ...results.flatMap((r) => ("error" in r ? [r.error] : [])),
      ],
      notices: [...new Set(found.flatMap((m) => (m.notice ? [m.notice] : [])))],
    };
  }

  dispose(): void {
    this.reach.dispose();
  }

  private async discover(): Promise<Targets> {
    let reach;
    try {
      reach = await this.reach.resolve();
    } catch (error) {
      throw new UpstreamError(`Could not resolve the accounts to read guardrail metrics from: ${reasonOf(error)}`);
    }
    return {
      targets: reach.targets.map((t) => ({ accountId: t.accountId, region: t.region, client: t.clients.cloudwatch })),
      errors: reach.failures.map((f) => ({ accountId: f.accountId, region: "all regions", message: f.message })),
    };
  }
}
