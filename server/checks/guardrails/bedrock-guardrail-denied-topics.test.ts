import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-denied-topics";

describe("bedrock-guardrail-denied-topics", () => {
  it("passes with a denied topic", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("bank", {}, [
          guardrailVersion("2", {
            topicPolicy: { topics: [{ name: "Investment", definition: "Investment advice", type: "DENY" }] },
          }),
        ]),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail bank v2 has 1 denied topic(s)");
  });

  it("passes with only the managed profanity list", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("bank", { wordPolicy: { managedWordLists: [{ type: "PROFANITY" }] } })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("PROFANITY word list");
  });

  it("fails with neither topics nor words", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("bank", { topicPolicy: { topics: [] }, wordPolicy: { words: [] } })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail bank DRAFT has no denied topics and no word filters");
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
