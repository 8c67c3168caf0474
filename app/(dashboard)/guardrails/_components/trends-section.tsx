"use client";

import { useRouter } from "next/navigation";
import { ChartCard, type ChartColumnDef } from "@/components/charts/chart-card";
import { BUCKET_SIZE_MS, CHART_COLOR, bucketLabel, ratePercent } from "@/components/charts/chart-theme";
import { formatCount } from "@/components/posture/format";
import type { GuardrailTrends } from "@/lib/schemas/guardrail-trends";
import type { GuardrailsSearchState } from "../search-params";
import { RateTrendChart, SeriesTrendChart } from "./chart-loader";
import { logsHref } from "./logs-links";

type Point = GuardrailTrends["points"][number];
type SidePoint = NonNullable<GuardrailTrends["sides"]>[number];

type Props = {
  state: GuardrailsSearchState;
  now: number;
  bucket: "hour" | "day";
  source: string;
  trends: GuardrailTrends | undefined;
  loading: boolean;
  error: string | null;
};

const SIDES = [
  { key: "input", label: "Input (prompt)", color: CHART_COLOR.input },
  { key: "output", label: "Output (response)", color: CHART_COLOR.output },
] as const;

const pct = (v: number | null) => (v === null ? "—" : `${v}%`);

/** Interventions over time and by side, from the invocation logs; every bucket opens its records in /logs. */
export function TrendsSection({ state, now, bucket, source, trends, loading, error }: Props) {
  const router = useRouter();
  const size = BUCKET_SIZE_MS[bucket];
  const href = (t: string, side?: "input" | "output") => logsHref(state, now, { bucket: { t, size }, side });
  const points = trends?.points ?? [];
  const sides = trends?.sides ?? [];
  const total = points.reduce((n, p) => n + p.invocations, 0);
  const hits = points.reduce((n, p) => n + p.interventions, 0);
  const peak = points.reduce<Point | null>((best, p) => (p.interventions > (best?.interventions ?? 0) ? p : best), null);
  const inputs = sides.reduce((n, s) => n + s.input, 0);
  const outputs = sides.reduce((n, s) => n + s.output, 0);
  const when = bucket === "hour" ? "Hour" : "Day";

  const pointColumns: ChartColumnDef<Point>[] = [
    { label: `${when} (UTC)`, value: (p) => p.t, display: (p) => bucketLabel(p.t, bucket) },
    { label: "Invocations", value: (p) => p.invocations, display: (p) => formatCount(p.invocations), numeric: true },
    { label: "Interventions", value: (p) => p.interventions, display: (p) => formatCount(p.interventions), numeric: true },
    {
      label: "Rate (%)",
      value: (p) => ratePercent(p.interventions, p.invocations),
      display: (p) => pct(ratePercent(p.interventions, p.invocations)),
      numeric: true,
    },
  ];
  const sideColumns: ChartColumnDef<SidePoint>[] = [
    { label: `${when} (UTC)`, value: (s) => s.t, display: (s) => bucketLabel(s.t, bucket) },
    { label: "Input interventions", value: (s) => s.input, display: (s) => formatCount(s.input), numeric: true },
    { label: "Output interventions", value: (s) => s.output, display: (s) => formatCount(s.output), numeric: true },
  ];
  const emptyText = total === 0 ? "No invocations in this time range." : null;

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartCard
        title="Interventions over time"
        source={source}
        summary={`Invocations and guardrail interventions per ${bucket}: ${formatCount(hits)} of ${formatCount(total)} invocations intervened (${pct(ratePercent(hits, total))})${peak ? `, most in ${bucketLabel(peak.t, bucket)} (${formatCount(peak.interventions)})` : ""}.`}
        description={
          <>
            Bars: invocations, the intervened share in red; line: intervention rate (right axis). Click a {bucket} to list its
            interventions.
          </>
        }
        columns={pointColumns}
        rows={points}
        rowKey={(p) => p.t}
        rowLinks={(p) =>
          p.interventions > 0
            ? [
                {
                  href: href(p.t),
                  text: "View",
                  label: `View the ${formatCount(p.interventions)} interventions of ${bucketLabel(p.t, bucket)}`,
                },
              ]
            : []
        }
        filename={`guardrail-interventions-${bucket}.csv`}
        loading={loading}
        error={error}
        empty={emptyText}
        notices={trends?.notices}
      >
        <RateTrendChart
          points={points.map((p) => ({ t: p.t, total: p.invocations, hits: p.interventions }))}
          bucket={bucket}
          labels={{ total: "Invocations", hits: "Interventions" }}
          onSelect={(t) => router.push(href(t))}
        />
      </ChartCard>
      <ChartCard
        title="Input vs output interventions"
        source={source}
        summary={`Interventions per ${bucket} by where the guardrail found something: ${formatCount(inputs)} on the prompt, ${formatCount(outputs)} on the model's output.`}
        description="A record with findings on both sides counts in each. Click a bar to list those interventions."
        columns={sideColumns}
        rows={sides}
        rowKey={(s) => s.t}
        rowLinks={(s) =>
          SIDES.filter((side) => s[side.key] > 0).map((side) => ({
            href: href(s.t, side.key),
            text: side.key === "input" ? "Input" : "Output",
            label: `View the ${formatCount(s[side.key])} ${side.key} interventions of ${bucketLabel(s.t, bucket)}`,
          }))
        }
        filename={`guardrail-interventions-by-side-${bucket}.csv`}
        loading={loading}
        error={error}
        empty={trends?.sidesUnavailable ?? emptyText ?? (inputs + outputs === 0 ? "No interventions in this time range." : null)}
      >
        <SeriesTrendChart rows={sides} series={SIDES} bucket={bucket} onSelect={(t, side) => router.push(href(t, side))} />
      </ChartCard>
    </div>
  );
}
