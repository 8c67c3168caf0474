import { describe, expect, it } from "vitest";
import type { GuardrailMetricsResponse } from "@/lib/schemas/guardrail-metrics";
import { guardrailLabel, shapeMetrics } from "./metrics-data";

type Target = GuardrailMetricsResponse["targets"][number];
const T1 = "2025-03-01T00:00:00.000Z";
const T2 = "2025-03-02T00:00:00.000Z";
const ARN = "arn:aws:bedrock:us-east-1:111111111111:guardrail/abc123";
const p = (t: string, invocations: number, intervened: number) => ({ t, invocations, intervened });

function target(accountId: string, region: string, scale: number): Target {
  return {
    accountId,
    region,
    bucket: "day",
    guardrails: [{ arn: ARN, version: "2", points: [p(T1, 10 * scale, scale), p(T2, 20 * scale, 2 * scale)] }],
    byPolicyType: [{ policyType: "pii", points: [p(T1, 10 * scale, scale), p(T2, 0, 3 * scale)] }],
    bySource: [
      { source: "input", points: [p(T1, 10 * scale, scale)] },
      { source: "output", points: [p(T2, 5 * scale, 2 * scale)] },
    ],
  };
}

describe("shapeMetrics", () => {
  it("sums a guardrail version, a policy type and a source across targets, bucket by bucket", () => {
    const view = shapeMetrics([target("111111111111", "us-east-1", 1), target("222222222222", "eu-west-1", 10)]);
    expect(view.guardrails).toEqual([{ key: `${ARN}:2`, label: "abc123 v2", points: [p(T1, 110, 11), p(T2, 220, 22)] }]);
    expect(view.byPolicyType).toEqual([{ policyType: "pii", invocations: 110, intervened: 44 }]);
    expect(view.bySource).toEqual([
      { t: T1, input: 11, output: 0 },
      { t: T2, input: 0, output: 22 },
    ]);
  });

  it("labels a guardrail by its id and version, and keeps an unparseable ARN whole", () => {
    expect(guardrailLabel(ARN, "DRAFT")).toBe("abc123 DRAFT");
    expect(guardrailLabel("not-an-arn", "1")).toBe("not-an-arn v1");
  });
});
