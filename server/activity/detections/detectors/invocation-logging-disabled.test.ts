import "server-only";
import { describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "../detector";
import { at, event } from "../fixtures";
import detector from "./invocation-logging-disabled";

const put = (loggingConfig: unknown, time = at(0)) =>
  event({ name: "PutModelInvocationLoggingConfiguration", time, requestParameters: { loggingConfig } });
const both = {
  s3Config: { bucketName: "acme-bedrock-logs" },
  cloudWatchConfig: { logGroupName: "/aws/bedrock/model-invocations", roleArn: "arn:aws:iam::111122223333:role/BedrockLogs" },
  textDataDeliveryEnabled: true,
};

describe("invocation-logging-disabled", () => {
  it("fires critical on a successful DeleteModelInvocationLoggingConfiguration", () => {
    const e = event({ name: "DeleteModelInvocationLoggingConfiguration" });
    const [d, ...rest] = detector.detect([e], EMPTY_CONTEXT);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "critical", eventIds: [e.id], checkId: "bedrock-invocation-logging-enabled" });
    expect(d?.explanation).toMatch(/alice deleted/);
  });

  it("reports a delete refused by IAM as a medium attempt, not as logging gone", () => {
    const e = event({ name: "DeleteModelInvocationLoggingConfiguration", errorCode: "AccessDenied" });
    const found = detector.detect([e], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.title])).toEqual([
      ["medium", "Attempt to delete model invocation logging was refused"],
    ]);
  });

  it("fires high when text delivery is turned off, citing the text-delivery check", () => {
    const found = detector.detect([put({ ...both, textDataDeliveryEnabled: false })], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.checkId])).toEqual([["high", "bedrock-invocation-logging-text-delivery"]]);
  });

  it("fires critical when the new configuration has no destination", () => {
    const found = detector.detect([put({ textDataDeliveryEnabled: true })], EMPTY_CONTEXT);
    expect(found.map((d) => d.severity)).toEqual(["critical"]);
  });

  it("fires medium when a destination the previous Put had is dropped", () => {
    const found = detector.detect([put(both), put({ ...both, s3Config: undefined }, at(5))], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.checkId])).toEqual([["medium", "bedrock-invocation-logging-both-destinations"]]);
    expect(found[0]?.explanation).toMatch(/removed the S3 destination/);
  });

  it("says a redacted Put could not be inspected instead of guessing", () => {
    const e = event({ name: "PutModelInvocationLoggingConfiguration", requestParameters: "HIDDEN_DUE_TO_SECURITY_REASONS" });
    const [d] = detector.detect([e], EMPTY_CONTEXT);
    expect(d?.title).toMatch(/could not be inspected/);
    expect(d?.explanation).toMatch(/redacted/);
  });

  it("near misses: a full Put, a failed Put, and other services' Delete calls stay silent", () => {
    const events = [
      put(both),
      event({ name: "PutModelInvocationLoggingConfiguration", errorCode: "ValidationException", requestParameters: {} }),
      event({ name: "DeleteModelInvocationLoggingConfiguration", source: "sagemaker.amazonaws.com" }),
      event({ name: "GetModelInvocationLoggingConfiguration", readOnly: true }),
    ];
    expect(detector.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });
});
