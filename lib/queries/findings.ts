import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { FindingsQuery } from "@/lib/schemas/posture";

export const findingsKeys = {
  all: ["findings"] as const,
  list: (query: FindingsQuery) => ["findings", "list", query] as const,
};

/** The /api/findings URL for a query: lists as comma-separated values, defaults left out. */
export function findingsUrl(query: FindingsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `/api/findings?${search}` : "/api/findings";
}

export function findingsQueryOptions(query: FindingsQuery) {
  return queryOptions({
    queryKey: findingsKeys.list(query),
    queryFn: async ({ signal }) => {
      // zod (~30 kB gzip) loads with the first client-side fetch, not with the page: the first page is hydrated.
      const { findingsPageSchema } = await import("@/lib/schemas/posture");
      return fetchJson(findingsUrl(query), findingsPageSchema, { signal });
    },
    // Keeps the current page on screen while the next filter or page loads: no flash, no shift.
    placeholderData: keepPreviousData,
  });
}
