"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";

export type GuardrailInventoryFilter = { account?: string[]; region?: string[] };

export const guardrailInventoryKeys = {
  all: ["guardrail-inventory"] as const,
  list: (filter: GuardrailInventoryFilter) => ["guardrail-inventory", filter] as const,
};

/** `/api/guardrails/inventory?account=…&region=…`: lists as comma-separated values, empty ones left out. */
function guardrailInventoryUrl(filter: GuardrailInventoryFilter): string {
  const params = new URLSearchParams();
  if (filter.account?.length) params.set("account", filter.account.join(","));
  if (filter.region?.length) params.set("region", filter.region.join(","));
  const search = params.toString();
  return search ? `/api/guardrails/inventory?${search}` : "/api/guardrails/inventory";
}

/** The latest scan's guardrail inventory; zod and the schema load with the first request, not with the page. */
export function useGuardrailInventory(filter: GuardrailInventoryFilter = {}) {
  return useQuery({
    queryKey: guardrailInventoryKeys.list(filter),
    queryFn: async ({ signal }) => {
      const { guardrailInventoryResponseSchema } = await import("@/lib/schemas/guardrail-inventory");
      return fetchJson(guardrailInventoryUrl(filter), guardrailInventoryResponseSchema, { signal });
    },
    // The inventory changes only when a scan completes.
    staleTime: 60_000,
  });
}
