"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw, ScrollText } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notices } from "@/components/ui/notices";
import { NoResultsState, ResultsBody } from "@/components/ui/result-states";
import { formatCount } from "@/components/posture/format";
import { logsKeys, useLogCount, useLogFacets, useLogPages, useLogsStatus, useLogTimeseries } from "@/hooks/use-logs";
import { ApiError } from "@/lib/api/fetcher";
import { pagingProps } from "@/lib/paging";
import { ColumnMenu } from "./_components/column-menu";
import { ExportMenu } from "./_components/export-menu";
import { FacetSidebar } from "./_components/facet-sidebar";
import { FilterBar } from "./_components/filter-bar";
import { ResultsTable } from "./_components/results-table";
import { SavedViewsMenu } from "./_components/saved-views-menu";
import { SearchBox } from "./_components/search-box";
import { SeedingBanner } from "./_components/status-banner";
import { TimeRangePicker } from "./_components/time-range-picker";
import { VolumePanel } from "./_components/volume-panel";
import { LogsSkeletonTable } from "./logs.skeleton";
import {
  absoluteRange,
  activeFilterCount,
  CLEARED_FILTERS,
  logsSearchParams,
  pickBucket,
  resolveRange,
  toLogFilter,
  visibleColumns,
  type LogsPatch,
} from "./search-params";

// The drawer (trace, bodies, reveal dialog) loads when a record is first opened, not with the page.
const DetailDrawer = dynamic(() => import("./_components/detail-drawer").then((m) => m.DetailDrawer), { ssr: false });

const message = (e: unknown) => (e instanceof ApiError ? e.message : e ? "The request failed." : null);

export function LogsClient({ canReveal }: { canReveal: boolean }) {
  const [state, setState] = useQueryStates(logsSearchParams, { history: "replace", scroll: false });
  const queryClient = useQueryClient();
  // Relative ranges end "now"; the anchor moves only on purpose (a preset, Refresh), so query keys stay stable.
  const [now, setNow] = useState(() => Date.now());
  const range = resolveRange(state, now);
  const filter = toLogFilter(state, now);
  const bucket = pickBucket(range.from, range.to);

  const status = useLogsStatus();
  const pages = useLogPages(filter);
  const count = useLogCount(filter);
  const facets = useLogFacets(filter);
  const series = useLogTimeseries(filter, bucket);
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const update = useCallback((patch: LogsPatch) => void setState(patch), [setState]);
  const refresh = () => {
    setNow(Date.now());
    void queryClient.invalidateQueries({ queryKey: logsKeys.all });
  };
  const clear = () => void setState(CLEARED_FILTERS);
  const filtered = activeFilterCount(state) > 0;

  // Drawer navigation follows the loaded rows and, at the end, the next page.
  const index = state.id ? rows.findIndex((r) => r.id === state.id) : -1;
  const open = (id: string | null) => void setState({ id });
  const prev = index > 0 ? () => open(rows[index - 1]?.id ?? null) : null;
  const next =
    index >= 0 && (index < rows.length - 1 || pages.hasNextPage)
      ? () => {
          const following = rows[index + 1];
          if (following) return open(following.id);
          void pages.fetchNextPage().then((r) => {
            const loaded = r.data?.pages.flatMap((p) => p.items) ?? [];
            const target = loaded[index + 1];
            if (target) open(target.id);
          });
        }
      : null;
  const position = index >= 0 ? `${formatCount(index + 1)} of ${count.data !== undefined ? formatCount(count.data) : "…"}` : null;
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages]);

  const notices = [pages.data?.pages[0]?.notice, facets.data?.notice, series.data?.notice].filter((n): n is string => Boolean(n));
  const columns = visibleColumns(state.cols);

  return (
    <div className="space-y-3">
      {status.data?.seeding && <SeedingBanner seeding={status.data.seeding} />}
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={state.q} onSearch={(q) => update({ q: q.trim() || null })} />
        <TimeRangePicker
          preset={state.range}
          absolute={absoluteRange(state)}
          resolved={range}
          onPreset={(range) => {
            setNow(Date.now());
            update({ range, from: null, to: null });
          }}
          onAbsolute={(from, to) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })}
        />
        <Button onClick={refresh} aria-label="Refresh results" title="Refresh">
          <RefreshCw aria-hidden className={pages.isFetching ? "animate-spin" : undefined} />
        </Button>
        <ColumnMenu columns={columns} onChange={(cols) => update({ cols })} />
        <SavedViewsMenu />
        <ExportMenu filter={filter} count={count.data} canReveal={canReveal} />
      </div>
      <FilterBar state={state} onChange={update} onClear={clear} />
      <Notices notices={notices} />
      <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <FacetSidebar state={state} facets={facets.data} loading={facets.isFetching} onToggle={update} />
          {facets.error && (
            <p role="alert" className="px-2 text-xs text-status-fail">
              {message(facets.error)}
            </p>
          )}
        </aside>
        <div className="min-w-0 space-y-3">
          <VolumePanel
            count={count.data}
            countError={message(count.error)}
            series={series.data}
            seriesError={message(series.error)}
            busy={series.isFetching && series.isPlaceholderData}
            onSelect={(from, to) => update({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })}
          />
          <div className="overflow-hidden rounded-xl border border-(--border) bg-(--card) shadow-xs">
            <ResultsBody
              error={message(pages.error)}
              loaded={pages.data !== undefined}
              empty={rows.length === 0}
              errorTitle="The invocations could not be loaded"
              onRetry={() => void pages.refetch()}
              skeleton={<LogsSkeletonTable />}
              noResults={
                <NoResultsState
                  filtered={filtered}
                  icon={ScrollText}
                  filteredTitle="No invocations match these filters"
                  emptyTitle="No invocations in this time range"
                  onClear={clear}
                >
                  {filtered
                    ? "Remove a filter, change the search or widen the time range."
                    : status.data?.seeding
                      ? "The demo logs are still being generated."
                      : "Widen the time range, or check that model invocation logging is enabled."}
                </NoResultsState>
              }
            >
              <ResultsTable
                rows={rows}
                total={count.data}
                columns={columns}
                selectedId={state.id}
                {...pagingProps(pages, loadMore)}
                onOpen={(id) => open(id)}
              />
            </ResultsBody>
          </div>
        </div>
      </div>
      {state.id && (
        <DetailDrawer
          id={state.id}
          position={position}
          onPrev={prev}
          onNext={next}
          onClose={() => open(null)}
          onFilter={update}
          meta={state.meta}
        />
      )}
    </div>
  );
}
