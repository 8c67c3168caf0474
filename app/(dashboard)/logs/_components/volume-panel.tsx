"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ViewToggle, type ChartView } from "@/components/charts/view-toggle";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/components/posture/format";
import type { Timeseries } from "@/lib/schemas/logs";
import { SERIES_COLOR } from "./series-colors";

// recharts loads with the first chart, not with the page.
const TimeseriesChart = dynamic(() => import("./timeseries-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-full" />,
});

const LEGEND = [
  { label: "Invocations", color: SERIES_COLOR.ok },
  { label: "Errors", color: SERIES_COLOR.errors },
  { label: "Interventions", color: SERIES_COLOR.interventions },
] as const;

const ROW_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

type Props = {
  count: number | undefined;
  countError: string | null;
  series: Timeseries | undefined;
  seriesError: string | null;
  busy: boolean;
  onSelect: (from: number, to: number) => void;
};

/** The total (its own request) and the volume over time, with a table as the chart's alternative. */
export function VolumePanel({ count, countError, series, seriesError, busy, onSelect }: Props) {
  const [view, setView] = useState<ChartView>("chart");
  const totals = series?.points.reduce(
    (t, p) => ({ errors: t.errors + p.errors, interventions: t.interventions + p.interventions }),
    { errors: 0, interventions: 0 },
  );
  return (
    <section aria-label="Volume over time" className="rounded-xl border border-(--border) bg-(--card) px-4 pt-3 pb-2 shadow-xs">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-1">
        <div aria-live="polite" className="text-sm">
          {count !== undefined ? (
            <>
              <b className="text-lg font-semibold tracking-tight tabular-nums">{formatCount(count)}</b>{" "}
              <span className="text-(--muted)">{count === 1 ? "invocation" : "invocations"}</span>
            </>
          ) : countError ? (
            <span className="text-status-fail">Count unavailable: {countError}</span>
          ) : (
            <Skeleton className="h-7 w-36" />
          )}
        </div>
        {totals && (
          <p className="flex gap-4 text-xs text-(--muted)">
            {LEGEND.map((l) => (
              <span key={l.label} className="flex items-center gap-1.5">
                <span aria-hidden className="size-2.5 rounded-sm" style={{ background: l.color }} />
                {l.label}
                {l.label === "Errors" && (
                  <b className="font-medium text-(--foreground) tabular-nums">{formatCount(totals.errors)}</b>
                )}
                {l.label === "Interventions" && (
                  <b className="font-medium text-(--foreground) tabular-nums">{formatCount(totals.interventions)}</b>
                )}
              </span>
            ))}
          </p>
        )}
        <ViewToggle label="Show volume as" view={view} onChange={setView} className="ml-auto" />
      </div>
      <div className={cn("mt-2 h-28 transition-opacity", busy && "opacity-60")}>
        {seriesError ? (
          <p role="alert" className="grid h-full place-items-center text-xs text-status-fail">
            {seriesError}
          </p>
        ) : !series ? (
          <Skeleton className="h-full" />
        ) : view === "chart" ? (
          <TimeseriesChart points={series.points} bucket={series.bucket} onSelect={onSelect} />
        ) : (
          <div className="h-full overflow-auto">
            <table className="w-full text-xs">
              <caption className="sr-only">Invocations, errors and interventions per {series.bucket}</caption>
              <thead className="sticky top-0 bg-(--card) text-(--muted)">
                <tr className="text-left">
                  <th scope="col" className="py-1 font-medium">
                    {series.bucket === "day" ? "Day" : series.bucket === "hour" ? "Hour" : "Minute"} (UTC)
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Invocations
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Errors
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Interventions
                  </th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {series.points
                  .filter((p) => p.invocations > 0)
                  .map((p) => (
                    <tr key={p.t} className="border-t border-(--border)">
                      <td className="py-1">{ROW_TIME.format(Date.parse(p.t))}</td>
                      <td className="py-1 text-right">{formatCount(p.invocations)}</td>
                      <td className="py-1 text-right">{formatCount(p.errors)}</td>
                      <td className="py-1 text-right">{formatCount(p.interventions)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {series?.notice && <p className="mt-1 text-xs text-amber-700 dark:text-amber-300">{series.notice}</p>}
    </section>
  );
}
