"use client";

import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { MouseHandlerDataParam } from "recharts";
import { BAR_TOOLTIP, COUNT_Y_AXIS, GRID_PROPS, TIME_X_AXIS } from "@/components/charts/chart-theme";
import type { TimeBucket, TimeseriesPoint } from "@/lib/schemas/logs";
import { SERIES_COLOR } from "./series-colors";

type Row = TimeseriesPoint & { ok: number };

const TICK = {
  minute: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
  hour: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
} as const;
const FULL = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && "t" in value && "invocations" in value;
}

function ChartTooltip({ active, payload }: TooltipContentProps) {
  const row: unknown = payload?.[0]?.payload;
  if (!active || !isRow(row)) return null;
  return (
    <div className="min-w-40 rounded-lg border border-(--border) bg-(--card) px-3 py-2 text-xs shadow-lg">
      <p className="mb-1 text-(--muted)">{FULL.format(Date.parse(row.t))} UTC</p>
      <p className="flex justify-between gap-4 font-medium">
        Invocations <span className="tabular-nums">{row.invocations.toLocaleString("en-US")}</span>
      </p>
      <p className="flex justify-between gap-4">
        <span className="flex items-center gap-1.5">
          <span className="size-2 rounded-sm" style={{ background: SERIES_COLOR.errors }} />
          Errors
        </span>
        <span className="tabular-nums">{row.errors.toLocaleString("en-US")}</span>
      </p>
      <p className="flex justify-between gap-4">
        <span className="flex items-center gap-1.5">
          <span className="size-2 rounded-sm" style={{ background: SERIES_COLOR.interventions }} />
          Interventions
        </span>
        <span className="tabular-nums">{row.interventions.toLocaleString("en-US")}</span>
      </p>
    </div>
  );
}

type Props = { points: TimeseriesPoint[]; bucket: TimeBucket; onSelect: (from: number, to: number) => void };

/**
 * Dumb chart: stacked bars per bucket (errors, interventions, the rest). Dragging across bars or
 * clicking one narrows the time range to what was selected.
 */
export default function TimeseriesChart({ points, bucket, onSelect }: Props) {
  const [drag, setDrag] = useState<{ start: string; end: string } | null>(null);
  const rows: Row[] = points.map((p) => ({ ...p, ok: Math.max(0, p.invocations - p.errors - p.interventions) }));
  const size = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[bucket];
  const label = (s: MouseHandlerDataParam) => (typeof s.activeLabel === "string" ? s.activeLabel : null);

  const finish = () => {
    if (!drag) return;
    const a = Date.parse(drag.start);
    const b = Date.parse(drag.end);
    setDrag(null);
    if (Number.isFinite(a) && Number.isFinite(b)) onSelect(Math.min(a, b), Math.max(a, b) + size);
  };

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        margin={{ top: 4, right: 4, bottom: 0, left: -18 }}
        barCategoryGap={rows.length > 90 ? 0 : "15%"}
        accessibilityLayer={false}
        onMouseDown={(s) => {
          const t = label(s);
          if (t) setDrag({ start: t, end: t });
        }}
        onMouseMove={(s) => {
          const t = label(s);
          if (drag && t && t !== drag.end) setDrag({ ...drag, end: t });
        }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(null)}
        style={{ cursor: "crosshair", userSelect: "none" }}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...TIME_X_AXIS} tickFormatter={(t: string) => TICK[bucket].format(Date.parse(t))} />
        <YAxis {...COUNT_Y_AXIS} width={48} />
        <Tooltip content={ChartTooltip} {...BAR_TOOLTIP} />
        <Bar dataKey="interventions" stackId="a" fill={SERIES_COLOR.interventions} isAnimationActive={false} />
        <Bar dataKey="errors" stackId="a" fill={SERIES_COLOR.errors} isAnimationActive={false} />
        <Bar dataKey="ok" stackId="a" fill={SERIES_COLOR.ok} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        {drag && <ReferenceArea x1={drag.start} x2={drag.end} fill="var(--accent)" fillOpacity={0.15} strokeOpacity={0} />}
      </BarChart>
    </ResponsiveContainer>
  );
}
