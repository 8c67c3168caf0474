import "server-only";
import { describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "../detector";
import { ACCOUNT, REGION, contextWith, event } from "../fixtures";
import bedrockKeyDeletion from "./bedrock-key-deletion";
import bedrockScpRemoved from "./bedrock-scp-removed";
import customizationJobWithoutCmk from "./customization-job-without-cmk";
import enforcedGuardrailRemoved from "./enforced-guardrail-removed";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;

describe("enforced-guardrail-removed", () => {
  it("fires critical on DeleteEnforcedGuardrailConfiguration", () => {
    const e = event({ name: "DeleteEnforcedGuardrailConfiguration", requestParameters: { configId: "cfg-1" } });
    const found = enforcedGuardrailRemoved.detect([e], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.checkId, d.eventIds])).toEqual([["critical", "bedrock-enforced-guardrail", [e.id]]]);
    expect(found[0]?.explanation).toMatch(/configuration cfg-1/);
  });

  it("near misses: a refused delete and a Put stay silent", () => {
    const events = [
      event({ name: "DeleteEnforcedGuardrailConfiguration", errorCode: "AccessDeniedException" }),
      event({ name: "PutEnforcedGuardrailConfiguration" }),
    ];
    expect(enforcedGuardrailRemoved.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });
});

describe("bedrock-key-deletion", () => {
  const context = contextWith({ bedrockKeyArns: new Set([KEY_ARN, KEY_ID]) });
  const kms = (name: string, keyId: string, extra = {}) =>
    event({ name, source: "kms.amazonaws.com", requestParameters: { keyId, pendingWindowInDays: 7 }, ...extra });

  it("fires critical on ScheduleKeyDeletion of a Bedrock key named by ARN or by id", () => {
    expect(bedrockKeyDeletion.detect([kms("ScheduleKeyDeletion", KEY_ARN)], context).map((d) => d.severity)).toEqual([
      "critical",
    ]);
    const byId = bedrockKeyDeletion.detect(
      [kms("ScheduleKeyDeletion", KEY_ID)],
      contextWith({ bedrockKeyArns: new Set([KEY_ARN]) }),
    );
    expect(byId.map((d) => d.explanation)).toEqual([expect.stringMatching(/in 7 days/)]);
  });

  it("fires high on DisableKey", () => {
    expect(bedrockKeyDeletion.detect([kms("DisableKey", KEY_ID)], context).map((d) => d.severity)).toEqual(["high"]);
  });

  it("near misses: a key Bedrock does not use, a refused call, and EnableKey stay silent", () => {
    const events = [
      kms("ScheduleKeyDeletion", "99999999-0000-0000-0000-000000000000"),
      kms("ScheduleKeyDeletion", KEY_ARN, { errorCode: "AccessDeniedException" }),
      kms("EnableKey", KEY_ARN),
    ];
    expect(bedrockKeyDeletion.detect(events, context)).toEqual([]);
    expect(bedrockKeyDeletion.detect([kms("ScheduleKeyDeletion", KEY_ARN)], EMPTY_CONTEXT)).toEqual([]);
  });
});

describe("bedrock-scp-removed", () => {
  const context = contextWith({
    bedrockGuardingScps: new Map([
      ["p-guard1", { name: "deny-bedrock-without-guardrail", checkId: "org-scp-require-guardrail" }],
    ]),
  });
  const org = (name: string, policyId: string, extra = {}) =>
    event({
      name,
      source: "organizations.amazonaws.com",
      region: "us-east-1",
      requestParameters: { policyId, targetId: "ou-ab12-cdef3456" },
      ...extra,
    });

  it("fires high on DetachPolicy and DeletePolicy of a guarding SCP, with its check", () => {
    const found = bedrockScpRemoved.detect([org("DetachPolicy", "p-guard1"), org("DeletePolicy", "p-guard1")], context);
    expect(found.map((d) => [d.severity, d.checkId, d.title])).toEqual([
      ["high", "org-scp-require-guardrail", "SCP deny-bedrock-without-guardrail detached"],
      ["high", "org-scp-require-guardrail", "SCP deny-bedrock-without-guardrail deleted"],
    ]);
    expect(found[0]?.explanation).toMatch(/detached from ou-ab12-cdef3456/);
  });

  it("near misses: an unrelated SCP, a refused detach, and AttachPolicy stay silent", () => {
    const events = [
      org("DetachPolicy", "p-other"),
      org("DetachPolicy", "p-guard1", { errorCode: "AccessDeniedException" }),
      org("AttachPolicy", "p-guard1"),
    ];
    expect(bedrockScpRemoved.detect(events, context)).toEqual([]);
  });
});

describe("customization-job-without-cmk", () => {
  const job = (extra: Record<string, unknown>, more = {}) =>
    event({
      name: "CreateModelCustomizationJob",
      requestParameters: {
        jobName: "ft-support-bot",
        customModelName: "support-bot-v2",
        baseModelIdentifier: "amazon.titan-text-express-v1",
        ...extra,
      },
      ...more,
    });

  it("fires medium when customModelKmsKeyId is missing", () => {
    const found = customizationJobWithoutCmk.detect([job({})], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.checkId])).toEqual([["medium", "bedrock-custom-model-kms-cmk"]]);
    expect(found[0]?.explanation).toMatch(/ft-support-bot.*support-bot-v2/);
  });

  it("near misses: a job with a CMK, a refused job, and an unrecorded request stay silent", () => {
    const events = [
      job({ customModelKmsKeyId: KEY_ARN }),
      job({}, { errorCode: "ValidationException" }),
      event({ name: "CreateModelCustomizationJob", requestParameters: "HIDDEN_DUE_TO_SECURITY_REASONS" }),
    ];
    expect(customizationJobWithoutCmk.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });
});
