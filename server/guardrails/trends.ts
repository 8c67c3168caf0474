import "server-only";
import type { BreakdownRow, GuardrailTrends } from "@/lib/schemas/guardrail-trends";
import { LOG_POLICY_TYPES, type Facets, type LogFilter, type Timeseries } from "@/lib/schemas/logs";
import type { LogStore, LogStoreKind } from "@/server/logs";

type FacetCounts = Facets["models"];
type Side = "input" | "output";

/** The filter narrowed to interventions; null when the filter already excludes them, so nothing is asked. */
function intervened(filter: LogFilter, sides?: Side[]): LogFilter | null {
  if (filter.guardrailActions?.length && !filter.guardrailActions.includes("INTERVENED")) return null;
  const guardrailSides = sides && filter.guardrailSides?.length ? sides.filter((s) => filter.guardrailSides?.includes(s)) : sides;
  if (guardrailSides && guardrailSides.length === 0) return null;
  return { ...filter, guardrailActions: ["INTERVENED"], ...(guardrailSides ? { guardrailSides } : {}) };
}

const EMPTY_FACETS: Facets = {
  models: [],
  principals: [],
  operations: [],
  errorCodes: [],
  guardrailActions: [],
  guardrails: [],
  guardrailPolicyTypes: [],
  guardrailSides: [],
  regions: [],
};

/**
 * Joins the two facet answers on value. Invocations come from the whole filter, interventions from
 * the intervened one; a value only the second returned fell past the first's top-N cut, so its
 * invocations are unknown (null) rather than guessed.
 */
function breakdown(all: FacetCounts, hits: FacetCounts): BreakdownRow[] {
  const invocations = new Map(all.map((f) => [f.value, f.count]));
  const rows = new Map<string | null, BreakdownRow>();
  for (const f of all) rows.set(f.value, { value: f.value, invocations: f.count, interventions: 0 });
  for (const f of hits)
    rows.set(f.value, { value: f.value, invocations: invocations.get(f.value) ?? null, interventions: f.count });
  return [...rows.values()];
}

const byInterventions = (a: BreakdownRow, b: BreakdownRow) =>
  b.interventions - a.interventions ||
  (b.invocations ?? 0) - (a.invocations ?? 0) ||
  String(a.value).localeCompare(String(b.value));

/** Every policy type, zeros included, in the canonical order: an absent type is itself an answer. */
function policyRows(all: FacetCounts, hits: FacetCounts): BreakdownRow[] {
  const rows = new Map(breakdown(all, hits).map((r) => [r.value, r]));
  return LOG_POLICY_TYPES.map((t) => rows.get(t) ?? { value: t, invocations: 0, interventions: 0 });
}

/** Interventions per bucket on one side, aligned to the main series' buckets. */
function sideCounts(series: Timeseries | null): Map<string, number> {
  return new Map((series?.points ?? []).map((p) => [p.t, p.invocations]));
}

const TOP_PRINCIPALS = 20;

// The CloudWatch store refuses a side filter (a regex cannot follow the trace's nesting), so it is not asked.
const SIDES_ON_CLOUDWATCH =
  "Input against output needs the embedded store: CloudWatch Logs Insights cannot tell on which side of the guardrail trace a finding sits.";

export type TrendsOptions = { bucket: GuardrailTrends["bucket"]; storeKind: LogStoreKind; signal?: AbortSignal };

/**
 * Guardrail trends for one filter from the LogStore's own questions (timeseries and facets), asked
 * in parallel. Every number counts records the same filter plus one value finds in /logs.
 */
export async function getGuardrailTrends(store: LogStore, filter: LogFilter, options: TrendsOptions): Promise<GuardrailTrends> {
  const { bucket, signal } = options;
  const hits = intervened(filter);
  const sidesKnown = options.storeKind !== "cloudwatch";
  const input = sidesKnown ? intervened(filter, ["input"]) : null;
  const output = sidesKnown ? intervened(filter, ["output"]) : null;
  const [series, inputSeries, outputSeries, facets, hitFacets] = await Promise.all([
    store.timeseries(filter, bucket, { signal }),
    input ? store.timeseries(input, bucket, { signal }) : null,
    output ? store.timeseries(output, bucket, { signal }) : null,
    store.facets(filter, { signal }),
    hits ? store.facets(hits, { signal }) : EMPTY_FACETS,
  ]);
  const inputs = sideCounts(inputSeries);
  const outputs = sideCounts(outputSeries);
  const notices = [series.notice, inputSeries?.notice, outputSeries?.notice, facets.notice, hitFacets.notice];
  return {
    store: options.storeKind,
    bucket,
    points: series.points.map((p) => ({ t: p.t, invocations: p.invocations, interventions: p.interventions })),
    sides: sidesKnown ? series.points.map((p) => ({ t: p.t, input: inputs.get(p.t) ?? 0, output: outputs.get(p.t) ?? 0 })) : null,
    ...(sidesKnown ? {} : { sidesUnavailable: SIDES_ON_CLOUDWATCH }),
    byGuardrail: breakdown(facets.guardrails, hitFacets.guardrails).sort(byInterventions),
    byPolicyType: policyRows(facets.guardrailPolicyTypes, hitFacets.guardrailPolicyTypes),
    byModel: breakdown(facets.models, hitFacets.models).sort(byInterventions),
    byPrincipal: breakdown(facets.principals, hitFacets.principals)
      .filter((r) => r.interventions > 0)
      .sort(byInterventions)
      .slice(0, TOP_PRINCIPALS),
    notices: [...new Set(notices.filter((n): n is string => Boolean(n)))],
  };
}
