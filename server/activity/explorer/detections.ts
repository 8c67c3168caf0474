import "server-only";
import type { Kysely } from "kysely";
import { DETECTION_SEVERITIES } from "@/lib/schemas/activity";
import type { ActivityFilterInput, DetectionsResponse } from "@/lib/schemas/activity-api";
import { getCheck } from "@/server/checks/registry";
import type { Database } from "@/server/db";
import { detectActivity } from "../detect";
import type { ActivitySource } from "../source";
import { toSourceFilter } from "./filter";

const TTL_MS = 60_000;
const MAX_ENTRIES = 50;
const RANK = new Map<string, number>(DETECTION_SEVERITIES.map((s, i) => [s, i]));

// A detection run can read 20,000 events (minutes of LookupEvents on AWS); a page reload or a
// second analyst within a minute reuses it. Keyed by the filter alone: detections are the same for every role.
const cache = new Map<string, { at: number; value: Promise<DetectionsResponse> }>();

/**
 * Detectors see every event of the range in the chosen accounts and Regions: the event-name, actor and
 * failed-only filters narrow the table, not the evidence (a guardrail change needs its Create to compare with).
 */
function scopeOf(input: ActivityFilterInput): ActivityFilterInput {
  return {
    from: input.from,
    to: input.to,
    ...(input.accountIds ? { accountIds: input.accountIds } : {}),
    ...(input.regions ? { regions: input.regions } : {}),
  };
}

async function compute(db: Kysely<Database>, source: ActivitySource, scope: ActivityFilterInput): Promise<DetectionsResponse> {
  const run = await detectActivity(db, source, toSourceFilter(scope));
  const detections = run.detections
    .map((d) => ({ ...d, checkTitle: d.checkId ? (getCheck(d.checkId)?.title ?? null) : null }))
    .sort((a, b) => (RANK.get(a.severity) ?? 9) - (RANK.get(b.severity) ?? 9) || b.time.localeCompare(a.time));
  return {
    detections,
    notices: run.notices,
    eventsRead: run.eventsRead,
    scanId: run.scanId,
    problems: run.problems,
    computedAt: new Date().toISOString(),
  };
}

export function detectionsFor(
  db: Kysely<Database>,
  source: ActivitySource,
  input: ActivityFilterInput,
  now = Date.now(),
): Promise<DetectionsResponse> {
  const scope = scopeOf(input);
  const key = JSON.stringify(scope);
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = compute(db, source, scope);
  cache.set(key, { at: now, value });
  // A failed run is not remembered: the next request tries again.
  value.catch(() => cache.delete(key));
  for (const [k, entry] of cache) if (now - entry.at >= TTL_MS || cache.size > MAX_ENTRIES) cache.delete(k);
  return value;
}

/** For tests: forget cached runs. */
export function clearDetectionsCache(): void {
  cache.clear();
}
