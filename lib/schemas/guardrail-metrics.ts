import { z } from "zod";
import { accountListSchema, regionListSchema } from "./guardrail-inventory";
import { BUCKET_MS, LOG_POLICY_TYPES, timeBucketSchema } from "./logs";

/** `t` is the bucket start (ISO, UTC); counts are CloudWatch sums over the bucket, 0 where no datapoint. */
const pointSchema = z.object({ t: z.string(), invocations: z.number(), intervened: z.number() });
const seriesSchema = z.array(pointSchema);

/**
 * Guardrail trends from the `AWS/Bedrock/Guardrails` CloudWatch metrics of one account × region:
 * they exist even where invocation logging is off. Prompt attacks are reported under the content
 * policy there, so `byPolicyType` has no promptAttack series; automated reasoning has its own metrics.
 */
export const guardrailMetricsSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  bucket: timeBucketSchema,
  guardrails: z.array(z.object({ arn: z.string(), version: z.string(), points: seriesSchema })),
  byPolicyType: z.array(z.object({ policyType: z.enum(LOG_POLICY_TYPES), points: seriesSchema })),
  bySource: z.array(z.object({ source: z.enum(["input", "output"]), points: seriesSchema })),
  notice: z.string().optional(),
});
export type GuardrailMetrics = z.infer<typeof guardrailMetricsSchema>;

/**
 * What /api/guardrails/metrics answers: the metrics of every account × region the source reaches.
 * `source` says where they came from: CloudWatch (AWS mode) or the demo's generated metrics.
 */
export const guardrailMetricsResponseSchema = z.object({
  source: z.enum(["cloudwatch", "demo"]),
  bucket: timeBucketSchema,
  targets: z.array(guardrailMetricsSchema),
  /** Targets that could not be read, with the reason (e.g. the denied cloudwatch:GetMetricData). */
  errors: z.array(z.object({ accountId: z.string(), region: z.string(), message: z.string() })),
  notices: z.array(z.string()),
});
export type GuardrailMetricsResponse = z.infer<typeof guardrailMetricsResponseSchema>;

/** A chart series longer than this is unreadable and slow to draw; the API asks for a larger bucket instead. */
const MAX_METRIC_POINTS = 2_000;
const DEFAULT_SPAN_MS = 7 * BUCKET_MS.day;
/** CloudWatch keeps metric data for 15 months; older ranges can only come back empty. */
const MAX_SPAN_MS = 455 * BUCKET_MS.day;
const instant = z.iso.datetime({ offset: true, message: "Use an ISO-8601 date-time such as 2026-11-27T06:00:00Z." });

/** `GET /api/guardrails/metrics?from&to&bucket&account&region`: defaults to the last 7 days by hour. */
export const guardrailMetricsQuerySchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    bucket: timeBucketSchema.default("hour"),
    account: accountListSchema,
    region: regionListSchema,
  })
  .transform((q) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_SPAN_MS);
    return { from, to, bucket: q.bucket, accountIds: q.account, regions: q.region };
  });
export type GuardrailMetricsQuery = z.infer<typeof guardrailMetricsQuerySchema>;

/**
 * Why a parsed query's range cannot be charted, or null. Checked by the route after parsing so the
 * 400's own message says it (zod issues arrive under the generic "Invalid query.").
 */
export function metricsRangeProblem(q: Pick<GuardrailMetricsQuery, "from" | "to" | "bucket">): string | null {
  if (!(q.from < q.to)) return "The start of the range (`from`) must be before its end (`to`).";
  if (q.to.getTime() - q.from.getTime() > MAX_SPAN_MS)
    return "CloudWatch keeps guardrail metrics for 15 months; choose a range of at most 455 days.";
  const size = BUCKET_MS[q.bucket];
  const points = Math.ceil((q.to.getTime() - Math.floor(q.from.getTime() / size) * size) / size);
  if (points > MAX_METRIC_POINTS)
    return `That range has ${points.toLocaleString("en-US")} ${q.bucket} buckets, more than ${MAX_METRIC_POINTS.toLocaleString("en-US")} points per series; use a larger bucket or a shorter range.`;
  return null;
}
