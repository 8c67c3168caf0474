import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { ComplianceQuery, ComplianceScopeQuery } from "@/lib/schemas/compliance-api";
import type { Status } from "@/lib/schemas/finding";
import { complianceSearch } from "./search-params";

// zod (~30 kB gzip) loads with the first client-side fetch, not with the page: the first answer is hydrated.
const schemas = () => import("@/lib/schemas/compliance-api");
const base = (frameworkId: string) => `/api/compliance/${encodeURIComponent(frameworkId)}`;

export const complianceKeys = {
  all: ["compliance"] as const,
  detail: (frameworkId: string, q: ComplianceQuery) => ["compliance", frameworkId, "detail", q] as const,
  trend: (frameworkId: string, q: ComplianceScopeQuery) => ["compliance", frameworkId, "trend", q] as const,
  findings: (frameworkId: string, requirementId: string, q: ComplianceQuery, status: readonly Status[]) =>
    ["compliance", frameworkId, "findings", requirementId, q, status] as const,
};

export function frameworkDetailOptions(frameworkId: string, q: ComplianceQuery) {
  return queryOptions({
    queryKey: complianceKeys.detail(frameworkId, q),
    queryFn: async ({ signal }) => {
      const { frameworkDetailSchema } = await schemas();
      return fetchJson(`${base(frameworkId)}${complianceSearch(q)}`, frameworkDetailSchema, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function frameworkTrendOptions(frameworkId: string, q: ComplianceScopeQuery) {
  return queryOptions({
    queryKey: complianceKeys.trend(frameworkId, q),
    queryFn: async ({ signal }) => {
      const { frameworkTrendSchema } = await schemas();
      return fetchJson(`${base(frameworkId)}/trend${complianceSearch(q)}`, frameworkTrendSchema, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function requirementFindingsOptions(frameworkId: string, requirementId: string, q: ComplianceQuery, status: Status[]) {
  return infiniteQueryOptions({
    queryKey: complianceKeys.findings(frameworkId, requirementId, q, status),
    initialPageParam: null as string | null,
    queryFn: async ({ signal, pageParam }) => {
      const { requirementFindingsPageSchema } = await schemas();
      const search = complianceSearch({ ...q, status, ...(pageParam ? { cursor: pageParam } : {}) });
      const url = `${base(frameworkId)}/requirements/${encodeURIComponent(requirementId)}/findings${search}`;
      return fetchJson(url, requirementFindingsPageSchema, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
