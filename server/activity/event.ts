import "server-only";
import type { Event as LookupEvent } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import type { ActivityEvent } from "@/lib/schemas/activity";

/**
 * The parts of a CloudTrail event JSON the activity page reads. Loose on purpose: CloudTrail adds
 * fields over time, and a field of an unexpected type is dropped rather than failing the event.
 */
const str = z.string().nullish().catch(null);
const identitySchema = z
  .object({
    type: str,
    arn: str,
    userName: str,
    accessKeyId: str,
    invokedBy: str,
    sessionContext: z
      .object({ sessionIssuer: z.object({ userName: str, arn: str }).nullish().catch(null) })
      .nullish()
      .catch(null),
  })
  .nullish()
  .catch(null);
const recordSchema = z.object({
  eventID: str,
  eventTime: str,
  eventSource: str,
  eventName: str,
  awsRegion: str,
  recipientAccountId: str,
  sourceIPAddress: str,
  userAgent: str,
  errorCode: str,
  errorMessage: str,
  readOnly: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .nullish()
    .catch(null),
  userIdentity: identitySchema,
  requestParameters: z.unknown(),
  responseElements: z.unknown(),
  resources: z
    .array(z.object({ type: str, ARN: str }))
    .nullish()
    .catch(null),
});
type CloudTrailRecord = z.infer<typeof recordSchema>;
type Identity = NonNullable<CloudTrailRecord["userIdentity"]>;

/** The readable name of who called: the user, "role/session" for an assumed role, or the service. */
function actorName(identity: Identity, username: string | undefined): string | null {
  if (identity.type === "AssumedRole") {
    const parts = identity.arn?.split("/") ?? [];
    const role = identity.sessionContext?.sessionIssuer?.userName ?? parts.at(-2);
    const session = parts.length >= 3 ? parts.at(-1) : undefined;
    if (role !== undefined && session !== undefined) return `${role}/${session}`;
    return role ?? username ?? null;
  }
  if (identity.type === "AWSService") return identity.invokedBy ?? username ?? null;
  if (identity.type === "Root") return "root";
  return identity.userName ?? username ?? identity.arn?.split("/").at(-1) ?? null;
}

const iso = (d: Date | undefined) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

/** "123456789012" from an ARN, when it has one. */
const accountOfArn = (arn: string | null | undefined) => /^arn:aws[\w-]*:[^:]*:[^:]*:(\d{12}):/.exec(arn ?? "")?.[1] ?? null;

function parse(raw: string | undefined): { record: CloudTrailRecord | null; error: string | null } {
  if (raw === undefined || raw === "") return { record: null, error: "CloudTrailEvent is missing" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { record: null, error: `CloudTrailEvent is not JSON: ${(error as Error).message}` };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return { record: null, error: "CloudTrailEvent is not a JSON object" };
  return { record: parsed.data, error: null };
}

/**
 * One LookupEvents `Event` as the activity page and detectors see it. Never throws: an event whose
 * CloudTrailEvent does not parse keeps the fields LookupEvents gave outside it, with `parseError`.
 */
export function normalizeLookupEvent(e: LookupEvent, where: { accountId?: string; region?: string } = {}): ActivityEvent {
  const { record, error } = parse(e.CloudTrailEvent);
  const identity: Identity = record?.userIdentity ?? {};
  const readOnly = record?.readOnly ?? (e.ReadOnly === undefined ? null : e.ReadOnly);
  const time = iso(e.EventTime) ?? (record?.eventTime ? iso(new Date(record.eventTime)) : null) ?? new Date(0).toISOString();
  const fromRecord = (record?.resources ?? []).map((r) => ({ type: r.type ?? null, name: r.ARN ?? null }));
  const fromLookup = (e.Resources ?? []).map((r) => ({ type: r.ResourceType ?? null, name: r.ResourceName ?? null }));
  return {
    id: e.EventId ?? record?.eventID ?? `unknown:${time}:${e.EventName ?? ""}`,
    time,
    accountId: record?.recipientAccountId ?? accountOfArn(identity.arn) ?? where.accountId ?? null,
    region: record?.awsRegion ?? where.region ?? null,
    source: e.EventSource ?? record?.eventSource ?? "unknown",
    name: e.EventName ?? record?.eventName ?? "unknown",
    readOnly: typeof readOnly === "string" ? readOnly === "true" : readOnly,
    actor: {
      type: identity.type ?? null,
      arn: identity.arn ?? null,
      name: actorName(identity, e.Username),
      accessKeyId: identity.accessKeyId ?? e.AccessKeyId ?? null,
    },
    sourceIp: record?.sourceIPAddress ?? null,
    userAgent: record?.userAgent ?? null,
    errorCode: record?.errorCode ?? null,
    errorMessage: record?.errorMessage ?? null,
    requestParameters: record?.requestParameters ?? null,
    responseElements: record?.responseElements ?? null,
    // LookupEvents' own list names resources CloudTrail's JSON leaves out (and vice versa).
    resources: fromLookup.length > 0 ? fromLookup : fromRecord,
    raw: e.CloudTrailEvent ?? "",
    parseError: error,
  };
}
