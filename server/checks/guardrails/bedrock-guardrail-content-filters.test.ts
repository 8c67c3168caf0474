import { describe, expect, it } from "vitest";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { guardrail, guardrailVersion } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-content-filters";

type Filter = NonNullable<NonNullable<GuardrailVersion["contentPolicy"]>["filters"]>[number];
const high = (type: Filter["type"], over: Partial<Filter> = {}): Filter => ({
  type,
  inputStrength: "HIGH",
  outputStrength: "HIGH",
  ...over,
});
const all = [high("HATE"), high("INSULTS"), high("SEXUAL"), high("VIOLENCE"), high("MISCONDUCT")];

const withVersion = (filters: Filter[]) =>
  inventoryWith((i) => {
    i.bedrock.guardrails = ok([guardrail("prod-chat", {}, [guardrailVersion("3", { contentPolicy: { filters } })])]);
  });

describe("bedrock-guardrail-content-filters", () => {
  it("passes when all five categories block both ways", () => {
    const [f] = check.evaluate(withVersion(all), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Guardrail prod-chat v3 blocks HATE");
    expect(f?.resourceArn).toBe(guardrail("prod-chat").arn);
  });

  it("fails and lists each gap", () => {
    const filters = [
      high("HATE"),
      high("INSULTS", { outputStrength: "NONE" }),
      high("SEXUAL", { inputAction: "NONE" }),
      high("VIOLENCE", { outputEnabled: false }),
    ];
    const [f] = check.evaluate(withVersion(filters), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "Guardrail prod-chat v3: INSULTS output strength NONE; SEXUAL input action NONE (detect only); VIOLENCE output evaluation disabled; MISCONDUCT missing",
    );
  });

  it("evaluates the DRAFT when there is no numbered version, and says so", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("dev", { contentPolicy: { filters: all.slice(0, 4) } })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Guardrail dev DRAFT: MISCONDUCT missing");
  });

  it("is not applicable without guardrails", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No guardrails in us-east-1");
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
