/** Series colours and time formats shared by the guardrail charts; the logs explorer's palette. */
export const CHART_COLOR = {
  total: "color-mix(in oklab, var(--accent) 45%, transparent)",
  hits: "rgb(220 38 38)",
  rate: "rgb(217 119 6)",
  input: "rgb(37 99 235)",
  output: "rgb(147 51 234)",
} as const;

export type TrendBucket = "hour" | "day";

export const BUCKET_SIZE_MS: Record<TrendBucket, number> = { hour: 3_600_000, day: 86_400_000 };

export const BUCKET_TICK: Record<TrendBucket, Intl.DateTimeFormat> = {
  hour: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }),
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
};

/** "3 Mar 2025, 14:00 UTC" for hours, "3 Mar 2025 UTC" for days. */
export function bucketLabel(t: string, bucket: TrendBucket): string {
  const full = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(bucket === "hour" ? { hour: "2-digit", minute: "2-digit" } : {}),
    timeZone: "UTC",
  });
  return `${full.format(Date.parse(t))} UTC`;
}

/** Share as a percentage with one decimal; null when there is nothing to divide by. */
export function ratePercent(hits: number, total: number | null): number | null {
  return total ? Math.round((hits / total) * 1000) / 10 : null;
}

export const AXIS_TICK = { fill: "var(--muted)", fontSize: 10 } as const;
export const LEGEND_STYLE = { fontSize: 11, color: "var(--muted)" } as const;

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** Axis ticks stay narrow: 18000 → "18K". */
export const compactTick = (v: number) => COMPACT.format(v);

/** The X axis of a chart with one row per time bucket (`t`); the chart adds its tick formatter. */
export const TIME_X_AXIS = { dataKey: "t", tickLine: false, axisLine: false, minTickGap: 40, tick: AXIS_TICK } as const;
/** A count axis: whole numbers, no lines; the chart adds its width and formatter. */
export const COUNT_Y_AXIS = { allowDecimals: false, tickLine: false, axisLine: false, tick: AXIS_TICK } as const;
/** Horizontal grid lines only. */
export const GRID_PROPS = { vertical: false, stroke: "var(--border)" } as const;
/** A bar chart's tooltip: the hovered bucket shaded, no animation. */
export const BAR_TOOLTIP = { cursor: { fill: "var(--accent)", fillOpacity: 0.08 }, isAnimationActive: false } as const;
