import { describe, expect, it } from "vitest";
import { formatLatency, formatTokens, middleTruncate, principalLabel, shortModel } from "./format";

describe("principalLabel", () => {
  it("uses the parsed role and session when the server gives them", () => {
    expect(
      principalLabel({ arn: "arn:aws:sts::111122223333:assumed-role/App/s1", role: "App", session: "s1", type: "assumed-role" }),
    ).toEqual({ name: "App", detail: "s1" });
  });

  it("parses an assumed-role ARN when role and session are missing", () => {
    expect(
      principalLabel({
        arn: "arn:aws:sts::111122223333:assumed-role/Ops/jane@x.com",
        role: null,
        session: null,
        type: "unknown",
      }),
    ).toEqual({ name: "Ops", detail: "jane@x.com" });
  });

  it("names IAM users and root, and keeps a malformed ARN whole", () => {
    expect(
      principalLabel({ arn: "arn:aws:iam::111122223333:user/ci/deployer", role: null, session: null, type: "iam-user" }),
    ).toEqual({
      name: "ci/deployer",
      detail: "IAM user",
    });
    expect(principalLabel({ arn: "arn:aws:iam::111122223333:root", role: null, session: null, type: "root" }).name).toBe("root");
    expect(principalLabel({ arn: "not-an-arn", role: null, session: null, type: "unknown" }).name).toBe("not-an-arn");
    expect(principalLabel({ arn: null, role: null, session: null, type: "unknown" }).name).toBe("Unknown principal");
  });
});

describe("formatting", () => {
  it("formats latency, tokens and model ids", () => {
    expect(formatLatency(null)).toBe("–");
    expect(formatLatency(843.4)).toBe("843 ms");
    expect(formatLatency(2345)).toBe("2.35 s");
    expect(formatTokens(1234)).toBe("1,234");
    expect(formatTokens(123_456)).toBe("123.5K");
    expect(shortModel("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2")).toBe("anthropic.claude-v2");
    expect(shortModel("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/14045e84dagm")).toBe(
      "app profile 14045e84dagm",
    );
    expect(shortModel("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc")).toBe("provisioned abc");
    expect(shortModel("us.anthropic.claude-3-haiku-20240307-v1:0")).toBe("us.anthropic.claude-3-haiku-20240307-v1:0");
  });
});

describe("middleTruncate", () => {
  it("keeps both ends so similar names stay apart", () => {
    const a = middleTruncate("AmazonBedrockExecutionRoleForAgents_ABC123", 20);
    expect(a).toHaveLength(20);
    expect(a.startsWith("AmazonBedr")).toBe(true);
    expect(a.endsWith("ABC123")).toBe(true);
    expect(middleTruncate("short", 20)).toBe("short");
  });
});
