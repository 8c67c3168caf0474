import "server-only";
import {
  BUCKET_MS,
  LOG_POLICY_TYPES,
  MAX_TIMESERIES_POINTS,
  type FacetKey,
  type Facets,
  type LogFilter,
  type LogPage,
  type TimeBucket,
  type Timeseries,
} from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import type { InvocationRecord } from "../record";
import { DEFAULT_PAGE_SIZE, FACET_LIMIT, MAX_PAGE_SIZE, type LogStore, type QueryOptions } from "../store/types";
import {
  FACET_FIELDS,
  binField,
  countQuery,
  facetQuery,
  getQuery,
  guardrailCountQuery,
  guardrailIdFacetQuery,
  policyCountQuery,
  queryWindow,
  timeseriesQueries,
} from "./compile";
import { QueryRunner, noticeOf, type QueryRunnerOptions } from "./fan-out";
import { check } from "./literals";
import { decodeCursor, foundRow, parseInsightsTime } from "./rows";
import { MAX_ROWS, targetKey, type LogTarget, type Row } from "./run-query";
import { searchPage, sightingOf, type Sighting } from "./search";
import { GUARDRAIL_ID_FIELDS } from "./signals";
import type { TargetSource } from "./targets";

/** Values each target reports per facet; more than FACET_LIMIT so merged top values stay close to exact. */
const FACET_SCAN_LIMIT = 200;
/** Said with every CloudWatch facets answer: the side facet is left empty rather than guessed. */
export const SIDES_FACET_NOTICE =
  "Guardrail side counts need the embedded store: CloudWatch Logs Insights cannot tell whether a finding sits in the " +
  "trace's input or output assessment.";
/** `get` for a record this process has not listed searches this far back. */
const GET_LOOKBACK_MS = 30 * BUCKET_MS.day;

export type CloudWatchStoreOptions = QueryRunnerOptions & { now?: () => number };

