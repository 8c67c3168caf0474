import { describe, expect, it } from "vitest";
import { attach, BEDROCK_FULL_ACCESS, awsManaged, role, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-marketplace-subscribe-wildcard";

describe("iam-marketplace-subscribe-wildcard", () => {
  it("passes a subscription restricted by a condition", () => {
    const viaBedrock = awsManaged("BedrockMarketplace", [
      {
        Effect: "Allow",
        Action: ["aws-marketplace:Subscribe"],
        Resource: "*",
        Condition: { StringEquals: { "aws:CalledViaLast": "bedrock.amazonaws.com" } },
      },
    ]);
    const [f] = check.evaluate(
      withIam({ roles: [role("ml", [], { attachedPolicies: [attach(viaBedrock)] })], policies: [viaBedrock] }),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Role ml may call aws-marketplace:Subscribe only under conditions on aws:CalledViaLast");
  });

  it("fails Subscribe on * without a condition", () => {
    const inv = withIam({
      roles: [role("buyer", [{ Sid: "Buy", Effect: "Allow", Action: "aws-marketplace:*", Resource: "*" }])],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain(
      'Role buyer may subscribe to any AWS Marketplace product (aws-marketplace:Subscribe on *) with no condition: policy "buyer-policy (inline)" Sid "Buy"',
    );
  });

  it("passes at account level when nobody may subscribe (bedrock:* does not include it)", () => {
    const inv = withIam({
      roles: [role("ml", [], { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] })],
      policies: [BEDROCK_FULL_ACCESS],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("No IAM role or user in the account may call aws-marketplace:Subscribe");
  });

  it("reports ERROR quoting a malformed policy", () => {
    const [f] = check.evaluate(
      withIam({
        roles: [
          role("buyer", [], {
            inlinePolicies: [
              {
                name: "market",
                document: '{"Statement":[{"Effect":"Allow","Action":"aws-marketplace:Subscribe","Resource":"*",}]}',
              },
            ],
          }),
        ],
      }),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain(
      'Could not evaluate Role buyer: policy "market (inline)" cannot be parsed: it is not valid JSON',
    );
    expect(f?.message).toContain('"Resource":"*",}]}');
  });

  it("reports ERROR for a policy missing from the inventory, and when IAM is unavailable", () => {
    const [f] = check.evaluate(withIam({ roles: [role("x", [], { attachedPolicies: [attach(BEDROCK_FULL_ACCESS)] })] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("attached policy arn:aws:iam::aws:policy/AmazonBedrockFullAccess is not in the inventory");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("iam:GetAccountAuthorizationDetails");
  });
});
