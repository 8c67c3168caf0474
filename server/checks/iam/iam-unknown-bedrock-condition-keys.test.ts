import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import type { Organization } from "@/server/inventory/organizations";
import { doc, role, withIam } from "../lib/iam-fixtures";
import { ACCOUNT, context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-unknown-bedrock-condition-keys";

const GUARDRAIL = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123:1";

function org(content: unknown): Organization {
  return {
    organizationId: "o-abc",
    managementAccountId: "999988887777",
    enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
    accountTargetIds: ["r-root", ACCOUNT],
    policies: [
      {
        id: "p-1",
        arn: "arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-1",
        name: "RequireGuardrail",
        type: "SERVICE_CONTROL_POLICY",
        awsManaged: false,
        content: typeof content === "string" ? content : JSON.stringify(content),
        targetIds: ["r-root"],
      },
    ],
  };
}

describe("iam-unknown-bedrock-condition-keys", () => {
  it("passes a policy testing bedrock:GuardrailIdentifier", () => {
    const inv = withIam({
      roles: [
        role("app", [
          {
            Effect: "Allow",
            Action: "bedrock:InvokeModel",
            Resource: "*",
            Condition: { StringEquals: { "bedrock:GuardrailIdentifier": GUARDRAIL } },
          },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(
      'Policy "app-policy (inline policy of role app)" tests only condition keys Bedrock defines (bedrock:GuardrailIdentifier)',
    );
  });

  it("fails an SCP whose Null test on bedrock:GuardrailArn blocks every call", () => {
    const scp = doc({
      Sid: "NoGuardrailNoInvoke",
      Effect: "Deny",
      Action: "bedrock:InvokeModel",
      Resource: "*",
      Condition: { Null: { "bedrock:GuardrailArn": "true" } },
    });
    const inv = withIam({}, (i) => void (i.organizations = ok(org(scp))));
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.resourceArn).toContain("service_control_policy/p-1");
    expect(f?.message).toContain("(the guardrail key is bedrock:GuardrailIdentifier)");
    expect(f?.message).toContain(
      'Sid "NoGuardrailNoInvoke" tests bedrock:GuardrailArn with Null "true": the condition is always true, so this Deny blocks every call it covers',
    );
  });

  it("fails an Allow whose string test on an unknown key never grants", () => {
    const inv = withIam({
      roles: [
        role("app", [
          {
            Effect: "Allow",
            Action: "bedrock:InvokeModel",
            Resource: "*",
            Condition: { StringEquals: { "bedrock:GuardrailArn": GUARDRAIL } },
          },
        ]),
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("the test never matches, so this Allow never grants anything");
  });

  it("passes at account level when no policy tests a bedrock key", () => {
    const inv = withIam({ roles: [role("app", [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" }])] });
    const findings = check.evaluate(inv, context);
    expect(findings).toEqual([
      expect.objectContaining({ status: "PASS", message: "No identity policy or SCP tests a bedrock: condition key" }),
    ]);
  });

  it("reports ERROR quoting a malformed SCP, and ERROR for each unavailable part", () => {
    const bad = withIam({}, (i) => void (i.organizations = ok(org("{ not json"))));
    const [f] = check.evaluate(bad, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('policy "RequireGuardrail (SCP)" cannot be parsed: it is not valid JSON');
    expect(f?.message).toContain("Document: { not json");
    const unavailable = inventoryWith((i) => {
      i.iam = denied("iam:GetAccountAuthorizationDetails");
      i.organizations = denied("organizations:ListPolicies");
    });
    const errors = check.evaluate(unavailable, context);
    expect(errors.map((e) => e.status)).toEqual(["ERROR", "ERROR"]);
    expect(errors[1]?.message).toContain("organizations:ListPolicies");
  });
});
