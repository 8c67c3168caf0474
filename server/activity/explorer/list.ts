import "server-only";
import type { ActivityFilterInput, ActivityPageResponse } from "@/lib/schemas/activity-api";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { DEFAULT_PAGE_SIZE, type ActivitySource } from "../source";
import { toSourceFilter } from "./filter";

/**
 * Source pages read per request when only failed calls are wanted: LookupEvents cannot filter on
 * errorCode, so they are filtered here; the budget keeps one request to a few lookups, and the
 * cursor lets the client ask for more.
 */
const FAILED_PAGE_BUDGET = 8;

const summarize = ({ raw: _raw, ...rest }: ActivityEvent) => rest;

/** One page of events, newest first, without `raw`. */
export async function listActivity(
  source: ActivitySource,
  input: { filter: ActivityFilterInput; cursor?: string | null; limit?: number },
): Promise<ActivityPageResponse> {
  const filter = toSourceFilter(input.filter);
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  if (!input.filter.failedOnly) {
    const page = await source.list(filter, input.cursor ?? null, limit);
    return { events: page.events.map(summarize), nextCursor: page.nextCursor, ...(page.notice ? { notice: page.notice } : {}) };
  }
  const events: ActivityEvent[] = [];
  const notices = new Set<string>();
  let cursor = input.cursor ?? null;
  for (let read = 0; read < FAILED_PAGE_BUDGET; read++) {
    const page = await source.list(filter, cursor, Math.max(limit, 200));
    events.push(...page.events.filter((e) => e.errorCode !== null));
    if (page.notice) notices.add(page.notice);
    cursor = page.nextCursor;
    if (cursor === null || events.length >= limit) break;
  }
  const notice = [...notices].join(" ");
  return { events: events.map(summarize), nextCursor: cursor, ...(notice ? { notice } : {}) };
}
