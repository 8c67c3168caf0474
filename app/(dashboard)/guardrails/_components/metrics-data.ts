import type { GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";

type Target = GuardrailMetricsResponse["targets"][number];
type Point = Target["guardrails"][number]["points"][number];

export const targetKey = (t: { accountId: string; region: string }) => `${t.accountId}/${t.region}`;
const seriesKey = (g: { arn: string; version: string }) => `${g.arn}:${g.version}`;

/** Adds series point by point; CloudWatch aligns buckets to the period, so equal `t` means the same bucket. */
export function sumSeries(series: readonly (readonly Point[])[]): Point[] {
  const byT = new Map<string, Point>();
  for (const points of series) {
    for (const p of points) {
      const sum = byT.get(p.t) ?? { t: p.t, invocations: 0, intervened: 0 };
      byT.set(p.t, { t: p.t, invocations: sum.invocations + p.invocations, intervened: sum.intervened + p.intervened });
    }
  }
  return [...byT.values()].sort((a, b) => a.t.localeCompare(b.t));
}

/** A guardrail ARN as a reader scans it: its id, with account and region when several targets are shown. */
export function guardrailLabel(arn: string, version: string): string {
  const parts = arn.split(":");
  const id =
    parts
      .slice(5)
      .join(":")
      .replace(/^guardrail\//, "") || arn;
  return `${id} ${version === "DRAFT" ? "DRAFT" : `v${version}`}`;
}

export type MetricsView = {
  guardrails: { key: string; label: string; points: Point[] }[];
  byPolicyType: { policyType: Target["byPolicyType"][number]["policyType"]; intervened: number; invocations: number }[];
  bySource: { t: string; input: number; output: number }[];
};

/** The chosen targets' metrics, summed across them: per guardrail version, per policy type, per source. */
export function shapeMetrics(targets: readonly Target[]): MetricsView {
  const guardrails = new Map<string, { label: string; series: Point[][] }>();
  for (const t of targets) {
    for (const g of t.guardrails) {
      const key = seriesKey(g);
      const entry = guardrails.get(key) ?? { label: guardrailLabel(g.arn, g.version), series: [] };
      entry.series.push(g.points);
      guardrails.set(key, entry);
    }
  }
  const policy = new Map<string, MetricsView["byPolicyType"][number]>();
  for (const p of targets.flatMap((t) => t.byPolicyType)) {
    const sum = policy.get(p.policyType) ?? { policyType: p.policyType, intervened: 0, invocations: 0 };
    for (const point of p.points) {
      sum.intervened += point.intervened;
      sum.invocations += point.invocations;
    }
    policy.set(p.policyType, sum);
  }
  const side = (s: "input" | "output") =>
    sumSeries(targets.flatMap((t) => t.bySource.filter((b) => b.source === s).map((b) => b.points)));
  const inputs = new Map(side("input").map((p) => [p.t, p.intervened]));
  const outputs = new Map(side("output").map((p) => [p.t, p.intervened]));
  const times = [...new Set([...inputs.keys(), ...outputs.keys()])].sort();
  return {
    guardrails: [...guardrails].map(([key, g]) => ({ key, label: g.label, points: sumSeries(g.series) })),
    byPolicyType: [...policy.values()],
    bySource: times.map((t) => ({ t, input: inputs.get(t) ?? 0, output: outputs.get(t) ?? 0 })),
  };
}
