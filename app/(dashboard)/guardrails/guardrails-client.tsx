"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Lock, RefreshCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useGuardrailInventory } from "@/hooks/use-guardrail-inventory";
import { useGuardrailMetrics } from "@/hooks/use-guardrail-metrics";
import { useGuardrailTrends } from "@/hooks/use-guardrail-trends";
import { logsKeys } from "@/hooks/use-logs";
import { ApiError } from "@/lib/api/fetcher";
import { TimeRangePicker } from "../logs/_components/time-range-picker";
import { absoluteRange, resolveRange } from "../logs/search-params";
import { BreakdownsSection } from "./_components/breakdowns-section";
import { FilterChips } from "./_components/filter-chips";
import { MetricsSection } from "./_components/metrics-section";
import { TrendsSection } from "./_components/trends-section";
import { guardrailsSearchParams, pickTrendsBucket, toTrendsFilter, type GuardrailsPatch } from "./search-params";

// Below the fold: its expandable settings tables load after the charts' data has been asked for.
const GuardrailInventorySection = dynamic(
  () => import("./_components/inventory-section").then((m) => m.GuardrailInventorySection),
  { loading: () => <div className="h-40 animate-pulse rounded-xl border border-(--border) bg-(--card)" aria-hidden /> },
);

const message = (e: unknown) => (e instanceof ApiError ? e.message : e ? "The request failed." : null);
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const STORE_SOURCE = {
  embedded: "From invocation logs (embedded store)",
  cloudwatch: "From invocation logs (CloudWatch Logs Insights)",
} as const;

type Props = { canReadLogs: boolean; storeKind: keyof typeof STORE_SOURCE };

/** /guardrails: log-based intervention trends (logs:read), CloudWatch guardrail metrics, and the inventory. */
export function GuardrailsClient({ canReadLogs, storeKind }: Props) {
  const [state, setState] = useQueryStates(guardrailsSearchParams, { history: "replace", scroll: false });
  const queryClient = useQueryClient();
  // As on /logs: a relative range ends "now", anchored until a preset or Refresh moves it, so keys stay stable.
  const [now, setNow] = useState(() => Date.now());
  const range = resolveRange(state, now);
  const filter = toTrendsFilter(state, now);
  const bucket = pickTrendsBucket(range.from, range.to);
  const update = useCallback((patch: GuardrailsPatch) => void setState(patch), [setState]);

  const trends = useGuardrailTrends(filter, bucket, canReadLogs);
  const metrics = useGuardrailMetrics({
    from: filter.from,
    to: filter.to,
    bucket,
    accounts: state.account.filter((a) => ACCOUNT_ID.test(a)),
    regions: state.region.filter((r) => REGION.test(r)),
  });
  const inventory = useGuardrailInventory();
  const names = useMemo(
    () => new Map((inventory.data?.regions ?? []).flatMap((r) => (r.guardrails ?? []).map((g) => [g.id, g.name] as const))),
    [inventory.data],
  );
  const source = STORE_SOURCE[trends.data?.store ?? storeKind];
  const trendsLoading = !trends.data && trends.isFetching;
  const trendsError = trends.data ? null : message(trends.error);

  const refresh = () => {
    setNow(Date.now());
    void queryClient.invalidateQueries({ queryKey: logsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["guardrail-metrics"] });
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <TimeRangePicker
            preset={state.range}
            absolute={absoluteRange(state)}
            resolved={range}
            onPreset={(preset) => {
              setNow(Date.now());
              update({ range: preset, from: null, to: null });
            }}
            onAbsolute={(from, to) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })}
          />
          <Button onClick={refresh} aria-label="Refresh" title="Refresh">
            <RefreshCw aria-hidden className={trends.isFetching || metrics.isFetching ? "animate-spin" : undefined} />
          </Button>
          <p className="text-xs text-(--muted)">Times in UTC, per {bucket}.</p>
        </div>
        <FilterChips state={state} onChange={update} />
      </div>

      {canReadLogs ? (
        <section aria-labelledby="log-trends" className="space-y-4">
          <div>
            <h2 id="log-trends" className="text-base font-semibold tracking-tight">
              Interventions in the invocation logs
            </h2>
            <p className="text-xs text-(--muted)">
              Counted from the logged invocations; click any bar, point or row to list the intervened records in Invocations.
            </p>
          </div>
          <TrendsSection
            state={state}
            now={now}
            bucket={bucket}
            source={source}
            trends={trends.data}
            loading={trendsLoading}
            error={trendsError}
          />
          <BreakdownsSection
            state={state}
            now={now}
            source={source}
            trends={trends.data}
            loading={trendsLoading}
            error={trendsError}
            guardrailNames={names}
          />
        </section>
      ) : (
        <p className="flex items-start gap-2 rounded-xl border border-(--border) bg-(--card) px-4 py-3 text-sm text-(--muted)">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
          Trends from the invocation logs are hidden: they are counted from logged prompts and principals, which your role cannot
          read. The CloudWatch metrics and the inventory below carry no record content.
        </p>
      )}

      <MetricsSection
        metrics={metrics.data}
        loading={!metrics.data && metrics.isFetching}
        error={metrics.data ? null : message(metrics.error)}
      />

      <GuardrailInventorySection />
    </div>
  );
}
