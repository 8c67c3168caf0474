import { z } from "zod";
import { activityEventSchema, detectionSchema } from "./activity";
import { jsonFilterParam } from "./log-query";

const DAY = 86_400_000;
/** CloudTrail LookupEvents keeps 90 days; a little slack lets a 90-day preset's edge through to the source's own clamp. */
const MAX_SPAN_MS = 92 * DAY;

const isoTime = z.iso.datetime({ offset: true, message: "Times are ISO-8601, e.g. 2026-01-31T13:05:00Z." });
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const EVENT_NAME = /^[A-Za-z0-9]{1,128}$/;

const list = <T extends z.ZodType<string>>(item: T, what: string) => z.array(item).max(50, `At most 50 ${what}.`).optional();

/**
 * What the activity explorer asks for: an absolute range (a relative one is resolved by the client
 * once, so `to` stays put while paging) and the filters CloudTrail lookups can answer.
 */
export const activityFilterSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    accountIds: list(z.string().regex(ACCOUNT, "An account id is 12 digits."), "accounts"),
    regions: list(z.string().regex(REGION, "A region looks like eu-west-1."), "regions"),
    names: list(z.string().regex(EVENT_NAME, "An event name is letters and digits, e.g. DeleteGuardrail."), "event names"),
    actorArn: z.string().min(1).max(2048).startsWith("arn:", "The actor is an ARN (arn:aws:…).").optional(),
    /** Only calls CloudTrail recorded an errorCode for (denied, throttled, invalid …). */
    failedOnly: z.boolean().optional(),
  })
  .strict()
  .refine((f) => Date.parse(f.to) > Date.parse(f.from), { message: "The end must be after the start.", path: ["to"] })
  .refine((f) => Date.parse(f.to) - Date.parse(f.from) <= MAX_SPAN_MS, {
    message: "A range can span at most 90 days (CloudTrail's lookup history).",
    path: ["from"],
  });
export type ActivityFilterInput = z.infer<typeof activityFilterSchema>;

/** POST body of /api/activity/events: the fan-out cursor can be several kB, too long for a URL. */
export const activityListRequestSchema = z
  .object({
    filter: activityFilterSchema,
    cursor: z.string().min(1).max(64_000, "The cursor is too long.").nullish(),
    limit: z.number().int("The page size is a whole number.").min(1).max(200).optional(),
  })
  .strict();

/** A listed event: everything but `raw`, which can be large and is fetched one event at a time. */
export const activityEventSummarySchema = activityEventSchema.omit({ raw: true });
export type ActivityEventSummary = z.infer<typeof activityEventSummarySchema>;

export const activityPageSchema = z.object({
  events: z.array(activityEventSummarySchema),
  nextCursor: z.string().nullable(),
  notice: z.string().optional(),
});
export type ActivityPageResponse = z.infer<typeof activityPageSchema>;

export const activityEventParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x21-\x7e]+$/, "An event id is printable ASCII without spaces."),
});

const filterParam = jsonFilterParam(activityFilterSchema);

/** GET /api/activity/detections?filter=<json>: the filter is small (no cursor), so a cacheable-looking GET is fine. */
export const detectionsQuerySchema = z.object({ filter: filterParam });

export const detectionWithCheckSchema = detectionSchema.extend({ checkTitle: z.string().nullable() });
export type DetectionWithCheck = z.infer<typeof detectionWithCheckSchema>;

export const detectionsResponseSchema = z.object({
  detections: z.array(detectionWithCheckSchema),
  notices: z.array(z.string()),
  eventsRead: z.number().int(),
  scanId: z.string().nullable(),
  /** Detectors that failed on this data; the others still answered. */
  problems: z.array(z.object({ detector: z.string(), message: z.string() })),
  computedAt: z.string(),
});
export type DetectionsResponse = z.infer<typeof detectionsResponseSchema>;
