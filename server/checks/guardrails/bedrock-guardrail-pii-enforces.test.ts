import { describe, expect, it } from "vitest";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-pii-enforces";

const withPolicy = (policy: GuardrailVersion["sensitiveInformationPolicy"]) =>
  inventoryWith((i) => {
    i.bedrock.guardrails = ok([guardrail("hr", {}, [guardrailVersion("4", { sensitiveInformationPolicy: policy })])]);
  });

describe("bedrock-guardrail-pii-enforces", () => {
  it("passes when at least one entity masks", () => {
    const [f] = check.evaluate(
      withPolicy({
        piiEntities: [
          { type: "EMAIL", action: "ANONYMIZE" },
          { type: "NAME", action: "NONE" },
        ],
      }),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Guardrail hr v4 blocks or masks 1 of 2 PII entities/regexes");
  });

  it("fails when every entity and regex is NONE or disabled", () => {
    const [f] = check.evaluate(
      withPolicy({
        piiEntities: [
          { type: "EMAIL", action: "NONE" },
          { type: "PHONE", action: "BLOCK", inputEnabled: false, outputEnabled: false },
        ],
        regexes: [{ name: "employee-id", pattern: "E\\d+", action: "NONE" }],
      }),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail hr v4 PII policy only detects: all 3 entities/regexes have action NONE or are disabled");
  });

  it("honours per-direction actions over the legacy action", () => {
    const [f] = check.evaluate(
      withPolicy({ piiEntities: [{ type: "EMAIL", action: "NONE", outputAction: "ANONYMIZE" }] }),
      context,
    );
    expect(f?.status).toBe("PASS");
  });

  it("is not applicable to a guardrail without a PII policy", () => {
    const [f] = check.evaluate(withPolicy(undefined), context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("Guardrail hr v4 has no PII policy");
  });

  it("reports ERROR when guardrails could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = denied("bedrock:GetGuardrail");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
