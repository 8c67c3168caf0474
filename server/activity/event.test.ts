import "server-only";
import type { Event as LookupEvent } from "@aws-sdk/client-cloudtrail";
import { describe, expect, it } from "vitest";
import { activityEventSchema } from "@/lib/schemas/activity";
import { normalizeLookupEvent } from "./event";

// The reference examples (bedrock-formats.md §4.4), as LookupEvents wraps them.
const invokeModel = {
  eventVersion: "1.08",
  userIdentity: {
    type: "IAMUser",
    principalId: "AROAICFHPEXAMPLE",
    arn: "arn:aws:iam::111122223333:user/userxyz",
    accountId: "111122223333",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    userName: "userxyz",
  },
  eventTime: "2023-10-11T21:58:59Z",
  eventSource: "bedrock.amazonaws.com",
  eventName: "InvokeModel",
  awsRegion: "us-west-2",
  sourceIPAddress: "192.0.2.0",
  userAgent: "Boto3/1.28.62 md/Botocore#1.31.62 ua/2.0 os/macos#22.6.0",
  requestParameters: { modelId: "stability.stable-diffusion-xl-v0" },
  responseElements: null,
  requestID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
  eventID: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  readOnly: false,
  eventType: "AwsApiCall",
  managementEvent: true,
  recipientAccountId: "111122223333",
  eventCategory: "Management",
};

const updateGuardrail = {
  eventVersion: "1.09",
  userIdentity: {
    type: "AssumedRole",
    principalId: "AROAQWERQWERQWERQWER:dr.evil",
    arn: "arn:aws:sts::123123123123:assumed-role/DevAdmin/dr.evil",
    accountId: "123123123123",
    accessKeyId: "ASIAQWERQWERQWERQWER",
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: "AROAQWERQWERQWERQWER",
        arn: "arn:aws:iam::123123123123:role/aws-reserved/sso.amazonaws.com/us-west-2/DevAdmin",
        accountId: "123123123123",
        userName: "DevAdmin",
      },
      attributes: { creationDate: "2025-01-21T16:08:03Z", mfaAuthenticated: "false" },
    },
  },
  eventTime: "2025-01-21T17:39:10Z",
  eventSource: "bedrock.amazonaws.com",
  eventName: "UpdateGuardrail",
  awsRegion: "us-west-2",
  sourceIPAddress: "123.123.123.123",
  userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) ...",
  requestParameters: { guardrailIdentifier: "cmy5azq5koeo", name: "HIDDEN_DUE_TO_SECURITY_REASONS" },
  responseElements: { guardrailArn: "arn:aws:bedrock:us-west-2:123123123123:guardrail/cmy5azq5koeo", version: "DRAFT" },
  eventID: "4d482238-d0c5-4337-800f-d1ed79957fd4",
  readOnly: false,
  recipientAccountId: "123123123123",
};

const wrap = (record: Record<string, unknown>, over: Partial<LookupEvent> = {}): LookupEvent => ({
  EventId: String(record.eventID),
  EventName: String(record.eventName),
  EventSource: String(record.eventSource),
  EventTime: new Date(String(record.eventTime)),
  ReadOnly: String(record.readOnly),
  Username: "from-lookup",
  CloudTrailEvent: JSON.stringify(record),
  ...over,
});

describe("normalizeLookupEvent", () => {
  it("reads an IAM user's InvokeModel call", () => {
    const e = normalizeLookupEvent(wrap(invokeModel));
    expect(activityEventSchema.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
      time: "2023-10-11T21:58:59.000Z",
      accountId: "111122223333",
      region: "us-west-2",
      source: "bedrock.amazonaws.com",
      name: "InvokeModel",
      readOnly: false,
      actor: {
        type: "IAMUser",
        arn: "arn:aws:iam::111122223333:user/userxyz",
        name: "userxyz",
        accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      },
      sourceIp: "192.0.2.0",
      requestParameters: { modelId: "stability.stable-diffusion-xl-v0" },
      responseElements: null,
      errorCode: null,
      parseError: null,
    });
    expect(e.raw).toBe(JSON.stringify(invokeModel));
  });

  it("names an assumed role by role and session, and keeps parsed responseElements", () => {
    const e = normalizeLookupEvent(wrap(updateGuardrail));
    expect(e.actor).toEqual({
      type: "AssumedRole",
      arn: "arn:aws:sts::123123123123:assumed-role/DevAdmin/dr.evil",
      name: "DevAdmin/dr.evil",
      accessKeyId: "ASIAQWERQWERQWERQWER",
    });
    expect(e.responseElements).toMatchObject({ version: "DRAFT" });
    expect(e.requestParameters).toMatchObject({ guardrailIdentifier: "cmy5azq5koeo" });
  });

  it("reads errors, services and LookupEvents' resource list", () => {
    const failed = { ...invokeModel, errorCode: "AccessDeniedException", errorMessage: "no access" };
    const service = { ...invokeModel, userIdentity: { type: "AWSService", invokedBy: "bedrock.amazonaws.com" } };
    const resources = [{ ResourceType: "AWS::Bedrock::Guardrail", ResourceName: "arn:aws:bedrock:us-west-2:1:guardrail/x" }];
    expect(normalizeLookupEvent(wrap(failed))).toMatchObject({ errorCode: "AccessDeniedException", errorMessage: "no access" });
    expect(normalizeLookupEvent(wrap(service)).actor).toMatchObject({ type: "AWSService", name: "bedrock.amazonaws.com" });
    expect(normalizeLookupEvent(wrap(invokeModel, { Resources: resources })).resources).toEqual([
      { type: "AWS::Bedrock::Guardrail", name: "arn:aws:bedrock:us-west-2:1:guardrail/x" },
    ]);
  });

  it.each([
    ["truncated JSON", '{"eventVersion": "1.08", "userIdent', "not JSON"],
    ["a JSON array", "[1, 2]", "not a JSON object"],
    ["an empty string", "", "missing"],
    ["nothing", undefined, "missing"],
  ])("keeps an event whose CloudTrailEvent is %s, with the outer fields and parseError", (_, raw, message) => {
    const outer: LookupEvent = {
      EventId: "evt-1",
      EventName: "DeleteGuardrail",
      EventSource: "bedrock.amazonaws.com",
      EventTime: new Date("2026-11-01T10:00:00Z"),
      ReadOnly: "false",
      Username: "alice",
      AccessKeyId: "AKIAEXAMPLE",
      CloudTrailEvent: raw,
    };
    const e = normalizeLookupEvent(outer, { accountId: "111122223333", region: "eu-west-1" });
    expect(activityEventSchema.parse(e)).toEqual(e);
    expect(e.parseError).toContain(message);
    expect(e).toMatchObject({
      id: "evt-1",
      name: "DeleteGuardrail",
      time: "2026-11-01T10:00:00.000Z",
      readOnly: false,
      accountId: "111122223333",
      region: "eu-west-1",
      actor: { name: "alice", accessKeyId: "AKIAEXAMPLE", type: null, arn: null },
      raw: raw ?? "",
    });
  });

  it("drops fields of an unexpected type instead of failing the event", () => {
    const odd = { ...invokeModel, sourceIPAddress: 42, userIdentity: "nobody", resources: "none" };
    const e = normalizeLookupEvent(wrap(odd));
    expect(e).toMatchObject({
      sourceIp: null,
      parseError: null,
      name: "InvokeModel",
      actor: { type: null, name: "from-lookup" },
    });
  });
});
