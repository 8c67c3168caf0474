"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarRectangleItem } from "recharts";
import { AXIS_TICK, CHART_COLOR, compactTick } from "./chart-theme";

type BreakdownBar = { key: string; label: string; value: number; detail?: string };

type Props = { bars: readonly BreakdownBar[]; valueLabel: string; color?: string; onSelect?: (key: string) => void };

/** Dumb chart: one horizontal bar per category, largest first as given; each bar clicks through. */
export default function BreakdownChart({ bars, valueLabel, color = CHART_COLOR.hits, onSelect }: Props) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[...bars]} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        <XAxis
          type="number"
          allowDecimals={false}
          tickLine={false}
          axisLine={false}
          tick={AXIS_TICK}
          tickFormatter={compactTick}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={150}
          tickLine={false}
          axisLine={false}
          interval={0}
          tick={{ ...AXIS_TICK, fontSize: 11 }}
          tickFormatter={(label: string) => (label.length > 26 ? `${label.slice(0, 25)}…` : label)}
        />
        <Tooltip
          cursor={{ fill: "var(--accent)", fillOpacity: 0.08 }}
          isAnimationActive={false}
          contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }}
          labelStyle={{ color: "var(--foreground)" }}
          formatter={(value, _name, item) => {
            const detail = (item.payload as BreakdownBar | undefined)?.detail;
            return [
              detail ? `${Number(value).toLocaleString("en-US")} (${detail})` : Number(value).toLocaleString("en-US"),
              valueLabel,
            ];
          }}
        />
        <Bar
          dataKey="value"
          name={valueLabel}
          fill={color}
          radius={[0, 3, 3, 0]}
          maxBarSize={18}
          isAnimationActive={false}
          style={onSelect ? { cursor: "pointer" } : undefined}
          onClick={(bar: BarRectangleItem) => {
            const key: unknown = (bar.payload as { key?: unknown } | undefined)?.key;
            if (onSelect && typeof key === "string") onSelect(key);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
