import { describe, expect, it } from "vitest";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-prompt-attack-high";

type Filter = NonNullable<NonNullable<GuardrailVersion["contentPolicy"]>["filters"]>[number];
const withFilters = (filters: Filter[]) =>
  inventoryWith((i) => {
    i.bedrock.guardrails = ok([guardrail("prod-chat", {}, [guardrailVersion("3", { contentPolicy: { filters } })])]);
  });

describe("bedrock-guardrail-prompt-attack-high", () => {
  it("passes with PROMPT_ATTACK at HIGH", () => {
    const [f] = check.evaluate(withFilters([{ type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" }]), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail prod-chat v3 blocks prompt attacks at HIGH strength");
  });

  it("fails without a PROMPT_ATTACK filter", () => {
    const [f] = check.evaluate(withFilters([{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }]), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail prod-chat v3 has no PROMPT_ATTACK filter");
  });

  it("fails at MEDIUM strength", () => {
    const [f] = check.evaluate(
      withFilters([{ type: "PROMPT_ATTACK", inputStrength: "MEDIUM", outputStrength: "NONE" }]),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("input strength is MEDIUM, not HIGH");
  });

  it("fails when HIGH but detect-only", () => {
    const [f] = check.evaluate(
      withFilters([{ type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE", inputAction: "NONE" }]),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("detect only");
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
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:GetGuardrail");
  });
});
