"use client";

import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLOR, ratePercent } from "@/components/charts/chart-theme";
import { visibleText } from "@/components/logs/escape";
import { principalLabel } from "@/components/logs/format";
import { formatCount } from "@/components/posture/format";
import type { BreakdownRow } from "@/lib/schemas/guardrail-trends";
import { breakdownColumns, pct } from "./breakdown-columns";

export function principalName(arn: string | null): string {
  if (arn === null) return "Unknown principal";
  const p = principalLabel({ arn, role: null, session: null, type: "unknown" });
  return visibleText(p.detail ? `${p.name} / ${p.detail}` : p.name);
}

type Props = {
  rows: BreakdownRow[];
  source: string;
  loading: boolean;
  error: string | null;
  href: (arn: string) => string;
  label: (arn: string | null) => string;
};

/** The most intervened principals as a ranked list of links, each opening that principal's interventions. */
export function TopPrincipals({ rows, source, loading, error, href, label }: Props) {
  const max = Math.max(1, ...rows.map((r) => r.interventions));
  const columns = breakdownColumns("Principal", "Invocations", label);
  return (
    <ChartCard
      title="Top intervened principals"
      source={source}
      summary={`The ${rows.length} principals with the most interventions.`}
      description="Who triggers the guardrails most, with the share of their invocations that were intervened."
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.value)}
      rowLinks={(r) =>
        r.value === null ? [] : [{ href: href(r.value), text: "View", label: `View the interventions of ${label(r.value)}` }]
      }
      filename="guardrail-top-principals.csv"
      loading={loading}
      error={error}
      empty={!loading && rows.length === 0 ? "No interventions in this time range." : null}
      interactive
      chartClassName="h-auto min-h-56"
    >
      <ol className="space-y-1 text-xs">
        {rows.map((r, i) => {
          const name = label(r.value);
          const body = (
            <>
              <span className="w-4 shrink-0 text-right text-(--muted) tabular-nums">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium" title={r.value ?? undefined}>
                  {name}
                </span>
                <span aria-hidden className="mt-0.5 block h-1 rounded-full bg-slate-900/[0.06] dark:bg-white/[0.08]">
                  <span
                    className="block h-1 rounded-full"
                    style={{ width: `${(r.interventions / max) * 100}%`, background: CHART_COLOR.hits }}
                  />
                </span>
              </span>
              <span className="shrink-0 text-right tabular-nums">
                <b className="font-semibold">{formatCount(r.interventions)}</b>
                <span className="text-(--muted)"> · {pct(ratePercent(r.interventions, r.invocations))}</span>
              </span>
            </>
          );
          return (
            <li key={String(r.value)}>
              {r.value === null ? (
                <div className="flex items-center gap-2 px-1.5 py-1">{body}</div>
              ) : (
                <Link
                  href={href(r.value)}
                  aria-label={`${name}: ${formatCount(r.interventions)} interventions, ${pct(ratePercent(r.interventions, r.invocations))} of invocations. View them.`}
                  className="flex items-center gap-2 rounded-md px-1.5 py-1 hover:bg-slate-900/[0.04] dark:hover:bg-white/[0.05]"
                >
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </ChartCard>
  );
}
