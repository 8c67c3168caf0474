import { describe, expect, it } from "vitest";
import { organization, orgPolicy, withOrg } from "../lib/scp-fixtures";
import { ACCOUNT, context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./org-scp-region-restriction";

// DEFAULT_CHECK_SETTINGS: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1; geographies us, eu.
const APPROVED = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

const regionDeny = (condition: Record<string, unknown>) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "DenyOutside", Effect: "Deny", Action: "bedrock:*", Resource: "*", Condition: condition }],
});

describe("org-scp-region-restriction", () => {
  it("passes a region deny that exempts inference profiles", () => {
    const scp = regionDeny({
      StringNotEquals: { "aws:RequestedRegion": APPROVED },
      ArnNotLike: { "bedrock:InferenceProfileArn": "arn:aws:bedrock:*:*:inference-profile/*" },
    });
    const [f] = check.evaluate(
      withOrg(organization([orgPolicy("Regions", "SERVICE_CONTROL_POLICY", scp, ["ou-workloads"])])),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain(
      'SCPs deny Bedrock in every region outside us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1 (policy "Regions" Sid "DenyOutside"',
    );
  });

  it("fails a region deny that breaks geographic inference profiles", () => {
    const scp = regionDeny({ StringNotEquals: { "aws:RequestedRegion": APPROVED } });
    const [f] = check.evaluate(withOrg(organization([orgPolicy("Regions", "SERVICE_CONTROL_POLICY", scp)])), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("break geographic inference profiles: us. profile served in us-west-1");
    expect(f?.message).toContain('policy "Regions" Sid "DenyOutside"');
  });

  it("fails when no SCP denies Bedrock outside the approved regions", () => {
    const partial = regionDeny({ StringEquals: { "aws:RequestedRegion": ["ap-south-1"] } });
    const [f] = check.evaluate(withOrg(organization([orgPolicy("OnlyMumbai", "SERVICE_CONTROL_POLICY", partial)])), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("No SCP applying to this account denies Bedrock outside the approved regions");
    expect(f?.message).toContain("bedrock:InvokeModel in us-west-1");
  });

  it("ignores SCPs attached elsewhere in the organization", () => {
    const scp = regionDeny({ StringNotEquals: { "aws:RequestedRegion": APPROVED } });
    const [f] = check.evaluate(
      withOrg(organization([orgPolicy("Regions", "SERVICE_CONTROL_POLICY", scp, ["ou-sandbox"])])),
      context,
    );
    expect(f?.status).toBe("FAIL");
  });

  it("fails outside an organization, for the management account, and when SCPs are disabled", () => {
    expect(check.evaluate(withOrg(null), context)[0]?.message).toBe(
      "The account is not a member of an AWS Organization, so no SCP can apply to it",
    );
    expect(check.evaluate(withOrg(organization([], { managementAccountId: ACCOUNT })), context)[0]?.message).toContain(
      "management account",
    );
    const disabled = check.evaluate(withOrg(organization([], { enabledPolicyTypes: [] })), context)[0];
    expect(disabled?.status).toBe("FAIL");
    expect(disabled?.message).toBe("Service control policies are not enabled in organization o-abc");
  });

  it("reports ERROR quoting a malformed SCP, and when Organizations could not be read", () => {
    const [f] = check.evaluate(
      withOrg(organization([orgPolicy("Broken", "SERVICE_CONTROL_POLICY", '{"Statement":[{"Effect":"Deny"}]}')])),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('policy "Broken" cannot be parsed');
    expect(f?.message).toContain('Document: {"Statement":[{"Effect":"Deny"}]}');
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.organizations = denied("organizations:DescribeOrganization"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("organizations:DescribeOrganization");
  });
});
