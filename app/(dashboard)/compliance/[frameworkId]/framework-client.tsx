"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, ShieldCheck } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import {
  formatShare,
  REQUIREMENT_STATUS_DESCRIPTION,
  REQUIREMENT_STATUS_LABEL,
  REQUIREMENT_STATUS_ORDER,
} from "@/components/compliance/labels";
import { RequirementStatusIcon } from "@/components/compliance/status-badge";
import { StatusBar } from "@/components/compliance/status-tally";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorState } from "@/components/ui/result-states";
import { Meter } from "@/components/ui/meter";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/fetcher";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import { ExportSlot } from "../_components/export-slot";
import { ScopeFilters } from "../_components/scope-filters";
import { frameworkDetailOptions, frameworkTrendOptions } from "../queries";
import { frameworkSearchParams, toComplianceQuery } from "../search-params";
import { TrendCard } from "./_components/trend-card";

// The drill-down (findings, evidence, attestation form) loads when a requirement is first opened.
const RequirementDrawer = dynamic(() => import("./_components/requirement-drawer"), { ssr: false });
// Server-rendered as usual; their JS (the table engine, the breakdown tabs) follows the page's own, which keeps it near 200 kB.
const RequirementsTable = dynamic(() => import("./_components/requirements-table").then((m) => m.RequirementsTable), {
  loading: () => <Skeleton className="mx-5 mb-5 h-96" />,
});
const BreakdownCard = dynamic(() => import("./_components/breakdown-card").then((m) => m.BreakdownCard), {
  loading: () => <Skeleton className="h-72 rounded-xl" />,
});

const message = (e: unknown) => (e instanceof ApiError ? e.message : e ? "The request failed." : null);

type Props = { frameworkId: string; canExport: boolean; canAttest: boolean };

