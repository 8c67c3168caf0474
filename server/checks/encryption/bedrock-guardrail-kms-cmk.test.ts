import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-kms-cmk";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/k1";

describe("bedrock-guardrail-kms-cmk", () => {
  it("passes when the version that matters has a CMK", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("chat", {}, [guardrailVersion("2", { kmsKeyArn: KEY })])]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(`Guardrail chat v2 is encrypted with KMS key ${KEY}`);
  });

  it("fails when the latest version has no CMK even if the DRAFT has one", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("chat", { kmsKeyArn: KEY }, [guardrailVersion("2")])]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("Guardrail chat v2 is encrypted with an AWS owned key");
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
