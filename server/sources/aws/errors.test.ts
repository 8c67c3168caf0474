import { describe, expect, it } from "vitest";
import { NOT_AVAILABLE_PREFIX, call, collectPart, toUnavailable } from "./errors";

const awsError = (name: string, message = "m") => Object.assign(new Error(message), { name });

describe("toUnavailable", () => {
  it.each(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"])("%s names the denied action", (name) => {
    expect(toUnavailable(awsError(name, "not authorized"), "ec2:DescribeVpcs")).toEqual({
      status: "unavailable",
      reason: `Access denied for ec2:DescribeVpcs (${name}: not authorized)`,
      action: "ec2:DescribeVpcs",
    });
  });

  it("a service or operation missing in the region is marked, without an action to grant", () => {
    const part = toUnavailable(awsError("UnknownOperationException"), "bedrock:ListEnforcedGuardrailsConfiguration");
    expect(part.reason.startsWith(NOT_AVAILABLE_PREFIX)).toBe(true);
    expect(part).toMatchObject({ notInRegion: true });
    expect(part).not.toHaveProperty("action");
  });

  it("an AWS endpoint that does not resolve means the service is not in the region; any other host is a failure", () => {
    const dns = (hostname: string) =>
      Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
    expect(toUnavailable(dns("bedrock-agent.ap-east-1.amazonaws.com"), "bedrock:ListAgents")).toMatchObject({
      notInRegion: true,
    });
    expect(toUnavailable(dns("aws.internal.example"), "bedrock:ListAgents")).not.toHaveProperty("notInRegion");
  });

  it("bad credentials stay an ERROR, not NOT_APPLICABLE", () => {
    const part = toUnavailable(awsError("UnrecognizedClientException", "The security token is invalid"), "bedrock:ListAgents");
    expect(part).not.toHaveProperty("notInRegion");
    expect(part.reason).toContain("security token is invalid");
  });

  it("anything else keeps the error name and message", () => {
    expect(toUnavailable(awsError("ValidationException", "bad token"), "kms:ListKeys")).toEqual({
      status: "unavailable",
      reason: "kms:ListKeys failed (ValidationException: bad token)",
    });
    expect(toUnavailable("boom", "kms:ListKeys").reason).toContain("UnknownError: boom");
    expect(toUnavailable(awsError("TimeoutError", "after 15000 ms"), "kms:ListKeys").reason).toBe(
      "kms:ListKeys timed out (after 15000 ms)",
    );
  });
});

describe("collectPart", () => {
  it("never throws, and a tagged nested call reports its own action", async () => {
    await expect(collectPart("s3:A", () => Promise.reject(awsError("AccessDenied")))).resolves.toMatchObject({ action: "s3:A" });
    const nested = collectPart("s3:A", () => call("s3:B", Promise.reject(awsError("AccessDenied"))));
    await expect(nested).resolves.toMatchObject({ action: "s3:B" });
    await expect(collectPart("s3:A", () => Promise.resolve([1]))).resolves.toEqual({ status: "ok", data: [1] });
    await expect(
      collectPart("s3:A", () => {
        throw new TypeError("sync");
      }),
    ).resolves.toMatchObject({ status: "unavailable", reason: "s3:A failed (TypeError: sync)" });
  });
});
