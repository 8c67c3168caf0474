import "server-only";
import { describe, expect, it } from "vitest";
import type { ActivityEvent } from "@/lib/schemas/activity";
import { EMPTY_CONTEXT } from "../detector";
import { at, event } from "../fixtures";
import detector from "./llm-jacking";

const THIEF = { arn: "arn:aws:iam::111122223333:user/ci-deployer", name: "ci-deployer", accessKeyId: "AKIASTOLENKEY0000001" };
const discover = (name: string, minutes: number, actor = THIEF) => event({ name, time: at(minutes), readOnly: true, actor });
const invokeError = (
  modelId: string,
  minutes: number,
  opts: { region?: string; errorCode?: string; actor?: typeof THIEF } = {},
) =>
  event({
    name: "InvokeModel",
    time: at(minutes),
    region: opts.region ?? "us-east-1",
    actor: opts.actor ?? THIEF,
    errorCode: opts.errorCode ?? "AccessDeniedException",
    requestParameters: { modelId },
  });

const ids = (events: ActivityEvent[]) => events.map((e) => e.id);

describe("llm-jacking", () => {
  it("fires once per episode with every contributing event: discovery, then errors across models", () => {
    const events = [
      discover("ListFoundationModels", 0),
      discover("GetFoundationModelAvailability", 2),
      invokeError("anthropic.claude-3-5-sonnet-20240620-v1:0", 30),
      invokeError("meta.llama3-70b-instruct-v1:0", 31, { errorCode: "ValidationException" }),
      invokeError("mistral.mistral-large-2402-v1:0", 32, { errorCode: "ResourceNotFoundException" }),
    ];
    const found = detector.detect(events, EMPTY_CONTEXT);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "high", eventIds: ids(events), checkId: null, time: at(32) });
    expect(found[0]?.explanation).toMatch(/2 model discovery.*3 failed invocations across 3 model/);
  });

  it("fires for errors on one model spread over two regions", () => {
    const events = [
      discover("GetUseCaseForModelAccess", 0),
      invokeError("anthropic.claude-v2", 10, { region: "us-east-1" }),
      invokeError("anthropic.claude-v2", 11, { region: "eu-west-1" }),
      invokeError("anthropic.claude-v2", 12, { region: "eu-west-1", errorCode: "ThrottlingException" }),
    ];
    expect(detector.detect(events, EMPTY_CONTEXT)).toHaveLength(1);
  });

  it("near miss: ordinary discovery without an error burst does not fire", () => {
    const events = [
      discover("ListFoundationModels", 0),
      discover("GetFoundationModel", 1),
      event({ name: "InvokeModel", time: at(5), actor: THIEF, requestParameters: { modelId: "a" } }),
    ];
    expect(detector.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });

  it("near miss: errors on one model in one region do not fire", () => {
    const events = [discover("ListFoundationModels", 0), ...[1, 2, 3, 4].map((m) => invokeError("anthropic.claude-v2", m))];
    expect(detector.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });

  it("near miss: errors more than 6 h after the last discovery, or by another principal, do not count", () => {
    const other = { arn: "arn:aws:iam::111122223333:user/bob", name: "bob", accessKeyId: "AKIABOB" };
    const late = [discover("ListFoundationModels", 0), invokeError("a", 400), invokeError("b", 401), invokeError("c", 402)];
    const split = [
      discover("ListFoundationModels", 0),
      ...["a", "b", "c"].map((m, i) => invokeError(m, 5 + i, { actor: other })),
    ];
    expect(detector.detect(late, EMPTY_CONTEXT)).toEqual([]);
    expect(detector.detect(split, EMPTY_CONTEXT)).toEqual([]);
  });

  it("near miss: errors with no discovery before them do not fire", () => {
    const events = [invokeError("a", 0), invokeError("b", 1), invokeError("c", 2), discover("ListFoundationModels", 3)];
    expect(detector.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });

  it("gives two episodes of the same principal two detections", () => {
    const episode = (start: number) => [
      discover("ListFoundationModels", start),
      invokeError("a", start + 1),
      invokeError("b", start + 2),
      invokeError("c", start + 3),
    ];
    const first = episode(0);
    const second = episode(24 * 60);
    const found = detector.detect([...first, ...second], EMPTY_CONTEXT);
    expect(found.map((d) => d.eventIds)).toEqual([ids(first), ids(second)]);
  });
});
