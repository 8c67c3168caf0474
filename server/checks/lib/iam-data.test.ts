import { describe, expect, it } from "vitest";
import { isUndefinedServiceKey } from "./iam-data";

describe("isUndefinedServiceKey", () => {
  it("flags a key Bedrock does not define", () => {
    expect(isUndefinedServiceKey("bedrock:GuardrailArn")).toBe(true);
  });
  it.each([
    "bedrock:GuardrailIdentifier",
    "kms:EncryptionContext:aws:bedrock:arn",
    "kms:ViaService",
    "s3:RequestObjectTag/team",
    "aws:RequestedRegion",
  ])("knows %s", (key) => {
    expect(isUndefinedServiceKey(key)).toBe(false);
  });
  it("does not take a bare template prefix for a key", () => {
    expect(isUndefinedServiceKey("kms:EncryptionContext:")).toBe(true);
  });
});
