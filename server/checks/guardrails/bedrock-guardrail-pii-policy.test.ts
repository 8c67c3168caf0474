import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-pii-policy";

describe("bedrock-guardrail-pii-policy", () => {
  it("passes with PII entities", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("hr", {}, [
          guardrailVersion("1", { sensitiveInformationPolicy: { piiEntities: [{ type: "EMAIL", action: "ANONYMIZE" }] } }),
        ]),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail hr v1 detects 1 PII type(s) and 0 regex pattern(s)");
  });

  it("passes with only a regex", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([
        guardrail("hr", {
          sensitiveInformationPolicy: { regexes: [{ name: "employee-id", pattern: "E\\d{6}", action: "BLOCK" }] },
        }),
      ]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("fails without a sensitive-information policy", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("hr", {}, [guardrailVersion("1")])]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("Guardrail hr v1 has no sensitive-information policy");
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
    expect(check.evaluate(inv, context)[0]?.message).toContain("bedrock:GetGuardrail");
  });
});
