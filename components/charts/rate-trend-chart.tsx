"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
  type MouseHandlerDataParam,
  type TooltipContentProps,
} from "recharts";
import {
  AXIS_TICK,
  BAR_TOOLTIP,
  COUNT_Y_AXIS,
  GRID_PROPS,
  LEGEND_STYLE,
  TIME_X_AXIS,
  BUCKET_TICK,
  compactTick,
  CHART_COLOR,
  bucketLabel,
  ratePercent,
  type TrendBucket,
} from "./chart-theme";

type RatePoint = { t: string; total: number; hits: number };
type Row = RatePoint & { rest: number; rate: number | null };
type Labels = { total: string; hits: string };

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && "t" in value && "hits" in value;
}

function tooltip(bucket: TrendBucket, labels: Labels) {
  return function RateTooltip({ active, payload }: TooltipContentProps) {
    const row: unknown = payload?.[0]?.payload;
    if (!active || !isRow(row)) return null;
    const line = (color: string, label: string, value: string) => (
      <p className="flex justify-between gap-4">
        <span className="flex items-center gap-1.5">
          <span className="size-2 rounded-sm" style={{ background: color }} />
          {label}
        </span>
        <span className="tabular-nums">{value}</span>
      </p>
    );
    return (
      <div className="min-w-44 rounded-lg border border-(--border) bg-(--card) px-3 py-2 text-xs shadow-lg">
        <p className="mb-1 text-(--muted)">{bucketLabel(row.t, bucket)}</p>
        {line(CHART_COLOR.total, labels.total, row.total.toLocaleString("en-US"))}
        {line(CHART_COLOR.hits, labels.hits, row.hits.toLocaleString("en-US"))}
        {line(CHART_COLOR.rate, "Rate", row.rate === null ? "—" : `${row.rate}%`)}
      </div>
    );
  };
}

type Props = { points: readonly RatePoint[]; bucket: TrendBucket; labels: Labels; onSelect?: (t: string) => void };

/**
 * Dumb chart: per bucket, a bar of the total with its hits stacked at the bottom, and the hit rate
 * as a line on a % axis. Clicking a bucket hands its start to `onSelect`.
 */
export default function RateTrendChart({ points, bucket, labels, onSelect }: Props) {
  const rows: Row[] = points.map((p) => ({ ...p, rest: Math.max(0, p.total - p.hits), rate: ratePercent(p.hits, p.total) }));
  const select = (s: MouseHandlerDataParam) => {
    if (onSelect && typeof s.activeLabel === "string") onSelect(s.activeLabel);
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        data={rows}
        margin={{ top: 4, right: 0, bottom: 0, left: 0 }}
        barCategoryGap={rows.length > 90 ? 0 : "15%"}
        accessibilityLayer={false}
        onClick={select}
        style={onSelect ? { cursor: "pointer" } : undefined}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...TIME_X_AXIS} tickFormatter={(t: string) => BUCKET_TICK[bucket].format(Date.parse(t))} />
        <YAxis yAxisId="n" {...COUNT_Y_AXIS} width={44} tickFormatter={compactTick} />
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, (max: number) => Math.min(100, Math.max(5, Math.ceil(max / 5) * 5))]}
          tickFormatter={(v: number) => `${v}%`}
          tickLine={false}
          axisLine={false}
          width={40}
          tick={AXIS_TICK}
        />
        <Legend iconSize={8} iconType="square" wrapperStyle={LEGEND_STYLE} />
        <Tooltip content={tooltip(bucket, labels)} {...BAR_TOOLTIP} />
        <Bar yAxisId="n" dataKey="hits" name={labels.hits} stackId="a" fill={CHART_COLOR.hits} isAnimationActive={false} />
        <Bar
          yAxisId="n"
          dataKey="rest"
          name={labels.total}
          stackId="a"
          fill={CHART_COLOR.total}
          radius={[2, 2, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="rate"
          name="Rate"
          type="monotone"
          stroke={CHART_COLOR.rate}
          strokeWidth={2}
          dot={rows.length > 60 ? false : { r: 2.5, fill: "var(--card)", stroke: CHART_COLOR.rate, strokeWidth: 1.5 }}
          activeDot={{ r: 4, fill: CHART_COLOR.rate, stroke: "var(--card)", strokeWidth: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
