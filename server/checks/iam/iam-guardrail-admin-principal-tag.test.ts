import { describe, expect, it } from "vitest";
import { attach, BEDROCK_FULL_ACCESS, role, user, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-guardrail-admin-principal-tag";

const ADMIN_ACTIONS = ["bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail"];

describe("iam-guardrail-admin-principal-tag", () => {
  it("passes a role whose guardrail administration requires a principal tag", () => {
    const inv = withIam({
      roles: [
        role("governance", [
          {
            Sid: "Admin",
            Effect: "Allow",
            Action: ADMIN_ACTIONS,
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalTag/team": "ai-governance" } },
          },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Role governance may administer guardrails (bedrock:UpdateGuardrail");
  });

  it("fails a role allowed to delete one named guardrail without a tag condition", () => {
    const inv = withIam({
      roles: [
        role("ops", [
          {
            Sid: "Delete",
            Effect: "Allow",
            Action: "bedrock:DeleteGuardrail",
            Resource: "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123",
          },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(
      'Role ops may administer guardrails (bedrock:DeleteGuardrail) without an aws:PrincipalTag condition: policy "ops-policy (inline)" Sid "Delete"',
    );
  });

  it("fails AmazonBedrockFullAccess, and a tag test that passes when the tag is missing", () => {
    const inv = withIam({
      roles: [role("ml", [], { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] })],
      users: [
        user("u", [
          {
            Effect: "Allow",
            Action: ADMIN_ACTIONS,
            Resource: "*",
            Condition: { StringEqualsIfExists: { "aws:PrincipalTag/team": "ai" } },
          },
        ]),
      ],
      policies: [BEDROCK_FULL_ACCESS],
    });
    const [ml, u] = check.evaluate(inv, context);
    expect(ml?.status).toBe("FAIL");
    expect(ml?.message).toContain("AmazonBedrockFullAccess");
    expect(u?.status).toBe("FAIL");
  });

  it("passes at account level when nobody can administer guardrails", () => {
    const inv = withIam({
      roles: [role("app", [{ Effect: "Allow", Action: ["bedrock:InvokeModel", "bedrock:ApplyGuardrail"], Resource: "*" }])],
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("PASS");
    expect(findings[0]?.message).toBe("No IAM role or user in the account may create, change or delete guardrails");
  });

  it("reports ERROR quoting a malformed policy, and ERROR when IAM is unavailable", () => {
    const bad = withIam({ roles: [role("x", [{ Effect: "Allow", Action: "bedrock:*" }])] });
    const [f] = check.evaluate(bad, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("has neither Resource nor NotResource");
    expect(f?.message).toContain('"Action":"bedrock:*"');
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("iam:GetAccountAuthorizationDetails");
  });
});
