import { describe, expect, it } from "vitest";
import { organization, orgPolicy, withOrg } from "../lib/scp-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./org-scp-require-guardrail";

const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const scp = (condition: Record<string, unknown>, action: unknown = INVOKE) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "RequireGuardrail", Effect: "Deny", Action: action, Resource: "*", Condition: condition }],
});
const attached = (content: unknown) =>
  withOrg(organization([orgPolicy("Guardrail", "SERVICE_CONTROL_POLICY", content, ["ou-workloads"])]));

describe("org-scp-require-guardrail", () => {
  it("passes a Deny with Null bedrock:GuardrailIdentifier", () => {
    const [f] = check.evaluate(attached(scp({ Null: { "bedrock:GuardrailIdentifier": "true" } })), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain('unless bedrock:GuardrailIdentifier is set: policy "Guardrail" Sid "RequireGuardrail"');
  });

  it("passes a Deny that requires one specific guardrail (tried from the SCP itself)", () => {
    const content = scp({ ArnNotLike: { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:*:111122223333:guardrail/corp-*" } });
    expect(check.evaluate(attached(content), context)[0]?.status).toBe("PASS");
  });

  it("fails when the SCP tests a key Bedrock does not define (it blocks everything)", () => {
    const [f] = check.evaluate(attached(scp({ Null: { "bedrock:GuardrailArn": "true" } })), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("even when a guardrail is given");
    expect(f?.message).toContain('policy "Guardrail" Sid "RequireGuardrail"');
  });

  it("fails when only InvokeModel is covered", () => {
    const [f] = check.evaluate(
      attached(scp({ Null: { "bedrock:GuardrailIdentifier": "true" } }, "bedrock:InvokeModel")),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "No SCP applying to this account denies bedrock:InvokeModelWithResponseStream when bedrock:GuardrailIdentifier is absent",
    );
  });

  it("fails outside an organization", () => {
    expect(check.evaluate(withOrg(null), context)[0]?.status).toBe("FAIL");
  });

  it("reports ERROR quoting a malformed SCP, and when Organizations could not be read", () => {
    const [f] = check.evaluate(attached("{"), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('policy "Guardrail" cannot be parsed: it is not valid JSON');
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.organizations = denied("organizations:ListPolicies"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("organizations:ListPolicies");
  });
});
