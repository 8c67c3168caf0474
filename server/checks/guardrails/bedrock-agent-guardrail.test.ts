import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { agent } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-agent-guardrail";

describe("bedrock-agent-guardrail", () => {
  it("gives one finding per agent", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([
        agent("support", { guardrailConfiguration: { guardrailIdentifier: "gr1", guardrailVersion: "3" } }),
        agent("billing"),
      ]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings.map((f) => [f.resourceArn, f.status])).toEqual([
      [agent("support").agentArn, "PASS"],
      [agent("billing").agentArn, "FAIL"],
    ]);
    expect(findings[0]?.message).toBe("Agent support uses guardrail gr1 version 3");
    expect(findings[1]?.message).toBe("Agent billing has no guardrail");
  });

  it("is not applicable without agents", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No agents in us-east-1");
  });

  it("reports ERROR when agents could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = denied("bedrock:GetAgent");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:GetAgent");
  });
});
