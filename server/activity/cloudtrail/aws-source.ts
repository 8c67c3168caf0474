import "server-only";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { AwsReach, type ReachOptions } from "@/server/sources/aws/reach";
import { DEFAULT_PAGE_SIZE, type ActivityFilter, type ActivityPage, type ActivitySource } from "../source";
import { lookupAll, type LookupTarget } from "./fan-out";
import { lookup } from "./lookup";
import type { Clock, KeyedRateLimiter } from "./rate-limit";

export type AwsActivityOptions = ReachOptions & { limiter?: KeyedRateLimiter; clock?: Clock };

type Targets = { targets: LookupTarget[]; skipped: string[] };

/**
 * Activity read live from CloudTrail LookupEvents in every configured account × region, with the
 * scans' own account modes, role assumption and region discovery (as the CloudWatch log store does).
 */
export class AwsActivitySource implements ActivitySource {
  // One attempt per send: lookup() retries throttling itself, inside the 2 calls/s budget.
  private readonly reach: AwsReach;

  constructor(private readonly options: AwsActivityOptions) {
    this.reach = new AwsReach(options, { maxAttempts: 1 });
  }

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
    this.reach.dispose();
  }

  private pacing() {
    return {
      ...(this.options.limiter ? { limiter: this.options.limiter } : {}),
      ...(this.options.clock ? { clock: this.options.clock } : {}),
    };
  }

  private async discover(): Promise<Targets> {
    const { targets, failures } = await this.reach.resolve();
    return {
      targets: targets.map((t) => ({ accountId: t.accountId, region: t.region, client: t.clients.cloudtrail })),
      skipped: failures.map((f) => `${f.accountId}: ${f.message}`),
    };
  }
}
