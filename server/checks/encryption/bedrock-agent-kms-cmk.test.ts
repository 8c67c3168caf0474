import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { agent } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-agent-kms-cmk";

describe("bedrock-agent-kms-cmk", () => {
  it("gives one finding per agent", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([
        agent("support", { customerEncryptionKeyArn: "arn:aws:kms:us-east-1:111122223333:key/k1" }),
        agent("billing"),
      ]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(a?.message).toContain("Agent support is encrypted with KMS key");
    expect(b?.status).toBe("FAIL");
    expect(b?.resourceArn).toBe(agent("billing").agentArn);
    expect(b?.message).toBe("Agent billing is encrypted with an AWS owned key, not a customer managed key");
  });

  it("is not applicable without agents", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.message,
    ).toBe("No agents in us-east-1");
  });

  it("reports ERROR when agents could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = denied("bedrock:GetAgent");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
