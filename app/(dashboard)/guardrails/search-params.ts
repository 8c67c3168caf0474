import { parseAsNativeArrayOf, parseAsString, type inferParserType } from "nuqs/server";
import { GUARDRAIL_ID } from "@/lib/constants/log-fields";
import type { LogFilter } from "@/lib/schemas/logs";
import { logsSearchParams, resolveRange } from "../logs/search-params";

const list = parseAsNativeArrayOf(parseAsString);

/**
 * /guardrails' URL state: the explorer's own names (and parsers) for the time range and the filters
 * both pages share, so a link can move between them with its query string unchanged.
 */
export const guardrailsSearchParams = {
  range: logsSearchParams.range,
  from: logsSearchParams.from,
  to: logsSearchParams.to,
  account: logsSearchParams.account,
  region: logsSearchParams.region,
  model: logsSearchParams.model,
  principal: logsSearchParams.principal,
  /** Guardrail ids. */
  gid: list,
};

export type GuardrailsSearchState = inferParserType<typeof guardrailsSearchParams>;
export type GuardrailsPatch = { [K in keyof GuardrailsSearchState]?: GuardrailsSearchState[K] | null };
export const FILTER_KEYS = ["account", "region", "model", "principal", "gid"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const cleanList = (values: readonly string[]) =>
  [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 256))].slice(0, 50);

/** URL state → the API's LogFilter; values the API would refuse are dropped, as on /logs. */
export function toTrendsFilter(state: GuardrailsSearchState, now: number): LogFilter {
  const { from, to } = resolveRange(state, now);
  const filter: LogFilter = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const lists = [
    ["accountIds", cleanList(state.account)],
    ["regions", cleanList(state.region)],
    ["modelIds", cleanList(state.model)],
    ["principalArns", cleanList(state.principal)],
    ["guardrailIds", cleanList(state.gid).filter((g) => GUARDRAIL_ID.test(g))],
  ] as const;
  for (const [key, values] of lists) if (values.length > 0) filter[key] = values;
  return filter;
}

/** Hourly up to two days, daily beyond: enough bars to see a shape, few enough to click one. */
export function pickTrendsBucket(from: number, to: number): "hour" | "day" {
  return to - from <= 2 * 86_400_000 ? "hour" : "day";
}
