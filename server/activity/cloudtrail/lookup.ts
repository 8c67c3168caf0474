import "server-only";
import {
  LookupEventsCommand,
  type CloudTrailClient,
  type Event as LookupEvent,
  type LookupEventsCommandInput,
} from "@aws-sdk/client-cloudtrail";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { normalizeLookupEvent } from "../event";
import { decodeCursor, encodeCursor, freshStreams, type StreamState } from "./cursor";
import { lookupLimiter, realClock, type Clock, type KeyedRateLimiter } from "./rate-limit";
import { inScope, lookupPlan, type LookupKey } from "./scope";

const DAY = 86_400_000;
/** "You can look up events that occurred in a Region within the last 90 days." */
const LOOKUP_WINDOW_DAYS = 90;
const PAGE_SIZE = 50;
const MAX_ATTEMPTS = 5;
/**
 * Page reads one merged page may make (about 20 s at 2/s). A rare actor filter could otherwise read
 * all 90 days in one request; past this the page returns what it has and the cursor continues.
 */
const MAX_READS_PER_PAGE = 40;

export type LookupOptions = {
  client: Pick<CloudTrailClient, "send">;
  accountId: string;
  region: string;
  from: Date;
  to: Date;
  cursor?: string | null;
  limit: number;
  /** Only these event names (one lookup each); omitted: Bedrock's events and the security events. */
  names?: readonly string[];
  /** Just this event (LookupEvents' EventId attribute); overrides `names`. */
  eventId?: string;
  actorArn?: string;
  limiter?: KeyedRateLimiter;
  clock?: Clock;
  signal?: AbortSignal;
};

export type LookupPage = { events: ActivityEvent[]; nextCursor: string | null; notice?: string };

type Stream = {
  lookup: LookupKey;
  state: StreamState;
  buffer: LookupEvent[];
  pageToken: string | null;
  pageStart: number;
  taken: number;
  next: string | null;
};

const isThrottle = (error: unknown) => {
  const name = (error as { name?: string } | null)?.name ?? "";
  return name === "ThrottlingException" || name === "Throttling" || name === "TooManyRequestsException";
};

const eventTime = (e: LookupEvent | undefined) => e?.EventTime?.getTime() ?? 0;

/**
 * One page of an account × region's activity, newest first: Bedrock's events and the security events
 * of scope.ts, each its own LookupEvents stream (one attribute per call), merged. Reads only as many
 * pages of each stream as the merged page needs; the cursor carries every stream's position.
 */
