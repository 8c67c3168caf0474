import "server-only";
import { z } from "zod";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { ValidationError } from "@/server/http/errors";
import { mapLimit } from "@/server/sources/aws/collect-kit";
import { toUnavailable } from "@/server/sources/aws/errors";
import { lookup, type LookupOptions, type LookupPage } from "./lookup";

const LOOKUP_ACTION = "cloudtrail:LookupEvents";
/** Targets read at once; each has its own 2 calls/s budget, so this bounds sockets, not AWS load. */
const CONCURRENCY = 6;

export type LookupTarget = { accountId: string; region: string; client: LookupOptions["client"] };
export type FanOutOptions = Omit<LookupOptions, "client" | "accountId" | "region" | "cursor"> & {
  targets: LookupTarget[];
  cursor?: string | null;
};

/**
 * Per target: the cursor its last fully shown page started from, and how many events of the page
 * read from there were already shown (a merged page takes only part of each target's page).
 */
const positionSchema = z.object({ cursor: z.string().nullable(), skip: z.number().int().min(0), done: z.boolean() });
const fanCursorSchema = z.record(z.string(), positionSchema);
type Position = z.infer<typeof positionSchema>;

const keyOf = (t: { accountId: string; region: string }) => `${t.accountId}/${t.region}`;
const newestFirst = (a: ActivityEvent, b: ActivityEvent) => b.time.localeCompare(a.time) || a.id.localeCompare(b.id);

function decode(text: string | null | undefined): Record<string, Position> {
  if (!text) return {};
  try {
    return fanCursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("The activity cursor is not valid; start again from the first page.");
  }
}

/**
 * One merged page over many account × region targets, newest first. A target that fails (access
 * denied, an error) becomes a notice naming the target and the IAM action; the others still answer.
 */
export async function lookupAll(options: FanOutOptions): Promise<LookupPage> {
  const positions = decode(options.cursor);
  const notices = new Set<string>();
  const pages = await mapLimit(options.targets, CONCURRENCY, async (target) => {
    const at: Position = positions[keyOf(target)] ?? { cursor: null, skip: 0, done: false };
    if (at.done) return { target, at, events: [] as ActivityEvent[], next: null as string | null };
    try {
      const page = await lookup({ ...options, ...target, cursor: at.cursor, limit: at.skip + options.limit });
      if (page.notice !== undefined) notices.add(page.notice);
      return { target, at, events: page.events.slice(at.skip), next: page.nextCursor };
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      options.signal?.throwIfAborted();
      notices.add(`${keyOf(target)}: ${toUnavailable(error, LOOKUP_ACTION).reason}`);
      return { target, at: { ...at, done: true }, events: [], next: null };
    }
  });
  const merged = pages.flatMap((p) => p.events.map((event) => ({ event, key: keyOf(p.target) })));
  merged.sort((a, b) => newestFirst(a.event, b.event));
  const shown = merged.slice(0, options.limit);
  const after: Record<string, Position> = {};
  for (const p of pages) {
    const key = keyOf(p.target);
    const taken = shown.filter((s) => s.key === key).length;
    if (p.at.done) after[key] = p.at;
    else if (taken < p.events.length) after[key] = { cursor: p.at.cursor, skip: p.at.skip + taken, done: false };
    else after[key] = { cursor: p.next, skip: 0, done: p.next === null };
  }
  const more = Object.values(after).some((p) => !p.done);
  return {
    events: shown.map((s) => s.event),
    nextCursor: more ? Buffer.from(JSON.stringify(after)).toString("base64url") : null,
    ...(notices.size > 0 ? { notice: [...notices].join(" ") } : {}),
  };
}
