import { describe, expect, it } from "vitest";
import { arnParts } from "./arn";

describe("arnParts", () => {
  it("keeps the service and the resource part", () => {
    expect(arnParts("arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123")).toEqual({
      service: "bedrock",
      resource: "guardrail/abc123",
    });
    expect(arnParts("arn:aws:s3:::my-bucket")).toEqual({ service: "s3", resource: "my-bucket" });
    expect(arnParts("arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock:*")).toEqual({
      service: "logs",
      resource: "log-group:/aws/bedrock:*",
    });
  });

  it("shows a value that is not an ARN as it is", () => {
    expect(arnParts("not-an-arn")).toEqual({ service: null, resource: "not-an-arn" });
    expect(arnParts("arn:aws:iam::111122223333:")).toEqual({ service: "iam", resource: "arn:aws:iam::111122223333:" });
  });
});
