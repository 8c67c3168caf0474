import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { agent } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-agent-idle-session-ttl";

describe("bedrock-agent-idle-session-ttl", () => {
  it("passes at the limit and fails above it", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([
        agent("short", { idleSessionTTLInSeconds: 3600 }),
        agent("long", { idleSessionTTLInSeconds: 7200 }),
      ]);
    });
    const [short, long] = check.evaluate(inv, context);
    expect(short?.status).toBe("PASS");
    expect(short?.message).toBe("Agent short ends idle sessions after 3600 s (limit 3600 s)");
    expect(long?.status).toBe("FAIL");
    expect(long?.message).toBe("Agent long keeps idle sessions 7200 s, more than the allowed 3600 s");
  });

  it("follows context.settings.maxAgentIdleSessionSeconds", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent("a", { idleSessionTTLInSeconds: 900 })]);
    });
    const strict = { settings: { ...context.settings, maxAgentIdleSessionSeconds: 600 } };
    expect(check.evaluate(inv, strict)[0]?.status).toBe("FAIL");
  });

  it("is not applicable without agents", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when agents could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = denied("bedrock:GetAgent");
    });
    expect(check.evaluate(inv, context)[0]?.message).toContain("bedrock:GetAgent");
  });
});
