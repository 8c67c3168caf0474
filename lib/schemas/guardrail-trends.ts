import { z } from "zod";
import { logTimeseriesQuerySchema } from "./log-query";

/** Trends are hourly or daily: a minute bucket would split a click-through into slivers. */
const TRENDS_BUCKETS = ["hour", "day"] as const;
const trendsBucketSchema = z.enum(TRENDS_BUCKETS, "Bucket is hour or day.");

/** `?filter=<JSON LogFilter>&bucket=hour|day`, the /api/logs convention. */
export const guardrailTrendsQuerySchema = logTimeseriesQuerySchema.extend({ bucket: trendsBucketSchema });

/** A breakdown row: a dimension value (null: absent on those records) with its invocations and interventions. */
const breakdownRowSchema = z.object({
  value: z.string().nullable(),
  /** Invocations matching the filter with this value; null when the store could not count them. */
  invocations: z.number().nullable(),
  interventions: z.number(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

/**
 * Guardrail trends read from the invocation logs (LogStore) for one filter. Every count is of
 * records matching that filter, so a click can open /logs with the same filter plus one value.
 */
export const guardrailTrendsSchema = z.object({
  /** Which LogStore answered: the embedded store or CloudWatch Logs Insights. */
  store: z.enum(["embedded", "cloudwatch"]),
  bucket: trendsBucketSchema,
  /** Invocations and interventions per bucket (`t` is the bucket start, ISO UTC). */
  points: z.array(z.object({ t: z.string(), invocations: z.number(), interventions: z.number() })),
  /**
   * Interventions per bucket whose findings were on the prompt (input) or the output; a record with both
   * counts in each. null when the store cannot tell the side (CloudWatch Logs Insights); `sidesUnavailable` says why.
   */
  sides: z.array(z.object({ t: z.string(), input: z.number(), output: z.number() })).nullable(),
  sidesUnavailable: z.string().optional(),
  byGuardrail: z.array(breakdownRowSchema),
  byPolicyType: z.array(breakdownRowSchema),
  byModel: z.array(breakdownRowSchema),
  /** Most intervened principals first. */
  byPrincipal: z.array(breakdownRowSchema),
  /** Why some numbers may be partial, in words a user can act on. */
  notices: z.array(z.string()),
});
export type GuardrailTrends = z.infer<typeof guardrailTrendsSchema>;
