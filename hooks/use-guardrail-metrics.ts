"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";

const metricsSchema = async () => (await import("@/lib/schemas/guardrail-metrics")).guardrailMetricsResponseSchema;

type GuardrailMetricsQuery = {
  from: string;
  to: string;
  bucket: "hour" | "day";
  accounts: readonly string[];
  regions: readonly string[];
};

const guardrailMetricsKey = (q: GuardrailMetricsQuery) => ["guardrail-metrics", q] as const;

/** CloudWatch's AWS/Bedrock/Guardrails metrics (or the demo's) for the range; lists comma-separated, as the inventory API. */
export function useGuardrailMetrics(q: GuardrailMetricsQuery) {
  return useQuery({
    queryKey: guardrailMetricsKey(q),
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ from: q.from, to: q.to, bucket: q.bucket });
      if (q.accounts.length > 0) params.set("account", q.accounts.join(","));
      if (q.regions.length > 0) params.set("region", q.regions.join(","));
      return fetchJson(`/api/guardrails/metrics?${params.toString()}`, await metricsSchema(), { signal });
    },
    placeholderData: keepPreviousData,
  });
}
