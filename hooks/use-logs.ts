"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/lib/api/fetcher";
import type { LogFilter, TimeBucket } from "@/lib/schemas/logs";

// zod (~27 kB gzip) and the schemas load with the first request, not with the page.
const logSchemas = () => import("@/lib/schemas/logs");
const detailSchemas = () => import("@/lib/schemas/log-detail");

/** Every /logs query key starts with this, so one invalidation refreshes the explorer. */
export const logsKeys = {
  all: ["logs"] as const,
  search: (filter: LogFilter) => ["logs", "search", filter] as const,
  count: (filter: LogFilter) => ["logs", "count", filter] as const,
  facets: (filter: LogFilter) => ["logs", "facets", filter] as const,
  timeseries: (filter: LogFilter, bucket: TimeBucket) => ["logs", "timeseries", filter, bucket] as const,
  record: (id: string) => ["logs", "record", id] as const,
  status: ["logs-status"] as const,
  views: ["logs-views"] as const,
};

const PAGE_SIZE = 100;

/** `/api/logs<path>?filter=…&…`: the filter travels as one JSON parameter, exactly the LogFilter the server parses. */
function logsUrl(path: string, filter: LogFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), ...extra });
  return `/api/logs${path}?${params.toString()}`;
}

async function countSchema() {
  const { z } = await import("zod");
  return z.object({ count: z.number() });
}

/** Result pages by cursor, newest first; the table asks for the next page as it scrolls. */
export function useLogPages(filter: LogFilter | null) {
  return useInfiniteQuery({
    queryKey: logsKeys.search(filter ?? { from: "", to: "" }),
    enabled: filter !== null,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      fetchJson(
        logsUrl("", filter ?? { from: "", to: "" }, {
          limit: String(PAGE_SIZE),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
        (await logSchemas()).logPageSchema,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The total is its own request, so the rows render before it arrives. */
export function useLogCount(filter: LogFilter | null) {
  return useQuery({
    queryKey: logsKeys.count(filter ?? { from: "", to: "" }),
    enabled: filter !== null,
    queryFn: async ({ signal }) =>
      (await fetchJson(logsUrl("/count", filter ?? { from: "", to: "" }), await countSchema(), { signal })).count,
    placeholderData: keepPreviousData,
  });
}

export function useLogFacets(filter: LogFilter | null) {
  return useQuery({
    queryKey: logsKeys.facets(filter ?? { from: "", to: "" }),
    enabled: filter !== null,
    queryFn: async ({ signal }) =>
      fetchJson(logsUrl("/facets", filter ?? { from: "", to: "" }), (await logSchemas()).facetsSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLogTimeseries(filter: LogFilter | null, bucket: TimeBucket) {
  return useQuery({
    queryKey: logsKeys.timeseries(filter ?? { from: "", to: "" }, bucket),
    enabled: filter !== null,
    queryFn: async ({ signal }) =>
      fetchJson(logsUrl("/timeseries", filter ?? { from: "", to: "" }, { bucket }), (await logSchemas()).timeseriesSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One record, bodies redacted: a reveal is a separate, audited POST whose answer is never cached. */
export function useLogRecord(id: string | null) {
  return useQuery({
    queryKey: logsKeys.record(id ?? ""),
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      fetchJson(`/api/logs/records/${encodeURIComponent(id ?? "")}`, (await detailSchemas()).logDetailSchema, { signal }),
  });
}

export async function revealLogRecord(id: string, justification: string) {
  return fetchJson(`/api/logs/records/${encodeURIComponent(id)}/reveal`, (await detailSchemas()).logDetailSchema, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ justification }),
  });
}

/**
 * The demo seed's progress, polled while it runs; when it finishes every explorer query is
 * refreshed once, so the page fills in without a reload.
 */
export function useLogsStatus() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: logsKeys.status,
    queryFn: async ({ signal }) => fetchJson("/api/logs/status", (await detailSchemas()).logsStatusSchema, { signal }),
    refetchInterval: (q) => (q.state.data?.seeding ? 1500 : false),
    staleTime: 0,
  });
  const wasSeeding = useRef(false);
  const seeding = status.data?.seeding ?? null;
  useEffect(() => {
    if (seeding) wasSeeding.current = true;
    else if (wasSeeding.current && status.data) {
      wasSeeding.current = false;
      void queryClient.invalidateQueries({ queryKey: logsKeys.all });
    }
  }, [seeding, status.data, queryClient]);
  return status;
}
