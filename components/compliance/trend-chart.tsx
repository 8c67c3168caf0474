"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import { AXIS_TICK, BAR_TOOLTIP, COUNT_Y_AXIS, GRID_PROPS, LEGEND_STYLE } from "@/components/charts/chart-theme";
import { formatShare, REQUIREMENT_STATUS_COLOR, REQUIREMENT_STATUS_LABEL, REQUIREMENT_STATUS_ORDER } from "./labels";

export type ComplianceTrendRow = { scanId: string; label: string; when: string; passShare: number | null } & Record<
  RequirementStatus,
  number
>;

// Passing at the bottom, failing on top: the bar's top edge is where attention goes.
const STACK = [...REQUIREMENT_STATUS_ORDER].reverse();

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as ComplianceTrendRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="min-w-44 rounded-lg border border-(--border) bg-(--card) px-3 py-2 text-xs shadow-lg">
      <p className="text-(--muted)">{row.when}</p>
      <p className="mb-1 font-medium">Passing: {formatShare(row.passShare)}</p>
      {REQUIREMENT_STATUS_ORDER.filter((s) => row[s] > 0).map((s) => (
        <p key={s} className="flex justify-between gap-4">
          <span className="flex items-center gap-1.5">
            <span className="size-2 rounded-sm" style={{ background: REQUIREMENT_STATUS_COLOR[s] }} />
            {REQUIREMENT_STATUS_LABEL[s]}
          </span>
          <span className="tabular-nums">{row[s]}</span>
        </p>
      ))}
    </div>
  );
}

/** Dumb chart: requirement statuses stacked per scan, oldest scan left. */
export default function ComplianceTrendChart({ rows }: { rows: readonly ComplianceTrendRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={[...rows]}
        margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
        barCategoryGap="20%"
        accessibilityLayer={false}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={24} tick={AXIS_TICK} />
        <YAxis {...COUNT_Y_AXIS} width={32} />
        <Legend iconSize={8} iconType="square" wrapperStyle={LEGEND_STYLE} />
        <Tooltip content={TrendTooltip} {...BAR_TOOLTIP} />
        {STACK.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            name={REQUIREMENT_STATUS_LABEL[s]}
            stackId="status"
            fill={REQUIREMENT_STATUS_COLOR[s]}
            maxBarSize={48}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
