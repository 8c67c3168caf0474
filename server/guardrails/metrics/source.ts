import "server-only";
import type { GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { BUCKET_MS, MAX_TIMESERIES_POINTS, type TimeBucket } from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";

export type GuardrailMetricsFilter = {
  from: Date;
  to: Date;
  bucket: TimeBucket;
  accountIds?: string[];
  regions?: string[];
};

/** Where guardrail metrics come from: CloudWatch in every account × region the scans reach, or the demo. */
export interface GuardrailMetricsSource {
  read(filter: GuardrailMetricsFilter, signal?: AbortSignal): Promise<GuardrailMetricsResponse>;
}

/** Buckets per series for a range, counted from the UTC-aligned start of the first bucket. */
function bucketCount(from: Date, to: Date, bucket: TimeBucket): number {
  const size = BUCKET_MS[bucket];
  const start = Math.floor(from.getTime() / size) * size;
  return Math.ceil((to.getTime() - start) / size);
}

/** Refuses an empty range or one with more points per series than a chart can show. */
export function assertRange(from: Date, to: Date, bucket: TimeBucket): void {
  const n = bucketCount(from, to, bucket);
  if (!(n > 0)) throw new ValidationError("The end of the time range must be after its start.");
  if (n > MAX_TIMESERIES_POINTS)
    throw new ValidationError(`That range has ${n} ${bucket} buckets (at most ${MAX_TIMESERIES_POINTS}); use a larger bucket.`);
}

export const wanted = (filter: GuardrailMetricsFilter, accountId: string, region: string): boolean =>
  (filter.accountIds === undefined || filter.accountIds.length === 0 || filter.accountIds.includes(accountId)) &&
  (filter.regions === undefined || filter.regions.length === 0 || filter.regions.includes(region));
