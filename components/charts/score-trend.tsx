"use client";

import { ChartLine, Table2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import type { TrendPoint } from "./trend-point";

// recharts is loaded only when a trend is drawn, so it never weighs on the first load of any route.
const ScoreTrendChart = dynamic(() => import("./score-trend-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full" />,
});

function summary(points: TrendPoint[]): string {
  const scored = points.filter((p) => p.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return "No scored scans yet.";
  if (first === last) return `One scan, score ${last.score?.toFixed(1)}.`;
  return `Score went from ${first.score?.toFixed(1)} to ${last.score?.toFixed(1)} over ${scored.length} scans.`;
}

function TrendTable({ points }: { points: TrendPoint[] }) {
  return (
    <div className="h-full overflow-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Score of each completed scan, oldest first</caption>
        <thead className="sticky top-0 bg-(--card)">
          <tr className="border-b border-(--border) text-left text-xs text-(--muted)">
            <th scope="col" className="py-1.5 font-medium">
              Scan finished
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Score
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Grade
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.scanId} className="border-b border-(--border) last:border-0">
              <td className="py-1.5">{p.at}</td>
              <td className="py-1.5 text-right tabular-nums">{p.score === null ? "–" : p.score.toFixed(1)}</td>
              <td className="py-1.5 text-right">{p.grade ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const VIEWS = [
  { id: "chart", label: "Chart", icon: ChartLine },
  { id: "table", label: "Table", icon: Table2 },
] as const;

/** The trend with a chart/table switch (the table is the chart's accessible alternative). */
export function ScoreTrend({ points }: { points: TrendPoint[] }) {
  const [view, setView] = useState<"chart" | "table">("chart");
  return (
    <div className="flex h-full flex-col">
      <div
        role="group"
        aria-label="Trend view"
        className="mb-3 flex gap-0.5 self-end rounded-lg border border-(--border) bg-(--background) p-0.5"
      >
        {VIEWS.map(({ id, label, icon: Icon }) => (
          <button
            key={id}
            type="button"
            aria-pressed={view === id}
            onClick={() => setView(id)}
            className={cn(
              "flex h-7 items-center gap-1.5 rounded-md px-2 text-xs text-(--muted) hover:text-(--foreground)",
              view === id && "bg-(--card) text-(--foreground) shadow-xs ring-1 ring-(--border)",
            )}
          >
            <Icon aria-hidden className="size-3.5" />
            {label}
          </button>
        ))}
      </div>
      <div className="h-56">
        {view === "chart" ? (
          <figure className="h-full" aria-label="Score trend chart">
            <p className="sr-only">{summary(points)} Switch to the table view for every value.</p>
            <div aria-hidden className="h-full">
              <ScoreTrendChart points={points} />
            </div>
          </figure>
        ) : (
          <TrendTable points={points} />
        )}
      </div>
    </div>
  );
}
