import { describe, expect, it } from "vitest";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-contextual-grounding";

type Filters = NonNullable<GuardrailVersion["contextualGroundingPolicy"]>["filters"];
const withFilters = (filters: Filters) =>
  inventoryWith((i) => {
    i.bedrock.guardrails = ok([guardrail("rag", {}, [guardrailVersion("2", { contextualGroundingPolicy: { filters } })])]);
  });

describe("bedrock-guardrail-contextual-grounding", () => {
  it("passes with both filters blocking above 0", () => {
    const [f] = check.evaluate(
      withFilters([
        { type: "GROUNDING", threshold: 0.75 },
        { type: "RELEVANCE", threshold: 0.5 },
      ]),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("GROUNDING 0.75, RELEVANCE 0.5");
  });

  it("fails and names each problem", () => {
    const [f] = check.evaluate(withFilters([{ type: "GROUNDING", threshold: 0 }]), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail rag v2: GROUNDING threshold 0; RELEVANCE missing");
  });

  it("fails a disabled or detect-only filter", () => {
    const [f] = check.evaluate(
      withFilters([
        { type: "GROUNDING", threshold: 0.8, enabled: false },
        { type: "RELEVANCE", threshold: 0.8, action: "NONE" },
      ]),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail rag v2: GROUNDING disabled; RELEVANCE action NONE (detect only)");
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
