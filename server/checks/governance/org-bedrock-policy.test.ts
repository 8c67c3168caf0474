import { describe, expect, it } from "vitest";
import { organization, orgPolicy, withOrg } from "../lib/scp-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./org-bedrock-policy";

describe("org-bedrock-policy", () => {
  it("passes when a Bedrock policy is attached to the account's OU", () => {
    const [f] = check.evaluate(
      withOrg(organization([orgPolicy("OrgGuardrail", "BEDROCK_POLICY", {}, ["ou-workloads"])])),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Organizations Bedrock policies apply to this account: OrgGuardrail");
  });

  it("fails when the policy is attached elsewhere, the type is disabled, or there is no organization", () => {
    expect(
      check.evaluate(withOrg(organization([orgPolicy("Other", "BEDROCK_POLICY", {}, ["ou-sandbox"])])), context)[0]?.message,
    ).toBe("No Organizations Bedrock policy applies to this account");
    const disabled = check.evaluate(withOrg(organization([], { enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"] })), context)[0];
    expect(disabled?.status).toBe("FAIL");
    expect(disabled?.message).toBe("The Bedrock policy type is not enabled in organization o-abc");
    expect(check.evaluate(withOrg(null), context)[0]?.status).toBe("FAIL");
  });

  it("reports ERROR when Organizations could not be read", () => {
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.organizations = denied("organizations:ListPolicies"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("organizations:ListPolicies");
  });
});