export async function lookup(options: LookupOptions): Promise<LookupPage> {
  const clock = options.clock ?? realClock;
  const to = options.to.getTime();
  const plan: LookupKey[] =
    options.eventId === undefined ? lookupPlan(options.names) : [{ key: "EventId", value: options.eventId }];
  const bound = { from: options.from.getTime(), to, plan: plan.map((p) => `${p.key}=${p.value}`) };
  const resumed = options.cursor ? decodeCursor(options.cursor, bound) : undefined;
  // The clamp moves with the clock, so later pages reuse the first page's StartTime (NextToken needs it).
  let from = resumed?.start ?? bound.from;
  const earliest = clock.now() - LOOKUP_WINDOW_DAYS * DAY;
  let notice: string | undefined;
  if (from < earliest) {
    if (resumed === undefined) from = earliest;
    notice = `CloudTrail keeps ${LOOKUP_WINDOW_DAYS} days of events for lookup; showing events since ${new Date(from).toISOString()}.`;
  }
  if (to <= from) return { events: [], nextCursor: null, ...(notice ? { notice } : {}) };
  const states = resumed?.streams ?? freshStreams(plan.length);
  const streams: Stream[] = plan.map((lookupKey, i) => ({
    lookup: lookupKey,
    state: states[i] ?? { token: null, skip: 0, done: true },
    buffer: [],
    pageToken: null,
    pageStart: 0,
    taken: 0,
    next: null,
  }));
  for (const s of streams) s.next = s.state.done ? null : s.state.token;
  const fetched = new Set<Stream>();
  let reads = 0;
  const read = (s: Stream) => {
    reads += 1;
    return readPage(s, { ...options, clock, start: from, end: to, fetched });
  };

  const events: ActivityEvent[] = [];
  const seen = new Set<string>();
  let partial = false;
  while (events.length < options.limit) {
    const empty = streams.filter((s) => s.buffer.length === 0 && !exhausted(s, fetched));
    if (reads > 0 && reads + empty.length > MAX_READS_PER_PAGE) {
      partial = true;
      break;
    }
    await Promise.all(empty.map(read));
    let best: Stream | undefined;
    for (const s of streams)
      if (s.buffer.length > 0 && (best === undefined || eventTime(s.buffer[0]) > eventTime(best.buffer[0]))) best = s;
    const head = best?.buffer.shift();
    if (best === undefined || head === undefined) break;
    best.taken += 1;
    const event = normalizeLookupEvent(head, { accountId: options.accountId, region: options.region });
    if (seen.has(event.id) || !inScope(event.source, event.name)) continue;
    seen.add(event.id);
    if (options.actorArn !== undefined && event.actor.arn !== options.actorArn) continue;
    events.push(event);
  }
  const next = streams.map((s): StreamState => {
    if (s.buffer.length > 0) return { token: s.pageToken, skip: s.pageStart + s.taken, done: false };
    if (exhausted(s, fetched)) return { token: null, skip: 0, done: true };
    return { token: s.next, skip: 0, done: false };
  });
  const nextCursor = next.every((s) => s.done) ? null : encodeCursor({ ...bound, start: from, streams: next });
  if (partial) {
    const more = `Stopped after ${reads} CloudTrail lookups with ${events.length} matching events; load more to keep searching.`;
    notice = notice === undefined ? more : `${notice} ${more}`;
  }
  return { events, nextCursor, ...(notice ? { notice } : {}) };
}

/** A stream is over once a page was read and no NextToken followed (or the cursor said so). */
function exhausted(s: Stream, fetched: Set<Stream>): boolean {
  return s.state.done || (fetched.has(s) && s.next === null);
}

type ReadContext = LookupOptions & { clock: Clock; start: number; end: number; fetched: Set<Stream> };

/** Reads the stream's next non-empty page (LookupEvents may answer an empty page with a NextToken). */
async function readPage(s: Stream, ctx: ReadContext): Promise<void> {
  do {
    const token = s.next;
    const skip = ctx.fetched.has(s) ? 0 : s.state.skip;
    const out = await send(ctx, {
      LookupAttributes: [{ AttributeKey: s.lookup.key, AttributeValue: s.lookup.value }],
      StartTime: new Date(ctx.start),
      EndTime: new Date(ctx.end),
      MaxResults: PAGE_SIZE,
      ...(token === null ? {} : { NextToken: token }),
    });
    ctx.fetched.add(s);
    s.pageToken = token;
    s.pageStart = skip;
    s.taken = 0;
    s.buffer = (out.Events ?? []).slice(skip);
    s.next = out.NextToken ?? null;
  } while (s.buffer.length === 0 && s.next !== null);
}

/** One LookupEvents call inside the account × region's rate budget, retrying throttling with backoff. */
async function send(ctx: ReadContext, input: LookupEventsCommandInput) {
  const key = `${ctx.accountId}/${ctx.region}`;
  const limiter = ctx.limiter ?? lookupLimiter();
  for (let attempt = 1; ; attempt++) {
    await limiter.acquire(key, ctx.signal);
    try {
      return await ctx.client.send(new LookupEventsCommand(input), { abortSignal: ctx.signal });
    } catch (error) {
      if (!isThrottle(error) || attempt >= MAX_ATTEMPTS) throw error;
      // Someone else (the console, another tool) shares the budget: back off beyond the limiter's pace.
      await ctx.clock.sleep(500 * 2 ** attempt, ctx.signal);
    }
  }
}
