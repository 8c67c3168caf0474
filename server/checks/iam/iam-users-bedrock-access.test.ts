import { describe, expect, it } from "vitest";
import { doc, user, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-users-bedrock-access";

describe("iam-users-bedrock-access", () => {
  it("passes a user without Bedrock permissions", () => {
    const [f] = check.evaluate(
      withIam({ users: [user("alice", [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }])] }),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("User alice has no Bedrock permissions");
  });

  it("fails a user allowed Bedrock through a group", () => {
    const inv = withIam({
      users: [user("bob", [], { groups: ["ml"] })],
      groups: [
        {
          groupName: "ml",
          arn: "arn:aws:iam::111122223333:group/ml",
          inlinePolicies: [
            { name: "invoke", document: doc({ Sid: "Invoke", Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" }) },
          ],
          attachedPolicies: [],
        },
      ],
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("User bob is allowed Bedrock actions (e.g. bedrock:InvokeModel)");
    expect(f?.message).toContain('policy "invoke (inline, group ml)" Sid "Invoke"');
  });

  it("passes a user whose Bedrock allow is cancelled by a Deny", () => {
    const inv = withIam({
      users: [
        user("carol", [
          { Effect: "Allow", Action: "*", Resource: "*" },
          { Effect: "Deny", Action: "bedrock:*", Resource: "*" },
        ]),
      ],
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("passes at account level without IAM users", () => {
    const [f] = check.evaluate(withIam({}), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("The account has no IAM users");
  });

  it("reports ERROR for a missing group or malformed policy, and when IAM is unavailable", () => {
    const [f] = check.evaluate(withIam({ users: [user("dave", [], { groups: ["gone"] })] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("group gone is not in the inventory");
    const [g] = check.evaluate(
      withIam({ users: [user("erin", [], { inlinePolicies: [{ name: "p", document: "{]" }] })] }),
      context,
    );
    expect(g?.status).toBe("ERROR");
    expect(g?.message).toContain("Document: {]");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:ListUsers"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("iam:ListUsers");
  });
});