/** /compliance/[frameworkId]: summary, trend, breakdowns, the requirements and the drill-down drawer. */
export function FrameworkClient({ frameworkId, canExport, canAttest }: Props) {
  const [state, setState] = useQueryStates(frameworkSearchParams, { history: "replace", scroll: false });
  const query = toComplianceQuery(state);
  const detail = useQuery(frameworkDetailOptions(frameworkId, query));
  const trend = useQuery(frameworkTrendOptions(frameworkId, { accounts: query.accounts, regions: query.regions }));
  const data = detail.data;

  const needle = state.q.trim().toLowerCase();
  const rows = useMemo(
    () =>
      (data?.requirements ?? []).filter(
        (r) =>
          (state.status.length === 0 || state.status.includes(r.status)) &&
          (!needle ||
            r.id.toLowerCase().includes(needle) ||
            r.title.toLowerCase().includes(needle) ||
            r.checks.some((c) => c.checkId.includes(needle) || c.title.toLowerCase().includes(needle))),
      ),
    [data, state.status, needle],
  );
  const index = rows.findIndex((r) => r.id === state.req);
  // A requirement opened by link stays open even when the table's filter hides it.
  const selected = data?.requirements.find((r) => r.id === state.req);
  const open = useCallback((req: string | null) => void setState({ req }), [setState]);
  const close = useCallback(() => open(null), [open]);
  const prev = index > 0 ? () => open(rows[index - 1]?.id ?? null) : null;
  const next = index >= 0 && index < rows.length - 1 ? () => open(rows[index + 1]?.id ?? null) : null;
  const toggleStatus = (s: RequirementStatus) =>
    void setState({ status: state.status.includes(s) ? state.status.filter((x) => x !== s) : [...state.status, s] });

  if (!data)
    return detail.error ? (
      <LoadErrorState
        title="This framework could not be loaded"
        message={message(detail.error)}
        onRetry={() => void detail.refetch()}
      />
    ) : null;

  return (
    <>
      <ScopeFilters scans={data.scans} scanId={data.scan?.id ?? null} accounts={data.accounts} regions={data.regions} shallow>
        {canExport && data.scan && (
          <ExportSlot
            scanId={data.scan.id}
            framework={data.id}
            frameworkLabel={`${data.name} (${data.version})`}
            accounts={query.accounts}
            regions={query.regions}
          />
        )}
      </ScopeFilters>

      {!data.scan ? (
        <EmptyState icon={ShieldCheck} title="No completed scan yet" className="rounded-xl border border-(--border) bg-(--card)">
          Requirement statuses are evaluated from a completed scan&apos;s findings. Run a scan from the overview, then come back.
        </EmptyState>
      ) : (
        <div
          className={cn("space-y-4 transition-opacity", detail.isPlaceholderData && "opacity-60")}
          aria-busy={detail.isFetching}
        >
          <div className="grid gap-4 lg:grid-cols-5">
            <Card aria-labelledby="summary-title" className="lg:col-span-2">
              <CardHeader id="summary-title" title="Summary" description={data.note} />
              <div className="space-y-4 px-5 pb-5">
                <div className="flex items-baseline gap-2">
                  <span className="text-3xl font-semibold tracking-tight tabular-nums">{formatShare(data.passShare)}</span>
                  <span className="text-sm text-(--muted)">of applicable requirements pass</span>
                </div>
                <div>
                  <div className="mb-1 flex justify-between text-xs">
                    <span className="text-(--muted)">Automated coverage</span>
                    <span className="tabular-nums">
                      <b>{data.coverage.automated}</b>{" "}
                      <span className="text-(--muted)">of {data.coverage.total} requirements</span>
                    </span>
                  </div>
                  <Meter value={data.coverage.ratio * 100} barClassName="bg-sky-500" />
                  <p className="mt-1 text-[11px] text-(--muted)">
                    {data.coverage.evidenced} of them have findings in this scope.
                  </p>
                </div>
                <StatusBar totals={data.totals} />
                <div role="group" aria-label="Filter requirements by status" className="grid grid-cols-2 gap-1.5 sm:grid-cols-3">
                  {REQUIREMENT_STATUS_ORDER.map((s) => (
                    <button
                      key={s}
                      type="button"
                      aria-pressed={state.status.includes(s)}
                      title={REQUIREMENT_STATUS_DESCRIPTION[s]}
                      onClick={() => toggleStatus(s)}
                      className={cn(
                        "flex items-center gap-1.5 rounded-lg border px-2 py-1.5 text-left text-xs transition-colors",
                        state.status.includes(s)
                          ? "border-(--accent)/50 bg-(--accent)/10"
                          : "border-(--border) hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]",
                      )}
                    >
                      <RequirementStatusIcon status={s} className="size-3.5" />
                      <span className="flex-1 text-(--muted)">{REQUIREMENT_STATUS_LABEL[s]}</span>
                      <span className="font-semibold tabular-nums">{data.totals[s] ?? 0}</span>
                    </button>
                  ))}
                </div>
              </div>
            </Card>
            <TrendCard
              frameworkName={data.name}
              frameworkId={frameworkId}
              trend={trend.data}
              loading={!trend.data && trend.isFetching}
              error={trend.data ? null : message(trend.error)}
              className="lg:col-span-3"
            />
          </div>

          <Card aria-labelledby="requirements-title">
            <CardHeader
              id="requirements-title"
              title="Requirements"
              description={`${rows.length} of ${data.requirements.length} shown. A requirement passes only when every mapped check passes across the scope.`}
              action={
                <label className="relative block">
                  <span className="sr-only">Search requirements</span>
                  <Search aria-hidden className="pointer-events-none absolute top-2 left-2.5 size-4 text-(--muted)" />
                  <input
                    type="search"
                    value={state.q}
                    onChange={(e) => void setState({ q: e.target.value || null })}
                    placeholder="Search id, title or check"
                    className="h-8 w-56 rounded-lg border border-(--border) bg-(--background) pr-2 pl-8 text-xs"
                  />
                </label>
              }
            />
            {rows.length === 0 ? (
              <p className="border-t border-(--border) px-5 py-8 text-center text-sm text-(--muted)">
                No requirement matches these filters.
              </p>
            ) : (
              <RequirementsTable rows={rows} selected={state.req} busy={detail.isPlaceholderData} onOpen={open} />
            )}
          </Card>

          <BreakdownCard
            detail={data}
            accountsInScope={query.accounts}
            regionsInScope={query.regions}
            onAccount={(id) => void setState({ accounts: [id] })}
            onRegion={(region) => void setState({ regions: [region] })}
          />
        </div>
      )}

      {selected && (
        <RequirementDrawer
          detail={data}
          requirement={selected}
          position={index >= 0 ? `${index + 1} of ${rows.length}` : "(hidden by the filters)"}
          query={query}
          canAttest={canAttest}
          canDownload={canExport}
          onPrev={prev}
          onNext={next}
          onClose={close}
        />
      )}
    </>
  );
}
