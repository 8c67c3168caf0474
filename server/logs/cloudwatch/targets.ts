import "server-only";
import { GetModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { loggingConfigSchema } from "@/server/inventory/bedrock";
import { resolveAccounts, type AccountPlan, type AccountSettings } from "@/server/sources/aws/accounts";
import { createClients, destroyClients, type AwsClients, type ClientOptions } from "@/server/sources/aws/clients";
import { jsonify, mapLimit } from "@/server/sources/aws/collect-kit";
import { toUnavailable } from "@/server/sources/aws/errors";
import { discoverRegions } from "@/server/sources/aws/regions";
import type { LogTarget } from "./run-query";

/** The log groups to query, and why any account or region is left out (shown to the user as a notice). */
export type Discovery = { targets: LogTarget[]; skipped: string[] };

export interface TargetSource {
  discover(signal?: AbortSignal): Promise<Discovery>;
  dispose(): void;
}

export type AwsTargetOptions = {
  accounts: AccountSettings;
  /** Configured regions; omitted: each account's enabled Bedrock regions. */
  regions?: string[];
  homeRegion: string;
  client?: Pick<ClientOptions, "endpoint" | "credentials" | "maxAttempts" | "requestTimeoutMs">;
  /** How long a discovery is reused: logging configuration rarely changes, and discovery costs calls per region. */
  ttlMs?: number;
  now?: () => number;
};

const LOGGING_ACTION = "bedrock:GetModelInvocationLoggingConfiguration";
const CONCURRENCY = 8;

/**
 * Finds where each account × region writes model-invocation logs, with the scans' own machinery:
 * the same account modes, role assumption, region discovery and SDK client settings. A region whose
 * logging is off, or goes to S3 only, is skipped and said so.
 */
export class AwsLogTargets implements TargetSource {
  private cached: { value: Promise<Discovery>; until: number } | undefined;
  private readonly clients = new Map<string, AwsClients>();

  constructor(private readonly options: AwsTargetOptions) {}

  discover(signal?: AbortSignal): Promise<Discovery> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached === undefined || this.cached.until <= now) {
      const value = this.discoverOnce(signal);
      const entry = { value, until: now + (this.options.ttlMs ?? 5 * 60_000) };
      this.cached = entry;
      // A failed discovery is not reused: the next request tries again.
      value.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  dispose(): void {
    for (const c of this.clients.values()) destroyClients(c);
    this.clients.clear();
    this.cached = undefined;
  }

  private clientsFor(plan: AccountPlan | undefined, region: string): AwsClients {
    const key = `${plan?.accountId ?? "hub"}/${region}`;
    let c = this.clients.get(key);
    if (c === undefined) {
      const credentials = plan?.credentials ?? this.options.client?.credentials;
      c = createClients({ ...this.options.client, region, credentials });
      this.clients.set(key, c);
    }
    return c;
  }

  private async discoverOnce(signal?: AbortSignal): Promise<Discovery> {
    const { plans } = await resolveAccounts(this.clientsFor(undefined, this.options.homeRegion), this.options.accounts);
    const perAccount = await mapLimit(plans, CONCURRENCY, (plan) => this.discoverAccount(plan, signal));
    const targets = perAccount.flatMap((d) => d.targets);
    targets.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
    return { targets, skipped: perAccount.flatMap((d) => d.skipped) };
  }

  private async discoverAccount(plan: AccountPlan, signal?: AbortSignal): Promise<Discovery> {
    if (plan.credentials !== undefined && plan.roleArn !== null) {
      try {
        await plan.credentials();
      } catch (error) {
        return {
          targets: [],
          skipped: [`${plan.accountId}: could not assume ${plan.roleArn}: ${toUnavailable(error, "sts:AssumeRole").reason}`],
        };
      }
    }
    let regions = this.options.regions;
    if (regions === undefined) {
      try {
        regions = await discoverRegions(this.clientsFor(plan, this.options.homeRegion).ec2);
      } catch (error) {
        return {
          targets: [],
          skipped: [`${plan.accountId}: region discovery failed: ${toUnavailable(error, "ec2:DescribeRegions").reason}`],
        };
      }
    }
    const found = await mapLimit(regions, CONCURRENCY, (region) => this.discoverRegion(plan, region, signal));
    return {
      targets: found.flatMap((f) => (typeof f === "string" ? [] : [f])),
      skipped: found.flatMap((f) => (typeof f === "string" ? [f] : [])),
    };
  }

  /** The region's log target, or why there is none. */
  private async discoverRegion(plan: AccountPlan, region: string, signal?: AbortSignal): Promise<LogTarget | string> {
    const where = `${plan.accountId}/${region}`;
    const clients = this.clientsFor(plan, region);
    let raw: unknown;
    try {
      const out = await clients.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}), { abortSignal: signal });
      raw = out.loggingConfig === undefined ? null : jsonify(out.loggingConfig);
    } catch (error) {
      signal?.throwIfAborted();
      return `${where}: ${toUnavailable(error, LOGGING_ACTION).reason}`;
    }
    const parsed = loggingConfigSchema.safeParse(raw);
    if (!parsed.success)
      return `${where}: the logging configuration could not be read (${parsed.error.issues[0]?.message ?? "invalid"})`;
    const config = parsed.data;
    if (config === null) return `${where}: model invocation logging is off`;
    if (config.cloudWatchConfig === undefined)
      return `${where}: invocation logs go to S3 only (import them into the embedded store)`;
    return { accountId: plan.accountId, region, logGroupName: config.cloudWatchConfig.logGroupName, logs: clients.logs };
  }
}