const count = (rows: Row[]) => rows.reduce((sum, r) => sum + (Number(r.n) || 0), 0);

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(`The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return limit;
}

/** Facet values merged across targets, ordered as the embedded store orders them. */
function topValues(counts: Map<string | null, number>): Facets[FacetKey] {
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([value, n]) => ({ value, count: n }))
    .sort(
      (a, b) =>
        b.count - a.count || Number(a.value === null) - Number(b.value === null) || (a.value ?? "").localeCompare(b.value ?? ""),
    )
    .slice(0, FACET_LIMIT);
}

/**
 * The LogStore over CloudWatch Logs Insights: every question is compiled into a query that runs in
 * AWS, in each account × region whose invocation logging writes to CloudWatch. Only pages of rows
 * and aggregated counts come back to Node.
 */
export class CloudWatchLogStore implements LogStore {
  private readonly runner: QueryRunner;
  private readonly now: () => number;
  /** Request id → where search last saw it (LRU), so `get` queries one log group over two seconds. */
  private readonly seen = new Map<string, Sighting>();

  constructor(targets: TargetSource, options: CloudWatchStoreOptions = {}) {
    this.runner = new QueryRunner(targets, options);
    this.now = options.now ?? Date.now;
  }

  async search(filter: LogFilter, cursor?: string, limit?: number, options?: QueryOptions): Promise<LogPage> {
    const size = clampLimit(limit);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    return searchPage(this.runner, filter, after, size, options?.signal, (rows) => {
      for (const r of rows) this.remember(r.id, sightingOf(r));
    });
  }

  async count(filter: LogFilter, options?: QueryOptions): Promise<number> {
    const query = countQuery(filter);
    const { results } = await this.runner.fanOut(options?.signal, (t) => this.rows(t, query, filter, 1, options?.signal));
    return results.reduce((sum, r) => sum + count(r.value), 0);
  }

  async get(id: string, options?: QueryOptions): Promise<InvocationRecord | undefined> {
    const query = getQuery(check("requestId", "Record id", id));
    const seen = this.seen.get(id);
    const window = seen
      ? { startTime: Math.floor(seen.t / 1000) - 1, endTime: Math.ceil(seen.t / 1000) + 1 }
      : { startTime: Math.floor((this.now() - GET_LOOKBACK_MS) / 1000), endTime: Math.ceil(this.now() / 1000) };
    const { results } = await this.runner.fanOut(options?.signal, async (t) =>
      seen && seen.target !== targetKey(t) ? [] : this.runner.query(t, { query, ...window, limit: 1 }, options?.signal),
    );
    for (const { value } of results) {
      const found = value[0] === undefined ? null : foundRow(value[0]);
      if (found?.record) return found.record;
    }
    return undefined;
  }

  async facets(filter: LogFilter, options?: QueryOptions): Promise<Facets> {
    const signal = options?.signal;
    const fields = Object.keys(FACET_FIELDS) as (keyof typeof FACET_FIELDS)[];
    const { results, notices } = await this.runner.fanOut(signal, async (t) => {
      const [byField, guardrail, ids, policies] = await Promise.all([
        Promise.all(fields.map((f) => this.rows(t, facetQuery(filter, f, FACET_SCAN_LIMIT), filter, FACET_SCAN_LIMIT, signal))),
        Promise.all(
          [countQuery(filter), guardrailCountQuery(filter, "INTERVENED"), guardrailCountQuery(filter, "NONE")].map((q) =>
            this.rows(t, q, filter, 1, signal),
          ),
        ),
        this.rows(t, guardrailIdFacetQuery(filter, FACET_SCAN_LIMIT), filter, FACET_SCAN_LIMIT, signal),
        // A record counts under each type that fired, so each type is its own count (seven small queries).
        Promise.all(LOG_POLICY_TYPES.map((type) => this.rows(t, policyCountQuery(filter, type), filter, 1, signal))),
      ]);
      return { byField, guardrail: guardrail.map(count), ids, policies: policies.map(count) };
    });
    const cut = new Set<string>();
    const byField = fields.map((facet, i) => {
      const counts = new Map<string | null, number>();
      for (const { target, value } of results) {
        const rows = value.byField[i] ?? [];
        if (rows.length >= FACET_SCAN_LIMIT) cut.add(`${target.accountId}/${target.region}`);
        for (const row of rows) {
          const v = row[FACET_FIELDS[facet]] ?? null;
          counts.set(v, (counts.get(v) ?? 0) + (Number(row.n) || 0));
        }
      }
      return [facet, topValues(counts)] as const;
    });
    // Derived per record, so counted with three queries: all, INTERVENED and NONE; the rest carry no signal.
    const actions = new Map<string | null, number>();
    for (const { value } of results) {
      const [total = 0, intervened = 0, none = 0] = value.guardrail;
      for (const [action, n] of [
        ["INTERVENED", intervened],
        ["NONE", none],
        [null, Math.max(0, total - intervened - none)],
      ] as const) {
        actions.set(action, (actions.get(action) ?? 0) + n);
      }
    }
    const guardrails = new Map<string | null, number>();
    const policyTypes = new Map<string | null, number>();
    for (const { target, value } of results) {
      if (value.ids.length >= FACET_SCAN_LIMIT) cut.add(`${target.accountId}/${target.region}`);
      for (const row of value.ids) {
        // A parse that did not match leaves its field absent (or empty); the traced id wins, as in the normaliser.
        const id = row[GUARDRAIL_ID_FIELDS.traced] || row[GUARDRAIL_ID_FIELDS.named] || null;
        guardrails.set(id, (guardrails.get(id) ?? 0) + (Number(row.n) || 0));
      }
      LOG_POLICY_TYPES.forEach((type, i) => policyTypes.set(type, (policyTypes.get(type) ?? 0) + (value.policies[i] ?? 0)));
    }
    if (cut.size > 0) {
      notices.push(
        `Facet counts are for the top ${FACET_SCAN_LIMIT} values in each of ${[...cut].join(", ")}; rarer values may be missing.`,
      );
    }
    return {
      ...(Object.fromEntries(byField) as Record<keyof typeof FACET_FIELDS, Facets[FacetKey]>),
      guardrailActions: topValues(actions),
      guardrails: topValues(guardrails),
      guardrailPolicyTypes: topValues(policyTypes),
      guardrailSides: [],
      // Only where guardrails are in play: elsewhere the empty side facet needs no explaining.
      ...noticeOf([...guardrails.keys()].some((id) => id !== null) ? [...notices, SIDES_FACET_NOTICE] : notices),
    };
  }

  async timeseries(filter: LogFilter, bucket: TimeBucket, options?: QueryOptions): Promise<Timeseries> {
    const size = BUCKET_MS[bucket];
    const start = Math.floor(Date.parse(filter.from) / size) * size;
    const points = Math.ceil((Date.parse(filter.to) - start) / size);
    if (points > MAX_TIMESERIES_POINTS) {
      throw new ValidationError(
        `That range has ${points} ${bucket} buckets (at most ${MAX_TIMESERIES_POINTS}); use a larger bucket.`,
      );
    }
    const queries = timeseriesQueries(filter, bucket);
    const kinds = ["invocations", "errors", "interventions"] as const;
    const { results, notices } = await this.runner.fanOut(options?.signal, (t) =>
      Promise.all(kinds.map((k) => this.rows(t, queries[k], filter, MAX_ROWS, options?.signal))),
    );
    const series = Array.from({ length: points }, (_, b) => ({
      t: new Date(start + b * size).toISOString(),
      invocations: 0,
      errors: 0,
      interventions: 0,
    }));
    for (const { target, value } of results) {
      if (value.some((rows) => rows.length >= MAX_ROWS)) {
        notices.push(
          `${target.accountId}/${target.region} returned the ${MAX_ROWS.toLocaleString("en")}-row maximum; some buckets may be missing.`,
        );
      }
      kinds.forEach((kind, k) => {
        for (const row of value[k] ?? []) {
          const t = parseInsightsTime(row[binField(bucket)]);
          const point = t === null ? undefined : series[Math.floor((t - start) / size)];
          if (point !== undefined) point[kind] += Number(row.n) || 0;
        }
      });
    }
    return { bucket, points: series, ...noticeOf(notices) };
  }

  /** Drops cached answers and sightings (tests, and after the settings change). */
  clear(): void {
    this.runner.clear();
    this.seen.clear();
  }

  private rows(target: LogTarget, query: string, filter: LogFilter, limit: number, signal?: AbortSignal): Promise<Row[]> {
    return this.runner.query(target, { query, ...queryWindow(filter), limit }, signal);
  }

  private remember(id: string, sighting: Sighting): void {
    this.seen.delete(id);
    this.seen.set(id, sighting);
    if (this.seen.size > 10_000) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
