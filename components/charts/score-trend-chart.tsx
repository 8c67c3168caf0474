"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { TrendPoint } from "./trend-point";

const GRADE_LINES = [
  { y: 90, grade: "A" },
  { y: 80, grade: "B" },
  { y: 70, grade: "C" },
  { y: 60, grade: "D" },
] as const;

function isTrendPoint(value: unknown): value is TrendPoint {
  return typeof value === "object" && value !== null && "scanId" in value && "score" in value;
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point: unknown = payload?.[0]?.payload;
  if (!active || !isTrendPoint(point)) return null;
  return (
    <div className="rounded-lg border border-(--border) bg-(--card) px-3 py-2 text-xs shadow-lg">
      <p className="text-(--muted)">{point.at}</p>
      <p className="mt-0.5 font-medium">
        {point.score === null ? "Not evaluated" : `Score ${point.score.toFixed(1)}`}
        {point.grade && <span className="text-(--muted)"> · grade {point.grade}</span>}
      </p>
    </div>
  );
}

/** Dumb chart: takes shaped points, draws with the theme's CSS variables; the table is its alternative. */
export default function ScoreTrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -12 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        {GRADE_LINES.map((l) => (
          <ReferenceLine
            key={l.grade}
            y={l.y}
            stroke="var(--border)"
            strokeDasharray="3 3"
            label={{ value: l.grade, position: "right", fill: "var(--muted)", fontSize: 10 }}
          />
        ))}
        <XAxis dataKey="label" tickLine={false} axisLine={false} tick={{ fill: "var(--muted)", fontSize: 11 }} minTickGap={16} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickLine={false}
          axisLine={false}
          tick={{ fill: "var(--muted)", fontSize: 11 }}
        />
        <Tooltip content={TrendTooltip} cursor={{ stroke: "var(--border)" }} isAnimationActive={false} />
        <Line
          type="monotone"
          dataKey="score"
          stroke="var(--accent)"
          strokeWidth={2}
          dot={{ r: 3, fill: "var(--card)", stroke: "var(--accent)", strokeWidth: 2 }}
          activeDot={{ r: 5, fill: "var(--accent)", stroke: "var(--card)", strokeWidth: 2 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
