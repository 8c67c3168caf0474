"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
  type BarRectangleItem,
  type TooltipContentProps,
} from "recharts";
import {
  BAR_TOOLTIP,
  BUCKET_TICK,
  bucketLabel,
  compactTick,
  COUNT_Y_AXIS,
  GRID_PROPS,
  LEGEND_STYLE,
  TIME_X_AXIS,
  type TrendBucket,
} from "./chart-theme";

type SeriesDef<K extends string> = { key: K; label: string; color: string };
type SeriesRow<K extends string> = { t: string } & Record<K, number>;

function tooltip<K extends string>(bucket: TrendBucket, series: readonly SeriesDef<K>[]) {
  return function SeriesTooltip({ active, payload }: TooltipContentProps) {
    const row = payload?.[0]?.payload as Partial<SeriesRow<K>> | undefined;
    if (!active || typeof row?.t !== "string") return null;
    return (
      <div className="min-w-40 rounded-lg border border-(--border) bg-(--card) px-3 py-2 text-xs shadow-lg">
        <p className="mb-1 text-(--muted)">{bucketLabel(row.t, bucket)}</p>
        {series.map((s) => (
          <p key={s.key} className="flex justify-between gap-4">
            <span className="flex items-center gap-1.5">
              <span className="size-2 rounded-sm" style={{ background: s.color }} />
              {s.label}
            </span>
            <span className="tabular-nums">{Number(row[s.key] ?? 0).toLocaleString("en-US")}</span>
          </p>
        ))}
      </div>
    );
  };
}

export type SeriesTrendChartProps<K extends string> = {
  rows: readonly SeriesRow<K>[];
  series: readonly SeriesDef<K>[];
  bucket: TrendBucket;
  /** A bar's click: its bucket start and its series. */
  onSelect?: (t: string, key: K) => void;
};

/** Dumb chart: one bar per series side by side in each bucket; each bar clicks through on its own. */
export default function SeriesTrendChart<K extends string>({ rows, series, bucket, onSelect }: SeriesTrendChartProps<K>) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={[...rows]}
        margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
        barCategoryGap={rows.length > 90 ? 0 : "15%"}
        barGap={0}
        accessibilityLayer={false}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...TIME_X_AXIS} tickFormatter={(t: string) => BUCKET_TICK[bucket].format(Date.parse(t))} />
        <YAxis {...COUNT_Y_AXIS} width={40} tickFormatter={compactTick} />
        <Legend iconSize={8} iconType="square" wrapperStyle={LEGEND_STYLE} />
        <Tooltip content={tooltip(bucket, series)} {...BAR_TOOLTIP} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
            style={onSelect ? { cursor: "pointer" } : undefined}
            onClick={(bar: BarRectangleItem) => {
              const t: unknown = (bar.payload as { t?: unknown } | undefined)?.t;
              if (onSelect && typeof t === "string") onSelect(t, s.key);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
