"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { ActivityFilterInput } from "@/lib/schemas/activity-api";

// zod and the schemas load with the first request, not with the page.
const apiSchemas = () => import("@/lib/schemas/activity-api");
const eventSchemas = () => import("@/lib/schemas/activity");

/** Every /activity query key starts with this, so one invalidation refreshes the page. */
export const activityKeys = {
  all: ["activity"] as const,
  events: (filter: ActivityFilterInput) => ["activity", "events", filter] as const,
  detections: (filter: ActivityFilterInput) => ["activity", "detections", filter] as const,
  event: (id: string) => ["activity", "event", id] as const,
};

const PAGE_SIZE = 50;
const EMPTY: ActivityFilterInput = { from: "", to: "" };

/**
 * Event pages, newest first. The filter in the key holds absolute times, so `to` cannot move under
 * a cursor; the cursor lives here and travels in a POST body (it can be several kB).
 */
export function useActivityPages(filter: ActivityFilterInput | null) {
  return useInfiniteQuery({
    queryKey: activityKeys.events(filter ?? EMPTY),
    enabled: filter !== null,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      fetchJson("/api/activity/events", (await apiSchemas()).activityPageSchema, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ filter, cursor: pageParam, limit: PAGE_SIZE }),
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Detections over the whole range; slow on AWS (every event is read), so kept a minute. */
export function useActivityDetections(filter: ActivityFilterInput | null) {
  return useQuery({
    queryKey: activityKeys.detections(filter ?? EMPTY),
    enabled: filter !== null,
    queryFn: async ({ signal }) =>
      fetchJson(
        `/api/activity/detections?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`,
        (await apiSchemas()).detectionsResponseSchema,
        { signal },
      ),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One event with its raw JSON; `enabled` lets the drawer ask only when raw is wanted or the row is not loaded. */
export function useActivityEvent(id: string | null, enabled = true) {
  return useQuery({
    queryKey: activityKeys.event(id ?? ""),
    enabled: id !== null && enabled,
    queryFn: async ({ signal }) =>
      fetchJson(`/api/activity/events/${encodeURIComponent(id ?? "")}`, (await eventSchemas()).activityEventSchema, { signal }),
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof Error && "status" in error && error.status === 404) && count < 2,
  });
}
