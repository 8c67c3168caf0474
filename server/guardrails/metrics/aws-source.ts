import "server-only";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { GuardrailMetrics, GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { UpstreamError, ValidationError } from "@/server/http/errors";
import { resolveAccounts, type AccountPlan, type AccountSettings } from "@/server/sources/aws/accounts";
import { createClients, destroyClients, type AwsClients, type ClientOptions } from "@/server/sources/aws/clients";
import { mapLimit } from "@/server/sources/aws/collect-kit";
import { toUnavailable } from "@/server/sources/aws/errors";
import { discoverRegions } from "@/server/sources/aws/regions";
import { readGuardrailMetrics } from "./read-metrics";
import { assertRange, wanted, type GuardrailMetricsFilter, type GuardrailMetricsSource } from "./source";

export type AwsMetricsOptions = {
  accounts: AccountSettings;
  /** Configured regions; omitted: each account's enabled Bedrock regions. */
  regions?: string[];
  homeRegion: string;
  client?: Pick<ClientOptions, "endpoint" | "credentials" | "requestTimeoutMs" | "maxAttempts">;
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
  private readonly clients = new Map<string, AwsClients>();
  private targets: Promise<Targets> | undefined;

  constructor(private readonly options: AwsMetricsOptions) {}

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
    for (const c of this.clients.values()) destroyClients(c);
    this.clients.clear();
    this.targets = undefined;
  }

  private clientsFor(plan: AccountPlan | undefined, region: string): AwsClients {
    const key = `${plan?.accountId ?? "hub"}/${region}`;
    let c = this.clients.get(key);
    if (c === undefined) {
      c = createClients({ ...this.options.client, region, credentials: plan?.credentials ?? this.options.client?.credentials });
      this.clients.set(key, c);
    }
    return c;
  }

  private discover(): Promise<Targets> {
    if (this.targets === undefined) {
      const value = this.discoverOnce();
      this.targets = value;
      // A failed discovery (e.g. a transient STS error) is retried on the next read, not cached.
      value.catch(() => {
        if (this.targets === value) this.targets = undefined;
      });
    }
    return this.targets;
  }

  private async discoverOnce(): Promise<Targets> {
    let plans: AccountPlan[];
    try {
      ({ plans } = await resolveAccounts(this.clientsFor(undefined, this.options.homeRegion), this.options.accounts));
    } catch (error) {
      throw new UpstreamError(`Could not resolve the accounts to read guardrail metrics from: ${reasonOf(error)}`);
    }
    const found = await mapLimit(plans, 4, async (plan): Promise<Targets> => {
      let regions = this.options.regions;
      if (regions === undefined) {
        try {
          regions = await discoverRegions(this.clientsFor(plan, this.options.homeRegion).ec2);
        } catch (error) {
          const reason = toUnavailable(error, "ec2:DescribeRegions").reason;
          return {
            targets: [],
            errors: [{ accountId: plan.accountId, region: "all regions", message: `Region discovery failed: ${reason}` }],
          };
        }
      }
      const targets = regions.map((region) => ({
        accountId: plan.accountId,
        region,
        client: this.clientsFor(plan, region).cloudwatch,
      }));
      return { targets, errors: [] };
    });
    return { targets: found.flatMap((f) => f.targets), errors: found.flatMap((f) => f.errors) };
  }
}
