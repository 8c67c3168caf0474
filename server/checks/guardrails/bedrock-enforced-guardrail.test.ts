import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-enforced-guardrail";

const guardrailArn = "arn:aws:bedrock:us-east-1:111122223333:guardrail/base";

describe("bedrock-enforced-guardrail", () => {
  it("passes with an enforced guardrail that ignores input tags", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.enforcedGuardrails = ok([{ guardrailArn, guardrailVersion: "2", inputTags: "IGNORE" }]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(`us-east-1 enforces guardrail ${guardrailArn} version 2 on every inference call`);
  });

  it("fails when input tags are honoured", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.enforcedGuardrails = ok([{ guardrailArn, guardrailVersion: "2", inputTags: "HONOR" }]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("honours input tags");
    expect(f?.message).toContain("bypass its input evaluation");
  });

  it("fails with no enforcement configuration", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("No account-level enforced guardrail is configured in us-east-1");
  });

  it("reports ERROR when the configuration could not be listed", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.enforcedGuardrails = denied("bedrock:ListEnforcedGuardrailsConfiguration");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:ListEnforcedGuardrailsConfiguration");
  });
});
