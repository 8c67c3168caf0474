"use client";

import { useRouter } from "next/navigation";
import { ChartCard } from "@/components/charts/chart-card";
import { ratePercent } from "@/components/charts/chart-theme";
import { POLICY_TYPES } from "@/components/logs/constants";
import { POLICY_LABEL, shortModel } from "@/components/logs/format";
import { visibleText } from "@/components/logs/escape";
import { formatCount } from "@/components/posture/format";
import type { BreakdownRow, GuardrailTrends } from "@/lib/schemas/guardrail-trends";
import type { GuardrailsSearchState } from "../search-params";
import { breakdownColumns, pct } from "./breakdown-columns";
import { BreakdownChart } from "./chart-loader";
import { logsHref, type Drill } from "./logs-links";
import { TopPrincipals, principalName } from "./top-principals";

type Props = {
  state: GuardrailsSearchState;
  now: number;
  source: string;
  trends: GuardrailTrends | undefined;
  loading: boolean;
  error: string | null;
  /** Guardrail id → name, when the inventory knows it. */
  guardrailNames: ReadonlyMap<string, string>;
};

type Dimension = {
  key: "guardrail" | "policy" | "model";
  title: string;
  noun: string;
  /** Header of the invocations column: what the store counted for each value. */
  invocationsLabel: string;
  description: string;
  label: (value: string | null) => string;
  /** A bar's label, where space is short; `label` when absent. */
  short?: (value: string | null) => string;
  drill: (value: string) => Drill | null;
};

const MAX_BARS = 10;
const isPolicy = (v: string): v is (typeof POLICY_TYPES)[number] => (POLICY_TYPES as readonly string[]).includes(v);

/** Interventions broken down by guardrail, policy type, model and principal; each bar opens its records in /logs. */
export function BreakdownsSection({ state, now, source, trends, loading, error, guardrailNames }: Props) {
  const router = useRouter();
  const dimensions: [Dimension, BreakdownRow[]][] = [
    [
      {
        key: "guardrail",
        title: "By guardrail",
        noun: "Guardrail",
        invocationsLabel: "Invocations",
        description: "Records whose guardrail trace names the guardrail; untraced records are left out.",
        label: (v) => (v === null ? "No guardrail" : visibleText(guardrailNames.has(v) ? `${guardrailNames.get(v)} (${v})` : v)),
        short: (v) => (v === null ? "No guardrail" : visibleText(guardrailNames.get(v) ?? v)),
        drill: (gid) => ({ gid }),
      },
      (trends?.byGuardrail ?? []).filter((r) => r.value !== null).slice(0, MAX_BARS),
    ],
    [
      {
        key: "policy",
        title: "By policy type",
        noun: "Policy type",
        invocationsLabel: "Records with a finding",
        description: "A record whose findings span several policies counts under each; all seven policies are shown.",
        label: (v) => (v !== null && isPolicy(v) ? POLICY_LABEL[v] : String(v)),
        drill: (policy) => (isPolicy(policy) ? { policy } : null),
      },
      trends?.byPolicyType ?? [],
    ],
    [
      {
        key: "model",
        title: "By model",
        noun: "Model",
        invocationsLabel: "Invocations",
        description: "Interventions per model and the share of that model's invocations they are.",
        label: (v) => (v === null ? "Unknown model" : visibleText(shortModel(v))),
        drill: (model) => ({ model }),
      },
      (trends?.byModel ?? []).slice(0, MAX_BARS),
    ],
  ];
  const href = (d: Dimension, value: string | null) => {
    const drill = value === null ? null : d.drill(value);
    return drill ? logsHref(state, now, drill) : null;
  };

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {dimensions.map(([d, rows]) => {
        const hits = rows.reduce((n, r) => n + r.interventions, 0);
        const top = rows[0];
        return (
          <ChartCard
            key={d.key}
            title={`Interventions ${d.title.toLowerCase()}`}
            source={source}
            summary={`Interventions ${d.title.toLowerCase()}: ${rows.length} shown${top && top.interventions > 0 ? `, most for ${d.label(top.value)} (${formatCount(top.interventions)})` : ""}, ${formatCount(hits)} in all.`}
            description={d.description}
            columns={breakdownColumns(d.noun, d.invocationsLabel, d.label)}
            rows={rows}
            rowKey={(r) => String(r.value)}
            rowLinks={(r) => {
              const link = r.interventions > 0 ? href(d, r.value) : null;
              return link
                ? [{ href: link, text: "View", label: `View the interventions of ${d.noun.toLowerCase()} ${d.label(r.value)}` }]
                : [];
            }}
            filename={`guardrail-interventions-by-${d.key}.csv`}
            loading={loading}
            error={error}
            empty={!loading && rows.length === 0 ? "No invocations in this time range." : null}
            chartClassName={rows.length > 7 ? "h-72" : "h-56"}
          >
            <BreakdownChart
              bars={rows.map((r) => ({
                key: r.value ?? "",
                label: (d.short ?? d.label)(r.value),
                value: r.interventions,
                detail: `${pct(ratePercent(r.interventions, r.invocations))} rate`,
              }))}
              valueLabel="Interventions"
              onSelect={(key) => {
                const link = href(d, key);
                if (link) router.push(link);
              }}
            />
          </ChartCard>
        );
      })}
      <TopPrincipals
        rows={(trends?.byPrincipal ?? []).slice(0, MAX_BARS)}
        source={source}
        loading={loading}
        error={error}
        href={(arn) => logsHref(state, now, { principal: arn })}
        label={principalName}
      />
    </div>
  );
}
