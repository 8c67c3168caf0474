import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-versioned";

describe("bedrock-guardrail-versioned", () => {
  it("passes with numbered versions and names the latest numerically (10 > 9)", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("chat", {}, [guardrailVersion("9"), guardrailVersion("10")])]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail chat has 2 numbered version(s), latest v10");
  });

  it("fails with only the DRAFT", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("chat")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail chat has no numbered version, only the mutable DRAFT");
  });

  it("is not applicable without guardrails", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when guardrails could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = denied("bedrock:ListGuardrails");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
