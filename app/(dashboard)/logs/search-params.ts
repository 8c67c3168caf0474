import {
  parseAsBoolean,
  parseAsInteger,
  parseAsNativeArrayOf,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { GUARDRAIL_ID, GUARDRAIL_SIDES, POLICY_TYPES } from "@/components/logs/constants";
import type { LogFilter, TimeBucket } from "@/lib/schemas/logs";

export const RANGE_PRESETS = ["15m", "1h", "24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_MS: Record<RangePreset, number> = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

export const PRESET_LABEL: Record<RangePreset, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

/** The results table's columns, in display order; `cols` in the URL picks which are shown. */
export const COLUMN_IDS = [
  "time",
  "model",
  "operation",
  "principal",
  "account",
  "region",
  "guardrail",
  "error",
  "tokens",
  "latency",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  "time",
  "model",
  "principal",
  "region",
  "guardrail",
  "error",
  "tokens",
  "latency",
];

const GUARDRAIL_ACTIONS = ["INTERVENED", "NONE"] as const;
const list = parseAsNativeArrayOf(parseAsString);

/**
 * The explorer's whole state, so a URL reproduces the view. Lists repeat their key (`?model=a&model=b`):
 * unlike a separator, that is unambiguous for ARNs and session names, which may contain commas.
 */
export const logsSearchParams = {
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault("24h"),
  /** An absolute range (ISO); when both are valid they win over `range`. */
  from: parseAsString,
  to: parseAsString,
  account: list,
  region: list,
  model: list,
  op: list,
  principal: list,
  role: list,
  error: list,
  hasError: parseAsBoolean,
  guardrail: parseAsNativeArrayOf(parseAsStringLiteral(GUARDRAIL_ACTIONS)),
  policy: parseAsNativeArrayOf(parseAsStringLiteral(POLICY_TYPES)),
  /** Guardrail ids (as in the trace). */
  gid: list,
  /** The side a guardrail finding was on; a record with findings on both sides matches either. */
  side: parseAsNativeArrayOf(parseAsStringLiteral(GUARDRAIL_SIDES)),
  xregion: parseAsBoolean,
  inMin: parseAsInteger,
  inMax: parseAsInteger,
  outMin: parseAsInteger,
  outMax: parseAsInteger,
  /** `key=value` request-metadata pairs. */
  meta: list,
  q: parseAsString.withDefault(""),
  /** The record open in the detail drawer. */
  id: parseAsString,
  cols: parseAsNativeArrayOf(parseAsStringLiteral(COLUMN_IDS)),
};

export type LogsSearchState = inferParserType<typeof logsSearchParams>;

/** Every filter key, cleared at once by "Clear all" (time range and columns stay). */
export const CLEARED_FILTERS = {
  account: null,
  region: null,
  model: null,
  op: null,
  principal: null,
  role: null,
  error: null,
  hasError: null,
  guardrail: null,
  policy: null,
  gid: null,
  side: null,
  xregion: null,
  inMin: null,
  inMax: null,
  outMin: null,
  outMax: null,
  meta: null,
  q: null,
} as const;

const MAX_SPAN_MS = 366 * 86_400_000;
const METADATA_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The absolute range in the URL, or null when it is missing or one the API would refuse. */
export function absoluteRange(state: Pick<LogsSearchState, "from" | "to">): { from: number; to: number } | null {
  if (!state.from || !state.to) return null;
  const from = Date.parse(state.from);
  const to = Date.parse(state.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from || to - from > MAX_SPAN_MS) return null;
  return { from, to };
}

/** [from, to) in ms: the absolute range, else the preset ending at `now` rounded up to the minute (stable query keys). */
export function resolveRange(state: Pick<LogsSearchState, "from" | "to" | "range">, now: number): { from: number; to: number } {
  const absolute = absoluteRange(state);
  if (absolute) return absolute;
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: to - PRESET_MS[state.range], to };
}

/** `key=value` → a pair the API accepts, or null. */
export function parseMetadataPair(text: string): { key: string; value: string } | null {
  const at = text.indexOf("=");
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1);
  return METADATA_KEY.test(key) && value.length <= 256 ? { key, value } : null;
}

