import { describe, expect, it } from "vitest";
import { attach, BEDROCK_FULL_ACCESS, doc, role, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-bedrock-full-access-workloads";

const fullAccess = { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] };

describe("iam-bedrock-full-access-workloads", () => {
  it("passes when no role has AmazonBedrockFullAccess", () => {
    const [f] = check.evaluate(withIam({ roles: [role("app", [])] }), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("No role in the account has AmazonBedrockFullAccess attached");
  });

  it("fails a workload role trusted by a service", () => {
    const [f] = check.evaluate(withIam({ roles: [role("fn", [], fullAccess)], policies: [BEDROCK_FULL_ACCESS] }), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("Workload role fn (trusted by lambda.amazonaws.com) has AmazonBedrockFullAccess attached");
  });

  it("reports a human SSO role and says so", () => {
    const sso = role("AWSReservedSSO_DataScience_0123456789abcdef", [], {
      ...fullAccess,
      assumeRolePolicyDocument: doc({
        Effect: "Allow",
        Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/AWSSSO_abc_DO_NOT_DELETE" },
        Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      }),
    });
    const [f] = check.evaluate(withIam({ roles: [sso] }), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("Human IAM Identity Center role AWSReservedSSO_DataScience_0123456789abcdef");
  });

  it("ignores service-linked roles", () => {
    const slr = role("AWSServiceRoleForAmazonBedrock", [], { ...fullAccess, path: "/aws-service-role/bedrock.amazonaws.com/" });
    expect(check.evaluate(withIam({ roles: [slr] }), context)[0]?.status).toBe("PASS");
  });

  it("reports ERROR quoting a malformed trust policy", () => {
    const [f] = check.evaluate(
      withIam({ roles: [role("odd", [], { ...fullAccess, assumeRolePolicyDocument: "not json" })] }),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('policy "trust policy" cannot be parsed: it is not valid JSON');
    expect(f?.message).toContain("Document: not json");
  });

  it("reports ERROR when IAM could not be read", () => {
    const [f] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:ListRoles"))),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("iam:ListRoles");
  });
});
