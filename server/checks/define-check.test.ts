import { describe, expect, it } from "vitest";
import { notInRegion, ok, unavailable } from "@/server/inventory/part";
import { withParts } from "./define-check";

const ARN = "arn:aws:bedrock:eu-west-1:111122223333:*";
const pass = () => [{ resourceArn: ARN, status: "PASS" as const, message: "fine", evidence: {} }];

describe("withParts", () => {
  it("runs the check when every part was collected", () => {
    expect(withParts(ARN, { a: ok([]), b: ok(1) }, pass).map((f) => f.status)).toEqual(["PASS"]);
  });

  it("reports ERROR naming the action to grant when a part was denied, never PASS", () => {
    const [finding] = withParts(ARN, { agents: unavailable("Access denied", "bedrock:ListAgents"), b: ok(1) }, pass);
    expect(finding).toMatchObject({ status: "ERROR", message: expect.stringContaining("(grant bedrock:ListAgents)") });
  });

  it("reports NOT_APPLICABLE when the feature does not exist in the region", () => {
    const [finding] = withParts(ARN, { agents: notInRegion("Not available in this region: bedrock:ListAgents"), b: ok(1) }, pass);
    expect(finding).toMatchObject({ status: "NOT_APPLICABLE", message: expect.stringContaining("Not available in this region") });
  });

  it("keeps ERROR when one part is absent from the region but another was denied", () => {
    const parts = { agents: notInRegion("Not available in this region"), keys: unavailable("Access denied", "kms:GetKeyPolicy") };
    expect(withParts(ARN, parts, pass).map((f) => f.status)).toEqual(["ERROR"]);
  });
});
