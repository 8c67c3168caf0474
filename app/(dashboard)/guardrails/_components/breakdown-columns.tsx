import type { ChartColumnDef } from "@/components/charts/chart-card";
import { ratePercent } from "@/components/charts/chart-theme";
import { formatCount } from "@/components/posture/format";
import type { BreakdownRow } from "@/lib/schemas/guardrail-trends";

/** A rate from `ratePercent`, "—" when there was nothing to divide by. */
export const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** The table (and CSV) of a breakdown: the value, its interventions, its invocations and the rate. */
export function breakdownColumns(
  noun: string,
  invocationsLabel: string,
  label: (value: string | null) => string,
): ChartColumnDef<BreakdownRow>[] {
  return [
    { label: noun, value: (r) => r.value, display: (r) => <span title={r.value ?? undefined}>{label(r.value)}</span> },
    { label: "Interventions", value: (r) => r.interventions, display: (r) => formatCount(r.interventions), numeric: true },
    {
      label: invocationsLabel,
      value: (r) => r.invocations,
      display: (r) => (r.invocations === null ? "—" : formatCount(r.invocations)),
      numeric: true,
    },
    {
      label: "Rate (%)",
      value: (r) => ratePercent(r.interventions, r.invocations),
      display: (r) => pct(ratePercent(r.interventions, r.invocations)),
      numeric: true,
    },
  ];
}
