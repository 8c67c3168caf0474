import { describe, expect, it } from "vitest";
import { attach, BEDROCK_FULL_ACCESS, role, user, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-no-bedrock-wildcard-action";

describe("iam-no-bedrock-wildcard-action", () => {
  it("passes a role with specific Bedrock actions", () => {
    const inv = withIam({
      roles: [role("app", [{ Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:Get*"], Resource: "*" }])],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Role app has Bedrock permissions (e.g. bedrock:");
  });

  it("fails a role with AmazonBedrockFullAccess attached", () => {
    const inv = withIam({
      roles: [role("ml", [], { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] })],
      policies: [BEDROCK_FULL_ACCESS],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      'Role ml is allowed every Bedrock action (bedrock:* or *): policy "AmazonBedrockFullAccess" Sid "BedrockAll" (Action ["bedrock:*"])',
    );
  });

  it("fails a user with Action * even under a condition, and with NotAction", () => {
    const inv = withIam({
      users: [
        user("admin", [
          { Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
        ]),
        user("not-s3", [{ Sid: "AllButS3", Effect: "Allow", NotAction: "s3:*", Resource: "*" }]),
      ],
    });
    const [admin, notS3] = check.evaluate(inv, context);
    expect(admin?.status).toBe("FAIL");
    expect(admin?.message).toContain('(Action "*")');
    expect(notS3?.status).toBe("FAIL");
    expect(notS3?.message).toContain('Sid "AllButS3" (NotAction "s3:*")');
  });

  it("does not count a partial wildcard such as bedrock:S* as every action", () => {
    const inv = withIam({ roles: [role("partial", [{ Effect: "Allow", Action: "bedrock:S*", Resource: "*" }])] });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("passes at account level when no principal has Bedrock permissions", () => {
    const inv = withIam({ roles: [role("reader", [{ Effect: "Allow", Action: "s3:*", Resource: "*" }])] });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe("No IAM role or user in the account has any Bedrock permission");
  });

  it("reports ERROR quoting a malformed policy", () => {
    const inv = withIam({
      users: [
        user("bob", [], {
          inlinePolicies: [{ name: "x", document: { Statement: [{ Effect: "Permit", Action: "bedrock:*", Resource: "*" }] } }],
        }),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('"Effect":"Permit"');
  });

  it("reports ERROR when IAM could not be read", () => {
    const [f] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("grant iam:GetAccountAuthorizationDetails");
  });
});
