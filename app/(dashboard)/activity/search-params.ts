import { parseAsBoolean, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { ActivityFilterInput } from "@/lib/schemas/activity-api";

export const RANGE_PRESETS = ["24h", "7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const DAY = 86_400_000;
const PRESET_MS: Record<RangePreset, number> = { "24h": DAY, "7d": 7 * DAY, "30d": 30 * DAY, "90d": 90 * DAY };

export const PRESET_LABEL: Record<RangePreset, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
};

/** CloudTrail's lookup history; the API refuses a longer span. */
export const MAX_SPAN_MS = 90 * DAY;

const list = parseAsNativeArrayOf(parseAsString);

/** The page's whole state, so a URL reproduces the view; lists repeat their key (`?region=a&region=b`). */
export const activitySearchParams = {
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault("7d"),
  /** An absolute range (ISO); when both are valid they win over `range`. */
  from: parseAsString,
  to: parseAsString,
  account: list,
  region: list,
  name: list,
  actor: parseAsString,
  failed: parseAsBoolean,
  /** The event open in the drawer. */
  id: parseAsString,
  /** The detection whose events are highlighted. */
  det: parseAsString,
};

export type ActivitySearchState = inferParserType<typeof activitySearchParams>;
export type ActivityPatch = { [K in keyof ActivitySearchState]?: ActivitySearchState[K] | null };

export const CLEARED_FILTERS = { account: null, region: null, name: null, actor: null, failed: null } as const;

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const EVENT_NAME = /^[A-Za-z0-9]{1,128}$/;

/** The absolute range in the URL, or null when it is missing or one the API would refuse. */
export function absoluteRange(state: Pick<ActivitySearchState, "from" | "to">): { from: number; to: number } | null {
  if (!state.from || !state.to) return null;
  const from = Date.parse(state.from);
  const to = Date.parse(state.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || to - from > MAX_SPAN_MS) return null;
  return { from, to };
}

/** [from, to) in ms: the absolute range, else the preset ending at `now` rounded up to the minute. */
export function resolveRange(state: Pick<ActivitySearchState, "from" | "to" | "range">, now: number) {
  const absolute = absoluteRange(state);
  if (absolute) return absolute;
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: to - PRESET_MS[state.range], to };
}

const clean = (values: readonly string[], pattern: RegExp) =>
  [...new Set(values.map((v) => v.trim()))].filter((v) => pattern.test(v)).slice(0, 50);

/**
 * URL state → the API's filter. A hand-edited URL never breaks the page: values the API would refuse
 * are dropped (and the filter bar shows what is actually applied).
 */
export function toActivityFilter(state: ActivitySearchState, now: number): ActivityFilterInput {
  const { from, to } = resolveRange(state, now);
  const filter: ActivityFilterInput = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const accountIds = clean(state.account, ACCOUNT);
  const regions = clean(state.region, REGION);
  const names = clean(state.name, EVENT_NAME);
  if (accountIds.length > 0) filter.accountIds = accountIds;
  if (regions.length > 0) filter.regions = regions;
  if (names.length > 0) filter.names = names;
  const actor = state.actor?.trim();
  if (actor && actor.startsWith("arn:") && actor.length <= 2048) filter.actorArn = actor;
  if (state.failed) filter.failedOnly = true;
  return filter;
}

/** What the detections panel asks about: the range, accounts and Regions (the other filters narrow the table only). */
export function detectionScope(filter: ActivityFilterInput): ActivityFilterInput {
  const scope: ActivityFilterInput = { from: filter.from, to: filter.to };
  if (filter.accountIds) scope.accountIds = filter.accountIds;
  if (filter.regions) scope.regions = filter.regions;
  return scope;
}

/** Splits what a user typed into a filter box: commas, spaces or new lines. */
export function splitValues(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export function activeFilterCount(state: ActivitySearchState): number {
  return state.account.length + state.region.length + state.name.length + (state.actor ? 1 : 0) + (state.failed ? 1 : 0);
}
