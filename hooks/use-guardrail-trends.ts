"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { LogFilter } from "@/lib/schemas/logs";
import { logsKeys } from "./use-logs";

// zod and the schema load with the first request, not with the page.
const trendsSchema = async () => (await import("@/lib/schemas/guardrail-trends")).guardrailTrendsSchema;

/** Under logsKeys.all, so the end of the demo seed and "Refresh" reload it with the explorer's queries. */
const guardrailTrendsKey = (filter: LogFilter, bucket: "hour" | "day") =>
  [...logsKeys.all, "guardrail-trends", filter, bucket] as const;

/** Log-based guardrail trends for the filter; `enabled` is false for roles without logs:read. */
export function useGuardrailTrends(filter: LogFilter, bucket: "hour" | "day", enabled = true) {
  return useQuery({
    queryKey: guardrailTrendsKey(filter, bucket),
    enabled,
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ filter: JSON.stringify(filter), bucket });
      return fetchJson(`/api/guardrails/trends?${params.toString()}`, await trendsSchema(), { signal });
    },
    placeholderData: keepPreviousData,
  });
}
