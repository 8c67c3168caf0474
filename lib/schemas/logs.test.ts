import { describe, expect, it } from "vitest";
import { logFilterSchema, timeBucketSchema } from "./logs";

const RANGE = { from: "2025-03-01T00:00:00Z", to: "2025-03-02T00:00:00Z" };

function messages(input: unknown): string[] {
  const result = logFilterSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("logFilterSchema", () => {
  it("accepts a full filter and trims text and values", () => {
    const parsed = logFilterSchema.parse({
      ...RANGE,
      accountIds: ["111111111111"],
      modelIds: [" amazon.nova-pro-v1:0 "],
      guardrailActions: ["INTERVENED"],
      guardrailPolicyTypes: ["pii", "promptAttack"],
      guardrailIds: ["gr1alpha", "a"],
      guardrailSides: ["input", "output"],
      crossRegion: true,
      hasError: false,
      inputTokens: { min: 0, max: 10 },
      metadata: [{ key: "team.name:x-1_", value: "search" }],
      text: "  stolen key  ",
    });
    expect(parsed.modelIds).toEqual(["amazon.nova-pro-v1:0"]);
    expect(parsed.text).toBe("stolen key");
    expect(parsed.guardrailIds).toEqual(["gr1alpha", "a"]);
  });

  it.each([
    ["a time without a zone", { ...RANGE, from: "2025-03-01T00:00:00" }, "Use an ISO-8601 time with a zone"],
    ["an end before the start", { from: RANGE.to, to: RANGE.from }, "The end of the time range must be after its start."],
    ["an empty range", { from: RANGE.from, to: RANGE.from }, "The end of the time range must be after its start."],
    ["a span over 366 days", { from: "2024-01-01T00:00:00Z", to: "2025-01-02T00:00:01Z" }, "at most 366 days"],
    ["a metadata key with a quote", { ...RANGE, metadata: [{ key: 'a"b', value: "x" }] }, "Metadata keys use letters"],
    ["a metadata key with a space", { ...RANGE, metadata: [{ key: "a b", value: "x" }] }, "Metadata keys use letters"],
    ["min above max", { ...RANGE, outputTokens: { min: 5, max: 4 } }, "must not exceed the maximum"],
    ["negative tokens", { ...RANGE, inputTokens: { min: -1 } }, "cannot be negative"],
    ["text too long", { ...RANGE, text: "a".repeat(201) }, "at most 200 characters"],
    ["text without a letter or digit", { ...RANGE, text: '") * --' }, "at least one letter or digit"],
    ["an empty value", { ...RANGE, modelIds: [" "] }, "model must not be empty."],
    ["an unknown policy type", { ...RANGE, guardrailPolicyTypes: ["sql"] }, "Unknown guardrail policy type."],
    ["an unknown guardrail action", { ...RANGE, guardrailActions: ["BLOCKED"] }, "INTERVENED or NONE"],
    ["a guardrail name, not an id", { ...RANGE, guardrailIds: ["My-Guardrail"] }, "1–64 lowercase letters and digits"],
    ["a guardrail ARN", { ...RANGE, guardrailIds: ["arn:aws:bedrock:us-east-1:1:guardrail/abc"] }, "lowercase letters"],
    ["a quote in a guardrail id", { ...RANGE, guardrailIds: ['a"b'] }, "lowercase letters"],
    ["a 65-character guardrail id", { ...RANGE, guardrailIds: ["a".repeat(65)] }, "lowercase letters"],
    ["too many guardrail ids", { ...RANGE, guardrailIds: Array.from({ length: 51 }, (_, i) => `g${i}`) }, "at most 50"],
    ["the side 'both'", { ...RANGE, guardrailSides: ["both"] }, "Guardrail side is input or output."],
    ["too many values", { ...RANGE, regions: Array.from({ length: 51 }, (_, i) => `r${i}`) }, "at most 50 region values"],
  ])("rejects %s with a clear message", (_, input, message) => {
    expect(messages(input).join("\n")).toContain(message);
  });

  it("requires the time range", () => {
    expect(logFilterSchema.safeParse({ modelIds: ["m"] }).success).toBe(false);
  });
});

describe("timeBucketSchema", () => {
  it("accepts minute, hour and day only", () => {
    expect(["minute", "hour", "day"].map((b) => timeBucketSchema.safeParse(b).success)).toEqual([true, true, true]);
    expect(timeBucketSchema.safeParse("week").error?.issues[0]?.message).toBe("Bucket is minute, hour or day.");
  });
});