const cleanList = (values: readonly string[]) =>
  [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 256))].slice(0, 50);
const nonNegative = (n: number | null) => (n !== null && Number.isSafeInteger(n) && n >= 0 ? n : undefined);

function tokenRange(min: number | null, max: number | null): { min?: number; max?: number } | undefined {
  let lo = nonNegative(min);
  let hi = nonNegative(max);
  if (lo !== undefined && hi !== undefined && lo > hi) [lo, hi] = [hi, lo];
  if (lo === undefined && hi === undefined) return undefined;
  return { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
}

/**
 * URL state → the API's LogFilter. Hand-edited URLs never break the page: values the API would
 * refuse are dropped, so the request is always one the server can answer. Built without zod so the
 * client bundle needs none; the server parses the result with logFilterSchema anyway.
 */
export function toLogFilter(state: LogsSearchState, now: number): LogFilter {
  const { from, to } = resolveRange(state, now);
  const text = state.q.trim().slice(0, 200);
  const metadata = state.meta.map(parseMetadataPair).filter((p) => p !== null);
  const lists: [keyof LogFilter, readonly string[]][] = [
    ["accountIds", state.account],
    ["regions", state.region],
    ["modelIds", state.model],
    ["operations", state.op],
    ["principalArns", state.principal],
    ["roles", state.role],
    ["errorCodes", state.error],
  ];
  const filter: LogFilter = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  for (const [key, values] of lists) {
    const clean = cleanList(values);
    if (clean.length > 0) Object.assign(filter, { [key]: clean });
  }
  if (state.hasError !== null) filter.hasError = state.hasError;
  if (state.guardrail.length > 0) filter.guardrailActions = [...new Set(state.guardrail)];
  if (state.policy.length > 0) filter.guardrailPolicyTypes = [...new Set(state.policy)];
  const guardrailIds = cleanList(state.gid).filter((id) => GUARDRAIL_ID.test(id));
  if (guardrailIds.length > 0) filter.guardrailIds = guardrailIds;
  if (state.side.length > 0) filter.guardrailSides = [...new Set(state.side)];
  if (state.xregion !== null) filter.crossRegion = state.xregion;
  const inputTokens = tokenRange(state.inMin, state.inMax);
  if (inputTokens) filter.inputTokens = inputTokens;
  const outputTokens = tokenRange(state.outMin, state.outMax);
  if (outputTokens) filter.outputTokens = outputTokens;
  if (metadata.length > 0) filter.metadata = metadata.slice(0, 10);
  if (text && /[\p{L}\p{N}]/u.test(text)) filter.text = text;
  return filter;
}

/** The finest bucket that keeps the chart readable and under the server's point cap. */
export function pickBucket(from: number, to: number): TimeBucket {
  const span = to - from;
  if (span <= 6 * 3_600_000) return "minute";
  if (span <= 14 * 86_400_000) return "hour";
  return "day";
}

/** The columns to show: the URL's choice (in display order), else the default set. */
export function visibleColumns(cols: readonly ColumnId[] | null): ColumnId[] {
  if (!cols || cols.length === 0) return [...DEFAULT_COLUMNS];
  const chosen = new Set<ColumnId>(cols);
  chosen.add("time");
  return COLUMN_IDS.filter((c) => chosen.has(c));
}

/** How many filters (not the time range) are active: for the empty state and "Clear all". */
export function activeFilterCount(state: LogsSearchState): number {
  return (
    state.account.length +
    state.region.length +
    state.model.length +
    state.op.length +
    state.principal.length +
    state.role.length +
    state.error.length +
    state.guardrail.length +
    state.policy.length +
    state.gid.length +
    state.side.length +
    state.meta.length +
    [state.hasError, state.xregion, state.inMin, state.inMax, state.outMin, state.outMax].filter((v) => v !== null).length +
    (state.q.trim() ? 1 : 0)
  );
}

/** A change to the URL state; null removes a key (back to its default). */
export type LogsPatch = { [K in keyof LogsSearchState]?: LogsSearchState[K] | null };
