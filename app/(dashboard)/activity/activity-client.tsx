"use client";

import { useQueryClient } from "@tanstack/react-query";
import { History, RefreshCw, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { visibleText } from "@/components/logs/escape";
import { formatCount } from "@/components/posture/format";
import { Button } from "@/components/ui/button";
import { Notices } from "@/components/ui/notices";
import { NoResultsState, ResultsBody } from "@/components/ui/result-states";
import { activityKeys, useActivityDetections, useActivityPages } from "@/hooks/use-activity";
import { ApiError } from "@/lib/api/fetcher";
import { pagingProps } from "@/lib/paging";
import { DetectionsPanel } from "./_components/detections-panel";
import { EventsTable } from "./_components/events-table";
import { FilterBar } from "./_components/filter-bar";
import { TimeRange } from "./_components/time-range";
import { EventsSkeletonTable } from "./activity.skeleton";
import {
  absoluteRange,
  activeFilterCount,
  activitySearchParams,
  CLEARED_FILTERS,
  detectionScope,
  resolveRange,
  toActivityFilter,
  type ActivityPatch,
} from "./search-params";

// The drawer loads when an event is first opened, not with the page.
const EventDrawer = dynamic(() => import("./_components/event-drawer").then((m) => m.EventDrawer), { ssr: false });

const message = (e: unknown) => (e instanceof ApiError ? e.message : e ? "The request failed." : null);

export function ActivityClient({ canPivotLogs }: { canPivotLogs: boolean }) {
  const [state, setState] = useQueryStates(activitySearchParams, { history: "replace", scroll: false });
  const queryClient = useQueryClient();
  // A relative range is anchored when picked (or refreshed): the query key, and so `to`, stays fixed while paging.
  const [now, setNow] = useState(() => Date.now());
  const range = resolveRange(state, now);
  const filter = toActivityFilter(state, now);

  const pages = useActivityPages(filter);
  const detections = useActivityDetections(detectionScope(filter));
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.events) ?? [], [pages.data]);

  const update = useCallback((patch: ActivityPatch) => void setState(patch), [setState]);
  const refresh = () => {
    setNow(Date.now());
    void queryClient.invalidateQueries({ queryKey: activityKeys.all });
  };
  const clear = () => void setState({ ...CLEARED_FILTERS, id: null, det: null });
  const filtered = activeFilterCount(state) > 0;

  const detection = detections.data?.detections.find((d) => d.id === state.det) ?? null;
  const highlighted = useMemo(() => new Set(detection?.eventIds ?? []), [detection]);

  // Inside a detection, the drawer walks its events; otherwise the loaded rows.
  const sequence = detection && state.id && highlighted.has(state.id) ? detection.eventIds : rows.map((r) => r.id);
  const index = state.id ? sequence.indexOf(state.id) : -1;
  const open = (id: string | null) => void setState({ id });
  const prevId = index > 0 ? sequence[index - 1] : undefined;
  const nextId = index >= 0 ? sequence[index + 1] : undefined;
  const position =
    index < 0
      ? null
      : detection && sequence === detection.eventIds
        ? `event ${index + 1} of ${sequence.length} in this detection`
        : `${formatCount(index + 1)} of ${formatCount(rows.length)} loaded`;
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages]);

  const notices = [pages.data?.pages[0]?.notice, ...(detections.data?.notices ?? [])].filter((n): n is string => Boolean(n));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <TimeRange
          preset={state.range}
          absolute={absoluteRange(state)}
          resolved={range}
          onPreset={(preset) => {
            setNow(Date.now());
            update({ range: preset, from: null, to: null, id: null, det: null });
          }}
          onAbsolute={(from, to) =>
            update({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), id: null, det: null })
          }
        />
        <Button onClick={refresh} aria-label="Refresh" title="Refresh">
          <RefreshCw aria-hidden className={pages.isFetching || detections.isFetching ? "animate-spin" : undefined} />
        </Button>
      </div>
      <FilterBar state={state} rows={rows} onChange={update} />
      <Notices notices={notices} />
      <DetectionsPanel
        data={detections.data}
        error={message(detections.error)}
        busy={detections.isFetching}
        selectedId={state.det}
        onSelect={(d) => update({ det: d.id, id: d.eventIds[0] ?? null })}
        onRetry={() => void detections.refetch()}
      />
      {detection && (
        <div
          role="status"
          className="flex items-center gap-2 rounded-lg border border-amber-500/30 bg-amber-500/[0.07] px-3 py-2 text-sm"
        >
          <span className="min-w-0 flex-1 truncate">
            Highlighting {formatCount(detection.eventIds.length)} event{detection.eventIds.length === 1 ? "" : "s"} of “
            {visibleText(detection.title)}”
          </span>
          <Button size="sm" variant="ghost" onClick={() => update({ det: null })} aria-label="Stop highlighting">
            <X aria-hidden />
          </Button>
        </div>
      )}
      <section aria-label="Events" className="overflow-hidden rounded-xl border border-(--border) bg-(--card) shadow-xs">
        <ResultsBody
          error={message(pages.error)}
          loaded={pages.data !== undefined}
          empty={rows.length === 0}
          errorTitle="The events could not be loaded"
          onRetry={() => void pages.refetch()}
          skeleton={<EventsSkeletonTable />}
          noResults={
            <NoResultsState
              filtered={filtered}
              icon={History}
              filteredTitle="No events match these filters"
              emptyTitle="No Bedrock activity in this time range"
              onClear={clear}
            >
              {filtered
                ? "Remove a filter or widen the time range."
                : "Widen the time range, or check that CloudTrail is enabled in these accounts and Regions."}
            </NoResultsState>
          }
        >
          <EventsTable
            rows={rows}
            selectedId={state.id}
            highlighted={highlighted}
            {...pagingProps(pages, loadMore)}
            onOpen={(id) => open(id)}
          />
        </ResultsBody>
      </section>
      {state.id && (
        <EventDrawer
          key={state.id}
          id={state.id}
          row={rows.find((r) => r.id === state.id)}
          position={position}
          onPrev={prevId ? () => open(prevId) : null}
          onNext={nextId ? () => open(nextId) : null}
          onClose={() => open(null)}
          onFilter={update}
          canPivotLogs={canPivotLogs}
        />
      )}
    </div>
  );
}
