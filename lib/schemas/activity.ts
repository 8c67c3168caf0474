import { z } from "zod";

/** Who made a CloudTrail call, as the activity page shows it. */
const activityActorSchema = z.object({
  /** userIdentity.type: IAMUser, AssumedRole, Root, AWSService, FederatedUser, … */
  type: z.string().nullable(),
  arn: z.string().nullable(),
  /** A readable name: the IAM user, the role and session, or the service. */
  name: z.string().nullable(),
  accessKeyId: z.string().nullable(),
});

/**
 * One CloudTrail event, normalised for the activity page and the detectors. `raw` is the event's
 * JSON as CloudTrail returned it (shown on demand). An event whose JSON does not parse still
 * appears, with `parseError` set and the fields LookupEvents gave outside the JSON.
 */
export const activityEventSchema = z.object({
  id: z.string(),
  /** ISO-8601 UTC. */
  time: z.string(),
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  /** eventSource, e.g. bedrock.amazonaws.com */
  source: z.string(),
  /** eventName, e.g. DeleteModelInvocationLoggingConfiguration */
  name: z.string(),
  readOnly: z.boolean().nullable(),
  actor: activityActorSchema,
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  requestParameters: z.unknown(),
  responseElements: z.unknown(),
  resources: z.array(z.object({ type: z.string().nullable(), name: z.string().nullable() })),
  raw: z.string(),
  parseError: z.string().nullable(),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;

export const DETECTION_SEVERITIES = ["critical", "high", "medium", "low"] as const;

/** A risky change or pattern found in the events, with why it matters and what to look at. */
export const detectionSchema = z.object({
  /** Stable per finding: detector id + the triggering event id(s), so re-running gives the same ids. */
  id: z.string(),
  detector: z.string(),
  severity: z.enum(DETECTION_SEVERITIES),
  title: z.string(),
  explanation: z.string(),
  time: z.string(),
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  actor: activityActorSchema,
  eventIds: z.array(z.string()).min(1),
  /** The posture check this change affects, when one exists (server/checks registry id). */
  checkId: z.string().nullable(),
});
export type Detection = z.infer<typeof detectionSchema>;
