import "server-only";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { EMPTY_CONTEXT, type DetectionContext } from "./detector";

export const ACCOUNT = "111122223333";
export const REGION = "us-west-2";

let counter = 0;

type EventInput = Partial<Omit<ActivityEvent, "actor">> & {
  name: string;
  actor?: Partial<ActivityEvent["actor"]>;
};

/**
 * A normalised CloudTrail event shaped like bedrock-formats §4.4: defaults are a successful
 * bedrock.amazonaws.com call by IAM user alice in 111122223333/us-west-2. `raw` is rebuilt from
 * the fields so the fixture reads like the record CloudTrail would have delivered.
 */
export function event(input: EventInput): ActivityEvent {
  counter += 1;
  const actor = {
    type: "IAMUser",
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    name: "alice",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    ...input.actor,
  };
  const base: Omit<ActivityEvent, "raw"> = {
    id: input.id ?? `evt-${String(counter).padStart(5, "0")}`,
    time: input.time ?? "2026-11-20T10:00:00Z",
    accountId: input.accountId === undefined ? ACCOUNT : input.accountId,
    region: input.region === undefined ? REGION : input.region,
    source: input.source ?? "bedrock.amazonaws.com",
    name: input.name,
    readOnly: input.readOnly ?? false,
    actor,
    sourceIp: input.sourceIp ?? "192.0.2.10",
    userAgent: input.userAgent ?? "aws-cli/2.15.0",
    errorCode: input.errorCode ?? null,
    errorMessage: input.errorMessage ?? null,
    requestParameters: input.requestParameters ?? null,
    responseElements: input.responseElements ?? null,
    resources: input.resources ?? [],
    parseError: input.parseError ?? null,
  };
  const raw = JSON.stringify({
    eventVersion: "1.09",
    userIdentity: { type: actor.type, arn: actor.arn, accountId: base.accountId, accessKeyId: actor.accessKeyId },
    eventTime: base.time,
    eventSource: base.source,
    eventName: base.name,
    awsRegion: base.region,
    sourceIPAddress: base.sourceIp,
    userAgent: base.userAgent,
    errorCode: base.errorCode ?? undefined,
    requestParameters: base.requestParameters,
    responseElements: base.responseElements,
    eventID: base.id,
    recipientAccountId: base.accountId,
  });
  return { ...base, raw: input.raw ?? raw };
}

/** Minutes after a fixed start, as CloudTrail's ISO time. */
export function at(minutes: number): string {
  return new Date(Date.parse("2026-11-20T10:00:00Z") + minutes * 60_000).toISOString();
}

export function contextWith(partial: Partial<DetectionContext>): DetectionContext {
  return { ...EMPTY_CONTEXT, ...partial };
}

/** A CreateGuardrail/UpdateGuardrail request in the API's shape (…PolicyConfig.filtersConfig). */
export function guardrailRequest(opts: {
  id?: string;
  hate?: [string, string];
  promptAttack?: string;
  grounding?: number;
  pii?: string;
  topics?: string[];
}): Record<string, unknown> {
  const filters = [
    ...(opts.hate ? [{ type: "HATE", inputStrength: opts.hate[0], outputStrength: opts.hate[1] }] : []),
    ...(opts.promptAttack ? [{ type: "PROMPT_ATTACK", inputStrength: opts.promptAttack, outputStrength: "NONE" }] : []),
  ];
  return {
    guardrailIdentifier: opts.id ?? "cmy5azq5koeo",
    name: "HIDDEN_DUE_TO_SECURITY_REASONS",
    blockedInputMessaging: "HIDDEN_DUE_TO_SECURITY_REASONS",
    blockedOutputsMessaging: "HIDDEN_DUE_TO_SECURITY_REASONS",
    contentPolicyConfig: { filtersConfig: filters },
    ...(opts.grounding === undefined
      ? {}
      : { contextualGroundingPolicyConfig: { filtersConfig: [{ type: "GROUNDING", threshold: opts.grounding }] } }),
    ...(opts.pii ? { sensitiveInformationPolicyConfig: { piiEntitiesConfig: [{ type: "EMAIL", action: opts.pii }] } } : {}),
    ...(opts.topics
      ? {
          topicPolicyConfig: {
            topicsConfig: opts.topics.map((name) => ({ name, definition: "HIDDEN_DUE_TO_SECURITY_REASONS", type: "DENY" })),
          },
        }
      : {}),
  };
}
