import "server-only";

export const BEDROCK_SOURCE = "bedrock.amazonaws.com";

/**
 * Events outside bedrock.amazonaws.com that change how well Bedrock is secured or watched. Kept short
 * on purpose: LookupEvents takes one attribute per call at 2 calls/s, so each name here costs every
 * page of every account × region one more call. IAM changes are left out: which of them grant Bedrock
 * is only known by reading the policy, and the posture scan already reports what IAM grants.
 */
export const SECURITY_EVENT_NAMES: Readonly<Record<string, string>> = {
  // Blind the audit trail that would record Bedrock misuse.
  StopLogging: "cloudtrail.amazonaws.com",
  DeleteTrail: "cloudtrail.amazonaws.com",
  UpdateTrail: "cloudtrail.amazonaws.com",
  PutEventSelectors: "cloudtrail.amazonaws.com",
  // Keys that encrypt guardrails, agents, custom models and invocation logs.
  ScheduleKeyDeletion: "kms.amazonaws.com",
  DisableKey: "kms.amazonaws.com",
  PutKeyPolicy: "kms.amazonaws.com",
  // Service control policies that fence Bedrock (models, regions) in.
  DetachPolicy: "organizations.amazonaws.com",
  DeletePolicy: "organizations.amazonaws.com",
  UpdatePolicy: "organizations.amazonaws.com",
};

/** One LookupEvents attribute: the API allows exactly one per call. */
export type LookupKey = { key: "EventSource" | "EventName" | "EventId"; value: string };

/** The lookups that together cover the activity page: Bedrock's own events, then each security event by name. */
export function lookupPlan(names?: readonly string[]): LookupKey[] {
  if (names !== undefined && names.length > 0) {
    return [...new Set(names)].sort().map((value) => ({ key: "EventName", value }));
  }
  return [
    { key: "EventSource", value: BEDROCK_SOURCE },
    ...Object.keys(SECURITY_EVENT_NAMES).map((value) => ({ key: "EventName" as const, value })),
  ];
}

/** Whether an event belongs on the activity page (a name lookup also finds same-named events of other services). */
export function inScope(source: string, name: string): boolean {
  return source === BEDROCK_SOURCE || SECURITY_EVENT_NAMES[name] === source;
}
