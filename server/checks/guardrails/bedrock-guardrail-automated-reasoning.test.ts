import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-automated-reasoning";

describe("bedrock-guardrail-automated-reasoning", () => {
  it("passes with an Automated Reasoning policy", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("hr", {}, [
          guardrailVersion("1", {
            automatedReasoningPolicy: { policies: ["arn:aws:bedrock:us-east-1:111122223333:automated-reasoning-policy/p:1"] },
          }),
        ]),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail hr v1 applies 1 Automated Reasoning policy version(s)");
  });

  it("fails without one, even if the DRAFT has it (the numbered version matters)", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("hr", { automatedReasoningPolicy: { policies: ["p"] } }, [guardrailVersion("1")])]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail hr v1 has no Automated Reasoning policy");
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
      i.bedrock.guardrails = denied("bedrock:GetGuardrail");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
