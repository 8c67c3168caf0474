import { z } from "zod";

import { FACET_KEYS, GUARDRAIL_ID, GUARDRAIL_SIDES, LOG_POLICY_TYPES, LOG_PRINCIPAL_TYPES } from "@/lib/constants/log-fields";

export { FACET_KEYS, GUARDRAIL_SIDES, LOG_POLICY_TYPES, LOG_PRINCIPAL_TYPES };
const GUARDRAIL_ACTIONS = ["INTERVENED", "NONE"] as const;
export const TIME_BUCKETS = ["minute", "hour", "day"] as const;

export const BUCKET_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const satisfies Record<
  (typeof TIME_BUCKETS)[number],
  number
>;
/** A query may span at most this long: a year and a day, so "last 365 days" always fits. */
const MAX_SPAN_MS = 366 * BUCKET_MS.day;
/** Caps a timeseries (one week of minutes) so a wide range with a fine bucket is refused, not rendered. */
export const MAX_TIMESERIES_POINTS = 7 * 24 * 60;
const MAX_TEXT_QUERY_CHARS = 200;
const MAX_VALUES = 50;

const isoTime = z.iso.datetime({ offset: true, message: "Use an ISO-8601 time with a zone, e.g. 2025-01-31T00:00:00Z." });
const value = (what: string) =>
  z.string().trim().min(1, `${what} must not be empty.`).max(256, `${what} must be at most 256 characters.`);
const values = (what: string) => z.array(value(what)).max(MAX_VALUES, `Pick at most ${MAX_VALUES} ${what} values.`).optional();
const count = z.number().int("Token counts are whole numbers.").nonnegative("Token counts cannot be negative.");
const tokenRange = z
  .object({ min: count.optional(), max: count.optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: "The minimum token count must not exceed the maximum.",
  })
  .optional();

/** Request-metadata keys are matched through a JSON path; this charset keeps every key a plain path member. */
const METADATA_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const metadataPair = z.object({
  key: z.string().regex(METADATA_KEY, "Metadata keys use letters, digits, '_', '.', ':' and '-' (at most 128 characters)."),
  value: z.string().max(256, "Metadata values must be at most 256 characters."),
});

/** The typed filter every LogStore answers; time is the half-open range [from, to). */
export const logFilterSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    accountIds: values("account"),
    regions: values("region"),
    modelIds: values("model"),
    operations: values("operation"),
    principalArns: values("principal ARN"),
    roles: values("role"),
    errorCodes: values("error code"),
    hasError: z.boolean().optional(),
    guardrailActions: z.array(z.enum(GUARDRAIL_ACTIONS, "Guardrail action is INTERVENED or NONE.")).optional(),
    /** Records where any of these policy types fired. */
    guardrailPolicyTypes: z.array(z.enum(LOG_POLICY_TYPES, "Unknown guardrail policy type.")).optional(),
    /** Records whose guardrail trace names one of these guardrail ids. */
    guardrailIds: z
      .array(z.string().regex(GUARDRAIL_ID, "A guardrail id is 1–64 lowercase letters and digits."))
      .max(MAX_VALUES, `Pick at most ${MAX_VALUES} guardrail values.`)
      .optional(),
    /** Records with a finding on this side; a record with findings on both sides matches either. */
    guardrailSides: z.array(z.enum(GUARDRAIL_SIDES, "Guardrail side is input or output.")).optional(),
    crossRegion: z.boolean().optional(),
    inputTokens: tokenRange,
    outputTokens: tokenRange,
    metadata: z.array(metadataPair).max(10, "Filter on at most 10 metadata pairs.").optional(),
    text: z
      .string()
      .trim()
      .min(1, "Search text must not be empty.")
      .max(MAX_TEXT_QUERY_CHARS, `Search text must be at most ${MAX_TEXT_QUERY_CHARS} characters.`)
      .regex(/[\p{L}\p{N}]/u, "Search text needs at least one letter or digit.")
      .optional(),
  })
  .superRefine((f, ctx) => {
    const span = Date.parse(f.to) - Date.parse(f.from);
    if (!(span > 0))
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end of the time range must be after its start." });
    else if (span > MAX_SPAN_MS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The time range can span at most 366 days." });
  });
export type LogFilter = z.infer<typeof logFilterSchema>;

export const timeBucketSchema = z.enum(TIME_BUCKETS, "Bucket is minute, hour or day.");
export type TimeBucket = z.infer<typeof timeBucketSchema>;

/** One record without its bodies: what a results table and facet clicks need. */
export const logSummarySchema = z.object({
  id: z.string(),
  timestamp: z.string(),
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  inferenceRegion: z.string().nullable(),
  crossRegion: z.boolean(),
  modelId: z.string().nullable(),
  operation: z.string().nullable(),
  principal: z.object({
    arn: z.string().nullable(),
    type: z.enum(LOG_PRINCIPAL_TYPES),
    role: z.string().nullable(),
    session: z.string().nullable(),
  }),
  errorCode: z.string().nullable(),
  guardrailAction: z.enum(GUARDRAIL_ACTIONS).nullable(),
  guardrailPolicyTypes: z.array(z.enum(LOG_POLICY_TYPES)),
  /** The guardrail the trace names (Bedrock applies one per request); null when untraced. */
  guardrailId: z.string().nullable(),
  guardrailSide: z.enum(["input", "output", "both"]).nullable(),
  latencyMs: z.number().nullable(),
  tokens: z.object({ input: z.number(), output: z.number(), cacheRead: z.number(), cacheWrite: z.number() }),
  requestMetadata: z.record(z.string(), z.string()),
});
export type LogSummary = z.infer<typeof logSummarySchema>;

/**
 * A store that could answer only part of a question (e.g. a CloudWatch Logs Insights row limit)
 * says so here, in words a user can act on; absent when the answer is complete.
 */
const noticeSchema = z.string().optional();

export const logPageSchema = z.object({
  items: z.array(logSummarySchema),
  nextCursor: z.string().nullable(),
  notice: noticeSchema,
});
export type LogPage = z.infer<typeof logPageSchema>;

/** A facet value (null: the field is absent on those records) and how many matching records carry it. */
const facetCountsSchema = z.array(z.object({ value: z.string().nullable(), count: z.number() }));
export type FacetKey = (typeof FACET_KEYS)[number];
export const facetsSchema = z.object({
  models: facetCountsSchema,
  principals: facetCountsSchema,
  operations: facetCountsSchema,
  errorCodes: facetCountsSchema,
  guardrailActions: facetCountsSchema,
  /** Guardrail ids. */
  guardrails: facetCountsSchema,
  /** Records per policy type that fired; a record with several types counts under each. */
  guardrailPolicyTypes: facetCountsSchema,
  /** input / output; a record with findings on both sides counts under each. */
  guardrailSides: facetCountsSchema,
  regions: facetCountsSchema,
  notice: noticeSchema,
} satisfies Record<FacetKey | "notice", z.ZodType>);
export type Facets = z.infer<typeof facetsSchema>;

/** `t` is the bucket start (ISO, UTC). */
export const timeseriesPointSchema = z.object({
  t: z.string(),
  invocations: z.number(),
  errors: z.number(),
  interventions: z.number(),
});
export type TimeseriesPoint = z.infer<typeof timeseriesPointSchema>;

export const timeseriesSchema = z.object({
  bucket: timeBucketSchema,
  points: z.array(timeseriesPointSchema),
  notice: noticeSchema,
});
export type Timeseries = z.infer<typeof timeseriesSchema>;
