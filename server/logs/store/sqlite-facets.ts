import "server-only";
import type SQLite from "better-sqlite3";
import type { FacetKey, Facets, LogFilter } from "@/lib/schemas/logs";
import { policyTypesOf, sidesOf } from "./sqlite-filter";
import { splitByTime, unionQuery } from "./sqlite-rollup";
import { FACET_LIMIT } from "./types";

// Column names here are constants, never user input.
const VALUE_COLUMNS = {
  models: "model_id",
  principals: "principal_arn",
  operations: "operation",
  errorCodes: "error_code",
  guardrailActions: "guardrail_action",
  guardrails: "guardrail_id",
  regions: "region",
} as const satisfies Partial<Record<FacetKey, string>>;

/** Facets over a bit mask: a record counts once under each set bit, and not at all when none is set. */
const MASK_COLUMNS = {
  guardrailPolicyTypes: { column: "guardrail_policy_mask", names: policyTypesOf },
  guardrailSides: { column: "guardrail_side_mask", names: sidesOf },
} as const satisfies Partial<Record<FacetKey, { column: string; names: (mask: number) => string[] }>>;

type Counts = Map<string | null, number>;
const bump = (map: Counts, value: string | null, n: number) => map.set(value, (map.get(value) ?? 0) + n);

function top(counts: Counts): Facets[FacetKey] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        Number(a.value === null) - Number(b.value === null) ||
        String(a.value).localeCompare(String(b.value)),
    )
    .slice(0, FACET_LIMIT);
}

/** Every facet in one pass over the parts' rows (rollup rows where the filter allows); a GROUP BY per facet would read them once each. */
export function facetsOf(db: SQLite.Database, filter: LogFilter): Facets {
  const valueKeys = Object.keys(VALUE_COLUMNS) as (keyof typeof VALUE_COLUMNS)[];
  const maskKeys = Object.keys(MASK_COLUMNS) as (keyof typeof MASK_COLUMNS)[];
  const columns = [...valueKeys.map((k) => VALUE_COLUMNS[k]), ...maskKeys.map((k) => MASK_COLUMNS[k].column)].join(", ");
  const { sql, params } = unionQuery(splitByTime(filter), (rollup) => `${columns}, ${rollup ? "n" : "1 AS n"}`, null, "{union}");
  const valueCounts = valueKeys.map((): Counts => new Map());
  const maskCounts = maskKeys.map(() => new Map<number, number>());
  const width = valueKeys.length + maskKeys.length;
  for (const row of db
    .prepare(sql)
    .raw()
    .iterate(...params) as Iterable<(string | number | null)[]>) {
    const n = row[width] as number;
    valueCounts.forEach((map, i) => bump(map, row[i] as string | null, n));
    // Masks are summed per distinct value first; expanding bits per row would cost far more.
    maskCounts.forEach((map, i) => {
      const mask = row[valueKeys.length + i] as number;
      if (mask !== 0) map.set(mask, (map.get(mask) ?? 0) + n);
    });
  }
  const out = {} as Facets;
  valueKeys.forEach((key, i) => (out[key] = top(valueCounts[i] as Counts)));
  maskKeys.forEach((key, i) => {
    const counts: Counts = new Map();
    for (const [mask, n] of maskCounts[i] ?? []) for (const name of MASK_COLUMNS[key].names(mask)) bump(counts, name, n);
    out[key] = top(counts);
  });
  return out;
}
