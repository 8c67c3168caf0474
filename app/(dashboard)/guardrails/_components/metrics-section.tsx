"use client";

import { useId, useState } from "react";
import { ChartCard, type ChartColumnDef } from "@/components/charts/chart-card";
import { CHART_COLOR, bucketLabel, ratePercent } from "@/components/charts/chart-theme";
import { POLICY_LABEL } from "@/components/logs/format";
import { formatCount } from "@/components/posture/format";
import type { GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { BreakdownChart, RateTrendChart, SeriesTrendChart } from "./chart-loader";
import { shapeMetrics, sumSeries, targetKey, type MetricsView } from "./metrics-data";

type Props = { metrics: GuardrailMetricsResponse | undefined; loading: boolean; error: string | null };

const ALL = "all";
const SIDES = [
  { key: "input", label: "Input (prompt)", color: CHART_COLOR.input },
  { key: "output", label: "Output (response)", color: CHART_COLOR.output },
] as const;
const pct = (v: number | null) => (v === null ? "—" : `${v}%`);
const selectClass = "h-7 max-w-56 rounded-md border border-(--border) bg-(--card) px-1.5 text-[11px]";

type GPoint = MetricsView["guardrails"][number]["points"][number];
type PolicyRow = MetricsView["byPolicyType"][number];
type SideRow = MetricsView["bySource"][number];

/**
 * CloudWatch's guardrail metrics: published for every ApplyGuardrail and model call with a guardrail,
 * so they show trends even where model invocation logging is off.
 */
export function MetricsSection({ metrics, loading, error }: Props) {
  const [target, setTarget] = useState(ALL);
  const [guardrail, setGuardrail] = useState(ALL);
  const id = useId();
  const targets = metrics?.targets ?? [];
  const chosen = target === ALL ? targets : targets.filter((t) => targetKey(t) === target);
  const view = shapeMetrics(chosen);
  const series = guardrail === ALL ? null : view.guardrails.find((g) => g.key === guardrail);
  const points: GPoint[] = series ? series.points : sumSeries(view.guardrails.map((g) => g.points));
  const bucket = metrics?.bucket === "day" ? "day" : "hour";
  const source =
    metrics?.source === "demo"
      ? "Demo metrics (generated, shaped like AWS/Bedrock/Guardrails)"
      : "From AWS/Bedrock/Guardrails metrics (CloudWatch)";
  const evaluated = points.reduce((n, p) => n + p.invocations, 0);
  const intervened = points.reduce((n, p) => n + p.intervened, 0);
  const when = bucket === "hour" ? "Hour" : "Day";
  const scope = series ? series.label : target === ALL ? "all guardrails and targets" : `all guardrails in ${target}`;

  const pointColumns: ChartColumnDef<GPoint>[] = [
    { label: `${when} (UTC)`, value: (p) => p.t, display: (p) => bucketLabel(p.t, bucket) },
    { label: "Evaluated", value: (p) => p.invocations, display: (p) => formatCount(p.invocations), numeric: true },
    { label: "Intervened", value: (p) => p.intervened, display: (p) => formatCount(p.intervened), numeric: true },
    {
      label: "Rate (%)",
      value: (p) => ratePercent(p.intervened, p.invocations),
      display: (p) => pct(ratePercent(p.intervened, p.invocations)),
      numeric: true,
    },
  ];
  const policyColumns: ChartColumnDef<PolicyRow>[] = [
    { label: "Policy type", value: (r) => r.policyType, display: (r) => POLICY_LABEL[r.policyType] },
    { label: "Intervened", value: (r) => r.intervened, display: (r) => formatCount(r.intervened), numeric: true },
    { label: "Evaluated", value: (r) => r.invocations, display: (r) => formatCount(r.invocations), numeric: true },
  ];
  const sideColumns: ChartColumnDef<SideRow>[] = [
    { label: `${when} (UTC)`, value: (s) => s.t, display: (s) => bucketLabel(s.t, bucket) },
    { label: "Input intervened", value: (s) => s.input, display: (s) => formatCount(s.input), numeric: true },
    { label: "Output intervened", value: (s) => s.output, display: (s) => formatCount(s.output), numeric: true },
  ];
  const policyRows = [...view.byPolicyType].sort((a, b) => b.intervened - a.intervened);
  const notices = [...(metrics?.notices ?? []), ...targets.flatMap((t) => (t.notice ? [`${targetKey(t)}: ${t.notice}`] : []))];
  const noData = !loading && !error && targets.length === 0 ? "No guardrail metrics for this range." : null;

  const selectors = (
    <div className="flex flex-wrap items-center gap-1.5">
      <label htmlFor={`${id}-target`} className="sr-only">
        Account and Region
      </label>
      <select
        id={`${id}-target`}
        value={target}
        onChange={(e) => {
          setTarget(e.target.value);
          setGuardrail(ALL);
        }}
        className={selectClass}
      >
        <option value={ALL}>All accounts and Regions</option>
        {targets.map((t) => (
          <option key={targetKey(t)} value={targetKey(t)}>
            {t.accountId} · {t.region}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-guardrail`} className="sr-only">
        Guardrail version
      </label>
      <select id={`${id}-guardrail`} value={guardrail} onChange={(e) => setGuardrail(e.target.value)} className={selectClass}>
        <option value={ALL}>All guardrails</option>
        {view.guardrails.map((g) => (
          <option key={g.key} value={g.key}>
            {g.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3">
      <div>
        <h2 id={`${id}-h`} className="text-base font-semibold tracking-tight">
          Guardrail metrics
        </h2>
        <p className="text-xs text-(--muted)">
          CloudWatch counts every guardrail evaluation, so these trends exist even where model invocation logging is off. They
          cannot be opened as records.
        </p>
      </div>
      {metrics?.errors.map((e) => (
        <p key={targetKey(e)} role="alert" className="rounded-md border border-status-fail/30 bg-status-fail/5 px-3 py-2 text-xs">
          <b className="font-medium">
            {e.accountId} · {e.region}:
          </b>{" "}
          {e.message}
        </p>
      ))}
      {notices.map((n) => (
        <p key={n} className="text-xs text-amber-700 dark:text-amber-300">
          {n}
        </p>
      ))}
      <ChartCard
        title="Intervened vs evaluated"
        source={source}
        summary={`Guardrail evaluations per ${bucket} for ${scope}: ${formatCount(intervened)} of ${formatCount(evaluated)} intervened (${pct(ratePercent(intervened, evaluated))}).`}
        description="Summed across the chosen accounts and Regions; pick one target or guardrail version to narrow."
        actions={selectors}
        columns={pointColumns}
        rows={points}
        rowKey={(p) => p.t}
        filename={`guardrail-metrics-${bucket}.csv`}
        loading={loading}
        error={error}
        empty={noData}
      >
        <RateTrendChart
          points={points.map((p) => ({ t: p.t, total: p.invocations, hits: p.intervened }))}
          bucket={bucket}
          labels={{ total: "Evaluated", hits: "Intervened" }}
        />
      </ChartCard>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title="Intervened by policy type (metrics)"
          source={source}
          summary={`Intervened evaluations by policy type: ${policyRows.map((r) => `${POLICY_LABEL[r.policyType]} ${formatCount(r.intervened)}`).join(", ")}.`}
          description="Prompt attacks are reported under the content policy in these metrics."
          columns={policyColumns}
          rows={policyRows}
          rowKey={(r) => r.policyType}
          filename="guardrail-metrics-by-policy-type.csv"
          loading={loading}
          error={error}
          empty={noData}
        >
          <BreakdownChart
            bars={policyRows.map((r) => ({ key: r.policyType, label: POLICY_LABEL[r.policyType], value: r.intervened }))}
            valueLabel="Intervened"
          />
        </ChartCard>
        <ChartCard
          title="Intervened by source (metrics)"
          source={source}
          summary={`Intervened evaluations per ${bucket}: ${formatCount(view.bySource.reduce((n, s) => n + s.input, 0))} on input, ${formatCount(view.bySource.reduce((n, s) => n + s.output, 0))} on output.`}
          description="Where the guardrail was applied: the prompt (input) or the model's response (output)."
          columns={sideColumns}
          rows={view.bySource}
          rowKey={(s) => s.t}
          filename={`guardrail-metrics-by-source-${bucket}.csv`}
          loading={loading}
          error={error}
          empty={noData}
        >
          <SeriesTrendChart rows={view.bySource} series={SIDES} bucket={bucket} />
        </ChartCard>
      </div>
    </section>
  );
}
