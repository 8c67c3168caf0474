import "server-only";
import { env } from "@/server/config/env";
import { resolveAccounts, type AccountPlan, type AccountSettings } from "./accounts";
import { createClients, destroyClients, type AwsClients, type ClientOptions } from "./clients";
import { mapLimit } from "./collect-kit";
import { toUnavailable } from "./errors";
import { discoverRegions } from "./regions";

/** Which accounts × regions a reader (activity, guardrail metrics) reaches, and how to sign in to them. */
export type ReachOptions = {
  accounts: AccountSettings;
  /** Configured regions; omitted: each account's enabled Bedrock regions. */
  regions?: string[];
  homeRegion: string;
  client?: Pick<ClientOptions, "endpoint" | "credentials" | "requestTimeoutMs" | "maxAttempts">;
};

type ReachTarget = { accountId: string; region: string; clients: AwsClients };
/** An account whose regions could not be discovered; it covers all of that account's regions. */
type ReachFailure = { accountId: string; message: string };
export type Reach = { targets: ReachTarget[]; failures: ReachFailure[] };

/** The STRATA_AWS_* settings the scans use, for a reader that runs beside them under its own session name. */
export function reachFromEnv(sessionName: string): ReachOptions {
  const e = env();
  const regions = e.STRATA_AWS_REGIONS;
  return {
    accounts: {
      mode: e.STRATA_AWS_ACCOUNTS,
      roleArns: e.STRATA_AWS_ROLE_ARNS ?? [],
      externalId: e.STRATA_AWS_EXTERNAL_ID,
      roleName: e.STRATA_AWS_ROLE_NAME,
      sessionName,
    },
    regions,
    homeRegion: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? regions?.[0] ?? "us-east-1",
  };
}

/**
 * The accounts × regions the scans reach, resolved once (account modes, role assumption, region
 * discovery) and kept with one client set per target. A failed resolution (e.g. a transient STS
 * error) is retried on the next call rather than cached.
 */
export class AwsReach {
  private readonly clients = new Map<string, AwsClients>();
  private reach: Promise<Reach> | undefined;

  constructor(
    private readonly options: ReachOptions,
    /** Overrides for every client, e.g. `maxAttempts: 1` when the reader retries itself. */
    private readonly clientOverrides: Partial<ClientOptions> = {},
  ) {}

  resolve(): Promise<Reach> {
    if (this.reach === undefined) {
      const value = this.resolveOnce();
      this.reach = value;
      value.catch(() => {
        if (this.reach === value) this.reach = undefined;
      });
    }
    return this.reach;
  }

  dispose(): void {
    for (const c of this.clients.values()) destroyClients(c);
    this.clients.clear();
    this.reach = undefined;
  }

  private clientsFor(plan: AccountPlan | undefined, region: string): AwsClients {
    const key = `${plan?.accountId ?? "hub"}/${region}`;
    let c = this.clients.get(key);
    if (c === undefined) {
      const credentials = plan?.credentials ?? this.options.client?.credentials;
      c = createClients({ ...this.options.client, ...this.clientOverrides, region, credentials });
      this.clients.set(key, c);
    }
    return c;
  }

  private async resolveOnce(): Promise<Reach> {
    const { plans } = await resolveAccounts(this.clientsFor(undefined, this.options.homeRegion), this.options.accounts);
    const found = await mapLimit(plans, 4, async (plan): Promise<Reach> => {
      let regions = this.options.regions;
      if (regions === undefined) {
        try {
          regions = await discoverRegions(this.clientsFor(plan, this.options.homeRegion).ec2);
        } catch (error) {
          const reason = toUnavailable(error, "ec2:DescribeRegions").reason;
          return { targets: [], failures: [{ accountId: plan.accountId, message: `Region discovery failed: ${reason}` }] };
        }
      }
      const targets = regions.map((region) => ({ accountId: plan.accountId, region, clients: this.clientsFor(plan, region) }));
      return { targets, failures: [] };
    });
    return { targets: found.flatMap((f) => f.targets), failures: found.flatMap((f) => f.failures) };
  }
}
