import "server-only";
import type { LogFilter } from "@/lib/schemas/logs";
import { compileFilter, type CompiledFilter } from "./sqlite-filter";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROLLUPS = { hour: "invocation_rollup_hour", day: "invocation_rollup_day" } as const;
type Tier = keyof typeof ROLLUPS;

/**
 * Counts per hour and per day for each combination of the facet dimensions, kept up to date by
 * insert. Facets, counts and hour/day timeseries over a wide range read these instead of every
 * record: a month of a busy estate is millions of records but far fewer combinations per day.
 * Column names equal the invocations table's, so one compiled filter applies to all three. The key
 * starts with the zero-padded bucket time, so a time range is one contiguous primary-key scan.
 */
const rollupTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  key TEXT PRIMARY KEY,
  ts INTEGER NOT NULL,
  account_id TEXT,
  region TEXT,
  model_id TEXT,
  operation TEXT,
  principal_arn TEXT,
  principal_role TEXT,
  error_code TEXT,
  guardrail_action TEXT,
  guardrail_policy_mask INTEGER NOT NULL,
  guardrail_id TEXT,
  guardrail_side_mask INTEGER NOT NULL,
  cross_region INTEGER NOT NULL,
  n INTEGER NOT NULL
) WITHOUT ROWID;`;

export const ROLLUP_DDL = Object.values(ROLLUPS).map(rollupTable).join("\n");

export const rollupUpsert = (tier: Tier) => `INSERT INTO ${ROLLUPS[tier]} (key, ts, account_id, region, model_id, operation,
  principal_arn, principal_role, error_code, guardrail_action, guardrail_policy_mask, guardrail_id, guardrail_side_mask,
  cross_region, n)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET n = n + excluded.n`;

export type RollupDims = [
  ts: number,
  account: string | null,
  region: string | null,
  model: string | null,
  operation: string | null,
  principal: string | null,
  role: string | null,
  error: string | null,
  action: string | null,
  mask: number,
  guardrailId: string | null,
  sideMask: number,
  crossRegion: number,
];

export type PendingRollup = Map<string, { dims: RollupDims; n: number }>;

const keyTime = (ms: number) => String(ms).padStart(15, "0");

/** Adds one record to a batch's pending rollup rows (summed in memory, written once per batch). */
export function addToRollup(pending: Record<Tier, PendingRollup>, dims: RollupDims): void {
  for (const [tier, size] of [
    ["hour", HOUR],
    ["day", DAY],
  ] as const) {
    const bucket = Math.floor(dims[0] / size) * size;
    const row = [bucket, ...dims.slice(1)] as RollupDims;
    // JSON keeps null distinct from "null" and a separator inside a value unambiguous.
    const key = keyTime(bucket) + JSON.stringify(dims.slice(1));
    const known = pending[tier].get(key);
    if (known) known.n++;
    else pending[tier].set(key, { dims: row, n: 1 });
  }
}

/** The rollups can answer a filter that uses only their dimensions (no text, tokens or metadata). */
function rollupCan(filter: LogFilter): boolean {
  return (
    filter.text === undefined && !filter.inputTokens && !filter.outputTokens && !(filter.metadata && filter.metadata.length > 0)
  );
}

export type Part = { source: "invocations" | (typeof ROLLUPS)[Tier]; filter: CompiledFilter };

const iso = (ms: number) => new Date(ms).toISOString();

function part(source: Part["source"], filter: LogFilter, from: number, to: number): Part {
  const compiled = compileFilter({ ...filter, from: iso(from), to: iso(to) });
  if (source === "invocations") return { source, filter: compiled };
  // The same range on the key, so SQLite walks the primary key instead of scanning the table.
  return {
    source,
    filter: { where: `key >= ? AND key < ? AND ${compiled.where}`, params: [keyTime(from), keyTime(to), ...compiled.params] },
  };
}

/**
 * Splits [from, to) into whole days (day rollup), the whole hours around them (hour rollup) and the
 * partial hours at either end (records), so "the last 30 days" starting at 10:37 is still exact.
 * `finest` caps the coarsest tier used (an hourly timeseries cannot read day rows). A filter the
 * rollups cannot answer reads the records only.
 */
export function splitByTime(filter: LogFilter, coarsest: Tier = "day"): Part[] {
  const from = Date.parse(filter.from);
  const to = Date.parse(filter.to);
  if (!rollupCan(filter)) return [{ source: "invocations", filter: compileFilter(filter) }];
  const parts: Part[] = [];
  const add = (source: Part["source"], a: number, b: number) => {
    if (a < b) parts.push(part(source, filter, a, b));
  };
  const h0 = Math.ceil(from / HOUR) * HOUR;
  const h1 = Math.floor(to / HOUR) * HOUR;
  if (h0 >= h1) return [{ source: "invocations", filter: compileFilter(filter) }];
  add("invocations", from, h0);
  add("invocations", h1, to);
  const d0 = Math.ceil(h0 / DAY) * DAY;
  const d1 = Math.floor(h1 / DAY) * DAY;
  if (coarsest === "day" && d0 < d1) {
    add(ROLLUPS.hour, h0, d0);
    add(ROLLUPS.day, d0, d1);
    add(ROLLUPS.hour, d1, h1);
  } else {
    add(ROLLUPS.hour, h0, h1);
  }
  return parts;
}

/**
 * One SELECT over every part: `select` gets whether its source is a rollup (count `n`) or the
 * records (count rows); `outer` wraps the union (written `{union}`). Parameters are in order.
 */
export function unionQuery(
  parts: Part[],
  select: (rollup: boolean) => string,
  groupBy: string | null,
  outer: string,
): { sql: string; params: (string | number)[] } {
  const group = groupBy === null ? "" : ` GROUP BY ${groupBy}`;
  const sql = parts.map((p) => `SELECT ${select(p.source !== "invocations")} FROM ${p.source} WHERE ${p.filter.where}${group}`);
  return { sql: outer.replace("{union}", sql.join(" UNION ALL ")), params: parts.flatMap((p) => p.filter.params) };
}
