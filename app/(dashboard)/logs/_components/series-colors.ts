/** The volume chart's series colours, shared by the chart (loaded lazily) and its legend. */
export const SERIES_COLOR = {
  ok: "color-mix(in oklab, var(--accent) 55%, transparent)",
  errors: "rgb(217 119 6)",
  interventions: "rgb(220 38 38)",
} as const;
