import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-exists";

describe("bedrock-guardrail-exists", () => {
  it("passes and names the guardrails with the version that matters", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("prod-chat", {}, [guardrailVersion("1"), guardrailVersion("3")]),
        guardrail("draft-only"),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("us-east-1 has 2 guardrails: prod-chat v3 and draft-only DRAFT");
  });

  it("fails with no guardrail", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("No guardrail exists in us-east-1");
  });

  it("reports ERROR when guardrails could not be listed", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = denied("bedrock:ListGuardrails");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:ListGuardrails");
  });
});
