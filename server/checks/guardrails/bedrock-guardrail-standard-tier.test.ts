import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-standard-tier";

const topic = { name: "Investment", definition: "Investment advice" };

describe("bedrock-guardrail-standard-tier", () => {
  it("passes when content and topic policies are STANDARD", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("chat", {}, [
          guardrailVersion("1", {
            contentPolicy: { filters: [], tier: { tierName: "STANDARD" } },
            topicPolicy: { topics: [topic], tier: { tierName: "STANDARD" } },
          }),
        ]),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail chat v1 uses the STANDARD tier for content filters and denied topics");
  });

  it("treats an absent tier as CLASSIC", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("chat", {}, [
          guardrailVersion("1", {
            contentPolicy: { filters: [], tier: { tierName: "STANDARD" } },
            topicPolicy: { topics: [topic] },
          }),
        ]),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail chat v1 uses the CLASSIC tier for denied topics");
  });

  it("is not applicable to a guardrail with neither policy", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("pii-only")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("pii-only DRAFT has neither content filters nor denied topics");
  });

  it("is not applicable without guardrails", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.message,
    ).toBe("No guardrails in us-east-1");
  });

  it("reports ERROR when guardrails could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = denied("bedrock:GetGuardrail");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
