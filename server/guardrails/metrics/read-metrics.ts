import "server-only";
import {
  type CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type MetricDataResult,
} from "@aws-sdk/client-cloudwatch";
import { BUCKET_MS, MAX_TIMESERIES_POINTS, type TimeBucket } from "@/lib/schemas/logs";
import type { GuardrailMetrics } from "@/lib/schemas/guardrail-metrics";
import { UpstreamError, ValidationError } from "@/server/http/errors";
import { toUnavailable } from "@/server/sources/aws/errors";
import { MAX_QUERIES, METRICS, NAMESPACE, targetOf, toQueries, type ListedMetric, type Target } from "./queries";

const DAY = BUCKET_MS.day;
/** CloudWatch keeps 1-minute datapoints for 15 days; ListMetrics lists metrics with data in the last 14. */
const MINUTE_RETENTION_MS = 15 * DAY;
const LISTED_WINDOW_MS = 14 * DAY;

export type ReadOptions = {
  client: CloudWatchClient;
  accountId: string;
  region: string;
  from: Date;
  to: Date;
  bucket: TimeBucket;
  signal?: AbortSignal;
  now?: Date;
};

async function call<T>(what: string, action: string, where: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new UpstreamError(`${what} failed in ${where}: ${toUnavailable(error, action).reason}`, { action });
  }
}

/** Every listed metric whose dimension set we chart, all pages. */
async function listMetrics(o: ReadOptions, where: string): Promise<{ metric: ListedMetric; target: Target }[]> {
  const found: { metric: ListedMetric; target: Target }[] = [];
  for (const name of METRICS) {
    let token: string | undefined;
    do {
      const page = await call("Listing guardrail metrics", "cloudwatch:ListMetrics", where, () =>
        o.client.send(new ListMetricsCommand({ Namespace: NAMESPACE, MetricName: name, NextToken: token }), {
          abortSignal: o.signal,
        }),
      );
      for (const m of page.Metrics ?? []) {
        const metric = { name: m.MetricName ?? "", dimensions: m.Dimensions ?? [] };
        const target = targetOf(metric);
        if (target) found.push({ metric, target });
      }
      token = page.NextToken;
    } while (token);
  }
  return found;
}

/** All datapoints of a batch of queries, following NextToken; per-query status problems become notices. */
async function fetchBatch(
  o: ReadOptions,
  where: string,
  metrics: ListedMetric[],
  start: Date,
  periodSeconds: number,
  notices: Set<string>,
): Promise<Map<string, MetricDataResult>> {
  const results = new Map<string, MetricDataResult>();
  const queries = toQueries(metrics, periodSeconds);
  let token: string | undefined;
  do {
    const page = await call("Reading guardrail metrics", "cloudwatch:GetMetricData", where, () =>
      o.client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: start,
          EndTime: o.to,
          ScanBy: "TimestampAscending",
          NextToken: token,
        }),
        { abortSignal: o.signal },
      ),
    );
    for (const r of page.MetricDataResults ?? []) {
      const known = results.get(r.Id ?? "");
      results.set(r.Id ?? "", {
        ...r,
        Timestamps: [...(known?.Timestamps ?? []), ...(r.Timestamps ?? [])],
        Values: [...(known?.Values ?? []), ...(r.Values ?? [])],
      });
      if (r.StatusCode && r.StatusCode !== "Complete")
        notices.add(`Some datapoints in ${where} were not returned (${r.StatusCode}).`);
    }
    for (const m of page.Messages ?? []) if (m.Value) notices.add(`CloudWatch in ${where}: ${m.Value}`);
    token = page.NextToken;
  } while (token);
  return results;
}

type Point = { t: string; invocations: number; intervened: number };

/**
 * Guardrail invocations and interventions over time from CloudWatch metrics, per guardrail version,
 * per policy type and per side (input or output), summed into UTC-aligned buckets and zero-filled.
 * Only dimension combinations CloudWatch lists are queried; nothing is estimated.
 */
export async function readGuardrailMetrics(o: ReadOptions): Promise<GuardrailMetrics> {
  const where = `${o.accountId}/${o.region}`;
  const size = BUCKET_MS[o.bucket];
  const start = Math.floor(o.from.getTime() / size) * size;
  const points = Math.ceil((o.to.getTime() - start) / size);
  if (!(points > 0)) throw new ValidationError("The end of the time range must be after its start.");
  if (points > MAX_TIMESERIES_POINTS) {
    throw new ValidationError(
      `That range has ${points} ${o.bucket} buckets (at most ${MAX_TIMESERIES_POINTS}); use a larger bucket.`,
    );
  }
  const now = (o.now ?? new Date()).getTime();
  const notices = new Set<string>();
  if (o.bucket === "minute" && start < now - MINUTE_RETENTION_MS) {
    notices.add("CloudWatch keeps per-minute guardrail metrics for 15 days; older minutes are empty. Use hour or day buckets.");
  }
  if (start < now - LISTED_WINDOW_MS) {
    notices.add("CloudWatch lists only metrics with data in the last 14 days: a guardrail used only before then is not shown.");
  }

  const listed = await listMetrics(o, where);
  const empty = (): Point[] =>
    Array.from({ length: points }, (_, i) => ({ t: new Date(start + i * size).toISOString(), invocations: 0, intervened: 0 }));
  const series = new Map<string, { target: Target; points: Point[] }>();
  const keyOf = (t: Target) =>
    t.kind === "guardrail" ? `g ${t.arn} ${t.version}` : t.kind === "policy" ? `p ${t.policyType}` : `s ${t.source}`;

  for (let i = 0; i < listed.length; i += MAX_QUERIES) {
    const batch = listed.slice(i, i + MAX_QUERIES);
    const results = await fetchBatch(
      o,
      where,
      batch.map((b) => b.metric),
      new Date(start),
      size / 1000,
      notices,
    );
    batch.forEach(({ target }, j) => {
      const result = results.get(`q${j}`);
      const entry = series.get(keyOf(target)) ?? { target, points: empty() };
      series.set(keyOf(target), entry);
      (result?.Timestamps ?? []).forEach((ts, k) => {
        const bucket = Math.floor((new Date(ts).getTime() - start) / size);
        const point = entry.points[bucket];
        if (!point) return;
        const value = result?.Values?.[k] ?? 0;
        if (target.metric === "Invocations") point.invocations += value;
        else point.intervened += value;
      });
    });
  }

  const all = [...series.values()];
  return {
    accountId: o.accountId,
    region: o.region,
    bucket: o.bucket,
    guardrails: all.flatMap(({ target, points: p }) =>
      target.kind === "guardrail" ? [{ arn: target.arn, version: target.version, points: p }] : [],
    ),
    byPolicyType: all.flatMap(({ target, points: p }) =>
      target.kind === "policy" ? [{ policyType: target.policyType, points: p }] : [],
    ),
    bySource: all.flatMap(({ target, points: p }) => (target.kind === "source" ? [{ source: target.source, points: p }] : [])),
    ...(notices.size > 0 ? { notice: [...notices].join(" ") } : {}),
  };
}
