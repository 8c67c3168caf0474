import { describe, expect, it } from "vitest";
import type { Agent } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-agent-role-not-shared";

const agent = (name: string, role: string): Agent => ({
  agentId: name,
  agentArn: `arn:aws:bedrock:us-east-1:111122223333:agent/${name}`,
  agentName: name,
  agentStatus: "PREPARED",
  agentResourceRoleArn: `arn:aws:iam::111122223333:role/${role}`,
  idleSessionTTLInSeconds: 600,
  aliases: [],
});

describe("iam-agent-role-not-shared", () => {
  it("passes roles used by one agent each, and fails a shared one", () => {
    const inv = inventoryWith(
      (i) => void (i.bedrock.agents = ok([agent("a", "shared"), agent("b", "own"), agent("c", "shared")])),
    );
    const [shared, own] = check.evaluate(inv, context);
    expect(shared?.status).toBe("FAIL");
    expect(shared?.message).toBe("Service role arn:aws:iam::111122223333:role/shared is shared by 2 agents: a, c");
    expect(own?.status).toBe("PASS");
    expect(own?.message).toBe("Service role arn:aws:iam::111122223333:role/own is used only by agent b");
  });

  it("is not applicable without agents, and ERRORs when agents could not be listed", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
    const [f] = check.evaluate(
      inventoryWith((i) => void (i.bedrock.agents = denied("bedrock:ListAgents"))),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:ListAgents");
  });
});
