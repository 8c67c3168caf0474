import "server-only";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { resolveAccounts, type AccountPlan, type AccountSettings } from "@/server/sources/aws/accounts";
import { createClients, destroyClients, type AwsClients, type ClientOptions } from "@/server/sources/aws/clients";
import { mapLimit } from "@/server/sources/aws/collect-kit";
import { toUnavailable } from "@/server/sources/aws/errors";
import { discoverRegions } from "@/server/sources/aws/regions";
import { DEFAULT_PAGE_SIZE, type ActivityFilter, type ActivityPage, type ActivitySource } from "../source";
import { lookupAll, type LookupTarget } from "./fan-out";
import { lookup } from "./lookup";
import type { Clock, KeyedRateLimiter } from "./rate-limit";

export type AwsActivityOptions = {
  accounts: AccountSettings;
  /** Configured regions; omitted: each account's enabled Bedrock regions. */
  regions?: string[];
  homeRegion: string;
  client?: Pick<ClientOptions, "endpoint" | "credentials" | "requestTimeoutMs">;
  limiter?: KeyedRateLimiter;
  clock?: Clock;
};

type Targets = { targets: LookupTarget[]; skipped: string[] };

/**
 * Activity read live from CloudTrail LookupEvents in every configured account × region, with the
 * scans' own account modes, role assumption and region discovery (as the CloudWatch log store does).
 */
export class AwsActivitySource implements ActivitySource {
  private readonly clients = new Map<string, AwsClients>();
  private targets: Promise<Targets> | undefined;

  constructor(private readonly options: AwsActivityOptions) {}

  async list(filter: ActivityFilter, cursor?: string | null, limit = DEFAULT_PAGE_SIZE): Promise<ActivityPage> {
    const { targets, skipped } = await this.discover();
    const chosen = targets.filter(
      (t) => (filter.accountIds?.includes(t.accountId) ?? true) && (filter.regions?.includes(t.region) ?? true),
    );
    const page = await lookupAll({ ...filter, ...this.pacing(), targets: chosen, cursor, limit });
    const notice = [...skipped, page.notice].filter(Boolean).join(" ");
    return { events: page.events, nextCursor: page.nextCursor, ...(notice ? { notice } : {}) };
  }

  /** LookupEvents finds an event by EventId in one call per target; the first target that has it answers. */
  async get(id: string): Promise<ActivityEvent | null> {
    const { targets } = await this.discover();
    const wide = { from: new Date(0), to: new Date(), limit: 1, ...this.pacing() };
    for (const target of targets) {
      try {
        const page = await lookup({ ...wide, ...target, names: undefined, eventId: id });
        if (page.events[0] !== undefined) return page.events[0];
      } catch {
        // A target we cannot read cannot hold the event for this user; list() reports why.
      }
    }
    return null;
  }

  dispose(): void {
    for (const c of this.clients.values()) destroyClients(c);
    this.clients.clear();
    this.targets = undefined;
  }

  private pacing() {
    return {
      ...(this.options.limiter ? { limiter: this.options.limiter } : {}),
      ...(this.options.clock ? { clock: this.options.clock } : {}),
    };
  }

  private clientsFor(plan: AccountPlan | undefined, region: string): AwsClients {
    const key = `${plan?.accountId ?? "hub"}/${region}`;
    let c = this.clients.get(key);
    if (c === undefined) {
      const credentials = plan?.credentials ?? this.options.client?.credentials;
      // One attempt per send: lookup() retries throttling itself, inside the 2 calls/s budget.
      c = createClients({ ...this.options.client, region, credentials, maxAttempts: 1 });
      this.clients.set(key, c);
    }
    return c;
  }

  private discover(): Promise<Targets> {
    if (this.targets === undefined) {
      const value = this.discoverOnce();
      this.targets = value;
      value.catch(() => {
        if (this.targets === value) this.targets = undefined;
      });
    }
    return this.targets;
  }

  private async discoverOnce(): Promise<Targets> {
    const { plans } = await resolveAccounts(this.clientsFor(undefined, this.options.homeRegion), this.options.accounts);
    const found = await mapLimit(plans, 4, async (plan): Promise<Targets> => {
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
      const targets = regions.map((region) => ({
        accountId: plan.accountId,
        region,
        client: this.clientsFor(plan, region).cloudtrail,
      }));
      return { targets, skipped: [] };
    });
    return { targets: found.flatMap((f) => f.targets), skipped: found.flatMap((f) => f.skipped) };
  }
}
