import { z } from "zod";
import { LOG_POLICY_TYPES, timeBucketSchema } from "./logs";

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
