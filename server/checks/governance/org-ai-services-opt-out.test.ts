import { describe, expect, it } from "vitest";
import { organization, orgPolicy, withOrg } from "../lib/scp-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./org-ai-services-opt-out";

const optOut = (value: string, lock = false) => ({
  services: {
    default: {
      opt_out_policy: lock ? { "@@assign": value, "@@operators_allowed_for_child_policies": ["@@none"] } : { "@@assign": value },
    },
  },
});

describe("org-ai-services-opt-out", () => {
  it("passes when the root opts out of all services", () => {
    const [f] = check.evaluate(
      withOrg(organization([orgPolicy("OptOutAll", "AISERVICES_OPT_OUT_POLICY", optOut("optOut"))])),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain('AI services opt-out policy "OptOutAll" opts this account out');
  });

  it("fails when an OU policy overrides the root with optIn, unless the root locked it", () => {
    const overridden = organization([
      orgPolicy("OptOutAll", "AISERVICES_OPT_OUT_POLICY", optOut("optOut")),
      orgPolicy("OptIn", "AISERVICES_OPT_OUT_POLICY", optOut("optIn"), ["ou-workloads"]),
    ]);
    const [f] = check.evaluate(withOrg(overridden), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "AI services opt-out policies apply (OptOutAll, OptIn) but the effective default is optIn, not optOut",
    );
    const locked = organization([
      orgPolicy("OptOutAll", "AISERVICES_OPT_OUT_POLICY", optOut("optOut", true)),
      orgPolicy("OptIn", "AISERVICES_OPT_OUT_POLICY", optOut("optIn"), ["ou-workloads"]),
    ]);
    expect(check.evaluate(withOrg(locked), context)[0]?.status).toBe("PASS");
  });

  it("fails when no policy applies, the type is disabled, or there is no organization", () => {
    expect(check.evaluate(withOrg(organization([])), context)[0]?.message).toBe(
      "No AI services opt-out policy applies to this account",
    );
    expect(check.evaluate(withOrg(organization([], { enabledPolicyTypes: [] })), context)[0]?.message).toBe(
      "The AI services opt-out policy type is not enabled in organization o-abc",
    );
    expect(check.evaluate(withOrg(null), context)[0]?.status).toBe("FAIL");
  });

  it("reports ERROR quoting malformed content, and when Organizations could not be read", () => {
    const [f] = check.evaluate(withOrg(organization([orgPolicy("Bad", "AISERVICES_OPT_OUT_POLICY", "{services:")])), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("Document: {services:");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.organizations = denied("organizations:ListPolicies"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("organizations:ListPolicies");
  });
});
