import "server-only";
import { z } from "zod";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { ValidationError } from "@/server/http/errors";
import { inScope } from "../cloudtrail/scope";
import { normalizeLookupEvent } from "../event";
import { DEFAULT_PAGE_SIZE, type ActivityFilter, type ActivityPage, type ActivitySource } from "../source";
import { demoHistory } from "./history";

const cursorSchema = z.object({ offset: z.number().int().min(0) });

/**
 * The demo estate's history through the same normaliser and scope as CloudTrail LookupEvents: the
 * activity page and detectors cannot tell the two sources apart.
 */
export class DemoActivitySource implements ActivitySource {
  private normalized: { end: number; events: ActivityEvent[] } | undefined;

  constructor(private readonly end: () => Date) {}

  // async so that a bad cursor rejects like the AWS source's does, rather than throwing.
  async list(filter: ActivityFilter, cursor?: string | null, limit = DEFAULT_PAGE_SIZE): Promise<ActivityPage> {
    const from = filter.from.toISOString();
    const to = filter.to.toISOString();
    const names = filter.names === undefined || filter.names.length === 0 ? undefined : new Set(filter.names);
    const matching = this.events().filter(
      (e) =>
        e.time >= from &&
        e.time < to &&
        (filter.accountIds?.includes(e.accountId ?? "") ?? true) &&
        (filter.regions?.includes(e.region ?? "") ?? true) &&
        (names === undefined ? inScope(e.source, e.name) : names.has(e.name)) &&
        (filter.actorArn === undefined || e.actor.arn === filter.actorArn),
    );
    const offset = cursor ? decode(cursor) : 0;
    const events = matching.slice(offset, offset + limit);
    const next = offset + events.length;
    return {
      events,
      nextCursor: next < matching.length ? Buffer.from(JSON.stringify({ offset: next })).toString("base64url") : null,
    };
  }

  get(id: string): Promise<ActivityEvent | null> {
    return Promise.resolve(this.events().find((e) => e.id === id) ?? null);
  }

  private events(): ActivityEvent[] {
    const end = this.end();
    if (this.normalized?.end !== end.getTime()) {
      this.normalized = { end: end.getTime(), events: demoHistory(end).events.map((e) => normalizeLookupEvent(e)) };
    }
    return this.normalized.events;
  }
}

function decode(cursor: string): number {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).offset;
  } catch {
    throw new ValidationError("The activity cursor is not valid; start again from the first page.");
  }
}
